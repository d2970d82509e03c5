#include "caseboard/core/note_status.h"

namespace caseboard {

std::string_view noteStatusName(NoteStatus status)
{
    switch (status) {
    case NoteStatus::Unsigned: return "unsigned";
    case NoteStatus::Signed: return "signed";
    case NoteStatus::Unknown: break;
    }
    return "unknown";
}

std::optional<NoteStatus> noteStatusFromName(std::string_view name)
{
    if (name == "unknown") return NoteStatus::Unknown;
    if (name == "unsigned") return NoteStatus::Unsigned;
    if (name == "signed") return NoteStatus::Signed;
    return std::nullopt;
}

} // namespace caseboard
