#include "text_decoder.h"

#include "utf8.h"
#include "windows1252.h"

#include <cstdio>

namespace caseboard::csv::detail {

namespace {

std::string hexByte(unsigned value, int digits)
{
    char text[16];
    std::snprintf(text, sizeof text, "0x%0*X", digits, value);
    return text;
}

} // namespace

TextDecoder TextDecoder::forced(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8: return TextDecoder(Mode::Utf8Strict);
    case Encoding::Utf16Le: return TextDecoder(Mode::Utf16Le);
    case Encoding::Utf16Be: return TextDecoder(Mode::Utf16Be);
    case Encoding::Windows1252: return TextDecoder(Mode::Windows1252);
    }
    return TextDecoder(Mode::Utf8Strict);
}

TextDecoder TextDecoder::detected(const EncodingGuess& guess)
{
    switch (guess.encoding) {
    case Encoding::Utf8:
        return TextDecoder(guess.evidence == EncodingEvidence::AsciiOnly ? Mode::Utf8Undecided
                                                                           : Mode::Utf8Lenient);
    case Encoding::Utf16Le: return TextDecoder(Mode::Utf16Le);
    case Encoding::Utf16Be: return TextDecoder(Mode::Utf16Be);
    case Encoding::Windows1252: return TextDecoder(Mode::Windows1252);
    }
    return TextDecoder(Mode::Utf8Undecided);
}

Encoding TextDecoder::encoding() const
{
    switch (mode_) {
    case Mode::Utf16Le: return Encoding::Utf16Le;
    case Mode::Utf16Be: return Encoding::Utf16Be;
    case Mode::Windows1252: return Encoding::Windows1252;
    case Mode::Utf8Strict:
    case Mode::Utf8Lenient:
    case Mode::Utf8Undecided: break;
    }
    return Encoding::Utf8;
}

TextDecoder::Step TextDecoder::decode(std::string_view bytes, bool isLast)
{
    switch (mode_) {
    case Mode::Utf8Strict: return decodeUtf8Strict(bytes, isLast);
    case Mode::Utf8Lenient: return decodeUtf8Lenient(bytes, isLast);
    case Mode::Utf8Undecided: return decodeUtf8Undecided(bytes, isLast);
    case Mode::Windows1252: return decodeWindows1252(bytes);
    case Mode::Utf16Le: return decodeUtf16(bytes, isLast, false);
    case Mode::Utf16Be: return decodeUtf16(bytes, isLast, true);
    }
    return {};
}

TextDecoder::Step TextDecoder::decodeUtf8Strict(std::string_view bytes, bool isLast)
{
    // Well-formed UTF-8 is passed through without a copy: the fast path for most files.
    const Utf8Scan scan = scanUtf8(bytes);
    Step step{bytes.substr(0, scan.end), scan.end, std::nullopt};
    if (scan.status == Utf8Scan::Status::Invalid)
        step.error = "invalid UTF-8 (byte " + hexByte(static_cast<unsigned char>(bytes[scan.end]), 2) + ")";
    else if (scan.status == Utf8Scan::Status::Incomplete && isLast)
        step.error = "invalid UTF-8 (the file ends in the middle of a character)";
    return step;
}

TextDecoder::Step TextDecoder::decodeUtf8Lenient(std::string_view bytes, bool isLast)
{
    Utf8Scan scan = scanUtf8(bytes);
    const bool cutAtEnd = scan.status == Utf8Scan::Status::Incomplete && !isLast;
    if (scan.status == Utf8Scan::Status::Valid || cutAtEnd)
        return {bytes.substr(0, scan.end), scan.end, std::nullopt};

    // Malformed bytes in text that is otherwise UTF-8: most likely one field pasted from
    // a Windows-1252 source. Read those bytes so rather than fail the whole import.
    out_.clear();
    std::size_t pos = 0;
    for (;;) {
        out_.append(bytes.data() + pos, scan.end);
        pos += scan.end;
        if (scan.status == Utf8Scan::Status::Valid)
            break;
        if (scan.status == Utf8Scan::Status::Incomplete && !isLast)
            break;
        appendWindows1252(out_, static_cast<unsigned char>(bytes[pos]));
        ++fallbackBytes_;
        ++pos;
        scan = scanUtf8(bytes.substr(pos));
    }
    return {out_, pos, std::nullopt};
}

TextDecoder::Step TextDecoder::decodeUtf8Undecided(std::string_view bytes, bool isLast)
{
    const std::size_t firstNonAscii = findNonAscii(bytes);
    if (firstNonAscii == bytes.size())
        return {bytes, bytes.size(), std::nullopt};

    // The first non-ASCII text decides, by the rule detectEncoding applies to a file's
    // head: all of this chunk well-formed means UTF-8, anything malformed Windows-1252.
    const Utf8Scan scan = scanUtf8(bytes.substr(firstNonAscii));
    const bool onlyACutCharacter = scan.status == Utf8Scan::Status::Incomplete && scan.end == 0;
    if (onlyACutCharacter && !isLast)
        return {bytes.substr(0, firstNonAscii), firstNonAscii, std::nullopt};
    const bool utf8 = scan.status == Utf8Scan::Status::Valid ||
                      (scan.status == Utf8Scan::Status::Incomplete && !isLast);
    mode_ = utf8 ? Mode::Utf8Lenient : Mode::Windows1252;
    return decode(bytes, isLast);
}

TextDecoder::Step TextDecoder::decodeWindows1252(std::string_view bytes)
{
    out_.clear();
    appendWindows1252(out_, bytes);
    return {out_, bytes.size(), std::nullopt};
}

TextDecoder::Step TextDecoder::decodeUtf16(std::string_view bytes, bool isLast, bool bigEndian)
{
    out_.clear();
    const auto* const data = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t size = bytes.size();
    const auto unitAt = [&](std::size_t i) -> char32_t {
        return bigEndian ? char32_t(data[i] << 8 | data[i + 1]) : char32_t(data[i + 1] << 8 | data[i]);
    };
    const auto fail = [&](std::size_t at, std::string message) {
        return Step{out_, at, "invalid UTF-16 (" + std::move(message) + ")"};
    };

    std::size_t i = 0;
    while (i + 2 <= size) {
        const char32_t unit = unitAt(i);
        if (unit < 0x80) {
            out_.push_back(static_cast<char>(unit));
            i += 2;
        } else if (unit >= 0xD800 && unit <= 0xDBFF) {
            if (i + 4 > size) {
                if (!isLast)
                    break; // the low surrogate comes with the next chunk
                return fail(i, "the file ends in the middle of a character");
            }
            const char32_t low = unitAt(i + 2);
            if (low < 0xDC00 || low > 0xDFFF)
                return fail(i, "unpaired surrogate " + hexByte(unsigned(unit), 4));
            appendUtf8(out_, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
            i += 4;
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            return fail(i, "unpaired surrogate " + hexByte(unsigned(unit), 4));
        } else {
            appendUtf8(out_, unit);
            i += 2;
        }
    }
    if (isLast && i < size)
        return fail(i, "the file ends in the middle of a character");
    return {out_, i, std::nullopt};
}

} // namespace caseboard::csv::detail
