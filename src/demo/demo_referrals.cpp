#include "demo_referrals.h"

#include "demo_calendar.h"
#include "demo_random.h"
#include "demo_roster.h"
#include "demo_stays.h"
#include "demo_streams.h"

#include <algorithm>
#include <cstddef>

namespace caseboard::demo {

std::vector<int> planReferrals(std::uint64_t seed, const Roster& roster, const DemoCalendar& calendar,
                               Day historyStart, Day end, int count)
{
    const int first = toSerial(historyStart);
    const int last = toSerial(end) + 10;
    const int firstMonday = toSerial(weekStart(historyStart));
    const int weeks = (last - firstMonday) / 7 + 1;

    std::vector<double> target(static_cast<std::size_t>(weeks), 0.0);
    std::vector<double> full(static_cast<std::size_t>(weeks), 0.0); // without the filling
    for (int w = 0; w < weeks; ++w) {
        const int midweek = firstMonday + 7 * w + 2;
        for (const Staff& staff : roster.staff) {
            if (midweek < staff.firstDay || midweek > staff.lastDay)
                continue;
            full[static_cast<std::size_t>(w)] += staff.targetCaseload;
            // A hire fills a caseload in two months; the practice as a whole, opening
            // with everyone at once, takes four.
            const int tenureWeeks = (midweek - std::max(staff.firstDay, first)) / 7;
            const double fillWeeks = staff.firstDay <= first ? 16.0 : 8.0;
            target[static_cast<std::size_t>(w)] += staff.targetCaseload * std::min(1.0, (tenureWeeks + 1) / fillWeeks);
        }
    }
    const std::vector<double> survival = staySurvival(weeks);
    double meanWeeks = 0.0;
    for (double s : survival)
        meanWeeks += s;
    std::vector<double> rate(static_cast<std::size_t>(weeks), 0.0);
    for (int w = 0; w < weeks; ++w) {
        double caseload = 0.0;
        for (int s = 0; s < w; ++s)
            caseload += rate[static_cast<std::size_t>(s)] * survival[static_cast<std::size_t>(w - s)];
        // Between half and two and a half times the rate that keeps a full caseload full: a
        // practice cannot take everyone at once, and referrals never stop altogether.
        const double steady = full[static_cast<std::size_t>(w)] / std::max(1.0, meanWeeks);
        const double deficit = target[static_cast<std::size_t>(w)] - caseload;
        rate[static_cast<std::size_t>(w)] = std::clamp(deficit, 0.5 * steady, 2.5 * steady);
    }

    std::vector<double> cumulative;
    cumulative.reserve(static_cast<std::size_t>(last - first + 1));
    double total = 0.0;
    for (int serial = first; serial <= last; ++serial) {
        const int monday = toSerial(weekStart(fromSerial(serial)));
        double openDays = 0.0;
        for (int d = 0; d < 7; ++d) {
            const Day day = fromSerial(monday + d);
            openDays += calendar.closed(day) ? 0.0 : (d == 5 ? 0.2 : 1.0);
        }
        const double weekly = rate[static_cast<std::size_t>((monday - firstMonday) / 7)];
        if (openDays > 0.0)
            total += weekly * calendar.referralWeight(fromSerial(serial)) / openDays;
        cumulative.push_back(total);
    }

    std::vector<int> referrals;
    referrals.reserve(static_cast<std::size_t>(std::max(0, count)));
    Random random(mixKey(seed, kReferralStream));
    for (int k = 0; k < count; ++k) {
        if (total <= 0.0) {
            referrals.push_back(first);
            continue;
        }
        // Stratified: the k-th referral falls in the k-th slice of the total, so months
        // are filled evenly rather than by luck.
        const double point = (k + random.uniform()) / count * total;
        const auto it = std::upper_bound(cumulative.begin(), cumulative.end() - 1, point);
        referrals.push_back(first + static_cast<int>(it - cumulative.begin()));
    }
    return referrals;
}

} // namespace caseboard::demo
