#pragma once
// Finds columns in a header row by name. Names match ignoring case, spaces, hyphens,
// underscores and a stray byte order mark, so "Date of Service", "date_of_service" and
// "DATE OF SERVICE" are one column. Repeated names (SimplePractice's two "Charge",
// "Paid" and "Unpaid" groups) are told apart by occurrence, i.e. by position.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace caseboard::import {

std::string columnKey(std::string_view header);

class ColumnLayout {
public:
    ColumnLayout() = default;
    explicit ColumnLayout(std::span<const std::string_view> header);

    // Index of the `occurrence`-th (0-based) column with this name.
    std::optional<std::size_t> find(std::string_view name, int occurrence = 0) const;
    // The first of several names that is present.
    std::optional<std::size_t> findAny(std::initializer_list<std::string_view> names) const;
    // Index of the `occurrence`-th column with this name after column `after`.
    std::optional<std::size_t> findAfter(std::string_view name, std::size_t after) const;

    std::size_t size() const { return keys_.size(); }
    const std::vector<std::string>& names() const { return names_; }

    // Marks a column as read by the preset; the rest are reported as ignored.
    void markUsed(std::size_t index);
    std::vector<std::string> unusedColumns() const;

private:
    std::vector<std::string> names_;
    std::vector<std::string> keys_;
    std::vector<bool> used_;
};

} // namespace caseboard::import
