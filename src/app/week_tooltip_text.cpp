#include "week_tooltip_text.h"

#include "chart_colors.h"
#include "display_format.h"

#include <QLocale>

namespace caseboard::app {

namespace {

using Chart = WeeklyChartsWidget::Chart;
using metrics::WeekPoint;

QString tr(const char* text) { return WeeklyChartsWidget::tr(text); }

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

QString weekToolTipText(Chart chart, const WeekPoint& point, bool partial)
{
    const ChartColors c = chartColors();
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
