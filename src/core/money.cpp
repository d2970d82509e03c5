#include "caseboard/core/money.h"

#include <cstdio>
#include <cstdlib>

namespace caseboard {

namespace {
// Magnitude as unsigned so that INT64_MIN does not overflow on negation.
unsigned long long magnitude(Cents cents)
{
    return cents < 0 ? 0ULL - static_cast<unsigned long long>(cents) : static_cast<unsigned long long>(cents);
}
} // namespace

std::string formatCentsPlain(Cents cents)
{
    const unsigned long long m = magnitude(cents);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%s%llu.%02llu", cents < 0 ? "-" : "", m / 100, m % 100);
    return buffer;
}

std::string formatCentsDisplay(Cents cents)
{
    const unsigned long long m = magnitude(cents);
    std::string whole = std::to_string(m / 100);
    std::string grouped;
    grouped.reserve(whole.size() + whole.size() / 3);
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i != 0 && (whole.size() - i) % 3 == 0)
            grouped.push_back(',');
        grouped.push_back(whole[i]);
    }
    char fraction[4];
    std::snprintf(fraction, sizeof fraction, "%02llu", m % 100);
    return std::string(cents < 0 ? "-$" : "$") + grouped + "." + fraction;
}

} // namespace caseboard
