#include "caseboard/metrics/year_over_year.h"

#include "caseboard/metrics/caseload.h"
#include "caseboard/metrics/pair_facts.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <string>

namespace caseboard::metrics {

namespace {

using namespace std::chrono;

// What every pair-level figure of a window adds up from: one entry per clinician, so a
// group's figures are sums over its clinicians and no group costs another pass.
struct ClinicianTallies {
    std::vector<std::int64_t> counted;
    std::vector<CancellationCounts> cancellation;
    std::vector<Retention> retention; // empty for months (no retention by month)
    std::vector<Cents> charged;
    std::vector<Cents> collected;
    std::vector<std::int64_t> revenueSessions;
    std::vector<std::int64_t> pairIntakes;
    std::int64_t practiceIntakes = 0;
};

// Revenue of the window's qualifying sessions with a known fee (rows dated <= T, so the
// imported status is the status on T), per clinician.
void addRevenue(const Snapshot& snapshot, const Window& window, ClinicianTallies& t)
{
    const AppointmentColumns& a = snapshot.appointments;
    const Snapshot::RowRange rows = snapshot.rowsBetween(window.fromSerial(), window.toSerialDay());
    for (std::size_t row = rows.first; row < rows.last; ++row) {
        if (!isQualifying(a.status[row]) || !a.feeKnown(row))
            continue;
        const std::size_t c = a.clinician[row];
        t.charged[c] += a.fee[row];
        t.collected[c] += knownOrZero(a.clientPaid[row]) + knownOrZero(a.insurancePaid[row]);
        ++t.revenueSessions[c];
    }
}

// Intake days do not depend on T once they are on or before it, so one set of pair facts
// (of T or later) gives the intakes of every earlier window.
void addIntakes(const Snapshot& snapshot, const PairFacts& facts, const Window& window, ClinicianTallies& t)
{
    const std::int32_t from = window.fromSerial();
    const std::int32_t to = window.toSerialDay();
    for (std::size_t p = 0; p < facts.pairs.size(); ++p) {
        const std::int32_t intake = facts.pairs[p].intakeSerial;
        if (intake != kNoDay && from <= intake && intake <= to)
            ++t.pairIntakes[static_cast<std::size_t>(snapshot.pairs[p].clinician)];
    }
    for (const std::int32_t intake : facts.clientIntakeSerial)
        t.practiceIntakes += intake != kNoDay && from <= intake && intake <= to ? 1 : 0;
}

ClinicianTallies tally(const Snapshot& snapshot, const MetricSettings& settings, const PairFacts& intakeFacts,
                       const Window& window, const PairFacts* retentionFacts)
{
    const std::size_t n = snapshot.clinicians.size();
    ClinicianTallies t;
    t.counted = countedSessionsByClinician(snapshot, settings, window.to, window);
    t.cancellation = cancellationCountsByClinician(snapshot, window.to, window);
    if (retentionFacts != nullptr)
        t.retention = retentionByClinician(snapshot, *retentionFacts, settings, window);
    t.charged.assign(n, 0);
    t.collected.assign(n, 0);
    t.revenueSessions.assign(n, 0);
    t.pairIntakes.assign(n, 0);
    addRevenue(snapshot, window, t);
    addIntakes(snapshot, intakeFacts, window, t);
    return t;
}

// The sums over the mask's clinicians; everything but active clients.
template <typename Figures>
void sumInto(Figures& f, const ClinicianTallies& t, const ClinicianMask& mask, bool practice)
{
    CancellationCounts counts;
    for (std::size_t c = 0; c < mask.size(); ++c) {
        if (!mask[c])
            continue;
        f.countedSessions += t.counted[c];
        counts += t.cancellation[c];
        f.revenueCharged += t.charged[c];
        f.revenueCollected += t.collected[c];
        f.intakes += t.pairIntakes[c];
    }
    if (practice)
        f.intakes = t.practiceIntakes;
    f.cancellation = ratesOf(counts);
}

std::int64_t activeAt(const Snapshot& snapshot, const MetricSettings& settings, const Scope& scope, Day day, Day asOf)
{
    // On T the definition itself; on an earlier day, what was on its books is not recorded,
    // so a later appointment counts only within the active window (as the weekly chart).
    return activeClientsOn(snapshot, settings, day, scope, day == asOf ? -1 : settings.activeWindowDays);
}

std::vector<ScopeTrends> groupScopes(const Snapshot& snapshot, Scope::Kind kind)
{
    std::set<std::string> values;
    for (const SnapshotClinician& c : snapshot.clinicians) {
        switch (kind) {
        case Scope::Kind::Location: values.insert(c.location); break;
        case Scope::Kind::Supervisor: values.insert(c.supervisor); break;
        case Scope::Kind::ClinicianType: values.insert(c.clinicianType); break;
        case Scope::Kind::Practice:
        case Scope::Kind::Clinician: break;
        }
    }
    std::vector<ScopeTrends> result;
    for (const std::string& value : values) {
        ScopeTrends s;
        s.scope.kind = kind;
        s.scope.value = value;
        result.push_back(std::move(s));
    }
    return result;
}

} // namespace

Day sameDayLastYear(Day day)
{
    const year_month_day ymd{day};
    const year_month_day earlier{ymd.year() - years{1}, ymd.month(), ymd.day()};
    if (earlier.ok())
        return Day{earlier};
    return Day{(ymd.year() - years{1}) / ymd.month() / last}; // Feb 29 -> Feb 28
}

std::vector<YearPeriod> yearOverYearPeriods(const Snapshot& snapshot, Day asOf, int maxYears)
{
    const int thisYear = static_cast<int>(year_month_day{asOf}.year());
    std::vector<YearPeriod> result;
    if (snapshot.appointments.size() > 0) {
        const int firstYear = static_cast<int>(year_month_day{snapshot.appointments.day(0)}.year());
        for (int y = std::max(firstYear, thisYear - maxYears); y < thisYear; ++y)
            result.push_back({YearPeriod::Kind::CalendarYear, y, {makeDay(y, 1, 1), makeDay(y, 12, 31)}, false});
    }
    result.push_back({YearPeriod::Kind::SameDaysLastYear, thisYear - 1,
                      {makeDay(thisYear - 1, 1, 1), sameDayLastYear(asOf)}, false});
    result.push_back({YearPeriod::Kind::YearToDate, thisYear, {makeDay(thisYear, 1, 1), asOf}, false});
    if (snapshot.appointments.size() > 0)
        for (YearPeriod& p : result)
            p.partialHistory = p.window.from < snapshot.appointments.day(0);
    return result;
}

PeriodFigures periodFigures(const Snapshot& snapshot, const MetricSettings& settings, const Scope& scope,
                            const YearPeriod& period)
{
    const Window& w = period.window;
    const PairFacts facts = computePairFacts(snapshot, w.to);
    PeriodFigures f;
    f.countedSessions = countedSessions(snapshot, settings, w.to, scope, w);
    f.intakes = intakesIn(snapshot, facts, scope, w.fromSerial(), w.toSerialDay());
    f.cancellation = cancellationRates(snapshot, w.to, scope, w);
    f.retention = retention(snapshot, facts, settings, scope, w);
    MetricSettings charged = settings;
    charged.revenueBasis = RevenueBasis::Charged;
    MetricSettings collected = settings;
    collected.revenueBasis = RevenueBasis::Collected;
    const Retention byFee = retention(snapshot, facts, charged, scope, w);
    f.revenueCharged = byFee.revenue;
    f.revenueSessions = byFee.revenueSessions;
    f.revenueCollected = retention(snapshot, facts, collected, scope, w).revenue;
    f.activeClients = period.kind == YearPeriod::Kind::YearToDate
        ? activeClients(snapshot, settings, w.to, scope)
        : activeClientsOn(snapshot, settings, w.to, scope, settings.activeWindowDays);
    return f;
}

const std::vector<ScopeTrends>& YearOverYear::groups(Scope::Kind kind) const
{
    switch (kind) {
    case Scope::Kind::Location: return locations;
    case Scope::Kind::Supervisor: return supervisors;
    case Scope::Kind::ClinicianType: return clinicianTypes;
    case Scope::Kind::Practice:
    case Scope::Kind::Clinician: break;
    }
    static const std::vector<ScopeTrends> none;
    return none;
}

YearOverYear computeYearOverYear(const Snapshot& snapshot, const MetricSettings& settings, Day asOf)
{
    YearOverYear result;
    result.asOf = asOf;
    result.settings = settings;
    result.periods = yearOverYearPeriods(snapshot, asOf);
    result.locations = groupScopes(snapshot, Scope::Kind::Location);
    result.supervisors = groupScopes(snapshot, Scope::Kind::Supervisor);
    result.clinicianTypes = groupScopes(snapshot, Scope::Kind::ClinicianType);

    std::vector<ScopeTrends*> scopes{&result.practice};
    for (auto* groups : {&result.locations, &result.supervisors, &result.clinicianTypes})
        for (ScopeTrends& s : *groups)
            scopes.push_back(&s);
    std::vector<ClinicianMask> masks;
    for (const ScopeTrends* s : scopes)
        masks.push_back(clinicianMask(snapshot, s->scope));

    const PairFacts factsT = computePairFacts(snapshot, asOf);

    // Years: the pair facts of each year's last day (a retention count stops there).
    for (const YearPeriod& period : result.periods) {
        const Window& w = period.window;
        const PairFacts yearFacts = w.to == asOf ? PairFacts{} : computePairFacts(snapshot, w.to);
        const PairFacts& facts = w.to == asOf ? factsT : yearFacts;
        const ClinicianTallies t = tally(snapshot, settings, factsT, w, &facts);
        const Day cohortEnd = retentionCohortEnd(w, w.to, settings);
        for (std::size_t s = 0; s < scopes.size(); ++s) {
            PeriodFigures f;
            const bool practice = s == 0;
            sumInto(f, t, masks[s], practice);
            f.retention = sumRetention(t.retention, masks[s], w, cohortEnd);
            for (std::size_t c = 0; c < masks[s].size(); ++c)
                f.revenueSessions += masks[s][c] ? t.revenueSessions[c] : 0;
            f.activeClients = activeAt(snapshot, settings, scopes[s]->scope, w.to, asOf);
            scopes[s]->periods.push_back(f);
        }
    }

    // Months: January of last year to December of T's year.
    const year_month_day t{asOf};
    const year_month first{t.year() - years{1}, January};
    for (year_month m = first; m <= year_month{t.year(), December}; m += months{1}) {
        const Day start{m / 1};
        const Day end{m / last};
        if (start > asOf) {
            for (ScopeTrends* s : scopes)
                s->months.push_back({static_cast<int>(m.year()), unsigned(m.month()), true, 0, 0, {}, 0, 0, 0});
            continue;
        }
        const Window w{start, std::min(end, asOf)};
        const ClinicianTallies tallies = tally(snapshot, settings, factsT, w, nullptr);
        for (std::size_t s = 0; s < scopes.size(); ++s) {
            MonthFigures f;
            f.year = static_cast<int>(m.year());
            f.month = unsigned(m.month());
            sumInto(f, tallies, masks[s], s == 0);
            f.activeClients = activeAt(snapshot, settings, scopes[s]->scope, w.to, asOf);
            scopes[s]->months.push_back(f);
        }
    }

    for (ScopeTrends* s : scopes)
        s->intakeMonths = intakesPerMonth(snapshot, factsT, s->scope, 37);
    return result;
}

std::optional<double> relativeChange(double before, double now)
{
    if (before == 0.0)
        return std::nullopt;
    return (now - before) / before;
}

} // namespace caseboard::metrics
