#include "caseboard/metrics/goals_and_rates.h"

#include "caseboard/metrics/effective_status.h"

#include "scope_rows.h"

#include <algorithm>
#include <cmath>

namespace caseboard::metrics {

namespace {

// 128-bit products keep the exact target exact for any practice size; __extension__
// tells -Wpedantic the GCC/Clang type is meant.
__extension__ typedef unsigned __int128 Wide;

// Goals are kept in millionths of a session for exact arithmetic.
constexpr std::int64_t kGoalScale = 1'000'000;

// Sessions and appointments per clinician over rows [range.first, range.last) that pass
// `take`; a group is one session when `mergeGroups` (see SessionCounter).
struct ClinicianSessions {
    std::int64_t sessions = 0;
    std::int64_t appointments = 0;
};

template <typename Take>
std::vector<ClinicianSessions> sessionsByClinician(const Snapshot& snapshot, Snapshot::RowRange range,
                                                   bool mergeGroups, Take take)
{
    const AppointmentColumns& a = snapshot.appointments;
    std::vector<ClinicianSessions> result(snapshot.clinicians.size());
    detail::SessionCounter counter(mergeGroups);
    for (std::size_t row = range.first; row < range.last; ++row) {
        if (!take(row))
            continue;
        ClinicianSessions& counts = result[a.clinician[row]];
        ++counts.appointments;
        if (counter.newSession(a, row))
            ++counts.sessions;
    }
    return result;
}

template <typename Field>
std::int64_t sumOverMask(const std::vector<ClinicianSessions>& perClinician, const ClinicianMask& mask, Field field)
{
    std::int64_t total = 0;
    for (std::size_t i = 0; i < perClinician.size(); ++i)
        if (mask[i])
            total += perClinician[i].*field;
    return total;
}

// Past rows of the window: [from, min(to, T)].
Snapshot::RowRange pastRows(const Snapshot& snapshot, Day asOf, const Window& window)
{
    const Day to = std::min(window.to, asOf);
    return snapshot.rowsBetween(toSerial(window.from), toSerial(to));
}

double clinicianGoalOn(const SnapshotClinician& clinician, std::int32_t daySerial)
{
    // Periods are sorted by start; the last one covering the day wins, so a new period
    // entered over an open-ended one takes over from its first day.
    double goal = 0.0;
    for (const GoalSpan& span : clinician.goals) {
        if (span.fromSerial > daySerial)
            break;
        if (daySerial <= span.toSerial)
            goal = span.weeklyGoal;
    }
    return goal;
}

std::optional<Fraction> rateOf(const CancellationCounts& counts)
{
    if (counts.denominator() == 0)
        return std::nullopt;
    return Fraction{counts.cancellations(), counts.denominator()};
}

CancellationCounts practiceCounts(const std::vector<CancellationCounts>& perClinician)
{
    CancellationCounts total;
    for (const CancellationCounts& c : perClinician)
        total += c;
    return total;
}

// The target of one clinician given the counts of every clinician over [T-83, T].
BookingsTarget clinicianTarget(const Snapshot& snapshot, const MetricSettings& settings, Day asOf,
                               std::size_t clinician, const std::vector<CancellationCounts>& perClinician)
{
    BookingsTarget result;
    result.weeklyGoal = clinicianGoalOn(snapshot.clinicians[clinician], toSerial(asOf));
    const CancellationCounts& own = perClinician[clinician];
    if (own.denominator() >= settings.smallSampleThreshold) {
        result.rate = rateOf(own);
    } else {
        result.rate = rateOf(practiceCounts(perClinician));
        // With no goal the target is 0 whatever the rate: flagging it would only be noise.
        result.usesPracticeRate = result.rate.has_value() && result.weeklyGoal > 0.0;
    }
    result.target = exactBookingsTarget(result.weeklyGoal, result.rate);
    return result;
}

std::vector<ClinicianSessions> upcomingByClinician(const Snapshot& snapshot, const MetricSettings& settings,
                                                   Day asOf)
{
    const Window next = nextDays(asOf, 7);
    const std::int32_t asOfSerial = toSerial(asOf);
    const AppointmentColumns& a = snapshot.appointments;
    return sessionsByClinician(snapshot, snapshot.rowsBetween(next.fromSerial(), next.toSerialDay()),
                               !settings.countGroupClientsSeparately, [&](std::size_t row) {
                                   return effectiveStatus(a.status[row], a.daySerial[row], asOfSerial)
                                       == StatusCategory::Scheduled;
                               });
}

} // namespace

void CancellationCounts::add(StatusCategory status)
{
    switch (status) {
    case StatusCategory::Completed: ++completed; break;
    case StatusCategory::Cancelled: ++cancelled; break;
    case StatusCategory::LateCancel: ++lateCancel; break;
    case StatusCategory::NoShow: ++noShow; break;
    case StatusCategory::ClinicianCancelled: // the client did nothing wrong
    case StatusCategory::Scheduled:          // unmarked: a data-quality warning, not a rate
    case StatusCategory::Other: break;
    }
}

CancellationCounts& CancellationCounts::operator+=(const CancellationCounts& other)
{
    completed += other.completed;
    cancelled += other.cancelled;
    lateCancel += other.lateCancel;
    noShow += other.noShow;
    return *this;
}

std::int64_t countedSessions(const Snapshot& snapshot, const MetricSettings& settings, Day asOf, const Scope& scope,
                             const Window& window)
{
    // A group is always one clinician's, so the scope's sessions are the sum of its clinicians'.
    const auto perClinician = countedSessionsByClinician(snapshot, settings, asOf, window);
    const ClinicianMask mask = clinicianMask(snapshot, scope);
    std::int64_t total = 0;
    for (std::size_t i = 0; i < perClinician.size(); ++i)
        if (mask[i])
            total += perClinician[i];
    return total;
}

std::vector<CancellationCounts> cancellationCountsByClinician(const Snapshot& snapshot, Day asOf,
                                                              const Window& window)
{
    const AppointmentColumns& a = snapshot.appointments;
    std::vector<CancellationCounts> result(snapshot.clinicians.size());
    const Snapshot::RowRange range = pastRows(snapshot, asOf, window);
    // Past rows only, so the imported status is the status on T.
    for (std::size_t row = range.first; row < range.last; ++row) {
        result[a.clinician[row]].add(a.status[row]);
    }
    return result;
}

CancellationRates ratesOf(const CancellationCounts& counts)
{
    CancellationRates rates;
    rates.counts = counts;
    const std::int64_t denominator = counts.denominator();
    if (denominator > 0) {
        const auto d = static_cast<double>(denominator);
        rates.cancellation = static_cast<double>(counts.cancellations()) / d;
        rates.lateCancel = static_cast<double>(counts.lateCancel) / d;
        rates.noShow = static_cast<double>(counts.noShow) / d;
    }
    return rates;
}

CancellationRates cancellationRates(const Snapshot& snapshot, Day asOf, const Scope& scope, const Window& window)
{
    const auto perClinician = cancellationCountsByClinician(snapshot, asOf, window);
    const ClinicianMask mask = clinicianMask(snapshot, scope);
    CancellationCounts counts;
    for (std::size_t i = 0; i < perClinician.size(); ++i)
        if (mask[i])
            counts += perClinician[i];
    return ratesOf(counts);
}

double weeklyGoalOn(const Snapshot& snapshot, const MetricSettings& settings, Day day, const Scope& scope)
{
    if (scope.kind == Scope::Kind::Practice)
        if (const std::optional<double> goal = explicitPracticeWeeklyGoal(settings))
            return *goal;
    const ClinicianMask mask = clinicianMask(snapshot, scope);
    double goal = 0.0;
    for (std::size_t i = 0; i < snapshot.clinicians.size(); ++i)
        if (mask[i])
            goal += clinicianGoalOn(snapshot.clinicians[i], toSerial(day));
    return goal;
}

std::vector<double> weeklyGoalByDay(const Snapshot& snapshot, const MetricSettings& settings, const Scope& scope,
                                    const Window& window)
{
    const auto days = static_cast<std::size_t>(window.days());
    if (scope.kind == Scope::Kind::Practice)
        if (const std::optional<double> goal = explicitPracticeWeeklyGoal(settings))
            return std::vector<double>(days, *goal);
    std::vector<double> goals(days, 0.0);
    std::vector<double> own(days);
    const ClinicianMask mask = clinicianMask(snapshot, scope);
    const std::int32_t from = window.fromSerial();
    const std::int32_t to = window.toSerialDay();
    for (std::size_t i = 0; i < snapshot.clinicians.size(); ++i) {
        if (!mask[i] || snapshot.clinicians[i].goals.empty())
            continue;
        // Spans are sorted by start; a later one overwrites, as in clinicianGoalOn.
        std::fill(own.begin(), own.end(), 0.0);
        for (const GoalSpan& span : snapshot.clinicians[i].goals)
            for (std::int32_t day = std::max(span.fromSerial, from); day <= std::min(span.toSerial, to); ++day)
                own[static_cast<std::size_t>(day - from)] = span.weeklyGoal;
        for (std::size_t d = 0; d < days; ++d)
            goals[d] += own[d];
    }
    return goals;
}

double goalForWindow(const Snapshot& snapshot, const MetricSettings& settings, const Scope& scope,
                     const Window& window)
{
    // Sum the weekly goals first and divide once: 7 days of goal 20 give exactly 20.
    double weeklyGoalDays = 0.0;
    for (double goal : weeklyGoalByDay(snapshot, settings, scope, window))
        weeklyGoalDays += goal;
    return weeklyGoalDays / 7.0;
}

std::optional<double> utilization(const Snapshot& snapshot, const MetricSettings& settings, Day asOf,
                                  const Scope& scope, const Window& window)
{
    const double goal = goalForWindow(snapshot, settings, scope, window);
    if (!(goal > 0.0))
        return std::nullopt;
    return static_cast<double>(countedSessions(snapshot, settings, asOf, scope, window)) / goal;
}

std::optional<bool> underPerforming(const Snapshot& snapshot, const MetricSettings& settings, Day asOf,
                                    const Scope& scope)
{
    const std::optional<double> last7 = utilization(snapshot, settings, asOf, scope, lastDays(asOf, 7));
    if (!last7)
        return std::nullopt;
    return *last7 < settings.underPerformingUtilization;
}

std::optional<std::int64_t> exactBookingsTarget(double weeklyGoal, const std::optional<Fraction>& rate)
{
    const std::int64_t goal = std::max<std::int64_t>(0, std::llround(weeklyGoal * static_cast<double>(kGoalScale)));
    if (goal == 0)
        return 0;
    Wide numerator = static_cast<Wide>(goal);
    Wide denominator = kGoalScale;
    if (rate && rate->denominator > 0) {
        // goal / (1 - n/d) = goal x d / (d - n)
        if (rate->numerator >= rate->denominator)
            return std::nullopt; // every appointment cancelled: no number of bookings reaches the goal
        numerator *= static_cast<Wide>(rate->denominator);
        denominator *= static_cast<Wide>(rate->denominator - rate->numerator);
    }
    return static_cast<std::int64_t>((numerator + denominator - 1) / denominator);
}

BookingsTarget bookingsTarget(const Snapshot& snapshot, const MetricSettings& settings, Day asOf,
                              std::size_t clinician)
{
    if (clinician >= snapshot.clinicians.size())
        return {}; // nobody: goal 0, target 0
    return clinicianTarget(snapshot, settings, asOf, clinician,
                           cancellationCountsByClinician(snapshot, asOf, trailingTwelveWeeks(asOf)));
}

BookingsTarget bookingsTarget(const Snapshot& snapshot, const MetricSettings& settings, Day asOf,
                              const Scope& scope)
{
    if (scope.kind == Scope::Kind::Clinician)
        return bookingsTarget(snapshot, settings, asOf, scope.clinician);
    BookingsTarget result;
    result.weeklyGoal = weeklyGoalOn(snapshot, settings, asOf, scope);
    result.rate = rateOf(cancellationRates(snapshot, asOf, scope, trailingTwelveWeeks(asOf)).counts);
    result.target = exactBookingsTarget(result.weeklyGoal, result.rate);
    return result;
}

std::vector<BookingsTarget> bookingsTargetsByClinician(const Snapshot& snapshot, const MetricSettings& settings,
                                                       Day asOf)
{
    return bookingsTargetsByClinician(snapshot, settings, asOf,
                                      cancellationCountsByClinician(snapshot, asOf, trailingTwelveWeeks(asOf)));
}

std::vector<BookingsTarget> bookingsTargetsByClinician(const Snapshot& snapshot, const MetricSettings& settings,
                                                       Day asOf, const std::vector<CancellationCounts>& counts)
{
    std::vector<BookingsTarget> result;
    result.reserve(snapshot.clinicians.size());
    for (std::size_t i = 0; i < snapshot.clinicians.size(); ++i)
        result.push_back(clinicianTarget(snapshot, settings, asOf, i, counts));
    return result;
}

std::vector<UpcomingBookings> upcomingBookingsByClinician(const Snapshot& snapshot, const MetricSettings& settings,
                                                          Day asOf)
{
    std::vector<UpcomingBookings> result;
    for (const ClinicianSessions& s : upcomingByClinician(snapshot, settings, asOf))
        result.push_back({s.appointments, s.sessions});
    return result;
}

std::vector<std::int64_t> countedSessionsByClinician(const Snapshot& snapshot, const MetricSettings& settings,
                                                     Day asOf, const Window& window)
{
    const AppointmentColumns& a = snapshot.appointments;
    std::vector<std::int64_t> result;
    for (const ClinicianSessions& s :
         sessionsByClinician(snapshot, pastRows(snapshot, asOf, window), !settings.countGroupClientsSeparately,
                             [&](std::size_t row) { return detail::isCounted(a.status[row], settings); }))
        result.push_back(s.sessions);
    return result;
}

UpcomingBookings upcomingBookings(const Snapshot& snapshot, const MetricSettings& settings, Day asOf,
                                  const Scope& scope)
{
    const auto perClinician = upcomingByClinician(snapshot, settings, asOf);
    const ClinicianMask mask = clinicianMask(snapshot, scope);
    return {sumOverMask(perClinician, mask, &ClinicianSessions::appointments),
            sumOverMask(perClinician, mask, &ClinicianSessions::sessions)};
}

std::vector<Opening> openings(const Snapshot& snapshot, const MetricSettings& settings, Day asOf,
                              const Scope& scope)
{
    const auto counts = cancellationCountsByClinician(snapshot, asOf, trailingTwelveWeeks(asOf));
    const auto upcoming = upcomingByClinician(snapshot, settings, asOf);
    const ClinicianMask mask = clinicianMask(snapshot, scope);
    std::vector<Opening> result;
    for (std::size_t i = 0; i < snapshot.clinicians.size(); ++i) {
        if (!mask[i])
            continue;
        Opening opening;
        opening.clinician = i;
        opening.target = clinicianTarget(snapshot, settings, asOf, i, counts);
        opening.bookings = upcoming[i].sessions;
        // An undefined target (every appointment cancelled) has no openings to count.
        if (!opening.target.target || opening.bookings >= *opening.target.target)
            continue;
        opening.openings = *opening.target.target - opening.bookings;
        opening.urgent = static_cast<double>(opening.bookings) < opening.target.weeklyGoal;
        result.push_back(opening);
    }
    std::stable_sort(result.begin(), result.end(),
                     [](const Opening& x, const Opening& y) { return x.openings > y.openings; });
    return result;
}

} // namespace caseboard::metrics
