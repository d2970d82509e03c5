#include "caseboard/metrics/weekly_series.h"

#include "caseboard/metrics/caseload.h"

#include "scope_rows.h"

#include <algorithm>
#include <bit>
#include <chrono>

namespace caseboard::metrics {

namespace {

constexpr int kMaxWeeks = 64; // one bit per week in the active-client masks below

// Active clients on the last day of each past week (all but the current one), in one
// pass. Each row makes its client active on a run of week ends: a qualifying session on
// day s for week ends in [s, s + window - 1]; an appointment on day s that is scheduled
// as seen from an earlier week end D (any status but a cancellation) for D in
// [s - window, s - 1], the look-ahead limit of activeClientsOn. A 64-bit mask per client
// keeps "distinct" exact.
std::vector<std::int64_t> pastWeeksActiveClients(const Snapshot& snapshot, const MetricSettings& settings,
                                                 const Scope& scope, const ClinicianMask& mask,
                                                 std::int32_t firstWeekEnd, int pastWeeks)
{
    std::vector<std::int64_t> counts(static_cast<std::size_t>(pastWeeks), 0);
    if (pastWeeks <= 0)
        return counts;
    const AppointmentColumns& a = snapshot.appointments;
    const int window = settings.activeWindowDays;
    const std::int32_t lastWeekEnd = firstWeekEnd + 7 * (pastWeeks - 1);
    std::vector<std::uint64_t> weeks(snapshot.clients.size(), 0);

    // Sets the bits of the week ends in [from, to].
    const auto mark = [&](std::uint64_t& bits, std::int32_t from, std::int32_t to) {
        from = std::max(from, firstWeekEnd);
        to = std::min(to, lastWeekEnd);
        if (from > to)
            return;
        const int first = (from - firstWeekEnd + 6) / 7; // the first week end >= from
        const int last = (to - firstWeekEnd) / 7;        // the last week end <= to
        for (int k = first; k <= last; ++k)
            bits |= std::uint64_t{1} << k;
    };

    detail::forEachScopeRow(snapshot, scope, mask, firstWeekEnd - (window - 1), lastWeekEnd + window,
                            [&](std::size_t row) {
                                const StatusCategory status = a.status[row];
                                const std::int32_t day = a.daySerial[row];
                                std::uint64_t& bits = weeks[static_cast<std::size_t>(a.client[row])];
                                if (isQualifying(status))
                                    mark(bits, day, day + window - 1);
                                if (!isCancellation(status))
                                    mark(bits, day - window, day - 1);
                            });
    for (std::uint64_t bits : weeks)
        while (bits != 0) {
            ++counts[static_cast<std::size_t>(std::countr_zero(bits))];
            bits &= bits - 1;
        }
    return counts;
}

} // namespace

Day weekStartOf(Day day, WeekStart start)
{
    const std::chrono::weekday first = start == WeekStart::Monday ? std::chrono::Monday : std::chrono::Sunday;
    return day - (std::chrono::weekday{day} - first);
}

std::vector<WeekPoint> weeklySeries(const Snapshot& snapshot, const MetricSettings& settings, Day asOf,
                                    const Scope& scope, int weeks)
{
    weeks = std::clamp(weeks, 1, kMaxWeeks);
    const Day firstStart = addDays(weekStartOf(asOf, settings.weekStart), -7 * (weeks - 1));
    const std::int32_t from = toSerial(firstStart);
    const std::int32_t to = toSerial(asOf);
    const ClinicianMask mask = clinicianMask(snapshot, scope);

    std::vector<WeekPoint> series(static_cast<std::size_t>(weeks));
    for (int k = 0; k < weeks; ++k) {
        WeekPoint& point = series[static_cast<std::size_t>(k)];
        point.weekStart = addDays(firstStart, 7 * k);
        point.weekEnd = k == weeks - 1 ? asOf : addDays(point.weekStart, 6);
    }

    // Counted sessions and cancellation counts in one pass over the span (all past).
    const AppointmentColumns& a = snapshot.appointments;
    std::vector<CancellationCounts> cancellations(series.size());
    detail::SessionCounter sessions(!settings.countGroupClientsSeparately);
    detail::forEachScopeRow(snapshot, scope, mask, from, to, [&](std::size_t row) {
        const auto week = static_cast<std::size_t>((a.daySerial[row] - from) / 7);
        const StatusCategory status = a.status[row];
        if (detail::isCounted(status, settings) && sessions.newSession(a, row))
            ++series[week].counted;
        cancellations[week].add(status);
    });

    // Goal for a window = its days' weekly goals / 7, summed before dividing (as goalForWindow).
    const std::vector<double> goals = weeklyGoalByDay(snapshot, settings, scope, {firstStart, asOf});
    const std::vector<std::int64_t> active =
        pastWeeksActiveClients(snapshot, settings, scope, mask, from + 6, weeks - 1);
    for (std::size_t k = 0; k < series.size(); ++k) {
        WeekPoint& point = series[k];
        double weeklyGoalDays = 0.0;
        for (std::int32_t day = toSerial(point.weekStart); day <= toSerial(point.weekEnd); ++day)
            weeklyGoalDays += goals[static_cast<std::size_t>(day - from)];
        point.goal = weeklyGoalDays / 7.0;
        point.cancellation = ratesOf(cancellations[k]);
        point.activeClients =
            k + 1 == series.size() ? activeClients(snapshot, settings, asOf, scope) : active[k];
    }
    return series;
}

} // namespace caseboard::metrics
