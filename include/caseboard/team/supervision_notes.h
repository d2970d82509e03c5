#pragma once
// The goals and notes of each monthly 1:1 (docs/supervision.md), one row per clinician
// and month in supervision_notes. They stay in the practice's database, which never
// leaves the machine: no export, no log line carries them.

#include "caseboard/core/domain.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caseboard {
class Store;
}

namespace caseboard::team {

struct SupervisionNote {
    RowId clinicianId = 0;
    std::string month;     // "YYYY-MM": the month reviewed at the 1:1
    std::string goals;     // the goals set at it
    std::string notes;
    std::string updatedAt; // UTC, "YYYY-MM-DDTHH:MM:SSZ"
};

// The note of (clinician, month); nullopt when none was saved. Throws
// std::invalid_argument when month is not "YYYY-MM".
std::optional<SupervisionNote> loadSupervisionNote(Store& store, RowId clinician, std::string_view month);

// "The goals set at the last 1:1": the note of the most recent month before `month`
// whose goals are not blank.
std::optional<SupervisionNote> lastGoalsBefore(Store& store, RowId clinician, std::string_view month);

// Every clinician's note of the month, by clinician id: what "Prepare all" reads once.
std::vector<SupervisionNote> supervisionNotesOfMonth(Store& store, std::string_view month);

// Writes the goals and notes of (clinician, month) in one transaction and returns the
// row as stored (with its new updated_at). Throws std::invalid_argument for a bad month.
SupervisionNote saveSupervisionNote(Store& store, RowId clinician, std::string_view month, std::string_view goals,
                                    std::string_view notes);

} // namespace caseboard::team
