// caseboard-cli check: what a database holds, and SQLite's integrity checks.

#include "caseboard/store/store.h"
#include "caseboard/core/money.h"
#include "commands.h"

#include <iostream>
#include <memory>

namespace caseboard::cli {

namespace {

int runCheck(const std::string& path)
{
    Store store = Store::open(path, Store::Access::ReadOnly);
    const StoreCounts counts = store.counts();
    std::cout << "Database      " << path << "\n"
              << "Schema        version " << store.schemaVersion() << "\n"
              << "Clinicians    " << formatWithThousands(counts.clinicians) << "\n"
              << "Clients       " << formatWithThousands(counts.clients) << "\n"
              << "Appointments  " << formatWithThousands(counts.appointments) << "\n"
              << "Imports       " << formatWithThousands(counts.importBatches) << "\n";
    if (counts.firstAppointment && counts.lastAppointment)
        std::cout << "Date range    " << formatIsoDay(*counts.firstAppointment) << " to "
                  << formatIsoDay(*counts.lastAppointment) << "\n";

    bool ok = true;
    auto check = store.connection().prepare("PRAGMA quick_check");
    while (check.step()) {
        if (check.textView(0) != "ok") {
            ok = false;
            std::cout << "Integrity     " << check.text(0) << "\n";
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

Command addCheckCommand(CLI::App& parent)
{
    auto path = std::make_shared<std::string>();
    CLI::App* app = parent.add_subcommand("check", "Summarise a database and check its integrity");
    app->add_option("--db", *path, "Database file")->required()->check(CLI::ExistingFile);
    return {app, [path] { return runCheck(*path); }};
}

} // namespace caseboard::cli
