// caseboard-cli demo: writes the deterministic demo practice into a new database.

#include "caseboard/core/day.h"
#include "caseboard/demo/demo_practice.h"
#include "caseboard/store/database_lock.h"
#include "caseboard/store/store.h"
#include "caseboard/core/money.h"
#include "commands.h"

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>

namespace caseboard::cli {

namespace {

struct DemoArguments {
    std::string db;
    DemoOptions demo;
    std::string end;
    std::int64_t appointments = 0;
    bool replace = false;
};

int runDemo(const DemoArguments& args)
{
    DemoOptions options = args.demo;
    if (args.end.empty()) {
        options.end = localToday();
    } else if (auto end = parseIsoDay(args.end)) {
        options.end = *end;
    } else {
        std::cerr << "caseboard-cli: --end expects a date as YYYY-MM-DD, got '" << args.end << "'\n";
        return kExitFailure;
    }
    options.appointments = args.appointments;

    const std::filesystem::path db = args.db;
    if (std::filesystem::exists(db)) {
        if (!args.replace) {
            std::cerr << "caseboard-cli: " << db.string()
                      << " already exists; pass --replace to overwrite it with a new demo practice\n";
            return kExitFailure;
        }
        // Hold the lock while deleting, so a running Caseboard keeps its file.
        const auto lock = DatabaseLock::acquire(db);
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
            std::filesystem::path file = db;
            file += suffix;
            std::filesystem::remove(file);
        }
    }
    const auto started = std::chrono::steady_clock::now();
    Store store = Store::open(db);
    const DemoSummary summary = generateDemoPractice(store, options);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "Demo practice written to " << db.string() << " in " << seconds << " s\n"
              << "  " << summary.clinicians << " clinicians, " << formatWithThousands(summary.clients) << " clients, "
              << formatWithThousands(summary.appointments) << " appointments from " << formatIsoDay(summary.first)
              << " to " << formatIsoDay(summary.last) << "\n";
    return kExitOk;
}

} // namespace

Command addDemoCommand(CLI::App& parent)
{
    auto args = std::make_shared<DemoArguments>();
    CLI::App* app = parent.add_subcommand("demo", "Create a deterministic demo practice");
    app->add_option("--db", args->db, "Database file to create")->required();
    app->add_option("--seed", args->demo.seed, "Random seed (the same seed gives the same practice)");
    app->add_option("--end", args->end, "Last day of history, YYYY-MM-DD (default: today)");
    app->add_option("--appointments", args->appointments,
                    "About this many appointments (scales clinicians and clients)");
    app->add_option("--clinicians", args->demo.clinicians, "Number of clinicians");
    app->add_option("--clients", args->demo.clients, "Number of clients");
    app->add_option("--years", args->demo.years, "Years of history");
    app->add_flag("--replace", args->replace, "Overwrite an existing file");
    return {app, [args] { return runDemo(*args); }};
}

} // namespace caseboard::cli
