#include "cell_reader.h"

#include <charconv>
#include <cmath>

namespace caseboard::import {

namespace {
std::string quoted(std::string_view text)
{
    // Long cells are cut: a reason is a sentence, not a copy of the file.
    constexpr std::size_t kMax = 40;
    std::string out = "'";
    out += text.size() > kMax ? std::string(text.substr(0, kMax)) + "..." : std::string(text);
    out += "'";
    return out;
}
} // namespace

std::string_view CellReader::text(Column column) const
{
    if (!column || *column >= row_.fields.size())
        return {};
    return row_.fields[*column];
}

std::string CellReader::columnName(Column column) const
{
    if (!column || *column >= layout_.names().size())
        return {};
    return layout_.names()[*column];
}

void CellReader::problem(Column column, std::string reason)
{
    problems_.push_back({columnName(column), std::move(reason), {}});
}

std::optional<DateTime> CellReader::dateTime(Column column, bool required)
{
    const std::string_view cell = text(column);
    if (isBlankField(cell)) {
        if (required)
            problem(column, "date is missing");
        return std::nullopt;
    }
    auto parsed = parseDateTime(cell);
    if (!parsed)
        problem(column, quoted(trim(cell)) + " is not a date (expected MM/DD/YYYY or YYYY-MM-DD)");
    return parsed;
}

std::optional<int> CellReader::timeOfDay(Column column)
{
    const std::string_view cell = text(column);
    if (isBlankField(cell))
        return std::nullopt;
    auto parsed = parseTimeOfDay(cell);
    if (!parsed)
        problem(column, quoted(trim(cell)) + " is not a time of day (expected HH:MM or H:MM AM)");
    return parsed;
}

std::optional<Cents> CellReader::money(Column column)
{
    const std::string_view cell = text(column);
    if (isBlankField(cell))
        return std::nullopt;
    auto parsed = parseMoney(cell);
    if (!parsed)
        problem(column, quoted(trim(cell)) + " is not an amount of money");
    return parsed;
}

std::optional<int> CellReader::duration(Column column)
{
    const std::string_view cell = text(column);
    if (isBlankField(cell))
        return std::nullopt;
    auto parsed = parseDurationMinutes(cell);
    if (!parsed) {
        if (trim(cell).starts_with('-'))
            problem(column, "duration " + quoted(trim(cell)) + " is negative");
        else
            problem(column, quoted(trim(cell)) + " is not a duration in minutes");
    }
    return parsed;
}

std::optional<StatusCategory> CellReader::status(Column column, const StatusMap& statuses)
{
    const std::string_view cell = trim(text(column));
    if (isBlankField(cell)) {
        problem(column, "status is missing");
        return std::nullopt;
    }
    auto category = statuses.categoryOf(cell);
    if (!category) {
        problem(column, "unknown status " + quoted(cell) + " (map it to a category in Settings, or import with it mapped)");
        problems_.back().unknownStatus = std::string(cell);
    }
    return category;
}

std::optional<double> CellReader::number(Column column, bool allowNegative)
{
    const std::string_view cell = trim(text(column));
    if (isBlankField(cell))
        return std::nullopt;
    double value = 0;
    const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    if (error != std::errc{} || end != cell.data() + cell.size() || !std::isfinite(value)) {
        problem(column, quoted(cell) + " is not a number");
        return std::nullopt;
    }
    if (!allowNegative && value < 0) {
        problem(column, quoted(cell) + " is negative");
        return std::nullopt;
    }
    return value;
}

std::string CellReader::name(Column column, bool required, std::string_view what)
{
    std::string value = normaliseName(text(column));
    if (value.empty() && required)
        problem(column, std::string(what) + " is missing");
    return value;
}

std::string nameKey(std::string_view name)
{
    std::string key = normaliseName(name);
    for (char& c : key)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return key;
}

NoteStatus readNoteStatus(std::string_view text)
{
    if (isBlankField(text))
        return NoteStatus::Unknown;
    const std::string key = nameKey(text);
    if (key == "locked" || key == "signed" || key == "complete" || key == "completed" || key == "finalized"
        || key == "finalised" || key == "signed and locked")
        return NoteStatus::Signed;
    return NoteStatus::Unsigned;
}

std::vector<std::string> copyFields(const csv::Row& row)
{
    return {row.fields.begin(), row.fields.end()};
}

} // namespace caseboard::import
