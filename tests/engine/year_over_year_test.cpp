// Year over year (year_over_year.h): a practice of three calendar years worked out by
// hand, the year-to-date alignment around Feb 29, group splits that add up, and equality
// with the engine's own functions on the demo practice.

#include "caseboard/core/day.h"
#include "caseboard/demo/demo_practice.h"
#include "caseboard/metrics/caseload.h"
#include "caseboard/metrics/goals_and_rates.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/monthly_series.h"
#include "caseboard/metrics/pair_facts.h"
#include "caseboard/metrics/retention.h"
#include "caseboard/metrics/scope.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/metrics/workflow_lists.h"
#include "caseboard/metrics/year_over_year.h"
#include "caseboard/report/trends_report.h"
#include "caseboard/store/store.h"
#include "caseboard/csv/csv_reader.h"
#include "caseboard/metrics/trend_metric.h"

#include "fixture_builders.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <sstream>
#include <cstddef>
#include <string>
#include <vector>

using namespace caseboard;
using namespace caseboard::metrics;
using caseboard::test::addClient;
using caseboard::test::addClinician;
using caseboard::test::AppointmentBuilder;

namespace {

Day d(int year, unsigned month, unsigned day) { return makeDay(year, month, day); }

// The practice (index = insertion order):
//   0 Ava   LCSW  North  sup. Sam
//   1 Ben   LPC   South  sup. Sam
//   2 Cleo  LCSW  South  sup. Uma
// Groups: North = {Ava}, South = {Ben, Cleo}; Sam = {Ava, Ben}, Uma = {Cleo};
// LCSW = {Ava, Cleo}, LPC = {Ben}.
//
// Settings: retention threshold 3, churn threshold 2 (cohort end B' = min(B, T - 21)),
// active window 30 days; everything else default.
//
// Money: completed fee 100.00, client paid 20.00 + insurance 60.00 (collected 80.00);
// late cancel / no-show fee 50.00, client paid 50.00, insurance unknown (collected 50.00);
// any other status no money. Exceptions: Ava-c1 2022-03-14 fee unknown; Ben-c1 2022-12-30
// fee 100.00 with both payments unknown (collected 0).
// C = Show, NS = No Show, LC = Late Canceled, CX = Canceled, CC = Clinician Canceled,
// S = Scheduled. Start 08:00 + 15 min x client, so no two rows of a clinician make a group.
//
//  Ava-c1  C 2022-03-07, 03-14, 03-21, 04-04; C 2023-01-09; C 2024-03-11 (future)
//  Ava-c2  C 2022-11-07, NS 11-14, CX 11-21, C 12-20; C 2023-01-16, 02-27;
//          C 2024-01-08, LC 02-05
//  Ava-c8  C 2023-01-03, 01-10, 01-17
//  Ava-c7  C 2024-01-02
//  Ben-c3  C 2022-06-06, LC 06-13; CX 2023-01-10, C 2023-02-28, 03-01
//  Ben-c1  C 2022-12-30
//  Ben-c6  CC 2023-06-05, S 2023-06-12 (unmarked), C 2024-02-12
//  Cleo-c4 C 2023-02-20, 05-01, 05-08, NS 05-15; S 2024-03-04 (future)
//  Cleo-c5 C 2023-12-18, 12-27; C 2024-01-03, 2024-02-29
//
// Intake of each client at the practice: c1 2022-03-07, c3 2022-06-06, c2 2022-11-07,
// c8 2023-01-03, c4 2023-02-20, c5 2023-12-18, c7 2024-01-02, c6 2024-02-12.
// Pair intakes: Ava c1 2022-03-07, c2 2022-11-07, c8 2023-01-03, c7 2024-01-02;
// Ben c3 2022-06-06, c1 2022-12-30, c6 2024-02-12; Cleo c4 2023-02-20, c5 2023-12-18.
class YearsFixture {
public:
    YearsFixture() : store_(Store::openInMemory())
    {
        ids_[0] = addClinician(store_, "Ava", "LCSW", "North", "Sam");
        ids_[1] = addClinician(store_, "Ben", "LPC", "South", "Sam");
        ids_[2] = addClinician(store_, "Cleo", "LCSW", "South", "Uma");
        for (int n = 1; n <= 8; ++n)
            clients_.push_back(addClient(store_, "c" + std::to_string(n), "Client " + std::to_string(n)));

        for (Day day : {d(2022, 3, 7), d(2022, 3, 21), d(2022, 4, 4), d(2023, 1, 9), d(2024, 3, 11)})
            add(0, 1, day, "Show");
        add(0, 1, d(2022, 3, 14), "Show", false);
        add(0, 2, d(2022, 11, 7), "Show");
        add(0, 2, d(2022, 11, 14), "No Show");
        add(0, 2, d(2022, 11, 21), "Canceled");
        for (Day day : {d(2022, 12, 20), d(2023, 1, 16), d(2023, 2, 27), d(2024, 1, 8)})
            add(0, 2, day, "Show");
        add(0, 2, d(2024, 2, 5), "Late Canceled");
        for (Day day : {d(2023, 1, 3), d(2023, 1, 10), d(2023, 1, 17)})
            add(0, 8, day, "Show");
        add(0, 7, d(2024, 1, 2), "Show");

        add(1, 3, d(2022, 6, 6), "Show");
        add(1, 3, d(2022, 6, 13), "Late Canceled");
        add(1, 3, d(2023, 1, 10), "Canceled");
        add(1, 3, d(2023, 2, 28), "Show");
        add(1, 3, d(2023, 3, 1), "Show");
        Appointment unpaid = make(1, 1, d(2022, 12, 30), "Show");
        unpaid.clientPaid.reset();
        unpaid.insurancePaid.reset();
        store_.upsertAppointment(unpaid);
        add(1, 6, d(2023, 6, 5), "Clinician Canceled");
        add(1, 6, d(2023, 6, 12), "Scheduled");
        add(1, 6, d(2024, 2, 12), "Show");

        for (Day day : {d(2023, 2, 20), d(2023, 5, 1), d(2023, 5, 8)})
            add(2, 4, day, "Show");
        add(2, 4, d(2023, 5, 15), "No Show");
        add(2, 4, d(2024, 3, 4), "Scheduled");
        for (Day day : {d(2023, 12, 18), d(2023, 12, 27), d(2024, 1, 3), d(2024, 2, 29)})
            add(2, 5, day, "Show");

        snapshot_ = loadSnapshot(store_);
        settings_.retentionThreshold = 3;
        settings_.churnThreshold = 2;
    }

