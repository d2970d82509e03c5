#pragma once
// One clinician's numbers for one calendar month, for the monthly 1:1 supervision
// (docs/supervision.md): the month against the month before and the same month last
// year, each number with its 13-month trend, and the clinician's workflow lists at the
// month's end. Every number is one of the engine's own functions (goals_and_rates.h,
// caseload.h, retention.h, workflow_lists.h) called for the month's window, so the
// supervision packet can never disagree with the Dashboard for the same dates.

#include "caseboard/core/day.h"
#include "caseboard/metrics/goals_and_rates.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/pair_facts.h"
#include "caseboard/metrics/retention.h"
#include "caseboard/metrics/scope.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/metrics/window.h"
#include "caseboard/metrics/workflow_lists.h"

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caseboard::metrics {

struct CalendarMonth {
    int year = 1970;
    unsigned month = 1; // 1..12

    Day first() const;
    Day last() const;
    CalendarMonth plus(int months) const; // negative goes back
    std::string iso() const;              // "YYYY-MM", the key supervision notes are stored under

    static CalendarMonth of(Day day);
    // Exactly "YYYY-MM" with a month 01..12; nullopt otherwise.
    static std::optional<CalendarMonth> parse(std::string_view text);

    friend bool operator==(const CalendarMonth&, const CalendarMonth&) = default;
    friend auto operator<=>(const CalendarMonth&, const CalendarMonth&) = default;
};

// The numbers of one month. T = the month's last day, or the as-of date when that is
// earlier; the window is [first day, T].
struct MonthNumbers {
    CalendarMonth month;
    Window window;            // empty (to < from) when the month starts after the as-of date
    Day asOf{};               // T
    bool afterAsOf = false;   // the month starts after the as-of date: nothing is computed
    bool partial = false;     // T is before the month's last day (the current month)
    bool beforeStart = false; // the month ends before the clinician's start (or first appointment)

    std::int64_t countedSessions = 0; // countedSessions(window)
    double goal = 0.0;                // goalForWindow(window)
    std::optional<double> utilization;
    CancellationRates cancellation;   // cancellationRates(window)
    std::int64_t intakes = 0;         // pair intakes dated in the window
    std::int64_t rebooked = 0;        // of those, re-booked as seen on T (PairFact::rebooked)
    std::optional<double> rebookingRate;
    std::int64_t activeClients = 0;   // at T (see docs/supervision.md for past months)
    double weeklyGoal = 0.0;          // in force on T
    double caseloadBaseline = 0.0;
    Retention retention;              // trailing 12 months ending T: a month is too short a cohort
    std::int64_t overdueNotes = 0;    // overdueNotes(T): unsigned today, due by T
};

// How many months a trend spans: the same month last year through the month itself, so
// the three columns compared are all points of it.
inline constexpr int kTrendMonths = 13;

// The pair facts of each trend month's T, computed once and shared by every clinician:
// preparing packets for a whole team costs thirteen passes, not thirteen per clinician.
struct MonthEnds {
    CalendarMonth month;                 // the month reviewed
    Day asOf{};                          // the as-of date the months are cut at
    std::vector<CalendarMonth> months;   // kTrendMonths, oldest first; months.back() == month
    std::vector<Day> ends;               // T of each month
    std::vector<PairFacts> facts;        // at each T; empty for a month after the as-of date
};
MonthEnds monthEnds(const Snapshot& snapshot, CalendarMonth month, Day asOf);

// One month for a scope, from the pair facts of that month's T (facts.asOf must be T).
MonthNumbers monthNumbers(const Snapshot& snapshot, const MetricSettings& settings, const PairFacts& facts,
                          const Scope& scope, CalendarMonth month, Day asOf);

struct ClinicianMonth {
    std::size_t clinician = 0;
    CalendarMonth month;
    std::vector<MonthNumbers> trend; // kTrendMonths, oldest first
    // The lists at the month's T, the clinician's entries only.
    std::vector<PairEntry> atRiskClients;
    std::vector<PairEntry> closeOutCandidates;
    std::vector<AppointmentEntry> overdueNotes;

    const MonthNumbers& current() const { return trend.back(); }
    const MonthNumbers& previous() const { return trend[trend.size() - 2]; }
    const MonthNumbers& sameMonthLastYear() const { return trend.front(); }
};

ClinicianMonth clinicianMonth(const Snapshot& snapshot, const MetricSettings& settings, const MonthEnds& ends,
                              std::size_t clinician);
ClinicianMonth clinicianMonth(const Snapshot& snapshot, const MetricSettings& settings, std::size_t clinician,
                              CalendarMonth month, Day asOf);

} // namespace caseboard::metrics
