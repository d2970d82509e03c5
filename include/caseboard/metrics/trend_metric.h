#pragma once
// The figures of the year table, named once: the CLI report, the CSV and PDF exports and
// the Trends view all walk this list, so a figure has one key, one label and one unit.

#include "caseboard/metrics/monthly_series.h"
#include "caseboard/metrics/year_over_year.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace caseboard::metrics {

enum class TrendMetric {
    CountedSessions,
    Intakes,
    CancellationRate,
    RetentionRate,
    ChurnRate,
    AvgSessionsPerClient,
    RevenueCharged,
    RevenueCollected,
    ActiveClients,
};

inline constexpr std::array<TrendMetric, 9> kTrendMetrics{
    TrendMetric::CountedSessions,  TrendMetric::Intakes,        TrendMetric::CancellationRate,
    TrendMetric::RetentionRate,    TrendMetric::ChurnRate,      TrendMetric::AvgSessionsPerClient,
    TrendMetric::RevenueCharged,   TrendMetric::RevenueCollected, TrendMetric::ActiveClients,
};

// Count: whole number; Rate: a fraction in [0, 1]; Dollars; Average: a mean of counts.
enum class TrendUnit { Count, Rate, Dollars, Average };

std::string_view trendMetricKey(TrendMetric metric);   // "counted_sessions", ...: JSON and CSV
std::string_view trendMetricLabel(TrendMetric metric); // "Counted sessions", ...: text and PDF
TrendUnit trendMetricUnit(TrendMetric metric);
// Retention, churn and average sessions per client need a cohort of a year: months have none.
bool hasMonthlyValue(TrendMetric metric);

// The figure as a number (rates as fractions, money in dollars); nullopt when undefined.
std::optional<double> trendValue(const PeriodFigures& figures, TrendMetric metric);
std::optional<double> trendValue(const MonthFigures& figures, TrendMetric metric);

// The year to date against the same days last year: for rates the difference in points
// (as a fraction: 0.02 = 2 points), for everything else the relative change. Undefined
// when either side is, or the base of a relative change is 0.
std::optional<double> trendChange(TrendMetric metric, const std::optional<double>& lastYear,
                                  const std::optional<double>& thisYear);

// "2023", "2023 Jan 1 - Feb 28", "2024 Jan 1 - Feb 29" (to date); "2022*" when the
// history starts inside the column.
std::string periodLabel(const YearPeriod& period);
// "year", "same_days_last_year", "year_to_date".
std::string_view periodKindKey(YearPeriod::Kind kind);

} // namespace caseboard::metrics
