// caseboard-cli history: the imports a database has had, newest last, with what each did
// and whether it is still in force.

#include "caseboard/store/store.h"
#include "commands.h"

#include <iostream>
#include <memory>

namespace caseboard::cli {

Command addHistoryCommand(CLI::App& parent)
{
    auto db = std::make_shared<std::string>();
    CLI::App* app = parent.add_subcommand("history", "List the imports of a database (their batch numbers roll back)");
    app->add_option("--db", *db, "Database file")->required()->check(CLI::ExistingFile);
    return {app, [db] {
                Store store = Store::open(*db, Store::Access::ReadOnly);
                const std::vector<ImportBatch> batches = store.importBatches();
                if (batches.empty()) {
                    std::cout << "no imports yet\n";
                    return kExitOk;
                }
                for (const ImportBatch& b : batches) {
                    std::cout << "batch " << b.id << "  " << b.importedAt << "  " << b.fileName << " ("
                              << b.fileBytes << " bytes)  " << (b.preset.empty() ? "-" : b.preset) << ": " << b.added
                              << " added, " << b.updated << " updated, " << b.unchanged << " unchanged, "
                              << b.rejected << " rejected";
                    if (!b.inForce())
                        std::cout << "  [rolled back " << b.rolledBackAt << "]";
                    std::cout << "\n";
                }
                return kExitOk;
            }};
}

} // namespace caseboard::cli
