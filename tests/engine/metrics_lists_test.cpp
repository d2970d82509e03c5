// The weekly and monthly workflow lists and the dashboard (METRICS.md "Lists for the
// weekly and monthly workflow") on the hand-built practice of metrics_fixture_practice.h.
// Every expected value is worked out by hand in the comments (from the pair table at the
// top of that header), never by calling the code under test.

#include "caseboard/metrics/dashboard.h"
#include "caseboard/metrics/goals_and_rates.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/pair_facts.h"
#include "caseboard/metrics/scope.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/metrics/workflow_lists.h"
#include "caseboard/store/store.h"

#include "metrics_fixture_practice.h"

#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

using namespace caseboard;
using namespace caseboard::metrics;
using namespace caseboard::test::practice;

namespace {

const MetricSettings kDefaults{};

// One expected pair on a list: clinician, client number, the date that orders the list.
struct ExpectPair {
    std::size_t clinician;
    int client;
    int serial; // the intake, last qualifying or last seen day, as the list orders by
};

enum class Key { Intake, LastQualifying, LastSeen };

int keyOf(const PairEntry& e, Key key)
{
    switch (key) {
    case Key::Intake:
        return e.intakeSerial;
    case Key::LastQualifying:
        return e.lastQualifyingSerial;
    case Key::LastSeen:
        return e.lastSeenSerial;
    }
    return kNoDay;
}

void checkPairs(const PracticeFixture& f, const std::vector<PairEntry>& actual, const std::vector<ExpectPair>& expected,
                Key key)
{
    REQUIRE(actual.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("entry " << i);
        CHECK(actual[i].pair == f.pair(expected[i].clinician, expected[i].client));
        CHECK(actual[i].clinician == expected[i].clinician);
        CHECK(actual[i].client == f.client(expected[i].client));
        CHECK(keyOf(actual[i], key) == expected[i].serial);
    }
}

// One expected appointment on a list.
struct ExpectRow {
    std::size_t clinician;
    int client;
    int serial;
};

void checkRows(const PracticeFixture& f, const std::vector<AppointmentEntry>& actual,
               const std::vector<ExpectRow>& expected)
{
    REQUIRE(actual.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("entry " << i);
        CHECK(actual[i].clinician == expected[i].clinician);
        CHECK(actual[i].client == f.client(expected[i].client));
        CHECK(actual[i].daySerial == expected[i].serial);
        // The row points at that appointment of the snapshot.
        REQUIRE(actual[i].row < f.snapshot.appointments.size());
        CHECK(f.snapshot.appointments.daySerial[actual[i].row] == expected[i].serial);
        CHECK(f.snapshot.appointments.clinician[actual[i].row] == expected[i].clinician);
        CHECK(static_cast<std::size_t>(f.snapshot.appointments.client[actual[i].row]) == f.client(expected[i].client));
    }
}

const NewClinician* findNew(const std::vector<NewClinician>& list, std::size_t clinician)
{
    for (const NewClinician& n : list)
        if (n.clinician == clinician)
            return &n;
    return nullptr;
}

} // namespace

TEST_CASE("pair entries copy the pair facts", "[metrics]")
{
    const PracticeFixture f;
    const PairFacts facts = computePairFacts(f.snapshot, T);
    const PairEntry e = pairEntry(f.snapshot, facts, f.pair(kBen, 12));
    CHECK(e.pair == f.pair(kBen, 12));
    CHECK(e.clinician == kBen);
    CHECK(e.client == f.client(12));
    CHECK(e.intakeSerial == serial(2024, 6, 24));
    CHECK(e.lastQualifyingSerial == serial(2025, 6, 16));
    CHECK(e.nextScheduledSerial == serial(2025, 7, 8));
    CHECK(e.billableCancels12m == 4);
}

TEST_CASE("new client follow-ups: pair intakes in the last 7 days with their next appointment", "[metrics]")
{
    const PracticeFixture f;
    const PairFacts facts = computePairFacts(f.snapshot, T);

    // Pair intakes in [06-24, 06-30], by intake date:
    //   Cleo c10 06-24 (c10's second pair; the client came to the practice in 2024), next S 07-01
    //   Ava  c7  06-25, next 07-02 (a future "Show")
    //   Eve  c28 06-26, next none (07-03 is a cancellation)
    //   Ben  c17 06-27, next none
    // Not: Dev c26 (06-05), Eve c29 (06-02).
    const std::vector<PairEntry> list = newClientFollowUps(f.snapshot, facts, Scope::practice());
    checkPairs(f, list,
               {{kCleo, 10, serial(2025, 6, 24)},
                {kAva, 7, serial(2025, 6, 25)},
                {kEve, 28, serial(2025, 6, 26)},
                {kBen, 17, serial(2025, 6, 27)}},
               Key::Intake);
    REQUIRE(list.size() == 4);
    CHECK(list[0].nextScheduledSerial == serial(2025, 7, 1));
    CHECK(list[1].nextScheduledSerial == serial(2025, 7, 2));
    CHECK(list[2].nextScheduledSerial == kNoDay);
    CHECK(list[3].nextScheduledSerial == kNoDay);

    SECTION("scoped")
    {
        // North = Ava, Cleo, Eve.
        checkPairs(f, newClientFollowUps(f.snapshot, facts, Scope::location("North")),
                   {{kCleo, 10, serial(2025, 6, 24)}, {kAva, 7, serial(2025, 6, 25)}, {kEve, 28, serial(2025, 6, 26)}},
                   Key::Intake);
        checkPairs(f, newClientFollowUps(f.snapshot, facts, Scope::oneClinician(kBen)),
                   {{kBen, 17, serial(2025, 6, 27)}}, Key::Intake);
        CHECK(newClientFollowUps(f.snapshot, facts, Scope::oneClinician(kDev)).empty());
    }
}

