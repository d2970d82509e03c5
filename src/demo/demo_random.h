#pragma once
// The demo's own random numbers. The std:: distributions are implementation-defined,
// so the same seed would give another practice with another standard library; these
// use integer arithmetic and exactly rounded double operations only (no log, no cos),
// which makes a seed mean the same practice everywhere.

#include <cstddef>
#include <cstdint>

namespace caseboard::demo {

constexpr std::uint64_t splitMix64(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// A stateless hash of a few numbers: for draws that must not depend on the order in
// which things are generated (a clinician's sick day, a client's stream).
constexpr std::uint64_t mixKey(std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0, std::uint64_t d = 0)
{
    std::uint64_t state = a;
    std::uint64_t h = splitMix64(state);
    state = h ^ b;
    h = splitMix64(state);
    state = h ^ c;
    h = splitMix64(state);
    state = h ^ d;
    return splitMix64(state);
}

// [0, 1) from the top 53 bits of a hash.
constexpr double unitFromBits(std::uint64_t bits) { return static_cast<double>(bits >> 11) * 0x1.0p-53; }

// xoshiro256** (Blackman and Vigna), seeded through splitmix64.
class Random {
public:
    explicit constexpr Random(std::uint64_t seed)
    {
        for (auto& word : s_)
            word = splitMix64(seed);
    }

    constexpr std::uint64_t next()
    {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    constexpr double uniform() { return unitFromBits(next()); }
    constexpr double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    constexpr bool chance(double p) { return uniform() < p; }

    // [0, n) without modulo bias worth mentioning (Lemire's multiply-shift; the bias
    // is below 2^-32 for the small n the demo uses).
    constexpr std::uint32_t below(std::uint32_t n)
    {
        return static_cast<std::uint32_t>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
    }
    // [lo, hi], both inclusive.
    constexpr int between(int lo, int hi)
    {
        return lo + static_cast<int>(below(static_cast<std::uint32_t>(hi - lo + 1)));
    }

    // An index drawn with the given (not necessarily normalised) weights.
    template <std::size_t N>
    constexpr std::size_t weighted(const double (&weights)[N])
    {
        double total = 0.0;
        for (double w : weights)
            total += w;
        double r = uniform() * total;
        for (std::size_t i = 0; i < N; ++i) {
            if (r < weights[i])
                return i;
            r -= weights[i];
        }
        return N - 1;
    }

private:
    static constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

    std::uint64_t s_[4]{};
};

} // namespace caseboard::demo
