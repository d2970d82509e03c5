#pragma once
// Progress-note state of an appointment. Unknown means the export carried no note
// column, so the appointment can never be listed as an overdue note.

#include <cstdint>
#include <optional>
#include <string_view>

namespace caseboard {

enum class NoteStatus : std::uint8_t {
    Unknown = 0,
    Unsigned = 1,
    Signed = 2,
};

std::string_view noteStatusName(NoteStatus status); // "unknown", "unsigned", "signed"
std::optional<NoteStatus> noteStatusFromName(std::string_view name);

} // namespace caseboard
