#pragma once
// The `caseboard` program: command line, logging, style, main window, startup.
//   caseboard [--db PATH] [--demo] [--screenshots DIR]

namespace caseboard::app {

// Runs the application; returns the process exit code.
int runApplication(int argc, char** argv);

} // namespace caseboard::app
