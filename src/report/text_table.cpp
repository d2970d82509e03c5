#include "text_table.h"

#include <algorithm>
#include <utility>

namespace caseboard::report::detail {

namespace {

bool isContinuationByte(char byte)
{
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

void pad(std::string& out, std::size_t count)
{
    out.append(count, ' ');
}

} // namespace

std::size_t displayWidth(std::string_view text)
{
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return !isContinuationByte(c); }));
}

std::string terminalSafe(std::string_view text, std::size_t maxWidth)
{
    std::string out;
    out.reserve(text.size());
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (!isContinuationByte(text[i])) {
            if (width == maxWidth) {
                // Cut one short so the ellipsis fits in the width.
                while (!out.empty() && isContinuationByte(out.back()))
                    out.pop_back();
                if (!out.empty())
                    out.pop_back();
                out += "\u2026";
                return out;
            }
            ++width;
        }
        if (byte < 0x20 || byte == 0x7F) {
            out += '?';
        } else if (byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
            out += '?'; // a C1 control such as CSI (U+009B)
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

TextTable::TextTable(std::vector<TextColumn> columns) : columns_(std::move(columns)) {}

void TextTable::addRow(std::vector<std::string> cells)
{
    cells.resize(columns_.size());
    rows_.push_back(std::move(cells));
}

void TextTable::render(std::string& out, std::string_view indent) const
{
    std::vector<std::size_t> widths(columns_.size());
    for (std::size_t c = 0; c < columns_.size(); ++c) {
        widths[c] = displayWidth(columns_[c].header);
        for (const auto& row : rows_)
            widths[c] = std::max(widths[c], displayWidth(row[c]));
    }
    auto line = [&](auto cellAt) {
        std::string text(indent);
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            const std::string& cell = cellAt(c);
            const std::size_t gap = widths[c] - displayWidth(cell);
            if (c > 0)
                text += "  ";
            if (columns_[c].align == Align::Right)
                pad(text, gap);
            text += cell;
            if (columns_[c].align == Align::Left)
                pad(text, gap);
        }
        while (!text.empty() && text.back() == ' ')
            text.pop_back();
        out += text;
        out += '\n';
    };
    line([&](std::size_t c) -> const std::string& { return columns_[c].header; });
    for (const auto& row : rows_)
        line([&](std::size_t c) -> const std::string& { return row[c]; });
}

} // namespace caseboard::report::detail
