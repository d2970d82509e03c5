#pragma once
// Every threshold METRICS.md names, with its default. A practice that wants another rule
// changes a setting; the numbers never differ silently.
//
// Overrides live in the settings table under the field's name (the key column), so they
// travel with the database file:
//
//   key                                   type          default   meaning
//   retention_threshold                   int           8         qualifying sessions for "retained"
//   churn_threshold                       int           4         below this many a pair has churned
//   active_window_days                    int           30        active clients: seen in [T-29, T]
//   caseload_multiplier                   int|real      2         caseload baseline = this x weekly goal
//   under_performing_utilization          int|real      0.8       last-7-days utilization below this flags
//   note_due_days                         int           3         notes of sessions <= T-3 are overdue
//   payment_lag_days                      int           30        missing payments: sessions <= T-30
//   close_out_unseen_days                 int           30        close-out: last seen before T-30 ...
//   close_out_closed_days                 int           180       ... and not before T-180
//   attendance_policy_count               int           3         billable cancels in 12 months to flag
//   week_start                            text          "monday"  "monday" or "sunday"
//   billable_cancels_count_as_completed   bool          false     counted sessions include billable cancels
//   count_group_clients_separately        bool          false     a group counts one session per client
//   revenue_basis                         text          "charged" "charged" or "collected"
//   working_weeks_per_year                int|real      48        annual goal -> weekly goal
//   small_sample_threshold                int           20        fewer appointments -> practice rate
//   retention_status_margin_points        int|real      5         red when a target is missed by more
//   practice_weekly_goal                  int|real      (none)    explicit practice goal, else ...
//   practice_annual_goal                  int|real      (none)    ... annual goal / working weeks, else the sum
//   practice_retention_goal               real in [0,1] (none)    fraction, e.g. 0.6; else practice rate
//   practice_churn_goal                   real in [0,1] (none)    fraction, e.g. 0.2; else practice rate
//   payroll_one_hour_per_session          bool          false     payroll hours: 1 h per counted session
//   payroll_pays_billable_cancels         bool          false     payroll pays billable cancels
//
// A key with a value of the wrong type or out of range keeps the default (and is logged:
// keys and numbers are not PHI).

#include <optional>

namespace caseboard {
class Store;
}

namespace caseboard::metrics {

enum class WeekStart { Monday, Sunday };
enum class RevenueBasis { Charged, Collected };

struct MetricSettings {
    int retentionThreshold = 8;
    int churnThreshold = 4;
    int activeWindowDays = 30;
    double caseloadMultiplier = 2.0;
    double underPerformingUtilization = 0.8;
    int noteDueDays = 3;
    int paymentLagDays = 30;
    int closeOutUnseenDays = 30;
    int closeOutClosedDays = 180;
    int attendancePolicyCount = 3;
    WeekStart weekStart = WeekStart::Monday;
    bool billableCancelsCountAsCompleted = false;
    bool countGroupClientsSeparately = false;
    RevenueBasis revenueBasis = RevenueBasis::Charged;
    double workingWeeksPerYear = 48.0;
    int smallSampleThreshold = 20;
    double retentionStatusMarginPoints = 5.0;
    std::optional<double> practiceWeeklyGoal;
    std::optional<double> practiceAnnualGoal; // completed sessions a year
    std::optional<double> practiceRetentionGoal;
    std::optional<double> practiceChurnGoal;
    // METRICS.md names these payroll choices without a default; off until a practice says.
    bool payrollOneHourPerSession = false;
    bool payrollPaysBillableCancels = false;
};

// The practice's own weekly goal when it has set one (METRICS.md "Weekly goal", "Annual ->
// weekly"): practice_weekly_goal, else practice_annual_goal / working_weeks_per_year;
// nullopt means the practice goal is the sum of its clinicians' goals.
std::optional<double> explicitPracticeWeeklyGoal(const MetricSettings& settings);

// The defaults with the settings table's overrides applied.
MetricSettings loadMetricSettings(Store& store);

} // namespace caseboard::metrics
