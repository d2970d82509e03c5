#pragma once
// Which preset reads a file, decided from its header the same way for an import and for
// its preview: a column mapping, else a preset named by the user, else detection.

#include "caseboard/import/preset.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace caseboard::import {

struct PresetChoice {
    const Preset* preset = nullptr; // null when none fits; `error` says why
    int confidence = 0;
    std::vector<Detection> detections; // every layout that could read the header, most likely first
    std::string error;                 // without the file's name
    std::unique_ptr<Preset> fromMapping; // owns `preset` when it was made from a mapping
};

PresetChoice choosePreset(const ColumnLayout& header, const PresetCatalog& catalog,
                          const std::optional<std::string>& presetName, const std::optional<ColumnMapping>& mapping);

} // namespace caseboard::import
