#include "caseboard/metrics/retention.h"

#include <algorithm>

namespace caseboard::metrics {

namespace {

// The money a qualifying session brought on the practice's revenue basis, or nullopt when
// the export did not say: charged needs the fee; collected needs the fee and at least one
// payment (the other, when missing, counts as nothing received), for without payment data
// every session would look unpaid and drag the average down.
std::optional<Cents> revenueOf(const AppointmentColumns& a, std::size_t row, RevenueBasis basis)
{
    if (!a.feeKnown(row))
        return std::nullopt;
    if (basis == RevenueBasis::Charged)
        return a.fee[row];
    if (a.clientPaid[row] == kUnknownCents && a.insurancePaid[row] == kUnknownCents)
        return std::nullopt;
    return knownOrZero(a.clientPaid[row]) + knownOrZero(a.insurancePaid[row]);
}

void addPair(Retention& r, const PairFact& f, const MetricSettings& settings)
{
    ++r.cohort;
    r.cohortSessions += f.qualifyingCount;
    if (f.qualifyingCount >= settings.retentionThreshold)
        ++r.retained;
    if (f.qualifyingCount < settings.churnThreshold)
        ++r.churned;
}

void finishRates(Retention& r)
{
    if (r.cohort > 0) {
        const auto cohort = static_cast<double>(r.cohort);
        r.retentionRate = static_cast<double>(r.retained) / cohort;
        r.churnRate = static_cast<double>(r.churned) / cohort;
        r.avgSessionsPerClient = static_cast<double>(r.cohortSessions) / cohort;
    }
    if (r.revenueSessions > 0)
        r.avgRevenuePerSession = static_cast<double>(r.revenue) / static_cast<double>(r.revenueSessions) / 100.0;
    if (r.avgSessionsPerClient && r.avgRevenuePerSession)
        r.lifetimeValue = *r.avgSessionsPerClient * *r.avgRevenuePerSession;
}

// Fills `perClinician` (one Retention per clinician) in one pass over the pairs and one
// over the timeframe's rows.
void accumulate(const Snapshot& snapshot, const PairFacts& facts, const MetricSettings& settings,
                const Window& timeframe, std::vector<Retention>& perClinician)
{
    const Day asOf = facts.asOf;
    const Day cohortEnd = retentionCohortEnd(timeframe, asOf, settings);
    for (Retention& r : perClinician) {
        r.timeframe = timeframe;
        r.cohortEnd = cohortEnd;
    }
    const std::int32_t from = timeframe.fromSerial();
    const std::int32_t to = toSerial(cohortEnd);
    for (std::size_t p = 0; p < facts.pairs.size(); ++p) {
        const PairFact& f = facts.pairs[p];
        if (f.intakeSerial != kNoDay && from <= f.intakeSerial && f.intakeSerial <= to)
            addPair(perClinician[static_cast<std::size_t>(snapshot.pairs[p].clinician)], f, settings);
    }

    // Revenue: qualifying sessions dated in [A, B] and on or before T.
    const AppointmentColumns& a = snapshot.appointments;
    const Snapshot::RowRange rows = snapshot.rowsBetween(from, toSerial(std::min(timeframe.to, asOf)));
    for (std::size_t row = rows.first; row < rows.last; ++row) {
        if (!isQualifying(a.status[row]))
            continue;
        const std::optional<Cents> revenue = revenueOf(a, row, settings.revenueBasis);
        if (!revenue)
            continue;
        Retention& r = perClinician[a.clinician[row]];
        r.revenue += *revenue;
        ++r.revenueSessions;
    }
}

} // namespace

std::vector<Retention> retentionByClinician(const Snapshot& snapshot, const PairFacts& facts,
                                            const MetricSettings& settings, const Window& timeframe)
{
    std::vector<Retention> result(snapshot.clinicians.size());
    accumulate(snapshot, facts, settings, timeframe, result);
    for (Retention& r : result)
        finishRates(r);
    return result;
}

Day retentionCohortEnd(const Window& timeframe, Day asOf, const MetricSettings& settings)
{
    return std::min(timeframe.to, addDays(asOf, -7 * settings.retentionThreshold));
}

Retention sumRetention(const std::vector<Retention>& perClinician, const ClinicianMask& mask, const Window& timeframe,
                       Day cohortEnd)
{
    Retention total;
    total.timeframe = timeframe;
    total.cohortEnd = cohortEnd;
    for (std::size_t i = 0; i < perClinician.size(); ++i) {
        if (!mask[i])
            continue;
        const Retention& r = perClinician[i];
        total.cohort += r.cohort;
        total.retained += r.retained;
        total.churned += r.churned;
        total.cohortSessions += r.cohortSessions;
        total.revenue += r.revenue;
        total.revenueSessions += r.revenueSessions;
    }
    finishRates(total);
    return total;
}

Retention retention(const Snapshot& snapshot, const PairFacts& facts, const MetricSettings& settings,
                    const Scope& scope, const Window& timeframe)
{
    return sumRetention(retentionByClinician(snapshot, facts, settings, timeframe), clinicianMask(snapshot, scope),
                        timeframe, retentionCohortEnd(timeframe, facts.asOf, settings));
}

std::string_view pairStatusName(PairStatus status)
{
    switch (status) {
    case PairStatus::Retained: return "retained";
    case PairStatus::InProgress: return "in progress";
    case PairStatus::AtRisk: return "at risk";
    case PairStatus::Lost: return "lost";
    case PairStatus::NoIntake: break;
    }
    return "no intake";
}

PairStatus pairStatus(const PairFacts& facts, std::size_t pair, const MetricSettings& settings)
{
    const PairFact& f = facts.pairs[pair];
    if (f.qualifyingCount >= settings.retentionThreshold)
        return PairStatus::Retained;
    // A new client booked for a first session is under way too, intake or not.
    if (f.nextScheduledSerial != kNoDay)
        return PairStatus::InProgress;
    if (f.intakeSerial == kNoDay)
        return PairStatus::NoIntake;
    const std::int32_t windowFrom = toSerial(facts.asOf) - (settings.activeWindowDays - 1);
    return f.lastQualifyingSerial >= windowFrom ? PairStatus::AtRisk : PairStatus::Lost;
}

RetentionStatus clinicianRetentionStatus(const Retention& clinician, const Retention& practice,
                                         const MetricSettings& settings)
{
    const std::optional<double> retentionTarget =
        settings.practiceRetentionGoal ? settings.practiceRetentionGoal : practice.retentionRate;
    const std::optional<double> churnTarget = settings.practiceChurnGoal ? settings.practiceChurnGoal : practice.churnRate;
    if (!clinician.retentionRate || !clinician.churnRate || !retentionTarget || !churnTarget)
        return RetentionStatus::Unknown;
    // Misses in points of percentage; a hair of tolerance so that a clinician exactly on
    // target (the same fraction computed two ways) is not a miss.
    constexpr double kTolerance = 1e-9;
    const double retentionMiss = (*retentionTarget - *clinician.retentionRate) * 100.0;
    const double churnMiss = (*clinician.churnRate - *churnTarget) * 100.0;
    if (retentionMiss <= kTolerance && churnMiss <= kTolerance)
        return RetentionStatus::Green;
    const double margin = settings.retentionStatusMarginPoints + kTolerance;
    if (retentionMiss > margin || churnMiss > margin)
        return RetentionStatus::Red;
    return RetentionStatus::Yellow;
}

} // namespace caseboard::metrics