    const Snapshot& snapshot() const { return snapshot_; }
    const MetricSettings& settings() const { return settings_; }

private:
    Appointment make(int clinician, int client, Day day, const std::string& status, bool feeKnown = true)
    {
        Appointment a = appointment_(ids_[clinician], clients_[static_cast<std::size_t>(client - 1)], day,
                                     8 * 60 + 15 * client, status);
        if (a.status == StatusCategory::Completed) {
            a.fee = 10000;
            a.clientPaid = 2000;
            a.insurancePaid = 6000;
        } else if (isBillableCancel(a.status)) {
            a.fee = 5000;
            a.clientPaid = 5000;
        }
        if (!feeKnown)
            a.fee.reset();
        return a;
    }
    void add(int clinician, int client, Day day, const std::string& status, bool feeKnown = true)
    {
        store_.upsertAppointment(make(clinician, client, day, status, feeKnown));
    }

    Store store_;
    RowId ids_[3] = {};
    std::vector<RowId> clients_;
    AppointmentBuilder appointment_;
    Snapshot snapshot_;
    MetricSettings settings_;
};

const YearsFixture& fixture()
{
    static const YearsFixture f;
    return f;
}

const ScopeTrends& group(const YearOverYear& y, Scope::Kind kind, const std::string& value)
{
    for (const ScopeTrends& s : y.groups(kind))
        if (s.scope.value == value)
            return s;
    FAIL("no group " << value);
    return y.practice;
}

double rate(const std::optional<double>& r)
{
    REQUIRE(r.has_value());
    return *r;
}

} // namespace

