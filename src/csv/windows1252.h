#pragma once
// Windows-1252 to UTF-8 (private to src/csv).

#include <string>
#include <string_view>

namespace caseboard::csv::detail {

// The code point of a Windows-1252 byte. The five bytes the code page leaves undefined
// (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 controls of the same value, as Windows
// and the WHATWG encoding standard do, so every byte decodes.
char32_t windows1252CodePoint(unsigned char byte);

// Appends `bytes`, read as Windows-1252, to `out` as UTF-8.
void appendWindows1252(std::string& out, std::string_view bytes);
// The same for one byte.
void appendWindows1252(std::string& out, unsigned char byte);

} // namespace caseboard::csv::detail