TEST_CASE("new clinicians: start date or first appointment in [T-89, T], re-booking", "[metrics]")
{
    const PracticeFixture f;
    const PairFacts facts = computePairFacts(f.snapshot, T);

    // [T-89, T] = [04-02, 06-30].
    //   Ava start 2020-03-02, Cleo start 2024-09-02: no. Ben no start date, first appointment
    //   2024-06-24: no. Eve start 2025-05-01: yes (her 03-31 row would not be: the start date
    //   wins). Dev no start date, first appointment 2025-05-12: yes, from the first appointment.
    const std::vector<NewClinician> list = newClinicians(f.snapshot, facts, Scope::practice());
    REQUIRE(list.size() == 2);
    CHECK(findNew(list, kAva) == nullptr);
    CHECK(findNew(list, kBen) == nullptr);
    CHECK(findNew(list, kCleo) == nullptr);

    SECTION("Dev: start from the first appointment")
    {
        // Intakes since 05-12: c24 (05-12), c25 (05-14), c32 (05-21), c26 (06-05) = 4. Re-booked:
        // c24 (C 05-19), c32 (NS 06-04: qualifying), c26 (C 06-30, future 07-10); not c25 (only
        // CX 05-28 after). 3 / 4.
        const NewClinician* dev = findNew(list, kDev);
        REQUIRE(dev != nullptr);
        CHECK(dev->startSerial == serial(2025, 5, 12));
        CHECK(dev->startFromFirstAppointment);
        CHECK(dev->intakes == 4);
        CHECK(dev->rebooked == 3);
        CHECK(dev->rebookingRate == Approx(0.75));
        REQUIRE(dev->notRebooked.size() == 1);
        CHECK(dev->notRebooked[0].pair == f.pair(kDev, 25));
        CHECK(dev->notRebooked[0].intakeSerial == serial(2025, 5, 14));
    }
    SECTION("Eve: start date from the team settings")
    {
        // Intakes since 05-01: c27 (05-06), c29 (NS 06-02), c28 (06-26) = 3 (c30 has none).
        // Re-booked: c27 (C 05-20), c29 (C 06-09, future "Show" 07-01); not c28 (only a future
        // cancellation). 2 / 3.
        const NewClinician* eve = findNew(list, kEve);
        REQUIRE(eve != nullptr);
        CHECK(eve->startSerial == serial(2025, 5, 1));
        CHECK_FALSE(eve->startFromFirstAppointment);
        CHECK(eve->intakes == 3);
        CHECK(eve->rebooked == 2);
        CHECK(eve->rebookingRate == Approx(2.0 / 3.0));
        REQUIRE(eve->notRebooked.size() == 1);
        CHECK(eve->notRebooked[0].pair == f.pair(kEve, 28));
        CHECK(eve->notRebooked[0].client == f.client(28));
    }
    SECTION("scoped")
    {
        CHECK(newClinicians(f.snapshot, facts, Scope::supervisor("Sam")).empty());
        const std::vector<NewClinician> north = newClinicians(f.snapshot, facts, Scope::location("North"));
        REQUIRE(north.size() == 1);
        CHECK(north[0].clinician == kEve);
    }
    SECTION("on an earlier T future appointments are the re-bookings")
    {
        // T' = 05-15, window [02-15, 05-15]: Dev (first appointment 05-12) and Eve (start 05-01).
        //   Dev intakes c24 (05-12), c25 (05-14) = 2; c24 has 05-19 "Show" after T' (scheduled on
        //   T'): re-booked; c25's later 05-28 is a cancellation: not. 1 / 2.
        //   Eve intakes c27 (05-06) = 1; 05-20 "Show" is scheduled on T': re-booked. 1 / 1.
        const Day early = d(2025, 5, 15);
        const PairFacts earlyFacts = computePairFacts(f.snapshot, early);
        const std::vector<NewClinician> earlyList = newClinicians(f.snapshot, earlyFacts, Scope::practice());
        REQUIRE(earlyList.size() == 2);
        const NewClinician* dev = findNew(earlyList, kDev);
        REQUIRE(dev != nullptr);
        CHECK(dev->intakes == 2);
        CHECK(dev->rebooked == 1);
        CHECK(dev->rebookingRate == Approx(0.5));
        REQUIRE(dev->notRebooked.size() == 1);
        CHECK(dev->notRebooked[0].pair == f.pair(kDev, 25));
        const NewClinician* eve = findNew(earlyList, kEve);
        REQUIRE(eve != nullptr);
        CHECK(eve->intakes == 1);
        CHECK(eve->rebooked == 1);
        CHECK(eve->rebookingRate == Approx(1.0));
        CHECK(eve->notRebooked.empty());
    }
    SECTION("a new clinician without intakes has an undefined re-booking rate")
    {
        // T' = 05-03, window [02-03, 05-03]: Eve (start 05-01) is new; her first intake (c27)
        // is on 05-06, after T'. Dev's first appointment (05-12) is after T': not new yet.
        const Day early = d(2025, 5, 3);
        const PairFacts earlyFacts = computePairFacts(f.snapshot, early);
        const std::vector<NewClinician> earlyList = newClinicians(f.snapshot, earlyFacts, Scope::practice());
        REQUIRE(earlyList.size() == 1);
        CHECK(earlyList[0].clinician == kEve);
        CHECK(earlyList[0].intakes == 0);
        CHECK(earlyList[0].rebooked == 0);
        CHECK_FALSE(earlyList[0].rebookingRate.has_value());
        CHECK(earlyList[0].notRebooked.empty());
    }
}

TEST_CASE("at-risk clients: intake in the previous calendar month, nothing scheduled", "[metrics]")
{
    const PracticeFixture f;
    const PairFacts facts = computePairFacts(f.snapshot, T);

    // T is in June: intakes in May 2025. Ava c8 (05-12), Cleo c22 (05-30), Cleo c23 (05-20,
    // S 07-03: excluded), Dev c24 (05-12), Dev c25 (05-14), Dev c32 (05-21), Eve c27 (05-06).
    // Not: Ben c15 / Cleo c21 / Ava c5 (April intakes), Ben c17 (June).
    // Sorted by last seen (METRICS.md), longest unseen first: c25 05-14, c32 05-21 (its last
    // qualifying session is the no-show of 06-04: by that it would come after c24), c22 05-30,
    // c8 05-31, c24 06-02, c27 06-20. For every pair but c32 last seen = last qualifying.
    const std::vector<PairEntry> atRisk = atRiskClients(f.snapshot, facts, Scope::practice());
    checkPairs(f, atRisk,
               {{kDev, 25, serial(2025, 5, 14)},
                {kDev, 32, serial(2025, 5, 21)},
                {kCleo, 22, serial(2025, 5, 30)},
                {kAva, 8, serial(2025, 5, 31)},
                {kDev, 24, serial(2025, 6, 2)},
                {kEve, 27, serial(2025, 6, 20)}},
               Key::LastSeen);
    REQUIRE(atRisk.size() == 6);
    CHECK(atRisk[1].lastQualifyingSerial == serial(2025, 6, 4));
    CHECK(atRisk[4].lastQualifyingSerial == serial(2025, 6, 2));
    CHECK(atRisk[0].nextScheduledSerial == kNoDay);

    SECTION("scoped")
    {
        checkPairs(f, atRiskClients(f.snapshot, facts, Scope::oneClinician(kDev)),
                   {{kDev, 25, serial(2025, 5, 14)}, {kDev, 32, serial(2025, 5, 21)}, {kDev, 24, serial(2025, 6, 2)}},
                   Key::LastSeen);
        CHECK(atRiskClients(f.snapshot, facts, Scope::oneClinician(kBen)).empty());
    }
    SECTION("T' = 2025-02-12: January intakes; a past unmarked row is not scheduled")
    {
        // January 2025 intakes: Ben c13 (01-01; its S 02-10 is now past, unmarked), Cleo c19
        // (01-07; C 07-09 is after T', scheduled). Only c13, last qualifying 01-01.
        const Day t2 = d(2025, 2, 12);
        const PairFacts facts2 = computePairFacts(f.snapshot, t2);
        checkPairs(f, atRiskClients(f.snapshot, facts2, Scope::practice()), {{kBen, 13, serial(2025, 1, 1)}},
                   Key::LastSeen);
    }
    SECTION("T' = 2025-01-10: the previous month is December 2024, which has no intake")
    {
        const Day t2 = d(2025, 1, 10);
        CHECK(atRiskClients(f.snapshot, computePairFacts(f.snapshot, t2), Scope::practice()).empty());
    }
}

