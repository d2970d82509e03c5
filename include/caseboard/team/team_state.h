#pragma once
// Everything a Team & Settings edit can change, captured so an undo can put it back:
// the clinicians, their aliases and goal periods, the settings, and the clinician and
// status of the appointments the edit may touch (only those: a practice has far more
// appointments than an edit moves).

#include "caseboard/core/domain.h"
#include "caseboard/store/settings_value.h"

#include <optional>
#include <string>
#include <vector>

namespace caseboard {
class Store;
}

namespace caseboard::team {

struct AppointmentOwner {
    RowId appointment = 0;
    RowId clinician = 0;
    StatusCategory status = StatusCategory::Other;
};

struct SettingRow {
    std::string key;
    SettingValue value;
};

struct TeamState {
    std::vector<Clinician> clinicians;
    std::vector<std::pair<RowId, std::string>> aliases;
    std::vector<GoalPeriod> goalPeriods;
    std::vector<SettingRow> settings;
    std::vector<AppointmentOwner> appointments;
};

// Which appointments to keep: those of these clinicians, those with this raw status, and
// these by id (an edit's "after" names the rows its "before" held, wherever they moved).
struct AppointmentSelection {
    std::vector<RowId> clinicians;
    std::optional<std::string> rawStatus;
    std::vector<RowId> appointments;
};

// The selection of exactly the appointments a captured state holds.
AppointmentSelection sameAppointments(const TeamState& state);

TeamState captureTeamState(Store& store, const AppointmentSelection& selection = {});

// Puts the tables back as captured, in one transaction. Clinicians added since are
// deleted unless appointments (an import since) refer to them.
void restoreTeamState(Store& store, const TeamState& state);

} // namespace caseboard::team
