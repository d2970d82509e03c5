#include "caseboard/metrics/dashboard.h"

#include <algorithm>

namespace caseboard::metrics {

namespace {

// Distinct clients of the scope's active pairs, from the pair facts of T.
std::int64_t distinctActiveClients(const Snapshot& snapshot, const MetricSettings& settings, const PairFacts& facts,
                                   const ClinicianMask& mask)
{
    const std::int32_t windowFrom = toSerial(facts.asOf) - (settings.activeWindowDays - 1);
    std::vector<std::uint8_t> seen(snapshot.clients.size(), 0);
    std::int64_t count = 0;
    for (std::size_t p = 0; p < facts.pairs.size(); ++p) {
        const PairFact& f = facts.pairs[p];
        const SnapshotPair& pair = snapshot.pairs[p];
        if (!mask[static_cast<std::size_t>(pair.clinician)])
            continue;
        if (f.nextScheduledSerial == kNoDay && (f.lastQualifyingSerial == kNoDay || f.lastQualifyingSerial < windowFrom))
            continue;
        std::uint8_t& s = seen[static_cast<std::size_t>(pair.client)];
        count += s == 0 ? 1 : 0;
        s = 1;
    }
    return count;
}

// Pair intakes in [from, to] of each clinician (index = clinician).
std::vector<std::int64_t> intakesByClinician(const Snapshot& snapshot, const PairFacts& facts, std::int32_t from,
                                             std::int32_t to)
{
    std::vector<std::int64_t> result(snapshot.clinicians.size(), 0);
    for (std::size_t p = 0; p < facts.pairs.size(); ++p) {
        const std::int32_t intake = facts.pairs[p].intakeSerial;
        if (intake != kNoDay && from <= intake && intake <= to)
            ++result[static_cast<std::size_t>(snapshot.pairs[p].clinician)];
    }
    return result;
}

std::optional<double> ratio(double numerator, double denominator)
{
    if (!(denominator > 0.0))
        return std::nullopt;
    return numerator / denominator;
}

template <typename T>
T sumOver(const std::vector<T>& perClinician, const ClinicianMask& mask)
{
    T total{};
    for (std::size_t i = 0; i < perClinician.size(); ++i)
        if (mask[i])
            total += perClinician[i];
    return total;
}

} // namespace

Dashboard computeDashboard(const Snapshot& snapshot, const MetricSettings& settings, Day asOf, const Scope& scope)
{
    return computeDashboard(snapshot, computePairFacts(snapshot, asOf), settings, scope);
}

Dashboard computeDashboard(const Snapshot& snapshot, const PairFacts& facts, const MetricSettings& settings,
                           const Scope& scope)
{
    const Day asOf = facts.asOf;
    Dashboard d;
    d.asOf = asOf;
    d.scope = scope;
    d.settings = settings;
    const ClinicianMask mask = clinicianMask(snapshot, scope);
    const Window week = lastDays(asOf, 7);
    const Window twelveMonths = trailingTwelveMonths(asOf);

    // Lists first: the summary counts some of them.
    DashboardLists& lists = d.lists;
    lists.newClientFollowUps = newClientFollowUps(snapshot, facts, scope);
    lists.newClinicians = newClinicians(snapshot, facts, scope);
    lists.atRiskClients = atRiskClients(snapshot, facts, scope);
    lists.closeOutCandidates = closeOutCandidates(snapshot, facts, settings, scope);
    lists.attendancePolicy = attendancePolicy(snapshot, facts, settings, scope);
    lists.overdueNotes = overdueNotes(snapshot, settings, asOf, scope);
    lists.missingPayments = missingPayments(snapshot, settings, asOf, scope);
    lists.unmarked = unmarkedAppointments(snapshot, asOf, scope);

    // Per clinician, each from one pass for all clinicians: the practice's numbers are
    // needed anyway (the small-sample fallback rate, the retention targets).
    const auto counted = countedSessionsByClinician(snapshot, settings, asOf, week);
    const auto cancellations = cancellationCountsByClinician(snapshot, asOf, trailingTwelveWeeks(asOf));
    const auto targets = bookingsTargetsByClinician(snapshot, settings, asOf, cancellations);
    const auto upcoming = upcomingBookingsByClinician(snapshot, settings, asOf);
    const auto active = activeClientsByClinician(snapshot, settings, facts);
    const auto retentions = retentionByClinician(snapshot, facts, settings, twelveMonths);
    const auto intakes = intakesByClinician(snapshot, facts, week.fromSerial(), toSerial(asOf));
    const Day cohortEnd = retentionCohortEnd(twelveMonths, asOf, settings);

    ScopeSummary& s = d.summary;
    s.weeklyGoal = weeklyGoalOn(snapshot, settings, asOf, scope);
    s.countedLast7d = sumOver(counted, mask); // a group is one clinician's: clinicians' sessions add up
    s.goalLast7d = goalForWindow(snapshot, settings, scope, week);
    s.utilizationLast7d = ratio(static_cast<double>(s.countedLast7d), s.goalLast7d);
    if (s.utilizationLast7d)
        s.underPerforming = *s.utilizationLast7d < settings.underPerformingUtilization;
    s.cancellation12w = ratesOf(sumOver(cancellations, mask));
    if (scope.kind == Scope::Kind::Clinician && scope.clinician < targets.size()) {
        s.bookingsTarget = targets[scope.clinician];
    } else {
        s.bookingsTarget.weeklyGoal = s.weeklyGoal;
        if (s.cancellation12w.counts.denominator() > 0)
            s.bookingsTarget.rate = Fraction{s.cancellation12w.counts.cancellations(),
                                             s.cancellation12w.counts.denominator()};
        s.bookingsTarget.target = exactBookingsTarget(s.weeklyGoal, s.bookingsTarget.rate);
    }
    for (std::size_t i = 0; i < upcoming.size(); ++i)
        if (mask[i]) {
            s.upcomingNext7d.appointments += upcoming[i].appointments;
            s.upcomingNext7d.sessions += upcoming[i].sessions;
        }
    s.activeClients = distinctActiveClients(snapshot, settings, facts, mask);
    s.caseloadBaseline = caseloadBaseline(s.weeklyGoal, settings);
    s.retention12m = sumRetention(retentions, mask, twelveMonths, cohortEnd);
    s.intakesLast7d = intakesIn(snapshot, facts, scope, week.fromSerial(), toSerial(asOf));
    s.overdueNotes = static_cast<std::int64_t>(lists.overdueNotes.sessions.size());
    s.unmarkedPast = static_cast<std::int64_t>(lists.unmarked.size());

    // Retention status always measures against the practice, whatever the scope.
    const Retention practiceRetention =
        sumRetention(retentions, ClinicianMask(snapshot.clinicians.size(), 1), twelveMonths, cohortEnd);

    for (std::size_t i = 0; i < snapshot.clinicians.size(); ++i) {
        if (!mask[i])
            continue;
        ClinicianSummary c;
        c.clinician = i;
        const std::optional<Day>& endDate = snapshot.clinicians[i].endDate;
        c.onStaff = !endDate || *endDate >= week.from;
        c.weeklyGoal = targets[i].weeklyGoal;
        c.countedLast7d = counted[i];
        c.goalLast7d = goalForWindow(snapshot, settings, Scope::oneClinician(i), week);
        c.utilizationLast7d = ratio(static_cast<double>(c.countedLast7d), c.goalLast7d);
        if (c.utilizationLast7d)
            c.underPerforming = *c.utilizationLast7d < settings.underPerformingUtilization;
        c.cancellation12w = ratesOf(cancellations[i]);
        c.bookingsTarget = targets[i];
        c.upcomingNext7d = upcoming[i];
        if (c.bookingsTarget.target && c.upcomingNext7d.sessions < *c.bookingsTarget.target) {
            c.openings = *c.bookingsTarget.target - c.upcomingNext7d.sessions;
            c.openingsUrgent = static_cast<double>(c.upcomingNext7d.sessions) < c.weeklyGoal;
            lists.openings.push_back({i, c.bookingsTarget, c.upcomingNext7d.sessions, c.openings, c.openingsUrgent});
        }
        c.activeClients = active[i];
        c.caseloadBaseline = caseloadBaseline(c.weeklyGoal, settings);
        c.retention12m = retentions[i];
        c.retentionStatus = clinicianRetentionStatus(c.retention12m, practiceRetention, settings);
        c.caseloadReading = caseloadReading(c.activeClients, c.caseloadBaseline, c.retentionStatus);
        c.overdueNotes = lists.overdueNotes.perClinician[i];
        c.intakesLast7d = intakes[i];
        d.clinicians.push_back(std::move(c));
    }
    // The same order as openings(): most openings first.
    std::stable_sort(lists.openings.begin(), lists.openings.end(),
                     [](const Opening& x, const Opening& y) { return x.openings > y.openings; });

    d.series = weeklySeries(snapshot, settings, asOf, scope);
    d.intakesPerMonth = intakesPerMonth(snapshot, facts, scope);
    return d;
}

} // namespace caseboard::metrics
