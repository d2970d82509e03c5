#include "goal_timeline.h"

#include "app_style.h"

#include <QDate>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace caseboard::app {

namespace {
constexpr int kAxisHeight = 16;
constexpr int kMargin = 8;
} // namespace

GoalTimeline::GoalTimeline(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("GoalTimeline"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void GoalTimeline::setPeriods(std::vector<GoalPeriod> periods, Day today)
{
    periods_ = std::move(periods);
    today_ = today;
    QString tip;
    for (const GoalPeriod& p : periods_)
        tip += tr("%1 – %2: %3\n")
                   .arg(QString::fromStdString(formatIsoDay(p.from)),
                        p.to ? QString::fromStdString(formatIsoDay(*p.to)) : tr("open"),
                        p.weeklyGoal == 0 ? tr("leave") : tr("%1 a week").arg(p.weeklyGoal));
    setToolTip(tip.trimmed());
    update();
}

QSize GoalTimeline::sizeHint() const { return {480, 72}; }
QSize GoalTimeline::minimumSizeHint() const { return {200, 72}; }

void GoalTimeline::paintEvent(QPaintEvent*)
{
    const Theme& t = theme();
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF track(kMargin, kMargin, width() - 2 * kMargin, height() - 2 * kMargin - kAxisHeight);
    painter.setPen(Qt::NoPen);
    painter.setBrush(t.hover);
    painter.drawRoundedRect(track, 4, 4);

    if (periods_.empty()) {
        painter.setPen(t.mutedText);
        painter.drawText(track, Qt::AlignCenter, tr("No goal periods yet"));
        return;
    }
    // From the first period's start to 3 months past the later of today and the last end.
    Day first = periods_.front().from;
    Day last = today_;
    double maxGoal = 1.0;
    for (const GoalPeriod& p : periods_) {
        first = std::min(first, p.from);
        last = std::max(last, p.to.value_or(p.from));
        maxGoal = std::max(maxGoal, p.weeklyGoal);
    }
    first = std::min(first, addDays(today_, -90));
    last = addDays(last, 90);
    const double span = std::max(1, daysBetween(first, last));
    auto xOf = [&](Day day) { return track.left() + track.width() * daysBetween(first, day) / span; };

    for (const GoalPeriod& p : periods_) {
        const double left = xOf(p.from);
        const double right = xOf(p.to ? addDays(*p.to, 1) : last);
        if (p.weeklyGoal == 0) {
            // Leave: a full-height amber band, so it reads at a glance.
            QColor leave(230, 159, 0);
            leave.setAlpha(t.dark ? 150 : 110);
            painter.setBrush(leave);
            painter.drawRect(QRectF(left, track.top(), std::max(2.0, right - left), track.height()));
            continue;
        }
        const double h = std::max(4.0, (track.height() - 4) * p.weeklyGoal / maxGoal);
        QColor bar = t.accent;
        bar.setAlpha(p.to ? 170 : 230);
        painter.setBrush(bar);
        const QRectF barRect(left + 1, track.bottom() - h, std::max(2.0, right - left - 2), h);
        painter.drawRect(barRect);
        // The goal on the bar when it fits, so the strip reads without hovering.
        const QString label = QString::number(p.weeklyGoal);
        if (barRect.width() > fontMetrics().horizontalAdvance(label) + 8 && barRect.height() > fontMetrics().height()) {
            painter.setPen(Qt::white);
            painter.drawText(barRect.adjusted(4, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter, label);
            painter.setPen(Qt::NoPen);
        }
    }

    // Today, and a year tick along the axis.
    painter.setPen(QPen(t.text, 1.5, Qt::DashLine));
    painter.drawLine(QPointF(xOf(today_), track.top() - 2), QPointF(xOf(today_), track.bottom() + 2));
    painter.setPen(t.mutedText);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter.setFont(small);
    const QDate start = QDate(1970, 1, 1).addDays(toSerial(first));
    const QDate end = QDate(1970, 1, 1).addDays(toSerial(last));
    const bool quarters = start.daysTo(end) < 3 * 365;
    for (QDate month(start.year(), start.month(), 1); month <= end; month = month.addMonths(1)) {
        if (month < start || (month.month() - 1) % (quarters ? 3 : 12) != 0)
            continue;
        const double x = xOf(fromSerial(static_cast<int>(QDate(1970, 1, 1).daysTo(month))));
        painter.drawLine(QPointF(x, track.bottom()), QPointF(x, track.bottom() + 4));
        painter.drawText(QRectF(x + 2, track.bottom() + 2, 80, kAxisHeight), Qt::AlignLeft | Qt::AlignVCenter,
                         month.toString(quarters ? QStringLiteral("MMM yyyy") : QStringLiteral("yyyy")));
    }
}

} // namespace caseboard::app
