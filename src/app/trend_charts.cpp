#include "trend_charts.h"

#include "chart_axes.h"
#include "chart_colors.h"
#include "display_format.h"
#include "trends_format.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QCoreApplication>
#include <QDate>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QStackedBarSeries>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>

namespace caseboard::app {

namespace {

using metrics::Scope;
using metrics::TrendMetric;
using metrics::TrendUnit;

QString tr(const char* text) { return QCoreApplication::translate("caseboard::app::TrendCharts", text); }

// Okabe–Ito hues for groups side by side: they stay apart with the common colour-vision
// deficiencies. Past eight groups the hues repeat (a practice rarely has more).
QColor groupColor(std::size_t index, const ChartColors& c)
{
    if (index == 0)
        return c.counted; // the theme's blue: lighter on a dark background
    static const std::array<QColor, 8> kHues{QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00),
                                             QColor(0x00, 0x9E, 0x73), QColor(0xD5, 0x5E, 0x00),
                                             QColor(0x56, 0xB4, 0xE9), QColor(0xCC, 0x79, 0xA7),
                                             QColor(0x99, 0x99, 0x99), QColor(0xF0, 0xE4, 0x42)};
    return kHues[index % kHues.size()];
}

void clearChart(QChart* chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

void styleChart(QChart* chart, const ChartColors& c, const QFont& font)
{
    clearChart(chart);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundBrush(c.background);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setBackgroundRoundness(0);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setMargins(QMargins(8, 2, 12, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setTitleBrush(c.text);
    QFont title = font;
    title.setWeight(QFont::DemiBold);
    chart->setTitleFont(title);
    QLegend* legend = chart->legend();
    legend->setVisible(true);
    legend->setAlignment(Qt::AlignTop);
    legend->setMarkerShape(QLegend::MarkerShapeRectangle);
    legend->setLabelColor(c.text);
    legend->setFont(font);
    legend->setBackgroundVisible(false);
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

// What the chart draws for a value: rates in percent.
double plotted(TrendMetric metric, const std::optional<double>& value)
{
    if (!value)
        return 0.0;
    return metrics::trendMetricUnit(metric) == TrendUnit::Rate ? *value * 100.0 : *value;
}

// Tick labels in the metric's unit; money compact ("$250k", "$1.5M") to fit beside the plot.
std::function<QString(double)> tickLabel(TrendMetric metric, double step)
{
    switch (metrics::trendMetricUnit(metric)) {
    case TrendUnit::Rate: {
        const int decimals = decimalsFor(step);
        return [decimals](double v) -> QString { return QLocale().toString(v, 'f', decimals) + QLatin1Char('%'); };
    }
    case TrendUnit::Dollars:
        return [](double v) -> QString {
            if (std::fabs(v) >= 1e6)
                return QStringLiteral("$") + QLocale().toString(v / 1e6, 'g', 3) + QLatin1Char('M');
            if (std::fabs(v) >= 1e3)
                return QStringLiteral("$") + QLocale().toString(v / 1e3, 'g', 3) + QLatin1Char('k');
            return QStringLiteral("$") + QLocale().toString(v, 'f', 0);
        };
    case TrendUnit::Average: {
        const int decimals = decimalsFor(step);
        return [decimals](double v) -> QString { return QLocale().toString(v, 'f', decimals); };
    }
    case TrendUnit::Count: break;
    }
    return countLabel;
}

QCategoryAxis* valuesFor(TrendMetric metric, double top, const ChartColors& c, const QFont& font)
{
    const bool whole = metrics::trendMetricUnit(metric) == TrendUnit::Count;
    const Ticks ticks = niceTicks(0.0, std::max(top, whole ? 1.0 : 0.5), whole);
    return valueAxis(ticks, tickLabel(metric, ticks.step), c, font);
}

void attach(QChart* chart, QAbstractAxis* x, QAbstractAxis* y)
{
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
}

QLineSeries* line(const QString& name, const QColor& color, Qt::PenStyle style, double width = 2.5)
{
    auto* series = new QLineSeries;
    series->setName(name);
    QPen pen(color, width);
    pen.setStyle(style);
    pen.setJoinStyle(Qt::RoundJoin);
    series->setPen(pen);
    series->setPointsVisible(true);
    return series;
}

void lineLegendMarkers(QChart* chart)
{
    for (QLegendMarker* marker : chart->legend()->markers())
        if (marker->series()->type() == QAbstractSeries::SeriesTypeLine)
            marker->setShape(QLegend::MarkerShapeFromSeries);
}

QString monthName(int month) { return QLocale().monthName(month, QLocale::ShortFormat); }

// Past four groups the names no longer fit in a row above the plot: a column beside it.
void sideLegendForMany(QChart* chart, std::size_t groups)
{
    if (groups > 4)
        chart->legend()->setAlignment(Qt::AlignRight);
}

// The groups a chart draws: all of them up to kMaxChartedGroups, else the largest by
// counted sessions in the year to date (the table has them all). Eight is as many hues
// as the palette keeps apart, and as many bars as a year's slot has room for.
constexpr std::size_t kMaxChartedGroups = 8;

std::vector<std::size_t> chartedGroups(const metrics::YearOverYear& trends, Scope::Kind groupBy)
{
    const auto& groups = trends.groups(groupBy);
    std::vector<std::size_t> indexes(groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g)
        indexes[g] = g;
    if (indexes.size() <= kMaxChartedGroups)
        return indexes;
    std::stable_sort(indexes.begin(), indexes.end(), [&](std::size_t a, std::size_t b) {
        return groups[a].periods.back().countedSessions > groups[b].periods.back().countedSessions;
    });
    indexes.resize(kMaxChartedGroups);
    std::sort(indexes.begin(), indexes.end());
    return indexes;
}

QString largestNote(const metrics::YearOverYear& trends, Scope::Kind groupBy)
{
    return trends.groups(groupBy).size() > kMaxChartedGroups
        ? tr(" (top %1 by sessions)").arg(kMaxChartedGroups)
        : QString();
}

} // namespace

TrendMetric monthChartMetric(TrendMetric metric)
{
    return metrics::hasMonthlyValue(metric) ? metric : TrendMetric::CountedSessions;
}

void buildYearBarChart(QChart* chart, const metrics::YearOverYear& trends, Scope::Kind groupBy, TrendMetric metric,
                       const QFont& font, const ChartColors& c)
{
    styleChart(chart, c, font);
    chart->setTitle(tr("%1 by year").arg(trendMetricTitle(metric)));
    // Short names below the bars, the year-to-date ones on two lines ("2025" over "YTD"):
    // axis labels are rich text, and one line is wider than a bar group at 1280 pixels.
    QStringList categories;
    for (const metrics::YearPeriod& p : trends.periods)
        categories << (p.kind == metrics::YearPeriod::Kind::CalendarYear
                           ? periodTitle(p)
                           : tr("%1<br>YTD").arg(p.year) + (p.partialHistory ? QStringLiteral("*") : QString()));
    double top = 0.0;

    if (groupBy == Scope::Kind::Practice) {
        // One bar per column; the year to date and the same days last year in their own
        // colours, so the like-for-like pair stands out from the full years.
        auto* years = new QBarSet(tr("Calendar year"));
        auto* lastYear = new QBarSet(tr("Same days last year"));
        auto* toDate = new QBarSet(tr("Year to date"));
        for (std::size_t p = 0; p < trends.periods.size(); ++p) {
            const double v = plotted(metric, metrics::trendValue(trends.practice.periods[p], metric));
            const auto kind = trends.periods[p].kind;
            years->append(kind == metrics::YearPeriod::Kind::CalendarYear ? v : 0.0);
            lastYear->append(kind == metrics::YearPeriod::Kind::SameDaysLastYear ? v : 0.0);
            toDate->append(kind == metrics::YearPeriod::Kind::YearToDate ? v : 0.0);
            top = std::max(top, v);
        }
        years->setColor(c.counted);
        lastYear->setColor(c.countedToDate);
        toDate->setColor(c.goal);
        auto* bars = new QStackedBarSeries;
        bars->setBarWidth(0.6);
        for (QBarSet* set : {years, lastYear, toDate}) {
            set->setPen(Qt::NoPen);
            bars->append(set);
        }
        chart->addSeries(bars);
    } else {
        chart->setTitle(chart->title() + largestNote(trends, groupBy));
        auto* bars = new QBarSeries;
        bars->setBarWidth(0.8);
        const auto& groups = trends.groups(groupBy);
        const std::vector<std::size_t> charted = chartedGroups(trends, groupBy);
        for (std::size_t k = 0; k < charted.size(); ++k) {
            const std::size_t g = charted[k];
            auto* set = new QBarSet(groupTitle(groups[g].scope));
            for (const metrics::PeriodFigures& f : groups[g].periods) {
                const double v = plotted(metric, metrics::trendValue(f, metric));
                set->append(v);
                top = std::max(top, v);
            }
            set->setColor(groupColor(k, c));
            set->setPen(QPen(c.background, 1.0));
            bars->append(set);
        }
        chart->addSeries(bars);
        sideLegendForMany(chart, bars->count());
    }
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    styleAxis(x, c, font);
    x->setGridLineVisible(false);
    attach(chart, x, valuesFor(metric, top, c, font));
}

void buildMonthLineChart(QChart* chart, const metrics::YearOverYear& trends, Scope::Kind groupBy, TrendMetric metric,
                         const QFont& font, const ChartColors& c)
{
    styleChart(chart, c, font);
    metric = monthChartMetric(metric);
    const int thisYear = static_cast<int>(std::chrono::year_month_day{trends.asOf}.year());
    double top = 0.0;
    // Months after T have no value; a rate of a month without appointments is left out.
    const auto fill = [&](QLineSeries* series, const metrics::ScopeTrends& scope, int year) {
        for (const metrics::MonthFigures& m : scope.months) {
            if (m.year != year)
                continue;
            const std::optional<double> value = metrics::trendValue(m, metric);
            if (!value)
                continue;
            const double v = plotted(metric, value);
            series->append(static_cast<double>(m.month) - 1.0, v);
            top = std::max(top, v);
        }
        chart->addSeries(series);
    };
    if (groupBy == Scope::Kind::Practice) {
        chart->setTitle(tr("%1 by month, %2 against %3").arg(trendMetricTitle(metric)).arg(thisYear).arg(thisYear - 1));
        fill(line(QString::number(thisYear - 1), c.muted, Qt::DashLine, 2.0), trends.practice, thisYear - 1);
        // The as-of month is cut at T: the name says so, lest its dip read as a fall.
        fill(line(tr("%1 (to %2)").arg(thisYear).arg(QLocale().toString(toQDate(trends.asOf), QStringLiteral("MMM d"))),
                  c.counted, Qt::SolidLine),
             trends.practice, thisYear);
    } else {
        chart->setTitle(tr("%1 by month in %2").arg(trendMetricTitle(metric)).arg(thisYear)
                        + largestNote(trends, groupBy));
        const auto& groups = trends.groups(groupBy);
        const std::vector<std::size_t> charted = chartedGroups(trends, groupBy);
        for (std::size_t k = 0; k < charted.size(); ++k)
            fill(line(groupTitle(groups[charted[k]].scope), groupColor(k, c), Qt::SolidLine, 2.0), groups[charted[k]],
                 thisYear);
        sideLegendForMany(chart, charted.size());
    }
    lineLegendMarkers(chart);

    auto* x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    // With the legend beside the plot, every other month: twelve names would be elided.
    const int step = chart->legend()->alignment() == Qt::AlignRight ? 2 : 1;
    for (int month = 1; month <= 12; month += step)
        x->append(monthName(month), month - 1);
    x->setRange(-0.5, 11.5);
    styleAxis(x, c, font);
    x->setGridLineVisible(false);
    attach(chart, x, valuesFor(metric, top, c, font));
}

void buildIntakeMonthChart(QChart* chart, const metrics::ScopeTrends& scope, const QFont& font,
                           const ChartColors& c)
{
    styleChart(chart, c, font);
    chart->setTitle(tr("Intakes per month against the 12 months before and the same month last year"));
    const auto months = metrics::compareIntakeMonths(scope.intakeMonths, 13);
    auto* intakes = new QBarSet(tr("Intakes"));
    auto* average = line(tr("Average of the previous 12 months"), c.goal, Qt::SolidLine);
    auto* lastYear = line(tr("Same month last year"), c.muted, Qt::DashLine, 2.0);
    QStringList categories;
    double top = 0.0;
    for (std::size_t i = 0; i < months.size(); ++i) {
        const metrics::IntakeMonthComparison& m = months[i];
        const auto x = static_cast<double>(i);
        intakes->append(static_cast<double>(m.intakes));
        top = std::max(top, static_cast<double>(m.intakes));
        if (m.previous12Average) {
            average->append(x, *m.previous12Average);
            top = std::max(top, *m.previous12Average);
        }
        if (m.sameMonthLastYear) {
            lastYear->append(x, static_cast<double>(*m.sameMonthLastYear));
            top = std::max(top, static_cast<double>(*m.sameMonthLastYear));
        }
        // Categories must differ: the first and the last month share a name, so January and
        // the first month carry their year.
        QString label = monthName(static_cast<int>(m.month));
        if (m.month == 1 || i == 0 || i + 1 == months.size())
            label += QStringLiteral(" ") + QString::number(m.year).right(2).prepend(QLatin1Char('\''));
        categories << label;
    }
    intakes->setColor(c.counted);
    intakes->setPen(Qt::NoPen);
    auto* bars = new QBarSeries;
    bars->setBarWidth(0.6);
    bars->append(intakes);
    chart->addSeries(bars);
    chart->addSeries(average);
    chart->addSeries(lastYear);
    lineLegendMarkers(chart);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    styleAxis(x, c, font);
    x->setGridLineVisible(false);
    attach(chart, x, valuesFor(TrendMetric::Intakes, top, c, font));
}

} // namespace caseboard::app
