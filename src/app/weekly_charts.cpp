#include "weekly_charts.h"

#include "app_style.h"
#include "chart_axes.h"
#include "chart_colors.h"
#include "display_format.h"
#include "week_chart_view.h"
#include "week_tooltip_text.h"

#include <QBarSet>
#include <QButtonGroup>
#include <QChart>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QStackedBarSeries>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>
#include <utility>

namespace caseboard::app {

namespace {

using metrics::WeekPoint;

bool isPartialWeek(const WeekPoint& week) { return daysBetween(week.weekStart, week.weekEnd) < 6; }

bool nothingToChart(const std::vector<WeekPoint>& series)
{
    return std::all_of(series.begin(), series.end(), [](const WeekPoint& w) {
        return w.counted == 0 && w.cancellation.counts.denominator() == 0 && w.activeClients == 0;
    });
}

QFont chartFont(const QWidget* widget, double scale = 1.0, int weight = QFont::Normal)
{
    QFont font = widget->font();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * scale);
    font.setWeight(static_cast<QFont::Weight>(weight));
    return font;
}

int index(WeeklyChartsWidget::Chart chart) { return static_cast<int>(chart); }

QString chartTitle(WeeklyChartsWidget::Chart chart)
{
    switch (chart) {
    case WeeklyChartsWidget::Chart::Sessions: return WeeklyChartsWidget::tr("Sessions vs goal");
    case WeeklyChartsWidget::Chart::Cancellations: return WeeklyChartsWidget::tr("Cancellation rate");
    case WeeklyChartsWidget::Chart::ActiveClients: return WeeklyChartsWidget::tr("Active clients");
    }
    return {};
}

void clearChart(QChart* chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

void styleChart(QChart* chart, const ChartColors& c, const QWidget* widget)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundBrush(c.background);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setBackgroundRoundness(0);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setMargins(QMargins(8, 2, 12, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setTitleBrush(c.text);
    chart->setTitleFont(chartFont(widget, 1.0, QFont::DemiBold));
    QLegend* legend = chart->legend();
    legend->setAlignment(Qt::AlignTop);
    legend->setMarkerShape(QLegend::MarkerShapeRectangle);
    legend->setLabelColor(c.text);
    legend->setFont(chartFont(widget, 0.95));
    legend->setBackgroundVisible(false);
}

void hideLegendMarkers(QChart* chart, QAbstractSeries* series)
{
    for (QLegendMarker* marker : chart->legend()->markers(series))
        marker->setVisible(false);
}

// A line's legend entry drawn as a short line, not a square.
void lineLegendMarkers(QChart* chart, QAbstractSeries* series)
{
    for (QLegendMarker* marker : chart->legend()->markers(series))
        marker->setShape(QLegend::MarkerShapeFromSeries);
}

} // namespace

WeeklyChartsWidget::WeeklyChartsWidget(QWidget* parent)
    : QWidget(parent),
      header_(new QWidget(this)),
      switchBar_(new QWidget(header_)),
      switchButtons_(new QButtonGroup(this)),
      caption_(new QLabel(header_)),
      pages_(new QStackedWidget(this)),
      chartsPage_(new QWidget(pages_)),
      emptyPage_(new QWidget(pages_)),
      emptyTitle_(new QLabel(emptyPage_)),
      emptyBody_(new QLabel(emptyPage_))
{
    setObjectName(QStringLiteral("WeeklyCharts"));

    auto* switchLayout = new QHBoxLayout(switchBar_);
    switchLayout->setContentsMargins(0, 0, 0, 0);
    switchLayout->setSpacing(0);
    for (int k = 0; k < kChartCount; ++k) {
        const auto chart = static_cast<Chart>(k);
        auto* button = new QPushButton(chartTitle(chart), switchBar_);
        button->setObjectName(QStringLiteral("ChartSwitchButton"));
        button->setProperty("segment", k == 0 ? QStringLiteral("first")
                                               : k == kChartCount - 1 ? QStringLiteral("last")
                                                                      : QStringLiteral("middle"));
        button->setCheckable(true);
        button->setChecked(chart == current_);
        button->setCursor(Qt::PointingHandCursor);
        switchButtons_->addButton(button, k);
        switchLayout->addWidget(button);
    }
    connect(switchButtons_, &QButtonGroup::idClicked, this,
            [this](int id) { setCurrentChart(static_cast<Chart>(id)); });

    caption_->setObjectName(QStringLiteral("MutedLabel"));

    auto* header = new QHBoxLayout(header_);
    header->setContentsMargins(12, 10, 12, 0);
    header->addWidget(switchBar_);
    header->addStretch(1);
    header->addWidget(caption_);

    auto* chartsRow = new QHBoxLayout(chartsPage_);
    chartsRow->setContentsMargins(0, 0, 0, 0);
    chartsRow->setSpacing(8);
    for (int k = 0; k < kChartCount; ++k) {
        auto* view = new WeekChartView(chartsPage_);
        view->setAccessibleName(chartTitle(static_cast<Chart>(k)));
        chartsRow->addWidget(view, 1);
        views_[static_cast<std::size_t>(k)] = view;
        QChart* chart = view->chart();
        connect(chart, &QChart::plotAreaChanged, this, [this, chart] { updateMonthLabels(chart); });
    }

    emptyTitle_->setObjectName(QStringLiteral("EmptyStateTitle"));
    emptyTitle_->setFont(chartFont(this, 1.2));
    emptyTitle_->setAlignment(Qt::AlignCenter);
    emptyBody_->setObjectName(QStringLiteral("EmptyStateBody"));
    emptyBody_->setAlignment(Qt::AlignCenter);
    emptyBody_->setWordWrap(true);
    emptyBody_->setText(tr("Sessions, cancellations and active clients are charted here once there are "
                           "appointments in the period."));
    auto* emptyLayout = new QVBoxLayout(emptyPage_);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(emptyTitle_);
    emptyLayout->addSpacing(6);
    emptyLayout->addWidget(emptyBody_);
    emptyLayout->addStretch(1);

    pages_->addWidget(chartsPage_);
    pages_->addWidget(emptyPage_);

    auto* layout = new QVBoxLayout(this);
    // Inset enough that the charts' square backgrounds stay inside the round corners.
    layout->setContentsMargins(4, 4, 4, 8);
    layout->setSpacing(4);
    layout->addWidget(header_);
    layout->addWidget(pages_, 1);

    setSeries({});
}

QChartView* WeeklyChartsWidget::chartView(Chart chart) const { return views_[static_cast<std::size_t>(index(chart))]; }

void WeeklyChartsWidget::setCurrentChart(Chart chart)
{
    if (switchButtons_->button(index(chart)))
        switchButtons_->button(index(chart))->setChecked(true);
    if (chart == current_)
        return;
    current_ = chart;
    updateLayoutMode();
    Q_EMIT currentChartChanged(chart);
}

bool WeeklyChartsWidget::isShowingEmptyState() const { return pages_->currentWidget() == emptyPage_; }

QString WeeklyChartsWidget::emptyStateText() const { return emptyTitle_->text(); }

QSize WeeklyChartsWidget::sizeHint() const { return {1000, 300}; }

QSize WeeklyChartsWidget::minimumSizeHint() const { return {480, 240}; }

void WeeklyChartsWidget::paintEvent(QPaintEvent* /*event*/)
{
    // A card like the dashboard's others: the surface with a hairline and round corners.
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(theme().border, 1.0));
    painter.setBrush(theme().surface);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), kCardRadius, kCardRadius);
}

