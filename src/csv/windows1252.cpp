#include "windows1252.h"

#include "utf8.h"

#include <array>
#include <cstdint>

namespace caseboard::csv::detail {

namespace {

// 0x80–0x9F, the only range where Windows-1252 differs from Latin-1 (and so from the
// first 256 code points).
constexpr std::array<char16_t, 32> kHighControlRange = {
    u'\u20AC', u'\u0081', u'\u201A', u'\u0192', u'\u201E', u'\u2026', u'\u2020', u'\u2021',
    u'\u02C6', u'\u2030', u'\u0160', u'\u2039', u'\u0152', u'\u008D', u'\u017D', u'\u008F',
    u'\u0090', u'\u2018', u'\u2019', u'\u201C', u'\u201D', u'\u2022', u'\u2013', u'\u2014',
    u'\u02DC', u'\u2122', u'\u0161', u'\u203A', u'\u0153', u'\u009D', u'\u017E', u'\u0178',
};

// The UTF-8 form of each byte 0x80–0xFF, precomputed so decoding is a table copy.
struct EncodedByte {
    std::array<char, 3> bytes{};
    std::uint8_t size = 0;
};

constexpr std::array<EncodedByte, 128> makeTable()
{
    std::array<EncodedByte, 128> table{};
    for (unsigned byte = 0x80; byte <= 0xFF; ++byte) {
        const char32_t cp = byte < 0xA0 ? kHighControlRange[byte - 0x80] : char32_t(byte);
        EncodedByte& e = table[byte - 0x80];
        if (cp < 0x800) {
            e.bytes = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F)), 0};
            e.size = 2;
        } else {
            e.bytes = {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                       static_cast<char>(0x80 | (cp & 0x3F))};
            e.size = 3;
        }
    }
    return table;
}

constexpr std::array<EncodedByte, 128> kTable = makeTable();

} // namespace

char32_t windows1252CodePoint(unsigned char byte)
{
    if (byte >= 0x80 && byte < 0xA0)
        return kHighControlRange[byte - 0x80];
    return byte;
}

void appendWindows1252(std::string& out, unsigned char byte)
{
    if (byte < 0x80) {
        out.push_back(static_cast<char>(byte));
        return;
    }
    const EncodedByte& e = kTable[byte - 0x80];
    out.append(e.bytes.data(), e.size);
}

void appendWindows1252(std::string& out, std::string_view bytes)
{
    while (!bytes.empty()) {
        const std::size_t ascii = findNonAscii(bytes);
        out.append(bytes.data(), ascii);
        bytes.remove_prefix(ascii);
        // Non-ASCII letters come alone or in short runs: decode bytes until ASCII resumes.
        while (!bytes.empty() && static_cast<unsigned char>(bytes.front()) >= 0x80) {
            const EncodedByte& e = kTable[static_cast<unsigned char>(bytes.front()) - 0x80];
            out.append(e.bytes.data(), e.size);
            bytes.remove_prefix(1);
        }
    }
}

} // namespace caseboard::csv::detail
