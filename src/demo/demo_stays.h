#pragma once
// How long clients stay: how many appointments they book (whatever becomes of them) and
// how often they come. The scheduler draws one stay per client; the referral plan needs
// the whole distribution to know how many new clients keep a caseload full.

#include <cstddef>
#include <vector>

namespace caseboard::demo {

class Random;

inline constexpr std::size_t kDropout = 0;  // the kind of stay that ends within three visits
inline constexpr std::size_t kLongStay = 3; // a year or more
inline constexpr int kTaperAfter = 26;      // long-term weekly clients may step down after this many
inline constexpr double kWeeksOff = 0.05;   // chance of skipping a week outside the seasons

struct Stay {
    std::size_t kind = 0;
    int planned = 0; // appointments booked, whatever becomes of them
    int every = 1;   // weeks between appointments: 1, 2 or 4
    bool taper = false;
};

Stay drawStay(Random& random);

// survival[w] = chance that a client is still coming w weeks after their intake, for
// w = 0..weeks.
std::vector<double> staySurvival(int weeks);

} // namespace caseboard::demo
