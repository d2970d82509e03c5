#pragma once
// The payroll report's file forms: CSV for the payroll provider (one row per person) and
// aligned text for the terminal. The GUI's Export CSV and `caseboard-cli payroll` both
// write these, so the two never differ.

#include "caseboard/metrics/payroll.h"

#include <string>
#include <vector>

namespace caseboard::report {

// One person's line for the payroll provider: their session hours and timesheet hours
// added up at their one hourly rate. Someone in both tables (a clinician who also keeps
// a timesheet) is one line.
struct PayrollLine {
    RowId clinicianId = 0;
    std::string name;
    std::string role;
    std::int64_t countedSessions = 0;
    std::int64_t billableCancels = 0;
    bool billableCancelsPaid = false;
    bool onClinicianTable = false; // has a clinicians-table row (sessions, or employed as a clinician)
    std::int64_t sessionMinutes = 0;
    std::int64_t timesheetMinutes = 0;
    std::optional<Cents> hourlyRate;
    std::optional<Cents> pay; // nullopt without a rate

    std::int64_t minutes() const { return sessionMinutes + timesheetMinutes; }
};

// Clinicians first, then support staff, each by name, as the report lists them.
std::vector<PayrollLine> payrollLines(const metrics::PayrollReport& report);

// The header of payrollCsv.
std::vector<std::string> payrollCsvHeader();
// "Employee,Role,Period Start,Period End,Counted Sessions,Billable Cancels,Billable
// Cancels Paid,Session Hours,Timesheet Hours,Total Hours,Hourly Rate,Gross Pay": hours
// with two decimals, money as plain dollars; rate and pay empty when there is no rate;
// Billable Cancels Paid (yes/no) empty for someone with a timesheet only.
// Written through the formula-safe CSV writer: names are imported text.
std::string payrollCsv(const metrics::PayrollReport& report);

// The period, the rule, both tables and the totals, for a terminal.
std::string payrollText(const metrics::PayrollReport& report);

} // namespace caseboard::report
