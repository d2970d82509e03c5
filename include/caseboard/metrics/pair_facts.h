#pragma once
// What every caseload, retention and list metric needs to know about each pair and
// each client on the as-of date T, gathered in one pass over the appointments. Built
// once per T and shared, so a dashboard of every clinician costs one pass, not one per
// clinician.

#include "caseboard/core/day.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/snapshot.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace caseboard::metrics {

// A day serial meaning "no such day" (no intake yet, nothing scheduled...).
inline constexpr std::int32_t kNoDay = std::numeric_limits<std::int32_t>::min();

struct PairFact {
    std::int32_t intakeSerial = kNoDay;          // first qualifying session dated <= T
    std::int32_t lastQualifyingSerial = kNoDay;  // last qualifying session dated <= T
    std::int32_t lastSeenSerial = kNoDay;        // last completed session dated <= T
    std::int32_t nextScheduledSerial = kNoDay;   // first appointment after T whose status on T is scheduled
    std::int32_t firstAppointmentSerial = kNoDay; // first appointment of any status, any date
    std::int32_t qualifyingCount = 0;            // qualifying sessions dated <= T
    std::int32_t billableCancels12m = 0;         // late cancels + no-shows in [T-364, T]
    bool rebooked = false; // an appointment on a later day than the intake, qualifying or scheduled on T
};

struct PairFacts {
    Day asOf{};
    std::vector<PairFact> pairs;                    // index = Snapshot::pairs index
    std::vector<std::int32_t> clientIntakeSerial;   // index = client: first qualifying session with anyone, <= T
    std::vector<std::uint8_t> clientDischarged;     // index = client: SnapshotClient::discharged, as bytes

    bool scheduledAfterT(std::size_t pair) const { return pairs[pair].nextScheduledSerial != kNoDay; }
};

PairFacts computePairFacts(const Snapshot& snapshot, Day asOf);

} // namespace caseboard::metrics