TEST_CASE("year over year: the columns of T = 2024-02-29", "[yoy]")
{
    const auto periods = yearOverYearPeriods(fixture().snapshot(), d(2024, 2, 29));
    // Calendar years from the first appointment's year (2022) to the year before T's, then
    // the same days last year (Feb 29 -> Feb 28), then the year to date.
    REQUIRE(periods.size() == 4);
    CHECK(periods[0].kind == YearPeriod::Kind::CalendarYear);
    CHECK(periods[0].window.from == d(2022, 1, 1));
    CHECK(periods[0].window.to == d(2022, 12, 31));
    CHECK(periods[0].partialHistory); // the first appointment is 2022-03-07
    CHECK_FALSE(periods[1].partialHistory);
    CHECK(periods[1].year == 2023);
    CHECK(periods[2].kind == YearPeriod::Kind::SameDaysLastYear);
    CHECK(periods[2].window.from == d(2023, 1, 1));
    CHECK(periods[2].window.to == d(2023, 2, 28));
    CHECK(periods[3].kind == YearPeriod::Kind::YearToDate);
    CHECK(periods[3].window.from == d(2024, 1, 1));
    CHECK(periods[3].window.to == d(2024, 2, 29));

    CHECK(sameDayLastYear(d(2024, 2, 29)) == d(2023, 2, 28));
    CHECK(sameDayLastYear(d(2025, 2, 28)) == d(2024, 2, 28));
    CHECK(sameDayLastYear(d(2025, 3, 1)) == d(2024, 3, 1));
    CHECK(sameDayLastYear(d(2024, 12, 31)) == d(2023, 12, 31));
}

