#include "week_chart_view.h"

#include <QChart>
#include <QMouseEvent>
#include <QToolTip>

#include <algorithm>

namespace caseboard::app {

WeekChartView::WeekChartView(QWidget* parent) : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setFrameShape(QFrame::NoFrame);
    // Tooltips follow the mouse without a button pressed.
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    setMinimumSize(360, 200);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void WeekChartView::setWeeks(int weeks, std::vector<bool> gaps, ToolTipText toolTip)
{
    weeks_ = std::max(weeks, 0);
    gaps_ = std::move(gaps);
    toolTip_ = std::move(toolTip);
    hovered_ = -1;
    viewport()->update();
}

void WeekChartView::setOverlayColors(const QColor& hoverBand, const QColor& gapHatch)
{
    hoverBand_ = hoverBand;
    gapHatch_ = gapHatch;
    viewport()->update();
}

bool WeekChartView::isGap(int week) const
{
    return week >= 0 && week < static_cast<int>(gaps_.size()) && gaps_[static_cast<std::size_t>(week)];
}

void WeekChartView::mouseMoveEvent(QMouseEvent* event)
{
    QChartView::mouseMoveEvent(event);
    const int week = weekAt(mapToScene(event->position().toPoint()));
    if (week != hovered_) {
        hovered_ = week;
        viewport()->update();
    }
    const QString text = week >= 0 && toolTip_ ? toolTip_(week) : QString();
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

void WeekChartView::leaveEvent(QEvent* event)
{
    QChartView::leaveEvent(event);
    hovered_ = -1;
    QToolTip::hideText();
    viewport()->update();
}

void WeekChartView::drawForeground(QPainter* painter, const QRectF& rect)
{
    QChartView::drawForeground(painter, rect);
    if (weeks_ <= 0)
        return;
    painter->save();
    for (int week = 0; week < weeks_; ++week)
        if (isGap(week))
            painter->fillRect(weekRect(week), QBrush(gapHatch_, Qt::BDiagPattern));
    if (hovered_ >= 0)
        painter->fillRect(weekRect(hovered_), hoverBand_);
    painter->restore();
}

// Scene coordinates, which are the chart's: QChartView keeps the chart at the origin.
int WeekChartView::weekAt(const QPointF& scenePoint) const
{
    const QRectF plot = chart()->plotArea();
    if (weeks_ <= 0 || !plot.contains(scenePoint))
        return -1;
    const int week = static_cast<int>((scenePoint.x() - plot.left()) / plot.width() * weeks_);
    return std::clamp(week, 0, weeks_ - 1);
}

QRectF WeekChartView::weekRect(int week) const
{
    const QRectF plot = chart()->plotArea();
    const double width = plot.width() / weeks_;
    return QRectF(plot.left() + week * width, plot.top(), width, plot.height());
}

} // namespace caseboard::app
