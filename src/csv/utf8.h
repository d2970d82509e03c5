#pragma once
// UTF-8 scanning and encoding shared by the decoders (private to src/csv).

#include <cstddef>
#include <string>
#include <string_view>

namespace caseboard::csv::detail {

struct Utf8Scan {
    enum class Status {
        Valid,      // the whole input is well-formed
        Incomplete, // well-formed up to `end`, where a sequence starts that the input cuts off
        Invalid,    // well-formed up to `end`, where a malformed sequence starts
    };
    Status status = Status::Valid;
    std::size_t end = 0; // length of the well-formed prefix
};

// Finds the longest well-formed prefix of `bytes`; ASCII runs go eight bytes at a time.
Utf8Scan scanUtf8(std::string_view bytes);

// The index of the first byte >= 0x80, or bytes.size().
std::size_t findNonAscii(std::string_view bytes);

inline void appendUtf8(std::string& out, char32_t codePoint)
{
    if (codePoint < 0x80) {
        out.push_back(static_cast<char>(codePoint));
    } else if (codePoint < 0x800) {
        const char bytes[] = {static_cast<char>(0xC0 | (codePoint >> 6)),
                              static_cast<char>(0x80 | (codePoint & 0x3F))};
        out.append(bytes, 2);
    } else if (codePoint < 0x10000) {
        const char bytes[] = {static_cast<char>(0xE0 | (codePoint >> 12)),
                              static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F)),
                              static_cast<char>(0x80 | (codePoint & 0x3F))};
        out.append(bytes, 3);
    } else {
        const char bytes[] = {static_cast<char>(0xF0 | (codePoint >> 18)),
                              static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F)),
                              static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F)),
                              static_cast<char>(0x80 | (codePoint & 0x3F))};
        out.append(bytes, 4);
    }
}

} // namespace caseboard::csv::detail
