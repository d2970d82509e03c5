// caseboard-cli report: the weekly dashboard for one as-of date, as text, JSON or CSV on
// stdout. The same computeDashboard the Dashboard view calls, over a read-only database.

#include "caseboard/core/day.h"
#include "caseboard/metrics/dashboard.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/report/dashboard_report.h"
#include "caseboard/store/store.h"
#include "commands.h"

#include <spdlog/spdlog.h>

#include <iostream>
#include <memory>

namespace caseboard::cli {

namespace {

struct ReportArguments {
    std::string db;
    std::string asOf;
    std::string format = "text";
    bool initials = false;
};

int runReport(const ReportArguments& args)
{
    // Yesterday by default: today is not over, so its sessions are not all marked yet.
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
    const metrics::MetricSettings settings = metrics::loadMetricSettings(store);
    const metrics::Dashboard dashboard = metrics::computeDashboard(snapshot, settings, asOf);
    // Counts and dates only: the report itself holds client names, the log never does.
    spdlog::info("report as of {} ({}): {} clinicians, {} appointments", formatIsoDay(asOf), args.format,
                 snapshot.clinicians.size(), snapshot.appointments.size());

    report::ReportOptions options;
    options.clientInitials = args.initials;
    if (args.format == "json") {
        // Names are whatever the imports let in; replace bad UTF-8 rather than fail.
        std::cout << report::dashboardJson(snapshot, dashboard, options)
                         .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                  << "\n";
    } else if (args.format == "csv") {
        std::cout << report::dashboardCsv(snapshot, dashboard, options);
    } else {
        std::cout << report::dashboardText(snapshot, dashboard, options);
    }
    std::cout.flush();
    if (!std::cout) {
        std::cerr << "caseboard-cli: writing the report failed\n";
        return kExitFailure;
    }
    return kExitOk;
}

} // namespace

Command addReportCommand(CLI::App& parent)
{
    auto args = std::make_shared<ReportArguments>();
    CLI::App* app = parent.add_subcommand("report", "Print the weekly dashboard for one as-of date");
    app->add_option("--db", args->db, "Database file")->required()->check(CLI::ExistingFile);
    app->add_option("--as-of", args->asOf, "Last day the report covers, YYYY-MM-DD (default: yesterday)");
    app->add_option("--format", args->format, "text (default), json or csv")
        ->check(CLI::IsMember({"text", "json", "csv"}));
    app->add_flag("--initials", args->initials, "Show client names as initials");
    return {app, [args] { return runReport(*args); }};
}

} // namespace caseboard::cli
