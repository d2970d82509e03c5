// Caseload, retention, churn and lifetime value (METRICS.md "Caseload" and "Retention,
// churn, lifetime value") on the hand-built practice of metrics_fixture_practice.h.
// Every expected value is worked out by hand in the comments (from the pair table at
// the top of that header), never by calling the code under test.

#include "caseboard/metrics/caseload.h"
#include "caseboard/metrics/goals_and_rates.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/pair_facts.h"
#include "caseboard/metrics/retention.h"
#include "caseboard/metrics/scope.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/metrics/window.h"
#include "caseboard/store/store.h"

#include "fixture_builders.h"
#include "metrics_fixture_practice.h"

#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

using namespace caseboard;
using namespace caseboard::metrics;
using namespace caseboard::test::practice;

namespace {

const MetricSettings kDefaults{};

} // namespace

TEST_CASE("caseload fixture practice loads with the expected shape", "[metrics]")
{
    const PracticeFixture f;
    // Ava 12+8+5+3+3+4+2+2+2 = 41, Ben 9+3+7+2+3+6+2+1 = 33, Cleo 9+4+6+5+2+1+3 = 30,
    // Dev 3+2+3+2 = 10, Eve 4+2+3+1 = 10: 124 appointments.
    CHECK(f.snapshot.appointments.size() == 124);
    CHECK(f.appointmentCount == 124);
    CHECK(f.snapshot.clinicians.size() == 5);
    CHECK(f.snapshot.clients.size() == 32);
    // Ava 9 (c1..c9), Ben 8 (c10..c17), Cleo 7 (c18..c23 and c10), Dev 4, Eve 4: 32 pairs;
    // c10 with Ben and with Cleo is two pairs.
    CHECK(f.snapshot.pairs.size() == 32);
    CHECK(f.pair(kBen, 10) != f.pair(kCleo, 10));
}

TEST_CASE("pair facts on T", "[metrics]")
{
    const PracticeFixture f;
    const PairFacts facts = computePairFacts(f.snapshot, T);
    REQUIRE(facts.pairs.size() == 32);

    SECTION("Ava c1: ten qualifying sessions, a future \"Show\" is the next scheduled")
    {
        const PairFact& p = facts.pairs[f.pair(kAva, 1)];
        CHECK(p.intakeSerial == serial(2024, 9, 2));
        CHECK(p.lastQualifyingSerial == serial(2025, 6, 23));
        CHECK(p.lastSeenSerial == serial(2025, 6, 23));
        CHECK(p.nextScheduledSerial == serial(2025, 7, 7));
        CHECK(p.firstAppointmentSerial == serial(2024, 9, 2));
        CHECK(p.qualifyingCount == 10); // 9 in 2024 + 06-23; the clinician-cancelled 06-16 is not
        CHECK(p.billableCancels12m == 0);
        CHECK(p.rebooked);
    }
    SECTION("Ava c3: no-shows and late cancels are qualifying")
    {
        // C 02-03, NS 02-17, LC 03-03, C 04-07, NS 06-09.
        const PairFact& p = facts.pairs[f.pair(kAva, 3)];
        CHECK(p.qualifyingCount == 5);
        CHECK(p.billableCancels12m == 3);
        CHECK(p.lastQualifyingSerial == serial(2025, 6, 9));
        CHECK(p.lastSeenSerial == serial(2025, 4, 7)); // last completed
        CHECK(p.nextScheduledSerial == kNoDay);
    }
    SECTION("Dev c32: last qualifying (a no-show) and last seen (completed) differ")
    {
        const PairFact& p = facts.pairs[f.pair(kDev, 32)];
        CHECK(p.intakeSerial == serial(2025, 5, 21));
        CHECK(p.lastQualifyingSerial == serial(2025, 6, 4));
        CHECK(p.lastSeenSerial == serial(2025, 5, 21));
        CHECK(p.qualifyingCount == 2);
        CHECK(p.billableCancels12m == 1);
    }
    SECTION("Ava c9: an unmarked past appointment and a future cancellation")
    {
        const PairFact& p = facts.pairs[f.pair(kAva, 9)];
        CHECK(p.intakeSerial == kNoDay);
        CHECK(p.qualifyingCount == 0);
        CHECK(p.nextScheduledSerial == kNoDay); // 07-01 "Canceled" is not scheduled
        CHECK(p.firstAppointmentSerial == serial(2025, 6, 26));
        CHECK_FALSE(facts.scheduledAfterT(f.pair(kAva, 9)));
    }
    SECTION("Ben c12: billable cancels counted in [T-364, T] only")
    {
        // NS 2024-06-24 is before T-364 = 2024-07-01; LC 07-01, NS 09-09, NS 10-07, LC 01-06 are in.
        const PairFact& p = facts.pairs[f.pair(kBen, 12)];
        CHECK(p.intakeSerial == serial(2024, 6, 24));
        CHECK(p.qualifyingCount == 6);
        CHECK(p.billableCancels12m == 4);
        CHECK(p.nextScheduledSerial == serial(2025, 7, 8));
    }
    SECTION("client c10 with two clinicians: two pair intakes, one practice intake")
    {
        CHECK(facts.pairs[f.pair(kBen, 10)].intakeSerial == serial(2024, 7, 8));
        CHECK(facts.pairs[f.pair(kBen, 10)].qualifyingCount == 9);
        CHECK(facts.pairs[f.pair(kCleo, 10)].intakeSerial == serial(2025, 6, 24));
        CHECK(facts.pairs[f.pair(kCleo, 10)].nextScheduledSerial == serial(2025, 7, 1));
        CHECK(facts.clientIntakeSerial[f.client(10)] == serial(2024, 7, 8));
    }
    SECTION("practice intakes and discharged clients")
    {
        REQUIRE(facts.clientIntakeSerial.size() == 32);
        CHECK(facts.clientIntakeSerial[f.client(29)] == serial(2025, 6, 2)); // a no-show intake
        CHECK(facts.clientIntakeSerial[f.client(9)] == kNoDay);
        CHECK(facts.clientIntakeSerial[f.client(31)] == kNoDay); // no appointment at all
        REQUIRE(facts.clientDischarged.size() == 32);
        CHECK(facts.clientDischarged[f.client(5)] == 1);  // "Discharged"
        CHECK(facts.clientDischarged[f.client(13)] == 0); // "Inactive" is not discharged
        CHECK(facts.clientDischarged[f.client(1)] == 0);
        CHECK(isDischargedStatus("Discharged"));
        CHECK(isDischargedStatus("discharged"));
        CHECK_FALSE(isDischargedStatus("Active"));
        CHECK_FALSE(isDischargedStatus(""));
    }
    SECTION("re-booked: a later qualifying or scheduled appointment; a cancellation is none")
    {
        CHECK(facts.pairs[f.pair(kDev, 24)].rebooked);      // C 05-19 after intake 05-12
        CHECK_FALSE(facts.pairs[f.pair(kDev, 25)].rebooked); // only CX 05-28 after
        CHECK(facts.pairs[f.pair(kDev, 26)].rebooked);      // C 06-30 and future 07-10
        CHECK(facts.pairs[f.pair(kEve, 29)].rebooked);      // C 06-09, future "Show" 07-01
        CHECK_FALSE(facts.pairs[f.pair(kEve, 28)].rebooked); // only a future cancellation
        CHECK_FALSE(facts.pairs[f.pair(kBen, 17)].rebooked); // nothing after
    }
}

