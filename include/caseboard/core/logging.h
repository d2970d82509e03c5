#pragma once
// Logging goes to a rotating file in the user's data directory. Log lines carry ids,
// counts and file names — never a client's name or any other PHI.

#include <filesystem>

namespace caseboard {

// $XDG_DATA_HOME/caseboard, or ~/.local/share/caseboard. Created when missing.
std::filesystem::path defaultDataDirectory();

// Sets up the default spdlog logger: "<directory>/caseboard.log", rotated at 5 MB,
// three files kept; also to stderr when `alsoToStderr`. Safe to call more than once.
void initLogging(const std::filesystem::path& directory, bool alsoToStderr = false);

} // namespace caseboard
