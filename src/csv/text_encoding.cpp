#include "caseboard/csv/text_encoding.h"

#include "text_decoder.h"
#include "utf8.h"

#include <algorithm>
#include <cctype>

namespace caseboard::csv {

std::string_view encodingName(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8: return "UTF-8";
    case Encoding::Utf16Le: return "UTF-16LE";
    case Encoding::Utf16Be: return "UTF-16BE";
    case Encoding::Windows1252: return "Windows-1252";
    }
    return "UTF-8";
}

std::optional<Encoding> encodingFromName(std::string_view name)
{
    std::string key;
    for (const char c : name) {
        if (c != '-' && c != '_' && c != ' ')
            key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    if (key == "utf8")
        return Encoding::Utf8;
    if (key == "utf16le")
        return Encoding::Utf16Le;
    if (key == "utf16be")
        return Encoding::Utf16Be;
    // Latin-1 labels mean Windows-1252 in practice: files so labelled use 0x80–0x9F for
    // its punctuation, never for C1 controls (the WHATWG encoding standard agrees).
    if (key == "windows1252" || key == "cp1252" || key == "latin1" || key == "iso88591")
        return Encoding::Windows1252;
    return std::nullopt;
}

std::string_view byteOrderMark(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8: return "\xEF\xBB\xBF";
    case Encoding::Utf16Le: return "\xFF\xFE";
    case Encoding::Utf16Be: return "\xFE\xFF";
    case Encoding::Windows1252: return {};
    }
    return {};
}

EncodingGuess detectEncoding(std::string_view head, bool isWholeFile)
{
    for (const Encoding encoding : {Encoding::Utf8, Encoding::Utf16Le, Encoding::Utf16Be}) {
        const std::string_view bom = byteOrderMark(encoding);
        if (head.starts_with(bom))
            return {encoding, EncodingEvidence::ByteOrderMark, bom.size()};
    }

    // UTF-16 without a BOM is rare but unmistakable when mostly ASCII, and read as UTF-8
    // it would put a NUL between every two letters.
    const std::size_t pairs = std::min<std::size_t>(head.size(), 4096) / 2;
    if (pairs >= 2) {
        std::size_t nulFirst = 0, nulSecond = 0;
        for (std::size_t i = 0; i < pairs; ++i) {
            nulFirst += head[2 * i] == '\0';
            nulSecond += head[2 * i + 1] == '\0';
        }
        if (nulFirst == 0 && nulSecond * 2 >= pairs)
            return {Encoding::Utf16Le, EncodingEvidence::NulBytes, 0};
        if (nulSecond == 0 && nulFirst * 2 >= pairs)
            return {Encoding::Utf16Be, EncodingEvidence::NulBytes, 0};
    }

    const std::size_t firstNonAscii = detail::findNonAscii(head);
    if (firstNonAscii == head.size())
        return {Encoding::Utf8, EncodingEvidence::AsciiOnly, 0};
    const detail::Utf8Scan scan = detail::scanUtf8(head.substr(firstNonAscii));
    switch (scan.status) {
    case detail::Utf8Scan::Status::Valid:
        return {Encoding::Utf8, EncodingEvidence::ValidUtf8, 0};
    case detail::Utf8Scan::Status::Incomplete:
        if (isWholeFile)
            break;
        if (scan.end == 0) // only a character cut off by the end of the sample
            return {Encoding::Utf8, EncodingEvidence::AsciiOnly, 0};
        return {Encoding::Utf8, EncodingEvidence::ValidUtf8, 0};
    case detail::Utf8Scan::Status::Invalid:
        break;
    }
    return {Encoding::Windows1252, EncodingEvidence::InvalidUtf8, 0};
}

bool isValidUtf8(std::string_view text)
{
    return detail::scanUtf8(text).status == detail::Utf8Scan::Status::Valid;
}

std::optional<std::string> decodeToUtf8(std::string_view bytes, Encoding encoding)
{
    if (bytes.starts_with(byteOrderMark(encoding)))
        bytes.remove_prefix(byteOrderMark(encoding).size());
    auto decoder = detail::TextDecoder::forced(encoding);
    const auto step = decoder.decode(bytes, true);
    if (step.error)
        return std::nullopt;
    return std::string(step.text);
}

} // namespace caseboard::csv
