// The weekly series of the trend charts (METRICS.md "Windows", weekly_series.h) on a
// hand-built practice. Every expected value is worked out by hand in the comments, never
// by calling the code under test.

#include "caseboard/metrics/caseload.h"
#include "caseboard/metrics/goals_and_rates.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/scope.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/metrics/weekly_series.h"
#include "caseboard/store/store.h"

#include "fixture_builders.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

using namespace caseboard;
using namespace caseboard::metrics;

namespace {

// T = Wednesday 2025-06-25. June 2025: Mondays 2, 9, 16, 23, 30; Sundays 1, 8, 15, 22, 29.
//
// Monday weeks, 52 points back from T (index: [start, end]):
//   51 [06-23, 06-25]  the current week, cut off at T (Mon..Wed)
//   50 [06-16, 06-22]  49 [06-09, 06-15]  48 [06-02, 06-08]  47 [05-26, 06-01]
//   46 [05-19, 05-25]  45 [05-12, 05-18]  44 [05-05, 05-11]  43 [04-28, 05-04]
//   ... 38 [03-24, 03-30] ... 35 [03-03, 03-09] ... 30 [01-27, 02-02]
//   26 [2024-12-30, 2025-01-05]   0 [2024-07-01, 2024-07-07]  (06-23 - 51 x 7 = 357 days)
// Sunday weeks: 51 [06-22, 06-25], 50 [06-15, 06-21], 49 [06-08, 06-14], 48 [06-01, 06-07],
//   26 [2024-12-29, 2025-01-04], 0 [2024-06-30, 2024-07-06].
constexpr Day T = makeDay(2025, 6, 25);

Day june(unsigned d) { return makeDay(2025, 6, d); }
Day july(unsigned d) { return makeDay(2025, 7, d); }

// Two clinicians, eleven clients, no client shared:
//   0 Ava  LCSW North  goals: 10 [2025-01-01, 06-17], leave 0 [06-18, 06-20], 14 from 06-21
//   1 Ben  LPC  South  goal 5 from 2025-01-01
//
//   client  clinician  appointments (2025; time)
//   c1      Ava        06-10 Show, 06-17 Show, 06-24 Show, 07-01 Show (future: scheduled)
//   c2      Ava        06-10 Canceled, 06-15 Show (Sun), 06-17 Late Canceled, 06-22 Show (Sun)
//   c3      Ava        06-21 No Show (Sat), 06-25 Scheduled (on T: unmarked)
//   c4      Ben        06-04 Rescheduled (other)
//   c5      Ben        06-12 Clinician Canceled, 06-19 14:00 Show 90853 (group)
//   c6      Ben        06-19 14:00 Show 90853 (group), 06-23 Show
//   c7      Ben        06-19 14:00 Show 90853 (group)
//   c8      Ben        06-24 Canceled
//   c9      Ava        07-22 Scheduled (= 06-22 + 30)
//   c10     Ava        07-23 Scheduled (= 06-22 + 31)
//   c11     Ben        03-03 Show (Mon), alone, months earlier
class Fixture {
public:
    Fixture() : store_(Store::openInMemory())
    {
        const RowId ava = test::addClinician(store_, "Ava", "LCSW", "North", "Sam");
        const RowId ben = test::addClinician(store_, "Ben", "LPC", "South", "Sam");
        test::addGoalPeriod(store_, ava, makeDay(2025, 1, 1), june(17), 10);
        test::addGoalPeriod(store_, ava, june(18), june(20), 0);
        test::addGoalPeriod(store_, ava, june(21), std::nullopt, 14);
        test::addGoalPeriod(store_, ben, makeDay(2025, 1, 1), std::nullopt, 5);
        clients_ = test::addClients(store_, 11);

        add(ava, 1, june(10), 9 * 60, "Show");
        add(ava, 1, june(17), 9 * 60, "Show");
        add(ava, 1, june(24), 9 * 60, "Show");
        add(ava, 1, july(1), 9 * 60, "Show");
        add(ava, 2, june(10), 10 * 60, "Canceled");
        add(ava, 2, june(15), 10 * 60, "Show");
        add(ava, 2, june(17), 10 * 60, "Late Canceled");
        add(ava, 2, june(22), 10 * 60, "Show");
        add(ava, 3, june(21), 9 * 60, "No Show");
        add(ava, 3, june(25), 9 * 60, "Scheduled");
        add(ben, 4, june(4), 11 * 60, "Rescheduled");
        add(ben, 5, june(12), 14 * 60, "Clinician Canceled");
        add(ben, 5, june(19), 14 * 60, "Show", "90853");
        add(ben, 6, june(19), 14 * 60, "Show", "90853");
        add(ben, 7, june(19), 14 * 60, "Show", "90853");
        add(ben, 6, june(23), 14 * 60, "Show");
        add(ben, 8, june(24), 11 * 60, "Canceled");
        add(ava, 9, july(22), 9 * 60, "Scheduled");
        add(ava, 10, july(23), 9 * 60, "Scheduled");
        add(ben, 11, makeDay(2025, 3, 3), 11 * 60, "Show");

        snapshot = loadSnapshot(store_);
    }

