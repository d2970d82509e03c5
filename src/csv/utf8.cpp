#include "utf8.h"

#include <cstdint>
#include <cstring>

namespace caseboard::csv::detail {

namespace {

constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

bool isContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

} // namespace

std::size_t findNonAscii(std::string_view bytes)
{
    const char* const data = bytes.data();
    const std::size_t size = bytes.size();
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        std::uint64_t word;
        std::memcpy(&word, data + i, 8);
        if (word & kHighBits)
            break;
    }
    while (i < size && static_cast<unsigned char>(data[i]) < 0x80)
        ++i;
    return i;
}

Utf8Scan scanUtf8(std::string_view bytes)
{
    const auto* const data = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t size = bytes.size();
    std::size_t i = 0;
    while (i < size) {
        if (data[i] < 0x80) {
            i += findNonAscii(bytes.substr(i));
            continue;
        }
        // The second byte's range is narrower than 80..BF for a few lead bytes: that is
        // what rules out overlong forms, surrogates and values past U+10FFFF.
        const unsigned char lead = data[i];
        std::size_t length = 0;
        unsigned char low = 0x80, high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0)
                low = 0xA0;
            else if (lead == 0xED)
                high = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0)
                low = 0x90;
            else if (lead == 0xF4)
                high = 0x8F;
        } else {
            return {Utf8Scan::Status::Invalid, i};
        }
        for (std::size_t k = 1; k < length; ++k) {
            if (i + k == size)
                return {Utf8Scan::Status::Incomplete, i};
            const unsigned char byte = data[i + k];
            const bool ok = k == 1 ? (byte >= low && byte <= high) : isContinuation(byte);
            if (!ok)
                return {Utf8Scan::Status::Invalid, i};
        }
        i += length;
    }
    return {Utf8Scan::Status::Valid, size};
}

} // namespace caseboard::csv::detail