TEST_CASE("active clients: 30-day window or scheduled after T, distinct at practice level", "[metrics]")
{
    const PracticeFixture f;

    // Window [06-01, 06-30] or scheduled after T (a future "Show" is; a future cancellation is not):
    //   Ava  c1 (06-23, 07-07), c3 (NS 06-09), c6 (06-02), c7 (06-25, 07-02)             = 4
    //        not: c2 (03-03), c4, c5, c8 (05-31 = T-30, just outside), c9 (unmarked, CX 07-01)
    //   Ben  c10 (06-10), c12 (06-16, 07-08), c15 (06-02, 07-01), c16 (S 07-02 only),
    //        c17 (06-27)                                                                 = 5
    //        not: c11, c13, c14 (only a future cancellation)
    //   Cleo c19 (07-09), c21 (06-03), c10 (06-24, 07-01), c23 (06-10, 07-03)            = 4
    //        not: c18, c20, c22 (05-30)
    //   Dev  c24 (06-02), c26 (06-05, 06-30, 07-10), c32 (NS 06-04)                      = 3
    //   Eve  c27 (06-20), c28 (06-26), c29 (NS 06-02, C 06-09, 07-01)                    = 3
    //        not: c30 (unmarked on T)
    CHECK(activeClients(f.snapshot, kDefaults, T, Scope::oneClinician(kAva)) == 4);
    CHECK(activeClients(f.snapshot, kDefaults, T, Scope::oneClinician(kBen)) == 5);
    CHECK(activeClients(f.snapshot, kDefaults, T, Scope::oneClinician(kCleo)) == 4);
    CHECK(activeClients(f.snapshot, kDefaults, T, Scope::oneClinician(kDev)) == 3);
    CHECK(activeClients(f.snapshot, kDefaults, T, Scope::oneClinician(kEve)) == 3);

    // Practice: 4 + 5 + 4 + 3 + 3 = 19 pairs, but c10 is active with Ben and with Cleo: 18 clients.
    CHECK(activeClients(f.snapshot, kDefaults, T, Scope::practice()) == 18);
    // North = Ava + Cleo + Eve: 4 + 4 + 3 = 11 (no client shared).
    CHECK(activeClients(f.snapshot, kDefaults, T, Scope::location("North")) == 11);
    // Supervisor Uma = Cleo + Dev + Eve: 4 + 3 + 3 = 10.
    CHECK(activeClients(f.snapshot, kDefaults, T, Scope::supervisor("Uma")) == 10);
    // Supervisor Sam = Ava + Ben: 4 + 5 = 9 (c10 is active with Ben only among these).
    CHECK(activeClients(f.snapshot, kDefaults, T, Scope::supervisor("Sam")) == 9);

    SECTION("per clinician from the pair facts")
    {
        const PairFacts facts = computePairFacts(f.snapshot, T);
        const std::vector<std::int64_t> byClinician = activeClientsByClinician(f.snapshot, kDefaults, facts);
        REQUIRE(byClinician.size() == 5);
        CHECK(byClinician[kAva] == 4);
        CHECK(byClinician[kBen] == 5);
        CHECK(byClinician[kCleo] == 4);
        CHECK(byClinician[kDev] == 3);
        CHECK(byClinician[kEve] == 3);
    }
    SECTION("active window setting: 60 days = [05-02, 06-30]")
    {
        MetricSettings s;
        s.activeWindowDays = 60;
        // Ava adds c8 (05-12, 05-31); c5 (04-21) stays out: 5.
        CHECK(activeClients(f.snapshot, s, T, Scope::oneClinician(kAva)) == 5);
        // Dev adds c25 (05-14): 4.
        CHECK(activeClients(f.snapshot, s, T, Scope::oneClinician(kDev)) == 4);
    }
    SECTION("a day earlier the window moves")
    {
        // T' = 06-29: window [05-31, 06-29]. Ava: c8's 05-31 is now inside (+1); c1, c3, c6,
        // c7 stay (c7's 06-25 still inside): 5.
        CHECK(activeClients(f.snapshot, kDefaults, d(2025, 6, 29), Scope::oneClinician(kAva)) == 5);
    }
}

