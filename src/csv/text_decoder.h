#pragma once
// Turns a byte stream into UTF-8 one chunk at a time (private to src/csv). Characters
// cut by a chunk boundary are left unconsumed for the caller to hand back with the
// next chunk, so no more than three bytes ever wait.

#include "caseboard/csv/text_encoding.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace caseboard::csv::detail {

class TextDecoder {
public:
    // Forced: malformed input is an error (Windows-1252 has none).
    static TextDecoder forced(Encoding encoding);
    // Detected: UTF-16 stays strict, since malformed UTF-16 has no sensible reading.
    // UTF-8 never fails: ASCII-only input stays undecided until the first chunk with
    // non-ASCII text picks UTF-8 or Windows-1252 as detectEncoding would; once UTF-8 is
    // picked, a malformed byte met later is read as Windows-1252 and counted.
    static TextDecoder detected(const EncodingGuess& guess);

    struct Step {
        std::string_view text; // UTF-8; into the input or the decoder; valid until the next call
        std::size_t consumed = 0;          // input bytes decoded into `text`
        std::optional<std::string> error;  // input at `consumed` is malformed
    };
    // Decodes a prefix of `bytes`; `isLast` says no more input follows, so a cut-off
    // character is malformed and everything is either consumed or an error.
    Step decode(std::string_view bytes, bool isLast);

    // The encoding in use; UTF-8 while undecided.
    Encoding encoding() const;
    std::uint64_t bytesReadAsWindows1252() const { return fallbackBytes_; }

private:
    enum class Mode { Utf8Strict, Utf8Lenient, Utf8Undecided, Windows1252, Utf16Le, Utf16Be };
    explicit TextDecoder(Mode mode) : mode_(mode) {}

    Step decodeUtf8Strict(std::string_view bytes, bool isLast);
    Step decodeUtf8Lenient(std::string_view bytes, bool isLast);
    Step decodeUtf8Undecided(std::string_view bytes, bool isLast);
    Step decodeWindows1252(std::string_view bytes);
    Step decodeUtf16(std::string_view bytes, bool isLast, bool bigEndian);

    Mode mode_;
    std::string out_; // reused across chunks; at most three bytes per input byte
    std::uint64_t fallbackBytes_ = 0;
};

} // namespace caseboard::csv::detail
