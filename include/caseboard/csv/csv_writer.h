#pragma once
// The CSV writer for reports and exports: RFC 4180 quoting, and spreadsheet formulas
// neutralised, because an exported file is opened in Excel and a client-entered cell
// such as "=HYPERLINK(...)" must not run there (CSV injection).
//
//     csv::CsvWriter out(file);
//     out.writeRow({"Client", "Balance"});
//     out.writeText(clientName).writeNumber("-32.00").endRow();

#include <cstdint>
#include <initializer_list>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>

namespace caseboard::csv {

enum class LineEnding { Lf, CrLf };

struct WriterOptions {
    char delimiter = ',';
    LineEnding lineEnding = LineEnding::Lf;
    // Excel reads a UTF-8 CSV as Windows-1252 unless it opens with a BOM.
    bool byteOrderMark = false;
    // Off only for files meant for programs, never for files people open.
    bool neutraliseFormulas = true;
};

// Writes to a stream it does not own, buffering; output reaches the stream on flush(),
// on destruction, and whenever the buffer fills. Check the stream for write errors.
class CsvWriter {
public:
    explicit CsvWriter(std::ostream& out, WriterOptions options = {});
    ~CsvWriter(); // flushes
    CsvWriter(const CsvWriter&) = delete;
    CsvWriter& operator=(const CsvWriter&) = delete;

    // A text cell. Quoted when it holds the delimiter, a quote, CR or LF (quotes
    // doubled). One starting with =, +, -, @, tab, CR or LF gets a leading apostrophe,
    // so a spreadsheet shows it as text instead of evaluating it.
    CsvWriter& writeText(std::string_view text);
    // A numeric cell, written as it is so "-32.00" stays a number and money round-trips.
    // Only a plain decimal ([+-]digits[.digits][e[+-]digits]) counts as one; anything
    // else goes through writeText, so this cannot let a formula through.
    CsvWriter& writeNumber(std::string_view number);
    CsvWriter& writeNumber(std::int64_t number);
    // Ends the current row. A row of a single empty cell is written as "" so that it
    // is not read back as a blank line.
    CsvWriter& endRow();

    // A whole row of text cells.
    CsvWriter& writeRow(std::span<const std::string_view> cells);
    CsvWriter& writeRow(std::initializer_list<std::string_view> cells);

    // Hands buffered output to the stream and flushes it; false when the stream failed.
    bool flush();

    std::uint64_t rowsWritten() const { return rows_; }

private:
    void beginCell();
    void appendCell(std::string_view cell, bool guardFormula);

    std::ostream& out_;
    WriterOptions options_;
    std::string buffer_;
    std::uint64_t rows_ = 0;
    int cellsInRow_ = 0;
    bool firstCellEmpty_ = false;
};

// True for a plain decimal number, the form writeNumber writes without a guard.
bool isPlainNumber(std::string_view text);
// True when a spreadsheet would take a text cell starting like this for a formula.
bool looksLikeFormula(std::string_view text);

} // namespace caseboard::csv
