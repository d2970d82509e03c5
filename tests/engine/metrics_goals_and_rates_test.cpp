// Goals and targets (METRICS.md "Goals and targets") on a hand-built practice. Every
// expected value is worked out by hand in the comments, never by calling the code
// under test.

#include "caseboard/metrics/goals_and_rates.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/scope.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/store/store.h"

#include "fixture_builders.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace caseboard;
using namespace caseboard::metrics;

namespace {

// T = Monday 2025-06-30.
//   last 7 days          [06-24, 06-30]
//   trailing 12 weeks    [T-83, T] = [04-08, 06-30]  (04-08 -> 04-30 is 22 days, -> 05-31 is 53, -> 06-30 is 83)
//   next 7 days          [07-01, 07-07]
constexpr Day T = makeDay(2025, 6, 30);

Day june(unsigned d) { return makeDay(2025, 6, d); }
Day july(unsigned d) { return makeDay(2025, 7, d); }

// The fixture practice. Clinician indexes follow insertion (= id) order:
//   0 Ava   LCSW      North  sup. Sam  goals: 20 [01-01, 06-19], leave 0 [06-20, 06-22], 24 from 06-23
//   1 Ben   LPC       South  sup. Sam  goal 10 from 01-01
//   2 Cleo  Associate North  sup. Uma  goal 5 from 01-01 (fewer than 20 appointments)
//   3 Dev   Intern    South  sup. Uma  goal 0 from 01-01 (one appointment)
// Clients c1..c12.
class Fixture {
public:
    Fixture() : store_(Store::openInMemory())
    {
        ava = test::addClinician(store_, "Ava", "LCSW", "North", "Sam");
        ben = test::addClinician(store_, "Ben", "LPC", "South", "Sam");
        cleo = test::addClinician(store_, "Cleo", "Associate", "North", "Uma");
        dev = test::addClinician(store_, "Dev", "Intern", "South", "Uma");
        test::addGoalPeriod(store_, ava, makeDay(2025, 1, 1), june(19), 20);
        test::addGoalPeriod(store_, ava, june(20), june(22), 0);
        test::addGoalPeriod(store_, ava, june(23), std::nullopt, 24);
        test::addGoalPeriod(store_, ben, makeDay(2025, 1, 1), std::nullopt, 10);
        test::addGoalPeriod(store_, cleo, makeDay(2025, 1, 1), std::nullopt, 5);
        test::addGoalPeriod(store_, dev, makeDay(2025, 1, 1), std::nullopt, 0);
        clients_ = test::addClients(store_, 12);

        // --- Ava: 24 past, 4 future ------------------------------------------------
        // Before the 12 weeks: one completed, ignored by every window below.
        add(ava, 1, makeDay(2025, 3, 3), 9 * 60, "Show");
        // 15 completed in [04-08, 06-30]: nine Mondays, 06-18, 06-19, then 06-24..06-27.
        const Day mondays[] = {makeDay(2025, 4, 14), makeDay(2025, 4, 21), makeDay(2025, 4, 28),
                               makeDay(2025, 5, 5),  makeDay(2025, 5, 12), makeDay(2025, 5, 19),
                               makeDay(2025, 5, 26), june(2),              june(9)};
        int k = 0;
        for (Day d : mondays)
            add(ava, 1 + (k++ % 3), d, 9 * 60, "Show");
        add(ava, 1, june(18), 9 * 60, "Show");
        add(ava, 2, june(19), 9 * 60, "Show");
        add(ava, 1, june(24), 9 * 60, "Show");
        add(ava, 2, june(25), 9 * 60, "Show");
        add(ava, 3, june(26), 9 * 60, "Show");
        add(ava, 4, june(27), 9 * 60, "Show");
        // 2 cancelled, 2 late cancels, 1 no-show: 5 of a denominator of 20 = exactly 1/4.
        add(ava, 1, makeDay(2025, 5, 6), 9 * 60, "Canceled");
        add(ava, 2, june(24), 10 * 60, "Canceled");
        add(ava, 3, makeDay(2025, 5, 13), 9 * 60, "Late Canceled");
        add(ava, 3, june(25), 10 * 60, "Late Canceled");
        add(ava, 4, june(26), 10 * 60, "No Show");
        // Excluded from every rate: clinician-cancelled, other, unmarked (past, still scheduled).
        add(ava, 1, june(27), 10 * 60, "Clinician Canceled");
        add(ava, 2, june(10), 9 * 60, "Rescheduled");
        add(ava, 5, june(30), 9 * 60, "Scheduled");
        // Future: a "Show" counts as scheduled; a cancellation does not; 07-08 is outside [T+1, T+7].
        add(ava, 1, july(1), 9 * 60, "Show");
        add(ava, 2, july(2), 9 * 60, "Canceled");
        add(ava, 3, july(3), 9 * 60, "Scheduled");
        add(ava, 1, july(8), 9 * 60, "Scheduled");

        // --- Ben: 29 past, 4 future ------------------------------------------------
        // c9 at 11:00 and c10 at 12:00 completed on the 11 Mondays 04-14 .. 06-23: 22.
        for (Day d = makeDay(2025, 4, 14); d <= june(23); d = addDays(d, 7)) {
            add(ben, 9, d, 11 * 60, "Show");
            add(ben, 10, d, 12 * 60, "Show");
        }
        // A 90853 group of three clients at 14:00 on 06-26: three appointments, one session.
        add(ben, 6, june(26), 14 * 60, "Show", "90853");
        add(ben, 7, june(26), 14 * 60, "Show", "90853");
        add(ben, 8, june(26), 14 * 60, "Show", "90853");
        // Two clients at the same start time without the group code: also one session.
        add(ben, 6, june(27), 14 * 60, "Show");
        add(ben, 7, june(27), 14 * 60, "Show");
        // On T: one cancellation and one no-show.
        add(ben, 9, june(30), 11 * 60, "Canceled");
        add(ben, 10, june(30), 12 * 60, "No Show");
        // Future: the group again (3 appointments, 1 session) and c9 on 07-07.
        add(ben, 6, july(3), 14 * 60, "Scheduled", "90853");
        add(ben, 7, july(3), 14 * 60, "Scheduled", "90853");
        add(ben, 8, july(3), 14 * 60, "Scheduled", "90853");
        add(ben, 9, july(7), 11 * 60, "Scheduled");

        // --- Cleo: 3 past, 1 future ------------------------------------------------
        add(cleo, 11, june(16), 10 * 60, "Show");
        add(cleo, 11, june(23), 10 * 60, "Show");
        add(cleo, 12, june(24), 15 * 60, "Canceled");
        add(cleo, 11, july(1), 10 * 60, "Scheduled");

        // --- Dev: 1 past ------------------------------------------------------------
        add(dev, 12, june(25), 9 * 60, "Show");

        snapshot = loadSnapshot(store_);
    }

