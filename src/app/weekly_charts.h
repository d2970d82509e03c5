#pragma once
// The dashboard's trend charts over the weekly series: counted sessions against the
// goal, the cancellation rate by kind, and active clients. On a dashboard of ordinary
// width one chart shows at a time, picked with a segmented switch, so each keeps the
// full width its 52 weeks need; from kSideBySideWidth up all three stand side by side.
// Hovering a week shows its exact values, whether or not anything is drawn there.
// It draws itself as a card like the dashboard's others (surface, hairline, round
// corners), in the colours theme() gives when setSeries runs.

#include "caseboard/metrics/weekly_series.h"

#include <QWidget>

#include <array>
#include <vector>

class QButtonGroup;
class QChart;
class QChartView;
class QLabel;
class QStackedWidget;

namespace caseboard::app {

class WeekChartView;

class WeeklyChartsWidget : public QWidget {
    Q_OBJECT
public:
    enum class Chart { Sessions, Cancellations, ActiveClients };
    Q_ENUM(Chart)
    static constexpr int kChartCount = 3;
    // Below this width three charts of 52 weeks get too narrow to read.
    static constexpr int kSideBySideWidth = 1560;

    explicit WeeklyChartsWidget(QWidget* parent = nullptr);

    // Replaces the data (oldest week first) and redraws in the current theme.
    void setSeries(const std::vector<metrics::WeekPoint>& series);
    const std::vector<metrics::WeekPoint>& series() const { return series_; }

    QChartView* chartView(Chart chart) const;
    QChartView* sessionsChart() const { return chartView(Chart::Sessions); }
    QChartView* cancellationChart() const { return chartView(Chart::Cancellations); }
    QChartView* activeClientsChart() const { return chartView(Chart::ActiveClients); }

    // The chart the switch shows when they do not all fit side by side.
    Chart currentChart() const { return current_; }
    void setCurrentChart(Chart chart);
    bool showsAllCharts() const { return sideBySide_; }

    // True when there is nothing to chart and the "No appointments" message shows.
    bool isShowingEmptyState() const;
    QString emptyStateText() const;

    // What hovering `week` (an index into series()) shows on `chart`, as rich text.
    QString toolTipText(Chart chart, int week) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void currentChartChanged(caseboard::app::WeeklyChartsWidget::Chart chart);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    static constexpr qreal kCardRadius = 10.0;

    void applyTheme();
    void updateLayoutMode();
    void rebuildCharts();
    void buildSessionsChart(QChart* chart);
    void buildCancellationChart(QChart* chart);
    void buildActiveClientsChart(QChart* chart);
    void updateMonthLabels(QChart* chart);

    std::vector<metrics::WeekPoint> series_;
    Chart current_ = Chart::Sessions;
    bool sideBySide_ = false;

    QWidget* header_;
    QWidget* switchBar_;
    QButtonGroup* switchButtons_;
    QLabel* caption_;
    QStackedWidget* pages_;
    QWidget* chartsPage_;
    QWidget* emptyPage_;
    QLabel* emptyTitle_;
    QLabel* emptyBody_;
    std::array<WeekChartView*, kChartCount> views_{};
};

} // namespace caseboard::app
