// The dashboard report (report/dashboard_report.h): the JSON contract's keys and types,
// undefined rates as null, money as dollars, ISO dates, formula-safe CSV, initials.
// Exact figures come from hand-made dashboards, so these tests pin the rendering, not
// the metrics (the metrics_*_test files do that); computed dashboards check the shape.

#include "caseboard/metrics/dashboard.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/report/dashboard_report.h"
#include "caseboard/store/store.h"

#include "fixture_builders.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

using namespace caseboard;
using namespace caseboard::metrics;
using nlohmann::json;

namespace {

constexpr Day T = makeDay(2025, 6, 30);

const std::vector<std::string> kPracticeKeys{
    "weekly_goal", "counted_last_7d", "utilization_last_7d", "cancellation_rate_12w", "late_cancel_rate_12w",
    "no_show_rate_12w", "bookings_target", "upcoming_next_7d", "active_clients", "retention_rate_12m",
    "churn_rate_12m", "avg_sessions_per_client_12m", "avg_revenue_per_session_12m", "ltv_12m",
    "intakes_last_7d", "overdue_notes", "unmarked_past"};
const std::vector<std::string> kClinicianKeys{
    "name", "weekly_goal", "counted_last_7d", "utilization_last_7d", "cancellation_rate_12w", "bookings_target",
    "practice_rate_used", "upcoming_next_7d", "openings", "active_clients", "caseload_baseline",
    "retention_rate_12m", "churn_rate_12m", "retention_status", "ltv_12m", "overdue_notes", "under_performing"};
const std::vector<std::string> kListKeys{
    "openings", "new_client_followups", "new_clinicians", "at_risk_clients", "close_out_candidates",
    "attendance_policy", "overdue_notes", "missing_payments"};
// Keys whose value is a rate, money or an average: a number, or null when undefined.
const std::vector<std::string> kNullableNumbers{
    "utilization_last_7d", "cancellation_rate_12w", "late_cancel_rate_12w", "no_show_rate_12w",
    "bookings_target", "retention_rate_12m", "churn_rate_12m", "avg_sessions_per_client_12m",
    "avg_revenue_per_session_12m", "ltv_12m"};

bool isNullableNumber(const json& value)
{
    return value.is_null() || value.is_number();
}

bool isIsoDay(const json& value)
{
    static const std::regex iso{R"(\d{4}-\d{2}-\d{2})"};
    return value.is_string() && std::regex_match(value.get<std::string>(), iso);
}

void checkContractShape(const json& report)
{
    REQUIRE(report.is_object());
    CHECK(isIsoDay(report.at("as_of")));

    const json& practice = report.at("practice");
    for (const std::string& key : kPracticeKeys) {
        INFO("practice." << key);
        REQUIRE(practice.contains(key));
        CHECK(isNullableNumber(practice.at(key)));
    }
    for (const char* key : {"weekly_goal", "counted_last_7d", "upcoming_next_7d", "active_clients", "intakes_last_7d",
                            "overdue_notes", "unmarked_past"}) {
        INFO("practice." << key);
        CHECK(practice.at(key).is_number());
    }

    REQUIRE(report.at("clinicians").is_array());
    for (const json& clinician : report.at("clinicians")) {
        for (const std::string& key : kClinicianKeys) {
            INFO("clinician." << key);
            REQUIRE(clinician.contains(key));
        }
        CHECK(clinician.at("name").is_string());
        CHECK(clinician.at("practice_rate_used").is_boolean());
        CHECK((clinician.at("retention_status").is_null() || clinician.at("retention_status").is_string()));
        CHECK((clinician.at("under_performing").is_null() || clinician.at("under_performing").is_boolean()));
        for (const char* key : {"weekly_goal", "counted_last_7d", "upcoming_next_7d", "openings", "active_clients",
                                "caseload_baseline", "overdue_notes"}) {
            INFO("clinician." << key);
            CHECK(clinician.at(key).is_number());
        }
        for (const std::string& key : kNullableNumbers) {
            if (!clinician.contains(key))
                continue;
            INFO("clinician." << key);
            CHECK(isNullableNumber(clinician.at(key)));
        }
    }

    const json& lists = report.at("lists");
    for (const std::string& key : kListKeys) {
        INFO("lists." << key);
        REQUIRE(lists.contains(key));
        if (key == "missing_payments") {
            CHECK(lists.at(key).at("sessions").is_array());
            CHECK(lists.at(key).at("totals").is_array());
            CHECK(lists.at(key).at("balance").is_number());
        } else {
            CHECK(lists.at(key).is_array());
        }
    }
}

// A practice small enough to reason about. T = Monday 2025-06-30.
//   Ava Reyes: goal 10. Ben Ortiz seen Jan-Mar (3 sessions, one unpaid, one note unsigned);
//              Ana Maria Diaz first seen 06-26, next booked 07-02; an unmarked 06-27.
//   =cmd:      goal 5. Cal Young: completed 06-02, then three no-shows, booked 07-01.
class SmallPractice {
public:
    SmallPractice() : store(Store::openInMemory())
    {
        const RowId ava = test::addClinician(store, "Ava Reyes");
        const RowId cmd = test::addClinician(store, "=cmd");
        test::addGoalPeriod(store, ava, makeDay(2024, 1, 1), std::nullopt, 10);
        test::addGoalPeriod(store, cmd, makeDay(2024, 1, 1), std::nullopt, 5);
        const RowId ben = test::addClient(store, "Ben Ortiz", "Ben Ortiz");
        const RowId ana = test::addClient(store, "Ana Maria Diaz", "Ana Maria Diaz");
        const RowId cal = test::addClient(store, "Cal Young", "Cal Young");

        add(ava, ben, makeDay(2025, 1, 6), "Show").noteStatus = NoteStatus::Signed;
        add(ava, ben, makeDay(2025, 1, 13), "Show").noteStatus = NoteStatus::Unsigned;
        Appointment& unpaid = add(ava, ben, makeDay(2025, 3, 3), "Show");
        unpaid.clientPaid = 2000;
        unpaid.insurancePaid = 0;
        unpaid.payer = "Aetna";
        add(ava, ana, makeDay(2025, 6, 26), "Show");
        add(ava, ana, makeDay(2025, 6, 27), "Scheduled");
        add(ava, ana, makeDay(2025, 7, 2), "Scheduled");

        add(cmd, cal, makeDay(2025, 6, 2), "Show");
        add(cmd, cal, makeDay(2025, 6, 9), "No Show");
        add(cmd, cal, makeDay(2025, 6, 16), "No Show");
        add(cmd, cal, makeDay(2025, 6, 23), "No Show");
        add(cmd, cal, makeDay(2025, 7, 1), "Scheduled");

        for (const Appointment& a : pending_)
            store.upsertAppointment(a);
        snapshot = loadSnapshot(store);
        dashboard = computeDashboard(snapshot, loadMetricSettings(store), T);
    }