void WeeklyChartsWidget::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updateLayoutMode();
}

void WeeklyChartsWidget::setSeries(const std::vector<metrics::WeekPoint>& series)
{
    series_ = series;
    applyTheme();
    rebuildCharts();
    updateLayoutMode();
}

void WeeklyChartsWidget::applyTheme()
{
    const Theme& t = theme();
    for (WeekChartView* view : views_)
        view->setBackgroundBrush(t.surface);

    const auto c = [](const QColor& color) { return color.name(QColor::HexRgb); };
    switchBar_->setStyleSheet(QStringLiteral(R"css(
QPushButton#ChartSwitchButton {
    border: 1px solid %1; border-left: none; background: %2; color: %3;
    padding: 4px 14px; border-radius: 0;
}
QPushButton#ChartSwitchButton[segment="first"] {
    border-left: 1px solid %1; border-top-left-radius: 6px; border-bottom-left-radius: 6px;
}
QPushButton#ChartSwitchButton[segment="last"] { border-top-right-radius: 6px; border-bottom-right-radius: 6px; }
QPushButton#ChartSwitchButton:hover { background: %4; }
QPushButton#ChartSwitchButton:checked { background: %5; color: %6; }
)css")
                                  .arg(c(t.border), c(t.surface), c(t.mutedText), c(t.hover), c(t.accentSoft),
                                       c(t.accentText)));
}