TEST_CASE("year over year: the practice's figures worked out by hand", "[yoy]")
{
    const YearOverYear y = computeYearOverYear(fixture().snapshot(), fixture().settings(), d(2024, 2, 29));
    REQUIRE(y.practice.periods.size() == 4);
    const PeriodFigures& y2022 = y.practice.periods[0];
    const PeriodFigures& y2023 = y.practice.periods[1];
    const PeriodFigures& lastYtd = y.practice.periods[2];
    const PeriodFigures& ytd = y.practice.periods[3];

    // Counted (completed) sessions.
    // 2022: Ava c1 4 + c2 2 = 6; Ben c3 1 + c1 1 = 2 -> 8.
    // 2023: Ava c1 1 + c2 2 + c8 3 = 6; Ben c3 2; Cleo c4 3 + c5 2 = 5 -> 13.
    // [2023-01-01, 02-28]: Ava c1 01-09, c2 01-16, 02-27, c8 x3 = 6; Ben 02-28; Cleo 02-20 -> 8.
    // [2024-01-01, 02-29]: Ava c2 01-08, c7 01-02; Ben c6 02-12; Cleo c5 01-03, 02-29 -> 5.
    CHECK(y2022.countedSessions == 8);
    CHECK(y2023.countedSessions == 13);
    CHECK(lastYtd.countedSessions == 8);
    CHECK(ytd.countedSessions == 5);

    // Intakes (distinct clients): 2022 c1, c3, c2; 2023 c8, c4, c5; to Feb 28 2023 c8, c4;
    // to Feb 29 2024 c7, c6.
    CHECK(y2022.intakes == 3);
    CHECK(y2023.intakes == 3);
    CHECK(lastYtd.intakes == 2);
    CHECK(ytd.intakes == 2);

    // Cancellation rate = (CX + LC + NS) / (C + CX + LC + NS).
    // 2022: NS 11-14, CX 11-21, LC 06-13 over 8 C -> 3 / 11.
    // 2023: CX 01-10, NS 05-15 (CC and the unmarked S left out) over 13 C -> 2 / 15.
    // to Feb 28 2023: CX 01-10 over 8 C -> 1 / 9. To Feb 29 2024: LC 02-05 over 5 C -> 1 / 6.
    CHECK(rate(y2022.cancellation.cancellation) == Approx(3.0 / 11.0));
    CHECK(rate(y2023.cancellation.cancellation) == Approx(2.0 / 15.0));
    CHECK(rate(lastYtd.cancellation.cancellation) == Approx(1.0 / 9.0));
    CHECK(rate(ytd.cancellation.cancellation) == Approx(1.0 / 6.0));

    // Retention (threshold 3, churn 2), timeframe = the column, T = its last day.
    // 2022: B' = 12-10; cohort Ava-c1 (4), Ben-c3 (C + LC = 2), Ava-c2 (C, NS, C = 3);
    //       Ben-c1 (12-30) is after B'. Retained 2 / 3, churned 0 / 3, 9 / 3 = 3.0 sessions.
    CHECK(y2022.retention.cohort == 3);
    CHECK(rate(y2022.retention.retentionRate) == Approx(2.0 / 3.0));
    CHECK(rate(y2022.retention.churnRate) == Approx(0.0));
    CHECK(rate(y2022.retention.avgSessionsPerClient) == Approx(3.0));
    // 2023: B' = 12-10; cohort Ava-c8 (3), Cleo-c4 (4); Cleo-c5 (12-18) after B'.
    //       Retained 2 / 2, churned 0, 7 / 2 = 3.5 sessions.
    CHECK(y2023.retention.cohort == 2);
    CHECK(rate(y2023.retention.retentionRate) == Approx(1.0));
    CHECK(rate(y2023.retention.avgSessionsPerClient) == Approx(3.5));
    // to Feb 28 2023: B' = 02-07; cohort Ava-c8 with 3 by 02-28 -> retained 1 / 1.
    CHECK(lastYtd.retention.cohort == 1);
    CHECK(rate(lastYtd.retention.retentionRate) == Approx(1.0));
    // to Feb 29 2024: B' = 02-08; cohort Ava-c7 with 1 (Ben-c6 02-12 after B') -> churned 1 / 1.
    CHECK(ytd.retention.cohort == 1);
    CHECK(rate(ytd.retention.retentionRate) == Approx(0.0));
    CHECK(rate(ytd.retention.churnRate) == Approx(1.0));
    CHECK(rate(ytd.retention.avgSessionsPerClient) == Approx(1.0));

    // Revenue over qualifying sessions with a known fee.
    // 2022: Ava 5 C x 100 (03-14 fee unknown) + NS 50 = 550, Ben C 100 + LC 50 + C 100 = 250
    //       -> charged 800.00; collected Ava 5 x 80 + 50 = 450, Ben 80 + 50 + 0 = 130 -> 580.00.
    CHECK(y2022.revenueCharged == 80000);
    CHECK(y2022.revenueCollected == 58000);
    CHECK(y2022.revenueSessions == 9);
    // 2023: 13 C + NS 05-15 -> 1,350.00 charged, 13 x 80 + 50 = 1,090.00 collected.
    CHECK(y2023.revenueCharged == 135000);
    CHECK(y2023.revenueCollected == 109000);
    // to Feb 28 2023: 8 C -> 800.00 / 640.00. To Feb 29 2024: 5 C + LC -> 550.00 / 450.00.
    CHECK(lastYtd.revenueCharged == 80000);
    CHECK(lastYtd.revenueCollected == 64000);
    CHECK(ytd.revenueCharged == 55000);
    CHECK(ytd.revenueCollected == 45000);

    // Active clients (30 days).
    // 2022-12-31: seen [12-02, 12-31] c2 (12-20), c1 (12-30); booked [2023-01-01, 01-30]
    //   c1 01-09, c2 01-16, c8 01-03 (Ben-c3's 01-10 is a cancellation) -> {c1, c2, c8} = 3.
    // 2023-12-31: seen c5 (12-18, 12-27); booked [2024-01-01, 01-30] c7 01-02, c2 01-08 -> 3.
    // 2023-02-28: seen [01-30, 02-28] c2 02-27, c4 02-20, c3 02-28 -> 3 (c3 booked 03-01 too).
    // T = 2024-02-29 (exact): seen [01-31, 02-29] c2 (LC 02-05), c6 02-12, c5 02-29; booked
    //   after T c4 03-04, c1 03-11 (a future Show is scheduled) -> 5.
    CHECK(y2022.activeClients == 3);
    CHECK(y2023.activeClients == 3);
    CHECK(lastYtd.activeClients == 3);
    CHECK(ytd.activeClients == 5);
}

