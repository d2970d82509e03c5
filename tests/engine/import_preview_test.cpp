#include "caseboard/import/import_preview.h"
#include "caseboard/import/importer.h"
#include "caseboard/store/store.h"

#include "database_dump.h"
#include "import_fixtures.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

using namespace caseboard;
using namespace caseboard::import;

namespace {

FilePreview preview(const std::string& name, PreviewOptions options = {})
{
    PresetCatalog catalog;
    StatusMap statuses;
    return previewFile(test::importFixture(name), catalog, statuses, options);
}

// The preview's cell under a heading, for row `index`.
std::string cell(const FilePreview& p, std::size_t index, const std::string& column)
{
    const auto found = std::find(p.columns.begin(), p.columns.end(), column);
    REQUIRE(found != p.columns.end());
    REQUIRE(index < p.rows.size());
    const auto& cells = p.rows[index].cells;
    REQUIRE(cells.size() == p.columns.size());
    return cells[static_cast<std::size_t>(found - p.columns.begin())];
}

} // namespace

TEST_CASE("a preview of the generic layout shows rows as they will be stored", "[import][preview]")
{
    const FilePreview p = preview("caseboard_appointments.csv");
    INFO(p.error);
    CHECK(p.error.empty());
    CHECK(p.preset == "caseboard-appointments");
    CHECK(p.confidence == 100);
    CHECK(p.encoding == csv::Encoding::Utf8);
    CHECK(p.delimiter == ',');
    CHECK(p.bytes == std::filesystem::file_size(test::importFixture("caseboard_appointments.csv")));
    REQUIRE(p.header.size() == 15);
    CHECK(p.header.front() == "Appointment ID");
    REQUIRE(p.rawRows.size() == 6);
    CHECK(p.rawRows[4][1] == "03/05/2026");
    REQUIRE(p.rows.size() == 6);
    CHECK(p.rows[0].line == 2);
    CHECK(cell(p, 0, "Date") == "2026-03-02");
    CHECK(cell(p, 0, "Start") == "09:00");
    CHECK(cell(p, 0, "Client") == "Grace Liu");
    CHECK(cell(p, 0, "Clinician") == "Nora Quinn");
    CHECK(cell(p, 0, "Status") == "Attended");
    CHECK(cell(p, 0, "Category") == "completed");
    CHECK(cell(p, 0, "Minutes") == "53");
    CHECK(cell(p, 0, "Fee") == "165.00");
    CHECK(cell(p, 0, "Client paid") == "25.00");
    CHECK(cell(p, 0, "Note") == "signed");
    CHECK(cell(p, 2, "Start") == "13:30");
    CHECK(cell(p, 2, "Category") == "late_cancel");
    CHECK(cell(p, 4, "Date") == "2026-03-05"); // MM/DD/YYYY normalised
    CHECK(p.ignoredColumns.empty());
    REQUIRE_FALSE(p.candidates.empty());
    CHECK(p.candidates.front().name == "caseboard-appointments");
    CHECK(p.candidates.front().missing.empty());
}

TEST_CASE("a preview stops after the rows asked for", "[import][preview]")
{
    PreviewOptions options;
    options.rows = 2;
    const FilePreview p = preview("caseboard_appointments.csv", options);
    CHECK(p.rawRows.size() == 2);
    CHECK(p.rows.size() == 2);
}

TEST_CASE("a preview names the problem of a bad row", "[import][preview]")
{
    const FilePreview p = preview("bad_rows.csv");
    CHECK(p.error.empty());
    REQUIRE(p.rows.size() == 6);
    CHECK(p.rows[0].problem.empty());
    CHECK(p.rows[1].cells.empty());
    CHECK_THAT(p.rows[1].problem, Catch::StartsWith("Date: '2026-02-30' is not a date"));
    CHECK_THAT(p.rows[2].problem, Catch::Contains("Status: unknown status 'Sort of came'"));
    CHECK(p.rows[2].line == 4);
}