TEST_CASE("close-out candidates: last qualifying in [T-180, T-31], not discharged, nothing scheduled", "[metrics]")
{
    const PracticeFixture f;
    const PairFacts facts = computePairFacts(f.snapshot, T);

    // [2025-01-01, 05-30]:
    //   Ben c13 01-01 (= T-180, "Inactive" is not discharged), Ava c2 03-03, Ben c14 03-17 (only a
    //   future cancellation), Cleo c20 04-08, Dev c25 05-14, Cleo c22 05-30 (= T-31).
    // Not: Ava c5 04-21 (Discharged), Cleo c19 01-21 (C 07-09 scheduled), Ava c8 05-31 (= T-30),
    //   Ben c11 2024-11-19 and Cleo c18 2024-10-29 (older than 180 days), pairs seen since 06-01.
    checkPairs(f, closeOutCandidates(f.snapshot, facts, kDefaults, Scope::practice()),
               {{kBen, 13, serial(2025, 1, 1)},
                {kAva, 2, serial(2025, 3, 3)},
                {kBen, 14, serial(2025, 3, 17)},
                {kCleo, 20, serial(2025, 4, 8)},
                {kDev, 25, serial(2025, 5, 14)},
                {kCleo, 22, serial(2025, 5, 30)}},
               Key::LastQualifying);

    SECTION("settings")
    {
        // 60 days unseen: [01-01, T-61 = 04-30]: c13, c2, c14, c20.
        MetricSettings unseen;
        unseen.closeOutUnseenDays = 60;
        checkPairs(f, closeOutCandidates(f.snapshot, facts, unseen, Scope::practice()),
                   {{kBen, 13, serial(2025, 1, 1)},
                    {kAva, 2, serial(2025, 3, 3)},
                    {kBen, 14, serial(2025, 3, 17)},
                    {kCleo, 20, serial(2025, 4, 8)}},
                   Key::LastQualifying);
        // Closed after 120 days: [T-120 = 03-02, 05-30]: c13 (01-01) drops out.
        MetricSettings closed;
        closed.closeOutClosedDays = 120;
        checkPairs(f, closeOutCandidates(f.snapshot, facts, closed, Scope::practice()),
                   {{kAva, 2, serial(2025, 3, 3)},
                    {kBen, 14, serial(2025, 3, 17)},
                    {kCleo, 20, serial(2025, 4, 8)},
                    {kDev, 25, serial(2025, 5, 14)},
                    {kCleo, 22, serial(2025, 5, 30)}},
                   Key::LastQualifying);
    }
    SECTION("scoped")
    {
        checkPairs(f, closeOutCandidates(f.snapshot, facts, kDefaults, Scope::oneClinician(kAva)),
                   {{kAva, 2, serial(2025, 3, 3)}}, Key::LastQualifying);
    }
}

TEST_CASE("attendance policy: at least 3 billable cancels in [T-364, T]", "[metrics]")
{
    const PracticeFixture f;
    const PairFacts facts = computePairFacts(f.snapshot, T);

    // Ben c12: LC 2024-07-01 (= T-364), NS 09-09, NS 10-07, LC 2025-01-06 = 4 (NS 2024-06-24 is
    // outside); Ava c3: NS 02-17, LC 03-03, NS 06-09 = 3. Ava c2 and Ben c11 have 2. Most first.
    const std::vector<PairEntry> list = attendancePolicy(f.snapshot, facts, kDefaults, Scope::practice());
    REQUIRE(list.size() == 2);
    CHECK(list[0].pair == f.pair(kBen, 12));
    CHECK(list[0].billableCancels12m == 4);
    CHECK(list[1].pair == f.pair(kAva, 3));
    CHECK(list[1].billableCancels12m == 3);

    SECTION("setting: 2 billable cancels")
    {
        MetricSettings s;
        s.attendancePolicyCount = 2;
        const std::vector<PairEntry> two = attendancePolicy(f.snapshot, facts, s, Scope::practice());
        REQUIRE(two.size() == 4);
        CHECK(two[0].pair == f.pair(kBen, 12));
        CHECK(two[1].pair == f.pair(kAva, 3));
        // The two with 2 each, in either order.
        const bool c2ThenC11 = two[2].pair == f.pair(kAva, 2) && two[3].pair == f.pair(kBen, 11);
        const bool c11ThenC2 = two[2].pair == f.pair(kBen, 11) && two[3].pair == f.pair(kAva, 2);
        CHECK((c2ThenC11 || c11ThenC2));
        CHECK(two[2].billableCancels12m == 2);
        CHECK(two[3].billableCancels12m == 2);
    }
    SECTION("scoped")
    {
        CHECK(attendancePolicy(f.snapshot, facts, kDefaults, Scope::location("South")).size() == 1); // Ben c12
        CHECK(attendancePolicy(f.snapshot, facts, kDefaults, Scope::oneClinician(kCleo)).empty());
    }
}

TEST_CASE("overdue progress notes: qualifying, <= T-3, known and unsigned, oldest first", "[metrics]")
{
    const PracticeFixture f;

    // Unsigned notes: Ben c11 NS 2024-11-12, Ava c6 06-02, Ava c1 06-23, Ava c7 06-25,
    // Eve c28 06-26, Ben c17 06-27 (= T-3) -> 6.
    // Not: Dev c26 06-30 (after T-3), Ben c16 06-20 (a client cancellation is not qualifying),
    // Cleo c10 06-24 (note unknown), every signed note.
    const OverdueNotes notes = overdueNotes(f.snapshot, kDefaults, T, Scope::practice());
    checkRows(f, notes.sessions,
              {{kBen, 11, serial(2024, 11, 12)},
               {kAva, 6, serial(2025, 6, 2)},
               {kAva, 1, serial(2025, 6, 23)},
               {kAva, 7, serial(2025, 6, 25)},
               {kEve, 28, serial(2025, 6, 26)},
               {kBen, 17, serial(2025, 6, 27)}});
    REQUIRE(notes.perClinician.size() == 5);
    CHECK(notes.perClinician[kAva] == 3);
    CHECK(notes.perClinician[kBen] == 2);
    CHECK(notes.perClinician[kCleo] == 0);
    CHECK(notes.perClinician[kDev] == 0);
    CHECK(notes.perClinician[kEve] == 1);

    SECTION("note_due_days 0: sessions through T")
    {
        MetricSettings s;
        s.noteDueDays = 0;
        const OverdueNotes all = overdueNotes(f.snapshot, s, T, Scope::practice());
        CHECK(all.sessions.size() == 7); // + Dev c26 06-30
        REQUIRE(all.perClinician.size() == 5);
        CHECK(all.perClinician[kDev] == 1);
        REQUIRE(all.sessions.size() == 7);
        CHECK(all.sessions.back().daySerial == serial(2025, 6, 30));
    }
    SECTION("scoped")
    {
        const OverdueNotes ava = overdueNotes(f.snapshot, kDefaults, T, Scope::oneClinician(kAva));
        checkRows(f, ava.sessions,
                  {{kAva, 6, serial(2025, 6, 2)}, {kAva, 1, serial(2025, 6, 23)}, {kAva, 7, serial(2025, 6, 25)}});
        REQUIRE(ava.perClinician.size() > kAva);
        CHECK(ava.perClinician[kAva] == 3);
        CHECK(overdueNotes(f.snapshot, kDefaults, T, Scope::oneClinician(kCleo)).sessions.empty());
    }
}

