#pragma once
// An appointment's status as the metrics see it on the as-of date T (METRICS.md "Past /
// future"): a future appointment counts as scheduled whatever its raw status says —
// SimplePractice marks every upcoming appointment "Show" — unless it is a cancellation.

#include "caseboard/core/status.h"

#include <cstdint>

namespace caseboard::metrics {

constexpr StatusCategory effectiveStatus(StatusCategory imported, std::int32_t daySerial, std::int32_t asOfSerial)
{
    if (daySerial > asOfSerial && !isCancellation(imported))
        return StatusCategory::Scheduled;
    return imported;
}

} // namespace caseboard::metrics