TEST_CASE("previews of the SimplePractice reports", "[import][preview][simplepractice]")
{
    SECTION("appointment status")
    {
        const FilePreview p = preview("sp_appointment_status_20.csv");
        INFO(p.error);
        CHECK(p.preset == "simplepractice-appointment-status");
        REQUIRE(p.rows.size() == 5);
        CHECK(cell(p, 0, "Date") == "2025-10-06");
        CHECK(cell(p, 0, "Start") == "12:00");
        CHECK(cell(p, 0, "Fee") == "160.00");
        CHECK(cell(p, 0, "Note") == "signed");
    }
    SECTION("attendance, skipping its summary line")
    {
        const FilePreview p = preview("sp_attendance.csv");
        INFO(p.error);
        CHECK(p.preset == "simplepractice-attendance");
        REQUIRE(p.rows.size() == 6);
        CHECK(p.rows[0].line == 3);
        CHECK(cell(p, 0, "Client") == "Ana Diaz");
        CHECK(cell(p, 1, "Category") == "late_cancel");
        CHECK(cell(p, 0, "Fee").empty()); // the report has no fees
    }
    SECTION("client details, its PHI columns ignored")
    {
        const FilePreview p = preview("sp_client_details.csv");
        CHECK(p.preset == "simplepractice-client-details");
        CHECK(p.columns == std::vector<std::string>{"Client", "Status", "Date added"});
        REQUIRE(p.rows.size() == 3);
        CHECK(cell(p, 0, "Date added") == "2025-01-15");
        CHECK(cell(p, 2, "Status") == "Inactive");
        CHECK(std::find(p.ignoredColumns.begin(), p.ignoredColumns.end(), "Address") != p.ignoredColumns.end());
    }
    SECTION("income allocation")
    {
        const FilePreview p = preview("sp_income_allocation.csv");
        CHECK(p.preset == "simplepractice-income-allocation");
        REQUIRE(p.rows.size() == 3);
        CHECK(cell(p, 0, "Date") == "2025-10-08");
        CHECK(cell(p, 0, "Source") == "insurance");
        CHECK(cell(p, 0, "Amount") == "100.00");
        CHECK(cell(p, 2, "Source") == "client");
    }
}

TEST_CASE("a preview of the team roster", "[import][preview][team]")
{
    const FilePreview p = preview("caseboard_team.csv");
    CHECK(p.preset == "caseboard-team");
    REQUIRE(p.rows.size() == 3);
    CHECK(cell(p, 0, "Clinician") == "Nora Quinn");
    CHECK(cell(p, 0, "Start Date") == "2024-01-08");
    CHECK(cell(p, 0, "Weekly Goal") == "24");
    CHECK(cell(p, 0, "Hourly Rate") == "48.00");
}

TEST_CASE("a preview reads with a column mapping or a named preset", "[import][preview][mapping]")
{
    const auto mapping = parseColumnMapping("Appointment ID=Visit #; Date=Service Date; Client=Patient; "
                                            "Clinician=Therapist; Status=Visit Status; Fee=Amount; "
                                            "Charge Fee=Charge Fee");
    REQUIRE(mapping);
    SECTION("without the mapping the layout is unknown, but the raw rows are there")
    {
        const FilePreview p = preview("therapynotes_mapped.csv");
        CHECK(p.preset.empty());
        CHECK_THAT(p.error, Catch::Contains("unknown layout"));
        CHECK(p.rows.empty());
        CHECK(p.rawRows.size() == 4);
    }
    SECTION("with it")
    {
        PreviewOptions options;
        options.mapping = *mapping;
        const FilePreview p = preview("therapynotes_mapped.csv", options);
        INFO(p.error);
        CHECK(p.error.empty());
        CHECK(p.confidence == 100);
        REQUIRE(p.rows.size() == 4);
        CHECK(cell(p, 1, "Category") == "late_cancel"); // cancelled with the fee charged
        CHECK(cell(p, 1, "Fee") == "165.00");
        CHECK(cell(p, 0, "Start") == "09:00");
    }
    SECTION("a named preset that does not fit")
    {
        PreviewOptions options;
        options.preset = "caseboard-team";
        const FilePreview p = preview("caseboard_appointments.csv", options);
        CHECK(p.preset.empty());
        CHECK(p.rows.empty());
    }
}

TEST_CASE("a preview of an unknown layout or a missing column says why", "[import][preview]")
{
    SECTION("unknown layout")
    {
        const FilePreview p = preview("unknown_layout.csv");
        CHECK(p.preset.empty());
        CHECK_THAT(p.error, Catch::Contains("unknown_layout.csv") && Catch::Contains("unknown layout"));
        CHECK(p.header == std::vector<std::string>{"Patient", "Visit Day", "Provider", "Outcome"});
        CHECK(p.rawRows.size() == 1);
    }
    SECTION("a required column missing")
    {
        const FilePreview p = preview("missing_clinician.csv");
        CHECK(p.preset.empty());
        CHECK_THAT(p.error, Catch::Contains("Clinician"));
        REQUIRE_FALSE(p.candidates.empty());
        CHECK(p.candidates.front().name == "caseboard-appointments");
        CHECK(p.candidates.front().missing == std::vector<std::string>{"Clinician"});
    }
    SECTION("no file")
    {
        const FilePreview p = preview("no_such_file.csv");
        CHECK_THAT(p.error, Catch::Contains("no such file"));
    }
}

