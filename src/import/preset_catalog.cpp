#include "caseboard/import/preset.h"

#include "caseboard/import/normalise.h"
#include "presets.h"

#include <algorithm>
#include <stdexcept>

namespace caseboard::import {

HeaderMatch scoreHeader(const ColumnLayout& header, std::initializer_list<std::string_view> typical,
                        std::initializer_list<std::initializer_list<std::string_view>> required)
{
    HeaderMatch result;
    int found = 0;
    for (std::string_view name : typical)
        if (header.find(name))
            ++found;
    result.confidence = typical.size() == 0 ? 0 : 100 * found / static_cast<int>(typical.size());
    for (const auto& alternatives : required) {
        if (!header.findAny(alternatives)) {
            std::string names;
            for (std::string_view name : alternatives)
                names += (names.empty() ? "" : " or ") + std::string(name);
            result.missing.push_back(names);
        }
    }
    // A header that lacks a required column is at best a near miss.
    if (!result.missing.empty())
        result.confidence = std::min(result.confidence, 40);
    return result;
}

std::string formatColumnMapping(const ColumnMapping& mapping)
{
    std::string text;
    for (const auto& [field, header] : mapping) {
        if (!text.empty())
            text += ';';
        text += field + '=' + header;
    }
    return text;
}

std::optional<ColumnMapping> parseColumnMapping(std::string_view text, std::string* error)
{
    ColumnMapping mapping;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of(";,", start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view entry = trim(text.substr(start, end - start));
        if (!entry.empty()) {
            const std::size_t equals = entry.find('=');
            if (equals == std::string_view::npos) {
                if (error)
                    *error = "expected Field=Header, got '" + std::string(entry) + "'";
                return std::nullopt;
            }
            const std::string field(trim(entry.substr(0, equals)));
            const std::string header(trim(entry.substr(equals + 1)));
            const bool known = std::any_of(kCaseboardAppointmentColumns.begin(), kCaseboardAppointmentColumns.end(),
                                           [&](const std::string& f) { return columnKey(f) == columnKey(field); })
                || columnKey(field) == "chargefee" || columnKey(field) == "invoiced";
            if (!known || header.empty()) {
                if (error)
                    *error = known ? "no header given for " + field
                                   : "'" + field + "' is not a field of the caseboard-appointments layout";
                return std::nullopt;
            }
            // Store under the layout's own spelling of the field.
            std::string canonical = field;
            for (const std::string& f : kCaseboardAppointmentColumns)
                if (columnKey(f) == columnKey(field))
                    canonical = f;
            if (columnKey(field) == "chargefee")
                canonical = "Charge Fee";
            if (columnKey(field) == "invoiced")
                canonical = "Invoiced";
            mapping[canonical] = header;
        }
        start = end + 1;
    }
    return mapping;
}

PresetCatalog::PresetCatalog()
{
    presets_.push_back(makeSimplePracticeAppointmentStatusPreset());
    presets_.push_back(makeSimplePracticeAttendancePreset());
    presets_.push_back(makeSimplePracticeClientDetailsPreset());
    presets_.push_back(makeSimplePracticeIncomeAllocationPreset());
    presets_.push_back(makeCaseboardAppointmentsPreset("caseboard-appointments", {}));
    presets_.push_back(makeCaseboardTeamPreset());
    presets_.push_back(makeStaffTimesheetPreset());
}

PresetCatalog::~PresetCatalog() = default;
PresetCatalog::PresetCatalog(PresetCatalog&&) noexcept = default;
PresetCatalog& PresetCatalog::operator=(PresetCatalog&&) noexcept = default;

void PresetCatalog::addMapping(const std::string& name, const ColumnMapping& mapping)
{
    if (name.empty())
        throw std::invalid_argument("a saved column mapping needs a name");
    if (byName(name))
        throw std::invalid_argument("a preset named '" + name + "' already exists");
    std::string error;
    if (!parseColumnMapping(formatColumnMapping(mapping), &error))
        throw std::invalid_argument(error);
    presets_.push_back(makeCaseboardAppointmentsPreset(name, mapping));
}

const Preset* PresetCatalog::byName(std::string_view name) const
{
    for (const auto& preset : presets_)
        if (preset->name() == name)
            return preset.get();
    return nullptr;
}

std::vector<const Preset*> PresetCatalog::all() const
{
    std::vector<const Preset*> result;
    for (const auto& preset : presets_)
        result.push_back(preset.get());
    return result;
}

std::vector<Detection> PresetCatalog::detect(const ColumnLayout& header) const
{
    std::vector<Detection> result;
    for (const auto& preset : presets_) {
        HeaderMatch match = preset->match(header);
        if (match.confidence > 0)
            result.push_back({preset.get(), std::move(match)});
    }
    // Complete matches first, then by confidence; the catalog's order breaks ties.
    std::stable_sort(result.begin(), result.end(), [](const Detection& a, const Detection& b) {
        if (a.match.missing.empty() != b.match.missing.empty())
            return a.match.missing.empty();
        return a.match.confidence > b.match.confidence;
    });
    return result;
}

} // namespace caseboard::import