TEST_CASE("year over year: groups side by side add up to the practice", "[yoy]")
{
    const YearOverYear y = computeYearOverYear(fixture().snapshot(), fixture().settings(), d(2024, 2, 29));
    REQUIRE(y.locations.size() == 2);
    REQUIRE(y.supervisors.size() == 2);
    REQUIRE(y.clinicianTypes.size() == 2);

    // North = Ava, South = Ben + Cleo.
    const ScopeTrends& north = group(y, Scope::Kind::Location, "North");
    const ScopeTrends& south = group(y, Scope::Kind::Location, "South");
    CHECK(north.periods[0].countedSessions == 6);
    CHECK(south.periods[0].countedSessions == 2);
    CHECK(north.periods[1].countedSessions == 6);
    CHECK(south.periods[1].countedSessions == 7);
    // Pair intakes in 2022: Ava c1, c2 -> 2; Ben c3, c1 -> 2. They add up to 4 pairs, one
    // more than the practice's 3 clients: c1 started with Ava and later saw Ben.
    CHECK(north.periods[0].intakes == 2);
    CHECK(south.periods[0].intakes == 2);
    CHECK(y.practice.periods[0].intakes == 3);
    // Active at 2022-12-31: North {c2, c1, c8} = 3, South {c1} = 1; practice 3 (c1 once).
    CHECK(north.periods[0].activeClients == 3);
    CHECK(south.periods[0].activeClients == 1);
    // Cancellations 2022: Ava 2 / 8; Ben 1 / 3.
    CHECK(rate(north.periods[0].cancellation.cancellation) == Approx(2.0 / 8.0));
    CHECK(rate(south.periods[0].cancellation.cancellation) == Approx(1.0 / 3.0));
    // Supervisor Uma = Cleo: 2023 retention cohort c4 only, 4 sessions.
    const ScopeTrends& uma = group(y, Scope::Kind::Supervisor, "Uma");
    CHECK(uma.periods[1].retention.cohort == 1);
    CHECK(rate(uma.periods[1].retention.avgSessionsPerClient) == Approx(4.0));
    // Type LPC = Ben: 2023 revenue C 02-28, 03-01 -> 200.00 charged, 160.00 collected.
    const ScopeTrends& lpc = group(y, Scope::Kind::ClinicianType, "LPC");
    CHECK(lpc.periods[1].revenueCharged == 20000);
    CHECK(lpc.periods[1].revenueCollected == 16000);

    // Every pair-level figure of each kind sums to the practice's.
    for (Scope::Kind kind : {Scope::Kind::Location, Scope::Kind::Supervisor, Scope::Kind::ClinicianType}) {
        for (std::size_t p = 0; p < y.periods.size(); ++p) {
            PeriodFigures sum;
            std::int64_t denominator = 0;
            std::int64_t pairIntakes = 0;
            for (const ScopeTrends& g : y.groups(kind)) {
                const PeriodFigures& f = g.periods[p];
                sum.countedSessions += f.countedSessions;
                sum.revenueCharged += f.revenueCharged;
                sum.revenueCollected += f.revenueCollected;
                sum.retention.cohort += f.retention.cohort;
                sum.retention.retained += f.retention.retained;
                denominator += f.cancellation.counts.denominator();
                pairIntakes += f.intakes;
            }
            const PeriodFigures& all = y.practice.periods[p];
            CHECK(sum.countedSessions == all.countedSessions);
            CHECK(sum.revenueCharged == all.revenueCharged);
            CHECK(sum.revenueCollected == all.revenueCollected);
            CHECK(sum.retention.cohort == all.retention.cohort);
            CHECK(sum.retention.retained == all.retention.retained);
            CHECK(denominator == all.cancellation.counts.denominator());
            CHECK(pairIntakes >= all.intakes);
        }
    }
}

TEST_CASE("year over year: Feb 28 2025 is set against Feb 28 2024, leaving Feb 29 out", "[yoy]")
{
    const YearOverYear y = computeYearOverYear(fixture().snapshot(), fixture().settings(), d(2025, 2, 28));
    // 2022, 2023, 2024, then [2024-01-01, 2024-02-28] and [2025-01-01, 2025-02-28].
    REQUIRE(y.periods.size() == 5);
    CHECK(y.periods[3].window.to == d(2024, 2, 28));
    // [2024-01-01, 02-28]: Ava c2 01-08, c7 01-02; Ben c6 02-12; Cleo c5 01-03 -> 4 (the
    // session of Feb 29 is not in the same days). The year 2024 has 6: those, Feb 29 and
    // Ava-c1 03-11, a Show that was in the future at 2024-02-29 and is past now.
    CHECK(y.practice.periods[3].countedSessions == 4);
    CHECK(y.practice.periods[2].countedSessions == 6);
    CHECK(y.practice.periods[4].countedSessions == 0);
    // Nothing in 2025: rates undefined, not 0.
    CHECK_FALSE(y.practice.periods[4].cancellation.cancellation.has_value());
    CHECK_FALSE(y.practice.periods[4].retention.retentionRate.has_value());
}