    Snapshot snapshot;

private:
    void add(RowId clinicianId, int client, Day day, int startMinute, const std::string& rawStatus,
             const std::string& serviceCode = "90837")
    {
        Appointment a = appointment_(clinicianId, clients_[client], day, startMinute, rawStatus);
        a.serviceCode = serviceCode;
        store_.upsertAppointment(a);
    }

    Store store_;
    std::vector<RowId> clients_; // [n] = cn
    test::AppointmentBuilder appointment_{.fee = 15000};
};

const Scope kAva = Scope::oneClinician(0);
const Scope kBen = Scope::oneClinician(1);
const MetricSettings kDefaults{};

MetricSettings sundayWeeks()
{
    MetricSettings s;
    s.weekStart = WeekStart::Sunday;
    return s;
}

// 52 points, oldest first, each a week after the one before, the last ending at T.
void checkShape(const std::vector<WeekPoint>& series, Day asOf, WeekStart start)
{
    REQUIRE(series.size() == 52);
    for (std::size_t i = 0; i < series.size(); ++i) {
        INFO("point " << i);
        CHECK(weekStartOf(series[i].weekStart, start) == series[i].weekStart);
        if (i + 1 < series.size()) {
            CHECK(daysBetween(series[i].weekStart, series[i].weekEnd) == 6);
            CHECK(addDays(series[i].weekEnd, 1) == series[i + 1].weekStart);
        }
    }
    CHECK(series.back().weekStart == weekStartOf(asOf, start));
    CHECK(series.back().weekEnd == asOf);
}

} // namespace

TEST_CASE("weekStartOf: the Monday or Sunday on or before the day", "[metrics]")
{
    // Wednesday 06-25: Monday 06-23, Sunday 06-22.
    CHECK(weekStartOf(june(25), WeekStart::Monday) == june(23));
    CHECK(weekStartOf(june(25), WeekStart::Sunday) == june(22));
    // A Monday starts its own Monday week; in Sunday weeks it belongs to the day before.
    CHECK(weekStartOf(june(23), WeekStart::Monday) == june(23));
    CHECK(weekStartOf(june(23), WeekStart::Sunday) == june(22));
    // A Sunday ends its Monday week (starting 6 days earlier) and starts its Sunday week.
    CHECK(weekStartOf(june(22), WeekStart::Monday) == june(16));
    CHECK(weekStartOf(june(22), WeekStart::Sunday) == june(22));
    // A Saturday: Monday 5 days earlier, Sunday 6 days earlier.
    CHECK(weekStartOf(june(21), WeekStart::Monday) == june(16));
    CHECK(weekStartOf(june(21), WeekStart::Sunday) == june(15));
    // Across a year: Wednesday 2025-01-01 -> Monday 2024-12-30, Sunday 2024-12-29.
    CHECK(weekStartOf(makeDay(2025, 1, 1), WeekStart::Monday) == makeDay(2024, 12, 30));
    CHECK(weekStartOf(makeDay(2025, 1, 1), WeekStart::Sunday) == makeDay(2024, 12, 29));
    // Before the epoch (negative day serials): Thursday 1970-01-01 -> Monday 1969-12-29,
    // Sunday 1969-12-28; Tuesday 1969-12-30 -> Monday 1969-12-29.
    CHECK(weekStartOf(makeDay(1970, 1, 1), WeekStart::Monday) == makeDay(1969, 12, 29));
    CHECK(weekStartOf(makeDay(1970, 1, 1), WeekStart::Sunday) == makeDay(1969, 12, 28));
    CHECK(weekStartOf(makeDay(1969, 12, 30), WeekStart::Monday) == makeDay(1969, 12, 29));
}

