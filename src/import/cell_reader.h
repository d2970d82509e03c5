#pragma once
// Reads typed values out of one row's cells, adding a CellProblem that names the column
// for every cell it cannot read. Shared by the presets so that every layout words its
// errors the same way.

#include "caseboard/core/note_status.h"
#include "caseboard/import/normalise.h"
#include "caseboard/import/preset.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caseboard::import {

using Column = std::optional<std::size_t>;

class CellReader {
public:
    CellReader(const csv::Row& row, const ColumnLayout& layout, std::vector<CellProblem>& problems)
        : row_(row), layout_(layout), problems_(problems)
    {
    }

    // The cell's text, or "" when the column is absent or the row is short.
    std::string_view text(Column column) const;
    bool blank(Column column) const { return isBlankField(text(column)); }
    bool has(Column column) const { return column && *column < row_.fields.size(); }

    void problem(Column column, std::string reason);

    // Each returns nullopt for a blank cell (adding a problem when `required`) and for a
    // cell it cannot read (always adding a problem).
    std::optional<DateTime> dateTime(Column column, bool required);
    std::optional<int> timeOfDay(Column column);
    std::optional<Cents> money(Column column);
    std::optional<int> duration(Column column);
    std::optional<StatusCategory> status(Column column, const StatusMap& statuses);
    std::optional<double> number(Column column, bool allowNegative);
    // A name; "" (with a problem when required) when blank.
    std::string name(Column column, bool required, std::string_view what);

private:
    std::string columnName(Column column) const;

    const csv::Row& row_;
    const ColumnLayout& layout_;
    std::vector<CellProblem>& problems_;
};

// "ana  diaz " -> "ana diaz": how a client known only by name is keyed.
std::string nameKey(std::string_view name);

// A note status column: "LOCKED", "Signed", "Complete" -> Signed; anything else that is
// not blank -> Unsigned; blank -> Unknown.
NoteStatus readNoteStatus(std::string_view text);

// Copies the row's fields (for the rejects file).
std::vector<std::string> copyFields(const csv::Row& row);

} // namespace caseboard::import
