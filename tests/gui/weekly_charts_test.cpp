// The dashboard's weekly charts on the small demo practice: each chart carries the 52
// weekly values of the series it was given, weeks without a rate are gaps, hovering
// tells the exact values, an empty series says so, and the layout switches from one
// chart at a time to three side by side. Saves screenshots in light and dark.

#include "gui_test_support.h"

#include "week_chart_view.h"
#include "weekly_charts.h"

#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/metrics/weekly_series.h"

#include <QAbstractButton>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QToolTip>

using namespace caseboard;
using namespace caseboard::app;

namespace {

using Chart = WeeklyChartsWidget::Chart;

QStackedBarSeries* barsOf(QChartView* view)
{
    for (QAbstractSeries* series : view->chart()->series())
        if (auto* bars = qobject_cast<QStackedBarSeries*>(series))
            return bars;
    return nullptr;
}

QList<QLineSeries*> linesOf(QChartView* view)
{
    QList<QLineSeries*> lines;
    for (QAbstractSeries* series : view->chart()->series())
        if (auto* line = qobject_cast<QLineSeries*>(series))
            lines.append(line);
    return lines;
}

QBarSet* setNamed(QStackedBarSeries* bars, const QString& label)
{
    for (QBarSet* set : bars->barSets())
        if (set->label() == label)
            return set;
    return nullptr;
}

QStringList monthLabels(QChartView* view)
{
    const auto axes = view->chart()->axes(Qt::Horizontal);
    auto* axis = axes.isEmpty() ? nullptr : qobject_cast<QCategoryAxis*>(axes.first());
    return axis ? axis->categoriesLabels() : QStringList();
}

// Makes applyAppStyle see a light or dark system palette, as on a desktop in that mode.
void useTheme(bool dark)
{
    QPalette system;
    system.setColor(QPalette::Window, dark ? QColor(0x20, 0x20, 0x20) : QColor(0xF0, 0xF0, 0xF0));
    system.setColor(QPalette::WindowText, dark ? QColor(0xF0, 0xF0, 0xF0) : QColor(0x10, 0x10, 0x10));
    QApplication::setPalette(system);
    applyAppStyle(*qApp);
}

} // namespace

class WeeklyChartsTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir directory_;
    // T is the demo's last day, a Monday: the current week is one day old.
    const Day asOf_ = gui_test::smallPractice().end;
    std::vector<metrics::WeekPoint> series_;

    void saveShots(const QString& name, bool dark)
    {
        useTheme(dark);
        const QString theme = dark ? QStringLiteral("dark") : QStringLiteral("light");
        WeeklyChartsWidget widget;
        widget.setSeries(series_);
        widget.resize(1280, 300);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        QVERIFY(!widget.showsAllCharts());
        for (const Chart chart : {Chart::Sessions, Chart::Cancellations, Chart::ActiveClients}) {
            widget.setCurrentChart(chart);
            QCoreApplication::processEvents();
            const QString suffix = QStringList{QStringLiteral("sessions"), QStringLiteral("cancellations"),
                                               QStringLiteral("active")}[static_cast<int>(chart)];
            QVERIFY(!gui_test::saveScreenshot(widget, name + QStringLiteral("-1280-") + suffix + QLatin1Char('-')
                                                           + theme + QStringLiteral(".png"))
                         .isEmpty());
        }
        // About what the dashboard gives it beside the sidebar on a 1280 x 800 screen.
        widget.setCurrentChart(Chart::Sessions);
        widget.resize(1000, 248);
        QCoreApplication::processEvents();
        const QString dashboardSize = name + QStringLiteral("-1000-sessions-") + theme + QStringLiteral(".png");
        QVERIFY(!gui_test::saveScreenshot(widget, dashboardSize).isEmpty());

        widget.resize(1650, 300); // a 1920-wide window: just side by side
        QCoreApplication::processEvents();
        QVERIFY(widget.showsAllCharts());
        QVERIFY(!gui_test::saveScreenshot(widget, name + QStringLiteral("-1650-") + theme + QStringLiteral(".png"))
                     .isEmpty());

        widget.resize(2400, 340);
        QCoreApplication::processEvents();
        QVERIFY(!gui_test::saveScreenshot(widget, name + QStringLiteral("-wide-") + theme + QStringLiteral(".png"))
                     .isEmpty());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(directory_.isValid());
        const QString path = directory_.filePath(QStringLiteral("practice.db"));
        gui_test::createPractice(path);
        Store store = Store::open(path.toStdString());
        const metrics::Snapshot snapshot = metrics::loadSnapshot(store);
        const metrics::MetricSettings settings = metrics::loadMetricSettings(store);
        series_ = metrics::weeklySeries(snapshot, settings, asOf_, metrics::Scope::practice());
        QCOMPARE(series_.size(), std::size_t{52});
        QVERIFY(series_.back().weekEnd == asOf_);
        QVERIFY(series_.back().weekStart == asOf_); // the partial week this test is about
    }

    void sessionsChartCarriesCountedAndGoal()
    {
        WeeklyChartsWidget widget;
        widget.setSeries(series_);
        QStackedBarSeries* bars = barsOf(widget.sessionsChart());
        QVERIFY(bars);
        QBarSet* counted = setNamed(bars, QStringLiteral("Counted"));
        QBarSet* toDate = setNamed(bars, QStringLiteral("Week to date"));
        QVERIFY(counted && toDate);
        QCOMPARE(counted->count(), 52);
        QCOMPARE(toDate->count(), 52);
        const QList<QLineSeries*> goals = linesOf(widget.sessionsChart());
        QCOMPARE(goals.size(), 2); // the goal, and the current week's prorated goal apart
        for (int k = 0; k < 52; ++k) {
            const metrics::WeekPoint& week = series_[static_cast<std::size_t>(k)];
            const bool current = k == 51;
            QCOMPARE(counted->at(k), current ? 0.0 : static_cast<double>(week.counted));
            QCOMPARE(toDate->at(k), current ? static_cast<double>(week.counted) : 0.0);
            const QLineSeries* goal = current ? goals[1] : goals[0];
            const int first = current ? 0 : 2 * k;
            QCOMPARE(goal->at(first), QPointF(k - 0.5, week.goal));
            QCOMPARE(goal->at(first + 1), QPointF(k + 0.5, week.goal));
        }
        QCOMPARE(goals[0]->count(), 2 * 51);
        QVERIFY(series_.back().goal < series_[50].goal); // prorated to one day

        // Months along the x axis, thinned to what fits.
        widget.resize(1280, 300);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        const QStringList months = monthLabels(widget.sessionsChart());
        QCOMPARE(months.size(), 11); // Jan 1 to Nov 1: December's start is off the left edge
        QCOMPARE(months.first(), QStringLiteral("Jan 2026"));
        QCOMPARE(months.last(), QStringLiteral("Nov"));
    }

    void completeLastWeekHasNoWeekToDate()
    {
        std::vector<metrics::WeekPoint> series = series_;
        series.back().weekEnd = addDays(series.back().weekStart, 6);
        WeeklyChartsWidget widget;
        widget.setSeries(series);
        QStackedBarSeries* bars = barsOf(widget.sessionsChart());
        QVERIFY(bars);
        QCOMPARE(bars->count(), 1);
        QCOMPARE(bars->barSets().first()->at(51), static_cast<double>(series.back().counted));
        QCOMPARE(linesOf(widget.sessionsChart()).size(), 1);
    }

    void cancellationChartCarriesRatesByKind()
    {
        WeeklyChartsWidget widget;
        widget.setSeries(series_);
        QStackedBarSeries* bars = barsOf(widget.cancellationChart());
        QVERIFY(bars);
        QBarSet* cancelled = setNamed(bars, QStringLiteral("Cancelled"));
        QBarSet* late = setNamed(bars, QStringLiteral("Late cancel"));
        QBarSet* noShow = setNamed(bars, QStringLiteral("No-show"));
        QVERIFY(cancelled && late && noShow);
        for (int k = 0; k < 52; ++k) {
            const metrics::CancellationRates& rates = series_[static_cast<std::size_t>(k)].cancellation;
            QVERIFY(rates.cancellation.has_value());
            QCOMPARE(late->at(k), 100.0 * *rates.lateCancel);
            QCOMPARE(noShow->at(k), 100.0 * *rates.noShow);
            QCOMPARE(cancelled->at(k) + late->at(k) + noShow->at(k), 100.0 * *rates.cancellation);
            const auto denominator = static_cast<double>(rates.counts.denominator());
            QCOMPARE(cancelled->at(k), 100.0 * static_cast<double>(rates.counts.cancelled) / denominator);
        }
    }

    void weeksWithoutRateAreGaps()
    {
        std::vector<metrics::WeekPoint> series = series_;
        for (const std::size_t week : {20, 30, 31})
            series[week].cancellation = metrics::ratesOf({}); // no past appointments that week
        QVERIFY(!series[20].cancellation.cancellation.has_value());
        WeeklyChartsWidget widget;
        widget.setSeries(series);
        widget.setCurrentChart(Chart::Cancellations);
        widget.resize(1280, 300);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        QVERIFY(!gui_test::saveScreenshot(widget, QStringLiteral("weekly-charts-gaps.png")).isEmpty());
        QStackedBarSeries* bars = barsOf(widget.cancellationChart());
        QVERIFY(bars);
        for (QBarSet* set : bars->barSets()) {
            QCOMPARE(set->count(), 52);
            QCOMPARE(set->at(20), 0.0);
        }
        auto* view = dynamic_cast<WeekChartView*>(widget.cancellationChart());
        QVERIFY(view);
        QCOMPARE(view->weeks(), 52);
        for (int week = 0; week < 52; ++week)
            QCOMPARE(view->isGap(week), week == 20 || week == 30 || week == 31);
        // Counted sessions and active clients are defined every week: no gaps there.
        QVERIFY(!dynamic_cast<WeekChartView*>(widget.sessionsChart())->isGap(20));

        const QString tip = widget.toolTipText(Chart::Cancellations, 20);
        QVERIFY2(tip.contains(QStringLiteral("no rate")), qPrintable(tip));
        QVERIFY(!tip.contains(QStringLiteral("0.0%")));
    }

    void activeClientsChartIsALine()
    {
        WeeklyChartsWidget widget;
        widget.setSeries(series_);
        const QList<QLineSeries*> lines = linesOf(widget.activeClientsChart());
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0]->count(), 52);
        for (int k = 0; k < 52; ++k)
            QCOMPARE(lines[0]->at(k),
                     QPointF(k, static_cast<double>(series_[static_cast<std::size_t>(k)].activeClients)));
    }

    void toolTipsTellExactValues()
    {
        WeeklyChartsWidget widget;
        widget.setSeries(series_);
        const metrics::WeekPoint& week = series_[50]; // Nov 16 – Nov 22, 2026
        const QLocale locale;

        const QString sessions = widget.toolTipText(Chart::Sessions, 50);
        const QString share = locale.toString(100.0 * static_cast<double>(week.counted) / week.goal, 'f', 0);
        QVERIFY2(sessions.contains(QStringLiteral("Nov 16 \u2013 Nov 22, 2026")), qPrintable(sessions));
        QVERIFY2(sessions.contains(QStringLiteral("Counted %1 of goal %2 (%3%)")
                                       .arg(locale.toString(week.counted), locale.toString(week.goal, 'f', 1), share)),
                 qPrintable(sessions));

        const metrics::CancellationCounts& counts = week.cancellation.counts;
        const QString rates = widget.toolTipText(Chart::Cancellations, 50);
        const QString rate = locale.toString(100.0 * *week.cancellation.cancellation, 'f', 1);
        QVERIFY2(rates.contains(QStringLiteral("Cancellation rate %1% (%2 of %3)")
                                    .arg(rate, locale.toString(counts.cancellations()),
                                         locale.toString(counts.denominator()))),
                 qPrintable(rates));
        QVERIFY2(rates.contains(QStringLiteral("No-show: %1% (%2)")
                                    .arg(locale.toString(100.0 * *week.cancellation.noShow, 'f', 1),
                                         locale.toString(counts.noShow))),
                 qPrintable(rates));

        const QString active = widget.toolTipText(Chart::ActiveClients, 50);
        QVERIFY2(active.contains(
                     QStringLiteral("Active clients on Nov 22, 2026: %1").arg(locale.toString(week.activeClients))),
                 qPrintable(active));

        const QString current = widget.toolTipText(Chart::Sessions, 51);
        QVERIFY2(current.contains(QStringLiteral("Nov 23, 2026</b> (week to date)")), qPrintable(current));
        QVERIFY(widget.toolTipText(Chart::Sessions, 52).isEmpty());
    }

    void hoverShowsTheWeeksValues()
    {
        WeeklyChartsWidget widget;
        widget.setSeries(series_);
        widget.resize(1280, 300);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        widget.setCurrentChart(Chart::Cancellations);
        auto* view = dynamic_cast<WeekChartView*>(widget.cancellationChart());
        QVERIFY(view);
        const QRectF plot = view->chart()->plotArea();
        const int week = 40;
        const QPointF scene(plot.left() + (week + 0.5) * plot.width() / 52.0, plot.bottom() - 4.0);
        QTest::mouseMove(view->viewport(), view->mapFromScene(scene));
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(view->hoveredWeek(), week);
        QCOMPARE(QToolTip::text(), widget.toolTipText(Chart::Cancellations, week));
        QVERIFY(!gui_test::saveScreenshot(widget, QStringLiteral("weekly-charts-hover.png")).isEmpty());
        for (QWidget* window : QApplication::topLevelWidgets())
            if (window->inherits("QTipLabel") && window->isVisible())
                gui_test::saveScreenshot(*window, QStringLiteral("weekly-charts-tooltip.png"));

        QTest::mouseMove(view->viewport(), view->mapFromScene(QPointF(plot.left() - 20.0, plot.center().y())));
        QTRY_VERIFY(!QToolTip::isVisible());
        QCOMPARE(view->hoveredWeek(), -1);
    }

    void otherLengthsChartToo()
    {
        Store store = Store::open(directory_.filePath(QStringLiteral("practice.db")).toStdString());
        const metrics::Snapshot snapshot = metrics::loadSnapshot(store);
        const metrics::MetricSettings settings = metrics::loadMetricSettings(store);
        for (const int weeks : {1, 6, 64}) {
            const auto series = metrics::weeklySeries(snapshot, settings, asOf_, metrics::Scope::practice(), weeks);
            WeeklyChartsWidget widget;
            widget.resize(1280, 300);
            widget.setSeries(series);
            widget.show();
            QVERIFY(QTest::qWaitForWindowExposed(&widget));
            QVERIFY(!widget.isShowingEmptyState());
            QCOMPARE(linesOf(widget.activeClientsChart()).first()->count(), weeks);
            QCOMPARE(barsOf(widget.cancellationChart())->barSets().first()->count(), weeks);
            if (weeks == 64) {
                // From Sep 8, 2025: October and November come round twice, the second time with the year.
                const QStringList months = monthLabels(widget.sessionsChart());
                QCOMPARE(months.size(), 14);
                QCOMPARE(months.first(), QStringLiteral("Oct"));
                QCOMPARE(months.last(), QStringLiteral("Nov 2026"));
            }
        }
    }

    void emptySeriesSaysSo()
    {
        WeeklyChartsWidget widget;
        widget.resize(1280, 300);
        widget.setSeries({});
        QVERIFY(widget.isShowingEmptyState());
        QCOMPARE(widget.emptyStateText(), QStringLiteral("No appointments in these 52 weeks"));
        QVERIFY(widget.sessionsChart()->chart()->series().isEmpty());
        QVERIFY(!gui_test::saveScreenshot(widget, QStringLiteral("weekly-charts-empty.png")).isEmpty());

        widget.setSeries(series_);
        QVERIFY(!widget.isShowingEmptyState());
    }

    void switchesBetweenChartsAndShowsAllWhenWide()
    {
        WeeklyChartsWidget widget;
        widget.setSeries(series_);
        widget.resize(1280, 300);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        QVERIFY(!widget.showsAllCharts());
        QVERIFY(widget.sessionsChart()->isVisible());
        QVERIFY(!widget.cancellationChart()->isVisible());

        QSignalSpy changed(&widget, &WeeklyChartsWidget::currentChartChanged);
        auto* button = widget.findChildren<QAbstractButton*>(QStringLiteral("ChartSwitchButton")).value(1);
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(widget.currentChart(), Chart::Cancellations);
        QCOMPARE(changed.count(), 1);
        QVERIFY(widget.cancellationChart()->isVisible());
        QVERIFY(!widget.sessionsChart()->isVisible());
        QVERIFY(button->isVisible());

        widget.resize(WeeklyChartsWidget::kSideBySideWidth + 100, 320);
        QCoreApplication::processEvents();
        QVERIFY(widget.showsAllCharts());
        QVERIFY(widget.sessionsChart()->isVisible() && widget.cancellationChart()->isVisible()
                && widget.activeClientsChart()->isVisible());
        QVERIFY(!button->isVisible());
        QCOMPARE(widget.activeClientsChart()->chart()->title(), QStringLiteral("Active clients"));
    }

    void screenshotsLight() { saveShots(QStringLiteral("weekly-charts"), false); }

    void screenshotsDark() { saveShots(QStringLiteral("weekly-charts"), true); }

    void cleanupTestCase() { useTheme(false); }
};

CASEBOARD_GUI_TEST_MAIN(WeeklyChartsTest)

#include "weekly_charts_test.moc"