TEST_CASE("year over year: months and intakes per month against the year before", "[yoy]")
{
    const YearOverYear y = computeYearOverYear(fixture().snapshot(), fixture().settings(), d(2024, 2, 29));
    // Jan 2023 .. Dec 2024; March 2024 on is after T.
    REQUIRE(y.practice.months.size() == 24);
    const MonthFigures& feb2024 = y.practice.months[13];
    CHECK(feb2024.year == 2024);
    CHECK(feb2024.month == 2);
    // Feb 2024: C Ben c6 02-12, Cleo c5 02-29; LC Ava 02-05 -> 2 counted, 1 / 3 cancelled,
    // intake c6, active at T 5.
    CHECK(feb2024.countedSessions == 2);
    CHECK(rate(feb2024.cancellation.cancellation) == Approx(1.0 / 3.0));
    CHECK(feb2024.intakes == 1);
    CHECK(feb2024.activeClients == 5);
    CHECK(y.practice.months[14].afterAsOf);
    // Jan 2023: Ava c1 01-09, c2 01-16, c8 x3 = 5 counted; CX Ben 01-10 -> 1 / 6.
    CHECK(y.practice.months[0].countedSessions == 5);
    CHECK(rate(y.practice.months[0].cancellation.cancellation) == Approx(1.0 / 6.0));

    // Intakes per month: Feb 2024 has c6 (1); the 12 months before it, Feb 2023 .. Jan
    // 2024, have c4, c5, c7 = 3 -> 0.25 a month; Feb 2023 had c4 (1).
    const auto compared = compareIntakeMonths(y.practice.intakeMonths, 13);
    REQUIRE(compared.size() == 13);
    const IntakeMonthComparison& last = compared.back();
    CHECK(last.year == 2024);
    CHECK(last.month == 2);
    CHECK(last.intakes == 1);
    CHECK(rate(last.previous12Average) == Approx(0.25));
    REQUIRE(last.sameMonthLastYear.has_value());
    CHECK(*last.sameMonthLastYear == 1);
}

TEST_CASE("year over year on the demo practice equals the engine's functions", "[yoy]")
{
    Store store = Store::openInMemory();
    DemoOptions options;
    options.end = d(2025, 9, 30);
    options.years = 3;
    options.clinicians = 8;
    options.clients = 600;
    generateDemoPractice(store, options);
    const Snapshot snapshot = loadSnapshot(store);
    const MetricSettings settings;
    for (const Day asOf : {d(2025, 9, 30), d(2024, 2, 29)}) {
        const YearOverYear y = computeYearOverYear(snapshot, settings, asOf);
        std::vector<const ScopeTrends*> scopes{&y.practice};
        for (Scope::Kind kind : {Scope::Kind::Location, Scope::Kind::Supervisor, Scope::Kind::ClinicianType})
            for (const ScopeTrends& g : y.groups(kind))
                scopes.push_back(&g);
        for (const ScopeTrends* s : scopes) {
            for (std::size_t p = 0; p < y.periods.size(); ++p) {
                INFO("as of " << formatIsoDay(asOf) << ", scope " << s->scope.value << ", column " << p);
                const PeriodFigures expected = periodFigures(snapshot, settings, s->scope, y.periods[p]);
                const PeriodFigures& got = s->periods[p];
                CHECK(got.countedSessions == expected.countedSessions);
                CHECK(got.intakes == expected.intakes);
                CHECK(got.cancellation.counts.denominator() == expected.cancellation.counts.denominator());
                CHECK(got.cancellation.counts.cancellations() == expected.cancellation.counts.cancellations());
                CHECK(got.retention.cohort == expected.retention.cohort);
                CHECK(got.retention.retained == expected.retention.retained);
                CHECK(got.retention.churned == expected.retention.churned);
                CHECK(got.retention.cohortSessions == expected.retention.cohortSessions);
                CHECK(got.revenueCharged == expected.revenueCharged);
                CHECK(got.revenueCollected == expected.revenueCollected);
                CHECK(got.revenueSessions == expected.revenueSessions);
                CHECK(got.activeClients == expected.activeClients);
            }
            // The months add up to the year to date (and to last year's calendar year).
            std::int64_t counted = 0;
            Cents charged = 0;
            const int thisYear = static_cast<int>(std::chrono::year_month_day{asOf}.year());
            for (const MonthFigures& m : s->months)
                if (m.year == thisYear) {
                    counted += m.countedSessions;
                    charged += m.revenueCharged;
                }
            CHECK(counted == s->periods.back().countedSessions);
            CHECK(charged == s->periods.back().revenueCharged);
            // Intakes per month equal the engine's.
            CHECK(s->intakeMonths.size() == 37);
        }
        const PairFacts facts = computePairFacts(snapshot, asOf);
        const auto months = intakesPerMonth(snapshot, facts, Scope::practice(), 37);
        REQUIRE(months.size() == y.practice.intakeMonths.size());
        for (std::size_t i = 0; i < months.size(); ++i)
            CHECK(months[i].count == y.practice.intakeMonths[i].count);
    }
}

