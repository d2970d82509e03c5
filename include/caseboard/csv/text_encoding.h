#pragma once
// The character encodings EHR exports arrive in, and how to tell them apart. Everything
// past the CSV reader is UTF-8; this is where the other encodings are turned into it,
// explicitly, so a name like "Zoë" or a “smart quote” never turns into mojibake.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace caseboard::csv {

enum class Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    // What Excel's "CSV" save writes on Western Windows: Latin-1 plus the typographic
    // characters in 0x80–0x9F (0x92 is ’, 0x93/0x94 are “ ”, 0x80 is €).
    Windows1252,
};

// "UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252": stable, fit for storing in a preset.
std::string_view encodingName(Encoding encoding);
// Reads those names and the usual aliases ("utf8", "cp1252", "latin1", ...), ignoring case.
std::optional<Encoding> encodingFromName(std::string_view name);

// The byte order mark a file in this encoding may open with; empty for Windows-1252.
std::string_view byteOrderMark(Encoding encoding);

// What a guess rests on, so a front end can say "detected from the byte order mark".
enum class EncodingEvidence {
    ByteOrderMark,
    NulBytes,    // no BOM, but every other byte is NUL: UTF-16 text that is mostly ASCII
    ValidUtf8,   // non-ASCII text, all of it well-formed UTF-8
    InvalidUtf8, // non-ASCII text that is not UTF-8, hence Windows-1252
    AsciiOnly,   // nothing to tell by yet; UTF-8 and Windows-1252 agree on every byte seen
};

struct EncodingGuess {
    Encoding encoding = Encoding::Utf8;
    EncodingEvidence evidence = EncodingEvidence::AsciiOnly;
    std::size_t bomSize = 0; // bytes of byte order mark to skip at the start
};

// Guesses the encoding of a file from its first bytes: a byte order mark decides;
// otherwise a NUL in every other byte means UTF-16; otherwise well-formed UTF-8 is
// UTF-8; otherwise Windows-1252. `isWholeFile` says the sample is all there is, so a
// multi-byte sequence cut off at its end is malformed rather than merely cut.
EncodingGuess detectEncoding(std::string_view head, bool isWholeFile = false);

// True for well-formed UTF-8: no overlong forms, surrogates or values past U+10FFFF.
bool isValidUtf8(std::string_view text);

// Decodes a whole buffer to UTF-8, dropping a leading byte order mark of that encoding.
// nullopt when the bytes are malformed in it (Windows-1252 never is).
std::optional<std::string> decodeToUtf8(std::string_view bytes, Encoding encoding);

} // namespace caseboard::csv
