#include "caseboard/import/import_preview.h"
#include "caseboard/import/importer.h"
#include "caseboard/store/batch_rollback.h"
#include "caseboard/store/store.h"

#include "database_dump.h"
#include "import_fixtures.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>

using namespace caseboard;
using namespace caseboard::import;

namespace {

FileReport importPath(Store& store, const std::filesystem::path& path, ImportOptions options = {})
{
    Importer importer(store);
    return importer.importFile(path, options);
}

std::filesystem::path writeFile(const test::TempDir& dir, const std::string& name, const std::string& text)
{
    const auto path = dir.file(name);
    std::ofstream(path) << text;
    return path;
}

// "Name|YYYY-MM-DD" -> hours
std::map<std::string, double> hoursByPersonAndDay(Store& store)
{
    auto rows = store.connection().prepare(
        "SELECT c.name, h.day, h.hours FROM staff_hours h JOIN clinicians c ON c.id = h.clinician_id");
    std::map<std::string, double> result;
    while (rows.step())
        result[rows.text(0) + "|" + formatIsoDay(fromSerial(rows.integer(1)))] = rows.real(2);
    return result;
}

std::string roleOf(Store& store, const std::string& name)
{
    auto row = store.connection().prepare("SELECT role FROM clinicians WHERE name = ?");
    row.bind(1, name);
    return row.step() ? row.text(0) : std::string("(none)");
}

} // namespace

TEST_CASE("a staff timesheet stores each person's hours a day", "[import][timesheet]")
{
    Store store = Store::openInMemory();
    REQUIRE(importPath(store, test::importFixture("caseboard_appointments.csv")).imported()); // Nora Quinn, a clinician

    const FileReport report = importPath(store, test::importFixture("caseboard_timesheet.csv"));
    INFO(report.error);
    REQUIRE(report.imported());
    CHECK(report.preset == "caseboard-timesheet");
    CHECK(report.confidence == 100);
    CHECK(report.rows == 5);
    CHECK(report.added == 5);
    CHECK(report.ignoredColumns == std::vector<std::string>{"Notes"});
    CHECK(report.newClinicians == std::vector<std::string>{"Maya Ortiz", "Leo Grant"});
    CHECK(roleOf(store, "Maya Ortiz") == "admin");
    CHECK(roleOf(store, "Leo Grant") == "admin");
    CHECK(roleOf(store, "Nora Quinn") == "clinician");

    const auto hours = hoursByPersonAndDay(store);
    CHECK(hours == std::map<std::string, double>{{"Maya Ortiz|2026-03-02", 8.0},
                                                 {"Maya Ortiz|2026-03-03", 7.5},
                                                 {"Leo Grant|2026-03-02", 7.5}, // two rows, summed
                                                 {"Nora Quinn|2026-03-02", 2.0}});

    SECTION("the same file again changes nothing")
    {
        const std::string before = test::dumpDatabase(store, false) + test::dumpTable(store, "staff_hours");
        const FileReport again = importPath(store, test::importFixture("caseboard_timesheet.csv"));
        CHECK(again.unchanged == 5);
        CHECK(again.added == 0);
        CHECK(test::dumpDatabase(store, false) + test::dumpTable(store, "staff_hours") == before);
        CHECK(hoursByPersonAndDay(store) == hours);
    }
    SECTION("a corrected timesheet updates the day, and rolls back")
    {
        test::TempDir dir;
        const std::string before = test::dumpDatabase(store, false) + test::dumpTable(store, "staff_hours");
        const FileReport corrected = importPath(
            store, writeFile(dir, "corrected.csv",
                             "Employee,Date,Hours Worked\nMaya Ortiz,2026-03-02,6\nMaya Ortiz,2026-03-04,5\n"
                             "Leo Grant,2026-03-02,7.5\n"));
        INFO(corrected.error);
        REQUIRE(corrected.imported());
        CHECK(corrected.updated == 1);
        CHECK(corrected.added == 1);
        CHECK(corrected.unchanged == 1);
        CHECK(hoursByPersonAndDay(store).at("Maya Ortiz|2026-03-02") == 6.0);

        const RollbackPlan plan = rollBackBatch(store, *corrected.batchId);
        CHECK(plan.staffHoursRemoved == 1);
        CHECK(plan.staffHoursRestored == 1);
        CHECK(test::dumpDatabase(store, false) + test::dumpTable(store, "staff_hours") == before);
    }
}

