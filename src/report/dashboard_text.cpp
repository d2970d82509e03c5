// The dashboard as a weekly summary for a terminal: the scope's block, two clinician
// tables (sessions and bookings; caseload and retention), then every workflow list.

#include "caseboard/report/dashboard_report.h"

#include "caseboard/core/day.h"
#include "caseboard/core/money.h"
#include "report_support.h"
#include "text_table.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace caseboard::report {

namespace {

using namespace caseboard::metrics;
using detail::Align;
using detail::TextTable;

constexpr std::string_view kUndefined = "\u2014"; // an em dash, as the GUI shows it

std::string percent(const std::optional<double>& rate)
{
    if (!rate)
        return std::string(kUndefined);
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", *rate * 100.0);
    return text;
}

// Goals are whole sessions or simple fractions: "24", "7.5".
std::string goal(double value)
{
    if (value == std::round(value) && std::fabs(value) < 1e15)
        return formatWithThousands(static_cast<std::int64_t>(value));
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

std::string decimal(const std::optional<double>& value)
{
    if (!value)
        return std::string(kUndefined);
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", *value);
    return text;
}

std::string count(std::int64_t value)
{
    return formatWithThousands(value);
}

std::string count(const std::optional<std::int64_t>& value)
{
    return value ? formatWithThousands(*value) : std::string(kUndefined);
}

std::string money(const std::optional<double>& dollars)
{
    return dollars ? formatCentsDisplay(detail::toCents(*dollars)) : std::string(kUndefined);
}

std::string day(std::int32_t serial, std::string_view none = kUndefined)
{
    const std::optional<std::string> text = detail::isoDay(serial);
    return text ? *text : std::string(none);
}

std::string retentionStatus(RetentionStatus status)
{
    return status == RetentionStatus::Unknown ? std::string(kUndefined) : std::string(retentionStatusName(status));
}

class Writer {
public:
    Writer(const Snapshot& snapshot, const ReportOptions& options) : snapshot_(snapshot), options_(options) {}

    std::string clinician(std::size_t index) const
    {
        return detail::terminalSafe(detail::clinicianName(snapshot_, index), 28);
    }
    std::string client(std::size_t index) const
    {
        return detail::terminalSafe(detail::clientName(snapshot_, index, options_), 28);
    }

    void line(std::string_view text = {})
    {
        out_ += text;
        out_ += '\n';
    }

    void field(std::string_view label, const std::string& value, const std::string& note = {})
    {
        constexpr std::size_t kLabelWidth = 34;
        std::string text = "  ";
        text += label;
        text.append(kLabelWidth > label.size() ? kLabelWidth - label.size() : 1, ' ');
        text += value;
        if (!note.empty())
            text += "  (" + note + ")";
        line(text);
    }

    // A list's heading and what puts an entry on it, or "none" when it is empty; true
    // when there is something to show.
    bool heading(std::string_view title, std::string_view about, std::size_t entries, const std::string& extra = {})
    {
        line();
        std::string text(title);
        if (entries == 0) {
            line(text + ": none");
            return false;
        }
        text += " (" + count(static_cast<std::int64_t>(entries)) + (extra.empty() ? "" : ", " + extra) + ")";
        line(text);
        line("  " + std::string(about));
        return true;
    }

    // How many of `entries` a list shows.
    std::size_t shown(std::size_t entries) const { return std::min(entries, options_.textListLimit); }

    void table(const TextTable& table, std::size_t entries)
    {
        table.render(out_, "  ");
        if (entries > table.rows())
            line("  \u2026 and " + count(static_cast<std::int64_t>(entries - table.rows())) + " more");
    }

    std::string take() { return std::move(out_); }

private:
    const Snapshot& snapshot_;
    const ReportOptions& options_;
    std::string out_;
};

std::string scopeLabel(const Snapshot& snapshot, const Scope& scope)
{
    switch (scope.kind) {
    case Scope::Kind::Practice: return "practice";
    case Scope::Kind::Clinician: return "clinician " + detail::terminalSafe(detail::clinicianName(snapshot, scope.clinician));
    case Scope::Kind::Location: return "location " + detail::terminalSafe(scope.value);
    case Scope::Kind::Supervisor: return "supervisor " + detail::terminalSafe(scope.value);
    case Scope::Kind::ClinicianType: return "clinician type " + detail::terminalSafe(scope.value);
    }
    return "practice";
}

void writeSummary(Writer& w, const ScopeSummary& s)
{
    const Retention& r = s.retention12m;
    w.line();
    w.line("SUMMARY");
    w.field("Weekly goal", goal(s.weeklyGoal));
    w.field("Counted sessions, last 7 days", count(s.countedLast7d), "goal " + goal(s.goalLast7d));
    w.field("Utilization, last 7 days", percent(s.utilizationLast7d),
            s.underPerforming.value_or(false) ? "under-performing" : "");
    w.field("Cancellation rate, 12 weeks", percent(s.cancellation12w.cancellation),
            "late cancel " + percent(s.cancellation12w.lateCancel) + ", no-show " +
                percent(s.cancellation12w.noShow));
    w.field("Weekly bookings target", count(s.bookingsTarget.target));
    w.field("Booked sessions, next 7 days", count(s.upcomingNext7d.sessions),
            count(s.upcomingNext7d.appointments) + " appointments");
    w.field("Active clients", count(s.activeClients), "baseline " + goal(s.caseloadBaseline));
    w.field("Retention, 12 months", percent(r.retentionRate), "cohort " + count(r.cohort) + " pairs");
    w.field("Churn, 12 months", percent(r.churnRate));
    w.field("Sessions per client, 12 months", decimal(r.avgSessionsPerClient));
    w.field("Revenue per session, 12 months", money(r.avgRevenuePerSession));
    w.field("Lifetime value, 12 months", money(r.lifetimeValue));
    w.field("Intakes, last 7 days", count(s.intakesLast7d));
    w.field("Overdue progress notes", count(s.overdueNotes));
    w.field("Unmarked past appointments", count(s.unmarkedPast), s.unmarkedPast > 0 ? "excluded from rates" : "");
}

void writeIntakesPerMonth(Writer& w, const std::vector<MonthCount>& months)
{
    if (months.empty())
        return;
    const MonthCount& current = months.back();
    std::string note;
    // 25 months end with T's month: the 12 before it, and 12 back the same month last year.
    if (months.size() >= 13) {
        std::int64_t previous = 0;
        for (std::size_t i = months.size() - 13; i < months.size() - 1; ++i)
            previous += months[i].count;
        note = "previous 12 months " + decimal(static_cast<double>(previous) / 12.0) + " a month; same month last year " +
               count(months[months.size() - 13].count);
    }
    w.field("Intakes, month to date", count(current.count), note);
}

void writeClinicianTables(Writer& w, const Dashboard& d)
{
    w.line();
    w.line("CLINICIANS: SESSIONS AND BOOKINGS");
    TextTable sessions({{"Clinician", Align::Left},
                        {"Goal", Align::Right},
                        {"Last 7d", Align::Right},
                        {"Util.", Align::Right},
                        {"Cancel 12w", Align::Right},
                        {"Target", Align::Right},
                        {"Booked", Align::Right},
                        {"Openings", Align::Right},
                        {"", Align::Left}});
    // Former clinicians' rows are all zeros; their past work is in the figures above.
    std::size_t formerClinicians = 0;
    for (const ClinicianSummary& c : d.clinicians) {
        if (!c.onStaff) {
            ++formerClinicians;
            continue;
        }
        std::string flags;
        auto flag = [&flags](std::string_view text) {
            flags += flags.empty() ? "" : ", ";
            flags += text;
        };
        if (c.openingsUrgent)
            flag("urgent");
        if (c.underPerforming.value_or(false))
            flag("under-performing");
        if (c.bookingsTarget.usesPracticeRate)
            flag("practice rate");
        sessions.addRow({w.clinician(c.clinician), goal(c.weeklyGoal), count(c.countedLast7d),
                         percent(c.utilizationLast7d), percent(c.cancellation12w.cancellation),
                         count(c.bookingsTarget.target), count(c.upcomingNext7d.sessions), count(c.openings), flags});
    }
    w.table(sessions, d.clinicians.size() - formerClinicians);
    if (formerClinicians > 0)
        w.line("  (" + count(static_cast<std::int64_t>(formerClinicians))
               + (formerClinicians == 1 ? " former clinician" : " former clinicians") + " not shown)");

    w.line();
    w.line("CLINICIANS: CASELOAD AND RETENTION");
    TextTable caseload({{"Clinician", Align::Left},
                        {"Active", Align::Right},
                        {"Baseline", Align::Right},
                        {"Retention", Align::Right},
                        {"Churn", Align::Right},
                        {"Status", Align::Left},
                        {"LTV", Align::Right},
                        {"Notes due", Align::Right},
                        {"", Align::Left}});
    for (const ClinicianSummary& c : d.clinicians)
        if (c.onStaff)
            caseload.addRow({w.clinician(c.clinician), count(c.activeClients), goal(c.caseloadBaseline),
                             percent(c.retention12m.retentionRate), percent(c.retention12m.churnRate),
                             retentionStatus(c.retentionStatus), money(c.retention12m.lifetimeValue),
                             count(c.overdueNotes), std::string(caseloadReadingText(c.caseloadReading))});
    w.table(caseload, d.clinicians.size() - formerClinicians);
}

void writeOpenings(Writer& w, const std::vector<Opening>& openings)
{
    if (!w.heading("CLINICIANS WITH OPENINGS", "Booked below the weekly bookings target for the next 7 days.",
                   openings.size()))
        return;
    TextTable table({{"Clinician", Align::Left},
                     {"Openings", Align::Right},
                     {"Target", Align::Right},
                     {"Booked", Align::Right},
                     {"", Align::Left}});
    for (std::size_t i = 0; i < w.shown(openings.size()); ++i) {
        const Opening& o = openings[i];
        table.addRow({w.clinician(o.clinician), count(o.openings), count(o.target.target), count(o.bookings),
                      o.urgent ? "urgent: below the weekly goal" : ""});
    }
    w.table(table, openings.size());
}

// The pair lists differ in which dates matter; `columns` picks them.
enum PairColumn : unsigned { Intake = 1, LastSession = 2, NextScheduled = 4, BillableCancels = 8 };

void writePairs(Writer& w, std::string_view title, std::string_view about, const std::vector<PairEntry>& entries,
                unsigned columns)
{
    if (!w.heading(title, about, entries.size()))
        return;
    std::vector<detail::TextColumn> header{{"Clinician", Align::Left}, {"Client", Align::Left}};
    if (columns & BillableCancels)
        header.push_back({"Billable cancels", Align::Right});
    if (columns & Intake)
        header.push_back({"Intake", Align::Left});
    if (columns & LastSession)
        header.push_back({"Last session", Align::Left});
    if (columns & NextScheduled)
        header.push_back({"Next scheduled", Align::Left});
    TextTable table(std::move(header));
    for (std::size_t i = 0; i < w.shown(entries.size()); ++i) {
        const PairEntry& e = entries[i];
        std::vector<std::string> row{w.clinician(e.clinician), w.client(e.client)};
        if (columns & BillableCancels)
            row.push_back(count(std::int64_t{e.billableCancels12m}));
        if (columns & Intake)
            row.push_back(day(e.intakeSerial));
        if (columns & LastSession)
            row.push_back(day(e.lastQualifyingSerial));
        if (columns & NextScheduled)
            row.push_back(day(e.nextScheduledSerial, "none"));
        table.addRow(std::move(row));
    }
    w.table(table, entries.size());
}

void writeNewClinicians(Writer& w, const std::vector<NewClinician>& clinicians)
{
    if (!w.heading("NEW CLINICIANS", "Started in the last 90 days; re-booked = intakes with a later appointment.",
                   clinicians.size()))
        return;
    TextTable table({{"Clinician", Align::Left},
                     {"Start", Align::Left},
                     {"Intakes", Align::Right},
                     {"Re-booked", Align::Right},
                     {"Rate", Align::Right},
                     {"Not re-booked", Align::Left}});
    for (std::size_t i = 0; i < w.shown(clinicians.size()); ++i) {
        const NewClinician& n = clinicians[i];
        std::string notRebooked;
        const std::size_t names = std::min<std::size_t>(n.notRebooked.size(), 3);
        for (std::size_t k = 0; k < names; ++k)
            notRebooked += (k ? ", " : "") + w.client(n.notRebooked[k].client);
        if (n.notRebooked.size() > names)
            notRebooked += " \u2026 and " + count(static_cast<std::int64_t>(n.notRebooked.size() - names)) + " more";
        table.addRow({w.clinician(n.clinician),
                      day(n.startSerial) + (n.startFromFirstAppointment ? " (first appointment)" : ""),
                      count(n.intakes), count(n.rebooked), percent(n.rebookingRate), notRebooked});
    }
    w.table(table, clinicians.size());
}

void writeAppointments(Writer& w, std::string_view title, std::string_view about,
                       const std::vector<AppointmentEntry>& entries)
{
    if (!w.heading(title, about, entries.size()))
        return;
    TextTable table({{"Date", Align::Left}, {"Clinician", Align::Left}, {"Client", Align::Left}});
    for (std::size_t i = 0; i < w.shown(entries.size()); ++i) {
        const AppointmentEntry& e = entries[i];
        table.addRow({day(e.daySerial), w.clinician(e.clinician), w.client(e.client)});
    }
    w.table(table, entries.size());
}

void writeMissingPayments(Writer& w, const MissingPayments& payments)
{
    if (!w.heading("MISSING PAYMENTS", "Past the payment lag with a balance left; totals by month and payer.",
                   payments.sessions.size(), formatCentsDisplay(payments.balance) + " due"))
        return;
    TextTable totals({{"Month", Align::Left}, {"Payer", Align::Left}, {"Sessions", Align::Right},
                      {"Balance", Align::Right}});
    for (std::size_t i = 0; i < w.shown(payments.totals.size()); ++i) {
        const PaymentTotal& t = payments.totals[i];
        totals.addRow({detail::isoMonth(t.year, t.month), t.payer.empty() ? "unknown" : detail::terminalSafe(t.payer, 36),
                       count(t.sessions), formatCentsDisplay(t.balance)});
    }
    w.table(totals, payments.totals.size());
    w.line();
    TextTable sessions({{"Date", Align::Left}, {"Clinician", Align::Left}, {"Client", Align::Left},
                        {"Payer", Align::Left}, {"Fee", Align::Right}, {"Paid", Align::Right},
                        {"Balance", Align::Right}});
    for (std::size_t i = 0; i < w.shown(payments.sessions.size()); ++i) {
        const MissingPayment& p = payments.sessions[i];
        sessions.addRow({day(p.appointment.daySerial), w.clinician(p.appointment.clinician),
                         w.client(p.appointment.client), p.payer.empty() ? "unknown" : detail::terminalSafe(p.payer, 36),
                         formatCentsDisplay(p.fee), formatCentsDisplay(p.paid), formatCentsDisplay(p.balance)});
    }
    w.table(sessions, payments.sessions.size());
}

} // namespace

std::string dashboardText(const Snapshot& snapshot, const Dashboard& d, const ReportOptions& options)
{
    Writer w(snapshot, options);
    const Day asOf = d.asOf;
    w.line("Caseboard weekly report, as of " + formatIsoDay(asOf) + " (" + scopeLabel(snapshot, d.scope) + ")");
    w.line("Last 7 days " + formatIsoDay(addDays(asOf, -6)) + " to " + formatIsoDay(asOf) + "; next 7 days " +
           formatIsoDay(addDays(asOf, 1)) + " to " + formatIsoDay(addDays(asOf, 7)) + ".");
    writeSummary(w, d.summary);
    writeIntakesPerMonth(w, d.intakesPerMonth);
    writeClinicianTables(w, d);

    const DashboardLists& lists = d.lists;
    writeOpenings(w, lists.openings);
    writePairs(w, "NEW CLIENT FOLLOW-UPS", "First session in the last 7 days.", lists.newClientFollowUps,
               Intake | NextScheduled);
    writeNewClinicians(w, lists.newClinicians);
    writePairs(w, "AT-RISK CLIENTS", "First session last month and nothing scheduled.", lists.atRiskClients,
               Intake | LastSession);
    writePairs(w, "CLOSE-OUT CANDIDATES", "No session for longer than the close-out period, nothing scheduled.",
               lists.closeOutCandidates, Intake | LastSession);
    writePairs(w, "ATTENDANCE POLICY", "Billable cancels (late cancels and no-shows) in the last 12 months.",
               lists.attendancePolicy, BillableCancels | LastSession | NextScheduled);
    writeAppointments(w, "OVERDUE PROGRESS NOTES", "Sessions whose note is not signed, oldest first.",
                      lists.overdueNotes.sessions);
    writeMissingPayments(w, lists.missingPayments);
    writeAppointments(w, "UNMARKED PAST APPOINTMENTS", "Past appointments still scheduled: left out of every rate.",
                      lists.unmarked);
    return w.take();
}

} // namespace caseboard::report