TEST_CASE("missing payments: qualifying, <= T-30, fee > 0, unpaid balance; totals per month and payer", "[metrics]")
{
    const PracticeFixture f;

    // Qualifying sessions dated <= 05-31 with fee > 0 and fee - client paid - insurance paid > 0:
    //   Ava  c4  2024-08-12 C   150 - 30 - 0         = 120  Aetna
    //   Ava  c2  2024-11-04 LC   50 - 0 - 0          =  50  (no payer)
    //   Ben  c11 2024-11-05 C   150 - 30 - 80        =  40  Aetna
    //   Ava  c2  2024-11-18 C   150 - 30 - 90        =  30  Aetna
    //   Cleo c20 2025-03-04 C   150 - 30 - (unknown) = 120  BCBS  (an unknown part counts as 0)
    //   Cleo c21 2025-05-31 C   150 - 30 - 100       =  20  BCBS  (= T-30)
    // Not: Ben c11 LC 11-19 (both payments unknown), Ben c12 NS 09-09 (fee 0), Ben c10 07-08
    // (fee unknown), Ava c1 09-02 (overpaid), Ava c4 CX 08-19 (unpaid but not qualifying),
    // Cleo c21 06-03 (balance 120, but after T-30). Total 120 + 50 + 40 + 30 + 120 + 20 = 380.
    const MissingPayments m = missingPayments(f.snapshot, kDefaults, T, Scope::practice());
    REQUIRE(m.sessions.size() == 6);
    struct Expect {
        std::size_t clinician;
        int client;
        int serial;
        Cents fee;
        Cents paid;
        Cents balance;
        std::string payer;
    };
    const Expect expected[] = {
        {kAva, 4, serial(2024, 8, 12), 15000, 3000, 12000, "Aetna"},
        {kAva, 2, serial(2024, 11, 4), 5000, 0, 5000, ""},
        {kBen, 11, serial(2024, 11, 5), 15000, 11000, 4000, "Aetna"},
        {kAva, 2, serial(2024, 11, 18), 15000, 12000, 3000, "Aetna"},
        {kCleo, 20, serial(2025, 3, 4), 15000, 3000, 12000, "BCBS"},
        {kCleo, 21, serial(2025, 5, 31), 15000, 13000, 2000, "BCBS"},
    };
    for (std::size_t i = 0; i < 6; ++i) {
        INFO("entry " << i);
        const MissingPayment& p = m.sessions[i];
        CHECK(p.appointment.clinician == expected[i].clinician);
        CHECK(p.appointment.client == f.client(expected[i].client));
        CHECK(p.appointment.daySerial == expected[i].serial);
        CHECK(p.fee == expected[i].fee);
        CHECK(p.paid == expected[i].paid);
        CHECK(p.balance == expected[i].balance);
        CHECK(std::string(p.payer) == expected[i].payer);
    }
    CHECK(m.balance == 38000);

    // By month, then payer ("" before "Aetna"):
    //   2024-08 Aetna 1 120 | 2024-11 "" 1 50 | 2024-11 Aetna 2 70 | 2025-03 BCBS 1 120 | 2025-05 BCBS 1 20
    REQUIRE(m.totals.size() == 5);
    struct ExpectTotal {
        int year;
        unsigned month;
        std::string payer;
        std::int64_t sessions;
        Cents balance;
    };
    const ExpectTotal totals[] = {
        {2024, 8, "Aetna", 1, 12000}, {2024, 11, "", 1, 5000},     {2024, 11, "Aetna", 2, 7000},
        {2025, 3, "BCBS", 1, 12000},  {2025, 5, "BCBS", 1, 2000},
    };
    for (std::size_t i = 0; i < 5; ++i) {
        INFO("total " << i);
        CHECK(m.totals[i].year == totals[i].year);
        CHECK(m.totals[i].month == totals[i].month);
        CHECK(m.totals[i].payer == totals[i].payer);
        CHECK(m.totals[i].sessions == totals[i].sessions);
        CHECK(m.totals[i].balance == totals[i].balance);
    }

    SECTION("payment lag 0: Cleo c21 06-03 (150 - 30 - 0 = 120, BCBS) joins")
    {
        MetricSettings s;
        s.paymentLagDays = 0;
        const MissingPayments all = missingPayments(f.snapshot, s, T, Scope::practice());
        REQUIRE(all.sessions.size() == 7);
        CHECK(all.sessions.back().appointment.daySerial == serial(2025, 6, 3));
        CHECK(all.sessions.back().balance == 12000);
        CHECK(all.balance == 50000);
        REQUIRE(all.totals.size() == 6);
        CHECK(all.totals.back().year == 2025);
        CHECK(all.totals.back().month == 6u);
        CHECK(all.totals.back().payer == "BCBS");
        CHECK(all.totals.back().balance == 12000);
    }
    SECTION("scoped: North leaves Ben's c11 out")
    {
        const MissingPayments north = missingPayments(f.snapshot, kDefaults, T, Scope::location("North"));
        CHECK(north.sessions.size() == 5);
        CHECK(north.balance == 34000);
        // 2024-11 Aetna is now c2 11-18 alone: 1 session, 30.
        REQUIRE(north.totals.size() == 5);
        CHECK(north.totals[2].payer == "Aetna");
        CHECK(north.totals[2].sessions == 1);
        CHECK(north.totals[2].balance == 3000);
    }
}

TEST_CASE("unmarked past appointments: still scheduled on or before T, oldest first", "[metrics]")
{
    const PracticeFixture f;
    // Ben c13 S 02-10, Ava c9 S 06-26, Eve c30 S 06-30 (on T). Future "Scheduled" rows are not.
    checkRows(f, unmarkedAppointments(f.snapshot, T, Scope::practice()),
              {{kBen, 13, serial(2025, 2, 10)}, {kAva, 9, serial(2025, 6, 26)}, {kEve, 30, serial(2025, 6, 30)}});
    checkRows(f, unmarkedAppointments(f.snapshot, T, Scope::oneClinician(kAva)), {{kAva, 9, serial(2025, 6, 26)}});
    // T' = 06-29: Eve's 06-30 is in the future, still scheduled, not unmarked.
    checkRows(f, unmarkedAppointments(f.snapshot, d(2025, 6, 29), Scope::practice()),
              {{kBen, 13, serial(2025, 2, 10)}, {kAva, 9, serial(2025, 6, 26)}});
}

