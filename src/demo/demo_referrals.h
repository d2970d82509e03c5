#pragma once
// When each client of the demo practice first asks for an appointment.

#include "caseboard/core/day.h"

#include <cstdint>
#include <vector>

namespace caseboard::demo {

class DemoCalendar;
struct Roster;

// Referral dates, one per client, sorted. The weekly rate is what keeps every
// clinician's caseload at its target: a burst while a caseload is new (the practice
// opens when the history starts, and hires join later), then enough to replace the
// clients who finish. Within that, referrals follow the seasons and the weekdays. With
// fewer clients than the targets call for, every caseload falls short alike.
std::vector<int> planReferrals(std::uint64_t seed, const Roster& roster, const DemoCalendar& calendar,
                               Day historyStart, Day end, int count);

} // namespace caseboard::demo
