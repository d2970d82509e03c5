#include "trends_format.h"

#include "display_format.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>
#include <cstdlib>

namespace caseboard::app {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("caseboard::app::Trends", text); }

} // namespace

QString formatTrendValue(metrics::TrendMetric metric, const std::optional<double>& value)
{
    if (!value)
        return missingValue();
    switch (metrics::trendMetricUnit(metric)) {
    case metrics::TrendUnit::Count: return formatCount(std::llround(*value));
    case metrics::TrendUnit::Rate: return QLocale().toString(*value * 100.0, 'f', 1) + QLatin1Char('%');
    case metrics::TrendUnit::Average: return QLocale().toString(*value, 'f', 1);
    case metrics::TrendUnit::Dollars: break;
    }
    const auto dollars = std::llround(*value);
    return (dollars < 0 ? QStringLiteral("-$") : QStringLiteral("$")) + formatCount(std::llabs(dollars));
}

QString formatTrendChange(metrics::TrendMetric metric, const std::optional<double>& change)
{
    if (!change)
        return missingValue();
    const double shown = std::round(*change * 1000.0) / 10.0; // one decimal, in percent or points
    const QString sign = shown > 0 ? QStringLiteral("+") : shown < 0 ? QStringLiteral("\u2212") : QString();
    const QString number = QLocale().toString(std::fabs(shown), 'f', 1);
    if (metrics::trendMetricUnit(metric) == metrics::TrendUnit::Rate)
        return sign + number + tr(" pts");
    return sign + number + QLatin1Char('%');
}

bool higherIsBetter(metrics::TrendMetric metric)
{
    return metric != metrics::TrendMetric::CancellationRate && metric != metrics::TrendMetric::ChurnRate;
}

QString trendMetricTitle(metrics::TrendMetric metric)
{
    using metrics::TrendMetric;
    switch (metric) {
    case TrendMetric::CountedSessions: return tr("Counted sessions");
    case TrendMetric::Intakes: return tr("Intakes");
    case TrendMetric::CancellationRate: return tr("Cancellation rate");
    case TrendMetric::RetentionRate: return tr("Retention");
    case TrendMetric::ChurnRate: return tr("Churn");
    case TrendMetric::AvgSessionsPerClient: return tr("Avg sessions per client");
    case TrendMetric::RevenueCharged: return tr("Revenue charged");
    case TrendMetric::RevenueCollected: return tr("Revenue collected");
    case TrendMetric::ActiveClients: return tr("Active clients at end");
    }
    return {};
}

QString trendMetricHelp(metrics::TrendMetric metric)
{
    using metrics::TrendMetric;
    switch (metric) {
    case TrendMetric::CountedSessions:
        return tr("Completed sessions dated in the column (a group session counts once).");
    case TrendMetric::Intakes:
        return tr("Practice: clients whose first attended, late-cancelled or no-show session with anyone falls in "
                  "the column. A group: new client\u2013clinician pairs of its clinicians.");
    case TrendMetric::CancellationRate:
        return tr("Cancelled, late-cancelled and no-show appointments out of all but clinician-cancelled ones.");
    case TrendMetric::RetentionRate:
        return tr("Of the pairs whose intake falls in the column (early enough to have had the chance), the share "
                  "that reached the retention threshold by the column's last day.");
    case TrendMetric::ChurnRate:
        return tr("Of the same pairs, the share with fewer sessions than the churn threshold by the column's last "
                  "day.");
    case TrendMetric::AvgSessionsPerClient:
        return tr("The same pairs' qualifying sessions up to the column's last day, on average.");
    case TrendMetric::RevenueCharged:
        return tr("Fees of the attended, late-cancelled and no-show sessions dated in the column.");
    case TrendMetric::RevenueCollected:
        return tr("Client paid plus insurance paid of the same sessions (a payment not in the export counts as 0).");
    case TrendMetric::ActiveClients:
        return tr("Clients seen in the active window (30 days by default) to the column's last day, or booked after "
                  "it.");
    }
    return {};
}

QString periodTitle(const metrics::YearPeriod& period)
{
    QString title = QString::number(period.year);
    if (period.kind != metrics::YearPeriod::Kind::CalendarYear)
        title = tr("%1 to %2").arg(title, QLocale().toString(toQDate(period.window.to), QStringLiteral("MMM d")));
    return period.partialHistory ? title + QLatin1Char('*') : title;
}

std::optional<std::size_t> comparedPeriod(const metrics::YearOverYear& trends, std::size_t period)
{
    using Kind = metrics::YearPeriod::Kind;
    const auto& periods = trends.periods;
    if (period >= periods.size() || period == 0)
        return std::nullopt;
    if (periods[period].kind == Kind::YearToDate && periods[period - 1].kind == Kind::SameDaysLastYear)
        return period - 1;
    if (periods[period].kind == Kind::CalendarYear && periods[period - 1].kind == Kind::CalendarYear)
        return period - 1;
    return std::nullopt;
}

QString groupTitle(const metrics::Scope& scope)
{
    if (scope.kind == metrics::Scope::Kind::Practice)
        return tr("Practice");
    return scope.value.empty() ? tr("(not set)") : toQString(scope.value);
}

QString groupKindTitle(metrics::Scope::Kind kind)
{
    switch (kind) {
    case metrics::Scope::Kind::Location: return tr("Location");
    case metrics::Scope::Kind::Supervisor: return tr("Supervisor");
    case metrics::Scope::Kind::ClinicianType: return tr("Clinician type");
    case metrics::Scope::Kind::Practice:
    case metrics::Scope::Kind::Clinician: break;
    }
    return tr("Practice");
}

} // namespace caseboard::app
