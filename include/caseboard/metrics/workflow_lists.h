#pragma once
// The lists of the weekly and monthly workflow (METRICS.md "Lists for the weekly and
// monthly workflow"). Entries name rows of the snapshot (pair, clinician, client,
// appointment row) and the dates that put them on the list; views turn them into
// names. Every function takes the scope's clinicians only.

#include "caseboard/core/money.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/pair_facts.h"
#include "caseboard/metrics/scope.h"
#include "caseboard/metrics/snapshot.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace caseboard::metrics {

// A pair on a list, with what the lists show about it (copied from its PairFact).
struct PairEntry {
    std::size_t pair = 0;
    std::size_t clinician = 0;
    std::size_t client = 0;
    std::int32_t intakeSerial = kNoDay;
    std::int32_t lastQualifyingSerial = kNoDay;
    std::int32_t lastSeenSerial = kNoDay;      // last completed session; kNoDay = never attended
    std::int32_t nextScheduledSerial = kNoDay; // kNoDay = nothing scheduled
    std::int32_t billableCancels12m = 0;
};
PairEntry pairEntry(const Snapshot& snapshot, const PairFacts& facts, std::size_t pair);

// Pairs whose intake is in the last 7 days [T-6, T], with their next scheduled
// appointment (or none); by intake date, then clinician.
std::vector<PairEntry> newClientFollowUps(const Snapshot& snapshot, const PairFacts& facts, const Scope& scope);

// Clinicians whose start date (or, when unknown, first appointment) is in [T-89, T].
struct NewClinician {
    std::size_t clinician = 0;
    std::int32_t startSerial = kNoDay;
    bool startFromFirstAppointment = false; // no start date in the team settings
    std::int64_t intakes = 0;               // pairs with intake in [start, T]
    std::int64_t rebooked = 0;              // of those, with any later appointment (qualifying or scheduled)
    std::optional<double> rebookingRate;    // rebooked / intakes
    std::vector<PairEntry> notRebooked;     // by intake date
};
std::vector<NewClinician> newClinicians(const Snapshot& snapshot, const PairFacts& facts, const Scope& scope);

// Pairs with intake in the calendar month before T's month and nothing scheduled after
// T, longest unseen first (by last completed session; never attended first).
std::vector<PairEntry> atRiskClients(const Snapshot& snapshot, const PairFacts& facts, const Scope& scope);

// Pairs whose client is not discharged, whose last qualifying session is in
// [T-close_out_closed_days, T-(close_out_unseen_days+1)] and with nothing scheduled after
// T; longest unseen first.
std::vector<PairEntry> closeOutCandidates(const Snapshot& snapshot, const PairFacts& facts,
                                          const MetricSettings& settings, const Scope& scope);

// Pairs with at least attendance_policy_count billable cancels in [T-364, T]; most first.
std::vector<PairEntry> attendancePolicy(const Snapshot& snapshot, const PairFacts& facts,
                                        const MetricSettings& settings, const Scope& scope);

// One appointment on a list.
struct AppointmentEntry {
    std::size_t row = 0; // into Snapshot::appointments
    std::size_t clinician = 0;
    std::size_t client = 0;
    std::int32_t daySerial = 0;
};

// Qualifying sessions dated <= T - note_due_days whose note is known and unsigned,
// oldest first, and how many each clinician has (index = clinician).
struct OverdueNotes {
    std::vector<AppointmentEntry> sessions;
    std::vector<std::int64_t> perClinician;
};
OverdueNotes overdueNotes(const Snapshot& snapshot, const MetricSettings& settings, Day asOf, const Scope& scope);

// Revenue reconciliation: qualifying sessions dated <= T - payment_lag_days with a fee
// > 0 and fee - client paid - insurance paid > 0. A paid amount the export did not carry
// counts as 0, but a session whose payments are both unknown is left out: without payment
// data every session would look unpaid.
struct MissingPayment {
    AppointmentEntry appointment;
    Cents fee = 0;
    Cents paid = 0;    // client + insurance, known parts
    Cents balance = 0; // fee - paid
    std::string_view payer; // "" when unknown; points into Snapshot::payers
};
struct PaymentTotal {
    int year = 0;
    unsigned month = 0; // 1..12
    std::string payer;
    std::int64_t sessions = 0;
    Cents balance = 0;
};
struct MissingPayments {
    std::vector<MissingPayment> sessions; // oldest first
    std::vector<PaymentTotal> totals;     // by month, then payer
    Cents balance = 0;                    // the sum of every balance
};
MissingPayments missingPayments(const Snapshot& snapshot, const MetricSettings& settings, Day asOf,
                                const Scope& scope);

// Past appointments (dated <= T) still scheduled: a data-quality warning, left out of
// every rate. Oldest first.
std::vector<AppointmentEntry> unmarkedAppointments(const Snapshot& snapshot, Day asOf, const Scope& scope);

// Intakes per calendar month: practice-wide (scope = practice) distinct clients whose
// first qualifying session at the practice falls in the month; for any other scope, the
// pair intakes of its clinicians. `months` months ending with T's month (counted to T),
// oldest first; 25 gives the current month, the 12 before it and the same month last year.
struct MonthCount {
    int year = 0;
    unsigned month = 0;
    std::int64_t count = 0;
};
std::vector<MonthCount> intakesPerMonth(const Snapshot& snapshot, const PairFacts& facts, const Scope& scope,
                                        int months = 25);

// Intakes (as above) dated in a window.
std::int64_t intakesIn(const Snapshot& snapshot, const PairFacts& facts, const Scope& scope, std::int32_t fromSerial,
                       std::int32_t toSerial);

} // namespace caseboard::metrics
