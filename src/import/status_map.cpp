#include "caseboard/import/status_map.h"

#include "caseboard/store/store.h"

namespace caseboard::import {

namespace {
constexpr const char* kSettingKey = "status_map";
}

std::optional<StatusCategory> StatusMap::categoryOf(std::string_view rawStatus) const
{
    if (!overrides_.empty()) {
        const auto found = overrides_.find(statusMatchKey(rawStatus));
        if (found != overrides_.end())
            return found->second;
    }
    return knownStatusCategory(rawStatus);
}

void StatusMap::set(std::string_view rawStatus, StatusCategory category)
{
    overrides_[statusMatchKey(rawStatus)] = category;
}

StatusMap StatusMap::load(Store& store)
{
    StatusMap map;
    const auto value = store.setting(kSettingKey);
    if (!value || !std::holds_alternative<std::string>(*value))
        return map;
    const std::string& text = std::get<std::string>(*value);
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(';', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string_view entry(text.data() + start, end - start);
        const std::size_t equals = entry.rfind('=');
        if (equals != std::string_view::npos) {
            if (auto category = statusCategoryFromName(entry.substr(equals + 1)))
                map.overrides_[std::string(entry.substr(0, equals))] = *category;
        }
        start = end + 1;
    }
    return map;
}

void StatusMap::save(Store& store) const
{
    std::string text;
    for (const auto& [key, category] : overrides_) {
        if (!text.empty())
            text += ';';
        text += key; // match keys hold no '=' or ';' worth keeping
        text += '=';
        text += statusCategoryName(category);
    }
    store.setSetting(kSettingKey, text);
}

} // namespace caseboard::import
