#pragma once
// A hand-built practice for the caseload, retention and workflow-list tests
// (metrics_caseload_retention_test.cpp, metrics_lists_test.cpp). Every expected value
// in those tests is worked out by hand from the tables below, never by calling the
// code under test.
//
// As-of date T = Monday 2025-06-30. The windows the tests use:
//   last 7 days            [06-24, 06-30]          next 7 days      [07-01, 07-07]
//   active window (30)     [06-01, 06-30]          T-3 (notes)      06-27
//   T-30 (payments)        05-31                   T-31 (close-out) 05-30
//   T-56 = B' (8 x 7)      05-05                   T-89 (new)       04-02
//   T-180 (closed)         2025-01-01              T-83 (12 weeks)  04-08
//   trailing 12 months     [2024-07-01, 2025-06-30]  (T-364 = 2024-07-01)
//   previous calendar month (at-risk)  May 2025 = [05-01, 05-31]
//
// Clinicians (index = insertion order):
//   0 Ava   LCSW       North  sup. Sam  start 2020-03-02
//           goal 5 [2024-01-01, 2025-06-15], leave 0 [06-16, 06-22], 6 from 06-23 -> 6 on T
//   1 Ben   LPC        South  sup. Sam  no start date (first appointment 2024-06-24); goal 4
//   2 Cleo  Associate  North  sup. Uma  start 2024-09-02; goal 2
//   3 Dev   Intern     South  sup. Uma  no start date (first appointment 2025-05-12); goal 0 from 2025-04-01
//   4 Eve   Associate  North  sup. Uma  start 2025-05-01 (a shadowing "Rescheduled" row on
//           2025-03-31 comes before it); goal 3 from 2025-05-01. Dev and Eve have < 20
//           appointments.
// Practice weekly goal on T = 6 + 4 + 2 + 0 + 3 = 15.
//
// Clients c1..c32 (client index = n - 1). Status "Active" except c5 "Discharged",
// c13 "Inactive"; c31 has no appointment at all.
//
// Money defaults (unless the row says otherwise):
//   completed       fee 150.00, client paid 30.00, insurance paid 120.00 (balance 0)
//   late cancel / no-show   fee 50.00, client paid 50.00, insurance paid 0 (balance 0)
//   any other status        fee, client paid and insurance paid unknown
// Note default: signed. Start time: 08:00 + 15 min x client number, so no two clients
// of one clinician ever share a start (no accidental groups).
//
// Abbreviations: C = Show (completed), NS = No Show, LC = Late Canceled, CX = Canceled,
// CC = Clinician Canceled, S = Scheduled, R = Rescheduled (other).
//
// Pairs and what each one is for (q = qualifying count <= T, BC = billable cancels in
// [2024-07-01, T], "next" = first appointment after T scheduled on T):
//
// Ava
//  c1  C 2024-09-02 [fee 150, paid 50 + 120: overpaid], C 09-16, 09-30, 10-14, 10-28,
//      11-11, 11-25, 12-09, 12-23, CC 2025-06-16, C 06-23 [note unsigned],
//      C 07-07 (future "Show" -> scheduled)
//      intake 2024-09-02, q 10, last 06-23, next 07-07                       retained
//  c2  C 2024-10-07, C 10-21, LC 11-04 [fee 50, paid 0 + 0, no payer],
//      C 11-18 [fee 150, paid 30 + 90, Aetna], C 12-02, NS 12-16, C 2025-01-13, C 03-03
//      intake 2024-10-07, q 8, BC 2, last 03-03, nothing next                 retained
//  c3  C 2025-02-03, NS 02-17, LC 03-03, C 04-07, NS 06-09
//      intake 02-03, q 5, BC 3, last 06-09, nothing next                      at risk
//  c4  C 2024-08-05, C 08-12 [fee 150, paid 30 + 0, Aetna], CX 08-19 [fee 50, paid 0 + 0]
//      intake 2024-08-05, q 2, last 2024-08-12                                lost
//  c5  (Discharged) C 2025-04-07, C 04-14, C 04-21
//      intake 04-07, q 3, last 04-21                                          lost
//  c6  C 2024-05-06, C 2024-06-03, C 2024-07-08, C 2025-06-02 [note unsigned]
//      intake 2024-05-06 (before the 12 months), q 4, last 06-02             at risk
//  c7  C 2025-06-25 [note unsigned], C 07-02 (future)
//      intake 06-25, q 1, next 07-02                                          in progress
//  c8  C 2025-05-12, C 05-31
//      intake 05-12, q 2, last 05-31 (= T-30), nothing next                   lost
//  c9  S 2025-06-26 (unmarked), CX 07-01 (future cancellation: not scheduled)
//      no intake, nothing next                                                no intake
// Ben
//  c10 C 2024-07-08 [fee unknown], C 07-22, 08-05, 08-19, 09-02, 09-16, 09-30, 10-14,
//      C 2025-06-10
//      intake 2024-07-08, q 9, last 06-10, nothing next                       retained
//  c11 C 2024-11-05 [fee 150, paid 30 + 80, Aetna], NS 11-12 [note unsigned],
//      LC 11-19 [fee 50, payments unknown, Aetna]
//      intake 2024-11-05, q 3, BC 2, last 11-19                               lost
//  c12 NS 2024-06-24, LC 2024-07-01 (= T-364), NS 09-09 [fee 0, paid 0 + 0], NS 10-07,
//      LC 2025-01-06, C 06-16, S 07-08 (future, T+8)
//      intake 2024-06-24 (before the 12 months), q 6, BC 4 (5 in all), next 07-08  in progress
//  c13 (Inactive) C 2025-01-01 (= T-180), S 02-10 (unmarked)
//      intake 01-01, q 1, last 01-01, nothing next                            lost
//  c14 C 2025-03-10, C 03-17, CX 07-14 (future cancellation)
//      intake 03-10, q 2, last 03-17, nothing next                            lost
//  c15 C 2025-04-28, C 05-05, LC 05-12, C 05-19, C 06-02, C 07-01 (future)
//      intake 04-28, q 5, BC 1, last 06-02, next 07-01                        in progress
//  c16 CX 2025-06-20 [note unsigned], S 07-02
//      no intake, next 07-02
//  c17 C 2025-06-27 [note unsigned]
//      intake 06-27, q 1, nothing next                                        at risk
// Cleo
//  c18 C 2024-09-03, 09-10, 09-17, 09-24, 10-01, 10-08, 10-15, 10-22, 10-29
//      intake 2024-09-03, q 9, last 2024-10-29                                retained
//  c19 C 2025-01-07, C 01-14, C 01-21, C 07-09 (future, T+9)
//      intake 01-07, q 3, last 01-21, next 07-09                              in progress
//  c20 C 2025-03-04 [fee 150, paid 30 + unknown, BCBS], C 03-11, 03-18, 03-25, 04-01, 04-08
//      intake 03-04, q 6, last 04-08                                          lost
//  c21 C 2025-04-29, C 05-06, C 05-13, C 05-31 [fee 150, paid 30 + 100, BCBS],
//      C 06-03 [fee 150, paid 30 + 0, BCBS]
//      intake 04-29, q 5, last 06-03, nothing next                            at risk
//  c10 C 2025-06-24 [note unknown], S 07-01          (c10's second pair)
//      intake 06-24, q 1, next 07-01                                          in progress
//  c22 C 2025-05-30 (= T-31)
//      intake 05-30, q 1, last 05-30                                          lost
//  c23 C 2025-05-20, C 06-10, S 07-03
//      intake 05-20, q 2, last 06-10, next 07-03                              in progress
// Dev
//  c24 C 2025-05-12, C 05-19, C 06-02
//      intake 05-12, q 3, last 06-02, nothing next (re-booked)                at risk
//  c25 C 2025-05-14, CX 05-28
//      intake 05-14, q 1, last 05-14 (not re-booked: a cancellation is no booking)  lost
//  c26 C 2025-06-05, C 06-30 [note unsigned], C 07-10 (future)
//      intake 06-05, q 2, last 06-30, next 07-10                              in progress
//  c32 C 2025-05-21, NS 06-04
//      intake 05-21, q 2, last qualifying 06-04 but last seen (completed) 05-21  at risk
// Eve
//  c27 R 2025-03-31, C 05-06, C 05-20, C 06-20
//      intake 05-06, q 3, last 06-20, nothing next                            at risk
//  c28 C 2025-06-26 [note unsigned], CX 07-03 (future cancellation)
//      intake 06-26, q 1, nothing next (not re-booked)                        at risk
//  c29 NS 2025-06-02 [fee 50, paid], C 06-09, C 07-01 (future)
//      intake 06-02 (a no-show is qualifying), q 2, next 07-01               in progress
//  c30 S 2025-06-30 (unmarked, on T)
//      no intake, nothing next                                                no intake

