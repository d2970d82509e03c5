#pragma once
// Caseload (METRICS.md "Caseload"): active clients, the caseload baseline and what a
// caseload below it means.

#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/pair_facts.h"
#include "caseboard/metrics/scope.h"
#include "caseboard/metrics/snapshot.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace caseboard::metrics {

// Active clients at T: distinct clients with a qualifying session in [T-(active-1), T]
// with a clinician of the scope, or an appointment with one after T whose status on T is
// scheduled. A client seen by two clinicians of the scope counts once.
std::int64_t activeClients(const Snapshot& snapshot, const MetricSettings& settings, Day asOf, const Scope& scope);

// Active clients of each clinician (index = clinician), from the pair facts of T.
std::vector<std::int64_t> activeClientsByClinician(const Snapshot& snapshot, const MetricSettings& settings,
                                                   const PairFacts& facts);

// Active clients on a past week's last day D, for the trend chart. Exactly the
// definition above with T = D, except that an appointment after D counts only when it
// falls within the next active-window days: what was on the books at D is not recorded,
// and an appointment months later was most likely booked after D. `lookaheadDays` < 0
// means no limit (the definition itself, used for D = T).
std::int64_t activeClientsOn(const Snapshot& snapshot, const MetricSettings& settings, Day day, const Scope& scope,
                             int lookaheadDays);

// Caseload baseline = caseload_multiplier x weekly goal in force on T.
double caseloadBaseline(double weeklyGoal, const MetricSettings& settings);

enum class RetentionStatus { Unknown, Green, Yellow, Red };
std::string_view retentionStatusName(RetentionStatus status); // "unknown", "green", "yellow", "red"

// Below the baseline: "losing clients" when the clinician's retention status is red or
// yellow, "needs referrals" otherwise. At or above it: no reading.
enum class CaseloadReading { AtOrAboveBaseline, LosingClients, NeedsReferrals };
std::string_view caseloadReadingText(CaseloadReading reading); // "", "losing clients", "needs referrals"
CaseloadReading caseloadReading(std::int64_t activeClients, double baseline, RetentionStatus retention);

} // namespace caseboard::metrics
