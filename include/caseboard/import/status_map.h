#pragma once
// Which category a raw status from an export falls in: the defaults of METRICS.md, plus
// the practice's own choices for words the defaults do not know ("Telehealth no-show")
// or read differently. Saved in the database, so every import of a practice agrees.

#include "caseboard/core/status.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace caseboard {
class Store;
}

namespace caseboard::import {

class StatusMap {
public:
    // The practice's choice first, then the defaults; nullopt for a word neither knows.
    std::optional<StatusCategory> categoryOf(std::string_view rawStatus) const;

    void set(std::string_view rawStatus, StatusCategory category);
    const std::map<std::string, StatusCategory>& overrides() const { return overrides_; }

    // Stored in settings as "status_map" = "late cancel (fee)=late_cancel;...".
    static StatusMap load(Store& store);
    void save(Store& store) const;

private:
    std::map<std::string, StatusCategory> overrides_; // by statusMatchKey
};

} // namespace caseboard::import
