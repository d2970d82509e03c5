// The dashboard as JSON, and the CSV made from that JSON: one place decides what each
// figure is called and how it is written, so the two forms cannot drift apart.

#include "caseboard/report/dashboard_report.h"

#include "caseboard/csv/csv_writer.h"
#include "report_support.h"

#include <array>
#include <sstream>
#include <string_view>

namespace caseboard::report {

namespace {

using nlohmann::json;
using namespace caseboard::metrics;

json orNull(const std::optional<double>& value)
{
    return value ? json(*value) : json(nullptr);
}

json orNull(const std::optional<bool>& value)
{
    return value ? json(*value) : json(nullptr);
}

json orNull(const std::optional<std::int64_t>& value)
{
    return value ? json(*value) : json(nullptr);
}

json moneyOrNull(const std::optional<double>& dollars)
{
    return dollars ? json(detail::roundToCents(*dollars)) : json(nullptr);
}

json dayOrNull(std::int32_t serial)
{
    const std::optional<std::string> day = detail::isoDay(serial);
    return day ? json(*day) : json(nullptr);
}

json retentionStatusOrNull(RetentionStatus status)
{
    return status == RetentionStatus::Unknown ? json(nullptr) : json(std::string(retentionStatusName(status)));
}

json caseloadReadingOrNull(CaseloadReading reading)
{
    return reading == CaseloadReading::AtOrAboveBaseline ? json(nullptr)
                                                         : json(std::string(caseloadReadingText(reading)));
}

std::string_view scopeKindName(Scope::Kind kind)
{
    switch (kind) {
    case Scope::Kind::Practice: return "practice";
    case Scope::Kind::Clinician: return "clinician";
    case Scope::Kind::Location: return "location";
    case Scope::Kind::Supervisor: return "supervisor";
    case Scope::Kind::ClinicianType: return "clinician_type";
    }
    return "practice";
}

json scopeJson(const Snapshot& snapshot, const Scope& scope)
{
    json out{{"kind", std::string(scopeKindName(scope.kind))}};
    if (scope.kind == Scope::Kind::Clinician)
        out["name"] = detail::clinicianName(snapshot, scope.clinician);
    else if (scope.kind != Scope::Kind::Practice)
        out["name"] = scope.value;
    return out;
}

json practiceJson(const ScopeSummary& s)
{
    const Retention& r = s.retention12m;
    return {
        {"weekly_goal", s.weeklyGoal},
        {"counted_last_7d", s.countedLast7d},
        {"goal_last_7d", s.goalLast7d},
        {"utilization_last_7d", orNull(s.utilizationLast7d)},
        {"under_performing", orNull(s.underPerforming)},
        {"cancellation_rate_12w", orNull(s.cancellation12w.cancellation)},
        {"late_cancel_rate_12w", orNull(s.cancellation12w.lateCancel)},
        {"no_show_rate_12w", orNull(s.cancellation12w.noShow)},
        {"bookings_target", orNull(s.bookingsTarget.target)},
        {"upcoming_next_7d", s.upcomingNext7d.sessions},
        {"upcoming_appointments_next_7d", s.upcomingNext7d.appointments},
        {"active_clients", s.activeClients},
        {"caseload_baseline", s.caseloadBaseline},
        {"retention_cohort_12m", r.cohort},
        {"retention_rate_12m", orNull(r.retentionRate)},
        {"churn_rate_12m", orNull(r.churnRate)},
        {"avg_sessions_per_client_12m", orNull(r.avgSessionsPerClient)},
        {"avg_revenue_per_session_12m", moneyOrNull(r.avgRevenuePerSession)},
        {"ltv_12m", moneyOrNull(r.lifetimeValue)},
        {"intakes_last_7d", s.intakesLast7d},
        {"overdue_notes", s.overdueNotes},
        {"unmarked_past", s.unmarkedPast},
    };
}

json clinicianJson(const Snapshot& snapshot, const ClinicianSummary& c)
{
    const Retention& r = c.retention12m;
    return {
        {"name", detail::clinicianName(snapshot, c.clinician)},
        {"on_staff", c.onStaff},
        {"weekly_goal", c.weeklyGoal},
        {"counted_last_7d", c.countedLast7d},
        {"utilization_last_7d", orNull(c.utilizationLast7d)},
        {"under_performing", orNull(c.underPerforming)},
        {"cancellation_rate_12w", orNull(c.cancellation12w.cancellation)},
        {"late_cancel_rate_12w", orNull(c.cancellation12w.lateCancel)},
        {"no_show_rate_12w", orNull(c.cancellation12w.noShow)},
        {"bookings_target", orNull(c.bookingsTarget.target)},
        {"practice_rate_used", c.bookingsTarget.usesPracticeRate},
        {"upcoming_next_7d", c.upcomingNext7d.sessions},
        {"upcoming_appointments_next_7d", c.upcomingNext7d.appointments},
        {"openings", c.openings},
        {"openings_urgent", c.openingsUrgent},
        {"active_clients", c.activeClients},
        {"caseload_baseline", c.caseloadBaseline},
        {"caseload_reading", caseloadReadingOrNull(c.caseloadReading)},
        {"retention_cohort_12m", r.cohort},
        {"retention_rate_12m", orNull(r.retentionRate)},
        {"churn_rate_12m", orNull(r.churnRate)},
        {"retention_status", retentionStatusOrNull(c.retentionStatus)},
        {"avg_sessions_per_client_12m", orNull(r.avgSessionsPerClient)},
        {"avg_revenue_per_session_12m", moneyOrNull(r.avgRevenuePerSession)},
        {"ltv_12m", moneyOrNull(r.lifetimeValue)},
        {"intakes_last_7d", c.intakesLast7d},
        {"overdue_notes", c.overdueNotes},
    };
}

// Every pair list carries the same fields, so a reader handles them all alike.
json pairJson(const Snapshot& snapshot, const PairEntry& e, const ReportOptions& options)
{
    return {
        {"clinician", detail::clinicianName(snapshot, e.clinician)},
        {"client", detail::clientName(snapshot, e.client, options)},
        {"intake", dayOrNull(e.intakeSerial)},
        {"last_qualifying", dayOrNull(e.lastQualifyingSerial)},
        {"next_scheduled", dayOrNull(e.nextScheduledSerial)},
        {"billable_cancels_12m", e.billableCancels12m},
    };
}

json pairsJson(const Snapshot& snapshot, const std::vector<PairEntry>& entries, const ReportOptions& options)
{
    json out = json::array();
    for (const PairEntry& e : entries)
        out.push_back(pairJson(snapshot, e, options));
    return out;
}

json appointmentJson(const Snapshot& snapshot, const AppointmentEntry& e, const ReportOptions& options)
{
    return {
        {"clinician", detail::clinicianName(snapshot, e.clinician)},
        {"client", detail::clientName(snapshot, e.client, options)},
        {"date", dayOrNull(e.daySerial)},
    };
}

json appointmentsJson(const Snapshot& snapshot, const std::vector<AppointmentEntry>& entries,
                      const ReportOptions& options)
{
    json out = json::array();
    for (const AppointmentEntry& e : entries)
        out.push_back(appointmentJson(snapshot, e, options));
    return out;
}

json openingsJson(const Snapshot& snapshot, const std::vector<Opening>& openings)
{
    json out = json::array();
    for (const Opening& o : openings)
        out.push_back({
            {"clinician", detail::clinicianName(snapshot, o.clinician)},
            {"weekly_goal", o.target.weeklyGoal},
            {"bookings_target", orNull(o.target.target)},
            {"upcoming", o.bookings},
            {"openings", o.openings},
            {"urgent", o.urgent},
            {"practice_rate_used", o.target.usesPracticeRate},
        });
    return out;
}

json newCliniciansJson(const Snapshot& snapshot, const std::vector<NewClinician>& clinicians,
                       const ReportOptions& options)
{
    json out = json::array();
    for (const NewClinician& n : clinicians)
        out.push_back({
            {"clinician", detail::clinicianName(snapshot, n.clinician)},
            {"start", dayOrNull(n.startSerial)},
            {"start_from_first_appointment", n.startFromFirstAppointment},
            {"intakes", n.intakes},
            {"rebooked", n.rebooked},
            {"rebooking_rate", orNull(n.rebookingRate)},
            {"not_rebooked", pairsJson(snapshot, n.notRebooked, options)},
        });
    return out;
}

json missingPaymentsJson(const Snapshot& snapshot, const MissingPayments& payments, const ReportOptions& options)
{
    json sessions = json::array();
    for (const MissingPayment& p : payments.sessions) {
        json entry = appointmentJson(snapshot, p.appointment, options);
        entry["fee"] = detail::dollars(p.fee);
        entry["paid"] = detail::dollars(p.paid);
        entry["balance"] = detail::dollars(p.balance);
        entry["payer"] = p.payer.empty() ? json(nullptr) : json(std::string(p.payer));
        sessions.push_back(std::move(entry));
    }
    json totals = json::array();
    for (const PaymentTotal& t : payments.totals)
        totals.push_back({
            {"month", detail::isoMonth(t.year, t.month)},
            {"payer", t.payer.empty() ? json(nullptr) : json(t.payer)},
            {"sessions", t.sessions},
            {"balance", detail::dollars(t.balance)},
        });
    return {{"sessions", std::move(sessions)},
            {"totals", std::move(totals)},
            {"balance", detail::dollars(payments.balance)}};
}

json listsJson(const Snapshot& snapshot, const DashboardLists& lists, const ReportOptions& options)
{
    return {
        {"openings", openingsJson(snapshot, lists.openings)},
        {"new_client_followups", pairsJson(snapshot, lists.newClientFollowUps, options)},
        {"new_clinicians", newCliniciansJson(snapshot, lists.newClinicians, options)},
        {"at_risk_clients", pairsJson(snapshot, lists.atRiskClients, options)},
        {"close_out_candidates", pairsJson(snapshot, lists.closeOutCandidates, options)},
        {"attendance_policy", pairsJson(snapshot, lists.attendancePolicy, options)},
        {"overdue_notes", appointmentsJson(snapshot, lists.overdueNotes.sessions, options)},
        {"missing_payments", missingPaymentsJson(snapshot, lists.missingPayments, options)},
        {"unmarked", appointmentsJson(snapshot, lists.unmarked, options)},
    };
}

json intakesPerMonthJson(const std::vector<MonthCount>& months)
{
    json out = json::array();
    for (const MonthCount& m : months)
        out.push_back({{"month", detail::isoMonth(m.year, m.month)}, {"count", m.count}});
    return out;
}

json weeklySeriesJson(const std::vector<WeekPoint>& series)
{
    json out = json::array();
    for (const WeekPoint& w : series)
        out.push_back({
            {"week_start", formatIsoDay(w.weekStart)},
            {"week_end", formatIsoDay(w.weekEnd)},
            {"counted", w.counted},
            {"goal", w.goal},
            {"cancellation_rate", orNull(w.cancellation.cancellation)},
            {"active_clients", w.activeClients},
        });
    return out;
}

// The CSV columns: the JSON clinician keys of the contract, in its order.
constexpr std::array<std::string_view, 17> kCsvColumns{
    "name",
    "weekly_goal",
    "counted_last_7d",
    "utilization_last_7d",
    "cancellation_rate_12w",
    "bookings_target",
    "practice_rate_used",
    "upcoming_next_7d",
    "openings",
    "active_clients",
    "caseload_baseline",
    "retention_rate_12m",
    "churn_rate_12m",
    "retention_status",
    "ltv_12m",
    "overdue_notes",
    "under_performing",
};

void writeCsvCell(csv::CsvWriter& out, const json& value)
{
    if (value.is_number())
        out.writeNumber(value.dump());
    else if (value.is_string())
        out.writeText(value.get_ref<const std::string&>());
    else if (value.is_boolean())
        out.writeText(value.get<bool>() ? "true" : "false");
    else
        out.writeText(""); // null: undefined, or a figure the practice row does not have
}

void writeCsvRow(csv::CsvWriter& out, const json& row)
{
    for (std::string_view key : kCsvColumns) {
        const auto cell = row.find(std::string(key));
        writeCsvCell(out, cell == row.end() ? json(nullptr) : *cell);
    }
    out.endRow();
}

} // namespace

nlohmann::json dashboardJson(const Snapshot& snapshot, const Dashboard& dashboard, const ReportOptions& options)
{
    json clinicians = json::array();
    for (const ClinicianSummary& c : dashboard.clinicians)
        clinicians.push_back(clinicianJson(snapshot, c));
    return {
        {"format_version", 1},
        {"as_of", formatIsoDay(dashboard.asOf)},
        {"scope", scopeJson(snapshot, dashboard.scope)},
        {"client_names", options.clientInitials ? "initials" : "full"},
        {"practice", practiceJson(dashboard.summary)},
        {"clinicians", std::move(clinicians)},
        {"lists", listsJson(snapshot, dashboard.lists, options)},
        {"intakes_per_month", intakesPerMonthJson(dashboard.intakesPerMonth)},
        {"weekly_series", weeklySeriesJson(dashboard.series)},
    };
}

std::string dashboardCsv(const Snapshot& snapshot, const Dashboard& dashboard, const ReportOptions& options)
{
    // Built from the JSON so each cell is exactly the JSON figure. Clients never appear
    // here, so the options change nothing yet; they are taken for symmetry.
    const json report = dashboardJson(snapshot, dashboard, options);
    std::ostringstream text;
    {
        csv::CsvWriter out(text);
        out.writeRow(std::span<const std::string_view>(kCsvColumns));
        json practice = report.at("practice");
        practice["name"] = "Practice";
        writeCsvRow(out, practice);
        for (const json& clinician : report.at("clinicians"))
            writeCsvRow(out, clinician);
    }
    return text.str();
}

} // namespace caseboard::report