    Store store;
    Snapshot snapshot;
    Dashboard dashboard;

private:
    // Fees of $123.45, payments unknown unless the caller sets them. The reference is good
    // until the next add().
    Appointment& add(RowId clinician, RowId client, Day day, const std::string& rawStatus)
    {
        pending_.push_back(appointment_(clinician, client, day, 9 * 60, rawStatus));
        return pending_.back();
    }

    test::AppointmentBuilder appointment_{.fee = 12345};
    // Written in one go at the end, so add() can hand back the appointment to adjust.
    std::vector<Appointment> pending_;
};

// A snapshot with names only, and a dashboard filled in by hand: the figures below are
// what the report must print, whatever the metrics would compute.
struct HandMade {
    Snapshot snapshot;
    Dashboard dashboard;

    HandMade()
    {
        SnapshotClinician ava;
        ava.id = 1;
        ava.name = "Ava Reyes";
        SnapshotClinician cmd;
        cmd.id = 2;
        cmd.name = "=cmd";
        snapshot.clinicians = {ava, cmd};
        for (const char* name : {"Ana Maria Diaz", "Ben Ortiz", "=HYPERLINK(\"x\")", "Eve\x1b[31mRed"}) {
            SnapshotClient c;
            c.id = static_cast<RowId>(snapshot.clients.size() + 1);
            c.displayName = name;
            snapshot.clients.push_back(c);
        }

        Dashboard& d = dashboard;
        d.asOf = T;
        d.summary.weeklyGoal = 15;
        d.summary.countedLast7d = 12;
        d.summary.utilizationLast7d = 0.8;
        d.summary.cancellation12w.cancellation = 0.25;
        d.summary.bookingsTarget.target = 20;
        d.summary.upcomingNext7d = {18, 17};
        d.summary.activeClients = 30;
        d.summary.retention12m.retentionRate = 0.5;
        d.summary.retention12m.avgRevenuePerSession = 123.456;
        d.summary.retention12m.lifetimeValue = 1234.5678;
        d.summary.unmarkedPast = 1;

        ClinicianSummary first;
        first.clinician = 0;
        first.weeklyGoal = 10;
        first.bookingsTarget.target = 14;
        first.bookingsTarget.usesPracticeRate = true;
        first.retentionStatus = RetentionStatus::Green;
        first.underPerforming = false;
        ClinicianSummary second; // every optional undefined
        second.clinician = 1;
        second.weeklyGoal = 7.5;
        d.clinicians = {first, second};

        PairEntry ana;
        ana.pair = 0;
        ana.clinician = 0;
        ana.client = 0;
        ana.intakeSerial = toSerial(makeDay(2025, 6, 26));
        ana.lastQualifyingSerial = ana.intakeSerial;
        d.lists.newClientFollowUps = {ana}; // nextScheduledSerial stays kNoDay: nothing booked
        // Longest unseen first, so a capped list shows the two awkward names.
        for (std::size_t client = 4; client-- > 0;) {
            PairEntry e;
            e.clinician = client % 2;
            e.client = client;
            e.lastQualifyingSerial = toSerial(makeDay(2025, 3, 4 - static_cast<unsigned>(client)));
            d.lists.closeOutCandidates.push_back(e);
        }

        MissingPayment unpaid;
        unpaid.appointment = {3, 0, 1, toSerial(makeDay(2025, 3, 3))};
        unpaid.fee = 12345;
        unpaid.paid = 2000;
        unpaid.balance = 10345;
        unpaid.payer = "Aetna";
        d.lists.missingPayments.sessions = {unpaid};
        d.lists.missingPayments.totals = {{2025, 3, "Aetna", 1, 10345}};
        d.lists.missingPayments.balance = 10345;
    }
};

} // namespace

