// caseboard-cli: the engine from a terminal. Every command here is the same engine call
// the GUI makes; nothing is computed differently for the command line.

#include "caseboard/core/logging.h"
#include "commands.h"

#include <spdlog/spdlog.h>

#include <iostream>
#include <vector>

int main(int argc, char** argv)
{
    using namespace caseboard;
    CLI::App app{"caseboard-cli: practice analytics from the command line"};
    app.require_subcommand(1);
    bool verbose = false;
    app.add_flag("-v,--verbose", verbose, "Also write log lines to stderr");

    const std::vector<cli::Command> commands{cli::addDemoCommand(app), cli::addCheckCommand(app),
                                             cli::addImportCommand(app), cli::addExportCommand(app),
                                             cli::addReportCommand(app), cli::addHistoryCommand(app),
                                             cli::addRollbackCommand(app)};
    CLI11_PARSE(app, argc, argv);

    initLogging(defaultDataDirectory(), verbose);
    for (const cli::Command& command : commands) {
        if (!command.app->parsed())
            continue;
        try {
            return command.run();
        } catch (const std::exception& error) {
            spdlog::error("{} failed: {}", command.app->get_name(), error.what());
            std::cerr << "caseboard-cli: " << error.what() << "\n";
            return cli::kExitFailure;
        }
    }
    return cli::kExitFailure;
}