TEST_CASE("weekly series: 52 consecutive weeks, the current one cut off at T", "[metrics]")
{
    const Fixture f;

    SECTION("Monday weeks")
    {
        const std::vector<WeekPoint> s = weeklySeries(f.snapshot, kDefaults, T, Scope::practice());
        checkShape(s, T, WeekStart::Monday);
        CHECK(s.front().weekStart == makeDay(2024, 7, 1));
        CHECK(s.front().weekEnd == makeDay(2024, 7, 7));
        CHECK(s[26].weekStart == makeDay(2024, 12, 30));
        CHECK(s[50].weekStart == june(16));
        CHECK(s[50].weekEnd == june(22));
        CHECK(s[51].weekStart == june(23));
        CHECK(s[51].weekEnd == june(25)); // Mon..Wed, not the whole week to 06-29
    }
    SECTION("Sunday weeks")
    {
        const std::vector<WeekPoint> s = weeklySeries(f.snapshot, sundayWeeks(), T, Scope::practice());
        checkShape(s, T, WeekStart::Sunday);
        CHECK(s.front().weekStart == makeDay(2024, 6, 30));
        CHECK(s.front().weekEnd == makeDay(2024, 7, 6));
        CHECK(s[26].weekStart == makeDay(2024, 12, 29));
        CHECK(s[50].weekStart == june(15));
        CHECK(s[50].weekEnd == june(21));
        CHECK(s[51].weekStart == june(22));
        CHECK(s[51].weekEnd == june(25)); // Sun..Wed
    }
    SECTION("T on the last day of a week: the last point is a whole week")
    {
        // Sunday 06-22 with Monday weeks: the last point is [06-16, 06-22].
        const std::vector<WeekPoint> s = weeklySeries(f.snapshot, kDefaults, june(22), Scope::practice());
        checkShape(s, june(22), WeekStart::Monday);
        CHECK(s.back().weekStart == june(16));
    }
    SECTION("T on the first day of a week: the last point is that one day")
    {
        // Sunday 06-22 with Sunday weeks: [06-22, 06-22]; the point before is [06-15, 06-21].
        const std::vector<WeekPoint> s = weeklySeries(f.snapshot, sundayWeeks(), june(22), Scope::practice());
        checkShape(s, june(22), WeekStart::Sunday);
        CHECK(s.back().weekStart == june(22));
        CHECK(s[50].weekEnd == june(21));
    }
    SECTION("fewer weeks: the same last points")
    {
        const std::vector<WeekPoint> all = weeklySeries(f.snapshot, kDefaults, T, Scope::practice());
        const std::vector<WeekPoint> four = weeklySeries(f.snapshot, kDefaults, T, Scope::practice(), 4);
        REQUIRE(four.size() == 4);
        REQUIRE(all.size() == 52);
        for (std::size_t i = 0; i < 4; ++i) {
            INFO("point " << i);
            CHECK(four[i].weekStart == all[48 + i].weekStart);
            CHECK(four[i].weekEnd == all[48 + i].weekEnd);
            CHECK(four[i].counted == all[48 + i].counted);
            CHECK(four[i].activeClients == all[48 + i].activeClients);
        }
    }
}