TEST_CASE("report JSON: an empty database gives every key, with null rates", "[report]")
{
    Store store = Store::openInMemory();
    const Snapshot snapshot = loadSnapshot(store);
    const Dashboard dashboard = computeDashboard(snapshot, loadMetricSettings(store), T);
    const json report = report::dashboardJson(snapshot, dashboard);

    checkContractShape(report);
    CHECK(report.at("as_of") == "2025-06-30");
    const json& practice = report.at("practice");
    // A rate whose denominator is 0 is undefined (METRICS.md), never 0.
    for (const char* key : {"utilization_last_7d", "cancellation_rate_12w", "late_cancel_rate_12w", "no_show_rate_12w",
                            "retention_rate_12m", "churn_rate_12m", "avg_sessions_per_client_12m",
                            "avg_revenue_per_session_12m", "ltv_12m"}) {
        INFO(key);
        CHECK(practice.at(key).is_null());
    }
    CHECK(practice.at("counted_last_7d") == 0);
    CHECK(report.at("clinicians").empty());
    CHECK(report.at("lists").at("openings").empty());
    CHECK(report.at("lists").at("missing_payments").at("balance") == 0.0);

    // The other forms cope with nothing to show.
    const std::string text = report::dashboardText(snapshot, dashboard);
    CHECK(text.find("as of 2025-06-30") != std::string::npos);
    CHECK(text.find("NEW CLIENT FOLLOW-UPS: none") != std::string::npos);
    const std::string csv = report::dashboardCsv(snapshot, dashboard);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 2); // header and the Practice row
}

