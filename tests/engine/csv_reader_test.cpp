#include "caseboard/csv/csv_reader.h"
#include "caseboard/csv/delimiter_sniffer.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <random>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace csv = caseboard::csv;

namespace {

using Rows = std::vector<std::vector<std::string>>;

struct Collected {
    csv::ReadResult result;
    Rows rows;
    std::vector<std::uint64_t> lines;
    std::vector<std::uint64_t> records;
};

Collected readAll(std::string_view bytes, const csv::ReaderOptions& options = {},
                  csv::ReadObserver* observer = nullptr)
{
    std::istringstream in{std::string(bytes)};
    Collected c;
    c.result = csv::readCsv(
        in, options,
        [&c](const csv::Row& row) {
            c.rows.emplace_back(row.fields.begin(), row.fields.end());
            c.lines.push_back(row.line);
            c.records.push_back(row.record);
            return csv::RowAction::Continue;
        },
        observer);
    return c;
}

csv::ReaderOptions withChunk(std::size_t chunkBytes)
{
    csv::ReaderOptions options;
    options.chunkBytes = chunkBytes;
    return options;
}

std::string utf16(std::u16string_view text, bool bigEndian, bool withBom)
{
    std::string out;
    if (withBom)
        out += bigEndian ? "\xFE\xFF" : "\xFF\xFE";
    for (const char16_t unit : text) {
        const char high = static_cast<char>(unit >> 8);
        const char low = static_cast<char>(unit & 0xFF);
        out += bigEndian ? high : low;
        out += bigEndian ? low : high;
    }
    return out;
}

// Tiny chunks cut the input inside every construct: CRLF, "", multi-byte characters.
auto chunkSizes() { return Catch::Generators::values<std::size_t>({1, 2, 3, 5, 64 * csv::kKiB}); }

struct ReaderCase {
    const char* name;
    std::string input;
    Rows rows;
    std::vector<std::uint64_t> lines;
};

const std::vector<ReaderCase>& readerCases()
{
    static const std::vector<ReaderCase> cases = {
        {"plain", "a,b,c\n1,2,3\n", {{"a", "b", "c"}, {"1", "2", "3"}}, {1, 2}},
        {"quoted field with commas", "\"Jacob, JJ, or Jake Kelly\",Dr Kandice N. Cooper\n",
         {{"Jacob, JJ, or Jake Kelly", "Dr Kandice N. Cooper"}}, {1}},
        {"doubled quotes", "\"say \"\"hi\"\"\",\"\"\"\"\n", {{"say \"hi\"", "\""}}, {1}},
        {"LF inside quotes", "\"line 1\nline 2\",x\ny,z\n", {{"line 1\nline 2", "x"}, {"y", "z"}}, {1, 3}},
        {"CRLF inside quotes", "\"a\r\nb\",c\r\nd,e\r\n", {{"a\r\nb", "c"}, {"d", "e"}}, {1, 3}},
        {"CR inside quotes", "\"a\rb\",c\rd,e\r", {{"a\rb", "c"}, {"d", "e"}}, {1, 3}},
        {"several line ends inside quotes", "h\n\"1\n2\r\n3\r4\"\nlast\n", {{"h"}, {"1\n2\r\n3\r4"}, {"last"}},
         {1, 2, 6}},
        {"empty fields", ",,\n", {{"", "", ""}}, {1}},
        {"trailing empty field", "a,b,\nc,d,\n", {{"a", "b", ""}, {"c", "d", ""}}, {1, 2}},
        {"quoted empty field", "\"\",x\n", {{"", "x"}}, {1}},
        {"last line without newline", "a,b\nc,d", {{"a", "b"}, {"c", "d"}}, {1, 2}},
        {"quoted last field without newline", "a,\"b\"", {{"a", "b"}}, {1}},
        {"delimiter at end of file", "a,", {{"a", ""}}, {1}},
        {"CRLF line ends", "a,b\r\nc,d\r\n", {{"a", "b"}, {"c", "d"}}, {1, 2}},
        {"CR line ends", "a,b\rc,d\r", {{"a", "b"}, {"c", "d"}}, {1, 2}},
        {"mixed line ends", "a\r\nb\nc\rd", {{"a"}, {"b"}, {"c"}, {"d"}}, {1, 2, 3, 4}},
        {"empty lines skipped", "a\n\n\r\n\rb\n", {{"a"}, {"b"}}, {1, 5}},
        {"empty input", "", {}, {}},
        {"only line ends", "\n\r\n", {}, {}},
        {"UTF-8 BOM", "\xEF\xBB\xBFname,x\nZoë,1\n", {{"name", "x"}, {"Zoë", "1"}}, {1, 2}},
        {"UTF-8 text", "Zoë,Łódź,💙\n", {{"Zoë", "Łódź", "💙"}}, {1}},
        {"text after a closing quote joins the field", "\"ab\"c,d\n", {{"abc", "d"}}, {1}},
        {"quote inside an unquoted field is literal", "ab\"c,d\n", {{"ab\"c", "d"}}, {1}},
        {"spaces are kept", " a , b \n", {{" a ", " b "}}, {1}},
        {"SimplePractice money and padding", "Billing Code,Units,Paid\n90837 ,1 ,-32.0\n",
         {{"Billing Code", "Units", "Paid"}, {"90837 ", "1 ", "-32.0"}}, {1, 2}},
    };
    return cases;
}

} // namespace

