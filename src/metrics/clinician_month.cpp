#include "caseboard/metrics/clinician_month.h"

#include "caseboard/metrics/caseload.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace caseboard::metrics {

Day CalendarMonth::first() const { return makeDay(year, month, 1); }

Day CalendarMonth::last() const
{
    const std::chrono::year_month_day_last end{std::chrono::year{year} / std::chrono::month{month} / std::chrono::last};
    return Day{end};
}

CalendarMonth CalendarMonth::plus(int months) const
{
    // Months since year 0, so that going back across January needs no special case.
    const int index = year * 12 + static_cast<int>(month) - 1 + months;
    const int y = index >= 0 ? index / 12 : (index - 11) / 12;
    return {y, static_cast<unsigned>(index - y * 12 + 1)};
}

std::string CalendarMonth::iso() const
{
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u", year, month);
    return text;
}

CalendarMonth CalendarMonth::of(Day day)
{
    const std::chrono::year_month_day ymd{day};
    return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month())};
}

std::optional<CalendarMonth> CalendarMonth::parse(std::string_view text)
{
    if (text.size() != 7 || text[4] != '-')
        return std::nullopt;
    int year = 0;
    unsigned month = 0;
    for (std::size_t i = 0; i < 7; ++i) {
        if (i == 4)
            continue;
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
        const int digit = text[i] - '0';
        if (i < 4)
            year = year * 10 + digit;
        else
            month = month * 10 + static_cast<unsigned>(digit);
    }
    if (month < 1 || month > 12)
        return std::nullopt;
    return CalendarMonth{year, month};
}

namespace {

// T of a month: its last day, or the as-of date when that comes first.
Day monthEnd(CalendarMonth month, Day asOf) { return std::min(month.last(), asOf); }

// The day the clinician started: the team's start date, else the first appointment.
std::optional<Day> clinicianStart(const Snapshot& snapshot, const PairFacts& facts, std::size_t clinician)
{
    if (clinician >= snapshot.clinicians.size())
        return std::nullopt;
    if (snapshot.clinicians[clinician].startDate)
        return snapshot.clinicians[clinician].startDate;
    std::int32_t first = kNoDay;
    for (std::size_t p = 0; p < snapshot.pairs.size(); ++p) {
        if (static_cast<std::size_t>(snapshot.pairs[p].clinician) != clinician)
            continue;
        const std::int32_t serial = facts.pairs[p].firstAppointmentSerial;
        if (serial != kNoDay && (first == kNoDay || serial < first))
            first = serial;
    }
    if (first == kNoDay)
        return std::nullopt;
    return fromSerial(first);
}

} // namespace

MonthEnds monthEnds(const Snapshot& snapshot, CalendarMonth month, Day asOf)
{
    MonthEnds ends;
    ends.month = month;
    ends.asOf = asOf;
    for (int i = kTrendMonths - 1; i >= 0; --i) {
        const CalendarMonth m = month.plus(-i);
        ends.months.push_back(m);
        ends.ends.push_back(monthEnd(m, asOf));
        // A month after the as-of date has nothing to compute; its facts stay empty.
        ends.facts.push_back(m.first() > asOf ? PairFacts{} : computePairFacts(snapshot, ends.ends.back()));
    }
    return ends;
}

MonthNumbers monthNumbers(const Snapshot& snapshot, const MetricSettings& settings, const PairFacts& facts,
                          const Scope& scope, CalendarMonth month, Day asOf)
{
    MonthNumbers n;
    n.month = month;
    n.asOf = monthEnd(month, asOf);
    n.window = {month.first(), n.asOf};
    if (month.first() > asOf) {
        n.afterAsOf = true;
        return n;
    }
    n.partial = n.asOf < month.last();
    if (scope.kind == Scope::Kind::Clinician) {
        const std::optional<Day> start = clinicianStart(snapshot, facts, scope.clinician);
        n.beforeStart = !start || month.last() < *start;
    }

    const Day t = n.asOf;
    n.countedSessions = countedSessions(snapshot, settings, t, scope, n.window);
    n.goal = goalForWindow(snapshot, settings, scope, n.window);
    if (n.goal > 0.0)
        n.utilization = static_cast<double>(n.countedSessions) / n.goal;
    n.cancellation = cancellationRates(snapshot, t, scope, n.window);

    // Pair intakes (one clinician with one client) even for a wider scope, so that the
    // re-booked count is always a part of the intakes it is a rate of.
    const ClinicianMask mask = clinicianMask(snapshot, scope);
    const std::int32_t from = n.window.fromSerial();
    const std::int32_t to = n.window.toSerialDay();
    for (std::size_t p = 0; p < snapshot.pairs.size(); ++p) {
        const PairFact& f = facts.pairs[p];
        if (!mask[static_cast<std::size_t>(snapshot.pairs[p].clinician)] || f.intakeSerial < from || f.intakeSerial > to)
            continue;
        ++n.intakes;
        n.rebooked += f.rebooked ? 1 : 0;
    }
    if (n.intakes > 0)
        n.rebookingRate = static_cast<double>(n.rebooked) / static_cast<double>(n.intakes);

    // At a past month's end, an appointment months later was most likely booked after it:
    // the same look-ahead limit as the Dashboard's weekly trend. The as-of date itself
    // uses the definition without a limit, as the Dashboard does.
    const bool atAsOf = t == asOf;
    n.activeClients = activeClientsOn(snapshot, settings, t, scope, atAsOf ? -1 : settings.activeWindowDays);
    n.weeklyGoal = weeklyGoalOn(snapshot, settings, t, scope);
    n.caseloadBaseline = caseloadBaseline(n.weeklyGoal, settings);
    n.retention = retention(snapshot, facts, settings, scope, trailingTwelveMonths(t));
    n.overdueNotes = static_cast<std::int64_t>(overdueNotes(snapshot, settings, t, scope).sessions.size());
    return n;
}

ClinicianMonth clinicianMonth(const Snapshot& snapshot, const MetricSettings& settings, const MonthEnds& ends,
                              std::size_t clinician)
{
    ClinicianMonth result;
    result.clinician = clinician;
    result.month = ends.month;
    const Scope scope = Scope::oneClinician(clinician);
    for (std::size_t i = 0; i < ends.months.size(); ++i)
        result.trend.push_back(monthNumbers(snapshot, settings, ends.facts[i], scope, ends.months[i], ends.asOf));

    if (ends.facts.empty() || ends.months.back().first() > ends.asOf)
        return result;
    const PairFacts& facts = ends.facts.back();
    const Day t = ends.ends.back();
    result.atRiskClients = atRiskClients(snapshot, facts, scope);
    result.closeOutCandidates = closeOutCandidates(snapshot, facts, settings, scope);
    result.overdueNotes = overdueNotes(snapshot, settings, t, scope).sessions;
    return result;
}

ClinicianMonth clinicianMonth(const Snapshot& snapshot, const MetricSettings& settings, std::size_t clinician,
                              CalendarMonth month, Day asOf)
{
    return clinicianMonth(snapshot, settings, monthEnds(snapshot, month, asOf), clinician);
}

} // namespace caseboard::metrics
