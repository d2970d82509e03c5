#pragma once
// A Bloom filter over the appointment keys one import has written: "certainly not seen"
// for almost every row, so only a possible repeat costs a database look-up. 4 MiB holds
// a few million keys at a low false-positive rate, whatever the file's size.

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace caseboard::import {

class KeyFilter {
public:
    bool mayContain(std::string_view key) const
    {
        if (bits_.empty())
            return false;
        const auto [h1, h2] = hashes(key);
        for (std::uint64_t i = 0; i < kHashes; ++i) {
            const std::uint64_t bit = (h1 + i * h2) % kBits;
            if (!(bits_[bit / 64] & (1ULL << (bit % 64))))
                return false;
        }
        return true;
    }

    void add(std::string_view key)
    {
        if (bits_.empty()) // allocated on first use: a bulk load never needs it
            bits_.assign(kBits / 64, 0);
        const auto [h1, h2] = hashes(key);
        for (std::uint64_t i = 0; i < kHashes; ++i) {
            const std::uint64_t bit = (h1 + i * h2) % kBits;
            bits_[bit / 64] |= 1ULL << (bit % 64);
        }
    }

private:
    static constexpr std::uint64_t kBits = 32ULL * 1024 * 1024; // 4 MiB
    static constexpr std::uint64_t kHashes = 4;

    static std::pair<std::uint64_t, std::uint64_t> hashes(std::string_view key)
    {
        const std::uint64_t h = std::hash<std::string_view>{}(key);
        // A second, independent-enough hash from the first (double hashing); odd so that
        // the probe sequence never collapses.
        const std::uint64_t h2 = ((h >> 33) ^ (h * 0x9e3779b97f4a7c15ULL)) | 1;
        return {h, h2};
    }

    std::vector<std::uint64_t> bits_;
};

} // namespace caseboard::import