TEST_CASE("report JSON: a small practice fills the contract with the right types", "[report]")
{
    const SmallPractice p;
    const json report = report::dashboardJson(p.snapshot, p.dashboard);
    checkContractShape(report);

    REQUIRE(report.at("clinicians").size() == 2);
    CHECK(report.at("clinicians")[0].at("name") == "Ava Reyes");
    CHECK(report.at("clinicians")[1].at("name") == "=cmd");
    // Every fee is $123.45, so revenue per session is that, in dollars.
    CHECK(report.at("practice").at("avg_revenue_per_session_12m") == Approx(123.45));

    // Every date on every list is ISO or null; every entry names a clinician.
    const json& lists = report.at("lists");
    for (const char* key : {"new_client_followups", "at_risk_clients", "close_out_candidates", "attendance_policy"})
        for (const json& entry : lists.at(key)) {
            INFO(key);
            CHECK(entry.at("clinician").is_string());
            CHECK(entry.at("client").is_string());
            for (const char* date : {"intake", "last_qualifying", "next_scheduled"})
                CHECK((entry.at(date).is_null() || isIsoDay(entry.at(date))));
        }
    for (const json& entry : lists.at("overdue_notes"))
        CHECK(isIsoDay(entry.at("date")));

    // Ana Maria Diaz's first session was 06-26, in the last 7 days; next booked 07-02.
    REQUIRE(lists.at("new_client_followups").size() == 1);
    CHECK(lists.at("new_client_followups")[0].at("client") == "Ana Maria Diaz");
    CHECK(lists.at("new_client_followups")[0].at("intake") == "2025-06-26");
    CHECK(lists.at("new_client_followups")[0].at("next_scheduled") == "2025-07-02");
    // Cal Young's three no-shows put the pair on the attendance-policy list.
    REQUIRE(lists.at("attendance_policy").size() == 1);
    CHECK(lists.at("attendance_policy")[0].at("clinician") == "=cmd");
    // Ben's 03-03 session: $123.45 charged, $20.00 paid, $103.45 due.
    const json& missing = lists.at("missing_payments");
    REQUIRE(missing.at("sessions").size() == 1);
    CHECK(missing.at("sessions")[0].at("date") == "2025-03-03");
    CHECK(missing.at("sessions")[0].at("fee") == 123.45);
    CHECK(missing.at("sessions")[0].at("balance") == 103.45);
    CHECK(missing.at("totals")[0].at("month") == "2025-03");
    CHECK(missing.at("balance") == 103.45);
}

TEST_CASE("report JSON: figures, nulls, money and dates as the contract writes them", "[report]")
{
    const HandMade h;
    const json report = report::dashboardJson(h.snapshot, h.dashboard);
    checkContractShape(report);

    const json& practice = report.at("practice");
    CHECK(practice.at("utilization_last_7d") == 0.8);
    CHECK(practice.at("cancellation_rate_12w") == 0.25);
    CHECK(practice.at("late_cancel_rate_12w").is_null());
    CHECK(practice.at("churn_rate_12m").is_null());
    CHECK(practice.at("bookings_target") == 20);
    CHECK(practice.at("upcoming_next_7d") == 17); // sessions, the figure targets compare to
    // Money: dollars rounded to cents.
    CHECK(practice.at("avg_revenue_per_session_12m").dump() == "123.46");
    CHECK(practice.at("ltv_12m").dump() == "1234.57");

    const json& ava = report.at("clinicians")[0];
    CHECK(ava.at("retention_status") == "green");
    CHECK(ava.at("practice_rate_used") == true);
    CHECK(ava.at("under_performing") == false);
    const json& cmd = report.at("clinicians")[1];
    CHECK(cmd.at("weekly_goal") == 7.5);
    CHECK(cmd.at("retention_status").is_null());
    CHECK(cmd.at("under_performing").is_null());
    CHECK(cmd.at("bookings_target").is_null());
    CHECK(cmd.at("utilization_last_7d").is_null());
    CHECK(cmd.at("ltv_12m").is_null());

    const json& followUp = report.at("lists").at("new_client_followups").at(0);
    CHECK(followUp.at("clinician") == "Ava Reyes");
    CHECK(followUp.at("client") == "Ana Maria Diaz");
    CHECK(followUp.at("intake") == "2025-06-26");
    CHECK(followUp.at("next_scheduled").is_null()); // kNoDay: nothing booked

    const json& missing = report.at("lists").at("missing_payments");
    CHECK(missing.at("sessions")[0].at("fee").dump() == "123.45");
    CHECK(missing.at("sessions")[0].at("paid").dump() == "20.0");
    CHECK(missing.at("sessions")[0].at("balance").dump() == "103.45");
    CHECK(missing.at("sessions")[0].at("payer") == "Aetna");
    CHECK(missing.at("totals")[0].at("month") == "2025-03");
    CHECK(missing.at("balance").dump() == "103.45");
}

