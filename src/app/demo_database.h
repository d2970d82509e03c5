#pragma once
// The demo practice: a fictional group practice generated into the user's data
// directory on first start, so there is something real to explore.

#include "caseboard/core/day.h"
#include "caseboard/demo/demo_practice.h"

#include <QString>

namespace caseboard::app {

// "<dataDirectory>/demo-practice.db"
QString demoDatabasePath(const QString& dataDirectory);

struct DemoBuildResult {
    bool ok = false;
    QString error;
    DemoSummary summary;
};

// The options the app uses: seed 1, history ending `today`.
DemoOptions defaultDemoOptions(Day today);

// Generates the demo practice into `path`. Blocking and slow: run it off the GUI thread.
// It writes to "<path>.partial" and renames when done, so an interrupted run never
// leaves a half-made demo behind.
DemoBuildResult buildDemoDatabase(const QString& path, const DemoOptions& options);

} // namespace caseboard::app