void WeeklyChartsWidget::updateLayoutMode()
{
    const bool empty = isShowingEmptyState();
    sideBySide_ = width() >= kSideBySideWidth;
    // Side by side there is nothing to switch, and the dashboard says the date already.
    header_->setVisible(!sideBySide_ && !empty);
    chartsPage_->layout()->setContentsMargins(0, sideBySide_ ? 10 : 0, 0, 0);
    for (int k = 0; k < kChartCount; ++k) {
        WeekChartView* view = views_[static_cast<std::size_t>(k)];
        view->setVisible(sideBySide_ || k == index(current_));
        // Side by side the switch is gone, so each chart names itself.
        view->chart()->setTitle(sideBySide_ ? chartTitle(static_cast<Chart>(k)) : QString());
    }
}

void WeeklyChartsWidget::rebuildCharts()
{
    const bool empty = nothingToChart(series_);
    const int weeks = series_.empty() ? 52 : static_cast<int>(series_.size());
    emptyTitle_->setText(tr("No appointments in these %n weeks", nullptr, weeks));
    caption_->setText(series_.empty()
                          ? QString()
                          : tr("%n weeks to %1", nullptr, weeks).arg(formatDayMedium(series_.back().weekEnd)));
    pages_->setCurrentWidget(empty ? emptyPage_ : chartsPage_);

    const ChartColors colors = chartColors();
    for (WeekChartView* view : views_) {
        clearChart(view->chart());
        styleChart(view->chart(), colors, this);
        view->setWeeks(0, {}, {});
        view->setOverlayColors(colors.hoverBand, colors.gapHatch);
    }
    if (empty)
        return;

    buildSessionsChart(sessionsChart()->chart());
    buildCancellationChart(cancellationChart()->chart());
    buildActiveClientsChart(activeClientsChart()->chart());

    std::vector<bool> gaps;
    for (const WeekPoint& week : series_)
        gaps.push_back(!week.cancellation.cancellation.has_value());
    for (int k = 0; k < kChartCount; ++k) {
        const auto chart = static_cast<Chart>(k);
        views_[static_cast<std::size_t>(k)]->setWeeks(weeks, chart == Chart::Cancellations ? gaps : std::vector<bool>{},
                                                      [this, chart](int week) { return toolTipText(chart, week); });
        updateMonthLabels(views_[static_cast<std::size_t>(k)]->chart());
    }
}

void WeeklyChartsWidget::updateMonthLabels(QChart* chart)
{
    if (!series_.empty())
        updateMonthAxis(chart, toQDate(series_.front().weekStart), static_cast<int>(series_.size()));
}

void WeeklyChartsWidget::buildSessionsChart(QChart* chart)
{
    const ChartColors c = chartColors();
    const int weeks = static_cast<int>(series_.size());
    const bool partial = isPartialWeek(series_.back());

    auto* counted = new QBarSet(tr("Counted"));
    auto* toDate = new QBarSet(tr("Week to date"));
    auto* goal = new QLineSeries;
    auto* goalToDate = new QLineSeries;
    double top = 0.0;
    for (int k = 0; k < weeks; ++k) {
        const WeekPoint& week = series_[static_cast<std::size_t>(k)];
        const bool current = partial && k == weeks - 1;
        counted->append(current ? 0.0 : static_cast<double>(week.counted));
        toDate->append(current ? static_cast<double>(week.counted) : 0.0);
        // A step line: the goal holds across the whole week.
        QLineSeries* line = current ? goalToDate : goal;
        line->append(k - 0.5, week.goal);
        line->append(k + 0.5, week.goal);
        top = std::max({top, static_cast<double>(week.counted), week.goal});
    }
    counted->setColor(c.counted);
    counted->setPen(Qt::NoPen);
    toDate->setColor(c.countedToDate);
    toDate->setPen(Qt::NoPen);

    auto* bars = new QStackedBarSeries;
    bars->setBarWidth(0.72);
    bars->append(counted);
    if (partial)
        bars->append(toDate);
    else
        delete toDate;

    goal->setName(tr("Goal"));
    QPen goalPen(c.goal, 2.5);
    goalPen.setJoinStyle(Qt::MiterJoin);
    goalPen.setCapStyle(Qt::FlatCap);
    goal->setPen(goalPen);
    goalPen.setStyle(Qt::DashLine);
    goalToDate->setName(tr("Goal to date"));
    goalToDate->setPen(goalPen);

    chart->addSeries(bars);
    chart->addSeries(goal);
    lineLegendMarkers(chart, goal);
    if (partial) {
        chart->addSeries(goalToDate);
        hideLegendMarkers(chart, goalToDate);
    } else {
        delete goalToDate;
    }
    const QFont font = chartFont(this, 0.95);
    addAxes(chart, valueAxis(niceTicks(0.0, std::max(top, 1.0), true), countLabel, c, font), c, font);
}