TEST_CASE("caseload baseline and reading", "[metrics]")
{
    SECTION("baseline = multiplier x weekly goal")
    {
        CHECK(caseloadBaseline(6.0, kDefaults) == Approx(12.0));
        CHECK(caseloadBaseline(4.0, kDefaults) == Approx(8.0));
        CHECK(caseloadBaseline(0.0, kDefaults) == 0.0); // goal 0 (Dev, or leave): baseline 0
        MetricSettings s;
        s.caseloadMultiplier = 2.5;
        CHECK(caseloadBaseline(6.0, s) == Approx(15.0));
    }
    SECTION("reading: below baseline, losing clients when retention is red or yellow")
    {
        CHECK(caseloadReading(4, 12.0, RetentionStatus::Green) == CaseloadReading::NeedsReferrals);
        CHECK(caseloadReading(5, 8.0, RetentionStatus::Red) == CaseloadReading::LosingClients);
        CHECK(caseloadReading(5, 8.0, RetentionStatus::Yellow) == CaseloadReading::LosingClients);
        CHECK(caseloadReading(3, 6.0, RetentionStatus::Unknown) == CaseloadReading::NeedsReferrals);
        // At the baseline is not below it.
        CHECK(caseloadReading(4, 4.0, RetentionStatus::Yellow) == CaseloadReading::AtOrAboveBaseline);
        CHECK(caseloadReading(9, 4.0, RetentionStatus::Red) == CaseloadReading::AtOrAboveBaseline);
        // Baseline 0: never below.
        CHECK(caseloadReading(0, 0.0, RetentionStatus::Red) == CaseloadReading::AtOrAboveBaseline);
        // A fractional baseline (goal 2.5 -> 5.0; goal 2.25 -> 4.5): 4 is below 4.5.
        CHECK(caseloadReading(4, 4.5, RetentionStatus::Green) == CaseloadReading::NeedsReferrals);
    }
    SECTION("texts")
    {
        CHECK(caseloadReadingText(CaseloadReading::AtOrAboveBaseline).empty());
        CHECK(caseloadReadingText(CaseloadReading::LosingClients) == "losing clients");
        CHECK(caseloadReadingText(CaseloadReading::NeedsReferrals) == "needs referrals");
        CHECK(retentionStatusName(RetentionStatus::Green) == "green");
        CHECK(retentionStatusName(RetentionStatus::Yellow) == "yellow");
        CHECK(retentionStatusName(RetentionStatus::Red) == "red");
        CHECK(retentionStatusName(RetentionStatus::Unknown) == "unknown");
    }
}