TEST_CASE("weekly series: goal per week with a goal change mid-week and leave", "[metrics]")
{
    const Fixture f;

    SECTION("Monday weeks, Ava")
    {
        const std::vector<WeekPoint> s = weeklySeries(f.snapshot, kDefaults, T, kAva);
        REQUIRE(s.size() == 52);
        // Before 2025 no goal period: 0.
        for (std::size_t i = 0; i < 26; ++i) {
            INFO("point " << i);
            CHECK(s[i].goal == 0.0);
        }
        // [2024-12-30, 2025-01-05]: 01-01..01-05 at 10 -> 5 x 10/7 = 50/7.
        CHECK(s[26].goal == Approx(50.0 / 7.0));
        // [01-06, 01-12] .. [06-09, 06-15]: 10 a week.
        for (std::size_t i = 27; i <= 49; ++i) {
            INFO("point " << i);
            CHECK(s[i].goal == Approx(10.0));
        }
        // [06-16, 06-22]: 06-16, 06-17 at 10 (20/7), leave 06-18..20 (0), 06-21, 06-22 at 14
        // (28/7) -> 48/7.
        CHECK(s[50].goal == Approx(48.0 / 7.0));
        // Current week [06-23, 06-25]: 3 days at 14 -> 42/7 = 6, not 14.
        CHECK(s[51].goal == Approx(6.0));
    }
    SECTION("Monday weeks, practice = Ava + Ben (5 a week from 2025-01-01)")
    {
        const std::vector<WeekPoint> s = weeklySeries(f.snapshot, kDefaults, T, Scope::practice());
        REQUIRE(s.size() == 52);
        CHECK(s[25].goal == 0.0);
        CHECK(s[26].goal == Approx(75.0 / 7.0)); // 50/7 + 25/7
        CHECK(s[40].goal == Approx(15.0));
        CHECK(s[50].goal == Approx(83.0 / 7.0)); // 48/7 + 5
        CHECK(s[51].goal == Approx(57.0 / 7.0)); // 6 + 3 x 5/7
    }
    SECTION("Sunday weeks, Ava")
    {
        const std::vector<WeekPoint> s = weeklySeries(f.snapshot, sundayWeeks(), T, kAva);
        REQUIRE(s.size() == 52);
        // [2024-12-29, 2025-01-04]: 01-01..01-04 at 10 -> 40/7.
        CHECK(s[25].goal == 0.0);
        CHECK(s[26].goal == Approx(40.0 / 7.0));
        // [06-08, 06-14]: 10.
        CHECK(s[49].goal == Approx(10.0));
        // [06-15, 06-21]: 06-15..17 at 10 (30/7), leave, 06-21 at 14 (2) -> 44/7.
        CHECK(s[50].goal == Approx(44.0 / 7.0));
        // [06-22, 06-25]: 4 days at 14 -> 8.
        CHECK(s[51].goal == Approx(8.0));
    }
}

TEST_CASE("weekly series: counted sessions per week, a group once", "[metrics]")
{
    const Fixture f;

    SECTION("Monday weeks, practice")
    {
        // 51 [06-23, 06-25]: c6 06-23, c1 06-24 = 2 (c8 cancelled, c3 unmarked; c1 07-01 future)
        // 50 [06-16, 06-22]: c1 06-17, c2 06-22, Ben's group of three on 06-19 once = 3
        //                    (c2 late cancel and c3 no-show are not counted)
        // 49 [06-09, 06-15]: c1 06-10, c2 06-15 = 2
        // 48 [06-02, 06-08]: only c4 Rescheduled = 0
        // 35 [03-03, 03-09]: c11 = 1
        // every other week 0; 2 + 3 + 2 + 1 = 8 in all.
        const std::vector<WeekPoint> s = weeklySeries(f.snapshot, kDefaults, T, Scope::practice());
        REQUIRE(s.size() == 52);
        std::vector<std::int64_t> expected(52, 0);
        expected[51] = 2;
        expected[50] = 3;
        expected[49] = 2;
        expected[35] = 1;
        for (std::size_t i = 0; i < 52; ++i) {
            INFO("point " << i);
            CHECK(s[i].counted == expected[i]);
        }
    }
    SECTION("Ben's group week: one session, three appointments in the rate")
    {
        const std::vector<WeekPoint> s = weeklySeries(f.snapshot, kDefaults, T, kBen);
        REQUIRE(s.size() == 52);
        CHECK(s[50].counted == 1);
        CHECK(s[50].cancellation.counts.completed == 3);
        // 06-12 clinician-cancelled: in neither side; week 49 has no rate for Ben.
        CHECK(s[49].counted == 0);
        CHECK_FALSE(s[49].cancellation.cancellation.has_value());
    }
    SECTION("settings: group clients separately, billable cancels counted")
    {
        MetricSettings separately;
        separately.countGroupClientsSeparately = true;
        CHECK(weeklySeries(f.snapshot, separately, T, kBen)[50].counted == 3);
        MetricSettings billable;
        billable.billableCancelsCountAsCompleted = true;
        // Ava [06-16, 06-22]: c1 06-17, c2 06-22 + c2 late cancel 06-17 + c3 no-show 06-21 = 4.
        CHECK(weeklySeries(f.snapshot, billable, T, kAva)[50].counted == 4);
    }
    SECTION("Sunday weeks, practice")
    {
        // 51 [06-22, 06-25]: c2 06-22, c6 06-23, c1 06-24 = 3
        // 50 [06-15, 06-21]: c2 06-15, c1 06-17, the group once = 3
        // 49 [06-08, 06-14]: c1 06-10 = 1
        // c11 on Monday 03-03 is in [03-02, 03-08]; 8 in all.
        const std::vector<WeekPoint> s = weeklySeries(f.snapshot, sundayWeeks(), T, Scope::practice());
        REQUIRE(s.size() == 52);
        CHECK(s[51].counted == 3);
        CHECK(s[50].counted == 3);
        CHECK(s[49].counted == 1);
        std::int64_t total = 0;
        for (const WeekPoint& p : s)
            total += p.counted;
        CHECK(total == 8);
    }
}

