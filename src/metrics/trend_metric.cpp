#include "caseboard/metrics/trend_metric.h"

#include <array>
#include <chrono>

namespace caseboard::metrics {

namespace {

std::optional<double> count(std::int64_t value) { return static_cast<double>(value); }
std::optional<double> dollars(Cents cents) { return static_cast<double>(cents) / 100.0; }

} // namespace

std::string_view trendMetricKey(TrendMetric metric)
{
    switch (metric) {
    case TrendMetric::CountedSessions: return "counted_sessions";
    case TrendMetric::Intakes: return "intakes";
    case TrendMetric::CancellationRate: return "cancellation_rate";
    case TrendMetric::RetentionRate: return "retention_rate";
    case TrendMetric::ChurnRate: return "churn_rate";
    case TrendMetric::AvgSessionsPerClient: return "avg_sessions_per_client";
    case TrendMetric::RevenueCharged: return "revenue_charged";
    case TrendMetric::RevenueCollected: return "revenue_collected";
    case TrendMetric::ActiveClients: return "active_clients";
    }
    return "";
}

std::string_view trendMetricLabel(TrendMetric metric)
{
    switch (metric) {
    case TrendMetric::CountedSessions: return "Counted sessions";
    case TrendMetric::Intakes: return "Intakes";
    case TrendMetric::CancellationRate: return "Cancellation rate";
    case TrendMetric::RetentionRate: return "Retention";
    case TrendMetric::ChurnRate: return "Churn";
    case TrendMetric::AvgSessionsPerClient: return "Avg sessions per client";
    case TrendMetric::RevenueCharged: return "Revenue charged";
    case TrendMetric::RevenueCollected: return "Revenue collected";
    case TrendMetric::ActiveClients: return "Active clients at end";
    }
    return "";
}

TrendUnit trendMetricUnit(TrendMetric metric)
{
    switch (metric) {
    case TrendMetric::CancellationRate:
    case TrendMetric::RetentionRate:
    case TrendMetric::ChurnRate: return TrendUnit::Rate;
    case TrendMetric::AvgSessionsPerClient: return TrendUnit::Average;
    case TrendMetric::RevenueCharged:
    case TrendMetric::RevenueCollected: return TrendUnit::Dollars;
    case TrendMetric::CountedSessions:
    case TrendMetric::Intakes:
    case TrendMetric::ActiveClients: break;
    }
    return TrendUnit::Count;
}

bool hasMonthlyValue(TrendMetric metric)
{
    return metric != TrendMetric::RetentionRate && metric != TrendMetric::ChurnRate
        && metric != TrendMetric::AvgSessionsPerClient;
}

std::optional<double> trendValue(const PeriodFigures& f, TrendMetric metric)
{
    switch (metric) {
    case TrendMetric::CountedSessions: return count(f.countedSessions);
    case TrendMetric::Intakes: return count(f.intakes);
    case TrendMetric::CancellationRate: return f.cancellation.cancellation;
    case TrendMetric::RetentionRate: return f.retention.retentionRate;
    case TrendMetric::ChurnRate: return f.retention.churnRate;
    case TrendMetric::AvgSessionsPerClient: return f.retention.avgSessionsPerClient;
    case TrendMetric::RevenueCharged: return dollars(f.revenueCharged);
    case TrendMetric::RevenueCollected: return dollars(f.revenueCollected);
    case TrendMetric::ActiveClients: return count(f.activeClients);
    }
    return std::nullopt;
}

std::optional<double> trendValue(const MonthFigures& f, TrendMetric metric)
{
    if (f.afterAsOf)
        return std::nullopt;
    switch (metric) {
    case TrendMetric::CountedSessions: return count(f.countedSessions);
    case TrendMetric::Intakes: return count(f.intakes);
    case TrendMetric::CancellationRate: return f.cancellation.cancellation;
    case TrendMetric::RevenueCharged: return dollars(f.revenueCharged);
    case TrendMetric::RevenueCollected: return dollars(f.revenueCollected);
    case TrendMetric::ActiveClients: return count(f.activeClients);
    case TrendMetric::RetentionRate:
    case TrendMetric::ChurnRate:
    case TrendMetric::AvgSessionsPerClient: break;
    }
    return std::nullopt;
}

std::optional<double> trendChange(TrendMetric metric, const std::optional<double>& lastYear,
                                  const std::optional<double>& thisYear)
{
    if (!lastYear || !thisYear)
        return std::nullopt;
    if (trendMetricUnit(metric) == TrendUnit::Rate)
        return *thisYear - *lastYear;
    return relativeChange(*lastYear, *thisYear);
}

std::string periodLabel(const YearPeriod& period)
{
    static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    // "*": the practice's history starts inside the column (see partialHistory).
    std::string label = std::to_string(period.year) + (period.partialHistory ? "*" : "");
    if (period.kind == YearPeriod::Kind::CalendarYear)
        return label;
    const std::chrono::year_month_day to{period.window.to};
    label += " Jan 1 - ";
    label += kMonths[unsigned(to.month()) - 1];
    label += ' ';
    label += std::to_string(unsigned(to.day()));
    return label;
}

std::string_view periodKindKey(YearPeriod::Kind kind)
{
    switch (kind) {
    case YearPeriod::Kind::CalendarYear: return "year";
    case YearPeriod::Kind::SameDaysLastYear: return "same_days_last_year";
    case YearPeriod::Kind::YearToDate: return "year_to_date";
    }
    return "year";
}

} // namespace caseboard::metrics
