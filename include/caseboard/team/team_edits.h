#pragma once
// The edits of Team & Settings, each one transaction: a clinician with their aliases
// (an alias that names another clinician merges that clinician in), goal periods added,
// changed or deleted by id, a setting written or reset, a raw status re-mapped with the
// existing appointments re-categorised. A refused edit throws EditRefused before
// anything is written, so the database is exactly as it was.

#include "caseboard/core/domain.h"
#include "caseboard/store/settings_value.h"

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace caseboard {
class Store;
}

namespace caseboard::team {

// A validation failure, with a message for people ("Kandice Cooper: 2025-01-06 to
// 2025-02-02 overlaps the period from 2025-01-01 (goal 20)").
class EditRefused : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The roles the editor offers: support staff are on payroll but have no sessions.
const std::vector<std::string>& clinicianRoles();

std::vector<std::string> aliasesOf(Store& store, RowId clinician);
// Every alias in the database by clinician id, for tables of the whole team.
std::vector<std::pair<RowId, std::string>> allAliases(Store& store);

// The ids of the other clinicians whose name is one of `aliases` (compared as imports
// compare names): the rows saveClinician would merge into `self`.
std::vector<RowId> mergeCandidates(Store& store, RowId self, const std::vector<std::string>& aliases);

struct SavedClinician {
    RowId id = 0;
    std::vector<std::string> merged; // names of the clinicians merged into this one
    std::int64_t appointmentsMoved = 0;
};

// Adds (id 0) or updates the clinician and replaces their aliases. An alias naming
// another clinician moves that clinician's appointments, goal periods and aliases to this
// one and deletes the duplicate row. Refused: an empty name, an end before the start, a
// negative hourly rate, an unknown role, a name or alias another clinician already has
// as an alias.
SavedClinician saveClinician(Store& store, const Clinician& clinician, const std::vector<std::string>& aliases);

// Why the period cannot be saved, or nullopt: end before start, goal < 0 (or not a
// number), an unknown clinician, or an overlap with another period of that clinician
// (the period's own row, by id, is not compared with itself).
std::optional<std::string> goalPeriodProblem(Store& store, const GoalPeriod& period);

// Adds (id 0) or updates the period; returns its id. Throws EditRefused with
// goalPeriodProblem's message.
RowId saveGoalPeriod(Store& store, const GoalPeriod& period);
void deleteGoalPeriod(Store& store, RowId period);

// Writes a setting, or with nullopt removes it so the default applies again.
void writeSetting(Store& store, const std::string& key, const std::optional<SettingValue>& value);
// Several at once, in one transaction.
void writeSettings(Store& store, const std::vector<std::pair<std::string, std::optional<SettingValue>>>& values);

// A raw status as the database holds it: its current category and how many
// appointments carry it.
struct RawStatusUse {
    std::string rawStatus;
    StatusCategory category = StatusCategory::Other;
    std::int64_t appointments = 0;
};
std::vector<RawStatusUse> rawStatusUses(Store& store);

// Maps the raw status (as imports match it) to the category in the practice's
// status_map and re-categorises every appointment with that raw status. Returns the
// number of appointments changed.
std::int64_t remapStatus(Store& store, std::string_view rawStatus, StatusCategory category);

} // namespace caseboard::team
