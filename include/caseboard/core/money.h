#pragma once
// Money is held as a whole number of cents, so sums never drift the way doubles do.

#include <cstdint>
#include <string>

namespace caseboard {

using Cents = std::int64_t;

// "1250.00", "-32.50": dollars with two decimals, no currency sign or grouping
// (the form CSV exports and JSON carry).
std::string formatCentsPlain(Cents cents);
// "$1,250.00", "-$32.50": for people.
std::string formatCentsDisplay(Cents cents);

// 1234567 -> "1,234,567": counts for people (and the whole dollars above).
std::string formatWithThousands(std::int64_t value);

} // namespace caseboard
