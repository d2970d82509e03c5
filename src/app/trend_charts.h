#pragma once
// The Trends view's charts, built into a QChart so the view shows them and the PDF
// export draws the very same ones (in the screen's colours, or the paper's): a bar per column of the year table, the months of
// this year against last year, and intakes per month against the previous 12 months.

#include "caseboard/metrics/trend_metric.h"
#include "caseboard/metrics/year_over_year.h"

#include "chart_colors.h"

#include <QFont>

class QChart;

namespace caseboard::app {

// Clears `chart` and draws one bar per column for the metric: the practice's (calendar
// years, the same days last year, the year to date), or one bar per group side by side.
void buildYearBarChart(QChart* chart, const metrics::YearOverYear& trends, metrics::Scope::Kind groupBy,
                       metrics::TrendMetric metric, const QFont& font, const ChartColors& colors);

// Clears `chart` and draws the metric month by month, January to December: the practice's
// this year (solid) and last year (dashed), or this year's line of each group. A metric
// without monthly values (retention, churn, average sessions) draws counted sessions.
void buildMonthLineChart(QChart* chart, const metrics::YearOverYear& trends, metrics::Scope::Kind groupBy,
                         metrics::TrendMetric metric, const QFont& font, const ChartColors& colors);

// Clears `chart` and draws the scope's last 13 months of intakes as bars, the average of
// the 12 months before each as a line and the same month last year as a dashed line.
void buildIntakeMonthChart(QChart* chart, const metrics::ScopeTrends& scope, const QFont& font,
                           const ChartColors& colors);

// The metric the month chart draws for `metric` (itself when it has monthly values).
metrics::TrendMetric monthChartMetric(metrics::TrendMetric metric);

} // namespace caseboard::app
