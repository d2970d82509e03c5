#include "caseboard/import/normalise.h"

#include <catch2/catch.hpp>

using namespace caseboard;
using namespace caseboard::import;

TEST_CASE("dates and times in every layout the EHRs write", "[import][normalise]")
{
    struct Row {
        const char* text;
        Day day;
        std::optional<int> minute;
    };
    const Row rows[] = {
        {"10/06/2025", makeDay(2025, 10, 6), std::nullopt},
        {"10/06/2025 12:00", makeDay(2025, 10, 6), 12 * 60},
        {"10/06/2025 00:05", makeDay(2025, 10, 6), 5},
        {"06/02/2026", makeDay(2026, 6, 2), std::nullopt},
        {"6/2/26", makeDay(2026, 6, 2), std::nullopt},
        {"12/31/99", makeDay(1999, 12, 31), std::nullopt},
        {"2025-10-06", makeDay(2025, 10, 6), std::nullopt},
        {"2025-10-06T14:30:00", makeDay(2025, 10, 6), 14 * 60 + 30},
        {"2025-10-06T14:30:00Z", makeDay(2025, 10, 6), 14 * 60 + 30},
        {"2025-10-06T14:30:00-07:00", makeDay(2025, 10, 6), 14 * 60 + 30},
        {"2025-10-06 09:15", makeDay(2025, 10, 6), 9 * 60 + 15},
        {"06/10/2022 11:30", makeDay(2022, 6, 10), 11 * 60 + 30},
        {"10/06/2025 1:30 PM", makeDay(2025, 10, 6), 13 * 60 + 30},
        {"10/06/2025 12:00 AM", makeDay(2025, 10, 6), 0},
        {"10/06/2025 12:15 pm", makeDay(2025, 10, 6), 12 * 60 + 15},
        {" 2/29/2024 ", makeDay(2024, 2, 29), std::nullopt},
        {"1759759200000", makeDay(2025, 10, 6), 14 * 60}, // IntakeQ: Unix milliseconds
    };
    for (const Row& row : rows) {
        INFO("'" << row.text << "'");
        const auto parsed = parseDateTime(row.text);
        REQUIRE(parsed);
        CHECK(parsed->day == row.day);
        CHECK(parsed->minute == row.minute);
    }
}

TEST_CASE("impossible or foreign dates are refused", "[import][normalise]")
{
    for (const char* text : {"", "13/01/2025", "02/30/2025", "2/29/2025", "2025-13-01", "10/06", "10/06/202",
                             "yesterday", "10.06.2025", "10/06/2025 25:00", "10/06/2025 13:00 PM",
                             "10/06/2025 9:5", "2025-10-06X12:00", "10/06/2025 noon"}) {
        INFO("'" << text << "'");
        CHECK_FALSE(parseDateTime(text));
    }
}

TEST_CASE("times of day", "[import][normalise]")
{
    CHECK(parseTimeOfDay("13:30") == 13 * 60 + 30);
    CHECK(parseTimeOfDay("09:00:00") == 9 * 60);
    CHECK(parseTimeOfDay("1:30 PM") == 13 * 60 + 30);
    CHECK(parseTimeOfDay("1:30pm") == 13 * 60 + 30);
    CHECK(parseTimeOfDay("12:00 AM") == 0);
    CHECK(parseTimeOfDay("12:00 PM") == 12 * 60);
    CHECK_FALSE(parseTimeOfDay("24:00"));
    CHECK_FALSE(parseTimeOfDay("0:30 AM"));
    CHECK_FALSE(parseTimeOfDay("1330"));
    CHECK_FALSE(parseTimeOfDay(""));
}

