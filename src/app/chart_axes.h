#pragma once
// The axes of the weekly charts: values on round ticks with locale labels on the left,
// months along the bottom, labelled as densely as the plot's width allows. Week k is
// drawn at x = k.

#include <QString>

#include <functional>

class QCategoryAxis;
class QChart;
class QDate;
class QFont;

namespace caseboard::app {

struct ChartColors;

struct Ticks {
    double min = 0.0;
    double max = 1.0;
    double step = 1.0;
};

// Round ticks (1, 2, 2.5 or 5 times a power of ten) covering [low, high] in four or five
// steps, whichever wastes less room above the data; whole steps only for counts.
Ticks niceTicks(double low, double high, bool wholeSteps);
// The decimals a tick label needs for `step`.
int decimalsFor(double step);

QString countLabel(double value);
// A value axis as categories so every label is ours: locale digits, "%" where it belongs.
QCategoryAxis* valueAxis(const Ticks& ticks, const std::function<QString(double)>& label, const ChartColors& c,
                         const QFont& font);

// Attaches the shared axes to every series of `chart`: months along the bottom (empty
// until updateMonthAxis), `values` on the left.
void addAxes(QChart* chart, QCategoryAxis* values, const ChartColors& c, const QFont& font);
// Labels the month axis for the plot's current width; call again when it changes.
void updateMonthAxis(QChart* chart, const QDate& firstWeekStart, int weeks);

} // namespace caseboard::app