    Snapshot snapshot;
    RowId ava = 0, ben = 0, cleo = 0, dev = 0;

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
const Scope kCleo = Scope::oneClinician(2);
const Scope kDev = Scope::oneClinician(3);
const MetricSettings kDefaults{};

} // namespace

TEST_CASE("fixture practice loads with the expected shape", "[metrics]")
{
    const Fixture f;
    // Ava 24 + 4, Ben 29 + 4, Cleo 3 + 1, Dev 1 = 66 appointments.
    CHECK(f.snapshot.appointments.size() == 66);
    CHECK(f.snapshot.clinicians.size() == 4);
    CHECK(f.snapshot.clients.size() == 12);
    // Ava c1..c5 (5), Ben c6..c10 (5), Cleo c11, c12 (2), Dev c12 (1): c12 is two pairs.
    CHECK(f.snapshot.pairs.size() == 13);
    CHECK(f.snapshot.clinicianIndex(f.cleo) == 2u);
}

TEST_CASE("counted sessions: completed, groups once, nothing after T", "[metrics]")
{
    const Fixture f;
    const Window last7 = lastDays(T, 7); // [06-24, 06-30]

    // Ava: completed 06-24, 06-25, 06-26, 06-27 = 4 (06-30 is unmarked).
    CHECK(countedSessions(f.snapshot, kDefaults, T, kAva, last7) == 4);
    // Ben: the 90853 group on 06-26 (3 clients) = 1, the same-start pair on 06-27 = 1;
    // 06-30 is a cancel and a no-show = 0. Total 2.
    CHECK(countedSessions(f.snapshot, kDefaults, T, kBen, last7) == 2);
    CHECK(countedSessions(f.snapshot, kDefaults, T, kCleo, last7) == 0);
    CHECK(countedSessions(f.snapshot, kDefaults, T, kDev, last7) == 1);
    // Practice: 4 + 2 + 0 + 1 = 7.
    CHECK(countedSessions(f.snapshot, kDefaults, T, Scope::practice(), last7) == 7);

    SECTION("a window reaching past T counts nothing after T, not even a future \"Show\"")
    {
        // Ava [06-24, 07-07]: still the 4 above; 07-01 "Show" is in the future.
        CHECK(countedSessions(f.snapshot, kDefaults, T, kAva, Window{june(24), july(7)}) == 4);
    }
    SECTION("billable cancels count with the setting")
    {
        MetricSettings s;
        s.billableCancelsCountAsCompleted = true;
        // Ava: 4 + late cancel 06-25 + no-show 06-26 = 6.
        CHECK(countedSessions(f.snapshot, s, T, kAva, last7) == 6);
        // Ben: 2 + no-show of c10 on 06-30 (12:00, alone) = 3.
        CHECK(countedSessions(f.snapshot, s, T, kBen, last7) == 3);
    }
    SECTION("each client of a group counts with the setting")
    {
        MetricSettings s;
        s.countGroupClientsSeparately = true;
        // Ben: 3 (group) + 2 (same start) = 5.
        CHECK(countedSessions(f.snapshot, s, T, kBen, last7) == 5);
    }
    SECTION("trailing 12 weeks")
    {
        // Ava: 15 completed in [04-08, 06-30]; 03-03 is outside.
        CHECK(countedSessions(f.snapshot, kDefaults, T, kAva, trailingTwelveWeeks(T)) == 15);
        // Ben: 22 Mondays + 1 group + 1 same-start = 24.
        CHECK(countedSessions(f.snapshot, kDefaults, T, kBen, trailingTwelveWeeks(T)) == 24);
    }
}

TEST_CASE("cancellation rates: past only, appointment level, exclusions", "[metrics]")
{
    const Fixture f;

    SECTION("Ava over the trailing 12 weeks")
    {
        // completed 15, cancelled 2, late 2, no-show 1 -> denominator 20; clinician-cancelled,
        // Rescheduled (other) and the unmarked 06-30 are in neither side.
        const CancellationRates r = cancellationRates(f.snapshot, T, kAva, trailingTwelveWeeks(T));
        CHECK(r.counts.completed == 15);
        CHECK(r.counts.cancelled == 2);
        CHECK(r.counts.lateCancel == 2);
        CHECK(r.counts.noShow == 1);
        CHECK(r.cancellation == Approx(5.0 / 20.0)); // 0.25
        CHECK(r.lateCancel == Approx(2.0 / 20.0));   // 0.10
        CHECK(r.noShow == Approx(1.0 / 20.0));       // 0.05
    }
    SECTION("practice over the last 7 days, each group client counted")
    {
        // [06-24, 06-30]:
        //   Ava  completed 4 (06-24..27), cancelled 1 (06-24), late 1 (06-25), no-show 1 (06-26)
        //   Ben  completed 3 (group) + 2 (06-27) = 5, cancelled 1, no-show 1 (06-30)
        //   Cleo cancelled 1 (06-24)
        //   Dev  completed 1 (06-25)
        // completed 10, cancelled 3, late 1, no-show 2 -> denominator 16.
        const CancellationRates r = cancellationRates(f.snapshot, T, Scope::practice(), lastDays(T, 7));
        CHECK(r.counts.denominator() == 16);
        CHECK(r.cancellation == Approx(6.0 / 16.0)); // 0.375
        CHECK(r.lateCancel == Approx(1.0 / 16.0));
        CHECK(r.noShow == Approx(2.0 / 16.0));
    }
    SECTION("future appointments are never in a rate")
    {
        // [07-01, 07-07] holds Ava's future "Show" and future cancellation: nothing is past.
        const CancellationRates r = cancellationRates(f.snapshot, T, Scope::practice(), nextDays(T, 7));
        CHECK(r.counts.denominator() == 0);
        CHECK_FALSE(r.cancellation.has_value());
        CHECK_FALSE(r.lateCancel.has_value());
        CHECK_FALSE(r.noShow.has_value());
    }
    SECTION("a window holding only an unmarked appointment is undefined, not 0")
    {
        // Ava [06-28, 06-30]: only the unmarked 06-30.
        const CancellationRates r = cancellationRates(f.snapshot, T, kAva, Window{june(28), june(30)});
        CHECK_FALSE(r.cancellation.has_value());
    }
    SECTION("group scopes")
    {
        // Supervisor Sam = Ava + Ben over [06-24, 06-30]: completed 4 + 5 = 9,
        // cancelled 1 + 1 = 2, late 1, no-show 1 + 1 = 2 -> 5 / 14.
        const CancellationRates r = cancellationRates(f.snapshot, T, Scope::supervisor("Sam"), lastDays(T, 7));
        CHECK(r.counts.denominator() == 14);
        CHECK(r.cancellation == Approx(5.0 / 14.0));
    }
}

TEST_CASE("weekly goal, goal for a window and utilization", "[metrics]")
{
    const Fixture f;

    SECTION("weekly goal follows goal periods, leave included")
    {
        CHECK(weeklyGoalOn(f.snapshot, kDefaults, june(19), kAva) == 20.0);
        CHECK(weeklyGoalOn(f.snapshot, kDefaults, june(21), kAva) == 0.0); // leave
        CHECK(weeklyGoalOn(f.snapshot, kDefaults, june(23), kAva) == 24.0);
        // Practice on T: 24 + 10 + 5 + 0 = 39; during Ava's leave: 0 + 10 + 5 + 0 = 15.
        CHECK(weeklyGoalOn(f.snapshot, kDefaults, T, Scope::practice()) == 39.0);
        CHECK(weeklyGoalOn(f.snapshot, kDefaults, june(21), Scope::practice()) == 15.0);
        // Location North = Ava + Cleo: 24 + 5 = 29.
        CHECK(weeklyGoalOn(f.snapshot, kDefaults, T, Scope::location("North")) == 29.0);
        // Before any goal period: 0.
        CHECK(weeklyGoalOn(f.snapshot, kDefaults, makeDay(2024, 12, 31), Scope::practice()) == 0.0);
    }
    SECTION("an explicit practice goal replaces the sum for the practice only")
    {
        MetricSettings s;
        s.practiceWeeklyGoal = 50.0;
        CHECK(weeklyGoalOn(f.snapshot, s, T, Scope::practice()) == 50.0);
        CHECK(weeklyGoalOn(f.snapshot, s, T, kAva) == 24.0);
    }
    SECTION("an annual practice goal gives the weekly one: 2,400 / 48 working weeks = 50")
    {
        MetricSettings s;
        s.practiceAnnualGoal = 2400.0;
        CHECK(weeklyGoalOn(f.snapshot, s, T, Scope::practice()) == 50.0);
        CHECK(goalForWindow(f.snapshot, s, Scope::practice(), lastDays(T, 7)) == Approx(50.0));
        CHECK(weeklyGoalOn(f.snapshot, s, T, kAva) == 24.0);
    }
    SECTION("last 7 days")
    {
        // Ava: 7 days of 24 / 7 = 24; utilization 4 / 24.
        CHECK(goalForWindow(f.snapshot, kDefaults, kAva, lastDays(T, 7)) == Approx(24.0));
        CHECK(utilization(f.snapshot, kDefaults, T, kAva, lastDays(T, 7)) == Approx(4.0 / 24.0));
        // Ben: goal 10; utilization 2 / 10.
        CHECK(utilization(f.snapshot, kDefaults, T, kBen, lastDays(T, 7)) == Approx(0.2));
        // Practice: 39 per week -> 39; utilization 7 / 39.
        CHECK(goalForWindow(f.snapshot, kDefaults, Scope::practice(), lastDays(T, 7)) == Approx(39.0));
        CHECK(utilization(f.snapshot, kDefaults, T, Scope::practice(), lastDays(T, 7)) == Approx(7.0 / 39.0));
    }
    SECTION("a window crossing leave and a goal change")
    {
        // Ava [06-18, 06-24]: 06-18, 06-19 at 20 (40), 06-20..22 at 0, 06-23, 06-24 at 24 (48)
        // -> 88 / 7. Counted: 06-18, 06-19, 06-24 = 3 -> utilization 3 / (88/7) = 21 / 88.
        const Window w{june(18), june(24)};
        CHECK(goalForWindow(f.snapshot, kDefaults, kAva, w) == Approx(88.0 / 7.0));
        CHECK(utilization(f.snapshot, kDefaults, T, kAva, w) == Approx(21.0 / 88.0));
    }
    SECTION("under-performing: last-7-days utilization below 0.8")
    {
        // Ava 4/24 = 0.17 < 0.8; Ben 2/10 = 0.2 < 0.8; Dev goal 0 -> undefined.
        CHECK(underPerforming(f.snapshot, kDefaults, T, kAva) == true);
        CHECK(underPerforming(f.snapshot, kDefaults, T, kBen) == true);
        CHECK_FALSE(underPerforming(f.snapshot, kDefaults, T, kDev).has_value());
        // With the threshold at 0.15, Ava (0.167) is no longer under-performing.
        MetricSettings s;
        s.underPerformingUtilization = 0.15;
        CHECK(underPerforming(f.snapshot, s, T, kAva) == false);
    }
    SECTION("an explicit practice goal sets the practice goal for a window")
    {
        // 50 per week over [06-24, 06-30] = 7 x 50 / 7 = 50; utilization 7 / 50.
        MetricSettings s;
        s.practiceWeeklyGoal = 50.0;
        CHECK(goalForWindow(f.snapshot, s, Scope::practice(), lastDays(T, 7)) == Approx(50.0));
        CHECK(utilization(f.snapshot, s, T, Scope::practice(), lastDays(T, 7)) == Approx(7.0 / 50.0));
    }
    SECTION("a clinician with goal 0 has undefined utilization")
    {
        // Dev: goal 0, one completed session in the window.
        CHECK(goalForWindow(f.snapshot, kDefaults, kDev, lastDays(T, 7)) == 0.0);
        CHECK_FALSE(utilization(f.snapshot, kDefaults, T, kDev, lastDays(T, 7)).has_value());
        // Ava during her whole leave [06-20, 06-22]: goal 0 -> undefined.
        CHECK_FALSE(utilization(f.snapshot, kDefaults, T, kAva, Window{june(20), june(22)}).has_value());
    }
}

TEST_CASE("bookings targets are exact", "[metrics]")
{
    SECTION("pure arithmetic")
    {
        // 24 / (1 - 1/4) = 24 x 4 / 3 = 32 exactly.
        CHECK(exactBookingsTarget(24.0, Fraction{1, 4}) == 32);
        CHECK(exactBookingsTarget(24.0, Fraction{5, 20}) == 32);
        // 1 / (1 - 4/5) = 5 exactly; floating point gives 1 / 0.19999999999999996 -> 6.
        CHECK(exactBookingsTarget(1.0, Fraction{4, 5}) == 5);
        // 1 / (1 - 9/10) = 10; floating point gives 11.
        CHECK(exactBookingsTarget(1.0, Fraction{9, 10}) == 10);
        // 10 x 29 / 27 = 10.74 -> 11.
        CHECK(exactBookingsTarget(10.0, Fraction{2, 29}) == 11);
        // No data: the goal itself (a fractional goal rounds up to whole bookings).
        CHECK(exactBookingsTarget(24.0, std::nullopt) == 24);
        CHECK(exactBookingsTarget(22.5, std::nullopt) == 23);
        // Goal 0: 0 whatever the rate; every appointment cancelled: undefined.
        CHECK(exactBookingsTarget(0.0, Fraction{3, 3}) == 0);
        CHECK_FALSE(exactBookingsTarget(10.0, Fraction{3, 3}).has_value());
    }

    const Fixture f;
    SECTION("Ava: own rate exactly 1/4 over 20 appointments, goal 24 -> 32")
    {
        const BookingsTarget t = bookingsTarget(f.snapshot, kDefaults, T, std::size_t{0});
        CHECK(t.weeklyGoal == 24.0);
        REQUIRE(t.rate.has_value());
        CHECK(t.rate->numerator == 5);
        CHECK(t.rate->denominator == 20);
        CHECK_FALSE(t.usesPracticeRate);
        CHECK(t.target == 32);
    }
    SECTION("Ben: own rate 2/29 (27 completed + cancel + no-show), goal 10 -> ceil(290/27) = 11")
    {
        const BookingsTarget t = bookingsTarget(f.snapshot, kDefaults, T, kBen);
        CHECK_FALSE(t.usesPracticeRate);
        CHECK(t.target == 11);
    }
    SECTION("Cleo: 3 appointments < 20, so the practice rate, flagged")
    {
        // Practice [04-08, 06-30]: completed Ava 15 + Ben 27 + Cleo 2 + Dev 1 = 45;
        // cancelled 2 + 1 + 1 = 4; late 2; no-show 1 + 1 = 2 -> 8 / 53.
        // Target = ceil(5 x 53 / 45) = ceil(265 / 45 = 5.89) = 6.
        const BookingsTarget t = bookingsTarget(f.snapshot, kDefaults, T, std::size_t{2});
        CHECK(t.usesPracticeRate);
        REQUIRE(t.rate.has_value());
        CHECK(t.rate->numerator == 8);
        CHECK(t.rate->denominator == 53);
        CHECK(t.target == 6);
    }
    SECTION("Dev: goal 0 -> target 0")
    {
        CHECK(bookingsTarget(f.snapshot, kDefaults, T, std::size_t{3}).target == 0);
    }
    SECTION("practice scope: goal 39, rate 8/53 -> ceil(39 x 53 / 45) = ceil(2067 / 45 = 45.93) = 46")
    {
        const BookingsTarget t = bookingsTarget(f.snapshot, kDefaults, T, Scope::practice());
        CHECK(t.weeklyGoal == 39.0);
        CHECK(t.target == 46);
    }
    SECTION("no cancellation data: the target is the goal")
    {
        // T = 2025-01-10: [2024-10-19, 2025-01-10] holds no appointment; Ava's goal is 20.
        const BookingsTarget t = bookingsTarget(f.snapshot, kDefaults, makeDay(2025, 1, 10), std::size_t{0});
        CHECK_FALSE(t.rate.has_value());
        CHECK_FALSE(t.usesPracticeRate);
        CHECK(t.target == 20);
    }
}

TEST_CASE("upcoming bookings and openings", "[metrics]")
{
    const Fixture f;

    // [07-01, 07-07]:
    //   Ava  07-01 "Show" (future -> scheduled), 07-03 scheduled; 07-02 cancelled no; 07-08 outside.
    //        2 appointments, 2 sessions.
    //   Ben  07-03 group of 3 (1 session), 07-07 c9: 4 appointments, 2 sessions.
    //   Cleo 07-01: 1 and 1.
    const UpcomingBookings a = upcomingBookings(f.snapshot, kDefaults, T, kAva);
    CHECK(a.appointments == 2);
    CHECK(a.sessions == 2);
    const UpcomingBookings b = upcomingBookings(f.snapshot, kDefaults, T, kBen);
    CHECK(b.appointments == 4);
    CHECK(b.sessions == 2);
    const UpcomingBookings p = upcomingBookings(f.snapshot, kDefaults, T, Scope::practice());
    CHECK(p.appointments == 7);
    CHECK(p.sessions == 5);

    SECTION("openings: target - bookings, urgent below the goal, most openings first")
    {
        // Ava 32 - 2 = 30 (2 < 24: urgent); Ben 11 - 2 = 9 (2 < 10: urgent);
        // Cleo 6 - 1 = 5 (1 < 5: urgent); Dev target 0: not listed.
        const std::vector<Opening> list = openings(f.snapshot, kDefaults, T, Scope::practice());
        REQUIRE(list.size() == 3);
        CHECK(list[0].clinician == 0);
        CHECK(list[0].openings == 30);
        CHECK(list[0].urgent);
        CHECK(list[1].clinician == 1);
        CHECK(list[1].openings == 9);
        CHECK(list[2].clinician == 2);
        CHECK(list[2].openings == 5);
        CHECK(list[2].target.usesPracticeRate);
    }
    SECTION("openings within a scope")
    {
        // Clinician type LPC = Ben only.
        const std::vector<Opening> list = openings(f.snapshot, kDefaults, T, Scope::clinicianType("LPC"));
        REQUIRE(list.size() == 1);
        CHECK(list[0].clinician == 1);
    }
    SECTION("on an earlier T, later appointments are future bookings whatever their status")
    {
        // T = 06-23, next 7 days [06-24, 06-30]. Ben there: the 06-26 group (future "Show"
        // -> scheduled, 1 session), the 06-27 pair (1), 06-30 c9 cancelled (a cancellation:
        // not scheduled), 06-30 c10 "No Show" (future -> scheduled, 1) = 3 sessions.
        // Rate over [T-83, T] = [04-01, 06-23]: the 22 Monday sessions, all completed ->
        // 0/22 (22 >= 20: own rate) -> target = ceil(10 x 22 / 22) = 10; 10 - 3 = 7, urgent.
        const std::vector<Opening> list = openings(f.snapshot, kDefaults, june(23), kBen);
        REQUIRE(list.size() == 1);
        CHECK(list[0].bookings == 3);
        CHECK(list[0].openings == 7);
        CHECK(list[0].urgent);
    }
}

TEST_CASE("T before any data", "[metrics]")
{
    const Fixture f;
    const Day early = makeDay(2024, 1, 1);
    CHECK(countedSessions(f.snapshot, kDefaults, early, Scope::practice(), lastDays(early, 7)) == 0);
    CHECK_FALSE(cancellationRates(f.snapshot, early, Scope::practice(), trailingTwelveWeeks(early)).cancellation);
    CHECK(weeklyGoalOn(f.snapshot, kDefaults, early, Scope::practice()) == 0.0);
    CHECK_FALSE(utilization(f.snapshot, kDefaults, early, Scope::practice(), lastDays(early, 7)).has_value());
    CHECK(upcomingBookings(f.snapshot, kDefaults, early, Scope::practice()).appointments == 0);
    CHECK(openings(f.snapshot, kDefaults, early, Scope::practice()).empty()); // every goal is 0
}

TEST_CASE("empty database", "[metrics]")
{
    Store store = Store::openInMemory();
    const Snapshot s = loadSnapshot(store);
    CHECK(s.appointments.size() == 0);
    CHECK(s.clinicians.empty());
    const CancellationRates r = cancellationRates(s, T, Scope::practice(), trailingTwelveWeeks(T));
    CHECK_FALSE(r.cancellation.has_value());
    CHECK_FALSE(r.lateCancel.has_value());
    CHECK_FALSE(r.noShow.has_value());
    CHECK(weeklyGoalOn(s, kDefaults, T, Scope::practice()) == 0.0);
    CHECK(goalForWindow(s, kDefaults, Scope::practice(), lastDays(T, 7)) == 0.0);
    CHECK_FALSE(utilization(s, kDefaults, T, Scope::practice(), lastDays(T, 7)).has_value());
    CHECK(countedSessions(s, kDefaults, T, Scope::practice(), lastDays(T, 7)) == 0);
    const BookingsTarget t = bookingsTarget(s, kDefaults, T, Scope::practice());
    CHECK(t.target == 0);
    CHECK_FALSE(t.rate.has_value());
    CHECK(openings(s, kDefaults, T, Scope::practice()).empty());
}
