#include "caseboard/metrics/caseload.h"

#include "caseboard/metrics/effective_status.h"

#include <limits>

namespace caseboard::metrics {

std::vector<std::int64_t> activeClientsByClinician(const Snapshot& snapshot, const MetricSettings& settings,
                                                   const PairFacts& facts)
{
    // A pair is one clinician with one client, so a clinician's active pairs are its
    // distinct active clients.
    const std::int32_t windowFrom = toSerial(facts.asOf) - (settings.activeWindowDays - 1);
    std::vector<std::int64_t> result(snapshot.clinicians.size(), 0);
    for (std::size_t p = 0; p < facts.pairs.size(); ++p) {
        const PairFact& f = facts.pairs[p];
        if (f.nextScheduledSerial != kNoDay || (f.lastQualifyingSerial != kNoDay && f.lastQualifyingSerial >= windowFrom))
            ++result[static_cast<std::size_t>(snapshot.pairs[p].clinician)];
    }
    return result;
}

std::int64_t activeClientsOn(const Snapshot& snapshot, const MetricSettings& settings, Day day, const Scope& scope,
                             int lookaheadDays)
{
    const AppointmentColumns& a = snapshot.appointments;
    const ClinicianMask mask = clinicianMask(snapshot, scope);
    const std::int32_t d = toSerial(day);
    std::vector<std::uint8_t> active(snapshot.clients.size(), 0);
    std::int64_t count = 0;
    const auto mark = [&](std::size_t row) {
        std::uint8_t& seen = active[static_cast<std::size_t>(a.client[row])];
        count += seen == 0 ? 1 : 0;
        seen = 1;
    };

    const Snapshot::RowRange recent = snapshot.rowsBetween(d - (settings.activeWindowDays - 1), d);
    for (std::size_t row = recent.first; row < recent.last; ++row)
        if (mask[a.clinician[row]] && isQualifying(a.status[row]))
            mark(row);
    const std::int32_t aheadTo = lookaheadDays < 0 ? std::numeric_limits<std::int32_t>::max() : d + lookaheadDays;
    const Snapshot::RowRange ahead = snapshot.rowsBetween(d + 1, aheadTo);
    for (std::size_t row = ahead.first; row < ahead.last; ++row)
        if (mask[a.clinician[row]] && effectiveStatus(a.status[row], a.daySerial[row], d) == StatusCategory::Scheduled)
            mark(row);
    return count;
}

std::int64_t activeClients(const Snapshot& snapshot, const MetricSettings& settings, Day asOf, const Scope& scope)
{
    return activeClientsOn(snapshot, settings, asOf, scope, -1);
}

double caseloadBaseline(double weeklyGoal, const MetricSettings& settings)
{
    return settings.caseloadMultiplier * weeklyGoal;
}

std::string_view retentionStatusName(RetentionStatus status)
{
    switch (status) {
    case RetentionStatus::Green: return "green";
    case RetentionStatus::Yellow: return "yellow";
    case RetentionStatus::Red: return "red";
    case RetentionStatus::Unknown: break;
    }
    return "unknown";
}

std::string_view caseloadReadingText(CaseloadReading reading)
{
    switch (reading) {
    case CaseloadReading::LosingClients: return "losing clients";
    case CaseloadReading::NeedsReferrals: return "needs referrals";
    case CaseloadReading::AtOrAboveBaseline: break;
    }
    return "";
}

CaseloadReading caseloadReading(std::int64_t activeClients, double baseline, RetentionStatus retention)
{
    if (!(static_cast<double>(activeClients) < baseline))
        return CaseloadReading::AtOrAboveBaseline;
    if (retention == RetentionStatus::Red || retention == RetentionStatus::Yellow)
        return CaseloadReading::LosingClients;
    return CaseloadReading::NeedsReferrals;
}

} // namespace caseboard::metrics
