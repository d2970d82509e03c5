// caseboard-cli trends: year over year for one as-of date (each calendar year, the year to
// date against the same days last year, per location, supervisor and clinician type), as
// text, JSON or CSV on stdout. The same computeYearOverYear the Trends view calls.

#include "caseboard/core/day.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/metrics/year_over_year.h"
#include "caseboard/report/trends_report.h"
#include "caseboard/store/store.h"
#include "commands.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <iostream>
#include <memory>

namespace caseboard::cli {

namespace {

struct TrendsArguments {
    std::string db;
    std::string asOf;
    std::string format = "text";
};

int runTrends(const TrendsArguments& args)
{
    // Yesterday by default, as for report: today's sessions are not all marked yet.
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
    const auto started = std::chrono::steady_clock::now();
    const metrics::YearOverYear trends = metrics::computeYearOverYear(snapshot, settings, asOf);
    const auto elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    // Counts, dates and timings only: no names reach the log.
    spdlog::info("trends as of {} ({}): {} appointments, {} columns, computed in {} ms", formatIsoDay(asOf),
                 args.format, snapshot.appointments.size(), trends.periods.size(), elapsed.count());

    if (args.format == "json")
        std::cout << report::trendsJson(trends).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    else if (args.format == "csv")
        std::cout << report::trendsCsv(trends);
    else
        std::cout << report::trendsText(trends);
    std::cout.flush();
    if (!std::cout) {
        std::cerr << "caseboard-cli: writing the report failed\n";
        return kExitFailure;
    }
    return kExitOk;
}

} // namespace

Command addTrendsCommand(CLI::App& parent)
{
    auto args = std::make_shared<TrendsArguments>();
    CLI::App* app = parent.add_subcommand("trends", "Print each year and the year to date against last year");
    app->add_option("--db", args->db, "Database file")->required()->check(CLI::ExistingFile);
    app->add_option("--as-of", args->asOf, "Last day the report covers, YYYY-MM-DD (default: yesterday)");
    app->add_option("--format", args->format, "text (default), json or csv")
        ->check(CLI::IsMember({"text", "json", "csv"}));
    return {app, [args] { return runTrends(*args); }};
}

} // namespace caseboard::cli