TEST_CASE("intakes per month: distinct clients for the practice, pair intakes in a scope", "[metrics]")
{
    const PracticeFixture f;
    const PairFacts facts = computePairFacts(f.snapshot, T);

    // First qualifying session of each client with anyone:
    //   2024-05 c6 | 2024-06 c12 | 2024-07 c10 (Ben; Cleo's 2025-06-24 is no practice intake)
    //   2024-08 c4 | 2024-09 c1, c18 | 2024-10 c2 | 2024-11 c11 | 2024-12 -
    //   2025-01 c13, c19 | 2025-02 c3 | 2025-03 c14, c20 | 2025-04 c5, c15, c21
    //   2025-05 c8, c22, c23, c24, c25, c27, c32 | 2025-06 c7, c17, c26, c28, c29
    // 28 in all (c9, c16, c30 have no qualifying session, c31 no appointment).
    const std::vector<MonthCount> months = intakesPerMonth(f.snapshot, facts, Scope::practice());
    REQUIRE(months.size() == 25);
    // 25 months ending with June 2025: 2023-06 .. 2025-06; index = (year - 2023) x 12 + month - 6.
    std::int64_t expected[25] = {};
    expected[11] = 1; // 2024-05
    expected[12] = 1; // 2024-06
    expected[13] = 1; // 2024-07
    expected[14] = 1; // 2024-08
    expected[15] = 2; // 2024-09
    expected[16] = 1; // 2024-10
    expected[17] = 1; // 2024-11
    expected[19] = 2; // 2025-01
    expected[20] = 1; // 2025-02
    expected[21] = 2; // 2025-03
    expected[22] = 3; // 2025-04
    expected[23] = 7; // 2025-05
    expected[24] = 5; // 2025-06
    for (int i = 0; i < 25; ++i) {
        INFO("month index " << i);
        const int y = 2023 + (6 + i - 1) / 12;
        const unsigned mo = static_cast<unsigned>((6 + i - 1) % 12 + 1);
        CHECK(months[static_cast<std::size_t>(i)].year == y);
        CHECK(months[static_cast<std::size_t>(i)].month == mo);
        CHECK(months[static_cast<std::size_t>(i)].count == expected[i]);
    }

    SECTION("a clinician scope counts pair intakes")
    {
        // Cleo: 2024-09 c18, 2025-01 c19, 2025-03 c20, 2025-04 c21, 2025-05 c22 + c23, 2025-06 c10.
        const std::vector<MonthCount> cleo = intakesPerMonth(f.snapshot, facts, Scope::oneClinician(kCleo), 3);
        REQUIRE(cleo.size() == 3);
        CHECK(cleo[0].year == 2025);
        CHECK(cleo[0].month == 4u);
        CHECK(cleo[0].count == 1);
        CHECK(cleo[1].count == 2);
        CHECK(cleo[2].month == 6u);
        CHECK(cleo[2].count == 1); // c10's second pair is an intake for Cleo
    }
    SECTION("group scopes count pair intakes")
    {
        // June 2025: North = Ava c7 + Cleo c10 + Eve c28, c29 = 4; Sam = Ava c7 + Ben c17 = 2.
        // Every clinician's pairs: c7, c17, c10 (Cleo), c26, c28, c29 = 6, against 5 clients.
        CHECK(intakesPerMonth(f.snapshot, facts, Scope::location("North"), 1).at(0).count == 4);
        CHECK(intakesPerMonth(f.snapshot, facts, Scope::supervisor("Sam"), 1).at(0).count == 2);
        CHECK(intakesPerMonth(f.snapshot, facts, Scope::practice(), 1).at(0).count == 5);
    }
    SECTION("intakes in a window")
    {
        // [06-24, 06-30]: practice c7, c28, c17 = 3 (c10 came in 2024); Cleo's pair c10 = 1.
        const int from = serial(2025, 6, 24);
        const int to = serial(2025, 6, 30);
        CHECK(intakesIn(f.snapshot, facts, Scope::practice(), from, to) == 3);
        CHECK(intakesIn(f.snapshot, facts, Scope::oneClinician(kCleo), from, to) == 1);
        CHECK(intakesIn(f.snapshot, facts, Scope::location("North"), from, to) == 3); // c10, c7, c28
        // The trailing 12 months: 2024-07 .. 2025-06 = 1+1+2+1+1+0+2+1+2+3+7+5 = 26.
        CHECK(intakesIn(f.snapshot, facts, Scope::practice(), serial(2024, 7, 1), to) == 26);
    }
}