TEST_CASE("CSV reader parses RFC 4180 records, whatever the chunk size", "[csv]")
{
    const std::size_t chunk = GENERATE(chunkSizes());
    for (const ReaderCase& c : readerCases()) {
        INFO(c.name << ", chunk " << chunk);
        const Collected got = readAll(c.input, withChunk(chunk));
        REQUIRE(got.result.outcome == csv::ReadOutcome::Completed);
        CHECK(got.rows == c.rows);
        CHECK(got.lines == c.lines);
        CHECK(got.result.records == c.rows.size());
        CHECK(got.result.bytesRead == c.input.size());
        CHECK(got.result.delimiter == ',');
    }
}

TEST_CASE("CSV reader numbers records from 1", "[csv]")
{
    const Collected got = readAll("h\n\"a\nb\"\nc\n");
    CHECK(got.records == std::vector<std::uint64_t>{1, 2, 3});
    CHECK(got.lines == std::vector<std::uint64_t>{1, 2, 4});
}

TEST_CASE("CSV reader can keep empty lines as records", "[csv]")
{
    csv::ReaderOptions options;
    options.skipEmptyLines = false;
    const Collected got = readAll("a\n\r\nb", options);
    CHECK(got.rows == Rows{{"a"}, {""}, {"b"}});
    CHECK(got.lines == std::vector<std::uint64_t>{1, 2, 3});
}

namespace {

struct EncodingCase {
    const char* name;
    std::string input;
    std::optional<csv::Encoding> forced;
    Rows rows;
    csv::Encoding encoding;
};

const std::vector<EncodingCase>& encodingCases()
{
    static const std::vector<EncodingCase> cases = {
        {"UTF-16LE with BOM", utf16(u"Client,Office\r\nZoë,Łódź\r\n", false, true), std::nullopt,
         {{"Client", "Office"}, {"Zoë", "Łódź"}}, csv::Encoding::Utf16Le},
        {"UTF-16BE with BOM", utf16(u"Client,Office\nZoë,Łódź\n", true, true), std::nullopt,
         {{"Client", "Office"}, {"Zoë", "Łódź"}}, csv::Encoding::Utf16Be},
        {"UTF-16LE surrogate pair", utf16(u"💙,\"x,y\"\n", false, true), std::nullopt, {{"💙", "x,y"}},
         csv::Encoding::Utf16Le},
        {"UTF-16LE without BOM", utf16(u"a,b\nc,d\n", false, false), std::nullopt, {{"a", "b"}, {"c", "d"}},
         csv::Encoding::Utf16Le},
        {"UTF-16BE without BOM", utf16(u"a,b\nc,d\n", true, false), std::nullopt, {{"a", "b"}, {"c", "d"}},
         csv::Encoding::Utf16Be},
        {"Windows-1252 letters and smart quotes", "Caf\xE9,\x93quoted\x94\n", std::nullopt,
         {{"Café", "“quoted”"}}, csv::Encoding::Windows1252},
        {"Windows-1252 0x80-0x9F", "O\x92" "Brien,\x80" "5,\x96,\x99,\x9F\n", std::nullopt,
         {{"O’Brien", "€5", "–", "™", "Ÿ"}}, csv::Encoding::Windows1252},
        {"Windows-1252 undefined byte as C1 control", "a\x81" "b\n", std::nullopt, {{"a\xC2\x81" "b"}},
         csv::Encoding::Windows1252},
        {"valid UTF-8 is UTF-8", "Zo\xC3\xAB,x\n", std::nullopt, {{"Zoë", "x"}}, csv::Encoding::Utf8},
        {"ASCII only reports UTF-8", "a,b\n", std::nullopt, {{"a", "b"}}, csv::Encoding::Utf8},
        {"forced Windows-1252 over UTF-8 bytes", "Caf\xC3\xA9\n", csv::Encoding::Windows1252, {{"CafÃ©"}},
         csv::Encoding::Windows1252},
        {"forced UTF-8 skips its BOM", "\xEF\xBB\xBF" "a,b\n", csv::Encoding::Utf8, {{"a", "b"}},
         csv::Encoding::Utf8},
        {"forced UTF-16LE without BOM", utf16(u"é,b\n", false, false), csv::Encoding::Utf16Le, {{"é", "b"}},
         csv::Encoding::Utf16Le},
        {"forced UTF-16BE skips its BOM", utf16(u"a\n", true, true), csv::Encoding::Utf16Be, {{"a"}},
         csv::Encoding::Utf16Be},
    };
    return cases;
}

} // namespace

