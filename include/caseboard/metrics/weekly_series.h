#pragma once
// The trend charts' series: one point per calendar week (starting Monday, or Sunday by
// setting) for the weeks back from T, the last week cut off at T.

#include "caseboard/metrics/goals_and_rates.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/scope.h"
#include "caseboard/metrics/snapshot.h"

#include <cstdint>
#include <vector>

namespace caseboard::metrics {

struct WeekPoint {
    Day weekStart{};
    Day weekEnd{}; // the week's last day, or T for the current week
    std::int64_t counted = 0;
    double goal = 0.0; // goal for [weekStart, weekEnd]
    CancellationRates cancellation;
    // Active clients on weekEnd. Past weeks count an appointment after weekEnd only within
    // the active window (see activeClientsOn); the current week is the exact figure.
    std::int64_t activeClients = 0;
};

// `weeks` points (at most 64), oldest first.
std::vector<WeekPoint> weeklySeries(const Snapshot& snapshot, const MetricSettings& settings, Day asOf,
                                    const Scope& scope, int weeks = 52);

// The first day of the calendar week holding `day`.
Day weekStartOf(Day day, WeekStart start);

} // namespace caseboard::metrics
