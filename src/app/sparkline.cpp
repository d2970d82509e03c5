#include "sparkline.h"

#include "app_style.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <limits>

namespace caseboard::app {

Sparkline::Sparkline(QWidget* parent) : QWidget(parent), color_(theme().accent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void Sparkline::setValues(std::vector<std::optional<double>> values, std::vector<double> reference)
{
    values_ = std::move(values);
    reference_ = std::move(reference);
    update();
}

void Sparkline::setColor(const QColor& color)
{
    color_ = color;
    update();
}

bool Sparkline::isEmpty() const
{
    return std::none_of(values_.begin(), values_.end(), [](const auto& v) { return v.has_value(); });
}

QSize Sparkline::sizeHint() const { return {120, fontMetrics().height() * 2}; }

QSize Sparkline::minimumSizeHint() const { return {40, fontMetrics().height() * 2}; }

void Sparkline::paintEvent(QPaintEvent*)
{
    if (values_.size() < 2 || isEmpty())
        return;
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    for (const auto& v : values_)
        if (v) {
            low = std::min(low, *v);
            high = std::max(high, *v);
        }
    for (const double r : reference_) {
        low = std::min(low, r);
        high = std::max(high, r);
    }
    // A flat series sits in the middle rather than on an edge.
    if (high - low < 1e-9) {
        low -= 1.0;
        high += 1.0;
    }

    const QRectF area = QRectF(rect()).adjusted(3, 3, -3, -3);
    const auto point = [&](std::size_t i, double value) {
        const double x = area.left() + area.width() * static_cast<double>(i) / static_cast<double>(values_.size() - 1);
        const double y = area.bottom() - area.height() * (value - low) / (high - low);
        return QPointF(x, y);
    };

    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);

    if (reference_.size() == values_.size()) {
        QPainterPath goal;
        for (std::size_t i = 0; i < reference_.size(); ++i)
            i == 0 ? goal.moveTo(point(i, reference_[i])) : goal.lineTo(point(i, reference_[i]));
        QPen pen(theme().mutedText, 1.0, Qt::DashLine);
        painter.setPen(pen);
        painter.drawPath(goal);
    }

    QPainterPath line;
    bool drawing = false;
    std::optional<QPointF> last;
    for (std::size_t i = 0; i < values_.size(); ++i) {
        if (!values_[i]) {
            drawing = false;
            continue;
        }
        const QPointF p = point(i, *values_[i]);
        drawing ? line.lineTo(p) : line.moveTo(p);
        drawing = true;
        last = p;
    }
    painter.setPen(QPen(color_, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(line);
    if (last) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(color_);
        painter.drawEllipse(*last, 2.6, 2.6);
    }
}

} // namespace caseboard::app
