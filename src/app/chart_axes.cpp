#include "chart_axes.h"

#include "chart_colors.h"

#include <QCategoryAxis>
#include <QChart>
#include <QDate>
#include <QFontMetricsF>
#include <QLocale>
#include <QPen>

#include <algorithm>
#include <cmath>

namespace caseboard::app {

namespace {

// niceTicks in about `intervals` steps.
Ticks niceTicksIn(double low, double high, int intervals, bool wholeSteps)
{
    if (!(high > low))
        high = low + 1.0;
    const double raw = (high - low) / intervals;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10.0 * magnitude;
    for (const double factor : {1.0, 2.0, 2.5, 5.0}) {
        const double candidate = factor * magnitude;
        if (candidate >= raw * (1.0 - 1e-9) && (!wholeSteps || candidate == std::floor(candidate))) {
            step = candidate;
            break;
        }
    }
    if (wholeSteps)
        step = std::max(step, 1.0);
    Ticks ticks;
    ticks.step = step;
    ticks.min = std::floor(low / step + 1e-9) * step;
    ticks.max = std::max(std::ceil(high / step - 1e-9) * step, ticks.min + step);
    return ticks;
}

void styleAxis(QAbstractAxis* axis, const ChartColors& c, const QFont& font)
{
    axis->setLabelsFont(font);
    axis->setLabelsColor(c.muted);
    axis->setLinePen(QPen(c.grid, 1.0));
    axis->setGridLinePen(QPen(c.grid, 1.0));
    axis->setMinorGridLineVisible(false);
    axis->setShadesVisible(false);
    axis->setTitleVisible(false);
}

// Week k is drawn at x = k, its days spread over [k - 0.5, k + 0.5).
double dayPosition(const QDate& firstWeekStart, const QDate& day) { return firstWeekStart.daysTo(day) / 7.0 - 0.5; }

// How the month axis is labelled: every `step`th month (always January), January with
// its year when that fits.
struct MonthLabels {
    int step = 1;
    bool yearOnJanuary = true;
};

// Month starts labelled "Feb", "Mar", …, "Jan 2026".
void fillMonthAxis(QCategoryAxis* axis, const QDate& firstWeekStart, int weeks, MonthLabels labels)
{
    for (const QString& label : axis->categoriesLabels())
        axis->remove(label);
    const double end = weeks - 0.5;
    axis->setStartValue(-0.5);
    QDate month = QDate(firstWeekStart.year(), firstWeekStart.month(), 1).addMonths(1);
    for (; dayPosition(firstWeekStart, month) <= end; month = month.addMonths(1)) {
        // A label right at the left edge would crowd the y axis labels.
        if ((month.month() - 1) % labels.step != 0 || firstWeekStart.daysTo(month) < 7)
            continue;
        QString label = QLocale().toString(month, QStringLiteral("MMM"));
        // Category labels must differ: a second "Dec" (series over a year) takes its year.
        if ((month.month() == 1 && labels.yearOnJanuary) || axis->categoriesLabels().contains(label))
            label = QLocale().toString(month, QStringLiteral("MMM yyyy"));
        axis->append(label, dayPosition(firstWeekStart, month));
    }
    axis->setRange(-0.5, end);
}

// Qt elides a category label to the width of its category (from the previous label), so
// the labels thin out until they fit: every month, or every second, third or sixth.
MonthLabels monthLabelsFor(const QFont& font, double plotWidth, int weeks)
{
    const QFontMetricsF metrics(font);
    const double gap = metrics.averageCharWidth() * 2;
    const double shortLabel = metrics.horizontalAdvance(QStringLiteral("May")) + gap;
    const double longLabel = metrics.horizontalAdvance(QStringLiteral("Jan 2026")) + gap;
    const double monthWidth = plotWidth / std::max(weeks, 1) * (365.25 / 12.0 / 7.0);
    for (const int step : {1, 2, 3, 6})
        if (monthWidth * step >= shortLabel || step == 6)
            return {step, monthWidth * step >= longLabel};
    return {};
}

QCategoryAxis* monthAxisOf(QChart* chart)
{
    const QList<QAbstractAxis*> axes = chart->axes(Qt::Horizontal);
    return axes.isEmpty() ? nullptr : qobject_cast<QCategoryAxis*>(axes.first());
}

} // namespace

Ticks niceTicks(double low, double high, bool wholeSteps)
{
    const Ticks four = niceTicksIn(low, high, 4, wholeSteps);
    const Ticks five = niceTicksIn(low, high, 5, wholeSteps);
    return five.max - five.min < four.max - four.min ? five : four;
}

int decimalsFor(double step)
{
    if (step >= 1.0)
        return 0;
    return std::abs(step * 10.0 - std::round(step * 10.0)) < 1e-9 ? 1 : 2;
}

QString countLabel(double value) { return QLocale().toString(value, 'f', 0); }

QCategoryAxis* valueAxis(const Ticks& ticks, const std::function<QString(double)>& label, const ChartColors& c,
                         const QFont& font)
{
    auto* axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setStartValue(ticks.min - ticks.step);
    const int steps = static_cast<int>(std::lround((ticks.max - ticks.min) / ticks.step));
    for (int k = 0; k <= steps; ++k) {
        const double value = ticks.min + k * ticks.step;
        axis->append(label(value), value);
    }
    axis->setRange(ticks.min, ticks.max);
    styleAxis(axis, c, font);
    axis->setLineVisible(false);
    return axis;
}

void addAxes(QChart* chart, QCategoryAxis* values, const ChartColors& c, const QFont& font)
{
    auto* months = new QCategoryAxis;
    months->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    styleAxis(months, c, font);
    months->setGridLineVisible(false);
    chart->addAxis(months, Qt::AlignBottom);
    chart->addAxis(values, Qt::AlignLeft);
    for (QAbstractSeries* series : chart->series()) {
        series->attachAxis(months);
        series->attachAxis(values);
    }
}

void updateMonthAxis(QChart* chart, const QDate& firstWeekStart, int weeks)
{
    QCategoryAxis* axis = monthAxisOf(chart);
    if (!axis)
        return;
    const MonthLabels labels = monthLabelsFor(axis->labelsFont(), chart->plotArea().width(), weeks);
    // Relabelling moves the plot area, which calls this again: stop once settled.
    const QVariant key = labels.step * 2 + (labels.yearOnJanuary ? 1 : 0);
    if (axis->property("monthLabels") == key)
        return;
    axis->setProperty("monthLabels", key);
    fillMonthAxis(axis, firstWeekStart, weeks, labels);
}

} // namespace caseboard::app
