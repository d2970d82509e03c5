#pragma once
// Which random stream each part of the demo plan draws from.

#include <cstdint>

namespace caseboard::demo {

// Each part of the plan draws from its own stream, so changing how clients behave does
// not reshuffle the roster, and one client's draws never depend on another's.
enum Stream : std::uint64_t {
    kRosterStream = 1,
    kClinicianStream,
    kReferralStream,
    kClientStream,
    kSickDayStream,
};

} // namespace caseboard::demo