// The whole dashboard. Hand values beyond the lists above:
//   goals on T: Ava 6, Ben 4, Cleo 2, Dev 0, Eve 3 -> practice 15, North 11
//   completed in [06-24, 06-30]: Ava c7 06-25, Ben c17 06-27, Cleo c10 06-24, Dev c26 06-30,
//     Eve c28 06-26: one each, 5 in all
//   [T-83, T] = [04-08, 06-30], past, by category:
//     Ava  C 7 (c1 06-23, c5 04-14, 04-21, c6 06-02, c7, c8 x 2), NS 1 (c3 06-09);
//          CC 06-16 and unmarked 06-26 excluded                      -> denominator 8
//     Ben  C 7 (c10 06-10, c12 06-16, c15 x 4, c17), LC 1 (c15), CX 1 (c16) -> 9
//     Cleo C 10 (c20 04-08, c21 x 5, c10, c22, c23 x 2)             -> 10
//     Dev  C 7 (c24 x 3, c25, c26 x 2, c32), NS 1 (c32), CX 1 (c25 05-28) -> 9
//     Eve  C 5 (c27 x 3, c28, c29), NS 1 (c29); unmarked 06-30 out    -> 6
//     practice C 36, CX 2, LC 1, NS 3 -> 6 / 42 = 1/7
//   Each clinician has < 20 appointments in that denominator -> the practice rate 6/42:
//     Ava 6 x 42/36 = 7 exactly -> 7 · Ben ceil(4.67) = 5 · Cleo ceil(2.33) = 3 ·
//     Dev 0 · Eve ceil(3.5) = 4 · practice ceil(15 x 42/36 = 17.5) = 18
//   next 7 days [07-01, 07-07], scheduled on T: Ava c1 07-07, c7 07-02 (c9 07-01 cancelled);
//     Ben c15 07-01, c16 07-02 (c12 07-08 outside); Cleo c10 07-01, c23 07-03; Eve c29 07-01
//     (c28 07-03 cancelled) -> 2, 2, 2, 0, 1 = 7
//   openings: Ava 7-2 = 5 urgent (2 < 6), Ben 5-2 = 3 urgent, Cleo 3-2 = 1 (2 = goal 2, not
//     urgent), Dev none (target 0), Eve 4-1 = 3 urgent. Most first, ties by index.
TEST_CASE("dashboard for the practice", "[metrics]")
{
    const PracticeFixture f;
    const Dashboard dash = computeDashboard(f.snapshot, kDefaults, T);
    CHECK(dash.asOf == T);
    CHECK(dash.scope.kind == Scope::Kind::Practice);

    SECTION("summary")
    {
        const ScopeSummary& s = dash.summary;
        CHECK(s.weeklyGoal == Approx(15.0));
        CHECK(s.countedLast7d == 5);
        CHECK(s.goalLast7d == Approx(15.0));
        CHECK(s.utilizationLast7d == Approx(5.0 / 15.0));
        CHECK(s.underPerforming == true);
        CHECK(s.cancellation12w.counts.completed == 36);
        CHECK(s.cancellation12w.counts.cancelled == 2);
        CHECK(s.cancellation12w.counts.lateCancel == 1);
        CHECK(s.cancellation12w.counts.noShow == 3);
        CHECK(s.cancellation12w.cancellation == Approx(6.0 / 42.0));
        CHECK(s.bookingsTarget.target == 18);
        CHECK(s.upcomingNext7d.appointments == 7);
        CHECK(s.upcomingNext7d.sessions == 7);
        CHECK(s.activeClients == 18);
        CHECK(s.caseloadBaseline == Approx(30.0)); // 2 x 15
        CHECK(s.retention12m.cohort == 14);
        CHECK(s.retention12m.retained == 4);
        CHECK(s.retention12m.churned == 6);
        CHECK(s.retention12m.revenueSessions == 99);
        CHECK(s.retention12m.lifetimeValue == Approx(951400.0 / 1386.0));
        CHECK(s.intakesLast7d == 3); // distinct clients c7, c28, c17
        CHECK(s.overdueNotes == 6);
        CHECK(s.unmarkedPast == 3);
    }
    SECTION("one row per clinician")
    {
        REQUIRE(dash.clinicians.size() == 5);
        struct Expect {
            double goal;
            std::int64_t counted;
            std::optional<double> utilization;
            std::int64_t target;
            std::int64_t upcoming;
            std::int64_t openings;
            bool urgent;
            std::int64_t active;
            double baseline;
            CaseloadReading reading;
            std::int64_t cohort;
            RetentionStatus status;
            std::int64_t overdue;
            std::int64_t intakes7;
        };
        const Expect expected[] = {
            // Ava: 1/6; active 4 < 12, green -> needs referrals; overdue c6, c1, c7; intake c7
            {6.0, 1, 1.0 / 6.0, 7, 2, 5, true, 4, 12.0, CaseloadReading::NeedsReferrals, 5, RetentionStatus::Green,
             3, 1},
            // Ben: 1/4; active 5 < 8, red -> losing clients; overdue c11, c17; intake c17
            {4.0, 1, 0.25, 5, 2, 3, true, 5, 8.0, CaseloadReading::LosingClients, 5, RetentionStatus::Red, 2, 1},
            // Cleo: 1/2; active 4 = 4; yellow; intake c10 (pair)
            {2.0, 1, 0.5, 3, 2, 1, false, 4, 4.0, CaseloadReading::AtOrAboveBaseline, 4, RetentionStatus::Yellow, 0,
             1},
            // Dev: goal 0 -> utilization undefined, target 0, baseline 0
            {0.0, 1, std::nullopt, 0, 0, 0, false, 3, 0.0, CaseloadReading::AtOrAboveBaseline, 0,
             RetentionStatus::Unknown, 0, 0},
            // Eve: 1/3; active 3 < 6, unknown -> needs referrals; overdue c28; intake c28
            {3.0, 1, 1.0 / 3.0, 4, 1, 3, true, 3, 6.0, CaseloadReading::NeedsReferrals, 0, RetentionStatus::Unknown, 1,
             1},
        };
        for (std::size_t i = 0; i < 5; ++i) {
            INFO("clinician " << i);
            const ClinicianSummary& c = dash.clinicians[i];
            const Expect& e = expected[i];
            CHECK(c.clinician == i);
            CHECK(c.weeklyGoal == Approx(e.goal));
            CHECK(c.countedLast7d == e.counted);
            if (e.utilization) {
                CHECK(c.utilizationLast7d == Approx(*e.utilization));
                CHECK(c.underPerforming == true); // all below 0.8
            } else {
                CHECK_FALSE(c.utilizationLast7d.has_value());
                CHECK_FALSE(c.underPerforming.has_value());
            }
            CHECK(c.bookingsTarget.target == e.target);
            CHECK(c.upcomingNext7d.sessions == e.upcoming);
            CHECK(c.openings == e.openings);
            CHECK(c.openingsUrgent == e.urgent);
            CHECK(c.activeClients == e.active);
            CHECK(c.caseloadBaseline == Approx(e.baseline));
            CHECK(c.caseloadReading == e.reading);
            CHECK(c.retention12m.cohort == e.cohort);
            CHECK(c.retentionStatus == e.status);
            CHECK(c.overdueNotes == e.overdue);
            CHECK(c.intakesLast7d == e.intakes7);
        }
        // Under 20 appointments in [T-83, T]: the practice rate, flagged (Dev's goal is 0, so
        // only the four with a goal are checked).
        CHECK(dash.clinicians[kAva].bookingsTarget.usesPracticeRate);
        CHECK(dash.clinicians[kBen].bookingsTarget.usesPracticeRate);
        CHECK(dash.clinicians[kCleo].bookingsTarget.usesPracticeRate);
        CHECK(dash.clinicians[kEve].bookingsTarget.usesPracticeRate);
    }
    SECTION("lists")
    {
        const DashboardLists& l = dash.lists;
        REQUIRE(l.openings.size() == 4);
        CHECK(l.openings[0].clinician == kAva);
        CHECK(l.openings[0].openings == 5);
        CHECK(l.openings[0].urgent);
        CHECK(l.openings[1].clinician == kBen);
        CHECK(l.openings[1].openings == 3);
        CHECK(l.openings[2].clinician == kEve);
        CHECK(l.openings[2].openings == 3);
        CHECK(l.openings[3].clinician == kCleo);
        CHECK(l.openings[3].openings == 1);
        CHECK_FALSE(l.openings[3].urgent);

        CHECK(l.newClientFollowUps.size() == 4);
        CHECK(l.newClinicians.size() == 2);
        REQUIRE(l.atRiskClients.size() == 6);
        CHECK(l.atRiskClients.front().pair == f.pair(kDev, 25));
        REQUIRE(l.closeOutCandidates.size() == 6);
        CHECK(l.closeOutCandidates.front().pair == f.pair(kBen, 13));
        REQUIRE(l.attendancePolicy.size() == 2);
        CHECK(l.attendancePolicy.front().pair == f.pair(kBen, 12));
        CHECK(l.overdueNotes.sessions.size() == 6);
        CHECK(l.missingPayments.sessions.size() == 6);
        CHECK(l.missingPayments.balance == 38000);
        CHECK(l.unmarked.size() == 3);
    }
    SECTION("intakes per month and the series")
    {
        REQUIRE(dash.intakesPerMonth.size() == 25);
        CHECK(dash.intakesPerMonth.back().year == 2025);
        CHECK(dash.intakesPerMonth.back().month == 6u);
        CHECK(dash.intakesPerMonth.back().count == 5);
        CHECK(dash.intakesPerMonth[23].count == 7);
        CHECK(dash.series.size() == 52);
    }
}