TEST_CASE("money in the forms exports carry", "[import][normalise]")
{
    struct Row {
        const char* text;
        Cents cents;
    };
    const Row rows[] = {
        {"160.0", 16000},     {"-32.0", -3200},     {"$1,250.00", 125000}, {" 45 ", 4500},
        {"0", 0},             {"0.5", 50},          {".75", 75},           {"(32.00)", -3200},
        {"$-32.00", -3200},   {"-$32.00", -3200},   {"160.000", 16000},    {"1,000,000.01", 100000001},
        {"+12.30", 1230},     {"$ 99.99", 9999},
    };
    for (const Row& row : rows) {
        INFO("'" << row.text << "'");
        CHECK(parseMoney(row.text) == row.cents);
    }
    for (const char* text : {"", "$", "abc", "12.345", "1,25.00", "12,50", "1..2", "--", "12.3.4", "1e3", "€12"}) {
        INFO("'" << text << "'");
        CHECK_FALSE(parseMoney(text));
    }
}

TEST_CASE("durations", "[import][normalise]")
{
    CHECK(parseDurationMinutes("53") == 53);
    CHECK(parseDurationMinutes("53 min") == 53);
    CHECK(parseDurationMinutes("50 minutes") == 50);
    CHECK(parseDurationMinutes("1:00") == 60);
    CHECK(parseDurationMinutes("1:30") == 90);
    CHECK(parseDurationMinutes("1h") == 60);
    CHECK(parseDurationMinutes("1.5 h") == 90);
    CHECK(parseDurationMinutes("0") == 0);
    CHECK_FALSE(parseDurationMinutes("-45"));
    CHECK_FALSE(parseDurationMinutes("forty"));
    CHECK_FALSE(parseDurationMinutes("45 days"));
    CHECK_FALSE(parseDurationMinutes("1:5"));
}

TEST_CASE("service codes keep the CPT code", "[import][normalise]")
{
    CHECK(normaliseServiceCode("90837 ") == "90837");
    CHECK(normaliseServiceCode("90846: Family psychotherapy (without the patient present), 50 minutes") == "90846");
    CHECK(normaliseServiceCode("90837: Psychotherapy, 60 min") == "90837");
    CHECK(normaliseServiceCode("90837 - Psychotherapy") == "90837");
    CHECK(normaliseServiceCode("H0031") == "H0031");
    CHECK(normaliseServiceCode("Intake call") == "Intake call");
    CHECK(normaliseServiceCode("") == "");
}

TEST_CASE("names are trimmed and folded", "[import][normalise]")
{
    CHECK(normaliseName("  Ana   Diaz ") == "Ana Diaz");
    CHECK(normaliseName("--") == "");
    CHECK(normaliseName("Jacob, JJ, or Jake Kelly") == "Jacob, JJ, or Jake Kelly");
    CHECK(normaliseName("Dr Kandice N.\tCooper") == "Dr Kandice N. Cooper");
    CHECK(isBlankField(" -- "));
    CHECK(isBlankField("   "));
    CHECK_FALSE(isBlankField("0"));
}

TEST_CASE("charge flags and invoices make billable cancels", "[import][normalise]")
{
    CHECK(applyChargeFlag(StatusCategory::Cancelled, true) == StatusCategory::LateCancel);
    CHECK(applyChargeFlag(StatusCategory::Cancelled, false) == StatusCategory::Cancelled);
    CHECK(applyChargeFlag(StatusCategory::NoShow, true) == StatusCategory::NoShow);
    CHECK(applyChargeFlag(StatusCategory::NoShow, false) == StatusCategory::Cancelled);
    CHECK(applyChargeFlag(StatusCategory::Completed, true) == StatusCategory::Completed);
    CHECK(applyCancelledWithInvoice(StatusCategory::Cancelled, true) == StatusCategory::LateCancel);
    CHECK(applyCancelledWithInvoice(StatusCategory::Cancelled, false) == StatusCategory::Cancelled);
    CHECK(applyCancelledWithInvoice(StatusCategory::Completed, true) == StatusCategory::Completed);
    CHECK(parseFlag("Yes") == true);
    CHECK(parseFlag("x") == true);
    CHECK(parseFlag("") == false);
    CHECK(parseFlag("No") == false);
    CHECK_FALSE(parseFlag("maybe"));
}