#include "caseboard/core/day.h"
#include "caseboard/core/domain.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/store/store.h"

#include "fixture_builders.h"

#include <catch2/catch.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace caseboard::test::practice {

constexpr Day T = makeDay(2025, 6, 30);

inline Day d(int year, unsigned month, unsigned day) { return makeDay(year, month, day); }
inline int serial(int year, unsigned month, unsigned day) { return toSerial(makeDay(year, month, day)); }

// Clinician indexes.
inline constexpr std::size_t kAva = 0;
inline constexpr std::size_t kBen = 1;
inline constexpr std::size_t kCleo = 2;
inline constexpr std::size_t kDev = 3;
inline constexpr std::size_t kEve = 4;

// What a row overrides of the defaults above.
struct Extra {
    bool customMoney = false;
    std::optional<Cents> fee;
    std::optional<Cents> clientPaid;
    std::optional<Cents> insurancePaid;
    std::string payer;
    std::optional<NoteStatus> note;
};

inline Extra money(std::optional<Cents> fee, std::optional<Cents> clientPaid, std::optional<Cents> insurancePaid,
                   std::string payer = {})
{
    Extra e;
    e.customMoney = true;
    e.fee = fee;
    e.clientPaid = clientPaid;
    e.insurancePaid = insurancePaid;
    e.payer = std::move(payer);
    return e;
}

