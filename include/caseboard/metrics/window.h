#pragma once
// A window of calendar days, inclusive at both ends (METRICS.md "Windows").

#include "caseboard/core/day.h"

#include <cstdint>

namespace caseboard::metrics {

struct Window {
    Day from{};
    Day to{}; // inclusive; a window with to < from is empty

    std::int32_t fromSerial() const { return toSerial(from); }
    std::int32_t toSerialDay() const { return toSerial(to); }
    int days() const { return to < from ? 0 : daysBetween(from, to) + 1; }
    bool contains(Day day) const { return from <= day && day <= to; }
};

// [T-(n-1), T]: the last n days, e.g. lastDays(T, 7) = [T-6, T].
constexpr Window lastDays(Day asOf, int n) { return {addDays(asOf, -(n - 1)), asOf}; }
// [T+1, T+n]: the next n days after T.
constexpr Window nextDays(Day asOf, int n) { return {addDays(asOf, 1), addDays(asOf, n)}; }
// [T-83, T]: the trailing 12 weeks.
constexpr Window trailingTwelveWeeks(Day asOf) { return lastDays(asOf, 84); }
// [T-364, T]: the trailing 12 months.
constexpr Window trailingTwelveMonths(Day asOf) { return lastDays(asOf, 365); }

} // namespace caseboard::metrics