void WeeklyChartsWidget::buildCancellationChart(QChart* chart)
{
    const ChartColors c = chartColors();
    auto* cancelled = new QBarSet(tr("Cancelled"));
    auto* lateCancel = new QBarSet(tr("Late cancel"));
    auto* noShow = new QBarSet(tr("No-show"));
    double top = 0.0;
    for (const WeekPoint& week : series_) {
        const metrics::CancellationCounts& counts = week.cancellation.counts;
        // A week without appointments has no rate: its bar stays empty and the view hatches it.
        const double denominator = static_cast<double>(std::max<std::int64_t>(counts.denominator(), 1));
        cancelled->append(100.0 * static_cast<double>(counts.cancelled) / denominator);
        lateCancel->append(100.0 * static_cast<double>(counts.lateCancel) / denominator);
        noShow->append(100.0 * static_cast<double>(counts.noShow) / denominator);
        top = std::max(top, 100.0 * week.cancellation.cancellation.value_or(0.0));
    }
    const std::array<std::pair<QBarSet*, QColor>, 3> sets{
        {{cancelled, c.cancelled}, {lateCancel, c.lateCancel}, {noShow, c.noShow}}};
    auto* bars = new QStackedBarSeries;
    bars->setBarWidth(0.72);
    for (const auto& [set, color] : sets) {
        set->setColor(color);
        // A hairline in the background colour keeps stacked kinds apart without hue alone.
        set->setPen(QPen(c.background, 1.0));
        bars->append(set);
    }
    chart->addSeries(bars);

    const Ticks ticks = niceTicks(0.0, std::max(top, 5.0), false);
    const int decimals = decimalsFor(ticks.step);
    const QFont font = chartFont(this, 0.95);
    // Returns a QString, not the QStringBuilder `+` makes, which would outlive its parts.
    const auto percentLabel = [decimals](double v) -> QString {
        return QLocale().toString(v, 'f', decimals) + QLatin1Char('%');
    };
    addAxes(chart, valueAxis(ticks, percentLabel, c, font), c, font);
}

void WeeklyChartsWidget::buildActiveClientsChart(QChart* chart)
{
    const ChartColors c = chartColors();
    auto* line = new QLineSeries;
    line->setName(tr("Active clients at week end"));
    QPen pen(c.activeClients, 2.5);
    pen.setJoinStyle(Qt::RoundJoin);
    line->setPen(pen);
    double low = std::numeric_limits<double>::max();
    double high = 0.0;
    for (std::size_t k = 0; k < series_.size(); ++k) {
        const auto value = static_cast<double>(series_[k].activeClients);
        line->append(static_cast<double>(k), value);
        low = std::min(low, value);
        high = std::max(high, value);
    }
    chart->addSeries(line);
    // A legend like the other charts' keeps the plots level, side by side or switched.
    lineLegendMarkers(chart, line);

    // A line needs no zero baseline; the axis hugs the data so changes show, unless the
    // data reach down near zero anyway.
    const double padding = std::max((high - low) * 0.15, 1.0);
    low = low - padding < high * 0.35 ? 0.0 : low - padding;
    const QFont font = chartFont(this, 0.95);
    addAxes(chart, valueAxis(niceTicks(low, high + padding, true), countLabel, c, font), c, font);
}

QString WeeklyChartsWidget::toolTipText(Chart chart, int week) const
{
    if (week < 0 || week >= static_cast<int>(series_.size()))
        return {};
    const WeekPoint& point = series_[static_cast<std::size_t>(week)];
    return weekToolTipText(chart, point, isPartialWeek(point) && week + 1 == static_cast<int>(series_.size()));
}

} // namespace caseboard::app
