#pragma once
// Payroll at a flat hourly rate (METRICS.md "Payroll"): for each clinician the hours of
// the sessions held in a pay period times their rate; for support staff the hours of an
// imported timesheet times theirs. A pure function of the snapshot, the settings and the
// people's rates and timesheet hours (read by loadPayrollPeople, since the snapshot does
// not carry rates, roles or timesheets).

#include "caseboard/core/day.h"
#include "caseboard/core/domain.h"
#include "caseboard/core/money.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/pay_period.h"
#include "caseboard/metrics/payroll_settings.h"
#include "caseboard/metrics/snapshot.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caseboard::sql {
class Connection;
}

namespace caseboard::metrics {

// What payroll needs to know of one person that the snapshot leaves out.
struct PayrollPerson {
    RowId id = 0;
    std::string name;
    std::string role;
    std::optional<Day> startDate;
    std::optional<Day> endDate;
    std::optional<Cents> hourlyRate;   // cents an hour; nullopt when nobody entered one
    std::int64_t timesheetMinutes = 0; // timesheet hours in the period, each day rounded to the minute
    int timesheetDays = 0;             // days with a timesheet row in the period
};

// Everyone on the clinicians table with their timesheet hours in `period`.
std::vector<PayrollPerson> loadPayrollPeople(sql::Connection& connection, const PayPeriod& period);

// Intake coordinators and admins: on payroll through the timesheet, without sessions.
bool isSupportRole(std::string_view role);

struct ClinicianPay {
    RowId clinicianId = 0;
    std::string name;
    std::string role;
    // Counted sessions in the period up to T, exactly as countedSessionsByClinician.
    std::int64_t countedSessions = 0;
    // Late cancels and no-shows in the period up to T, as sessions (a group is one), not
    // counting those that share a slot with a held session of the same group.
    std::int64_t billableCancels = 0;
    bool billableCancelsPaid = false;
    // Sessions paid: completed ones, plus the billable cancels when they are paid.
    std::int64_t paidSessions = 0;
    std::int64_t paidMinutes = 0;
    // Paid sessions whose duration the export left at 0: paid as one hour each.
    std::int64_t sessionsWithoutDuration = 0;
    std::optional<Cents> hourlyRate;
    std::optional<Cents> pay; // nullopt when there is no rate

    bool missingRate() const { return !hourlyRate.has_value(); }
};

struct StaffPay {
    RowId clinicianId = 0;
    std::string name;
    std::string role;
    std::int64_t minutes = 0;
    int days = 0;
    std::optional<Cents> hourlyRate;
    std::optional<Cents> pay;

    bool missingRate() const { return !hourlyRate.has_value(); }
};

struct PayrollTotals {
    std::int64_t countedSessions = 0;
    std::int64_t billableCancels = 0;
    std::int64_t paidSessions = 0;
    std::int64_t clinicianMinutes = 0;
    std::int64_t staffMinutes = 0;
    Cents clinicianPay = 0; // over the people with a rate
    Cents staffPay = 0;
    int missingRates = 0;   // people with hours and no rate: their pay is not in the totals

    std::int64_t minutes() const { return clinicianMinutes + staffMinutes; }
    Cents pay() const { return clinicianPay + staffPay; }
};

struct PayrollReport {
    PayPeriod period;
    // Sessions are counted from period.first to this day: min(period.last, T), because
    // after T nothing is held yet. Before period.first when T is before the period.
    Day sessionsThrough{};
    PayrollSettings settings;
    std::vector<ClinicianPay> clinicians; // by name
    std::vector<StaffPay> staff;          // by name
    PayrollTotals totals;

    bool periodComplete() const { return sessionsThrough >= period.last; }
    bool periodStarted() const { return sessionsThrough >= period.first; }
};

// minutes x cents an hour / 60, rounded to the nearest cent (half up).
Cents payForMinutes(std::int64_t minutes, Cents hourlyRate);

// The clinicians table holds everyone with a session, billable cancel or any appointment
// in the period, and every clinician (not support staff) employed during it, even with
// no sessions — leave only affects goals. Former clinicians, whose last day is before the
// period, with nothing in it are left out. The staff table holds support staff employed
// during the period and anyone with timesheet hours in it.
PayrollReport computePayroll(const Snapshot& snapshot, const MetricSettings& metricSettings,
                             const PayrollSettings& settings, const std::vector<PayrollPerson>& people,
                             const PayPeriod& period, Day asOf);

// "12.50": hours with two decimals, from minutes (the form CSV and the CLI carry).
std::string formatHours(std::int64_t minutes);

} // namespace caseboard::metrics