TEST_CASE("weekly series: cancellation rate per week, undefined for weeks without data", "[metrics]")
{
    const Fixture f;
    const std::vector<WeekPoint> s = weeklySeries(f.snapshot, kDefaults, T, Scope::practice());
    REQUIRE(s.size() == 52);

    // 51 [06-23, 06-25]: completed c6, c1 = 2; cancelled c8 = 1; c3's unmarked 06-25 in
    // neither side -> 1/3; late 0/3, no-show 0/3 (defined, 0).
    CHECK(s[51].cancellation.counts.completed == 2);
    CHECK(s[51].cancellation.counts.cancelled == 1);
    CHECK(s[51].cancellation.counts.denominator() == 3);
    REQUIRE(s[51].cancellation.cancellation.has_value());
    CHECK(*s[51].cancellation.cancellation == Approx(1.0 / 3.0));
    CHECK(s[51].cancellation.lateCancel == Approx(0.0));
    CHECK(s[51].cancellation.noShow == Approx(0.0));

    // 50 [06-16, 06-22]: completed c1, c2, group x3 = 5; late c2 06-17; no-show c3 06-21 -> 2/7.
    CHECK(s[50].cancellation.counts.completed == 5);
    CHECK(s[50].cancellation.counts.lateCancel == 1);
    CHECK(s[50].cancellation.counts.noShow == 1);
    CHECK(s[50].cancellation.cancellation == Approx(2.0 / 7.0));
    CHECK(s[50].cancellation.lateCancel == Approx(1.0 / 7.0));
    CHECK(s[50].cancellation.noShow == Approx(1.0 / 7.0));

    // 49 [06-09, 06-15]: completed c1, c2 = 2; cancelled c2 06-10; c5 clinician-cancelled
    // excluded -> 1/3.
    CHECK(s[49].cancellation.counts.denominator() == 3);
    CHECK(s[49].cancellation.cancellation == Approx(1.0 / 3.0));

    // 48 [06-02, 06-08]: only c4 Rescheduled (other) -> denominator 0, undefined, not 0.
    CHECK(s[48].cancellation.counts.denominator() == 0);
    CHECK_FALSE(s[48].cancellation.cancellation.has_value());
    CHECK_FALSE(s[48].cancellation.lateCancel.has_value());
    CHECK_FALSE(s[48].cancellation.noShow.has_value());

    // 35 [03-03, 03-09]: c11 completed -> 0/1 = 0, defined.
    REQUIRE(s[35].cancellation.cancellation.has_value());
    CHECK(*s[35].cancellation.cancellation == 0.0);

    // Every other week has no appointment: undefined.
    for (std::size_t i = 0; i < 52; ++i) {
        if (i == 35 || i >= 49)
            continue;
        INFO("point " << i);
        CHECK_FALSE(s[i].cancellation.cancellation.has_value());
    }

    SECTION("Sunday weeks")
    {
        const std::vector<WeekPoint> w = weeklySeries(f.snapshot, sundayWeeks(), T, Scope::practice());
        REQUIRE(w.size() == 52);
        // [06-22, 06-25]: completed c2 06-22, c6, c1 = 3; cancelled c8 -> 1/4.
        CHECK(w[51].cancellation.cancellation == Approx(1.0 / 4.0));
        // [06-15, 06-21]: completed c2 06-15, c1 06-17, group x3 = 5; late 1; no-show 1 -> 2/7.
        CHECK(w[50].cancellation.cancellation == Approx(2.0 / 7.0));
        // [06-08, 06-14]: completed c1 06-10; cancelled c2 06-10 -> 1/2.
        CHECK(w[49].cancellation.cancellation == Approx(1.0 / 2.0));
        // [06-01, 06-07]: only the Rescheduled -> undefined.
        CHECK_FALSE(w[48].cancellation.cancellation.has_value());
    }
}