// Retention over the default timeframe, the trailing 12 months [2024-07-01, 2025-06-30],
// B' = min(06-30, T - 56) = 2025-05-05. Cohort = pairs with intake in [2024-07-01, 05-05]:
//   Ava  c1 (q 10), c2 (8), c3 (5), c4 (2), c5 (3)   = 5; retained c1, c2; churned c4, c5
//        out: c6 (intake 2024-05-06, before A), c7 (06-25), c8 (05-12, after B'), c9 (none)
//   Ben  c10 (9), c11 (3), c13 (1), c14 (2), c15 (5)   = 5; retained c10; churned c11, c13, c14
//        out: c12 (intake 2024-06-24), c16 (none), c17 (06-27)
//   Cleo c18 (9), c19 (3), c20 (6), c21 (5)            = 4; retained c18; churned c19
//        out: c10 (06-24), c22 (05-30), c23 (05-20)
//   Dev, Eve: every intake after 05-05: empty cohorts.
// Practice: 14 pairs, retained 4, churned 6, qualifying sum 28 + 20 + 23 = 71.
//
// Revenue: qualifying sessions dated in [2024-07-01, 2025-06-30] with a known fee, whoever's
// cohort they belong to (completed 150.00, billable cancel 50.00 unless noted):
//   Ava  c1 10 x 150 = 1500 | c2 6 x 150 + LC 50 + NS 50 = 1000 | c3 2 x 150 + 3 x 50 = 450
//        | c4 2 x 150 = 300 | c5 3 x 150 = 450 | c6 2024-07-08, 2025-06-02 = 300
//        | c7 150 | c8 300                                  -> 33 sessions, 4450.00
//   Ben  c10 8 x 150 (2024-07-08 has no fee) = 1200 | c11 150 + 50 + 50 = 250
//        | c12 LC 07-01 50, NS 09-09 0 (a known fee of 0), NS 10-07 50, LC 01-06 50, C 150 = 300
//          (NS 2024-06-24 is before A) | c13 150 | c14 300 | c15 4 x 150 + 50 = 650 | c17 150
//                                                           -> 25 sessions, 3000.00
//   Cleo c18 1350 | c19 450 | c20 900 | c21 750 | c10 150 | c22 150 | c23 300
//                                                           -> 27 sessions, 4050.00
//   Dev  c24 450 | c25 150 | c26 300 | c32 150 + NS 50      ->  8 sessions, 1100.00
//   Eve  c27 450 (the 03-31 "Rescheduled" is not qualifying) | c28 150 | c29 NS 50 + 150 = 200
//                                                           ->  6 sessions,  800.00
//   Practice 33 + 25 + 27 + 8 + 6 = 99 sessions, 4450 + 3000 + 4050 + 1100 + 800 = 13400.00
TEST_CASE("retention, churn and lifetime value per clinician and practice", "[metrics]")
{
    const PracticeFixture f;
    const PairFacts facts = computePairFacts(f.snapshot, T);
    const Window year = trailingTwelveMonths(T);

    SECTION("Ava")
    {
        const Retention r = retention(f.snapshot, facts, kDefaults, Scope::oneClinician(kAva), year);
        CHECK(r.timeframe.from == d(2024, 7, 1));
        CHECK(r.timeframe.to == T);
        CHECK(r.cohortEnd == d(2025, 5, 5));
        CHECK(r.cohort == 5);
        CHECK(r.retained == 2);
        CHECK(r.churned == 2);
        CHECK(r.cohortSessions == 28); // 10 + 8 + 5 + 2 + 3
        CHECK(r.revenue == 445000);
        CHECK(r.revenueSessions == 33);
        CHECK(r.retentionRate == Approx(0.4));
        CHECK(r.churnRate == Approx(0.4));
        CHECK(r.avgSessionsPerClient == Approx(5.6));
        CHECK(r.avgRevenuePerSession == Approx(4450.0 / 33.0)); // 134.85
        CHECK(r.lifetimeValue == Approx(24920.0 / 33.0));       // 5.6 x 4450 / 33 = 755.15
    }
    SECTION("Ben")
    {
        const Retention r = retention(f.snapshot, facts, kDefaults, Scope::oneClinician(kBen), year);
        CHECK(r.cohort == 5);
        CHECK(r.retained == 1);
        CHECK(r.churned == 3);
        CHECK(r.cohortSessions == 20); // 9 + 3 + 1 + 2 + 5
        CHECK(r.revenue == 300000);
        CHECK(r.revenueSessions == 25);
        CHECK(r.retentionRate == Approx(0.2));
        CHECK(r.churnRate == Approx(0.6));
        CHECK(r.avgSessionsPerClient == Approx(4.0));
        CHECK(r.avgRevenuePerSession == Approx(120.0)); // 3000 / 25
        CHECK(r.lifetimeValue == Approx(480.0));        // 4 x 120
    }
    SECTION("Cleo")
    {
        const Retention r = retention(f.snapshot, facts, kDefaults, Scope::oneClinician(kCleo), year);
        CHECK(r.cohort == 4);
        CHECK(r.retained == 1);
        CHECK(r.churned == 1);
        CHECK(r.cohortSessions == 23); // 9 + 3 + 6 + 5
        CHECK(r.revenue == 405000);
        CHECK(r.revenueSessions == 27);
        CHECK(r.retentionRate == Approx(0.25));
        CHECK(r.churnRate == Approx(0.25));
        CHECK(r.avgSessionsPerClient == Approx(5.75));
        CHECK(r.avgRevenuePerSession == Approx(150.0));
        CHECK(r.lifetimeValue == Approx(862.5)); // 5.75 x 150
    }
    SECTION("Dev: an empty cohort leaves every cohort rate undefined, revenue still defined")
    {
        const Retention r = retention(f.snapshot, facts, kDefaults, Scope::oneClinician(kDev), year);
        CHECK(r.cohort == 0);
        CHECK(r.retained == 0);
        CHECK(r.churned == 0);
        CHECK_FALSE(r.retentionRate.has_value());
        CHECK_FALSE(r.churnRate.has_value());
        CHECK_FALSE(r.avgSessionsPerClient.has_value());
        CHECK_FALSE(r.lifetimeValue.has_value());
        // 8 qualifying sessions, 1100.00 -> 137.50 a session.
        CHECK(r.revenueSessions == 8);
        CHECK(r.revenue == 110000);
        CHECK(r.avgRevenuePerSession == Approx(137.5));
    }
    SECTION("practice: over pairs, revenue over every qualifying session of the timeframe")
    {
        const Retention r = retention(f.snapshot, facts, kDefaults, Scope::practice(), year);
        CHECK(r.cohortEnd == d(2025, 5, 5));
        CHECK(r.cohort == 14);
        CHECK(r.retained == 4);
        CHECK(r.churned == 6);
        CHECK(r.cohortSessions == 71);
        CHECK(r.revenue == 1340000);
        CHECK(r.revenueSessions == 99);
        CHECK(r.retentionRate == Approx(4.0 / 14.0)); // 0.2857
        CHECK(r.churnRate == Approx(6.0 / 14.0));     // 0.4286
        CHECK(r.avgSessionsPerClient == Approx(71.0 / 14.0));
        CHECK(r.avgRevenuePerSession == Approx(13400.0 / 99.0)); // 135.35
        CHECK(r.lifetimeValue == Approx(951400.0 / 1386.0));    // 71/14 x 13400/99 = 686.44
    }
    SECTION("location North = Ava + Cleo + Eve")
    {
        // Cohort 5 + 4 + 0 = 9, retained 2 + 1 = 3, churned 2 + 1 = 3, sessions 28 + 23 = 51;
        // revenue 4450 + 4050 + 800 = 9300.00 over 33 + 27 + 6 = 66 sessions.
        const Retention r = retention(f.snapshot, facts, kDefaults, Scope::location("North"), year);
        CHECK(r.cohort == 9);
        CHECK(r.retained == 3);
        CHECK(r.churned == 3);
        CHECK(r.cohortSessions == 51);
        CHECK(r.revenue == 930000);
        CHECK(r.revenueSessions == 66);
        CHECK(r.retentionRate == Approx(1.0 / 3.0));
        CHECK(r.lifetimeValue == Approx(51.0 / 9.0 * 9300.0 / 66.0)); // 5.667 x 140.91 = 798.48
    }
    SECTION("retentionByClinician agrees with the hand values above")
    {
        const std::vector<Retention> all = retentionByClinician(f.snapshot, facts, kDefaults, year);
        REQUIRE(all.size() == 5);
        CHECK(all[kAva].cohort == 5);
        CHECK(all[kAva].retained == 2);
        CHECK(all[kAva].churned == 2);
        CHECK(all[kAva].revenue == 445000);
        CHECK(all[kBen].cohort == 5);
        CHECK(all[kBen].retained == 1);
        CHECK(all[kBen].churned == 3);
        CHECK(all[kBen].revenueSessions == 25);
        CHECK(all[kCleo].cohort == 4);
        CHECK(all[kCleo].cohortSessions == 23);
        CHECK(all[kDev].cohort == 0);
        CHECK_FALSE(all[kDev].retentionRate.has_value());
        CHECK(all[kEve].cohort == 0);
        CHECK(all[kEve].revenue == 80000);
        CHECK(all[kEve].revenueSessions == 6);
        CHECK(all[kEve].avgRevenuePerSession == Approx(800.0 / 6.0));
    }
    SECTION("revenue basis collected = client paid + insurance paid")
    {
        // Ava's 33 sessions all carry both payments. Collected differs from the fee on:
        //   c1 2024-09-02  50 + 120 = 170 (fee 150)  +20
        //   c2 2024-11-04  LC 0 + 0 = 0   (fee 50)   -50
        //   c2 2024-11-18  30 + 90 = 120  (fee 150)  -30
        //   c4 2024-08-12  30 + 0 = 30    (fee 150) -120
        // 4450 + 20 - 50 - 30 - 120 = 4270.00 over 33 -> 129.39; LTV 5.6 x 4270/33 = 724.61.
        MetricSettings s;
        s.revenueBasis = RevenueBasis::Collected;
        const Retention r = retention(f.snapshot, facts, s, Scope::oneClinician(kAva), year);
        CHECK(r.revenue == 427000);
        CHECK(r.revenueSessions == 33);
        CHECK(r.avgRevenuePerSession == Approx(4270.0 / 33.0));
        CHECK(r.lifetimeValue == Approx(5.6 * 4270.0 / 33.0));
        // The cohort does not depend on the basis.
        CHECK(r.cohort == 5);
        CHECK(r.avgSessionsPerClient == Approx(5.6));

        // Ben's 25 sessions with a fee include c11's LC 2024-11-19, whose payments are both
        // unknown: collected leaves it out rather than count it as $0 received.
        const Retention ben = retention(f.snapshot, facts, s, Scope::oneClinician(kBen), year);
        CHECK(ben.revenueSessions == 24);
    }
    SECTION("retention threshold 6: B' = T - 42 = 05-19 takes in c8 (intake 05-12)")
    {
        // Ava cohort c1 (10), c2 (8), c3 (5), c4 (2), c5 (3), c8 (2) = 6; retained (>= 6)
        // c1, c2 = 2; churned (< 4) c4, c5, c8 = 3; sessions 30.
        MetricSettings s;
        s.retentionThreshold = 6;
        const Retention r = retention(f.snapshot, facts, s, Scope::oneClinician(kAva), year);
        CHECK(r.cohortEnd == d(2025, 5, 19));
        CHECK(r.cohort == 6);
        CHECK(r.retained == 2);
        CHECK(r.churned == 3);
        CHECK(r.cohortSessions == 30);
        CHECK(r.retentionRate == Approx(2.0 / 6.0));
        CHECK(r.churnRate == Approx(3.0 / 6.0));
        CHECK(r.avgSessionsPerClient == Approx(5.0));
    }
    SECTION("churn threshold 3: c5 (3 sessions) is no longer churned")
    {
        MetricSettings s;
        s.churnThreshold = 3;
        const Retention r = retention(f.snapshot, facts, s, Scope::oneClinician(kAva), year);
        CHECK(r.churned == 1); // c4 only
        CHECK(r.churnRate == Approx(0.2));
    }
    SECTION("a timeframe ending well before T: B' = B, counts still run to T")
    {
        // [2024-07-01, 2024-12-31]: B' = min(12-31, 05-05) = 12-31. Ava cohort c1 (intake 09-02,
        // q 10 counting 2025-06-23), c2 (10-07, q 8), c4 (08-05, q 2) = 3; retained 2, churned 1;
        // sessions 20. Revenue in the timeframe: c1 9 x 150 = 1350, c2 10-07, 10-21, 11-18,
        // 12-02 at 150 + LC 11-04, NS 12-16 at 50 = 700, c4 300, c6 2024-07-08 150
        // -> 18 sessions, 2500.00 -> 138.89; LTV 20/3 x 2500/18 = 925.93.
        const Retention r =
            retention(f.snapshot, facts, kDefaults, Scope::oneClinician(kAva), Window{d(2024, 7, 1), d(2024, 12, 31)});
        CHECK(r.cohortEnd == d(2024, 12, 31));
        CHECK(r.cohort == 3);
        CHECK(r.retained == 2);
        CHECK(r.churned == 1);
        CHECK(r.cohortSessions == 20);
        CHECK(r.revenue == 250000);
        CHECK(r.revenueSessions == 18);
        CHECK(r.avgRevenuePerSession == Approx(2500.0 / 18.0));
        CHECK(r.lifetimeValue == Approx(50000.0 / 54.0));
    }
}

