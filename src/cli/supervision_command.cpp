// caseboard-cli supervision: one clinician's month for the 1:1 (docs/supervision.md), as
// text or JSON on stdout: the month, the previous month and the same month last year,
// the lists at the month's end and the goals and notes on record. The same
// clinicianMonth the Supervision view calls, over a read-only database.

#include "caseboard/core/day.h"
#include "caseboard/import/appointment_export.h"
#include "caseboard/metrics/clinician_month.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/store/store.h"
#include "caseboard/team/supervision_notes.h"
#include "commands.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

namespace caseboard::cli {

namespace {

struct SupervisionArguments {
    std::string db;
    std::string clinician;
    std::string month;
    std::string asOf;
    std::string format = "text";
    bool initials = false;
};

using metrics::MonthNumbers;

nlohmann::json optionalNumber(const std::optional<double>& value)
{
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json monthJson(const MonthNumbers& n)
{
    nlohmann::json j;
    j["month"] = n.month.iso();
    j["from"] = formatIsoDay(n.window.from);
    j["to"] = formatIsoDay(n.asOf);
    j["after_as_of"] = n.afterAsOf;
    j["partial"] = n.partial;
    j["before_start"] = n.beforeStart;
    if (n.afterAsOf)
        return j;
    j["counted_sessions"] = n.countedSessions;
    j["goal"] = n.goal;
    j["utilization"] = optionalNumber(n.utilization);
    j["cancellation_rate"] = optionalNumber(n.cancellation.cancellation);
    j["late_cancel_rate"] = optionalNumber(n.cancellation.lateCancel);
    j["no_show_rate"] = optionalNumber(n.cancellation.noShow);
    j["intakes"] = n.intakes;
    j["rebooked"] = n.rebooked;
    j["rebooking_rate"] = optionalNumber(n.rebookingRate);
    j["active_clients"] = n.activeClients;
    j["caseload_baseline"] = n.caseloadBaseline;
    j["retention_rate_12m"] = optionalNumber(n.retention.retentionRate);
    j["churn_rate_12m"] = optionalNumber(n.retention.churnRate);
    j["avg_sessions_per_client_12m"] = optionalNumber(n.retention.avgSessionsPerClient);
    j["lifetime_value_12m"] = optionalNumber(n.retention.lifetimeValue);
    j["overdue_notes"] = n.overdueNotes;
    return j;
}

std::string percent(const std::optional<double>& v)
{
    if (!v)
        return "-";
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", *v * 100.0);
    return text;
}

std::string decimal(const std::optional<double>& v, const char* format = "%.1f")
{
    if (!v)
        return "-";
    char text[32];
    std::snprintf(text, sizeof text, format, *v);
    return text;
}

std::string cell(const MonthNumbers& n, const std::string& value)
{
    if (n.afterAsOf)
        return "not yet";
    if (n.beforeStart)
        return "not started";
    return value;
}

std::string monthText(const metrics::Snapshot& snapshot, const metrics::ClinicianMonth& m, const std::string& name,
                      bool initials, const std::optional<team::SupervisionNote>& note,
                      const std::optional<team::SupervisionNote>& last)
{
    std::ostringstream out;
    const MonthNumbers& now = m.current();
    out << "Supervision: " << name << ", " << m.month.iso() << " (" << formatIsoDay(now.window.from) << " to "
        << formatIsoDay(now.asOf) << (now.partial ? ", part month" : "") << ")\n\n";
    const MonthNumbers* columns[] = {&now, &m.previous(), &m.sameMonthLastYear()};
    char line[256];
    std::snprintf(line, sizeof line, "%-30s %14s %14s %14s\n", "", now.month.iso().c_str(),
                  m.previous().month.iso().c_str(), m.sameMonthLastYear().month.iso().c_str());
    out << line;
    const auto row = [&](const char* label, auto value) {
        std::snprintf(line, sizeof line, "%-30s %14s %14s %14s\n", label, cell(*columns[0], value(*columns[0])).c_str(),
                      cell(*columns[1], value(*columns[1])).c_str(), cell(*columns[2], value(*columns[2])).c_str());
        out << line;
    };
    row("Counted sessions / goal", [](const MonthNumbers& n) {
        return std::to_string(n.countedSessions) + " / " + decimal(n.goal, "%.1f");
    });
    row("Utilization", [](const MonthNumbers& n) { return percent(n.utilization); });
    row("Cancellation rate", [](const MonthNumbers& n) { return percent(n.cancellation.cancellation); });
    row("Late-cancel rate", [](const MonthNumbers& n) { return percent(n.cancellation.lateCancel); });
    row("No-show rate", [](const MonthNumbers& n) { return percent(n.cancellation.noShow); });
    row("Intakes", [](const MonthNumbers& n) { return std::to_string(n.intakes); });
    row("Intakes re-booked", [](const MonthNumbers& n) {
        return std::to_string(n.rebooked) + " of " + std::to_string(n.intakes);
    });
    row("Active clients / baseline", [](const MonthNumbers& n) {
        return std::to_string(n.activeClients) + " / " + decimal(n.caseloadBaseline, "%.0f");
    });
    row("Retention (12 months)", [](const MonthNumbers& n) { return percent(n.retention.retentionRate); });
    row("Churn (12 months)", [](const MonthNumbers& n) { return percent(n.retention.churnRate); });
    row("Avg sessions per client", [](const MonthNumbers& n) { return decimal(n.retention.avgSessionsPerClient); });
    row("Client lifetime value", [](const MonthNumbers& n) {
        return n.retention.lifetimeValue ? "$" + decimal(n.retention.lifetimeValue, "%.0f") : std::string("-");
    });
    row("Overdue notes", [](const MonthNumbers& n) { return std::to_string(n.overdueNotes); });

    const auto client = [&](std::size_t index) {
        const std::string& full = snapshot.clients[index].displayName;
        return initials ? import::initialsOf(full) : full;
    };
    out << "\nAt-risk clients (" << m.atRiskClients.size() << ")\n";
    for (const auto& e : m.atRiskClients)
        out << "  " << client(e.client) << "  intake " << formatIsoDay(fromSerial(e.intakeSerial)) << "\n";
    out << "Close-out candidates (" << m.closeOutCandidates.size() << ")\n";
    for (const auto& e : m.closeOutCandidates)
        out << "  " << client(e.client) << "  last session " << formatIsoDay(fromSerial(e.lastQualifyingSerial))
            << "\n";
    out << "Overdue notes (" << m.overdueNotes.size() << ")\n";
    for (const auto& e : m.overdueNotes)
        out << "  " << client(e.client) << "  session " << formatIsoDay(fromSerial(e.daySerial)) << "\n";

    out << "\nGoals set at the last 1:1" << (last ? " (" + last->month + ")" : std::string()) << ":\n  "
        << (last ? last->goals : std::string("none recorded")) << "\n";
    out << "This month's goals:\n  " << (note && !note->goals.empty() ? note->goals : std::string("none recorded"))
        << "\n";
    out << "Notes:\n  " << (note && !note->notes.empty() ? note->notes : std::string("none recorded")) << "\n";
    return out.str();
}

int runSupervision(const SupervisionArguments& args)
{
    const std::optional<metrics::CalendarMonth> month = metrics::CalendarMonth::parse(args.month);
    if (!month) {
        std::cerr << "caseboard-cli: --month expects YYYY-MM, got '" << args.month << "'\n";
        return kExitFailure;
    }
    Day asOf = addDays(localToday(), -1);
    if (!args.asOf.empty()) {
        const std::optional<Day> parsed = parseIsoDay(args.asOf);
        if (!parsed) {
            std::cerr << "caseboard-cli: --as-of expects a date as YYYY-MM-DD, got '" << args.asOf << "'\n";
            return kExitFailure;
        }
        asOf = *parsed;
    }
    Store store = Store::open(args.db, Store::Access::ReadOnly);
    const metrics::Snapshot snapshot = metrics::loadSnapshot(store);
    const std::optional<Clinician> clinician = store.clinicianByName(args.clinician);
    const std::optional<std::size_t> index = clinician ? snapshot.clinicianIndex(clinician->id) : std::nullopt;
    if (!index) {
        std::cerr << "caseboard-cli: no clinician named '" << args.clinician << "'\n";
        return kExitFailure;
    }
    const metrics::MetricSettings settings = metrics::loadMetricSettings(store);
    const metrics::ClinicianMonth m = metrics::clinicianMonth(snapshot, settings, *index, *month, asOf);
    const auto note = team::loadSupervisionNote(store, clinician->id, month->iso());
    const auto last = team::lastGoalsBefore(store, clinician->id, month->iso());
    spdlog::info("supervision for {} as of {} ({})", month->iso(), formatIsoDay(asOf), args.format);

    if (args.format == "json") {
        nlohmann::json j;
        j["clinician"] = clinician->name;
        j["as_of"] = formatIsoDay(asOf);
        j["month"] = monthJson(m.current());
        j["previous_month"] = monthJson(m.previous());
        j["same_month_last_year"] = monthJson(m.sameMonthLastYear());
        nlohmann::json trend = nlohmann::json::array();
        for (const MonthNumbers& n : m.trend)
            trend.push_back(monthJson(n));
        j["trend"] = trend;
        const auto client = [&](std::size_t i) {
            return args.initials ? import::initialsOf(snapshot.clients[i].displayName) : snapshot.clients[i].displayName;
        };
        j["at_risk_clients"] = nlohmann::json::array();
        for (const auto& e : m.atRiskClients)
            j["at_risk_clients"].push_back({{"client", client(e.client)}, {"intake", formatIsoDay(fromSerial(e.intakeSerial))}});
        j["close_out_candidates"] = nlohmann::json::array();
        for (const auto& e : m.closeOutCandidates)
            j["close_out_candidates"].push_back(
                {{"client", client(e.client)}, {"last_session", formatIsoDay(fromSerial(e.lastQualifyingSerial))}});
        j["overdue_notes"] = nlohmann::json::array();
        for (const auto& e : m.overdueNotes)
            j["overdue_notes"].push_back({{"client", client(e.client)}, {"session", formatIsoDay(fromSerial(e.daySerial))}});
        j["last_goals"] = last ? nlohmann::json{{"month", last->month}, {"goals", last->goals}} : nlohmann::json(nullptr);
        j["goals"] = note ? note->goals : std::string();
        j["notes"] = note ? note->notes : std::string();
        std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
        std::cout << monthText(snapshot, m, clinician->name, args.initials, note, last);
    }
    std::cout.flush();
    return std::cout ? kExitOk : kExitFailure;
}

} // namespace

Command addSupervisionCommand(CLI::App& parent)
{
    auto args = std::make_shared<SupervisionArguments>();
    CLI::App* app = parent.add_subcommand("supervision", "Print one clinician's month for the monthly 1:1");
    app->add_option("--db", args->db, "Database file")->required()->check(CLI::ExistingFile);
    app->add_option("--clinician", args->clinician, "Clinician name (or alias)")->required();
    app->add_option("--month", args->month, "Month reviewed, YYYY-MM")->required();
    app->add_option("--as-of", args->asOf, "Last day of data, YYYY-MM-DD (default: yesterday)");
    app->add_option("--format", args->format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
    app->add_flag("--initials", args->initials, "Show client names as initials");
    return {app, [args] { return runSupervision(*args); }};
}

} // namespace caseboard::cli
