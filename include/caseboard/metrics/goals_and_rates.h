#pragma once
// Goals and targets (METRICS.md "Goals and targets"): counted sessions, cancellation
// rates, weekly goals, goal for a window, utilization, weekly bookings targets,
// upcoming bookings and openings. Pure functions of (snapshot, settings, as-of date T,
// scope); none reads the database or the clock.

#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/scope.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/metrics/window.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace caseboard::metrics {

// Counted sessions (completed; billable cancels too with the setting) dated in the
// window and on or before T — after T nothing is completed yet. A group (CPT 90853, or
// several clients with one clinician at the same start time on the same day) is one
// session unless count_group_clients_separately is set.
std::int64_t countedSessions(const Snapshot& snapshot, const MetricSettings& settings, Day asOf, const Scope& scope,
                             const Window& window);

// The counts a cancellation rate is made of. Appointment-level: every client of a group
// counts. Clinician-cancelled, other and unmarked (past, still scheduled) are in none.
struct CancellationCounts {
    std::int64_t completed = 0;
    std::int64_t cancelled = 0;
    std::int64_t lateCancel = 0;
    std::int64_t noShow = 0;

    // Counts one past appointment by its status; clinician-cancelled, other and unmarked
    // (scheduled) are in none of the counts.
    void add(StatusCategory status);
    std::int64_t cancellations() const { return cancelled + lateCancel + noShow; }
    std::int64_t denominator() const { return completed + cancelled + lateCancel + noShow; }
    CancellationCounts& operator+=(const CancellationCounts& other);
};

struct CancellationRates {
    CancellationCounts counts;
    std::optional<double> cancellation; // (cancelled + late + no-show) / denominator
    std::optional<double> lateCancel;   // late / denominator
    std::optional<double> noShow;       // no-show / denominator
};

// Over the past appointments (date <= T) in the window; every rate undefined when the
// denominator is 0.
CancellationRates cancellationRates(const Snapshot& snapshot, Day asOf, const Scope& scope, const Window& window);
// The same counts for each clinician of the snapshot (index = clinician index).
std::vector<CancellationCounts> cancellationCountsByClinician(const Snapshot& snapshot, Day asOf,
                                                              const Window& window);

// The rates of a set of counts; every rate undefined when the denominator is 0.
CancellationRates ratesOf(const CancellationCounts& counts);

// The weekly goal in force on `day` for the scope: the sum over its clinicians of the
// goal period covering that day (when periods overlap, the one that starts last wins;
// no period = 0). For the practice scope an explicit practice_weekly_goal replaces the sum.
double weeklyGoalOn(const Snapshot& snapshot, const MetricSettings& settings, Day day, const Scope& scope);

// The scope's weekly goal in force on each day of the window (index = days since its
// first day), as weeklyGoalOn.
std::vector<double> weeklyGoalByDay(const Snapshot& snapshot, const MetricSettings& settings, const Scope& scope,
                                    const Window& window);

// Goal for a window = sum over its days of (weekly goal that day / 7).
double goalForWindow(const Snapshot& snapshot, const MetricSettings& settings, const Scope& scope,
                     const Window& window);

// Utilization = counted sessions / goal for the window; undefined when the goal is 0.
std::optional<double> utilization(const Snapshot& snapshot, const MetricSettings& settings, Day asOf,
                                  const Scope& scope, const Window& window);

// Under-performing: utilization over the last 7 days [T-6, T] below
// under_performing_utilization (default 0.8); undefined when that goal is 0.
std::optional<bool> underPerforming(const Snapshot& snapshot, const MetricSettings& settings, Day asOf,
                                    const Scope& scope);

// A cancellation rate kept as the counts it came from, so targets are exact.
struct Fraction {
    std::int64_t numerator = 0;
    std::int64_t denominator = 0;
};

struct BookingsTarget {
    double weeklyGoal = 0.0;    // in force on T
    // ceil(goal / (1 - rate)); undefined only when every appointment was cancelled (rate 1).
    std::optional<std::int64_t> target;
    std::optional<Fraction> rate; // the rate used; nullopt = no cancellation data, target = ceil(goal)
    // The clinician had fewer than small_sample_threshold appointments (and a goal above 0).
    bool usesPracticeRate = false;
};

// ceil(goal / (1 - n/d)) computed exactly: goal x d / (d - n) on integers, the goal
// taken in millionths (goals are whole or simple fractions of sessions).
std::optional<std::int64_t> exactBookingsTarget(double weeklyGoal, const std::optional<Fraction>& rate);

// Weekly bookings target of one clinician (by index): its own cancellation rate over
// [T-83, T], or the practice rate (flagged) when its denominator is below
// small_sample_threshold. An index out of range gives goal 0 and target 0.
BookingsTarget bookingsTarget(const Snapshot& snapshot, const MetricSettings& settings, Day asOf,
                              std::size_t clinician);
// Of a scope, with the scope's own rate. A one-clinician scope is the function above.
BookingsTarget bookingsTarget(const Snapshot& snapshot, const MetricSettings& settings, Day asOf,
                              const Scope& scope);

// Every clinician's target (index = clinician) from one pass over the 12 weeks: what a
// dashboard of all clinicians needs without one pass each.
std::vector<BookingsTarget> bookingsTargetsByClinician(const Snapshot& snapshot, const MetricSettings& settings,
                                                       Day asOf);
// The same from cancellationCountsByClinician over [T-83, T], when the caller has them.
std::vector<BookingsTarget> bookingsTargetsByClinician(const Snapshot& snapshot, const MetricSettings& settings,
                                                       Day asOf, const std::vector<CancellationCounts>& counts);

// Appointments in [T+1, T+7] whose status on T is scheduled (a future "Show" is; a
// future cancellation is not).
struct UpcomingBookings {
    std::int64_t appointments = 0; // one per client
    std::int64_t sessions = 0;     // a group is one, as for counted sessions: compared to targets
};
UpcomingBookings upcomingBookings(const Snapshot& snapshot, const MetricSettings& settings, Day asOf,
                                  const Scope& scope);
std::vector<UpcomingBookings> upcomingBookingsByClinician(const Snapshot& snapshot, const MetricSettings& settings,
                                                          Day asOf);

// Counted sessions of each clinician (index = clinician) in the window, as countedSessions.
std::vector<std::int64_t> countedSessionsByClinician(const Snapshot& snapshot, const MetricSettings& settings,
                                                     Day asOf, const Window& window);

// A clinician whose upcoming bookings (sessions) are below the bookings target; urgent
// when below the weekly goal itself.
struct Opening {
    std::size_t clinician = 0;
    BookingsTarget target;
    std::int64_t bookings = 0;
    std::int64_t openings = 0; // target - bookings
    bool urgent = false;
};
// The clinicians of the scope with openings, most openings first (then by index).
std::vector<Opening> openings(const Snapshot& snapshot, const MetricSettings& settings, Day asOf,
                              const Scope& scope);

} // namespace caseboard::metrics