TEST_CASE("report CSV: the clinician keys, a Practice row, formula-safe names", "[report]")
{
    const HandMade h;
    const std::string csv = report::dashboardCsv(h.snapshot, h.dashboard);
    std::istringstream lines(csv);
    std::string header, practice, ava, cmd, extra;
    std::getline(lines, header);
    std::getline(lines, practice);
    std::getline(lines, ava);
    std::getline(lines, cmd);
    CHECK_FALSE(std::getline(lines, extra));

    CHECK(header == "name,weekly_goal,counted_last_7d,utilization_last_7d,cancellation_rate_12w,bookings_target,"
                    "practice_rate_used,upcoming_next_7d,openings,active_clients,caseload_baseline,"
                    "retention_rate_12m,churn_rate_12m,retention_status,ltv_12m,overdue_notes,under_performing");
    CHECK(practice.rfind("Practice,15.0,12,0.8,0.25,20,,17,", 0) == 0);
    CHECK(ava.rfind("Ava Reyes,10.0,", 0) == 0);
    // "=cmd" would run as a formula in a spreadsheet; the writer makes it text.
    CHECK(cmd.rfind("'=cmd,7.5,", 0) == 0);
    // Undefined figures are empty cells, never 0.
    CHECK(cmd.find(",,,") != std::string::npos);
}

TEST_CASE("report: initials mask client names in every form", "[report]")
{
    const HandMade h;
    report::ReportOptions masked;
    masked.clientInitials = true;

    const json full = report::dashboardJson(h.snapshot, h.dashboard);
    CHECK(full.at("lists").at("new_client_followups")[0].at("client") == "Ana Maria Diaz");

    const json report = report::dashboardJson(h.snapshot, h.dashboard, masked);
    CHECK(report.at("lists").at("new_client_followups")[0].at("client") == "A. M. D.");
    CHECK(report.at("lists").at("missing_payments").at("sessions")[0].at("client") == "B. O.");
    // Clinicians are staff, not PHI: their names stay.
    CHECK(report.at("lists").at("new_client_followups")[0].at("clinician") == "Ava Reyes");
    const std::string dumped = report.dump(-1, ' ', false, json::error_handler_t::replace);
    CHECK(dumped.find("Ana Maria") == std::string::npos);
    CHECK(dumped.find("Ortiz") == std::string::npos);

    const std::string text = report::dashboardText(h.snapshot, h.dashboard, masked);
    CHECK(text.find("A. M. D.") != std::string::npos);
    CHECK(text.find("Ana Maria") == std::string::npos);
    CHECK(text.find("Ortiz") == std::string::npos);
    CHECK(report::dashboardText(h.snapshot, h.dashboard).find("Ana Maria Diaz") != std::string::npos);
}

TEST_CASE("report text: aligned blocks, capped lists, no terminal escapes", "[report]")
{
    const HandMade h;
    report::ReportOptions options;
    options.textListLimit = 2;
    const std::string text = report::dashboardText(h.snapshot, h.dashboard, options);

    CHECK(text.find("Caseboard weekly report, as of 2025-06-30") != std::string::npos);
    CHECK(text.find("Utilization, last 7 days          80.0%") != std::string::npos);
    CHECK(text.find("Lifetime value, 12 months         $1,234.57") != std::string::npos);
    // Four close-out candidates, two shown.
    CHECK(text.find("CLOSE-OUT CANDIDATES (4)") != std::string::npos);
    CHECK(text.find("\u2026 and 2 more") != std::string::npos);
    CHECK(text.find("$103.45") != std::string::npos);
    // Nothing booked shows as "none"; an undefined rate as a dash.
    CHECK(text.find("none") != std::string::npos);
    CHECK(text.find("\u2014") != std::string::npos);
    // An imported name cannot drive the terminal.
    CHECK(text.find('\x1b') == std::string::npos);

    // Every row of the clinician table starts its columns at the same place.
    const auto header = text.find("Clinician  ");
    REQUIRE(header != std::string::npos);
    const auto goalColumn = text.find("Goal", header) - text.rfind('\n', header);
    const auto avaLine = text.find("\n  Ava Reyes", header);
    const auto cmdLine = text.find("\n  =cmd", header);
    REQUIRE(avaLine != std::string::npos);
    REQUIRE(cmdLine != std::string::npos);
    CHECK(text.find("10", avaLine) - avaLine == goalColumn + 2); // "Goal" right-aligned: "  10" ends under it
    CHECK(text.find("7.5", cmdLine) - cmdLine == goalColumn + 1);
}