TEST_CASE("pair retention status", "[metrics]")
{
    const PracticeFixture f;
    const PairFacts facts = computePairFacts(f.snapshot, T);
    auto status = [&](std::size_t clinician, int client, const MetricSettings& s = MetricSettings{}) {
        return pairStatus(facts, f.pair(clinician, client), s);
    };

    // retained: qualifying count >= 8
    CHECK(status(kAva, 1) == PairStatus::Retained);  // 10, also scheduled
    CHECK(status(kAva, 2) == PairStatus::Retained);  // exactly 8, nothing scheduled
    CHECK(status(kBen, 10) == PairStatus::Retained); // 9
    CHECK(status(kCleo, 18) == PairStatus::Retained);
    // in progress: below 8, scheduled after T (a future "Show" counts)
    CHECK(status(kAva, 7) == PairStatus::InProgress);   // future "Show" 07-02
    CHECK(status(kBen, 12) == PairStatus::InProgress);  // S 07-08
    CHECK(status(kBen, 15) == PairStatus::InProgress);  // future "Show" 07-01
    CHECK(status(kCleo, 19) == PairStatus::InProgress); // last 01-21 but 07-09 scheduled
    CHECK(status(kDev, 26) == PairStatus::InProgress);
    // A booked new client (no qualifying session yet, S 07-02) is under way as well.
    CHECK(status(kBen, 16) == PairStatus::InProgress);
    CHECK(status(kDev, 32) == PairStatus::AtRisk); // last qualifying NS 06-04 is in the window
    // at risk: below 8, nothing scheduled, last qualifying in [06-01, 06-30]
    CHECK(status(kAva, 3) == PairStatus::AtRisk);  // NS 06-09
    CHECK(status(kAva, 6) == PairStatus::AtRisk);  // 06-02
    CHECK(status(kBen, 17) == PairStatus::AtRisk); // 06-27
    CHECK(status(kCleo, 21) == PairStatus::AtRisk);
    CHECK(status(kEve, 28) == PairStatus::AtRisk); // the future cancellation is not scheduled
    // lost: below 8, nothing scheduled, last qualifying before 06-01
    CHECK(status(kAva, 4) == PairStatus::Lost);
    CHECK(status(kAva, 5) == PairStatus::Lost);
    CHECK(status(kAva, 8) == PairStatus::Lost); // 05-31 = T-30: just outside the window
    CHECK(status(kBen, 13) == PairStatus::Lost);
    CHECK(status(kBen, 14) == PairStatus::Lost); // only a future cancellation
    CHECK(status(kCleo, 22) == PairStatus::Lost);
    CHECK(status(kDev, 25) == PairStatus::Lost);
    // no intake: no qualifying session (nothing scheduled either)
    CHECK(status(kAva, 9) == PairStatus::NoIntake);
    CHECK(status(kEve, 30) == PairStatus::NoIntake);

    SECTION("settings move the lines")
    {
        MetricSettings s;
        s.retentionThreshold = 5;
        CHECK(status(kAva, 3, s) == PairStatus::Retained);  // 5 >= 5
        CHECK(status(kBen, 15, s) == PairStatus::Retained); // 5 >= 5
        CHECK(status(kAva, 6, s) == PairStatus::AtRisk);    // 4 < 5
        MetricSettings wide;
        wide.activeWindowDays = 31; // [05-31, 06-30]
        CHECK(status(kAva, 8, wide) == PairStatus::AtRisk);
        CHECK(status(kCleo, 22, wide) == PairStatus::Lost); // 05-30
    }
    SECTION("names")
    {
        CHECK(pairStatusName(PairStatus::NoIntake) == "no intake");
        CHECK(pairStatusName(PairStatus::Retained) == "retained");
        CHECK(pairStatusName(PairStatus::InProgress) == "in progress");
        CHECK(pairStatusName(PairStatus::AtRisk) == "at risk");
        CHECK(pairStatusName(PairStatus::Lost) == "lost");
    }
}

