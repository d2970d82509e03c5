#pragma once
// Each caseboard-cli subcommand registers its options on the parent app and returns what
// runs it once the command line is parsed. One file per command.

#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace caseboard::cli {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitRejected = 2; // an import left at least one file out

struct Command {
    CLI::App* app = nullptr;
    std::function<int()> run;
};

Command addDemoCommand(CLI::App& parent);
Command addCheckCommand(CLI::App& parent);
Command addImportCommand(CLI::App& parent);
Command addExportCommand(CLI::App& parent);
Command addReportCommand(CLI::App& parent);
Command addHistoryCommand(CLI::App& parent);
Command addRollbackCommand(CLI::App& parent);

} // namespace caseboard::cli