// Active clients on day D (weekEnd): a qualifying session in [D-29, D], or an appointment in
// [D+1, D+30] that is not a cancellation (its status on D is scheduled: a later "Show",
// "No Show" or "Rescheduled" was still ahead on D). On the current week (D = T) there is
// no look-ahead limit. Per client, Q = qualifying days, N = days of non-cancellations:
//   c1  Q 06-10 06-17 06-24          N 06-10 06-17 06-24 07-01
//   c2  Q 06-15 06-17(late) 06-22    N 06-15 06-22        (06-10, 06-17 are cancellations)
//   c3  Q 06-21                      N 06-21 06-25
//   c4  -                            N 06-04 (Rescheduled)
//   c5  Q 06-19                      N 06-19              (06-12 clinician-cancelled)
//   c6  Q 06-19 06-23                N 06-19 06-23
//   c7  Q 06-19                      N 06-19
//   c8  -                            -                    (06-24 Canceled)
//   c9  -                            N 07-22
//   c10 -                            N 07-23
//   c11 Q 03-03                      N 03-03
//
// Monday weeks (D, look-back [D-29, D], look-ahead [D+1, D+30]):
//   51 D=T=06-25  look-back [05-27, 06-25]: c1 c2 c3 c5 c6 c7; ahead (no limit): c9 c10 -> 8
//                 (c4's 06-04 is past and not qualifying; c8 only cancelled)
//   50 D=06-22    back [05-24, 06-22]: c1 c2 c3 c5 c6 c7; ahead [06-23, 07-22]: c9 (07-22 is
//                 D+30), not c10 (07-23 is D+31) -> 7
//   49 D=06-15    back [05-17, 06-15]: c1 c2; ahead [06-16, 07-15]: c3 (06-21) c5 c6 c7 -> 6
//   48 D=06-08    back: none; ahead [06-09, 07-08]: c1 c2 c3 c5 c6 c7; c4's 06-04 is past
//                 and not qualifying -> 6
//   47 D=06-01    ahead [06-02, 07-01]: c1 c2 c3 c4 c5 c6 c7 -> 7
//   46 D=05-25    ahead [05-26, 06-24]: c1 c2 c3 c4 c5 c6 c7 -> 7
//   45 D=05-18    ahead [05-19, 06-17]: c1 (06-10) c2 (06-15) c4 (06-04); c5's 06-12 is a
//                 cancellation; 06-19 and 06-21 are too far -> 3
//   44 D=05-11    ahead [05-12, 06-10]: c1 (06-10 = D+30) c4; c2's 06-10 is a cancellation -> 2
//   43 D=05-04    ahead [05-05, 06-03]: c4's 06-04 is D+31 -> 0
//   42..39        D = 04-27 .. 04-06: c11's 03-03 is before D-29 (04-06 - 29 = 03-08) -> 0
//   38..35        D = 03-30 .. 03-09: c11 in the look-back (03-30 - 29 = 03-01) -> 1
//   34..30        D = 03-02 .. 02-02: c11 ahead (02-02 + 30 = 03-04) -> 1
//   29 and before D <= 01-26: 03-03 is more than 30 days ahead -> 0
TEST_CASE("weekly series: active clients per week with the look-ahead limit for past weeks", "[metrics]")
{
    const Fixture f;

    SECTION("Monday weeks, practice")
    {
        const std::vector<WeekPoint> s = weeklySeries(f.snapshot, kDefaults, T, Scope::practice());
        REQUIRE(s.size() == 52);
        std::vector<std::int64_t> expected(52, 0);
        for (std::size_t i = 30; i <= 38; ++i)
            expected[i] = 1;
        expected[44] = 2;
        expected[45] = 3;
        expected[46] = 7;
        expected[47] = 7;
        expected[48] = 6;
        expected[49] = 6;
        expected[50] = 7;
        expected[51] = 8;
        for (std::size_t i = 0; i < 52; ++i) {
            INFO("point " << i << " ending " << formatIsoDay(s[i].weekEnd));
            CHECK(s[i].activeClients == expected[i]);
        }
    }
    SECTION("per clinician")
    {
        // Week 50 (D = 06-22): Ava c1 c2 c3 c9 = 4, Ben c5 c6 c7 = 3.
        // Week 45 (D = 05-18): Ava c1 c2 = 2, Ben c4 = 1.
        // Current week: Ava c1 c2 c3 c9 c10 = 5, Ben c5 c6 c7 = 3.
        const std::vector<WeekPoint> a = weeklySeries(f.snapshot, kDefaults, T, kAva);
        const std::vector<WeekPoint> b = weeklySeries(f.snapshot, kDefaults, T, kBen);
        REQUIRE(a.size() == 52);
        REQUIRE(b.size() == 52);
        CHECK(a[50].activeClients == 4);
        CHECK(b[50].activeClients == 3);
        CHECK(a[45].activeClients == 2);
        CHECK(b[45].activeClients == 1);
        CHECK(a[51].activeClients == 5);
        CHECK(b[51].activeClients == 3);
    }
    SECTION("the past-week figure is activeClientsOn with the active window as look-ahead")
    {
        // D = 06-22: 7 with a 30-day look-ahead; the exact definition (no limit) adds c10 -> 8.
        CHECK(activeClientsOn(f.snapshot, kDefaults, june(22), Scope::practice(), 30) == 7);
        CHECK(activeClientsOn(f.snapshot, kDefaults, june(22), Scope::practice(), -1) == 8);
        CHECK(activeClients(f.snapshot, kDefaults, june(22), Scope::practice()) == 8);
        // On T: the exact figure, 8.
        CHECK(activeClients(f.snapshot, kDefaults, T, Scope::practice()) == 8);
        // D = 05-04: nothing within 30 days; with no limit every client with a later
        // non-cancellation: c1 c2 c3 c4 c5 c6 c7 c9 c10 -> 9 (c11's 03-03 is before D-29).
        CHECK(activeClientsOn(f.snapshot, kDefaults, makeDay(2025, 5, 4), Scope::practice(), 30) == 0);
        CHECK(activeClientsOn(f.snapshot, kDefaults, makeDay(2025, 5, 4), Scope::practice(), -1) == 9);
    }
    SECTION("a shorter active window shortens both the look-back and the look-ahead")
    {
        // active_window_days = 14: look-back [D-13, D], look-ahead [D+1, D+14].
        //   51 D=T=06-25  back [06-12, 06-25]: c1 c2 c3 c5 c6 c7; ahead without limit: c9 c10 -> 8
        //   50 D=06-22    back [06-09, 06-22]: c1 c2 c3 c5 c6 c7; ahead [06-23, 07-06]: not c9 -> 6
        //   49 D=06-15    back [06-02, 06-15]: c1 c2; ahead [06-16, 06-29]: c3 c5 c6 c7 -> 6
        //   47 D=06-01    ahead [06-02, 06-15]: c1 (06-10) c2 (06-15) c4 (06-04); c5's 06-12 is
        //                 a cancellation, 06-19 too far -> 3
        //   45 D=05-18    ahead [05-19, 06-01]: nothing -> 0 (3 with the default window)
        //   36 D=03-16    back [03-03, 03-16]: c11 -> 1;  37 D=03-23: back from 03-10 -> 0
        MetricSettings s;
        s.activeWindowDays = 14;
        const std::vector<WeekPoint> w = weeklySeries(f.snapshot, s, T, Scope::practice());
        REQUIRE(w.size() == 52);
        CHECK(w[51].activeClients == 8);
        CHECK(w[50].activeClients == 6);
        CHECK(w[49].activeClients == 6);
        CHECK(w[47].activeClients == 3);
        CHECK(w[45].activeClients == 0);
        CHECK(w[36].activeClients == 1);
        CHECK(w[37].activeClients == 0);
    }
    SECTION("Sunday weeks")
    {
        // 51 D=T: 8 as above.
        // 50 D=06-21 (Sat): back [05-23, 06-21]: c1 c2 c3 (no-show 06-21) c5 c6 c7; ahead
        //    [06-22, 07-21]: c9's 07-22 is D+31 -> 6
        // 49 D=06-14: back [05-16, 06-14]: c1; ahead [06-15, 07-14]: c2 c3 c5 c6 c7 -> 6
        const std::vector<WeekPoint> s = weeklySeries(f.snapshot, sundayWeeks(), T, Scope::practice());
        REQUIRE(s.size() == 52);
        CHECK(s[51].activeClients == 8);
        CHECK(s[50].activeClients == 6);
        CHECK(s[49].activeClients == 6);
    }
}

