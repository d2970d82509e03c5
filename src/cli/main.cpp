// caseboard-cli: the engine from a terminal. Every command here is the same engine call
// the GUI makes; nothing is computed differently for the command line.

#include "caseboard/core/day.h"
#include "caseboard/core/logging.h"
#include "caseboard/demo/demo_practice.h"
#include "caseboard/store/database_lock.h"
#include "caseboard/store/store.h"

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>

namespace {

using namespace caseboard;

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;

Day parseDayOption(const std::string& text)
{
    if (auto day = parseIsoDay(text))
        return *day;
    throw CLI::ValidationError("--end", "expected a date as YYYY-MM-DD, got '" + text + "'");
}

std::string withThousands(std::int64_t n)
{
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i != 0 && (digits.size() - i) % 3 == 0)
            out.push_back(',');
        out.push_back(digits[i]);
    }
    return n < 0 ? "-" + out : out;
}

void printSummary(Store& store)
{
    const StoreCounts counts = store.counts();
    std::cout << "Database      " << (store.inMemory() ? std::string(":memory:") : store.path().string()) << "\n"
              << "Schema        version " << store.schemaVersion() << "\n"
              << "Clinicians    " << withThousands(counts.clinicians) << "\n"
              << "Clients       " << withThousands(counts.clients) << "\n"
              << "Appointments  " << withThousands(counts.appointments) << "\n"
              << "Imports       " << withThousands(counts.importBatches) << "\n";
    if (counts.firstAppointment && counts.lastAppointment)
        std::cout << "Date range    " << formatIsoDay(*counts.firstAppointment) << " to "
                  << formatIsoDay(*counts.lastAppointment) << "\n";
}

int runDemo(const std::filesystem::path& db, const DemoOptions& options, bool replace)
{
    if (std::filesystem::exists(db)) {
        if (!replace) {
            std::cerr << "caseboard-cli: " << db.string()
                      << " already exists; pass --replace to overwrite it with a new demo practice\n";
            return kExitFailure;
        }
        // Take the lock before deleting, so a running Caseboard keeps its file.
        auto lock = DatabaseLock::acquire(db);
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
    std::cout << "Demo practice written to " << db.string() << " in " << seconds << " s\n";
    std::cout << "  " << summary.clinicians << " clinicians, " << withThousands(summary.clients) << " clients, "
              << withThousands(summary.appointments) << " appointments from " << formatIsoDay(summary.first)
              << " to " << formatIsoDay(summary.last) << "\n";
    return kExitOk;
}

int runCheck(const std::filesystem::path& db)
{
    Store store = Store::open(db, Store::Access::ReadOnly);
    printSummary(store);
    auto check = store.connection().prepare("PRAGMA quick_check");
    bool ok = true;
    while (check.step()) {
        const std::string line = check.text(0);
        if (line != "ok") {
            ok = false;
            std::cout << "Integrity     " << line << "\n";
        }
    }
    auto keys = store.connection().prepare("PRAGMA foreign_key_check");
    if (keys.step()) {
        ok = false;
        std::cout << "Integrity     foreign key violations found\n";
    }
    if (ok)
        std::cout << "Integrity     ok\n";
    return ok ? kExitOk : kExitFailure;
}

} // namespace

int main(int argc, char** argv)
{
    CLI::App app{"caseboard-cli: practice analytics from the command line"};
    app.require_subcommand(1);
    bool verbose = false;
    app.add_flag("-v,--verbose", verbose, "Also write log lines to stderr");

    std::string dbPath;
    DemoOptions demo;
    std::string endText;
    bool replace = false;
    std::int64_t appointments = 0;

    CLI::App* demoCommand = app.add_subcommand("demo", "Create a deterministic demo practice");
    demoCommand->add_option("--db", dbPath, "Database file to create")->required();
    demoCommand->add_option("--seed", demo.seed, "Random seed (the same seed gives the same practice)");
    demoCommand->add_option("--end", endText, "Last day of history, YYYY-MM-DD (default: today)");
    demoCommand->add_option("--appointments", appointments,
                            "About this many appointments (scales clinicians and clients)");
    demoCommand->add_option("--clinicians", demo.clinicians, "Number of clinicians");
    demoCommand->add_option("--clients", demo.clients, "Number of clients");
    demoCommand->add_option("--years", demo.years, "Years of history");
    demoCommand->add_flag("--replace", replace, "Overwrite an existing file");

    CLI::App* checkCommand = app.add_subcommand("check", "Summarise a database and check its integrity");
    checkCommand->add_option("--db", dbPath, "Database file")->required()->check(CLI::ExistingFile);

    CLI11_PARSE(app, argc, argv);

    initLogging(defaultDataDirectory(), verbose);
    try {
        if (demoCommand->parsed()) {
            demo.end = endText.empty() ? localToday() : parseDayOption(endText);
            demo.appointments = appointments;
            return runDemo(dbPath, demo, replace);
        }
        if (checkCommand->parsed())
            return runCheck(dbPath);
    } catch (const std::exception& error) {
        spdlog::error("command failed: {}", error.what());
        std::cerr << "caseboard-cli: " << error.what() << "\n";
        return kExitFailure;
    }
    return kExitFailure;
}
