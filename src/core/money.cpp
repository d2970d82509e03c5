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

std::string formatWithThousands(std::int64_t value)
{
    const unsigned long long m = magnitude(value);
    const std::string digits = std::to_string(m);
    std::string grouped;
    grouped.reserve(digits.size() + digits.size() / 3 + 1);
    if (value < 0)
        grouped.push_back('-');
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i != 0 && (digits.size() - i) % 3 == 0)
            grouped.push_back(',');
        grouped.push_back(digits[i]);
    }
    return grouped;
}

std::string formatCentsDisplay(Cents cents)
{
    const unsigned long long m = magnitude(cents);
    char fraction[4];
    std::snprintf(fraction, sizeof fraction, "%02llu", m % 100);
    return std::string(cents < 0 ? "-$" : "$") + formatWithThousands(static_cast<std::int64_t>(m / 100)) + "."
        + fraction;
}

} // namespace caseboard
