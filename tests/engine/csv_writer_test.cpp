#include "caseboard/csv/csv_reader.h"
#include "caseboard/csv/csv_writer.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace csv = caseboard::csv;

namespace {

std::string writeRows(const std::vector<std::vector<std::string_view>>& rows, csv::WriterOptions options = {})
{
    std::ostringstream out;
    {
        csv::CsvWriter writer(out, options);
        for (const auto& row : rows)
            writer.writeRow(row);
    }
    return out.str();
}

} // namespace

TEST_CASE("CSV writer quotes what needs quoting", "[csv]")
{
    struct Case {
        std::vector<std::string_view> cells;
        std::string_view expected;
    };
    const std::vector<Case> cases = {
        {{"a", "b"}, "a,b\n"},
        {{"Kelly, Jacob", "x"}, "\"Kelly, Jacob\",x\n"},
        {{"say \"hi\""}, "\"say \"\"hi\"\"\"\n"},
        {{"\""}, "\"\"\"\"\n"},
        {{"line\nbreak"}, "\"line\nbreak\"\n"},
        {{"cr\rhere"}, "\"cr\rhere\"\n"},
        {{"semi;colon", "tab\there"}, "semi;colon,tab\there\n"},
        {{"", ""}, ",\n"},
        {{"a", ""}, "a,\n"},
        {{""}, "\"\"\n"}, // not a blank line, which a reader would skip
        {{" padded "}, " padded \n"},
        {{"Zoë “quoted”"}, "Zoë “quoted”\n"},
    };
    for (const Case& c : cases) {
        INFO(c.expected);
        CHECK(writeRows({c.cells}) == c.expected);
    }
}

