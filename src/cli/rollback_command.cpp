// caseboard-cli rollback: undoes an import batch, and every later one still in force.
// Without --yes it only says what it would do.

#include "caseboard/store/batch_rollback.h"
#include "caseboard/store/store.h"
#include "commands.h"

#include <iostream>
#include <memory>

namespace caseboard::cli {

namespace {

struct RollbackArguments {
    std::string db;
    std::int64_t batch = 0;
    bool yes = false;
};

void printPlan(const RollbackPlan& plan)
{
    for (const ImportBatch& b : plan.batches)
        std::cout << "  batch " << b.id << "  " << b.importedAt << "  " << b.fileName << "\n";
    std::cout << "  appointments: " << plan.appointmentsRemoved << " removed, " << plan.appointmentsRestored
              << " put back as before\n"
              << "  clients: " << plan.clientsRemoved << " removed, " << plan.clientsRestored << " put back\n"
              << "  clinicians and staff: " << plan.cliniciansRemoved << " removed, " << plan.cliniciansRestored
              << " put back\n"
              << "  payments: " << plan.paymentsRemoved << " removed\n"
              << "  staff hours: " << plan.staffHoursRemoved << " removed, " << plan.staffHoursRestored
              << " put back\n";
}

int runRollback(const RollbackArguments& args)
{
    Store store = Store::open(args.db);
    try {
        if (!args.yes) {
            const RollbackPlan plan = planRollback(store, args.batch);
            std::cout << "rolling back batch " << args.batch << " would undo " << plan.batches.size()
                      << (plan.batches.size() == 1 ? " import:\n" : " imports, newest first:\n");
            printPlan(plan);
            std::cout << "nothing was changed; run again with --yes to roll back\n";
            return kExitOk;
        }
        const RollbackPlan plan = rollBackBatch(store, args.batch);
        std::cout << "rolled back " << plan.batches.size() << (plan.batches.size() == 1 ? " import:\n" : " imports:\n");
        printPlan(plan);
        return kExitOk;
    } catch (const std::invalid_argument& error) {
        std::cerr << "caseboard-cli: " << error.what() << " (see caseboard-cli history)\n";
        return kExitFailure;
    }
}

} // namespace

Command addRollbackCommand(CLI::App& parent)
{
    auto args = std::make_shared<RollbackArguments>();
    CLI::App* app = parent.add_subcommand("rollback", "Undo an import batch and every later import still in force");
    app->add_option("--db", args->db, "Database file")->required()->check(CLI::ExistingFile);
    app->add_option("--batch", args->batch, "Batch number, from caseboard-cli history")->required();
    app->add_flag("--yes", args->yes, "Roll back (without it, only show what would be undone)");
    return {app, [args] { return runRollback(*args); }};
}

} // namespace caseboard::cli
