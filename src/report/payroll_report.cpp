#include "caseboard/report/payroll_report.h"

#include "caseboard/csv/csv_writer.h"

#include "text_table.h"

#include <algorithm>
#include <sstream>

namespace caseboard::report {

namespace {

using detail::Align;
using detail::TextTable;

std::string moneyOrBlank(const std::optional<Cents>& cents) { return cents ? formatCentsPlain(*cents) : std::string(); }

std::string displayMoneyOr(const std::optional<Cents>& cents, const char* missing)
{
    return cents ? formatCentsDisplay(*cents) : std::string(missing);
}

std::string yesNo(bool value) { return value ? "yes" : "no"; }

} // namespace

std::vector<PayrollLine> payrollLines(const metrics::PayrollReport& report)
{
    std::vector<PayrollLine> lines;
    for (const metrics::ClinicianPay& c : report.clinicians) {
        PayrollLine line;
        line.clinicianId = c.clinicianId;
        line.name = c.name;
        line.role = c.role;
        line.countedSessions = c.countedSessions;
        line.billableCancels = c.billableCancels;
        line.billableCancelsPaid = c.billableCancelsPaid;
        line.onClinicianTable = true;
        line.sessionMinutes = c.paidMinutes;
        line.hourlyRate = c.hourlyRate;
        line.pay = c.pay;
        lines.push_back(std::move(line));
    }
    for (const metrics::StaffPay& s : report.staff) {
        auto same = std::find_if(lines.begin(), lines.end(),
                                 [&](const PayrollLine& l) { return l.clinicianId == s.clinicianId; });
        if (same == lines.end()) {
            PayrollLine line;
            line.clinicianId = s.clinicianId;
            line.name = s.name;
            line.role = s.role;
            line.hourlyRate = s.hourlyRate;
            lines.push_back(std::move(line));
            same = lines.end() - 1;
        }
        same->timesheetMinutes = s.minutes;
        // The sum of the two tables' pays, not the pay of the summed minutes, so the
        // file adds up to the report's totals to the cent.
        if (same->hourlyRate && s.pay)
            same->pay = same->pay.value_or(0) + *s.pay;
    }
    return lines;
}

std::vector<std::string> payrollCsvHeader()
{
    return {"Employee",        "Role",          "Period Start",    "Period End",  "Counted Sessions",
            "Billable Cancels", "Billable Cancels Paid", "Session Hours", "Timesheet Hours", "Total Hours",
            "Hourly Rate",     "Gross Pay"};
}

std::string payrollCsv(const metrics::PayrollReport& report)
{
    std::ostringstream out;
    {
        csv::CsvWriter writer(out);
        for (const std::string& title : payrollCsvHeader())
            writer.writeText(title);
        writer.endRow();
        const std::string first = formatIsoDay(report.period.first);
        const std::string last = formatIsoDay(report.period.last);
        for (const PayrollLine& line : payrollLines(report)) {
            writer.writeText(line.name);
            writer.writeText(line.role);
            writer.writeText(first);
            writer.writeText(last);
            writer.writeNumber(line.countedSessions);
            writer.writeNumber(line.billableCancels);
            writer.writeText(line.onClinicianTable ? yesNo(line.billableCancelsPaid) : std::string());
            writer.writeNumber(metrics::formatHours(line.sessionMinutes));
            writer.writeNumber(metrics::formatHours(line.timesheetMinutes));
            writer.writeNumber(metrics::formatHours(line.minutes()));
            if (line.hourlyRate)
                writer.writeNumber(moneyOrBlank(line.hourlyRate));
            else
                writer.writeText({});
            if (line.pay)
                writer.writeNumber(moneyOrBlank(line.pay));
            else
                writer.writeText({});
            writer.endRow();
        }
    }
    return out.str();
}

std::string payrollText(const metrics::PayrollReport& report)
{
    std::string out;
    out += "Payroll " + formatIsoDay(report.period.first) + " to " + formatIsoDay(report.period.last) + " ("
        + std::to_string(report.period.days()) + " days)\n";
    out += "Rule: " + metrics::describePayPeriodRule(report.settings.periods) + "; hours = "
        + (report.settings.oneHourPerSession ? "one hour per session" : "scheduled duration of each session")
        + "; billable cancels " + (report.settings.payBillableCancels ? "paid" : "not paid") + "\n";
    if (!report.periodStarted())
        out += "The period starts after " + formatIsoDay(report.sessionsThrough) + ": no sessions are counted yet.\n";
    else if (!report.periodComplete())
        out += "Sessions counted through " + formatIsoDay(report.sessionsThrough) + ": the period is not over.\n";

    out += "\nClinicians\n";
    TextTable clinicians({{"Clinician"},
                          {"Role"},
                          {"Sessions", Align::Right},
                          {"Billable cancels", Align::Right},
                          {"Hours", Align::Right},
                          {"Rate", Align::Right},
                          {"Pay", Align::Right}});
    for (const metrics::ClinicianPay& c : report.clinicians) {
        std::string cancels = std::to_string(c.billableCancels);
        if (c.billableCancels > 0)
            cancels += c.billableCancelsPaid ? " (paid)" : " (not paid)";
        clinicians.addRow({detail::terminalSafe(c.name, 28), detail::terminalSafe(c.role, 20),
                           std::to_string(c.countedSessions), cancels, metrics::formatHours(c.paidMinutes),
                           displayMoneyOr(c.hourlyRate, "no rate"), displayMoneyOr(c.pay, "-")});
    }
    if (clinicians.rows() == 0)
        out += "  (none)\n";
    else
        clinicians.render(out, "  ");

    out += "\nSupport staff (timesheet)\n";
    TextTable staff({{"Name"}, {"Role"}, {"Days", Align::Right}, {"Hours", Align::Right}, {"Rate", Align::Right},
                     {"Pay", Align::Right}});
    for (const metrics::StaffPay& s : report.staff)
        staff.addRow({detail::terminalSafe(s.name, 28), detail::terminalSafe(s.role, 20), std::to_string(s.days),
                      metrics::formatHours(s.minutes), displayMoneyOr(s.hourlyRate, "no rate"),
                      displayMoneyOr(s.pay, "-")});
    if (staff.rows() == 0)
        out += "  (none)\n";
    else
        staff.render(out, "  ");

    const metrics::PayrollTotals& t = report.totals;
    out += "\nTotals\n";
    TextTable totals({{""}, {"Hours", Align::Right}, {"Pay", Align::Right}});
    totals.addRow({"Clinicians", metrics::formatHours(t.clinicianMinutes), formatCentsDisplay(t.clinicianPay)});
    totals.addRow({"Support staff", metrics::formatHours(t.staffMinutes), formatCentsDisplay(t.staffPay)});
    totals.addRow({"Total", metrics::formatHours(t.minutes()), formatCentsDisplay(t.pay())});
    totals.render(out, "  ");
    if (t.missingRates > 0)
        out += "  " + std::to_string(t.missingRates)
            + (t.missingRates == 1 ? " row has" : " rows have")
            + " hours but no hourly rate: not in the pay totals. Set rates in Team & Settings.\n";
    return out;
}

} // namespace caseboard::report
