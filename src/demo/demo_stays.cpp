#include "demo_stays.h"

#include "demo_random.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace caseboard::demo {
namespace {

struct StayClass {
    int fewest;
    int most;
};
// Some drop out at once, many stay a few months, a third stay a year or more.
constexpr StayClass kStayClasses[] = {{1, 3}, {4, 12}, {13, 40}, {41, 300}};
constexpr double kStayWeights[] = {0.12, 0.23, 0.30, 0.35};
constexpr double kCadenceWeights[] = {0.62, 0.33, 0.05};
constexpr int kCadence[] = {1, 2, 4};
constexpr double kTaperChance = 0.4; // long-term weekly clients who step down to every other week

// Roughly how many weeks a stay lasts: the weeks its appointments need plus weeks off.
double stayWeeks(int planned, int every, bool taper)
{
    const double weeks = taper && planned > kTaperAfter ? kTaperAfter + 2.0 * (planned - kTaperAfter)
                                                        : static_cast<double>(planned) * every;
    return weeks / (1.0 - 2.0 * kWeeksOff);
}

} // namespace

Stay drawStay(Random& r)
{
    Stay stay;
    stay.kind = r.weighted(kStayWeights);
    stay.planned = r.between(kStayClasses[stay.kind].fewest, kStayClasses[stay.kind].most);
    stay.every = kCadence[r.weighted(kCadenceWeights)];
    stay.taper = stay.every == 1 && stay.kind == kLongStay && r.chance(kTaperChance);
    return stay;
}

std::vector<double> staySurvival(int weeks)
{
    std::vector<double> endsIn(static_cast<std::size_t>(weeks) + 1, 0.0);
    double stayTotal = 0.0, cadenceTotal = 0.0;
    for (double w : kStayWeights)
        stayTotal += w;
    for (double w : kCadenceWeights)
        cadenceTotal += w;
    for (std::size_t kind = 0; kind < std::size(kStayClasses); ++kind) {
        const StayClass& c = kStayClasses[kind];
        const double perCount = kStayWeights[kind] / stayTotal / (c.most - c.fewest + 1);
        for (int planned = c.fewest; planned <= c.most; ++planned)
            for (std::size_t e = 0; e < std::size(kCadence); ++e) {
                const double p = perCount * kCadenceWeights[e] / cadenceTotal;
                const double taper = kCadence[e] == 1 && kind == kLongStay ? kTaperChance : 0.0;
                for (const auto& [tapers, share] : {std::pair{false, 1.0 - taper}, std::pair{true, taper}}) {
                    if (share <= 0.0)
                        continue;
                    const int week = std::min(weeks, static_cast<int>(stayWeeks(planned, kCadence[e], tapers)));
                    endsIn[static_cast<std::size_t>(week)] += p * share;
                }
            }
    }
    std::vector<double> survival(static_cast<std::size_t>(weeks) + 1, 0.0);
    double remaining = 0.0;
    for (int w = weeks; w >= 0; --w) {
        remaining += endsIn[static_cast<std::size_t>(w)];
        survival[static_cast<std::size_t>(w)] = remaining;
    }
    return survival;
}

} // namespace caseboard::demo
