#include "caseboard/metrics/monthly_series.h"

#include <cstddef>

namespace caseboard::metrics {

std::vector<IntakeMonthComparison> compareIntakeMonths(const std::vector<MonthCount>& months, int count)
{
    std::vector<IntakeMonthComparison> result;
    const auto size = static_cast<std::ptrdiff_t>(months.size());
    for (std::ptrdiff_t i = count > size ? 0 : size - count; i < size; ++i) {
        const MonthCount& m = months[static_cast<std::size_t>(i)];
        IntakeMonthComparison entry{m.year, m.month, m.count, std::nullopt, std::nullopt};
        if (i >= 12) {
            std::int64_t sum = 0;
            for (std::ptrdiff_t j = i - 12; j < i; ++j)
                sum += months[static_cast<std::size_t>(j)].count;
            entry.previous12Average = static_cast<double>(sum) / 12.0;
            entry.sameMonthLastYear = months[static_cast<std::size_t>(i - 12)].count;
        }
        result.push_back(entry);
    }
    return result;
}

} // namespace caseboard::metrics
