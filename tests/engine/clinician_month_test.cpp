// A clinician's month (clinician_month.h) is the engine's own functions called for the
// month's window: every number is checked against those functions, recomputed here from
// fresh pair facts, on the hand-built fixture practice and on a demo practice.

#include "caseboard/core/day.h"
#include "caseboard/demo/demo_practice.h"
#include "caseboard/metrics/caseload.h"
#include "caseboard/metrics/clinician_month.h"
#include "caseboard/metrics/dashboard.h"
#include "caseboard/metrics/goals_and_rates.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/pair_facts.h"
#include "caseboard/metrics/retention.h"
#include "caseboard/metrics/scope.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/metrics/workflow_lists.h"
#include "caseboard/store/store.h"

#include "metrics_fixture_practice.h"

#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

using namespace caseboard;
using namespace caseboard::metrics;

namespace {

const MetricSettings kDefaults{};

void requireSameRate(const std::optional<double>& a, const std::optional<double>& b)
{
    REQUIRE(a.has_value() == b.has_value());
    if (a)
        REQUIRE(*a == Approx(*b).epsilon(1e-12));
}

// Recomputes every number of `n` with the engine's functions for the same T and window.
void requireEngineNumbers(const Snapshot& snapshot, const MetricSettings& settings, std::size_t clinician,
                          const MonthNumbers& n, Day asOf)
{
    const Scope scope = Scope::oneClinician(clinician);
    const Day t = std::min(n.month.last(), asOf);
    REQUIRE(n.asOf == t);
    REQUIRE(n.window.from == n.month.first());
    REQUIRE(n.window.to == t);
    if (n.afterAsOf) {
        REQUIRE(n.countedSessions == 0);
        return;
    }
    const PairFacts facts = computePairFacts(snapshot, t);
    REQUIRE(n.countedSessions == countedSessions(snapshot, settings, t, scope, n.window));
    REQUIRE(n.goal == Approx(goalForWindow(snapshot, settings, scope, n.window)));
    requireSameRate(n.utilization, utilization(snapshot, settings, t, scope, n.window));

    const CancellationRates rates = cancellationRates(snapshot, t, scope, n.window);
    REQUIRE(n.cancellation.counts.completed == rates.counts.completed);
    REQUIRE(n.cancellation.counts.cancelled == rates.counts.cancelled);
    REQUIRE(n.cancellation.counts.lateCancel == rates.counts.lateCancel);
    REQUIRE(n.cancellation.counts.noShow == rates.counts.noShow);
    requireSameRate(n.cancellation.cancellation, rates.cancellation);
    requireSameRate(n.cancellation.lateCancel, rates.lateCancel);
    requireSameRate(n.cancellation.noShow, rates.noShow);

    REQUIRE(n.intakes == intakesIn(snapshot, facts, scope, n.window.fromSerial(), n.window.toSerialDay()));
    std::int64_t rebooked = 0;
    for (std::size_t p = 0; p < snapshot.pairs.size(); ++p) {
        const std::int32_t intake = facts.pairs[p].intakeSerial;
        if (static_cast<std::size_t>(snapshot.pairs[p].clinician) == clinician && intake != kNoDay
            && n.window.contains(fromSerial(intake)) && facts.pairs[p].rebooked)
            ++rebooked;
    }
    REQUIRE(n.rebooked == rebooked);

    if (t == asOf)
        REQUIRE(n.activeClients == activeClients(snapshot, settings, t, scope));
    else
        REQUIRE(n.activeClients == activeClientsOn(snapshot, settings, t, scope, settings.activeWindowDays));
    REQUIRE(n.caseloadBaseline == Approx(caseloadBaseline(weeklyGoalOn(snapshot, settings, t, scope), settings)));

    const Retention r = retention(snapshot, facts, settings, scope, trailingTwelveMonths(t));
    REQUIRE(n.retention.cohort == r.cohort);
    REQUIRE(n.retention.retained == r.retained);
    REQUIRE(n.retention.churned == r.churned);
    REQUIRE(n.retention.revenue == r.revenue);
    requireSameRate(n.retention.retentionRate, r.retentionRate);
    requireSameRate(n.retention.churnRate, r.churnRate);
    requireSameRate(n.retention.avgSessionsPerClient, r.avgSessionsPerClient);
    requireSameRate(n.retention.lifetimeValue, r.lifetimeValue);

    REQUIRE(n.overdueNotes == static_cast<std::int64_t>(overdueNotes(snapshot, settings, t, scope).sessions.size()));
}

void requireEngineMonth(const Snapshot& snapshot, const MetricSettings& settings, const ClinicianMonth& month,
                        Day asOf)
{
    REQUIRE(month.trend.size() == static_cast<std::size_t>(kTrendMonths));
    REQUIRE(month.trend.back().month == month.month);
    REQUIRE(month.previous().month == month.month.plus(-1));
    REQUIRE(month.sameMonthLastYear().month == month.month.plus(-12));
    for (const MonthNumbers& n : month.trend)
        requireEngineNumbers(snapshot, settings, month.clinician, n, asOf);

    // The lists are the workflow lists at the month's T; a month after the as-of date has none.
    if (month.current().afterAsOf) {
        REQUIRE(month.atRiskClients.empty());
        REQUIRE(month.closeOutCandidates.empty());
        REQUIRE(month.overdueNotes.empty());
        return;
    }
    const Day t = month.current().asOf;
    const Scope scope = Scope::oneClinician(month.clinician);
    const PairFacts facts = computePairFacts(snapshot, t);
    const auto atRisk = atRiskClients(snapshot, facts, scope);
    REQUIRE(month.atRiskClients.size() == atRisk.size());
    for (std::size_t i = 0; i < atRisk.size(); ++i)
        REQUIRE(month.atRiskClients[i].pair == atRisk[i].pair);
    const auto closeOut = closeOutCandidates(snapshot, facts, settings, scope);
    REQUIRE(month.closeOutCandidates.size() == closeOut.size());
    for (std::size_t i = 0; i < closeOut.size(); ++i)
        REQUIRE(month.closeOutCandidates[i].pair == closeOut[i].pair);
    const auto overdue = overdueNotes(snapshot, settings, t, scope).sessions;
    REQUIRE(month.overdueNotes.size() == overdue.size());
    for (std::size_t i = 0; i < overdue.size(); ++i)
        REQUIRE(month.overdueNotes[i].row == overdue[i].row);
}

} // namespace

