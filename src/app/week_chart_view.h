#pragma once
// A chart view whose plot is a row of weeks: hovering anywhere over a week highlights
// its column and shows that week's values, even where nothing is drawn (a week of 0 or
// one without data); weeks without data are hatched, so they read as gaps, not zeros.

#include <QChartView>

#include <functional>
#include <vector>

namespace caseboard::app {

class WeekChartView : public QChartView {
    Q_OBJECT
public:
    // Rich text for the week at an index; empty shows no tooltip.
    using ToolTipText = std::function<QString(int week)>;

    explicit WeekChartView(QWidget* parent = nullptr);

    // The plot's x range must be [-0.5, weeks - 0.5], week k drawn at x = k.
    void setWeeks(int weeks, std::vector<bool> gaps, ToolTipText toolTip);
    void setOverlayColors(const QColor& hoverBand, const QColor& gapHatch);

    int weeks() const { return weeks_; }
    bool isGap(int week) const;
    int hoveredWeek() const { return hovered_; }

protected:
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;

private:
    int weekAt(const QPointF& scenePoint) const;
    QRectF weekRect(int week) const;

    int weeks_ = 0;
    std::vector<bool> gaps_;
    ToolTipText toolTip_;
    QColor hoverBand_;
    QColor gapHatch_;
    int hovered_ = -1;
};

} // namespace caseboard::app