TEST_CASE("dashboard with explicit practice goals", "[metrics]")
{
    const PracticeFixture f;
    MetricSettings s;
    s.practiceRetentionGoal = 0.22;
    s.practiceChurnGoal = 0.37;
    s.practiceWeeklyGoal = 20.0;
    const Dashboard dash = computeDashboard(f.snapshot, s, T);
    // Practice goal 20 replaces the sum 15: baseline 40, utilization 5 / 20, target
    // ceil(20 x 42/36 = 23.33) = 24.
    CHECK(dash.summary.weeklyGoal == Approx(20.0));
    CHECK(dash.summary.caseloadBaseline == Approx(40.0));
    CHECK(dash.summary.utilizationLast7d == Approx(0.25));
    CHECK(dash.summary.bookingsTarget.target == 24);
    REQUIRE(dash.clinicians.size() == 5);
    // The clinicians keep their own goals.
    CHECK(dash.clinicians[kAva].weeklyGoal == Approx(6.0));
    CHECK(dash.clinicians[kAva].caseloadBaseline == Approx(12.0));
    // Against 0.22 / 0.37: Ava yellow (churn 0.40 misses by 3 points) -> 4 < 12: losing clients;
    // Cleo green (at her baseline: no reading); Ben red -> losing clients.
    CHECK(dash.clinicians[kAva].retentionStatus == RetentionStatus::Yellow);
    CHECK(dash.clinicians[kAva].caseloadReading == CaseloadReading::LosingClients);
    CHECK(dash.clinicians[kCleo].retentionStatus == RetentionStatus::Green);
    CHECK(dash.clinicians[kCleo].caseloadReading == CaseloadReading::AtOrAboveBaseline);
    CHECK(dash.clinicians[kBen].retentionStatus == RetentionStatus::Red);
    CHECK(dash.clinicians[kBen].caseloadReading == CaseloadReading::LosingClients);
    CHECK(dash.clinicians[kEve].retentionStatus == RetentionStatus::Unknown);
    CHECK(dash.clinicians[kEve].caseloadReading == CaseloadReading::NeedsReferrals);
}

// Location North = Ava, Cleo, Eve.
//   goal 6 + 2 + 3 = 11, baseline 22; completed last 7 days 3 (c7, c10, c28) -> 3/11
//   [T-83, T]: C 7 + 10 + 5 = 22, NS 1 + 1 = 2 -> 2/24; target ceil(11 x 24/22) = 12 exactly
//   upcoming 2 + 2 + 1 = 5; active 4 + 4 + 3 = 11
//   retention: cohort 9, retained 3, churned 3 (see the retention test)
//   intakes last 7 days (pair intakes): Cleo c10, Ava c7, Eve c28 = 3
//   overdue notes Ava 3 + Eve 1 = 4; unmarked Ava c9 + Eve c30 = 2
TEST_CASE("dashboard for a location", "[metrics]")
{
    const PracticeFixture f;
    const Dashboard dash = computeDashboard(f.snapshot, kDefaults, T, Scope::location("North"));
    const ScopeSummary& s = dash.summary;
    CHECK(s.weeklyGoal == Approx(11.0));
    CHECK(s.countedLast7d == 3);
    CHECK(s.utilizationLast7d == Approx(3.0 / 11.0));
    CHECK(s.cancellation12w.counts.denominator() == 24);
    CHECK(s.cancellation12w.cancellation == Approx(2.0 / 24.0));
    CHECK(s.bookingsTarget.target == 12);
    CHECK(s.upcomingNext7d.sessions == 5);
    CHECK(s.activeClients == 11);
    CHECK(s.caseloadBaseline == Approx(22.0));
    CHECK(s.retention12m.cohort == 9);
    CHECK(s.retention12m.retained == 3);
    CHECK(s.retention12m.churned == 3);
    CHECK(s.intakesLast7d == 3);
    CHECK(s.overdueNotes == 4);
    CHECK(s.unmarkedPast == 2);

    REQUIRE(dash.clinicians.size() == 3);
    CHECK(dash.clinicians[0].clinician == kAva);
    CHECK(dash.clinicians[1].clinician == kCleo);
    CHECK(dash.clinicians[2].clinician == kEve);
    // Retention status targets come from the practice whatever the scope: Ava green (0.40 vs
    // 0.2857 / 0.4286; against North's own 1/3, 1/3 her churn would miss by 6.7 points: red),
    // Cleo yellow, Eve unknown.
    CHECK(dash.clinicians[0].retentionStatus == RetentionStatus::Green);
    CHECK(dash.clinicians[1].retentionStatus == RetentionStatus::Yellow);
    CHECK(dash.clinicians[2].retentionStatus == RetentionStatus::Unknown);
    CHECK(dash.clinicians[0].caseloadReading == CaseloadReading::NeedsReferrals);

    const DashboardLists& l = dash.lists;
    // Openings with the clinicians' targets (practice rate, as in the practice dashboard).
    REQUIRE(l.openings.size() == 3);
    CHECK(l.openings[0].clinician == kAva);
    CHECK(l.openings[1].clinician == kEve);
    CHECK(l.openings[2].clinician == kCleo);
    checkPairs(f, l.newClientFollowUps,
               {{kCleo, 10, serial(2025, 6, 24)}, {kAva, 7, serial(2025, 6, 25)}, {kEve, 28, serial(2025, 6, 26)}},
               Key::Intake);
    REQUIRE(l.newClinicians.size() == 1);
    CHECK(l.newClinicians[0].clinician == kEve);
    checkPairs(f, l.atRiskClients,
               {{kCleo, 22, serial(2025, 5, 30)}, {kAva, 8, serial(2025, 5, 31)}, {kEve, 27, serial(2025, 6, 20)}},
               Key::LastSeen);
    checkPairs(f, l.closeOutCandidates,
               {{kAva, 2, serial(2025, 3, 3)}, {kCleo, 20, serial(2025, 4, 8)}, {kCleo, 22, serial(2025, 5, 30)}},
               Key::LastQualifying);
    REQUIRE(l.attendancePolicy.size() == 1);
    CHECK(l.attendancePolicy[0].pair == f.pair(kAva, 3));
    CHECK(l.overdueNotes.sessions.size() == 4);
    CHECK(l.missingPayments.sessions.size() == 5);
    CHECK(l.missingPayments.balance == 34000);
    CHECK(l.unmarked.size() == 2);
    // Pair intakes per month: May 2025 Ava c8, Cleo c22, c23, Eve c27 = 4; June Ava c7,
    // Cleo c10, Eve c28, c29 = 4.
    REQUIRE(dash.intakesPerMonth.size() == 25);
    CHECK(dash.intakesPerMonth[23].count == 4);
    CHECK(dash.intakesPerMonth[24].count == 4);
}