// Clinician rates (retention, churn): Ava 0.40, 0.40 · Ben 0.20, 0.60 · Cleo 0.25, 0.25 ·
// Dev, Eve empty. Practice 4/14 = 0.2857, 6/14 = 0.4286. Margin 5 points.
TEST_CASE("clinician retention status against practice rates and explicit goals", "[metrics]")
{
    const PracticeFixture f;
    const PairFacts facts = computePairFacts(f.snapshot, T);
    const Window year = trailingTwelveMonths(T);
    const Retention practice = retention(f.snapshot, facts, kDefaults, Scope::practice(), year);
    auto clinician = [&](std::size_t c) {
        return retention(f.snapshot, facts, kDefaults, Scope::oneClinician(c), year);
    };
    const Retention ava = clinician(kAva);
    const Retention ben = clinician(kBen);
    const Retention cleo = clinician(kCleo);
    const Retention dev = clinician(kDev);
    const Retention eve = clinician(kEve);

    SECTION("targets = the practice rates")
    {
        // Ava 0.40 >= 0.2857 and 0.40 <= 0.4286: green.
        CHECK(clinicianRetentionStatus(ava, practice, kDefaults) == RetentionStatus::Green);
        // Ben 0.20 misses 0.2857 by 8.6 points (> 5), churn 0.60 by 17.1: red.
        CHECK(clinicianRetentionStatus(ben, practice, kDefaults) == RetentionStatus::Red);
        // Cleo 0.25 misses 0.2857 by 3.6 points (<= 5), churn 0.25 fine: yellow.
        CHECK(clinicianRetentionStatus(cleo, practice, kDefaults) == RetentionStatus::Yellow);
        // Empty cohorts: unknown.
        CHECK(clinicianRetentionStatus(dev, practice, kDefaults) == RetentionStatus::Unknown);
        CHECK(clinicianRetentionStatus(eve, practice, kDefaults) == RetentionStatus::Unknown);
        // The practice against itself meets both targets.
        CHECK(clinicianRetentionStatus(practice, practice, kDefaults) == RetentionStatus::Green);
    }
    SECTION("margin setting: 2 points turns Cleo's 3.6-point miss red")
    {
        MetricSettings s;
        s.retentionStatusMarginPoints = 2.0;
        CHECK(clinicianRetentionStatus(cleo, practice, s) == RetentionStatus::Red);
        CHECK(clinicianRetentionStatus(ava, practice, s) == RetentionStatus::Green);
        // 20 points: Ben misses by 8.6 and 17.1, both within: yellow.
        s.retentionStatusMarginPoints = 20.0;
        CHECK(clinicianRetentionStatus(ben, practice, s) == RetentionStatus::Yellow);
    }
    SECTION("explicit practice goals replace the practice rates")
    {
        MetricSettings s;
        s.practiceRetentionGoal = 0.22;
        s.practiceChurnGoal = 0.37;
        // Ava 0.40 >= 0.22; churn 0.40 misses 0.37 by 3 points: yellow.
        CHECK(clinicianRetentionStatus(ava, practice, s) == RetentionStatus::Yellow);
        // Cleo 0.25 >= 0.22, 0.25 <= 0.37: green.
        CHECK(clinicianRetentionStatus(cleo, practice, s) == RetentionStatus::Green);
        // Ben 0.20 misses 0.22 by 2 points, churn 0.60 misses 0.37 by 23: red.
        CHECK(clinicianRetentionStatus(ben, practice, s) == RetentionStatus::Red);
        CHECK(clinicianRetentionStatus(dev, practice, s) == RetentionStatus::Unknown);
    }
    SECTION("only a churn goal: retention still against the practice rate")
    {
        MetricSettings s;
        s.practiceChurnGoal = 0.22;
        // Ava churn 0.40 misses 0.22 by 18 points: red.
        CHECK(clinicianRetentionStatus(ava, practice, s) == RetentionStatus::Red);
        // Cleo churn 0.25 misses 0.22 by 3; retention 0.25 misses 0.2857 by 3.6: yellow.
        CHECK(clinicianRetentionStatus(cleo, practice, s) == RetentionStatus::Yellow);
    }
    SECTION("only a retention goal")
    {
        MetricSettings s;
        s.practiceRetentionGoal = 0.24;
        // Cleo 0.25 >= 0.24 and churn 0.25 <= practice 0.4286: green (yellow against the rate).
        CHECK(clinicianRetentionStatus(cleo, practice, s) == RetentionStatus::Green);
        // Ava 0.40 >= 0.24, 0.40 <= 0.4286: green.
        CHECK(clinicianRetentionStatus(ava, practice, s) == RetentionStatus::Green);
    }
}

