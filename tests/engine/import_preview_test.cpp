// The import wizard's preview: the layout detected, the first rows as they will be
// stored, and why a row or the file would be rejected, all without the database.

#include "caseboard/import/import_preview.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "temp_dir.h"

using namespace caseboard;
using namespace caseboard::import;

namespace {

std::filesystem::path fixture(const std::string& name)
{
    return std::filesystem::path(CASEBOARD_FIXTURES_DIR) / "import" / name;
}

FilePreview preview(const std::string& name, const PreviewOptions& options = {})
{
    const PresetCatalog catalog;
    const StatusMap statuses;
    return previewFile(fixture(name), catalog, statuses, options);
}

std::string cell(const FilePreview& p, std::size_t row, const std::string& column)
{
    const auto found = std::find(p.columns.begin(), p.columns.end(), column);
    REQUIRE(found != p.columns.end());
    return p.rows.at(row).cells.at(static_cast<std::size_t>(found - p.columns.begin()));
}

} // namespace

TEST_CASE("a preview detects the layout and shows rows as they will be stored", "[import][preview]")
{
    const FilePreview p = preview("sp_attendance.csv");
    INFO(p.error);
    CHECK(p.error.empty());
    CHECK(p.preset == "simplepractice-attendance");
    CHECK(p.confidence == 100);
    CHECK(p.bytes == std::filesystem::file_size(fixture("sp_attendance.csv")));
    CHECK(p.encoding == csv::Encoding::Utf8);
    CHECK(p.delimiter == ',');
    CHECK(p.header.size() == 5);
    REQUIRE_FALSE(p.candidates.empty());
    CHECK(p.candidates.front().name == "simplepractice-attendance");
    CHECK(p.candidates.front().title == "SimplePractice client attendance report");
    CHECK(p.columns.size() == 12);
    CHECK(p.columns.front() == "Date");

    // The summary line under the header is read but is not a data row.
    CHECK(p.rawRows.size() == 7);
    REQUIRE(p.rows.size() == 6);
    CHECK(p.rows[0].line == 3);
    CHECK(p.rows[0].problem.empty());
    CHECK(cell(p, 0, "Date") == "2025-10-06");
    CHECK(cell(p, 0, "Client") == "Ana Diaz");
    CHECK(cell(p, 1, "Client") == "Jacob, JJ, or Jake Kelly");
    CHECK(cell(p, 1, "Status") == "Late canceled");
    CHECK(cell(p, 1, "Category") == "late_cancel");
    CHECK(cell(p, 0, "Fee").empty()); // the attendance report carries no money
}

TEST_CASE("a preview reads only the rows it is asked for", "[import][preview]")
{
    PreviewOptions options;
    options.rows = 2;
    const FilePreview p = preview("caseboard_appointments.csv", options);
    CHECK(p.preset == "caseboard-appointments");
    REQUIRE(p.rows.size() == 2);
    CHECK(p.rawRows.size() == 2);
    CHECK(cell(p, 0, "Start") == "09:00");
    CHECK(cell(p, 0, "Minutes") == "53");
    CHECK(cell(p, 0, "Fee") == "165.00");
    CHECK(cell(p, 0, "Client paid") == "25.00");
    CHECK(cell(p, 0, "Note") == "signed");
    CHECK(cell(p, 1, "Category") == "no_show");
}

TEST_CASE("a preview says why a row would be rejected", "[import][preview]")
{
    const FilePreview p = preview("bad_rows.csv");
    CHECK(p.error.empty());
    REQUIRE(p.rows.size() == 6);
    CHECK(p.rows[0].problem.empty());
    CHECK(p.rows[1].line == 3);
    CHECK_THAT(p.rows[1].problem, Catch::StartsWith("Date: '2026-02-30' is not a date"));
    CHECK(p.rows[1].cells.empty());
    CHECK(p.rows[0].cells.size() == p.columns.size());
    CHECK_THAT(p.rows[2].problem, Catch::Contains("unknown status 'Sort of came'"));
}

