#pragma once
// One import of one file, as recorded in the database.

#include "caseboard/core/domain.h"

#include <cstdint>
#include <string>

namespace caseboard {

struct ImportBatch {
    RowId id = 0;
    std::string fileName;  // the file's name only, never its directory
    std::string sha256;    // hex digest of the file's bytes
    std::string preset;    // e.g. "simplepractice-attendance"
    std::string importedAt; // UTC, ISO 8601 "YYYY-MM-DDTHH:MM:SSZ"
    std::int64_t added = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0;
    std::int64_t rejected = 0;
    std::uintmax_t fileBytes = 0;
    std::string rolledBackAt; // UTC ISO 8601 when rolled back; empty while in force

    bool inForce() const { return rolledBackAt.empty(); }
};

} // namespace caseboard