TEST_CASE("weekly series of an empty database", "[metrics]")
{
    Store store = Store::openInMemory();
    const Snapshot snapshot = loadSnapshot(store);
    for (const WeekStart start : {WeekStart::Monday, WeekStart::Sunday}) {
        MetricSettings settings;
        settings.weekStart = start;
        const std::vector<WeekPoint> s = weeklySeries(snapshot, settings, T, Scope::practice());
        checkShape(s, T, start);
        for (std::size_t i = 0; i < s.size(); ++i) {
            INFO("point " << i);
            CHECK(s[i].counted == 0);
            CHECK(s[i].goal == 0.0);
            CHECK(s[i].activeClients == 0);
            CHECK(s[i].cancellation.counts.denominator() == 0);
            CHECK_FALSE(s[i].cancellation.cancellation.has_value());
            CHECK_FALSE(s[i].cancellation.lateCancel.has_value());
            CHECK_FALSE(s[i].cancellation.noShow.has_value());
        }
    }
}

TEST_CASE("weekly series with T before any data", "[metrics]")
{
    // T = Sunday 2024-12-01, three months before the first appointment (c11, 2025-03-03)
    // and a month before any goal period.
    const Fixture f;
    const Day early = makeDay(2024, 12, 1);

    SECTION("Monday weeks: the last point is the whole week [11-25, 12-01]")
    {
        const std::vector<WeekPoint> s = weeklySeries(f.snapshot, kDefaults, early, Scope::practice());
        checkShape(s, early, WeekStart::Monday);
        CHECK(s.front().weekStart == makeDay(2023, 12, 4));
        CHECK(s.back().weekStart == makeDay(2024, 11, 25));
        for (std::size_t i = 0; i < s.size(); ++i) {
            INFO("point " << i);
            CHECK(s[i].counted == 0);
            CHECK(s[i].goal == 0.0);
            CHECK_FALSE(s[i].cancellation.cancellation.has_value());
        }
        // Past weeks end on or before 11-24, so their look-ahead ends by 12-24: nobody.
        for (std::size_t i = 0; i + 1 < s.size(); ++i) {
            INFO("point " << i);
            CHECK(s[i].activeClients == 0);
        }
        // On T itself the exact definition: every client with a non-cancellation after T is
        // booked ahead, however far: c1 c2 c3 c4 (Rescheduled, ahead) c5 c6 c7 c9 c10 c11
        // -> 10 (c8 only cancelled).
        CHECK(s.back().activeClients == 10);
    }
    SECTION("Sunday weeks: the last point is the single day T")
    {
        const std::vector<WeekPoint> s = weeklySeries(f.snapshot, sundayWeeks(), early, Scope::practice());
        checkShape(s, early, WeekStart::Sunday);
        CHECK(s.front().weekStart == makeDay(2023, 12, 10));
        CHECK(s.back().weekStart == early);
        CHECK(s.back().weekEnd == early);
        CHECK(s.back().goal == 0.0);
        CHECK(s.back().activeClients == 10);
        CHECK(s[50].activeClients == 0);
    }
}