TEST_CASE("CSV reader decodes every supported encoding to UTF-8", "[csv]")
{
    const std::size_t chunk = GENERATE(chunkSizes());
    for (const EncodingCase& c : encodingCases()) {
        INFO(c.name << ", chunk " << chunk);
        csv::ReaderOptions options = withChunk(chunk);
        options.encoding = c.forced;
        const Collected got = readAll(c.input, options);
        REQUIRE(got.result.outcome == csv::ReadOutcome::Completed);
        CHECK(got.rows == c.rows);
        CHECK(got.result.encoding == c.encoding);
        CHECK(got.result.bytesReadAsWindows1252 == 0);
    }
}

TEST_CASE("CSV reader decides the encoding at the first non-ASCII text, even far into the file", "[csv]")
{
    const std::size_t chunk = GENERATE(std::size_t{7}, 64 * csv::kKiB);
    INFO("chunk " << chunk);
    std::string input;
    for (int i = 0; i < 5000; ++i)
        input += "Smith,90837,160.00\n";
    REQUIRE(input.size() > 64 * csv::kKiB);

    SECTION("Windows-1252 after 90 KiB of ASCII")
    {
        const Collected got = readAll(input + "Caf\xE9,\x93x\x94\n", withChunk(chunk));
        REQUIRE(got.result.ok());
        CHECK(got.result.encoding == csv::Encoding::Windows1252);
        CHECK(got.rows.back() == std::vector<std::string>{"Café", "“x”"});
    }
    SECTION("a stray Windows-1252 byte in a UTF-8 file is read as Windows-1252 and counted")
    {
        const Collected got = readAll("Zoë,1\n" + input + "O\x92" "Brien,2\n", withChunk(chunk));
        REQUIRE(got.result.ok());
        CHECK(got.result.encoding == csv::Encoding::Utf8);
        CHECK(got.result.bytesReadAsWindows1252 == 1);
        CHECK(got.rows.front() == std::vector<std::string>{"Zoë", "1"});
        CHECK(got.rows.back() == std::vector<std::string>{"O’Brien", "2"});
    }
}

namespace {

struct DelimiterCase {
    const char* name;
    std::string input;
    char delimiter;
    Rows rows;
};

} // namespace

