#include "caseboard/core/day.h"
#include "caseboard/core/money.h"
#include "caseboard/core/note_status.h"
#include "caseboard/core/status.h"

#include <catch2/catch.hpp>

using namespace caseboard;

TEST_CASE("ISO days parse and format", "[core]")
{
    const Day day = makeDay(2026, 2, 28);
    CHECK(formatIsoDay(day) == "2026-02-28");
    CHECK(parseIsoDay("2026-02-28") == day);
    CHECK(formatIsoDay(addDays(day, 1)) == "2026-03-01");
    CHECK(daysBetween(makeDay(2025, 12, 31), makeDay(2026, 1, 1)) == 1);
    CHECK(fromSerial(toSerial(day)) == day);
    CHECK(toSerial(makeDay(1970, 1, 1)) == 0);

    CHECK_FALSE(parseIsoDay("2026-02-30"));
    CHECK_FALSE(parseIsoDay("2026-13-01"));
    CHECK_FALSE(parseIsoDay("26-02-28"));
    CHECK_FALSE(parseIsoDay("2026/02/28"));
    CHECK_FALSE(parseIsoDay("2026-02-2x"));
    CHECK_FALSE(parseIsoDay(""));
    CHECK(parseIsoDay("2024-02-29"));
}

TEST_CASE("money formats from integer cents", "[core]")
{
    CHECK(formatCentsPlain(16000) == "160.00");
    CHECK(formatCentsPlain(-3250) == "-32.50");
    CHECK(formatCentsPlain(5) == "0.05");
    CHECK(formatCentsPlain(0) == "0.00");
    CHECK(formatCentsDisplay(125000) == "$1,250.00");
    CHECK(formatCentsDisplay(-3200) == "-$32.00");
    CHECK(formatCentsDisplay(123456789) == "$1,234,567.89");
    CHECK(formatCentsDisplay(99) == "$0.99");
    CHECK(formatWithThousands(0) == "0");
    CHECK(formatWithThousands(999) == "999");
    CHECK(formatWithThousands(1000) == "1,000");
    CHECK(formatWithThousands(983960) == "983,960");
    CHECK(formatWithThousands(-1234567) == "-1,234,567");
}

TEST_CASE("raw statuses map to METRICS.md categories", "[core]")
{
    struct Row {
        const char* raw;
        StatusCategory expected;
    };
    const Row rows[] = {
        {"Show", StatusCategory::Completed},
        {"Attended", StatusCategory::Completed},
        {"Arrived", StatusCategory::Completed},
        {"Kept", StatusCategory::Completed},
        {"Completed", StatusCategory::Completed},
        {"Checked Out", StatusCategory::Completed},
        {"Late Canceled", StatusCategory::LateCancel},
        {"Late Cancelled", StatusCategory::LateCancel},
        {"late canceled", StatusCategory::LateCancel},
        {"Late Cancel", StatusCategory::LateCancel},
        {"Late Cancellation", StatusCategory::LateCancel},
        {"No Show", StatusCategory::NoShow},
        {"No-show", StatusCategory::NoShow},
        {"no_show", StatusCategory::NoShow},
        {"Missed", StatusCategory::NoShow},
        {"Did Not Attend", StatusCategory::NoShow},
        {"Canceled", StatusCategory::Cancelled},
        {"Cancelled", StatusCategory::Cancelled},
        {"  canceled ", StatusCategory::Cancelled},
        {"Clinician Canceled", StatusCategory::ClinicianCancelled},
        {"Clinician cancelled", StatusCategory::ClinicianCancelled},
        {"Cancelled by provider", StatusCategory::ClinicianCancelled},
        {"Scheduled", StatusCategory::Scheduled},
        {"Upcoming", StatusCategory::Scheduled},
        {"Confirmed", StatusCategory::Scheduled},
        {"Booked Online", StatusCategory::Scheduled},
        {"Pending", StatusCategory::Scheduled},
        {"Rescheduled", StatusCategory::Other},
        {"Non-Billable", StatusCategory::Other},
        {"Declined", StatusCategory::Other},
        {"Something new", StatusCategory::Other},
        {"", StatusCategory::Other},
    };
    for (const Row& row : rows) {
        INFO("raw status '" << row.raw << "'");
        CHECK(defaultStatusCategory(row.raw) == row.expected);
    }
}

TEST_CASE("status category names round-trip", "[core]")
{
    for (int i = 0; i < kStatusCategoryCount; ++i) {
        const auto category = static_cast<StatusCategory>(i);
        CHECK(statusCategoryFromName(statusCategoryName(category)) == category);
        CHECK_FALSE(statusCategoryLabel(category).empty());
    }
    CHECK_FALSE(statusCategoryFromName("Completed"));
    CHECK(statusMatchKey("Late Cancelled") == "latecanceled");
    CHECK(statusMatchKey("Late Cancellation") == "latecancellation");
}

TEST_CASE("billable and qualifying follow METRICS.md", "[core]")
{
    CHECK(isBillableCancel(StatusCategory::LateCancel));
    CHECK(isBillableCancel(StatusCategory::NoShow));
    CHECK_FALSE(isBillableCancel(StatusCategory::Cancelled));
    CHECK(isQualifying(StatusCategory::Completed));
    CHECK(isQualifying(StatusCategory::NoShow));
    CHECK_FALSE(isQualifying(StatusCategory::Cancelled));
    CHECK_FALSE(isQualifying(StatusCategory::ClinicianCancelled));
    CHECK_FALSE(isQualifying(StatusCategory::Scheduled));
    CHECK_FALSE(isQualifying(StatusCategory::Other));
}

TEST_CASE("note status names round-trip", "[core]")
{
    for (NoteStatus s : {NoteStatus::Unknown, NoteStatus::Unsigned, NoteStatus::Signed})
        CHECK(noteStatusFromName(noteStatusName(s)) == s);
    CHECK_FALSE(noteStatusFromName("LOCKED"));
}