TEST_CASE("year over year: the JSON, CSV and text reports carry the engine's figures", "[yoy]")
{
    const YearOverYear y = computeYearOverYear(fixture().snapshot(), fixture().settings(), d(2024, 2, 29));
    const nlohmann::json json = report::trendsJson(y);
    REQUIRE(json.at("periods").size() == 4);
    CHECK(json.at("periods")[2].at("to") == "2023-02-28");
    CHECK(json.at("periods")[0].at("label") == "2022*");
    const auto& y2022 = json.at("practice").at("periods")[0];
    CHECK(y2022.at("counted_sessions") == 8);
    CHECK(y2022.at("revenue_charged") == 800.0);
    CHECK(y2022.at("revenue_collected") == 580.0);
    CHECK(y2022.at("cancellation_rate").get<double>() == Approx(3.0 / 11.0));
    CHECK(json.at("practice").at("periods")[2].at("retention_rate") == 1.0);

    // CSV: a header, then one row per scope (practice, 2 locations, 2 supervisors, 2 types)
    // and column, with the JSON's numbers.
    std::istringstream csvText(report::trendsCsv(y));
    std::vector<std::vector<std::string>> rows;
    const auto read = csv::readCsv(csvText, {}, [&](const csv::Row& row) {
        rows.emplace_back(row.fields.begin(), row.fields.end());
        return csv::RowAction::Continue;
    });
    REQUIRE(read.ok());
    REQUIRE(rows.size() == 1 + 7 * 4);
    CHECK(rows[0][0] == "group_by");
    CHECK(rows[0][6] == "counted_sessions");
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const std::size_t scope = (r - 1) / 4;
        const std::size_t period = (r - 1) % 4;
        const ScopeTrends& s = scope == 0 ? y.practice
            : scope <= 2               ? y.locations[scope - 1]
            : scope <= 4               ? y.supervisors[scope - 3]
                                       : y.clinicianTypes[scope - 5];
        INFO("row " << r);
        CHECK(rows[r][1] == s.scope.value);
        CHECK(std::stoll(rows[r][6]) == s.periods[period].countedSessions);
        CHECK(std::stoll(rows[r][7]) == s.periods[period].intakes);
        CHECK(std::llround(std::stod(rows[r][12]) * 100) == s.periods[period].revenueCharged);
        CHECK(std::llround(std::stod(rows[r][13]) * 100) == s.periods[period].revenueCollected);
        CHECK(std::stoll(rows[r][14]) == s.periods[period].activeClients);
    }

    const std::string text = report::trendsText(y);
    CHECK(text.find("2023 Jan 1 - Feb 28") != std::string::npos);
    CHECK(text.find("Location: North") != std::string::npos);
    CHECK(text.find("$1,350.00") != std::string::npos);
}

TEST_CASE("year over year of a practice without appointments: two empty columns, nothing defined", "[yoy]")
{
    Store store = Store::openInMemory();
    addClinician(store, "Ava", "LCSW", "North", "Sam");
    const Snapshot snapshot = loadSnapshot(store);
    const YearOverYear y = computeYearOverYear(snapshot, MetricSettings{}, d(2026, 3, 1));
    REQUIRE(y.periods.size() == 2);
    CHECK(y.periods[0].kind == YearPeriod::Kind::SameDaysLastYear);
    CHECK(y.periods[0].window.to == d(2025, 3, 1));
    CHECK(y.practice.periods[1].countedSessions == 0);
    CHECK_FALSE(y.practice.periods[1].cancellation.cancellation.has_value());
    REQUIRE(y.locations.size() == 1);
    CHECK(report::trendsText(y).find("Practice") != std::string::npos);
    CHECK(report::trendsCsv(y).find("practice,,year_to_date,2026,2026-01-01,2026-03-01") != std::string::npos);
}