TEST_CASE("an import with a column mapping, progress and unknown statuses", "[import][mapping]")
{
    Store store = Store::openInMemory();
    SECTION("a mapping given for one import")
    {
        const auto mapping = parseColumnMapping("Appointment ID=Visit #; Date=Service Date; Client=Patient; "
                                                "Clinician=Therapist; Status=Visit Status; Fee=Amount");
        REQUIRE(mapping);
        std::atomic<std::uint64_t> rowsRead{0};
        ImportOptions options;
        options.mapping = *mapping;
        options.rowsRead = &rowsRead;
        Importer importer(store);
        const FileReport report = importer.importFile(test::importFixture("therapynotes_mapped.csv"), options);
        INFO(report.error);
        REQUIRE(report.imported());
        CHECK(report.added == 4);
        CHECK(rowsRead.load() == 4);
        CHECK(report.fileBytes == std::filesystem::file_size(test::importFixture("therapynotes_mapped.csv")));
        CHECK(store.importBatches().at(0).fileBytes == report.fileBytes);
        CHECK(report.ignoredColumns.empty()); // "Charge Fee" is read under its own name
    }
    SECTION("a mapping that misses a required column rejects the file")
    {
        ImportOptions options;
        options.mapping = ColumnMapping{{"Date", "Service Date"}};
        Importer importer(store);
        const FileReport report = importer.importFile(test::importFixture("therapynotes_mapped.csv"), options);
        CHECK(report.outcome == FileOutcome::Rejected);
        CHECK_THAT(report.error, Catch::Contains("lacks the required column"));
    }
    SECTION("unknown statuses are counted by word")
    {
        test::TempDir dir;
        const auto file = dir.file("statuses.csv");
        {
            std::ofstream out(file);
            out << "Date,Client,Clinician,Status\n"
                   "2026-03-02,Grace Liu,Nora Quinn,Telehealth no-show\n"
                   "2026-03-03,Grace Liu,Nora Quinn,Attended\n"
                   "2026-03-04,Grace Liu,Nora Quinn,Telehealth no-show\n"
                   "2026-03-05,Grace Liu,Nora Quinn,Rescheduled twice\n";
        }
        Importer importer(store);
        const FileReport report = importer.importFile(file);
        CHECK(report.outcome == FileOutcome::Rejected);
        CHECK(report.unknownStatuses
              == std::map<std::string, std::uint64_t>{{"Telehealth no-show", 2}, {"Rescheduled twice", 1}});
    }
}

TEST_CASE("a preview reports a Windows-1252, semicolon-separated file as read", "[import][preview]")
{
    test::TempDir dir;
    const auto file = dir.file("excel.csv");
    // "Zo\xEB" is Zoë in Windows-1252, as Excel's CSV save writes it.
    std::ofstream(file, std::ios::binary) << "Date;Client;Clinician;Status;Fee\r\n"
                                             "02/03/2026;Zo\xEB Adams;Nora Quinn;Attended;\"1,250.00\"\r\n";
    PresetCatalog catalog;
    StatusMap statuses;
    const FilePreview p = previewFile(file, catalog, statuses);
    INFO(p.error);
    CHECK(p.encoding == csv::Encoding::Windows1252);
    CHECK(p.delimiter == ';');
    REQUIRE(p.rows.size() == 1);
    CHECK(cell(p, 0, "Client") == "Zo\xC3\xAB Adams");
    CHECK(cell(p, 0, "Date") == "2026-02-03"); // month first
    CHECK(cell(p, 0, "Fee") == "1250.00");
}

TEST_CASE("a preview leaves blank what the file does not carry", "[import][preview]")
{
    // SimplePractice's appointment status report has money but no attendance status:
    // the import keeps the status the attendance report gave, so none is shown.
    const FilePreview p = preview("sp_appointment_status_20.csv");
    CHECK(p.preset == "simplepractice-appointment-status");
    REQUIRE_FALSE(p.rows.empty());
    CHECK(cell(p, 0, "Status").empty());
    CHECK(cell(p, 0, "Category").empty());
    CHECK_FALSE(cell(p, 0, "Fee").empty());
}
