#pragma once
// Pay periods (METRICS.md "Payroll"): semi-monthly (the 1st to the 15th, the 16th to the
// month's last day) or bi-weekly (14 days at a time from an anchor day, both ways in
// time). Pure calendar arithmetic: no clock, no database.

#include "caseboard/core/day.h"

#include <optional>
#include <string>
#include <string_view>

namespace caseboard::metrics {

enum class PayPeriodKind { SemiMonthly, BiWeekly };

// "semi_monthly" / "bi_weekly": the settings table's spelling.
std::string_view payPeriodKindKey(PayPeriodKind kind);
std::optional<PayPeriodKind> payPeriodKindFromKey(std::string_view key);

// The days a period covers, both inclusive.
struct PayPeriod {
    Day first{};
    Day last{};

    int days() const { return daysBetween(first, last) + 1; }
    bool contains(Day day) const { return first <= day && day <= last; }
    friend bool operator==(const PayPeriod&, const PayPeriod&) = default;
};

// How a practice cuts time into pay periods. The anchor is the first day of one
// bi-weekly period; semi-monthly periods ignore it.
struct PayPeriodRule {
    PayPeriodKind kind = PayPeriodKind::SemiMonthly;
    // A Monday, so a practice that never picks an anchor gets Monday-to-Sunday fortnights.
    Day anchor = makeDay(2024, 1, 1);

    PayPeriod containing(Day day) const;
    PayPeriod next(const PayPeriod& period) const { return containing(addDays(period.last, 1)); }
    PayPeriod previous(const PayPeriod& period) const { return containing(addDays(period.first, -1)); }
    friend bool operator==(const PayPeriodRule&, const PayPeriodRule&) = default;
};

// "Semi-monthly (1st–15th, 16th–end)" or "Bi-weekly from 2024-01-01": the rule in words,
// for report headers.
std::string describePayPeriodRule(const PayPeriodRule& rule);

} // namespace caseboard::metrics
