#pragma once
// What hovering a week of the weekly charts shows, as rich text: the week's dates, then
// its exact values, each after a swatch of its colour in the chart.

#include "weekly_charts.h"

namespace caseboard::app {

// `partial`: the week is the unfinished current one, so its goal is the goal to date.
QString weekToolTipText(WeeklyChartsWidget::Chart chart, const metrics::WeekPoint& week, bool partial);

} // namespace caseboard::app
