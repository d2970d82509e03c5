#pragma once
// Retention, churn and lifetime value (METRICS.md "Retention, churn, lifetime value"),
// always over pairs (one clinician with one client).

#include "caseboard/core/money.h"
#include "caseboard/metrics/caseload.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/pair_facts.h"
#include "caseboard/metrics/scope.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/metrics/window.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace caseboard::metrics {

struct Retention {
    Window timeframe;           // [A, B]
    Day cohortEnd{};            // B' = min(B, T - 7 x retention threshold)
    std::int64_t cohort = 0;    // pairs with intake in [A, B']
    std::int64_t retained = 0;  // of those, qualifying count >= retention threshold
    std::int64_t churned = 0;   // of those, qualifying count < churn threshold
    std::int64_t cohortSessions = 0; // sum of the cohort's qualifying counts
    // Sum over qualifying sessions dated in [A, B] with a known fee, on the revenue basis:
    // charged = the fee; collected = client + insurance paid, sessions with neither known
    // left out.
    Cents revenue = 0;
    std::int64_t revenueSessions = 0; // how many sessions that sum is over

    std::optional<double> retentionRate;        // retained / cohort
    std::optional<double> churnRate;            // churned / cohort
    std::optional<double> avgSessionsPerClient; // cohortSessions / cohort
    std::optional<double> avgRevenuePerSession; // dollars: revenue / revenueSessions / 100
    std::optional<double> lifetimeValue;        // dollars: avg sessions x avg revenue
};

// Over the timeframe [A, B] (default: trailing 12 months), for the scope.
Retention retention(const Snapshot& snapshot, const PairFacts& facts, const MetricSettings& settings,
                    const Scope& scope, const Window& timeframe);
// The same for every clinician (index = clinician) in one pass.
std::vector<Retention> retentionByClinician(const Snapshot& snapshot, const PairFacts& facts,
                                            const MetricSettings& settings, const Window& timeframe);

// B' = min(B, T - 7 x retention threshold): later intakes have not had time to reach it.
Day retentionCohortEnd(const Window& timeframe, Day asOf, const MetricSettings& settings);

// The retention of the mask's clinicians from each clinician's (index = clinician): a
// pair belongs to one clinician, so cohorts, counts and revenue add up; rates are
// recomputed from the sums.
Retention sumRetention(const std::vector<Retention>& perClinician, const ClinicianMask& mask, const Window& timeframe,
                       Day cohortEnd);

// Pair retention status (Clients view): retained at the threshold; otherwise in progress
// with an appointment scheduled after T (a booked new client too); otherwise at risk when
// the last qualifying session is within the active window, lost when older; no intake when
// the pair never had a qualifying session and nothing is scheduled.
enum class PairStatus { NoIntake, Retained, InProgress, AtRisk, Lost };
std::string_view pairStatusName(PairStatus status); // "no intake", "retained", "in progress", "at risk", "lost"
PairStatus pairStatus(const PairFacts& facts, std::size_t pair, const MetricSettings& settings);

// Green when retention >= target and churn <= target; red when either misses by more
// than retention_status_margin_points; yellow otherwise. Targets: the practice's explicit
// goals when set, else the practice rates for the same timeframe. Unknown when the
// clinician's cohort is empty (or no target is defined).
RetentionStatus clinicianRetentionStatus(const Retention& clinician, const Retention& practice,
                                         const MetricSettings& settings);

} // namespace caseboard::metrics
