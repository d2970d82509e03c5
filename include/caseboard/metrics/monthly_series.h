#pragma once
// Month by month for the trend lines (this year against last year) and intakes per month
// against the previous 12 months and the same month last year (METRICS.md "Intakes per
// month").

#include "caseboard/core/day.h"
#include "caseboard/core/money.h"
#include "caseboard/metrics/goals_and_rates.h"
#include "caseboard/metrics/workflow_lists.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace caseboard::metrics {

// One calendar month, cut off at T. Figures as the year table's (PeriodFigures) with the
// month as the window; active clients on the month's last day (or T).
struct MonthFigures {
    int year = 0;
    unsigned month = 0;
    bool afterAsOf = false; // the month starts after T: nothing to show yet
    std::int64_t countedSessions = 0;
    std::int64_t intakes = 0;
    CancellationRates cancellation;
    Cents revenueCharged = 0;
    Cents revenueCollected = 0;
    std::int64_t activeClients = 0;
};

// A month's intakes beside the average of the 12 months before it and the same month a
// year earlier.
struct IntakeMonthComparison {
    int year = 0;
    unsigned month = 0;
    std::int64_t intakes = 0;
    std::optional<double> previous12Average; // undefined when fewer than 12 months precede it in the input
    std::optional<std::int64_t> sameMonthLastYear;
};

// For the last `count` months of `months` (consecutive months, oldest first, as from
// intakesPerMonth), oldest first.
std::vector<IntakeMonthComparison> compareIntakeMonths(const std::vector<MonthCount>& months, int count = 13);

} // namespace caseboard::metrics
