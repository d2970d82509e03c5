// caseboard-cli export appointments: every appointment in the caseboard-appointments
// layout, formula-safe, importable again.

#include "caseboard/import/appointment_export.h"
#include "caseboard/store/store.h"
#include "caseboard/core/money.h"
#include "commands.h"

#include <fstream>
#include <iostream>
#include <memory>

namespace caseboard::cli {

namespace {

struct ExportArguments {
    std::string db;
    std::string out;
    bool maskNames = false;
};

int runExport(const ExportArguments& args)
{
    Store store = Store::open(args.db, Store::Access::ReadOnly);
    std::ofstream out(args.out, std::ios::binary | std::ios::trunc);
    if (!out) {
        std::cerr << "caseboard-cli: cannot write " << args.out << "\n";
        return kExitFailure;
    }
    import::ExportOptions options;
    options.maskClientNames = args.maskNames;
    const std::uint64_t rows = import::exportAppointments(store, out, options);
    out.close();
    if (!out) {
        std::cerr << "caseboard-cli: writing " << args.out << " failed\n";
        return kExitFailure;
    }
    std::cout << "Wrote " << formatWithThousands(static_cast<std::int64_t>(rows)) << " appointments to " << args.out << "\n";
    return kExitOk;
}

} // namespace

Command addExportCommand(CLI::App& parent)
{
    auto args = std::make_shared<ExportArguments>();
    CLI::App* app = parent.add_subcommand("export", "Export data as CSV");
    app->require_subcommand(1);
    CLI::App* appointments =
        app->add_subcommand("appointments", "Every appointment in the caseboard-appointments layout");
    appointments->add_option("--db", args->db, "Database file")->required()->check(CLI::ExistingFile);
    appointments->add_option("--out", args->out, "CSV file to write")->required();
    appointments->add_flag("--mask-names", args->maskNames, "Write client initials instead of names");
    return {app, [args] { return runExport(*args); }};
}

} // namespace caseboard::cli