TEST_CASE("CSV reader sniffs comma, semicolon and tab", "[csv]")
{
    const std::vector<DelimiterCase> cases = {
        {"semicolon", "a;b;c\n1;2;3\n", ';', {{"a", "b", "c"}, {"1", "2", "3"}}},
        {"tab", "a\tb\n1\t2\n", '\t', {{"a", "b"}, {"1", "2"}}},
        {"commas inside quotes do not count", "\"x,y,z\";b\n\"p,q,r\";d\n", ';', {{"x,y,z", "b"}, {"p,q,r", "d"}}},
        {"semicolons inside quotes do not count", "name,note\n\"Smith; John\",\"a;b;c\"\n", ',',
         {{"name", "note"}, {"Smith; John", "a;b;c"}}},
        {"decimal commas", "Date;Amount\n01.02.2024;12,50\n03.02.2024;7,25\n", ';',
         {{"Date", "Amount"}, {"01.02.2024", "12,50"}, {"03.02.2024", "7,25"}}},
        {"tab with commas in text", "Name\tNote\nBob\tfoo, bar\nAnn\tbaz\n", '\t',
         {{"Name", "Note"}, {"Bob", "foo, bar"}, {"Ann", "baz"}}},
        {"UTF-16 semicolons", utf16(u"a;b\n1;2\n", false, true), ';', {{"a", "b"}, {"1", "2"}}},
    };
    const std::size_t chunk = GENERATE(std::size_t{1}, 64 * csv::kKiB);
    for (const DelimiterCase& c : cases) {
        INFO(c.name << ", chunk " << chunk);
        const Collected got = readAll(c.input, withChunk(chunk));
        REQUIRE(got.result.ok());
        CHECK(got.result.delimiter == c.delimiter);
        CHECK(got.rows == c.rows);
    }
}

TEST_CASE("A forced delimiter overrides sniffing", "[csv]")
{
    csv::ReaderOptions options;
    options.delimiter = ',';
    const Collected got = readAll("a;b;c,d\n1;2;3,4\n", options);
    CHECK(got.rows == Rows{{"a;b;c", "d"}, {"1;2;3", "4"}});
}

TEST_CASE("Delimiter sniffer", "[csv]")
{
    struct Case {
        std::string_view sample;
        bool wholeFile;
        char expected;
    };
    const std::vector<Case> cases = {
        {"a,b,c\n1,2,3\n", false, ','},
        {"a;b;c\n1;2;3\n", false, ';'},
        {"a\tb\tc\n1\t2\t3\n", false, '\t'},
        {"single\ncolumn\n", false, ','},
        {"", true, ','},
        {"a;b;c", true, ';'},
        {"a;b;c", false, ';'}, // a cut-off first record is all the evidence there is
        {"\"multi\nline; with; semis\",b\nc,d\n", false, ','},
        {"a,b\n1,2\n3;4;5;6;7", false, ','}, // the cut-off last record is ignored
        {"230 clients,9 clinicians,807 appointments\nx,y,z\n", false, ','},
    };
    for (const Case& c : cases) {
        INFO(c.sample);
        CHECK(csv::sniffDelimiter(c.sample, c.wholeFile) == c.expected);
    }
}

