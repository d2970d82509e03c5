// The import options the GUI's wizard uses: an unsaved column mapping, a live row count
// for its progress bar, the file's size, and the statuses no mapping knows yet.

#include "caseboard/import/importer.h"
#include "caseboard/store/store.h"

#include "database_dump.h"
#include "import_fixtures.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <fstream>

using namespace caseboard;
using namespace caseboard::import;

namespace {

ColumnMapping therapyNotesMapping()
{
    return ColumnMapping{{"Appointment ID", "Visit #"}, {"Date", "Service Date"}, {"Client", "Patient"},
                         {"Clinician", "Therapist"},    {"Status", "Visit Status"}, {"Fee", "Amount"},
                         {"Charge Fee", "Charge Fee"}};
}

} // namespace

TEST_CASE("an unsaved column mapping reads the file as the generic layout", "[import][options]")
{
    Store store = Store::openInMemory();
    Importer importer(store);
    ImportOptions options;
    options.mapping = therapyNotesMapping();
    options.preset = "simplepractice-attendance"; // the mapping wins
    const FileReport report = importer.importFile(test::importFixture("therapynotes_mapped.csv"), options);
    INFO(report.error);
    REQUIRE(report.imported());
    CHECK(report.preset == "caseboard-appointments");
    CHECK(report.confidence == 100);
    CHECK(report.added == 4);
    CHECK(store.importBatches().at(0).preset == "caseboard-appointments");
    // Nothing saved: the next importer knows no such mapping.
    CHECK(Importer(store).catalog().all().size() == importer.catalog().all().size());
}

TEST_CASE("a mapping that does not fit the file rejects it and names what is missing", "[import][options]")
{
    Store store = Store::openInMemory();
    Importer importer(store);
    ImportOptions options;
    options.mapping = ColumnMapping{{"Date", "When"}};
    FileReport report = importer.importFile(test::importFixture("therapynotes_mapped.csv"), options);
    CHECK(report.outcome == FileOutcome::Rejected);
    CHECK_THAT(report.error, Catch::Contains("When"));

    options.mapping = ColumnMapping{{"Colour", "Visit #"}};
    report = importer.importFile(test::importFixture("therapynotes_mapped.csv"), options);
    CHECK(report.outcome == FileOutcome::Rejected);
    CHECK_THAT(report.error, Catch::Contains("column mapping") && Catch::Contains("Colour"));
    CHECK(store.counts().importBatches == 0);
}

TEST_CASE("the rows read so far and the file's size are reported", "[import][options]")
{
    Store store = Store::openInMemory();
    Importer importer(store);
    std::atomic<std::uint64_t> rowsRead{99};
    ImportOptions options;
    options.rowsRead = &rowsRead;
    const auto file = test::importFixture("caseboard_appointments.csv");
    const FileReport report = importer.importFile(file, options);
    REQUIRE(report.imported());
    CHECK(rowsRead.load() == 6);
    CHECK(report.fileBytes == std::filesystem::file_size(file));

    const ImportBatch batch = store.importBatches().at(0);
    CHECK(batch.fileBytes == std::filesystem::file_size(file));
    CHECK(batch.inForce());
    CHECK(batch.rolledBackAt.empty());

    SECTION("a rejected file counts its rows too")
    {
        const FileReport rejected = importer.importFile(test::importFixture("bad_rows.csv"), options);
        CHECK(rejected.outcome == FileOutcome::Rejected);
        CHECK(rowsRead.load() == 6);
    }
}

TEST_CASE("statuses no mapping knows are counted, so each is mapped once", "[import][options]")
{
    test::TempDir dir;
    const auto file = dir.file("statuses.csv");
    {
        std::ofstream out(file);
        out << "Date,Client,Clinician,Status\n"
               "2026-03-02,Grace Liu,Nora Quinn,Telehealth no-show\n"
               "2026-03-03,Grace Liu,Nora Quinn,Attended\n"
               "2026-03-04,Omar Haddad,Nora Quinn,Telehealth no-show\n"
               "2026-03-05,Omar Haddad,Nora Quinn,Pending review\n"
               "2026-03-06,Elena Ruiz,Nora Quinn,\n";
    }
    Store store = Store::openInMemory();
    {
        Importer importer(store);
        const FileReport report = importer.importFile(file);
        CHECK(report.outcome == FileOutcome::Rejected);
        CHECK(report.rejected == 4);
        // A missing status is a different problem: nothing to map.
        CHECK(report.unknownStatuses
              == std::map<std::string, std::uint64_t>{{"Pending review", 1}, {"Telehealth no-show", 2}});
        CHECK(store.counts().appointments == 0);
    }

    Importer importer(store);
    importer.statuses().set("Telehealth no-show", StatusCategory::NoShow);
    importer.statuses().set("Pending review", StatusCategory::Scheduled);
    importer.statuses().save(store);
    ImportOptions options;
    options.skipBadRows = true;
    const FileReport report = importer.importFile(file, options);
    REQUIRE(report.imported());
    CHECK(report.unknownStatuses.empty());
    CHECK(report.added == 4);
    CHECK(report.rejected == 1);
}
