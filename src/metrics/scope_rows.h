#pragma once
// Walking the appointments of a scope. Private to src/metrics.

#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/scope.h"
#include "caseboard/metrics/snapshot.h"

#include <cstdint>
#include <limits>

namespace caseboard::metrics::detail {

// Calls f(row) for each row of the scope dated in [from, to], in row order. A
// one-clinician scope walks that clinician's row list, so its cost is its own rows, not
// the practice's.
template <typename F>
void forEachScopeRow(const Snapshot& snapshot, const Scope& scope, const ClinicianMask& mask, std::int32_t from,
                     std::int32_t to, F&& f)
{
    if (scope.kind == Scope::Kind::Clinician) {
        if (scope.clinician + 1 >= snapshot.clinicianRowStart.size())
            return;
        const Snapshot::RowRange part =
            snapshot.listBetween(snapshot.clinicianRows, snapshot.clinicianRowStart[scope.clinician],
                                 snapshot.clinicianRowStart[scope.clinician + 1], from, to);
        for (std::size_t i = part.first; i < part.last; ++i)
            f(static_cast<std::size_t>(snapshot.clinicianRows[i]));
        return;
    }
    const Snapshot::RowRange range = snapshot.rowsBetween(from, to);
    const auto& clinician = snapshot.appointments.clinician;
    for (std::size_t row = range.first; row < range.last; ++row)
        if (mask[clinician[row]])
            f(row);
}

// Calls f(row) for each row of a row list (Snapshot::unpaidRows...) dated on or before
// `to` whose clinician is in the mask.
template <typename F>
void forEachListedRow(const Snapshot& snapshot, const std::vector<std::uint32_t>& rows, const ClinicianMask& mask,
                      std::int32_t to, F&& f)
{
    const Snapshot::RowRange part =
        snapshot.listBetween(rows, 0, rows.size(), std::numeric_limits<std::int32_t>::min(), to);
    const auto& clinician = snapshot.appointments.clinician;
    for (std::size_t i = part.first; i < part.last; ++i)
        if (mask[clinician[rows[i]]])
            f(static_cast<std::size_t>(rows[i]));
}

inline bool isCounted(StatusCategory status, const MetricSettings& settings)
{
    return status == StatusCategory::Completed
        || (settings.billableCancelsCountAsCompleted && isBillableCancel(status));
}

// Counts a group — the rows of one clinician at one known start time on one day, or its
// 90853 rows on a day when the start time is unknown — as one session. Rows must come
// in snapshot order (day, clinician, start minute), which puts a group's rows next to
// each other, so remembering the last counted slot is enough.
class SessionCounter {
public:
    explicit SessionCounter(bool mergeGroups) : mergeGroups_(mergeGroups) {}

    // True when the counted row is a new session, false when it joins the group before it.
    bool newSession(const AppointmentColumns& a, std::size_t row)
    {
        const bool groupable = a.startMinute[row] != kUnknownStartMinute || a.groupCode[row] != 0;
        if (!mergeGroups_ || !groupable)
            return true;
        if (haveSlot_ && day_ == a.daySerial[row] && clinician_ == a.clinician[row] && start_ == a.startMinute[row])
            return false;
        haveSlot_ = true;
        day_ = a.daySerial[row];
        clinician_ = a.clinician[row];
        start_ = a.startMinute[row];
        return true;
    }

private:
    bool mergeGroups_;
    bool haveSlot_ = false;
    std::int32_t day_ = 0;
    std::uint16_t clinician_ = 0;
    std::int16_t start_ = 0;
};

} // namespace caseboard::metrics::detail