TEST_CASE("CSV reader errors name the line and record", "[csv]")
{
    SECTION("the file ends inside quotes")
    {
        const std::size_t chunk = GENERATE(std::size_t{1}, 64 * csv::kKiB);
        const Collected got = readAll("h1,h2\nx,y\n\"a\",\"open\nmore\nstill\n", withChunk(chunk));
        REQUIRE(got.result.outcome == csv::ReadOutcome::Failed);
        REQUIRE(got.result.error);
        CHECK(got.result.error->kind == csv::ReadErrorKind::UnterminatedQuote);
        CHECK(got.result.error->line == 3);
        CHECK(got.result.error->record == 3);
        CHECK(got.result.error->message ==
              "unterminated quoted field starting on line 3 (record 3): the file ends inside quotes");
        CHECK(got.rows.size() == 2);
        CHECK_FALSE(got.result.ok());
    }
    SECTION("a field over the cap")
    {
        csv::ReaderOptions options;
        options.maxFieldBytes = 8;
        const Collected got = readAll("a,b\n\"x\ny\",c\nd,123456789\n", options);
        REQUIRE(got.result.error);
        CHECK(got.result.error->kind == csv::ReadErrorKind::FieldTooLong);
        CHECK(got.result.error->line == 4);
        CHECK(got.result.error->record == 3);
        CHECK(got.result.error->message == "field longer than 8 bytes on line 4 (record 3)");
        CHECK(got.rows.size() == 2);
    }
    SECTION("a stray quote swallowing the file hits the 1 MiB default")
    {
        std::string input = "a,b\n\"oops,b\n";
        while (input.size() < 2 * csv::kMiB)
            input += "Smith,90837,160.00\n";
        const Collected got = readAll(input);
        REQUIRE(got.result.error);
        CHECK(got.result.error->kind == csv::ReadErrorKind::FieldTooLong);
        CHECK(got.result.error->message == "field longer than 1 MiB on line 2 (record 2)");
        CHECK(got.result.bytesRead < input.size());
    }
    SECTION("a record over the cap")
    {
        csv::ReaderOptions options;
        options.maxRecordBytes = 10;
        const Collected got = readAll("a,b\n1,2,3,4,5,6,7\n", options);
        REQUIRE(got.result.error);
        CHECK(got.result.error->kind == csv::ReadErrorKind::RecordTooLong);
        CHECK(got.result.error->line == 2);
        CHECK(got.result.error->message == "record longer than 10 bytes starting on line 2 (record 2)");
    }
    SECTION("a record of nothing but delimiters over the cap")
    {
        csv::ReaderOptions options;
        options.maxRecordBytes = 10;
        const Collected got = readAll(std::string(20, ',') + "\n", options);
        REQUIRE(got.result.error);
        CHECK(got.result.error->kind == csv::ReadErrorKind::RecordTooLong);
    }
    SECTION("too many fields")
    {
        csv::ReaderOptions options;
        options.maxFieldsPerRecord = 3;
        const Collected got = readAll("a,b,c\n\"x\ny\",2,3,4\n", options);
        REQUIRE(got.result.error);
        CHECK(got.result.error->kind == csv::ReadErrorKind::TooManyFields);
        CHECK(got.result.error->line == 2);
        CHECK(got.result.error->message == "more than 3 fields on line 2 (record 2)");
        CHECK(got.rows == Rows{{"a", "b", "c"}});
    }
    SECTION("Windows-1252 bytes in a file forced to UTF-8")
    {
        csv::ReaderOptions options;
        options.encoding = csv::Encoding::Utf8;
        const Collected got = readAll("Client\n\"a\nb\"\nCaf\xE9\n", options);
        REQUIRE(got.result.error);
        CHECK(got.result.error->kind == csv::ReadErrorKind::InvalidEncoding);
        CHECK(got.result.error->line == 4);
        CHECK(got.result.error->record == 3);
        CHECK(got.result.error->message ==
              "invalid UTF-8 (byte 0xE9) on line 4 (record 3); if the file was saved from Excel, choose "
              "Windows-1252");
    }
    SECTION("an unpaired UTF-16 surrogate")
    {
        const Collected got = readAll(utf16(u"a\nb\xD800,c\n", false, true));
        REQUIRE(got.result.error);
        CHECK(got.result.error->kind == csv::ReadErrorKind::InvalidEncoding);
        CHECK(got.result.error->line == 2);
        CHECK(got.result.error->message == "invalid UTF-16 (unpaired surrogate 0xD800) on line 2 (record 2)");
        CHECK(got.rows == Rows{{"a"}});
    }
    SECTION("UTF-16 cut in the middle of a code unit")
    {
        const Collected got = readAll(utf16(u"a,b\n", false, true) + "x");
        REQUIRE(got.result.error);
        CHECK(got.result.error->kind == csv::ReadErrorKind::InvalidEncoding);
        CHECK(got.result.error->message ==
              "invalid UTF-16 (the file ends in the middle of a character) on line 2 (record 2)");
    }
    SECTION("a file that does not open")
    {
        const auto result = csv::readCsvFile("/nonexistent/caseboard/export.csv", {},
                                             [](const csv::Row&) { return csv::RowAction::Continue; });
        CHECK(result.outcome == csv::ReadOutcome::Failed);
        REQUIRE(result.error);
        CHECK(result.error->kind == csv::ReadErrorKind::ReadFailed);
        CHECK(result.error->message == "the file could not be opened (No such file or directory)");
    }
}

