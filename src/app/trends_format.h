#pragma once
// How the Trends view, its charts and its PDF write a year-over-year figure: one place,
// so the screen and the printed report read the same.

#include "caseboard/metrics/trend_metric.h"

#include <QString>

#include <optional>

namespace caseboard::app {

// "1,234", "15.3%", "$2,048,450" (whole dollars: a year's revenue needs no cents), "13.2";
// "—" when undefined.
QString formatTrendValue(metrics::TrendMetric metric, const std::optional<double>& value);
// "+5.7%", "−0.3 pts"; "—" when undefined.
QString formatTrendChange(metrics::TrendMetric metric, const std::optional<double>& change);
// True when a rise of the figure is good news (churn and cancellations: a fall is).
bool higherIsBetter(metrics::TrendMetric metric);

QString trendMetricTitle(metrics::TrendMetric metric); // translated label
QString trendMetricHelp(metrics::TrendMetric metric);  // one sentence: what and over what
QString periodTitle(const metrics::YearPeriod& period); // "2023", "2025 to Nov 30", "2026 to Nov 30"
// The column a period's change is measured against: the year to date against the same
// days last year, a calendar year against the one before; nullopt for the others.
std::optional<std::size_t> comparedPeriod(const metrics::YearOverYear& trends, std::size_t period);
// The group's name as shown; "(not set)" for the clinicians without one.
QString groupTitle(const metrics::Scope& scope);
QString groupKindTitle(metrics::Scope::Kind kind); // "Practice", "Location", ...

} // namespace caseboard::app