TEST_CASE("caseload reading from active clients, baseline and retention status", "[metrics]")
{
    const PracticeFixture f;
    const PairFacts facts = computePairFacts(f.snapshot, T);
    const Window year = trailingTwelveMonths(T);
    const Retention practice = retention(f.snapshot, facts, kDefaults, Scope::practice(), year);

    // Goals on T: Ava 6, Ben 4, Cleo 2, Dev 0, Eve 3 -> baselines 12, 8, 4, 0, 6.
    // Active: 4, 5, 4, 3, 3. Status: green, red, yellow, unknown, unknown.
    struct Expect {
        std::size_t clinician;
        double goal;
        double baseline;
        std::int64_t active;
        RetentionStatus status;
        CaseloadReading reading;
    };
    const Expect expected[] = {
        {kAva, 6.0, 12.0, 4, RetentionStatus::Green, CaseloadReading::NeedsReferrals},
        {kBen, 4.0, 8.0, 5, RetentionStatus::Red, CaseloadReading::LosingClients},
        {kCleo, 2.0, 4.0, 4, RetentionStatus::Yellow, CaseloadReading::AtOrAboveBaseline}, // 4 = 4
        {kDev, 0.0, 0.0, 3, RetentionStatus::Unknown, CaseloadReading::AtOrAboveBaseline}, // goal 0
        {kEve, 3.0, 6.0, 3, RetentionStatus::Unknown, CaseloadReading::NeedsReferrals},
    };
    for (const Expect& e : expected) {
        INFO("clinician " << e.clinician);
        const Scope scope = Scope::oneClinician(e.clinician);
        const double goal = weeklyGoalOn(f.snapshot, kDefaults, T, scope);
        CHECK(goal == Approx(e.goal));
        const double baseline = caseloadBaseline(goal, kDefaults);
        CHECK(baseline == Approx(e.baseline));
        const std::int64_t active = activeClients(f.snapshot, kDefaults, T, scope);
        CHECK(active == e.active);
        const RetentionStatus status =
            clinicianRetentionStatus(retention(f.snapshot, facts, kDefaults, scope, year), practice, kDefaults);
        CHECK(status == e.status);
        CHECK(caseloadReading(active, baseline, status) == e.reading);
    }

    SECTION("Dev, goal 0: baseline 0 and utilization undefined")
    {
        const Scope dev = Scope::oneClinician(kDev);
        CHECK(caseloadBaseline(weeklyGoalOn(f.snapshot, kDefaults, T, dev), kDefaults) == 0.0);
        // Dev has 06-30 completed in the last 7 days, but a goal of 0.
        CHECK(countedSessions(f.snapshot, kDefaults, T, dev, lastDays(T, 7)) == 1);
        CHECK_FALSE(utilization(f.snapshot, kDefaults, T, dev, lastDays(T, 7)).has_value());
    }
    SECTION("Ava on leave (06-16 .. 06-22): goal 0 on T' = 06-20, baseline 0")
    {
        CHECK(weeklyGoalOn(f.snapshot, kDefaults, d(2025, 6, 20), Scope::oneClinician(kAva)) == 0.0);
        CHECK(caseloadBaseline(0.0, kDefaults) == 0.0);
        // Leave days only: [06-16, 06-22] has goal 0 -> utilization undefined.
        CHECK_FALSE(utilization(f.snapshot, kDefaults, T, Scope::oneClinician(kAva), Window{d(2025, 6, 16), d(2025, 6, 22)})
                        .has_value());
    }
    SECTION("with explicit goals Ava turns yellow: losing clients")
    {
        MetricSettings s;
        s.practiceRetentionGoal = 0.22;
        s.practiceChurnGoal = 0.37;
        const RetentionStatus ava = clinicianRetentionStatus(
            retention(f.snapshot, facts, s, Scope::oneClinician(kAva), year), practice, s);
        CHECK(ava == RetentionStatus::Yellow);
        CHECK(caseloadReading(4, 12.0, ava) == CaseloadReading::LosingClients);
    }
}

TEST_CASE("caseload and retention on an empty database", "[metrics]")
{
    Store store = Store::openInMemory();
    const Snapshot s = loadSnapshot(store);
    const PairFacts facts = computePairFacts(s, T);
    CHECK(facts.pairs.empty());
    CHECK(facts.clientIntakeSerial.empty());
    CHECK(activeClients(s, kDefaults, T, Scope::practice()) == 0);
    CHECK(activeClientsByClinician(s, kDefaults, facts).empty());
    const Retention r = retention(s, facts, kDefaults, Scope::practice(), trailingTwelveMonths(T));
    CHECK(r.cohort == 0);
    CHECK(r.retained == 0);
    CHECK(r.churned == 0);
    CHECK(r.revenue == 0);
    CHECK(r.revenueSessions == 0);
    CHECK_FALSE(r.retentionRate.has_value());
    CHECK_FALSE(r.churnRate.has_value());
    CHECK_FALSE(r.avgSessionsPerClient.has_value());
    CHECK_FALSE(r.avgRevenuePerSession.has_value());
    CHECK_FALSE(r.lifetimeValue.has_value());
    CHECK(retentionByClinician(s, facts, kDefaults, trailingTwelveMonths(T)).empty());
    CHECK(clinicianRetentionStatus(r, r, kDefaults) == RetentionStatus::Unknown);
}

