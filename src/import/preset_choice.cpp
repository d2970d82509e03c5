#include "preset_choice.h"

#include "presets.h"

namespace caseboard::import {

namespace {

std::string joinMissing(const std::vector<std::string>& missing)
{
    std::string text;
    for (const std::string& column : missing)
        text += (text.empty() ? "" : ", ") + column;
    return text;
}

std::string describeDetection(const std::vector<Detection>& detections)
{
    if (detections.empty())
        return "its columns match no known export layout";
    const Detection& best = detections.front();
    return "it looks like " + best.preset->title() + " (" + best.preset->name() + ") but lacks the column"
        + (best.match.missing.size() > 1 ? "s " : " ") + joinMissing(best.match.missing);
}

} // namespace

PresetChoice choosePreset(const ColumnLayout& header, const PresetCatalog& catalog,
                          const std::optional<std::string>& presetName, const std::optional<ColumnMapping>& mapping)
{
    PresetChoice choice;
    choice.detections = catalog.detect(header);
    const Preset* chosen = nullptr;
    if (mapping) {
        std::string error;
        if (!parseColumnMapping(formatColumnMapping(*mapping), &error)) {
            choice.error = "the column mapping is not valid: " + error;
            return choice;
        }
        // The generic layout under its own name: rows are stored exactly as a saved
        // mapping of the same columns would store them.
        choice.fromMapping = makeCaseboardAppointmentsPreset("caseboard-appointments", *mapping);
        chosen = choice.fromMapping.get();
    } else if (presetName) {
        chosen = catalog.byName(*presetName);
        if (!chosen) {
            choice.error = "there is no preset named '" + *presetName + "'";
            return choice;
        }
    }
    if (chosen) {
        const HeaderMatch match = chosen->match(header);
        if (!match.missing.empty()) {
            choice.error = "the header lacks the required column" + std::string(match.missing.size() > 1 ? "s " : " ")
                + joinMissing(match.missing) + " of " + chosen->name();
            return choice;
        }
        choice.preset = chosen;
        choice.confidence = 100;
        return choice;
    }
    if (choice.detections.empty() || !choice.detections.front().match.missing.empty()) {
        choice.error = "unknown layout: " + describeDetection(choice.detections);
        return choice;
    }
    choice.preset = choice.detections.front().preset;
    choice.confidence = choice.detections.front().match.confidence;
    return choice;
}

} // namespace caseboard::import