TEST_CASE("CSV reader rejects options that cannot work", "[csv]")
{
    const auto handler = [](const csv::Row&) { return csv::RowAction::Continue; };
    std::istringstream in("a\n");
    csv::ReaderOptions quoteAsDelimiter;
    quoteAsDelimiter.delimiter = '"';
    CHECK_THROWS_AS(csv::readCsv(in, quoteAsDelimiter, handler), std::invalid_argument);
    csv::ReaderOptions noChunk;
    noChunk.chunkBytes = 0;
    CHECK_THROWS_AS(csv::readCsv(in, noChunk, handler), std::invalid_argument);
}

TEST_CASE("describeByteCount names limits for people", "[csv]")
{
    CHECK(csv::describeByteCount(csv::kMiB) == "1 MiB");
    CHECK(csv::describeByteCount(8 * csv::kMiB) == "8 MiB");
    CHECK(csv::describeByteCount(64 * csv::kKiB) == "64 KiB");
    CHECK(csv::describeByteCount(1500) == "1500 bytes");
    CHECK(csv::describeByteCount(1) == "1 byte");
}

namespace {

std::string manyRows(int count)
{
    std::string out = "Date of Service,Client,Clinician,Total Fee\n";
    for (int i = 0; i < count; ++i)
        out += "10/06/2025 12:00,\"Kelly, Jacob\",Dr Kandice N. Cooper,160.0\n";
    return out;
}

struct ProgressRecorder : csv::ReadObserver {
    std::vector<std::uint64_t> seen;
    std::optional<std::uint64_t> total;
    std::size_t cancelAfter = SIZE_MAX;

    void progressed(std::uint64_t bytesRead, std::optional<std::uint64_t> totalBytes) override
    {
        seen.push_back(bytesRead);
        total = totalBytes;
    }
    bool cancelRequested() override { return seen.size() >= cancelAfter; }
};

bool strictlyIncreasing(const std::vector<std::uint64_t>& values)
{
    for (std::size_t i = 1; i < values.size(); ++i) {
        if (values[i] <= values[i - 1])
            return false;
    }
    return true;
}

} // namespace

TEST_CASE("CSV reader reports progress in rising byte counts ending at the size", "[csv]")
{
    const std::string input = manyRows(5000);
    SECTION("from a stream")
    {
        const std::size_t chunk = GENERATE(std::size_t{4096}, std::size_t{1000}, 64 * csv::kKiB);
        ProgressRecorder recorder;
        const Collected got = readAll(input, withChunk(chunk), &recorder);
        REQUIRE(got.result.outcome == csv::ReadOutcome::Completed);
        CHECK(got.rows.size() == 5001);
        CHECK(recorder.seen.size() >= input.size() / chunk);
        CHECK(strictlyIncreasing(recorder.seen));
        CHECK(recorder.seen.back() == input.size());
        CHECK(recorder.total == input.size());
        CHECK(got.result.bytesRead == input.size());
    }
    SECTION("from a file")
    {
        const auto path = std::filesystem::temp_directory_path() / "caseboard_csv_reader_progress_test.csv";
        std::ofstream(path, std::ios::binary) << input;
        ProgressRecorder recorder;
        std::uint64_t rows = 0;
        const auto result = csv::readCsvFile(
            path, withChunk(8192),
            [&rows](const csv::Row&) {
                ++rows;
                return csv::RowAction::Continue;
            },
            &recorder);
        std::filesystem::remove(path);
        REQUIRE(result.outcome == csv::ReadOutcome::Completed);
        CHECK(rows == 5001);
        CHECK(strictlyIncreasing(recorder.seen));
        CHECK(recorder.seen.back() == input.size());
        CHECK(recorder.total == input.size());
    }
    SECTION("an empty input reports once")
    {
        ProgressRecorder recorder;
        readAll("", {}, &recorder);
        CHECK(recorder.seen == std::vector<std::uint64_t>{0});
    }
}