TEST_CASE("caseload and retention with T before any data", "[metrics]")
{
    const PracticeFixture f;
    const Day early = d(2024, 1, 1); // the first appointment is 2024-05-06
    const PairFacts facts = computePairFacts(f.snapshot, early);
    for (const PairFact& p : facts.pairs) {
        CHECK(p.intakeSerial == kNoDay);
        CHECK(p.qualifyingCount == 0);
        CHECK(p.lastQualifyingSerial == kNoDay);
    }
    const Retention r = retention(f.snapshot, facts, kDefaults, Scope::practice(), trailingTwelveMonths(early));
    CHECK(r.cohort == 0);
    CHECK(r.revenueSessions == 0);
    CHECK_FALSE(r.retentionRate.has_value());
    CHECK_FALSE(r.avgRevenuePerSession.has_value());
    CHECK_FALSE(r.lifetimeValue.has_value());
    // Every appointment is after T, and a future appointment counts as scheduled unless it is
    // a cancellation: each of c1..c30 and c32 has a non-cancellation appointment (c31 has
    // none), so all 31 are active by the definition ("a scheduled appointment after T").
    CHECK(activeClients(f.snapshot, kDefaults, early, Scope::practice()) == 31);
    // Ava: c1..c9 all have one (c9: S 06-26).
    CHECK(activeClients(f.snapshot, kDefaults, early, Scope::oneClinician(kAva)) == 9);
}

TEST_CASE("explicit retention goals through the settings table", "[metrics]")
{
    PracticeFixture f;
    f.store().setSetting("practice_retention_goal", SettingValue{0.22});
    f.store().setSetting("practice_churn_goal", SettingValue{0.37});
    const MetricSettings s = loadMetricSettings(f.store());
    REQUIRE(s.practiceRetentionGoal.has_value());
    CHECK(*s.practiceRetentionGoal == Approx(0.22));
    REQUIRE(s.practiceChurnGoal.has_value());
    CHECK(*s.practiceChurnGoal == Approx(0.37));

    const PairFacts facts = computePairFacts(f.snapshot, T);
    const Window year = trailingTwelveMonths(T);
    const Retention practice = retention(f.snapshot, facts, s, Scope::practice(), year);
    // As in "explicit practice goals replace the practice rates": Ava yellow, Cleo green, Ben red.
    CHECK(clinicianRetentionStatus(retention(f.snapshot, facts, s, Scope::oneClinician(kAva), year), practice, s)
          == RetentionStatus::Yellow);
    CHECK(clinicianRetentionStatus(retention(f.snapshot, facts, s, Scope::oneClinician(kCleo), year), practice, s)
          == RetentionStatus::Green);
    CHECK(clinicianRetentionStatus(retention(f.snapshot, facts, s, Scope::oneClinician(kBen), year), practice, s)
          == RetentionStatus::Red);
}

// A group (CPT 90853, three clients with one clinician at one start time) is one session for
// the clinician but one appointment per client for everything about clients (METRICS.md
// "Group sessions"): retention, churn and LTV are over the three pairs.
TEST_CASE("a group is one appointment per client for caseload and retention", "[metrics]")
{
    Store store = Store::openInMemory();
    const RowId gusId = test::addClinician(store, "Gus");
    test::addGoalPeriod(store, gusId, d(2025, 1, 1), std::nullopt, 1);
    RowId ids[3] = {};
    for (int i = 0; i < 3; ++i)
        ids[i] = test::addClient(store, "g" + std::to_string(i), "Group client " + std::to_string(i));
    test::AppointmentBuilder appointment{.keyPrefix = "g", .durationMinutes = 90, .serviceCode = "90853", .fee = 5000};
    auto add = [&](int client, Day day, const std::string& raw) {
        Appointment a = appointment(gusId, ids[client], day, 17 * 60, raw);
        a.clientPaid = 5000;
        a.insurancePaid = 0;
        store.upsertAppointment(a);
    };
    // Eight Mondays 03-03 .. 04-21: g0 and g1 at all eight, g2 at the first three only.
    // Then 06-23: g0 and g1 again, and 07-07 scheduled for g0.
    Day day = d(2025, 3, 3);
    for (int week = 0; week < 8; ++week, day = addDays(day, 7)) {
        add(0, day, "Show");
        add(1, day, "Show");
        if (week < 3)
            add(2, day, "Show");
    }
    add(0, d(2025, 6, 23), "Show");
    add(1, d(2025, 6, 23), "Show");
    add(0, d(2025, 7, 7), "Scheduled");
    const Snapshot s = loadSnapshot(store);
    REQUIRE(s.pairs.size() == 3);

    // Counted over [06-23, 06-29]: the 06-23 group of two is 1 session.
    CHECK(countedSessions(s, kDefaults, T, Scope::practice(), Window{d(2025, 6, 23), d(2025, 6, 29)}) == 1);
    // Active: g0 (06-23, 07-07) and g1 (06-23): 2 clients; g2 last seen 03-17.
    CHECK(activeClients(s, kDefaults, T, Scope::practice()) == 2);

    // Cohort: three pairs with intake 03-03 <= B' = 05-05. Qualifying: g0 9, g1 9, g2 3.
    // Retained g0, g1 = 2; churned g2 = 1; sessions 21 -> 7 per client. Revenue: 21 appointments
    // x 50.00 in the timeframe = 1050.00 -> 50.00 a session; LTV 7 x 50 = 350.
    const PairFacts facts = computePairFacts(s, T);
    const Retention r = retention(s, facts, kDefaults, Scope::practice(), trailingTwelveMonths(T));
    CHECK(r.cohort == 3);
    CHECK(r.retained == 2);
    CHECK(r.churned == 1);
    CHECK(r.cohortSessions == 21);
    CHECK(r.revenueSessions == 21);
    CHECK(r.revenue == 105000);
    CHECK(r.avgSessionsPerClient == Approx(7.0));
    CHECK(r.avgRevenuePerSession == Approx(50.0));
    CHECK(r.lifetimeValue == Approx(350.0));
}