TEST_CASE("timesheet names are matched by alias, case and spacing", "[import][timesheet]")
{
    test::TempDir dir;
    Store store = Store::openInMemory();
    Clinician dana;
    dana.name = "Dana Whitfield";
    dana.role = "clinical director";
    const RowId id = store.addClinician(dana);
    auto alias = store.connection().prepare("INSERT INTO clinician_aliases (alias, clinician_id) VALUES (?, ?)");
    alias.bind(1, "Dr Dana Whitfield").bind(2, id);
    alias.run();

    const FileReport report = importPath(
        store, writeFile(dir, "hours.csv", "Name,Date,Hours\nDr Dana Whitfield,2026-03-02,3\ndana  whitfield,2026-03-03,4\n"));
    INFO(report.error);
    REQUIRE(report.imported());
    CHECK(report.newClinicians.empty());
    CHECK(hoursByPersonAndDay(store)
          == std::map<std::string, double>{{"Dana Whitfield|2026-03-02", 3.0}, {"Dana Whitfield|2026-03-03", 4.0}});
    CHECK(roleOf(store, "Dana Whitfield") == "clinical director");
}

TEST_CASE("hours outside a day are row problems naming the column", "[import][timesheet]")
{
    test::TempDir dir;
    Store store = Store::openInMemory();
    ImportOptions skip;
    skip.skipBadRows = true;
    const FileReport report = importPath(store,
                                         writeFile(dir, "bad.csv",
                                                   "Staff,Date,Hours\n"
                                                   "Maya Ortiz,2026-03-02,25\n"
                                                   "Maya Ortiz,2026-03-03,-1\n"
                                                   "Maya Ortiz,2026-03-04,lots\n"
                                                   "Maya Ortiz,2026-03-05,\n"
                                                   "Leo Grant,2026-03-02,16\n"
                                                   "Leo Grant,2026-03-02,9\n"
                                                   "Leo Grant,2026-03-03,8\n"),
                                         skip);
    INFO(report.error);
    REQUIRE(report.imported());
    CHECK(report.rejected == 5);
    REQUIRE(report.issues.size() == 5);
    for (const RowIssue& issue : report.issues)
        CHECK(issue.column == "Hours");
    CHECK_THAT(report.issues[0].reason, Catch::Contains("between 0 and 24"));
    CHECK_THAT(report.issues[1].reason, Catch::Contains("between 0 and 24"));
    CHECK_THAT(report.issues[2].reason, Catch::Contains("not a number"));
    CHECK_THAT(report.issues[3].reason, Catch::Contains("missing"));
    CHECK_THAT(report.issues[4].reason, Catch::Contains("more than 24 hours"));
    CHECK(report.issues[4].line == 7);
    CHECK(hoursByPersonAndDay(store)
          == std::map<std::string, double>{{"Leo Grant|2026-03-02", 16.0}, {"Leo Grant|2026-03-03", 8.0}});
}

TEST_CASE("a timesheet is detected and previewed", "[import][timesheet][preview]")
{
    PresetCatalog catalog;
    StatusMap statuses;
    const FilePreview p = previewFile(test::importFixture("caseboard_timesheet.csv"), catalog, statuses);
    INFO(p.error);
    CHECK(p.preset == "caseboard-timesheet");
    CHECK(p.columns == std::vector<std::string>{"Staff", "Date", "Hours"});
    REQUIRE(p.rows.size() == 5);
    CHECK(p.rows[2].cells == std::vector<std::string>{"Leo Grant", "2026-03-02", "4"});
    CHECK(p.rows[1].cells == std::vector<std::string>{"Maya Ortiz", "2026-03-03", "7.5"});

    // An appointments file is not mistaken for a timesheet.
    const FilePreview appointments = previewFile(test::importFixture("caseboard_appointments.csv"), catalog, statuses);
    for (const PresetCandidate& candidate : appointments.candidates)
        CHECK(candidate.name != "caseboard-timesheet");
}