TEST_CASE("CSV reader stops when cancelled or when the handler says so", "[csv]")
{
    const std::string input = manyRows(20000);
    SECTION("cancel mid-file")
    {
        ProgressRecorder recorder;
        recorder.cancelAfter = 3;
        const Collected got = readAll(input, withChunk(16 * csv::kKiB), &recorder);
        CHECK(got.result.outcome == csv::ReadOutcome::Cancelled);
        CHECK_FALSE(got.result.ok());
        CHECK_FALSE(got.result.error);
        CHECK(got.result.bytesRead == 3 * 16 * csv::kKiB);
        CHECK(got.rows.size() > 0);
        CHECK(got.rows.size() < 20001);
        CHECK(got.result.records == got.rows.size());
    }
    SECTION("cancel before the first byte")
    {
        ProgressRecorder recorder;
        recorder.cancelAfter = 0;
        const Collected got = readAll(input, {}, &recorder);
        CHECK(got.result.outcome == csv::ReadOutcome::Cancelled);
        CHECK(got.rows.empty());
    }
    SECTION("the handler stops after a preview's worth of rows")
    {
        std::istringstream in(input);
        std::uint64_t rows = 0;
        const auto result = csv::readCsv(in, {}, [&rows](const csv::Row&) {
            return ++rows == 20 ? csv::RowAction::Stop : csv::RowAction::Continue;
        });
        CHECK(result.outcome == csv::ReadOutcome::Stopped);
        CHECK(result.ok());
        CHECK(rows == 20);
        CHECK(result.records == 20);
    }
}