inline Extra note(NoteStatus status)
{
    Extra e;
    e.note = status;
    return e;
}

class PracticeFixture {
public:
    PracticeFixture() : store_(Store::openInMemory())
    {
        clinicianIds_[kAva] = addClinician(store_, "Ava", "LCSW", "North", "Sam", d(2020, 3, 2));
        clinicianIds_[kBen] = addClinician(store_, "Ben", "LPC", "South", "Sam", std::nullopt);
        clinicianIds_[kCleo] = addClinician(store_, "Cleo", "Associate", "North", "Uma", d(2024, 9, 2));
        clinicianIds_[kDev] = addClinician(store_, "Dev", "Intern", "South", "Uma", std::nullopt);
        clinicianIds_[kEve] = addClinician(store_, "Eve", "Associate", "North", "Uma", d(2025, 5, 1));

        goal(kAva, d(2024, 1, 1), d(2025, 6, 15), 5);
        goal(kAva, d(2025, 6, 16), d(2025, 6, 22), 0); // leave
        goal(kAva, d(2025, 6, 23), std::nullopt, 6);
        goal(kBen, d(2024, 1, 1), std::nullopt, 4);
        goal(kCleo, d(2024, 9, 2), std::nullopt, 2);
        goal(kDev, d(2025, 4, 1), std::nullopt, 0);
        goal(kEve, d(2025, 5, 1), std::nullopt, 3);

        clientIds_ = addClients(store_, 32,
                                [](int n) { return n == 5 ? "Discharged" : n == 13 ? "Inactive" : "Active"; });

        const NoteStatus unsigned_ = NoteStatus::Unsigned;

        // --- Ava ------------------------------------------------------------------
        add(kAva, 1, d(2024, 9, 2), "Show", money(15000, 5000, 12000, "Aetna"));
        for (Day day : {d(2024, 9, 16), d(2024, 9, 30), d(2024, 10, 14), d(2024, 10, 28), d(2024, 11, 11),
                        d(2024, 11, 25), d(2024, 12, 9), d(2024, 12, 23)})
            add(kAva, 1, day, "Show");
        add(kAva, 1, d(2025, 6, 16), "Clinician Canceled");
        add(kAva, 1, d(2025, 6, 23), "Show", note(unsigned_));
        add(kAva, 1, d(2025, 7, 7), "Show");

        add(kAva, 2, d(2024, 10, 7), "Show");
        add(kAva, 2, d(2024, 10, 21), "Show");
        add(kAva, 2, d(2024, 11, 4), "Late Canceled", money(5000, 0, 0));
        add(kAva, 2, d(2024, 11, 18), "Show", money(15000, 3000, 9000, "Aetna"));
        add(kAva, 2, d(2024, 12, 2), "Show");
        add(kAva, 2, d(2024, 12, 16), "No Show");
        add(kAva, 2, d(2025, 1, 13), "Show");
        add(kAva, 2, d(2025, 3, 3), "Show");

        add(kAva, 3, d(2025, 2, 3), "Show");
        add(kAva, 3, d(2025, 2, 17), "No Show");
        add(kAva, 3, d(2025, 3, 3), "Late Canceled");
        add(kAva, 3, d(2025, 4, 7), "Show");
        add(kAva, 3, d(2025, 6, 9), "No Show");

        add(kAva, 4, d(2024, 8, 5), "Show");
        add(kAva, 4, d(2024, 8, 12), "Show", money(15000, 3000, 0, "Aetna"));
        add(kAva, 4, d(2024, 8, 19), "Canceled", money(5000, 0, 0));

        add(kAva, 5, d(2025, 4, 7), "Show");
        add(kAva, 5, d(2025, 4, 14), "Show");
        add(kAva, 5, d(2025, 4, 21), "Show");

        add(kAva, 6, d(2024, 5, 6), "Show");
        add(kAva, 6, d(2024, 6, 3), "Show");
        add(kAva, 6, d(2024, 7, 8), "Show");
        add(kAva, 6, d(2025, 6, 2), "Show", note(unsigned_));

        add(kAva, 7, d(2025, 6, 25), "Show", note(unsigned_));
        add(kAva, 7, d(2025, 7, 2), "Show");

        add(kAva, 8, d(2025, 5, 12), "Show");
        add(kAva, 8, d(2025, 5, 31), "Show");

        add(kAva, 9, d(2025, 6, 26), "Scheduled");
        add(kAva, 9, d(2025, 7, 1), "Canceled");

        // --- Ben ------------------------------------------------------------------
        add(kBen, 10, d(2024, 7, 8), "Show", money(std::nullopt, std::nullopt, std::nullopt));
        for (Day day : {d(2024, 7, 22), d(2024, 8, 5), d(2024, 8, 19), d(2024, 9, 2), d(2024, 9, 16), d(2024, 9, 30),
                        d(2024, 10, 14), d(2025, 6, 10)})
            add(kBen, 10, day, "Show");

        add(kBen, 11, d(2024, 11, 5), "Show", money(15000, 3000, 8000, "Aetna"));
        add(kBen, 11, d(2024, 11, 12), "No Show", note(unsigned_));
        add(kBen, 11, d(2024, 11, 19), "Late Canceled", money(5000, std::nullopt, std::nullopt, "Aetna"));

        add(kBen, 12, d(2024, 6, 24), "No Show");
        add(kBen, 12, d(2024, 7, 1), "Late Canceled");
        add(kBen, 12, d(2024, 9, 9), "No Show", money(0, 0, 0));
        add(kBen, 12, d(2024, 10, 7), "No Show");
        add(kBen, 12, d(2025, 1, 6), "Late Canceled");
        add(kBen, 12, d(2025, 6, 16), "Show");
        add(kBen, 12, d(2025, 7, 8), "Scheduled");

        add(kBen, 13, d(2025, 1, 1), "Show");
        add(kBen, 13, d(2025, 2, 10), "Scheduled");

        add(kBen, 14, d(2025, 3, 10), "Show");
        add(kBen, 14, d(2025, 3, 17), "Show");
        add(kBen, 14, d(2025, 7, 14), "Canceled");

        add(kBen, 15, d(2025, 4, 28), "Show");
        add(kBen, 15, d(2025, 5, 5), "Show");
        add(kBen, 15, d(2025, 5, 12), "Late Canceled");
        add(kBen, 15, d(2025, 5, 19), "Show");
        add(kBen, 15, d(2025, 6, 2), "Show");
        add(kBen, 15, d(2025, 7, 1), "Show");

        add(kBen, 16, d(2025, 6, 20), "Canceled", note(unsigned_));
        add(kBen, 16, d(2025, 7, 2), "Scheduled");

        add(kBen, 17, d(2025, 6, 27), "Show", note(unsigned_));

        // --- Cleo -----------------------------------------------------------------
        for (Day day : {d(2024, 9, 3), d(2024, 9, 10), d(2024, 9, 17), d(2024, 9, 24), d(2024, 10, 1), d(2024, 10, 8),
                        d(2024, 10, 15), d(2024, 10, 22), d(2024, 10, 29)})
            add(kCleo, 18, day, "Show");

        add(kCleo, 19, d(2025, 1, 7), "Show");
        add(kCleo, 19, d(2025, 1, 14), "Show");
        add(kCleo, 19, d(2025, 1, 21), "Show");
        add(kCleo, 19, d(2025, 7, 9), "Show");

        add(kCleo, 20, d(2025, 3, 4), "Show", money(15000, 3000, std::nullopt, "BCBS"));
        for (Day day : {d(2025, 3, 11), d(2025, 3, 18), d(2025, 3, 25), d(2025, 4, 1), d(2025, 4, 8)})
            add(kCleo, 20, day, "Show");

        add(kCleo, 21, d(2025, 4, 29), "Show");
        add(kCleo, 21, d(2025, 5, 6), "Show");
        add(kCleo, 21, d(2025, 5, 13), "Show");
        add(kCleo, 21, d(2025, 5, 31), "Show", money(15000, 3000, 10000, "BCBS"));
        add(kCleo, 21, d(2025, 6, 3), "Show", money(15000, 3000, 0, "BCBS"));

        add(kCleo, 10, d(2025, 6, 24), "Show", note(NoteStatus::Unknown));
        add(kCleo, 10, d(2025, 7, 1), "Scheduled");

        add(kCleo, 22, d(2025, 5, 30), "Show");

        add(kCleo, 23, d(2025, 5, 20), "Show");
        add(kCleo, 23, d(2025, 6, 10), "Show");
        add(kCleo, 23, d(2025, 7, 3), "Scheduled");

        // --- Dev ------------------------------------------------------------------
        add(kDev, 24, d(2025, 5, 12), "Show");
        add(kDev, 24, d(2025, 5, 19), "Show");
        add(kDev, 24, d(2025, 6, 2), "Show");

        add(kDev, 25, d(2025, 5, 14), "Show");
        add(kDev, 25, d(2025, 5, 28), "Canceled");

        add(kDev, 26, d(2025, 6, 5), "Show");
        add(kDev, 26, d(2025, 6, 30), "Show", note(unsigned_));
        add(kDev, 26, d(2025, 7, 10), "Show");

        add(kDev, 32, d(2025, 5, 21), "Show");
        add(kDev, 32, d(2025, 6, 4), "No Show");

        // --- Eve ------------------------------------------------------------------
        add(kEve, 27, d(2025, 3, 31), "Rescheduled");
        add(kEve, 27, d(2025, 5, 6), "Show");
        add(kEve, 27, d(2025, 5, 20), "Show");
        add(kEve, 27, d(2025, 6, 20), "Show");

        add(kEve, 28, d(2025, 6, 26), "Show", note(unsigned_));
        add(kEve, 28, d(2025, 7, 3), "Canceled");

        add(kEve, 29, d(2025, 6, 2), "No Show");
        add(kEve, 29, d(2025, 6, 9), "Show");
        add(kEve, 29, d(2025, 7, 1), "Show");

        add(kEve, 30, d(2025, 6, 30), "Scheduled");

        appointmentCount = appointment_.made;
        snapshot = metrics::loadSnapshot(store_);
    }

