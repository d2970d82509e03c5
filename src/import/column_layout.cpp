#include "caseboard/import/column_layout.h"

namespace caseboard::import {

std::string columnKey(std::string_view header)
{
    // A UTF-8 byte order mark left on the first header by a careless export.
    if (header.substr(0, 3) == "\xEF\xBB\xBF")
        header.remove_prefix(3);
    std::string key;
    key.reserve(header.size());
    for (char c : header) {
        if (c == ' ' || c == '_' || c == '-' || c == '\t' || c == '"')
            continue;
        key.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return key;
}

ColumnLayout::ColumnLayout(std::span<const std::string_view> header)
{
    names_.reserve(header.size());
    keys_.reserve(header.size());
    for (std::string_view name : header) {
        names_.emplace_back(name);
        keys_.push_back(columnKey(name));
    }
    used_.assign(header.size(), false);
}

std::optional<std::size_t> ColumnLayout::find(std::string_view name, int occurrence) const
{
    const std::string key = columnKey(name);
    for (std::size_t i = 0; i < keys_.size(); ++i)
        if (keys_[i] == key && occurrence-- == 0)
            return i;
    return std::nullopt;
}

std::optional<std::size_t> ColumnLayout::findAny(std::initializer_list<std::string_view> names) const
{
    for (std::string_view name : names)
        if (auto index = find(name))
            return index;
    return std::nullopt;
}

std::optional<std::size_t> ColumnLayout::findAfter(std::string_view name, std::size_t after) const
{
    const std::string key = columnKey(name);
    for (std::size_t i = after + 1; i < keys_.size(); ++i)
        if (keys_[i] == key)
            return i;
    return std::nullopt;
}

void ColumnLayout::markUsed(std::size_t index)
{
    if (index < used_.size())
        used_[index] = true;
}

std::vector<std::string> ColumnLayout::unusedColumns() const
{
    std::vector<std::string> result;
    for (std::size_t i = 0; i < names_.size(); ++i)
        if (!used_[i] && !keys_[i].empty())
            result.push_back(names_[i]);
    return result;
}

} // namespace caseboard::import