namespace {

// The reading rules, one character at a time and without chunks, fast paths or limits:
// slow and plainly right, for the reader to be checked against.
struct ReferenceResult {
    Rows rows;
    std::vector<std::uint64_t> lines;
    std::optional<std::uint64_t> unterminatedRecordLine;
};

ReferenceResult referenceParse(std::string_view s)
{
    ReferenceResult r;
    const std::size_t n = s.size();
    const auto lineEndAt = [&](std::size_t i) -> std::size_t {
        if (s[i] == '\n')
            return 1;
        if (s[i] == '\r')
            return i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
        return 0;
    };
    std::size_t i = 0;
    std::uint64_t line = 1;
    while (i < n) {
        if (const std::size_t lineEnd = lineEndAt(i)) { // an empty line
            i += lineEnd;
            ++line;
            continue;
        }
        const std::uint64_t recordLine = line;
        std::vector<std::string> fields;
        for (;;) {
            std::string field;
            if (i < n && s[i] == '"') {
                for (++i;;) {
                    if (i == n) {
                        r.unterminatedRecordLine = recordLine;
                        return r;
                    }
                    if (s[i] == '"') {
                        if (i + 1 < n && s[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (const std::size_t lineEnd = lineEndAt(i)) {
                        field += s.substr(i, lineEnd);
                        i += lineEnd;
                        ++line;
                        continue;
                    }
                    field += s[i++];
                }
            }
            while (i < n && s[i] != ',' && !lineEndAt(i))
                field += s[i++];
            fields.push_back(field);
            if (i < n && s[i] == ',') {
                ++i;
                if (i == n) {
                    fields.emplace_back();
                    break;
                }
                continue;
            }
            if (i < n) {
                i += lineEndAt(i);
                ++line;
            }
            break;
        }
        r.rows.push_back(fields);
        r.lines.push_back(recordLine);
    }
    return r;
}

std::string randomCsv(std::mt19937& random)
{
    static constexpr std::string_view alphabet = "ab ,,,\"\"\"\r\n\n;";
    std::uniform_int_distribution<std::size_t> length(0, 48);
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::string text(length(random), ' ');
    for (char& c : text)
        c = alphabet[pick(random)];
    return text;
}

// Inputs in failure messages with their line ends and quotes shown.
std::string visible(std::string_view text)
{
    std::string out = "\"";
    for (const char c : text) {
        if (c == '\r')
            out += "\\r";
        else if (c == '\n')
            out += "\\n";
        else if (c == '"')
            out += "\\\"";
        else
            out += c;
    }
    return out + "\"";
}

std::string describe(const Collected& c)
{
    std::ostringstream out;
    out << static_cast<int>(c.result.outcome) << " " << c.result.records << " records;";
    if (c.result.error)
        out << " " << c.result.error->message;
    for (std::size_t i = 0; i < c.rows.size(); ++i) {
        out << "\n" << c.lines[i] << ":";
        for (const std::string& field : c.rows[i])
            out << " " << visible(field);
    }
    return out.str();
}

} // namespace

TEST_CASE("CSV reader agrees with a plain reference parser on random input", "[csv]")
{
    std::mt19937 random(20240611);
    csv::ReaderOptions options;
    options.delimiter = ',';
    for (int round = 0; round < 3000; ++round) {
        const std::string input = randomCsv(random);
        const ReferenceResult expected = referenceParse(input);
        for (const std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{64 * csv::kKiB}}) {
            options.chunkBytes = chunk;
            const Collected got = readAll(input, options);
            if (got.rows != expected.rows || got.lines != expected.lines ||
                (got.result.outcome == csv::ReadOutcome::Failed) != expected.unterminatedRecordLine.has_value()) {
                INFO("input: " << visible(input) << ", chunk " << chunk << "\n" << describe(got));
                FAIL("the reader and the reference disagree");
            }
            if (expected.unterminatedRecordLine) {
                REQUIRE(got.result.error);
                CHECK(got.result.error->kind == csv::ReadErrorKind::UnterminatedQuote);
                CHECK(got.result.error->line == *expected.unterminatedRecordLine);
            }
        }
    }
}

TEST_CASE("CSV reader limits fail the same way whatever the chunk size", "[csv]")
{
    std::mt19937 random(7);
    csv::ReaderOptions options;
    options.delimiter = ',';
    options.maxFieldBytes = 4;
    options.maxRecordBytes = 12;
    options.maxFieldsPerRecord = 5;
    for (int round = 0; round < 3000; ++round) {
        const std::string input = randomCsv(random);
        options.chunkBytes = 64 * csv::kKiB;
        const std::string expected = describe(readAll(input, options));
        for (const std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{5}}) {
            options.chunkBytes = chunk;
            const std::string got = describe(readAll(input, options));
            if (got != expected) {
                INFO("input: " << visible(input) << ", chunk " << chunk);
                CHECK(got == expected);
            }
        }
    }
}

namespace {

// A stream over memory that is not copied, so the benchmark times the reader alone.
class MemoryBuffer : public std::streambuf {
public:
    explicit MemoryBuffer(std::string& bytes) { setg(bytes.data(), bytes.data(), bytes.data() + bytes.size()); }
};

double megabytesPerSecond(std::string& bytes, csv::ReadResult& result, std::uint64_t& fieldBytes)
{
    MemoryBuffer buffer(bytes);
    std::istream in(&buffer);
    fieldBytes = 0;
    const auto start = std::chrono::steady_clock::now();
    result = csv::readCsv(in, {}, [&fieldBytes](const csv::Row& row) {
        for (const std::string_view field : row.fields)
            fieldBytes += field.size();
        return csv::RowAction::Continue;
    });
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
    return static_cast<double>(bytes.size()) / 1e6 / seconds.count();
}

} // namespace

TEST_CASE("CSV reader throughput", "[.bench]")
{
    // Shaped like a SimplePractice appointment export: quoted names, dates, money.
    const std::string_view utf8Row =
        "10/06/2025 12:00,\"Kelly, Jacob\",Dr Kandice N. Cooper,90837 ,Tricare East (99727),,160.0,1 ,"
        "160.0,LOCKED,PAID,20.0,0.0,20.0,0.0,PAID,140.0,140.0,0.0,0.0\n";
    const std::string_view cp1252Row =
        "10/06/2025 12:00,\"O\x92" "Brien, Zo\xEB\",Dr Ren\xE9" "e Caf\xE9,90837 ,Tricare East (99727),,160.0,1 ,"
        "160.0,LOCKED,PAID,20.0,0.0,20.0,0.0,PAID,140.0,140.0,0.0,0.0\n";
    for (const std::string_view row : {utf8Row, cp1252Row}) {
        std::string bytes;
        bytes.reserve(100 * 1000 * 1000 + row.size());
        while (bytes.size() < 100 * 1000 * 1000)
            bytes += row;
        csv::ReadResult result;
        std::uint64_t fieldBytes = 0;
        double best = 0;
        for (int run = 0; run < 3; ++run)
            best = std::max(best, megabytesPerSecond(bytes, result, fieldBytes));
        REQUIRE(result.outcome == csv::ReadOutcome::Completed);
        std::cout << "csv reader, " << csv::encodingName(result.encoding) << ": " << result.records
                  << " records, " << bytes.size() / 1000000 << " MB in, " << fieldBytes / 1000000
                  << " MB of fields out: " << static_cast<int>(best) << " MB/s\n";
    }
}
