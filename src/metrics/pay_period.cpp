#include "caseboard/metrics/pay_period.h"

namespace caseboard::metrics {

namespace {

constexpr int kBiWeeklyDays = 14;

// Floor division: a day before the anchor belongs to a period that starts before it too.
int floorDiv(int numerator, int denominator)
{
    const int quotient = numerator / denominator;
    return (numerator % denominator != 0 && (numerator < 0) != (denominator < 0)) ? quotient - 1 : quotient;
}

} // namespace

std::string_view payPeriodKindKey(PayPeriodKind kind)
{
    return kind == PayPeriodKind::BiWeekly ? "bi_weekly" : "semi_monthly";
}

std::optional<PayPeriodKind> payPeriodKindFromKey(std::string_view key)
{
    if (key == "semi_monthly")
        return PayPeriodKind::SemiMonthly;
    if (key == "bi_weekly")
        return PayPeriodKind::BiWeekly;
    return std::nullopt;
}

PayPeriod PayPeriodRule::containing(Day day) const
{
    if (kind == PayPeriodKind::BiWeekly) {
        const int index = floorDiv(daysBetween(anchor, day), kBiWeeklyDays);
        const Day first = addDays(anchor, index * kBiWeeklyDays);
        return {first, addDays(first, kBiWeeklyDays - 1)};
    }
    using namespace std::chrono;
    const year_month_day date{day};
    const year_month month = date.year() / date.month();
    if (date.day() <= std::chrono::day{15})
        return {sys_days{month / std::chrono::day{1}}, sys_days{month / std::chrono::day{15}}};
    return {sys_days{month / std::chrono::day{16}}, sys_days{month / last}};
}

std::string describePayPeriodRule(const PayPeriodRule& rule)
{
    if (rule.kind == PayPeriodKind::BiWeekly)
        return "Bi-weekly from " + formatIsoDay(rule.anchor);
    return "Semi-monthly (1st\u201315th, 16th\u2013end)";
}

} // namespace caseboard::metrics
