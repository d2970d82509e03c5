#include "caseboard/csv/text_encoding.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace csv = caseboard::csv;

TEST_CASE("Encoding names round-trip and accept the usual aliases", "[csv]")
{
    for (const auto e : {csv::Encoding::Utf8, csv::Encoding::Utf16Le, csv::Encoding::Utf16Be,
                         csv::Encoding::Windows1252})
        CHECK(csv::encodingFromName(csv::encodingName(e)) == e);
    CHECK(csv::encodingFromName("utf8") == csv::Encoding::Utf8);
    CHECK(csv::encodingFromName("CP1252") == csv::Encoding::Windows1252);
    CHECK(csv::encodingFromName("ISO-8859-1") == csv::Encoding::Windows1252);
    CHECK(csv::encodingFromName("utf_16_le") == csv::Encoding::Utf16Le);
    CHECK_FALSE(csv::encodingFromName("EBCDIC"));
    CHECK_FALSE(csv::encodingFromName(""));
}

TEST_CASE("Encoding detection", "[csv]")
{
    struct Case {
        const char* name;
        std::string head;
        bool wholeFile;
        csv::Encoding encoding;
        csv::EncodingEvidence evidence;
        std::size_t bomSize;
    };
    using E = csv::Encoding;
    using V = csv::EncodingEvidence;
    const std::vector<Case> cases = {
        {"UTF-8 BOM", "\xEF\xBB\xBF" "a,b", false, E::Utf8, V::ByteOrderMark, 3},
        {"UTF-16LE BOM", "\xFF\xFE" "a\0", false, E::Utf16Le, V::ByteOrderMark, 2},
        {"UTF-16BE BOM", "\xFE\xFF\0a", false, E::Utf16Be, V::ByteOrderMark, 2},
        {"UTF-16LE by NUL bytes", std::string("a\0,\0b\0", 6), false, E::Utf16Le, V::NulBytes, 0},
        {"UTF-16BE by NUL bytes", std::string("\0a\0,\0b", 6), false, E::Utf16Be, V::NulBytes, 0},
        {"ASCII", "a,b\n", false, E::Utf8, V::AsciiOnly, 0},
        {"empty", "", true, E::Utf8, V::AsciiOnly, 0},
        {"UTF-8", "Zo\xC3\xAB", false, E::Utf8, V::ValidUtf8, 0},
        {"Windows-1252", "Caf\xE9 ", false, E::Windows1252, V::InvalidUtf8, 0},
        {"smart quotes", "\x93hi\x94", false, E::Windows1252, V::InvalidUtf8, 0},
        {"a character cut by the sample's end", "abc\xC3", false, E::Utf8, V::AsciiOnly, 0},
        {"UTF-8 then a cut character", "\xC3\xAB\xC3", false, E::Utf8, V::ValidUtf8, 0},
        {"a file ending mid-character", "abc\xC3", true, E::Windows1252, V::InvalidUtf8, 0},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const csv::EncodingGuess guess = csv::detectEncoding(c.head, c.wholeFile);
        CHECK(guess.encoding == c.encoding);
        CHECK(guess.evidence == c.evidence);
        CHECK(guess.bomSize == c.bomSize);
    }
}

TEST_CASE("UTF-8 validation rejects malformed forms", "[csv]")
{
    struct Case {
        const char* bytes;
        bool valid;
    };
    const std::vector<Case> cases = {
        {"", true},
        {"plain ASCII text longer than eight bytes", true},
        {"Zo\xC3\xAB", true},
        {"\xE2\x82\xAC", true},          // €
        {"\xF0\x9F\x92\x99", true},      // U+1F499
        {"\xF4\x8F\xBF\xBF", true},      // U+10FFFF
        {"\xC0\xAF", false},             // overlong /
        {"\xE0\x80\xAF", false},         // overlong /
        {"\xED\xA0\x80", false},         // a surrogate
        {"\xF4\x90\x80\x80", false},     // past U+10FFFF
        {"\x80", false},                 // a lone continuation byte
        {"\xE2\x82", false},             // cut off
        {"abcdefgh\xE9ijklmnop", false}, // Windows-1252 é among ASCII
        {"\xFF", false},
    };
    for (const Case& c : cases) {
        INFO(c.bytes);
        CHECK(csv::isValidUtf8(c.bytes) == c.valid);
    }
}

TEST_CASE("Windows-1252 decodes 0x80-0x9F to its punctuation and the rest as Latin-1", "[csv]")
{
    const auto decode = [](unsigned char byte) {
        return csv::decodeToUtf8(std::string(1, static_cast<char>(byte)), csv::Encoding::Windows1252).value();
    };
    CHECK(decode(0x80) == "€");
    CHECK(decode(0x85) == "…");
    CHECK(decode(0x8A) == "Š");
    CHECK(decode(0x91) == "‘");
    CHECK(decode(0x92) == "’");
    CHECK(decode(0x93) == "“");
    CHECK(decode(0x94) == "”");
    CHECK(decode(0x96) == "–");
    CHECK(decode(0x97) == "—");
    CHECK(decode(0x99) == "™");
    CHECK(decode(0x9F) == "Ÿ");
    CHECK(decode(0x81) == "\xC2\x81"); // undefined in the code page: the C1 control
    CHECK(decode(0xA0) == "\xC2\xA0");
    CHECK(decode(0xE9) == "é");
    CHECK(decode(0xFF) == "ÿ");
    CHECK(decode('A') == "A");
    for (unsigned byte = 0xA0; byte <= 0xFF; ++byte) {
        const std::string expected = {static_cast<char>(0xC0 | (byte >> 6)), static_cast<char>(0x80 | (byte & 0x3F))};
        CHECK(decode(static_cast<unsigned char>(byte)) == expected);
    }
    for (unsigned byte = 0x80; byte <= 0xFF; ++byte)
        CHECK(csv::isValidUtf8(decode(static_cast<unsigned char>(byte))));
}

TEST_CASE("Whole-buffer decoding", "[csv]")
{
    CHECK(csv::decodeToUtf8("\xEF\xBB\xBF" "Zo\xC3\xAB", csv::Encoding::Utf8) == "Zoë");
    CHECK(csv::decodeToUtf8(std::string("\xFF\xFE" "Z\0\xEB\0", 6), csv::Encoding::Utf16Le) == "Zë");
    CHECK(csv::decodeToUtf8(std::string("\xD8\x3D\xDC\x99", 4), csv::Encoding::Utf16Be) == "\xF0\x9F\x92\x99");
    CHECK(csv::decodeToUtf8("O\x92" "Brien", csv::Encoding::Windows1252) == "O’Brien");
    CHECK_FALSE(csv::decodeToUtf8("Caf\xE9", csv::Encoding::Utf8));
    CHECK_FALSE(csv::decodeToUtf8(std::string("\x00\xDC", 2), csv::Encoding::Utf16Le)); // lone low surrogate
    CHECK_FALSE(csv::decodeToUtf8(std::string("\x3D\xD8" "a", 3), csv::Encoding::Utf16Le));
    CHECK(csv::byteOrderMark(csv::Encoding::Windows1252).empty());
}
