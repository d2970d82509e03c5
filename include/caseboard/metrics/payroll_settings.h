#pragma once
// The payroll choices METRICS.md leaves to the practice, kept in the settings table so
// they travel with the database file:
//
//   key                              type          default        meaning
//   payroll_period                   text          "semi_monthly" "semi_monthly" or "bi_weekly"
//   payroll_anchor                   day           2024-01-01     first day of one bi-weekly period
//   payroll_one_hour_per_session     bool          false          1 h per paid session instead of its duration
//   payroll_pays_billable_cancels    bool          false          late cancels and no-shows are paid
//
// The two bool keys are the ones MetricSettings already reads (and Team & Settings shows
// under metric rules), so both places always agree. A value of the wrong type keeps the
// default.

#include "caseboard/metrics/pay_period.h"

namespace caseboard {
class Store;
}

namespace caseboard::metrics {

struct PayrollSettings {
    PayPeriodRule periods;
    bool oneHourPerSession = false;
    bool payBillableCancels = false;
    friend bool operator==(const PayrollSettings&, const PayrollSettings&) = default;
};

PayrollSettings loadPayrollSettings(Store& store);
// Writes all four keys.
void savePayrollSettings(Store& store, const PayrollSettings& settings);

} // namespace caseboard::metrics
