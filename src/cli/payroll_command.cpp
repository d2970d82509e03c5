// caseboard-cli payroll: one pay period's payroll as text or as the payroll provider's
// CSV on stdout. The same computePayroll the Payroll view calls, over a read-only database.

#include "caseboard/core/day.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/payroll.h"
#include "caseboard/metrics/payroll_settings.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/report/payroll_report.h"
#include "caseboard/store/store.h"
#include "commands.h"

#include <spdlog/spdlog.h>

#include <iostream>
#include <memory>

namespace caseboard::cli {

namespace {

struct PayrollArguments {
    std::string db;
    std::string periodContaining;
    std::string asOf;
    std::string format = "text";
};

std::optional<Day> dayArgument(const std::string& text, const char* option)
{
    const std::optional<Day> parsed = parseIsoDay(text);
    if (!parsed)
        std::cerr << "caseboard-cli: " << option << " expects a date as YYYY-MM-DD, got '" << text << "'\n";
    return parsed;
}

int runPayroll(const PayrollArguments& args)
{
    const std::optional<Day> day = dayArgument(args.periodContaining, "--period-containing");
    if (!day)
        return kExitFailure;
    // Yesterday by default, as the GUI: today's sessions are not all marked yet.
    Day asOf = addDays(localToday(), -1);
    if (!args.asOf.empty()) {
        const std::optional<Day> parsed = dayArgument(args.asOf, "--as-of");
        if (!parsed)
            return kExitFailure;
        asOf = *parsed;
    }

    Store store = Store::open(args.db, Store::Access::ReadOnly);
    const metrics::PayrollSettings settings = metrics::loadPayrollSettings(store);
    const metrics::PayPeriod period = settings.periods.containing(*day);
    const metrics::Snapshot snapshot = metrics::loadSnapshot(store);
    const metrics::MetricSettings metricSettings = metrics::loadMetricSettings(store);
    const auto people = metrics::loadPayrollPeople(store.connection(), period);
    const metrics::PayrollReport report =
        metrics::computePayroll(snapshot, metricSettings, settings, people, period, asOf);
    // Counts and dates only: names stay out of the log.
    spdlog::info("payroll {} to {} ({}): {} clinicians, {} staff", formatIsoDay(period.first),
                 formatIsoDay(period.last), args.format, report.clinicians.size(), report.staff.size());

    if (args.format == "csv")
        std::cout << report::payrollCsv(report);
    else
        std::cout << report::payrollText(report);
    std::cout.flush();
    if (!std::cout) {
        std::cerr << "caseboard-cli: writing the payroll failed\n";
        return kExitFailure;
    }
    return kExitOk;
}

} // namespace

Command addPayrollCommand(CLI::App& parent)
{
    auto args = std::make_shared<PayrollArguments>();
    CLI::App* app = parent.add_subcommand("payroll", "Print the payroll of one pay period");
    app->add_option("--db", args->db, "Database file")->required()->check(CLI::ExistingFile);
    app->add_option("--period-containing", args->periodContaining,
                    "A day of the pay period, YYYY-MM-DD (the period rule is the database's setting)")
        ->required();
    app->add_option("--as-of", args->asOf,
                    "Sessions are counted up to this day, YYYY-MM-DD (default: yesterday)");
    app->add_option("--format", args->format, "text (default) or csv (for the payroll provider)")
        ->check(CLI::IsMember({"text", "csv"}));
    return {app, [args] { return runPayroll(*args); }};
}

} // namespace caseboard::cli
