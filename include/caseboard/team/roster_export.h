#pragma once
// The team roster in the caseboard-team layout (docs/import-formats.md), so a roster
// exported from one database imports into another (or back after editing in a
// spreadsheet). The layout holds one weekly goal from the start date, so the goal is
// written only for a clinician whose single goal period is exactly that (from the start
// to the end date); anyone with a goal history leaves it blank, and an import of the
// file changes no goal period. Goal histories travel with the database itself.

#include <iosfwd>

namespace caseboard {
class Store;
}

namespace caseboard::team {

// Returns false when the stream failed.
bool writeRoster(Store& store, std::ostream& out);

} // namespace caseboard::team
