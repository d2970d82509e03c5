#include "weekly_charts.h"

#include "app_style.h"
#include "display_format.h"
#include "week_chart_view.h"

#include <QBarSet>
#include <QButtonGroup>
#include <QCategoryAxis>
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
#include <cmath>
#include <functional>
#include <limits>
#include <utility>

namespace caseboard::app {

namespace {

using metrics::WeekPoint;

QColor mix(const QColor& from, const QColor& to, double amount)
{
    return QColor::fromRgbF(static_cast<float>(from.redF() + (to.redF() - from.redF()) * amount),
                            static_cast<float>(from.greenF() + (to.greenF() - from.greenF()) * amount),
                            static_cast<float>(from.blueF() + (to.blueF() - from.blueF()) * amount));
}

// Okabe–Ito hues, which stay apart with the common colour-vision deficiencies; the rest
// follows the app theme so the charts sit on the dashboard like its cards.
struct ChartColors {
    QColor background, text, muted, grid;
    QColor counted, countedToDate, goal;
    QColor cancelled, lateCancel, noShow;
    QColor activeClients;
    QColor hoverBand, gapHatch;
};

ChartColors chartColors()
{
    const Theme& t = theme();
    ChartColors c;
    c.background = t.surface;
    c.text = t.text;
    c.muted = t.mutedText;
    c.grid = t.border;
    c.counted = t.dark ? QColor(0x3D, 0x9B, 0xD9) : QColor(0x00, 0x72, 0xB2); // blue
    // The unfinished week: the same hue, faded, so it reads as "not done yet".
    c.countedToDate = mix(c.counted, t.surface, t.dark ? 0.3 : 0.55);
    c.goal = QColor(0xE6, 0x9F, 0x00);       // orange
    c.cancelled = QColor(0x56, 0xB4, 0xE9);  // sky blue
    c.lateCancel = QColor(0xE6, 0x9F, 0x00); // orange
    c.noShow = QColor(0xD5, 0x5E, 0x00);     // vermillion
    c.activeClients = t.dark ? QColor(0x2E, 0xC4, 0x9A) : QColor(0x00, 0x9E, 0x73); // bluish green
    c.hoverBand = t.text;
    c.hoverBand.setAlphaF(t.dark ? 0.10f : 0.07f);
    c.gapHatch = t.mutedText;
    c.gapHatch.setAlphaF(0.45f);
    return c;
}

bool isPartialWeek(const WeekPoint& week) { return daysBetween(week.weekStart, week.weekEnd) < 6; }

bool nothingToChart(const std::vector<WeekPoint>& series)
{
    return std::all_of(series.begin(), series.end(), [](const WeekPoint& w) {
        return w.counted == 0 && w.cancellation.counts.denominator() == 0 && w.activeClients == 0;
    });
}

// ---- Axes -------------------------------------------------------------------------

struct Ticks {
    double min = 0.0;
    double max = 1.0;
    double step = 1.0;
};

// Round ticks (1, 2, 2.5 or 5 times a power of ten) covering [low, high] in about
// `intervals` steps; whole steps only for counts.
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

// Four or five intervals, whichever wastes less room above the data.
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

QFont chartFont(const QWidget* widget, double scale = 1.0, int weight = QFont::Normal)
{
    QFont font = widget->font();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * scale);
    font.setWeight(static_cast<QFont::Weight>(weight));
    return font;
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

// A value axis as categories so every label is ours: locale digits, "%" where it belongs.
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

QString countLabel(double value) { return QLocale().toString(value, 'f', 0); }

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

// ---- Tooltip text -----------------------------------------------------------------

QString dayText(const QDate& date, bool withYear)
{
    return QLocale().toString(date, withYear ? QStringLiteral("MMM d, yyyy") : QStringLiteral("MMM d"));
}

// "Nov 17 – Nov 23, 2026"; the year on both ends only when they differ.
QString weekRangeText(const WeekPoint& week)
{
    const QDate start = toQDate(week.weekStart);
    const QDate end = toQDate(week.weekEnd);
    if (start == end)
        return dayText(end, true);
    return dayText(start, start.year() != end.year()) + QStringLiteral(" \u2013 ") + dayText(end, true);
}

QString percentText(double fraction, int decimals = 1)
{
    return QLocale().toString(fraction * 100.0, 'f', decimals) + QLatin1Char('%');
}

QString swatch(const QColor& color)
{
    return QStringLiteral("<span style=\"color:%1\">\u25A0</span> ").arg(color.name());
}

QString rateLine(const QString& label, const QColor& color, std::int64_t count, std::int64_t denominator)
{
    return QStringLiteral("<br>") + swatch(color) + label + QStringLiteral(": ")
        + percentText(static_cast<double>(count) / static_cast<double>(denominator)) + QStringLiteral(" (")
        + formatCount(count) + QStringLiteral(")");
}

} // namespace

// ---- The widget ---------------------------------------------------------------------

namespace {

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

namespace {

// Attaches the shared axes: months along the bottom, `values` on the left.
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

QCategoryAxis* monthAxisOf(QChart* chart)
{
    const QList<QAbstractAxis*> axes = chart->axes(Qt::Horizontal);
    return axes.isEmpty() ? nullptr : qobject_cast<QCategoryAxis*>(axes.first());
}

} // namespace

void WeeklyChartsWidget::updateMonthLabels(QChart* chart)
{
    QCategoryAxis* axis = monthAxisOf(chart);
    if (!axis || series_.empty())
        return;
    const int weeks = static_cast<int>(series_.size());
    const MonthLabels labels = monthLabelsFor(axis->labelsFont(), chart->plotArea().width(), weeks);
    // Relabelling moves the plot area, which calls this again: stop once settled.
    const QVariant key = labels.step * 2 + (labels.yearOnJanuary ? 1 : 0);
    if (axis->property("monthLabels") == key)
        return;
    axis->setProperty("monthLabels", key);
    fillMonthAxis(axis, toQDate(series_.front().weekStart), weeks, labels);
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
    const ChartColors c = chartColors();
    const WeekPoint& point = series_[static_cast<std::size_t>(week)];
    const bool partial = isPartialWeek(point) && week + 1 == static_cast<int>(series_.size());
    QString text = QStringLiteral("<b>") + weekRangeText(point) + QStringLiteral("</b>");
    if (partial)
        text += QStringLiteral(" (") + tr("week to date") + QLatin1Char(')');

    switch (chart) {
    case Chart::Sessions: {
        const QString counted = formatCount(point.counted);
        const QString goal = QLocale().toString(point.goal, 'f', 1);
        text += QStringLiteral("<br>") + swatch(partial ? c.countedToDate : c.counted);
        const QString share = percentText(static_cast<double>(point.counted) / point.goal, 0);
        if (point.goal > 0.0 && partial)
            text += tr("Counted %1 of goal to date %2 (%3)").arg(counted, goal, share);
        else if (point.goal > 0.0)
            text += tr("Counted %1 of goal %2 (%3)").arg(counted, goal, share);
        else
            text += tr("Counted %1 (no goal set)").arg(counted);
        break;
    }
    case Chart::Cancellations: {
        const metrics::CancellationCounts& counts = point.cancellation.counts;
        if (!point.cancellation.cancellation) {
            text += QStringLiteral("<br>") + tr("No past appointments: no rate");
            break;
        }
        text += QStringLiteral("<br>")
            + tr("Cancellation rate %1 (%2 of %3)")
                  .arg(percentText(*point.cancellation.cancellation), formatCount(counts.cancellations()),
                       formatCount(counts.denominator()));
        text += rateLine(tr("Cancelled"), c.cancelled, counts.cancelled, counts.denominator());
        text += rateLine(tr("Late cancel"), c.lateCancel, counts.lateCancel, counts.denominator());
        text += rateLine(tr("No-show"), c.noShow, counts.noShow, counts.denominator());
        break;
    }
    case Chart::ActiveClients:
        text += QStringLiteral("<br>")
            + tr("Active clients on %1: %2")
                  .arg(dayText(toQDate(point.weekEnd), true), formatCount(point.activeClients));
        break;
    }
    return text;
}

} // namespace caseboard::app