TEST_CASE("calendar months: arithmetic across years, first and last days, the YYYY-MM key", "[supervision]")
{
    const CalendarMonth jan{2025, 1};
    REQUIRE(jan.plus(-1) == CalendarMonth{2024, 12});
    REQUIRE(jan.plus(-12) == CalendarMonth{2024, 1});
    REQUIRE(jan.plus(-13) == CalendarMonth{2023, 12});
    REQUIRE(jan.plus(11) == CalendarMonth{2025, 12});
    REQUIRE(jan.plus(12) == CalendarMonth{2026, 1});
    REQUIRE(CalendarMonth{2024, 2}.last() == makeDay(2024, 2, 29));
    REQUIRE(CalendarMonth{2025, 2}.last() == makeDay(2025, 2, 28));
    REQUIRE(CalendarMonth{2025, 12}.last() == makeDay(2025, 12, 31));
    REQUIRE(CalendarMonth::of(makeDay(2025, 6, 30)) == CalendarMonth{2025, 6});
    REQUIRE(CalendarMonth{2025, 3}.iso() == "2025-03");
    REQUIRE(CalendarMonth::parse("2025-03") == CalendarMonth{2025, 3});
    REQUIRE_FALSE(CalendarMonth::parse("2025-13"));
    REQUIRE_FALSE(CalendarMonth::parse("2025-00"));
    REQUIRE_FALSE(CalendarMonth::parse("2025-3"));
    REQUIRE_FALSE(CalendarMonth::parse("25-03-01"));
    REQUIRE_FALSE(CalendarMonth::parse("2025/03"));
}

TEST_CASE("clinician month on the fixture practice equals the engine's functions for the same windows",
          "[supervision]")
{
    using namespace caseboard::test::practice;
    const PracticeFixture f;
    for (std::size_t c = 0; c < f.snapshot.clinicians.size(); ++c) {
        const ClinicianMonth june = clinicianMonth(f.snapshot, kDefaults, c, {2025, 6}, T);
        requireEngineMonth(f.snapshot, kDefaults, june, T);
        // At T itself the month's numbers are the Dashboard's for the clinician at T.
        const Dashboard dashboard = computeDashboard(f.snapshot, kDefaults, T, Scope::oneClinician(c));
        REQUIRE(june.current().activeClients == dashboard.summary.activeClients);
        REQUIRE(june.current().overdueNotes == dashboard.summary.overdueNotes);
        REQUIRE(june.current().retention.cohort == dashboard.summary.retention12m.cohort);
        REQUIRE(june.current().caseloadBaseline == Approx(dashboard.summary.caseloadBaseline));
    }

    // By hand: Ava's June has the goal 5/7 a day for 06-01..06-15, 0 on leave 06-16..06-22,
    // 6/7 a day for 06-23..06-30.
    const ClinicianMonth ava = clinicianMonth(f.snapshot, kDefaults, kAva, {2025, 6}, T);
    REQUIRE(ava.current().goal == Approx(15.0 * 5 / 7 + 8.0 * 6 / 7));
    REQUIRE(ava.current().weeklyGoal == 6.0);
    REQUIRE(ava.current().caseloadBaseline == 12.0);
    REQUIRE_FALSE(ava.current().partial);
    REQUIRE_FALSE(ava.current().beforeStart);
}

