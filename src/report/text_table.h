#pragma once
// Aligned columns for the terminal form of reports. Widths count UTF-8 code points, not
// bytes, so "Zoë" lines up with "Zoe".

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace caseboard::report::detail {

enum class Align { Left, Right };

struct TextColumn {
    std::string header;
    Align align = Align::Left;
};

class TextTable {
public:
    explicit TextTable(std::vector<TextColumn> columns);

    // A row of exactly one cell per column (missing cells are blank, extra ones dropped).
    void addRow(std::vector<std::string> cells);
    std::size_t rows() const { return rows_.size(); }

    // Appends the header and the rows, each line starting with `indent`, cells two
    // spaces apart, no trailing blanks.
    void render(std::string& out, std::string_view indent) const;

private:
    std::vector<TextColumn> columns_;
    std::vector<std::vector<std::string>> rows_;
};

// Code points in UTF-8 text: the width a terminal gives it, for the scripts practices'
// names are written in (wide East Asian characters excepted).
std::size_t displayWidth(std::string_view text);

// Imported text as the terminal may show it: control characters (C0, DEL, C1) become '?',
// so a name cannot carry escape sequences; longer than `maxWidth` code points, it is
// cut and ends with "…".
std::string terminalSafe(std::string_view text, std::size_t maxWidth = 40);

} // namespace caseboard::report::detail