TEST_CASE("a preview with a mapping reads another EHR's file", "[import][preview]")
{
    SECTION("without one the file is unknown, but its header and rows are shown")
    {
        const FilePreview p = preview("therapynotes_mapped.csv");
        CHECK_THAT(p.error, Catch::Contains("therapynotes_mapped.csv") && Catch::Contains("unknown layout"));
        CHECK(p.preset.empty());
        CHECK(p.header.front() == "Visit #");
        CHECK(p.rawRows.size() == 4);
        CHECK(p.rows.empty());
    }
    SECTION("with one it is the generic layout")
    {
        PreviewOptions options;
        options.mapping = ColumnMapping{{"Appointment ID", "Visit #"}, {"Date", "Service Date"}, {"Client", "Patient"},
                                        {"Clinician", "Therapist"},    {"Status", "Visit Status"}, {"Fee", "Amount"},
                                        {"Charge Fee", "Charge Fee"}};
        const FilePreview p = preview("therapynotes_mapped.csv", options);
        INFO(p.error);
        CHECK(p.error.empty());
        CHECK(p.preset == "caseboard-appointments (mapped)");
        CHECK(p.confidence == 100);
        CHECK(p.ignoredColumns.empty());
        REQUIRE(p.rows.size() == 4);
        CHECK(cell(p, 1, "Category") == "late_cancel"); // cancelled with the fee charged
        CHECK(cell(p, 0, "Start") == "09:00");
    }
    SECTION("a mapping naming a missing column says which")
    {
        PreviewOptions options;
        options.mapping = ColumnMapping{{"Date", "Visit Date"}, {"Client", "Patient"}, {"Clinician", "Therapist"},
                                        {"Status", "Visit Status"}};
        const FilePreview p = preview("therapynotes_mapped.csv", options);
        CHECK_THAT(p.error, Catch::Contains("Visit Date"));
        CHECK(p.rawRows.size() == 4);
    }
}

TEST_CASE("a preview of other layouts uses their own headings", "[import][preview]")
{
    const FilePreview team = preview("caseboard_team.csv");
    CHECK(team.preset == "caseboard-team");
    CHECK(team.columns.front() == "Clinician");
    REQUIRE(team.rows.size() == 3);
    CHECK(cell(team, 0, "Clinician") == "Nora Quinn");
    CHECK(cell(team, 0, "Weekly Goal") == "24");
    CHECK(cell(team, 0, "Hourly Rate") == "48.00");
    CHECK(cell(team, 0, "Start Date") == "2024-01-08");

    const FilePreview clients = preview("sp_client_details.csv");
    CHECK(clients.preset == "simplepractice-client-details");
    CHECK(clients.columns.front() == "Client");
    CHECK_FALSE(clients.ignoredColumns.empty()); // contact details are dropped

    const FilePreview payments = preview("sp_income_allocation.csv");
    CHECK(payments.preset == "simplepractice-income-allocation");
    CHECK(payments.columns.back() == "Amount");
    REQUIRE_FALSE(payments.rows.empty());
    CHECK_THAT(cell(payments, 0, "Amount"), Catch::Matches(R"(-?\d+\.\d\d)"));
    CHECK_THAT(cell(payments, 0, "Source"), Catch::Equals("insurance") || Catch::Equals("client"));
}

TEST_CASE("a preview names file-level problems", "[import][preview]")
{
    CHECK_THAT(preview("no_such_file.csv").error, Catch::Contains("no such file"));
    const FilePreview unknown = preview("unknown_layout.csv");
    CHECK_THAT(unknown.error, Catch::Contains("unknown_layout.csv") && Catch::Contains("unknown layout"));
    CHECK(unknown.header.size() == 4);

    PreviewOptions options;
    options.preset = "no-such-preset";
    CHECK_THAT(preview("sp_attendance.csv", options).error, Catch::Contains("no preset named 'no-such-preset'"));

    test::TempDir dir;
    const auto empty = dir.file("empty.csv");
    std::ofstream(empty).close();
    const PresetCatalog catalog;
    CHECK_THAT(previewFile(empty, catalog, StatusMap{}).error, Catch::Contains("empty"));

    const FilePreview truncated = preview("truncated_quote.csv");
    CHECK_FALSE(truncated.error.empty());
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