TEST_CASE("CSV writer neutralises spreadsheet formulas in text cells", "[csv]")
{
    struct Case {
        std::string_view text;
        std::string_view expected;
    };
    const std::vector<Case> cases = {
        {"=1+2", "'=1+2\n"},
        {"+1", "'+1\n"},
        {"-2", "'-2\n"},
        {"@SUM(A1:A9)", "'@SUM(A1:A9)\n"},
        {"\tx", "'\tx\n"},
        {"\rx", "\"'\rx\"\n"},
        {"\nx", "\"'\nx\"\n"},
        {"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n"},
        {"-32.00", "'-32.00\n"}, // as text; writeNumber keeps it a number
        {"a=b", "a=b\n"},
        {"'quoted", "'quoted\n"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        CHECK(writeRows({{c.text}}) == c.expected);
    }

    csv::WriterOptions raw;
    raw.neutraliseFormulas = false;
    CHECK(writeRows({{"=1+2", "-3"}}, raw) == "=1+2,-3\n");
}

TEST_CASE("CSV writer writes numbers as they are", "[csv]")
{
    std::ostringstream out;
    {
        csv::CsvWriter writer(out);
        writer.writeText("Balance").writeNumber("-32.00").writeNumber("+5").writeNumber("1e-3").endRow();
        writer.writeNumber(std::int64_t{-3200}).writeNumber(std::int64_t{0}).writeNumber(".5").endRow();
        // Not a plain number: written as text, so no formula slips through.
        writer.writeNumber("-1+cmd|' /C calc'!A0").writeNumber("=1").writeNumber("").endRow();
        CHECK(writer.rowsWritten() == 3);
    }
    CHECK(out.str() == "Balance,-32.00,+5,1e-3\n-3200,0,.5\n'-1+cmd|' /C calc'!A0,'=1,\n");
}

TEST_CASE("Plain numbers and formula starts", "[csv]")
{
    for (const std::string_view yes : {"0", "-32.00", "+1", "160.", ".5", "1e3", "-2.5E-7", "007"})
        CHECK(csv::isPlainNumber(yes));
    for (const std::string_view no : {"", "-", "+", ".", "e3", "1e", "1e+", "1,250.00", "$5", "1 ", " 1", "0x1F",
                                      "1-2", "--1", "1..2", "-1+1"})
        CHECK_FALSE(csv::isPlainNumber(no));
    for (const std::string_view yes : {"=", "+", "-", "@", "\t", "\r", "\n", "=A1"})
        CHECK(csv::looksLikeFormula(yes));
    for (const std::string_view no : {"", "a", " =1", "'=1", "1-2"})
        CHECK_FALSE(csv::looksLikeFormula(no));
}

TEST_CASE("CSV writer options: line ends, BOM, delimiter", "[csv]")
{
    csv::WriterOptions crlf;
    crlf.lineEnding = csv::LineEnding::CrLf;
    CHECK(writeRows({{"a", "b"}, {"c"}}, crlf) == "a,b\r\nc\r\n");

    csv::WriterOptions bom;
    bom.byteOrderMark = true;
    CHECK(writeRows({{"a"}}, bom) == "\xEF\xBB\xBF" "a\n");
    CHECK(writeRows({}, bom) == "\xEF\xBB\xBF");

    csv::WriterOptions semicolon;
    semicolon.delimiter = ';';
    CHECK(writeRows({{"1,5", "a;b"}}, semicolon) == "1,5;\"a;b\"\n");

    std::ostringstream out;
    csv::WriterOptions quoteDelimiter;
    quoteDelimiter.delimiter = '"';
    CHECK_THROWS_AS(csv::CsvWriter(out, quoteDelimiter), std::invalid_argument);
}

TEST_CASE("CSV writer output reaches the stream on flush and when it is large", "[csv]")
{
    std::ostringstream out;
    csv::CsvWriter writer(out);
    writer.writeRow({"a"});
    CHECK(out.str().empty());
    CHECK(writer.flush());
    CHECK(out.str() == "a\n");
    for (int i = 0; i < 20000; ++i)
        writer.writeRow({"0123456789"});
    CHECK(out.str().size() > 64 * 1024); // written without a flush
}

TEST_CASE("CSV writer output reads back through the reader", "[csv]")
{
    const std::vector<std::string_view> awkward = {
        "", " ", "plain", "a,b", "\"", "\"\"", "a\"b", "line\nbreak", "crlf\r\nbreak", "cr\rbreak",
        "trailing,", ",leading", "=1+2", "-32.00", "+", "@", "\t", "\ttab first", "\nnewline first",
        "Zoë “quoted” — em", "💙", "semi;colon", "tab\tinside", "'already", "  spaced  ", "\"Kelly, Jacob\"",
    };
    struct Variant {
        const char* name;
        csv::WriterOptions options;
    };
    std::vector<Variant> variants = {{"defaults", {}}, {"CRLF and BOM", {}}, {"semicolon", {}}, {"tab", {}},
                                     {"formulas kept", {}}};
    variants[1].options.lineEnding = csv::LineEnding::CrLf;
    variants[1].options.byteOrderMark = true;
    variants[2].options.delimiter = ';';
    variants[3].options.delimiter = '\t';
    variants[4].options.neutraliseFormulas = false;

    for (const Variant& v : variants) {
        INFO(v.name);
        std::ostringstream out;
        {
            csv::CsvWriter writer(out, v.options);
            writer.writeRow({"n", "text", "end"});
            for (std::size_t i = 0; i < awkward.size(); ++i)
                writer.writeNumber(static_cast<std::int64_t>(i)).writeText(awkward[i]).writeText("end").endRow();
            writer.writeRow({""});
        }

        std::vector<std::vector<std::string>> rows;
        std::istringstream in(out.str());
        const csv::ReadResult result = csv::readCsv(in, {}, [&rows](const csv::Row& row) {
            rows.emplace_back(row.fields.begin(), row.fields.end());
            return csv::RowAction::Continue;
        });
        REQUIRE(result.outcome == csv::ReadOutcome::Completed);
        CHECK(result.delimiter == v.options.delimiter);
        CHECK(result.encoding == csv::Encoding::Utf8);
        REQUIRE(rows.size() == awkward.size() + 2);
        for (std::size_t i = 0; i < awkward.size(); ++i) {
            INFO("cell " << i);
            const bool guarded = v.options.neutraliseFormulas && csv::looksLikeFormula(awkward[i]);
            const std::string expected = (guarded ? "'" : "") + std::string(awkward[i]);
            CHECK(rows[i + 1] == std::vector<std::string>{std::to_string(i), expected, "end"});
        }
        CHECK(rows.back() == std::vector<std::string>{""});
    }
}