TEST_CASE("dashboard for a supervisor", "[metrics]")
{
    // Uma = Cleo, Dev, Eve: goal 2 + 0 + 3 = 5, baseline 10; active 4 + 3 + 3 = 10;
    // cohort = Cleo's 4; overdue Eve 1; unmarked Eve c30 1; pair intakes last 7 days Cleo c10, Eve c28.
    const PracticeFixture f;
    const Dashboard dash = computeDashboard(f.snapshot, kDefaults, T, Scope::supervisor("Uma"));
    CHECK(dash.summary.weeklyGoal == Approx(5.0));
    CHECK(dash.summary.caseloadBaseline == Approx(10.0));
    CHECK(dash.summary.activeClients == 10);
    CHECK(dash.summary.retention12m.cohort == 4);
    CHECK(dash.summary.overdueNotes == 1);
    CHECK(dash.summary.unmarkedPast == 1);
    CHECK(dash.summary.intakesLast7d == 2);
    REQUIRE(dash.clinicians.size() == 3);
    CHECK(dash.clinicians[1].clinician == kDev);
    CHECK_FALSE(dash.clinicians[1].utilizationLast7d.has_value());
    CHECK(dash.lists.newClinicians.size() == 2);
}

TEST_CASE("lists and dashboard with T before any data", "[metrics]")
{
    const PracticeFixture f;
    const Day early = d(2024, 1, 1);
    const PairFacts facts = computePairFacts(f.snapshot, early);
    CHECK(newClientFollowUps(f.snapshot, facts, Scope::practice()).empty());
    // [2023-10-04, 2024-01-01]: nobody started then, and every first appointment is later.
    CHECK(newClinicians(f.snapshot, facts, Scope::practice()).empty());
    CHECK(atRiskClients(f.snapshot, facts, Scope::practice()).empty());
    CHECK(closeOutCandidates(f.snapshot, facts, kDefaults, Scope::practice()).empty());
    CHECK(attendancePolicy(f.snapshot, facts, kDefaults, Scope::practice()).empty());
    CHECK(overdueNotes(f.snapshot, kDefaults, early, Scope::practice()).sessions.empty());
    const MissingPayments m = missingPayments(f.snapshot, kDefaults, early, Scope::practice());
    CHECK(m.sessions.empty());
    CHECK(m.totals.empty());
    CHECK(m.balance == 0);
    CHECK(unmarkedAppointments(f.snapshot, early, Scope::practice()).empty());
    const std::vector<MonthCount> months = intakesPerMonth(f.snapshot, facts, Scope::practice());
    REQUIRE(months.size() == 25);
    CHECK(months.front().year == 2022);
    CHECK(months.front().month == 1u);
    CHECK(months.back().year == 2024);
    CHECK(months.back().month == 1u);
    for (const MonthCount& mc : months)
        CHECK(mc.count == 0);

    const Dashboard dash = computeDashboard(f.snapshot, kDefaults, early);
    CHECK(dash.summary.countedLast7d == 0);
    CHECK(dash.summary.retention12m.cohort == 0);
    CHECK_FALSE(dash.summary.retention12m.retentionRate.has_value());
    CHECK(dash.summary.intakesLast7d == 0);
    CHECK(dash.summary.overdueNotes == 0);
    CHECK(dash.summary.unmarkedPast == 0);
    // Goals in force on 2024-01-01: Ava 5 and Ben 4 (both from 2024-01-01); the others start later.
    CHECK(dash.summary.weeklyGoal == Approx(9.0));
    CHECK(dash.summary.caseloadBaseline == Approx(18.0));
    // No cancellation data: targets = the goals; nothing booked in [01-02, 01-08]:
    // Ava 5 openings, Ben 4.
    REQUIRE(dash.lists.openings.size() == 2);
    CHECK(dash.lists.openings[0].clinician == kAva);
    CHECK(dash.lists.openings[0].openings == 5);
    CHECK(dash.lists.openings[1].clinician == kBen);
    CHECK(dash.lists.openings[1].openings == 4);
    CHECK(dash.lists.atRiskClients.empty());
    CHECK(dash.lists.unmarked.empty());
    REQUIRE(dash.clinicians.size() == 5);
    for (const ClinicianSummary& c : dash.clinicians) {
        CHECK(c.retentionStatus == RetentionStatus::Unknown);
        CHECK(c.retention12m.cohort == 0);
    }
    CHECK(dash.clinicians[kAva].caseloadBaseline == Approx(10.0));
    CHECK(dash.clinicians[kCleo].caseloadBaseline == 0.0);
}

TEST_CASE("lists and dashboard on an empty database", "[metrics]")
{
    Store store = Store::openInMemory();
    const Snapshot s = loadSnapshot(store);
    const PairFacts facts = computePairFacts(s, T);
    CHECK(newClientFollowUps(s, facts, Scope::practice()).empty());
    CHECK(newClinicians(s, facts, Scope::practice()).empty());
    CHECK(atRiskClients(s, facts, Scope::practice()).empty());
    CHECK(closeOutCandidates(s, facts, kDefaults, Scope::practice()).empty());
    CHECK(attendancePolicy(s, facts, kDefaults, Scope::practice()).empty());
    const OverdueNotes notes = overdueNotes(s, kDefaults, T, Scope::practice());
    CHECK(notes.sessions.empty());
    CHECK(notes.perClinician.empty());
    const MissingPayments m = missingPayments(s, kDefaults, T, Scope::practice());
    CHECK(m.sessions.empty());
    CHECK(m.totals.empty());
    CHECK(m.balance == 0);
    CHECK(unmarkedAppointments(s, T, Scope::practice()).empty());
    const std::vector<MonthCount> months = intakesPerMonth(s, facts, Scope::practice());
    REQUIRE(months.size() == 25);
    for (const MonthCount& mc : months)
        CHECK(mc.count == 0);
    CHECK(intakesIn(s, facts, Scope::practice(), serial(2025, 1, 1), toSerial(T)) == 0);

    const Dashboard dash = computeDashboard(s, kDefaults, T);
    CHECK(dash.clinicians.empty());
    CHECK(dash.summary.weeklyGoal == 0.0);
    CHECK(dash.summary.activeClients == 0);
    CHECK(dash.summary.caseloadBaseline == 0.0);
    CHECK_FALSE(dash.summary.utilizationLast7d.has_value());
    CHECK_FALSE(dash.summary.cancellation12w.cancellation.has_value());
    CHECK(dash.summary.retention12m.cohort == 0);
    CHECK_FALSE(dash.summary.retention12m.lifetimeValue.has_value());
    CHECK(dash.summary.intakesLast7d == 0);
    CHECK(dash.lists.openings.empty());
    CHECK(dash.lists.newClientFollowUps.empty());
    CHECK(dash.lists.missingPayments.sessions.empty());
    CHECK(dash.intakesPerMonth.size() == 25);
}
