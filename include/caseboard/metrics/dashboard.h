#pragma once
// Everything the weekly review shows for one as-of date and scope, computed in one go
// from a snapshot: the scope's totals, one row per clinician, the workflow lists and the
// 52-week series. The Dashboard view and `caseboard-cli report` both read this, so the
// screen and the report can never disagree.

#include "caseboard/metrics/caseload.h"
#include "caseboard/metrics/goals_and_rates.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/retention.h"
#include "caseboard/metrics/scope.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/metrics/weekly_series.h"
#include "caseboard/metrics/workflow_lists.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace caseboard::metrics {

// The scope's totals. Windows: last 7 days, trailing 12 weeks, trailing 12 months, next 7 days.
struct ScopeSummary {
    double weeklyGoal = 0.0;
    std::int64_t countedLast7d = 0;
    double goalLast7d = 0.0;
    std::optional<double> utilizationLast7d;
    std::optional<bool> underPerforming;
    CancellationRates cancellation12w;
    BookingsTarget bookingsTarget;
    UpcomingBookings upcomingNext7d;
    std::int64_t activeClients = 0;
    double caseloadBaseline = 0.0;
    Retention retention12m;
    std::int64_t intakesLast7d = 0;
    std::int64_t overdueNotes = 0;
    std::int64_t unmarkedPast = 0;
};

struct ClinicianSummary {
    std::size_t clinician = 0; // index into Snapshot::clinicians
    // False for a former clinician, whose end date is before the last 7 days [T-6, T]:
    // their row is all zeros, so views leave it out. Their past appointments still count
    // in the scope's figures and lists.
    bool onStaff = true;
    double weeklyGoal = 0.0;
    std::int64_t countedLast7d = 0;
    double goalLast7d = 0.0;
    std::optional<double> utilizationLast7d;
    std::optional<bool> underPerforming;
    CancellationRates cancellation12w;
    BookingsTarget bookingsTarget; // usesPracticeRate = the practice rate was used
    UpcomingBookings upcomingNext7d;
    std::int64_t openings = 0;     // max(0, target - upcoming sessions)
    bool openingsUrgent = false;   // upcoming sessions below the weekly goal itself
    std::int64_t activeClients = 0;
    double caseloadBaseline = 0.0;
    CaseloadReading caseloadReading = CaseloadReading::AtOrAboveBaseline;
    Retention retention12m;
    RetentionStatus retentionStatus = RetentionStatus::Unknown;
    std::int64_t overdueNotes = 0;
    std::int64_t intakesLast7d = 0;
};

struct DashboardLists {
    std::vector<Opening> openings;
    std::vector<PairEntry> newClientFollowUps;
    std::vector<NewClinician> newClinicians;
    std::vector<PairEntry> atRiskClients;
    std::vector<PairEntry> closeOutCandidates;
    std::vector<PairEntry> attendancePolicy;
    OverdueNotes overdueNotes;
    MissingPayments missingPayments;
    std::vector<AppointmentEntry> unmarked;
};

// Entries of the lists name rows, pairs, clients and payers of the snapshot they were
// computed from: keep that snapshot alive as long as the dashboard.
struct Dashboard {
    Day asOf{};
    Scope scope;
    MetricSettings settings;                 // the thresholds the numbers were computed with
    ScopeSummary summary;                    // the scope as a whole
    std::vector<ClinicianSummary> clinicians; // the scope's clinicians, in snapshot order
    DashboardLists lists;
    std::vector<WeekPoint> series;            // 52 weeks back from T
    std::vector<MonthCount> intakesPerMonth;  // 25 months ending with T's month
};

// The whole dashboard for the scope (default: the practice). Retention status targets
// always come from the practice, whatever the scope.
Dashboard computeDashboard(const Snapshot& snapshot, const MetricSettings& settings, Day asOf,
                           const Scope& scope = Scope::practice());
// The same from pair facts already computed for T (facts.asOf): a view that changes scope
// or opens one clinician after another reuses them and pays only for the scope's rows.
Dashboard computeDashboard(const Snapshot& snapshot, const PairFacts& facts, const MetricSettings& settings,
                           const Scope& scope = Scope::practice());

} // namespace caseboard::metrics
