#include "caseboard/csv/csv_writer.h"

#include <charconv>
#include <ostream>
#include <stdexcept>

namespace caseboard::csv {

namespace {

// Output goes to the stream in pieces about this big rather than cell by cell.
constexpr std::size_t kFlushBytes = 64 * 1024;

bool isDigit(char c) { return c >= '0' && c <= '9'; }

} // namespace

bool isPlainNumber(std::string_view text)
{
    std::size_t i = 0;
    const auto digits = [&] {
        const std::size_t start = i;
        while (i < text.size() && isDigit(text[i]))
            ++i;
        return i - start;
    };
    if (i < text.size() && (text[i] == '+' || text[i] == '-'))
        ++i;
    std::size_t mantissaDigits = digits();
    if (i < text.size() && text[i] == '.') {
        ++i;
        mantissaDigits += digits();
    }
    if (mantissaDigits == 0)
        return false;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-'))
            ++i;
        if (digits() == 0)
            return false;
    }
    return i == text.size();
}

bool looksLikeFormula(std::string_view text)
{
    // OWASP's list for CSV injection: what Excel, LibreOffice and Google Sheets evaluate.
    return !text.empty() && std::string_view("=+-@\t\r\n").find(text.front()) != std::string_view::npos;
}

CsvWriter::CsvWriter(std::ostream& out, WriterOptions options) : out_(out), options_(options)
{
    const char d = options_.delimiter;
    if (d == '"' || d == '\r' || d == '\n')
        throw std::invalid_argument("CSV delimiter cannot be a quote, CR or LF");
    buffer_.reserve(kFlushBytes + 4096);
    if (options_.byteOrderMark)
        buffer_.append("\xEF\xBB\xBF");
}

CsvWriter::~CsvWriter()
{
    try {
        flush();
    } catch (...) {
        // A stream set to throw must not take the program down from a destructor; the
        // caller who cares calls flush() and sees the error.
    }
}

CsvWriter& CsvWriter::writeText(std::string_view text)
{
    beginCell();
    appendCell(text, true);
    return *this;
}

CsvWriter& CsvWriter::writeNumber(std::string_view number)
{
    if (!isPlainNumber(number))
        return writeText(number);
    beginCell();
    appendCell(number, false);
    return *this;
}

CsvWriter& CsvWriter::writeNumber(std::int64_t number)
{
    char text[24];
    const auto [end, ec] = std::to_chars(std::begin(text), std::end(text), number);
    (void)ec; // 24 characters hold every int64
    return writeNumber(std::string_view(text, static_cast<std::size_t>(end - text)));
}

CsvWriter& CsvWriter::endRow()
{
    if (cellsInRow_ == 1 && firstCellEmpty_)
        buffer_.append("\"\"");
    buffer_.append(options_.lineEnding == LineEnding::CrLf ? "\r\n" : "\n");
    ++rows_;
    cellsInRow_ = 0;
    if (buffer_.size() >= kFlushBytes) {
        out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        buffer_.clear();
    }
    return *this;
}

CsvWriter& CsvWriter::writeRow(std::span<const std::string_view> cells)
{
    for (const std::string_view cell : cells)
        writeText(cell);
    return endRow();
}

CsvWriter& CsvWriter::writeRow(std::initializer_list<std::string_view> cells)
{
    return writeRow(std::span<const std::string_view>(cells.begin(), cells.size()));
}

bool CsvWriter::flush()
{
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
    out_.flush();
    return static_cast<bool>(out_);
}

void CsvWriter::beginCell()
{
    if (cellsInRow_ > 0)
        buffer_.push_back(options_.delimiter);
    ++cellsInRow_;
}

void CsvWriter::appendCell(std::string_view cell, bool guardFormula)
{
    if (cellsInRow_ == 1)
        firstCellEmpty_ = cell.empty();
    const bool guard = guardFormula && options_.neutraliseFormulas && looksLikeFormula(cell);
    const char special[] = {options_.delimiter, '"', '\r', '\n'};
    const bool quoted = cell.find_first_of(std::string_view(special, 4)) != std::string_view::npos;
    if (quoted)
        buffer_.push_back('"');
    if (guard)
        buffer_.push_back('\'');
    if (!quoted) {
        buffer_.append(cell);
        return;
    }
    for (std::size_t start = 0;;) {
        const std::size_t q = cell.find('"', start);
        if (q == std::string_view::npos) {
            buffer_.append(cell.substr(start));
            break;
        }
        buffer_.append(cell.substr(start, q + 1 - start));
        buffer_.push_back('"'); // a quote inside a quoted field is doubled
        start = q + 1;
    }
    buffer_.push_back('"');
}

} // namespace caseboard::csv