TEST_CASE("clinician month edges: a part month, a month after T, January's previous month", "[supervision]")
{
    using namespace caseboard::test::practice;
    const PracticeFixture f;

    // T mid-month: the month is cut at T and says so.
    const Day mid = d(2025, 6, 15);
    const ClinicianMonth part = clinicianMonth(f.snapshot, kDefaults, kAva, {2025, 6}, mid);
    REQUIRE(part.current().partial);
    REQUIRE(part.current().window.to == mid);
    REQUIRE(part.current().asOf == mid);
    REQUIRE_FALSE(part.previous().partial);
    REQUIRE(part.previous().window.to == d(2025, 5, 31));
    requireEngineMonth(f.snapshot, kDefaults, part, mid);

    // A month after T: nothing computed, nothing listed.
    const ClinicianMonth later = clinicianMonth(f.snapshot, kDefaults, kAva, {2025, 8}, T);
    REQUIRE(later.current().afterAsOf);
    REQUIRE(later.current().countedSessions == 0);
    REQUIRE_FALSE(later.current().utilization);
    REQUIRE(later.atRiskClients.empty());
    REQUIRE(later.overdueNotes.empty());
    REQUIRE(later.previous().afterAsOf); // July starts after T as well
    requireEngineMonth(f.snapshot, kDefaults, later, T);

    // January: the previous month is last year's December.
    const ClinicianMonth january = clinicianMonth(f.snapshot, kDefaults, kAva, {2025, 1}, T);
    REQUIRE(january.previous().month == CalendarMonth{2024, 12});
    REQUIRE(january.previous().window.from == d(2024, 12, 1));
    REQUIRE(january.previous().window.to == d(2024, 12, 31));
    REQUIRE(january.sameMonthLastYear().month == CalendarMonth{2024, 1});
    requireEngineMonth(f.snapshot, kDefaults, january, T);
}

TEST_CASE("clinician month before the clinician started: flagged, and every count zero", "[supervision]")
{
    using namespace caseboard::test::practice;
    const PracticeFixture f;

    // Eve starts 2025-05-01 (a shadowing row on 2025-03-31 comes before it).
    const ClinicianMonth eve = clinicianMonth(f.snapshot, kDefaults, kEve, {2025, 4}, T);
    REQUIRE(eve.current().beforeStart);
    REQUIRE(eve.current().countedSessions == 0);
    REQUIRE(eve.current().goal == 0.0);
    REQUIRE_FALSE(eve.current().utilization);
    REQUIRE(eve.current().intakes == 0);
    requireEngineMonth(f.snapshot, kDefaults, eve, T);
    const ClinicianMonth eveMay = clinicianMonth(f.snapshot, kDefaults, kEve, {2025, 5}, T);
    REQUIRE_FALSE(eveMay.current().beforeStart);
    REQUIRE(eveMay.previous().beforeStart);
    REQUIRE(eveMay.sameMonthLastYear().beforeStart);

    // Dev has no start date: the first appointment (2025-05-12) stands in for it.
    REQUIRE(clinicianMonth(f.snapshot, kDefaults, kDev, {2025, 4}, T).current().beforeStart);
    REQUIRE_FALSE(clinicianMonth(f.snapshot, kDefaults, kDev, {2025, 5}, T).current().beforeStart);
}

TEST_CASE("clinician month on a demo practice equals the engine's functions for every clinician", "[supervision]")
{
    Store store = Store::openInMemory();
    DemoOptions options;
    options.end = makeDay(2025, 6, 15);
    options.years = 2;
    options.clinicians = 6;
    options.clients = 500;
    generateDemoPractice(store, options);
    const Snapshot snapshot = loadSnapshot(store);
    REQUIRE(snapshot.clinicians.size() == 6);

    MetricSettings moved;
    moved.billableCancelsCountAsCompleted = true;
    moved.activeWindowDays = 45;
    moved.noteDueDays = 7;

    // The current (part) month and a whole month with a January in its trend.
    for (const Day asOf : {makeDay(2025, 6, 15), makeDay(2025, 3, 31)}) {
        const MonthEnds ends = monthEnds(snapshot, CalendarMonth::of(asOf), asOf);
        for (std::size_t c = 0; c < snapshot.clinicians.size(); ++c) {
            const ClinicianMonth month = clinicianMonth(snapshot, kDefaults, ends, c);
            requireEngineMonth(snapshot, kDefaults, month, asOf);
        }
    }
    const ClinicianMonth withMoved = clinicianMonth(snapshot, moved, 0, {2025, 5}, makeDay(2025, 6, 15));
    requireEngineMonth(snapshot, moved, withMoved, makeDay(2025, 6, 15));
    // The demo practice is busy: the month has sessions and a goal to compare with.
    REQUIRE(withMoved.current().countedSessions > 0);
    REQUIRE(withMoved.current().utilization.has_value());
}