    // Client index of client cN (clients are loaded by id = insertion order).
    std::size_t client(int n) const
    {
        const auto index = snapshot.clientIndex(clientIds_[n]);
        REQUIRE(index.has_value());
        return *index;
    }

    // Pair index of (clinician, cN): looked up in the snapshot's pair table.
    std::size_t pair(std::size_t clinician, int n) const
    {
        const std::size_t c = client(n);
        for (std::size_t i = 0; i < snapshot.pairs.size(); ++i)
            if (static_cast<std::size_t>(snapshot.pairs[i].clinician) == clinician
                && static_cast<std::size_t>(snapshot.pairs[i].client) == c)
                return i;
        FAIL("no such pair");
        return 0;
    }

    Store& store() { return store_; }

    metrics::Snapshot snapshot;
    int appointmentCount = 0;

private:
    void goal(std::size_t clinician, Day from, std::optional<Day> to, double weeklyGoal)
    {
        addGoalPeriod(store_, clinicianIds_[clinician], from, to, weeklyGoal);
    }

    void add(std::size_t clinician, int client, Day day, const std::string& rawStatus, const Extra& extra = {})
    {
        Appointment a =
            appointment_(clinicianIds_[clinician], clientIds_[client], day, 8 * 60 + 15 * client, rawStatus);
        if (extra.customMoney) {
            a.fee = extra.fee;
            a.clientPaid = extra.clientPaid;
            a.insurancePaid = extra.insurancePaid;
            a.payer = extra.payer;
        } else if (a.status == StatusCategory::Completed) {
            a.fee = 15000;
            a.clientPaid = 3000;
            a.insurancePaid = 12000;
            a.payer = "Aetna";
        } else if (isBillableCancel(a.status)) {
            a.fee = 5000;
            a.clientPaid = 5000;
            a.insurancePaid = 0;
        }
        a.noteStatus = extra.note.value_or(NoteStatus::Signed);
        store_.upsertAppointment(a);
    }

    Store store_;
    RowId clinicianIds_[5] = {};
    std::vector<RowId> clientIds_; // [n] = cn
    AppointmentBuilder appointment_{.durationMinutes = 50, .serviceCode = "90834"};
};

} // namespace caseboard::test::practice
