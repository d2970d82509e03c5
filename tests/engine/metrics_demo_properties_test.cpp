// Properties every metric must have on a realistic practice: the demo practice, at
// several as-of dates (before any data, inside it, at its end) and for every scope
// (the practice, each clinician, each location, supervisor and clinician type present).
//
// Nothing here is a hand-worked number. The checks are relations the definitions imply
// (METRICS.md and the metric headers): rates in [0, 1] or undefined, per-clinician counts
// adding up to their scope's, the dashboard repeating the individual functions, lists
// sorted as documented and holding exactly the entries their definitions select — the
// latter recomputed here straight from the snapshot's appointment columns.

#include "caseboard/core/day.h"
#include "caseboard/core/status.h"
#include "caseboard/demo/demo_practice.h"
#include "caseboard/metrics/caseload.h"
#include "caseboard/metrics/dashboard.h"
#include "caseboard/metrics/effective_status.h"
#include "caseboard/metrics/goals_and_rates.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/pair_facts.h"
#include "caseboard/metrics/retention.h"
#include "caseboard/metrics/scope.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/metrics/weekly_series.h"
#include "caseboard/metrics/window.h"
#include "caseboard/metrics/workflow_lists.h"
#include "caseboard/store/store.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

using namespace caseboard;
using namespace caseboard::metrics;

namespace {

constexpr Day kEnd = makeDay(2025, 6, 15); // a Sunday; appointments are booked ~4 weeks past it
const MetricSettings kDefaults{};

// The properties hold for any settings: each test runs with the defaults and with every
// threshold moved.
struct Variant {
    std::string label;
    MetricSettings settings;
};

std::vector<Variant> variants()
{
    MetricSettings moved;
    moved.retentionThreshold = 6;
    moved.churnThreshold = 3;
    moved.activeWindowDays = 21;
    moved.noteDueDays = 7;
    moved.paymentLagDays = 45;
    moved.closeOutUnseenDays = 20;
    moved.closeOutClosedDays = 120;
    moved.attendancePolicyCount = 2;
    moved.weekStart = WeekStart::Sunday;
    moved.billableCancelsCountAsCompleted = true;
    moved.countGroupClientsSeparately = true;
    return {{"default settings", kDefaults}, {"moved settings", moved}};
}

// A small demo practice: two years, ten clinicians. Generated once for every test below.
struct Demo {
    DemoSummary summary;
    Snapshot snapshot;
};

const Demo& demo()
{
    static const Demo d = [] {
        Store store = Store::openInMemory();
        DemoOptions options;
        options.end = kEnd;
        options.years = 2;
        options.clinicians = 10;
        options.clients = 900;
        Demo made;
        made.summary = generateDemoPractice(store, options);
        made.snapshot = loadSnapshot(store);
        return made;
    }();
    return d;
}

// The as-of dates: before any data; inside it (a Wednesday, New Year's Day so that "the
// previous month" is last year's December, the first of a month, a Thursday); at its end;
// and ten days past it, inside the booked weeks.
std::vector<Day> asOfDates()
{
    return {addDays(demo().summary.first, -10), addDays(kEnd, -200), makeDay(2025, 1, 1), makeDay(2025, 3, 1),
            addDays(kEnd, -45), kEnd, addDays(kEnd, 10)};
}

// A scope with its clinicians, worked out here from the team columns.
struct NamedScope {
    std::string label;
    Scope scope;
    std::vector<std::size_t> clinicians;
};

std::vector<NamedScope> allScopes(const Snapshot& s)
{
    std::vector<NamedScope> scopes;
    NamedScope practice{"practice", Scope::practice(), {}};
    for (std::size_t c = 0; c < s.clinicians.size(); ++c)
        practice.clinicians.push_back(c);
    scopes.push_back(practice);
    for (std::size_t c = 0; c < s.clinicians.size(); ++c)
        scopes.push_back({"clinician " + std::to_string(c), Scope::oneClinician(c), {c}});
    std::set<std::string> locations, supervisors, types;
    for (const SnapshotClinician& c : s.clinicians) {
        locations.insert(c.location);
        supervisors.insert(c.supervisor);
        types.insert(c.clinicianType);
    }
    const auto add = [&](const std::string& label, const Scope& scope, std::string SnapshotClinician::*field) {
        NamedScope named{label, scope, {}};
        for (std::size_t c = 0; c < s.clinicians.size(); ++c)
            if (s.clinicians[c].*field == scope.value)
                named.clinicians.push_back(c);
        scopes.push_back(named);
    };
    // A blank location, supervisor or type names no group.
    locations.erase("");
    supervisors.erase("");
    types.erase("");
    for (const std::string& v : locations)
        add("location " + v, Scope::location(v), &SnapshotClinician::location);
    for (const std::string& v : supervisors)
        add("supervisor " + v, Scope::supervisor(v), &SnapshotClinician::supervisor);
    for (const std::string& v : types)
        add("type " + v, Scope::clinicianType(v), &SnapshotClinician::clinicianType);
    return scopes;
}

bool discharged(const std::string& status)
{
    std::string lower;
    for (const char ch : status)
        lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
    return lower == "discharged" || lower == "closed";
}

// What the definitions say about each pair and client on T, recomputed from the columns.
struct RefPair {
    std::int32_t intake = kNoDay;
    std::int32_t lastQualifying = kNoDay;
    std::int32_t nextScheduled = kNoDay;
    std::int32_t qualifyingCount = 0;
    std::int32_t billable12m = 0;
    bool rebooked = false;
};

struct Reference {
    Day asOf{};
    std::vector<RefPair> pairs;
    std::vector<std::int32_t> clientIntake; // kNoDay: none
};

Reference reference(const Snapshot& s, Day asOf)
{
    const AppointmentColumns& a = s.appointments;
    const std::int32_t t = toSerial(asOf);
    Reference r;
    r.asOf = asOf;
    r.pairs.resize(s.pairs.size());
    r.clientIntake.assign(s.clients.size(), kNoDay);
    for (std::size_t row = 0; row < a.size(); ++row) {
        RefPair& p = r.pairs[static_cast<std::size_t>(a.pair[row])];
        const std::int32_t day = a.daySerial[row];
        const StatusCategory status = a.status[row];
        if (day <= t && isQualifying(status)) {
            if (p.intake == kNoDay || day < p.intake)
                p.intake = day;
            p.lastQualifying = std::max(p.lastQualifying, day);
            ++p.qualifyingCount;
            std::int32_t& ci = r.clientIntake[static_cast<std::size_t>(a.client[row])];
            if (ci == kNoDay || day < ci)
                ci = day;
        }
        if (day > t && !isCancellation(status) && (p.nextScheduled == kNoDay || day < p.nextScheduled))
            p.nextScheduled = day;
        if (day <= t && day >= t - 364 && isBillableCancel(status))
            ++p.billable12m;
    }
    // Re-booked: an appointment on a later day than the intake, qualifying or scheduled on T.
    for (std::size_t row = 0; row < a.size(); ++row) {
        RefPair& p = r.pairs[static_cast<std::size_t>(a.pair[row])];
        const std::int32_t day = a.daySerial[row];
        if (p.intake == kNoDay || day <= p.intake)
            continue;
        const StatusCategory onT = effectiveStatus(a.status[row], day, t);
        if ((day <= t && isQualifying(onT)) || onT == StatusCategory::Scheduled)
            p.rebooked = true;
    }
    return r;
}

// Distinct clients of the scope active on `day`: a qualifying session in
// [day-(windowDays-1), day], or a non-cancellation after day (within `lookahead` days when >= 0).
std::int64_t referenceActive(const Snapshot& s, const std::vector<std::uint8_t>& inScope, Day day, int windowDays,
                             int lookahead)
{
    const AppointmentColumns& a = s.appointments;
    const std::int32_t d = toSerial(day);
    std::vector<std::uint8_t> active(s.clients.size(), 0);
    for (std::size_t row = 0; row < a.size(); ++row) {
        if (!inScope[a.clinician[row]])
            continue;
        const std::int32_t x = a.daySerial[row];
        const bool seen = x <= d && x >= d - (windowDays - 1) && isQualifying(a.status[row]);
        const bool booked = x > d && (lookahead < 0 || x <= d + lookahead) && !isCancellation(a.status[row]);
        if (seen || booked)
            active[static_cast<std::size_t>(a.client[row])] = 1;
    }
    return std::count(active.begin(), active.end(), std::uint8_t{1});
}

std::vector<std::uint8_t> membership(const Snapshot& s, const NamedScope& scope)
{
    std::vector<std::uint8_t> in(s.clinicians.size(), 0);
    for (const std::size_t c : scope.clinicians)
        in[c] = 1;
    return in;
}

// Collects broken expectations in hot loops without an assertion per row.
struct Violations {
    std::int64_t count = 0;
    std::string first;
    void add(const std::string& what)
    {
        if (count++ == 0)
            first = what;
    }
};
#define CHECK_NO_VIOLATIONS(v)                                                                                         \
    do {                                                                                                               \
        INFO((v).count << " violations; first: " << (v).first);                                                        \
        CHECK((v).count == 0);                                                                                         \
    } while (false)

std::string dayText(std::int32_t serial) { return serial == kNoDay ? "none" : formatIsoDay(fromSerial(serial)); }

bool rateOk(const std::optional<double>& rate) { return !rate || (*rate >= 0.0 && *rate <= 1.0); }

// A rate against the counts it is made of: undefined exactly when the denominator is 0.
void checkRate(const std::optional<double>& rate, std::int64_t numerator, std::int64_t denominator)
{
    INFO(numerator << " / " << denominator);
    if (denominator == 0) {
        CHECK_FALSE(rate.has_value());
        return;
    }
    CHECK(rate.has_value());
    if (!rate)
        return;
    CHECK(rateOk(rate));
    CHECK(*rate == Approx(static_cast<double>(numerator) / static_cast<double>(denominator)));
}

void checkRates(const CancellationRates& r)
{
    CHECK(r.counts.completed >= 0);
    CHECK(r.counts.cancelled >= 0);
    CHECK(r.counts.lateCancel >= 0);
    CHECK(r.counts.noShow >= 0);
    checkRate(r.cancellation, r.counts.cancellations(), r.counts.denominator());
    checkRate(r.lateCancel, r.counts.lateCancel, r.counts.denominator());
    checkRate(r.noShow, r.counts.noShow, r.counts.denominator());
}

bool sameOptional(const std::optional<double>& a, const std::optional<double>& b)
{
    if (a.has_value() != b.has_value())
        return false;
    return !a || *a == Approx(*b);
}

bool sameCounts(const CancellationCounts& a, const CancellationCounts& b)
{
    return a.completed == b.completed && a.cancelled == b.cancelled && a.lateCancel == b.lateCancel
        && a.noShow == b.noShow;
}

bool sameRates(const CancellationRates& a, const CancellationRates& b)
{
    return sameCounts(a.counts, b.counts) && sameOptional(a.cancellation, b.cancellation)
        && sameOptional(a.lateCancel, b.lateCancel) && sameOptional(a.noShow, b.noShow);
}

bool sameRetention(const Retention& a, const Retention& b)
{
    return a.timeframe.from == b.timeframe.from && a.timeframe.to == b.timeframe.to && a.cohortEnd == b.cohortEnd
        && a.cohort == b.cohort && a.retained == b.retained && a.churned == b.churned
        && a.cohortSessions == b.cohortSessions && a.revenue == b.revenue && a.revenueSessions == b.revenueSessions
        && sameOptional(a.retentionRate, b.retentionRate) && sameOptional(a.churnRate, b.churnRate)
        && sameOptional(a.avgSessionsPerClient, b.avgSessionsPerClient)
        && sameOptional(a.avgRevenuePerSession, b.avgRevenuePerSession)
        && sameOptional(a.lifetimeValue, b.lifetimeValue);
}

bool sameTarget(const BookingsTarget& a, const BookingsTarget& b)
{
    const bool sameRate = a.rate.has_value() == b.rate.has_value()
        && (!a.rate || (a.rate->numerator == b.rate->numerator && a.rate->denominator == b.rate->denominator));
    return a.weeklyGoal == Approx(b.weeklyGoal) && a.target == b.target && sameRate
        && a.usesPracticeRate == b.usesPracticeRate;
}

bool sameUpcoming(const UpcomingBookings& a, const UpcomingBookings& b)
{
    return a.appointments == b.appointments && a.sessions == b.sessions;
}

bool samePairEntries(const std::vector<PairEntry>& a, const std::vector<PairEntry>& b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const PairEntry& x, const PairEntry& y) {
        return x.pair == y.pair && x.clinician == y.clinician && x.client == y.client
            && x.intakeSerial == y.intakeSerial && x.lastQualifyingSerial == y.lastQualifyingSerial && x.lastSeenSerial == y.lastSeenSerial
            && x.nextScheduledSerial == y.nextScheduledSerial && x.billableCancels12m == y.billableCancels12m;
    });
}

bool sameAppointmentEntries(const std::vector<AppointmentEntry>& a, const std::vector<AppointmentEntry>& b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const AppointmentEntry& x, const AppointmentEntry& y) {
        return x.row == y.row && x.clinician == y.clinician && x.client == y.client && x.daySerial == y.daySerial;
    });
}

bool sameWeek(const WeekPoint& a, const WeekPoint& b)
{
    return a.weekStart == b.weekStart && a.weekEnd == b.weekEnd && a.counted == b.counted && a.goal == Approx(b.goal)
        && sameRates(a.cancellation, b.cancellation) && a.activeClients == b.activeClients;
}

// PairFacts and the reference for each as-of date, built once.
struct PerDate {
    Day asOf{};
    PairFacts facts;
    Reference ref;
};

const std::vector<PerDate>& perDate()
{
    static const std::vector<PerDate> dates = [] {
        std::vector<PerDate> made;
        for (const Day t : asOfDates())
            made.push_back({t, computePairFacts(demo().snapshot, t), reference(demo().snapshot, t)});
        return made;
    }();
    return dates;
}

// Every combination of settings and as-of date.
struct Run {
    Variant variant;
    const PerDate* date = nullptr;
};

std::vector<Run> runs()
{
    std::vector<Run> all;
    for (const Variant& variant : variants())
        for (const PerDate& date : perDate())
            all.push_back({variant, &date});
    return all;
}

const std::vector<NamedScope>& scopes()
{
    static const std::vector<NamedScope> all = allScopes(demo().snapshot);
    return all;
}

bool pairInScope(const Snapshot& s, const NamedScope& scope, std::size_t pair)
{
    const std::size_t c = static_cast<std::size_t>(s.pairs[pair].clinician);
    return std::find(scope.clinicians.begin(), scope.clinicians.end(), c) != scope.clinicians.end();
}

std::pair<int, unsigned> yearMonth(Day day)
{
    const std::chrono::year_month_day ymd{day};
    return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month())};
}

} // namespace

TEST_CASE("demo practice for the property checks has every kind of scope and data", "[metrics]")
{
    const Snapshot& s = demo().snapshot;
    INFO("appointments " << s.appointments.size() << ", clinicians " << s.clinicians.size() << ", clients "
                         << s.clients.size() << ", pairs " << s.pairs.size());
    CHECK(s.appointments.size() > 5000);
    CHECK(s.clinicians.size() == 10);
    std::set<std::string> locations, supervisors, types;
    for (const SnapshotClinician& c : s.clinicians) {
        locations.insert(c.location);
        supervisors.insert(c.supervisor);
        types.insert(c.clinicianType);
    }
    CHECK(locations.size() >= 2);
    CHECK(supervisors.size() >= 2);
    CHECK(types.size() >= 2);
    // The scopes match clinicianMask.
    for (const NamedScope& scope : scopes()) {
        INFO(scope.label);
        CHECK(clinicianMask(s, scope.scope) == membership(s, scope));
        CHECK_FALSE(scope.clinicians.empty());
    }
    // The before-data date is before the first appointment; the others are inside.
    REQUIRE(asOfDates().size() == 7);
    CHECK(asOfDates()[0] < fromSerial(s.appointments.daySerial.front()));
    CHECK(asOfDates()[1] > fromSerial(s.appointments.daySerial.front()));
    CHECK(asOfDates().back() < fromSerial(s.appointments.daySerial.back()));
}

TEST_CASE("demo practice: pair facts and pair statuses follow from the appointment columns", "[metrics]")
{
    const Snapshot& s = demo().snapshot;
    const AppointmentColumns& a = s.appointments;
    for (const PerDate& date : perDate()) {
        const std::int32_t ts = toSerial(date.asOf);
        INFO("T " << formatIsoDay(date.asOf));
        const PairFacts& facts = date.facts;
        REQUIRE(facts.pairs.size() == s.pairs.size());
        REQUIRE(facts.clientIntakeSerial.size() == s.clients.size());
        REQUIRE(facts.clientDischarged.size() == s.clients.size());
        CHECK(facts.asOf == date.asOf);

        // Last completed session on or before T, and first appointment of any kind.
        std::vector<std::int32_t> lastSeen(s.pairs.size(), kNoDay), first(s.pairs.size(), kNoDay);
        for (std::size_t row = 0; row < a.size(); ++row) {
            const std::size_t p = static_cast<std::size_t>(a.pair[row]);
            if (first[p] == kNoDay || a.daySerial[row] < first[p])
                first[p] = a.daySerial[row];
            if (a.daySerial[row] <= ts && a.status[row] == StatusCategory::Completed)
                lastSeen[p] = std::max(lastSeen[p], a.daySerial[row]);
        }

        Violations v;
        for (std::size_t p = 0; p < s.pairs.size(); ++p) {
            const PairFact& got = facts.pairs[p];
            const RefPair& want = date.ref.pairs[p];
            const std::string at = "pair " + std::to_string(p) + ": ";
            if (got.intakeSerial != want.intake)
                v.add(at + "intake " + dayText(got.intakeSerial) + ", expected " + dayText(want.intake));
            if (got.lastQualifyingSerial != want.lastQualifying)
                v.add(at + "last qualifying " + dayText(got.lastQualifyingSerial) + ", expected "
                      + dayText(want.lastQualifying));
            if (got.lastSeenSerial != lastSeen[p])
                v.add(at + "last seen " + dayText(got.lastSeenSerial) + ", expected " + dayText(lastSeen[p]));
            if (got.nextScheduledSerial != want.nextScheduled)
                v.add(at + "next scheduled " + dayText(got.nextScheduledSerial) + ", expected "
                      + dayText(want.nextScheduled));
            if (got.firstAppointmentSerial != first[p])
                v.add(at + "first appointment " + dayText(got.firstAppointmentSerial) + ", expected "
                      + dayText(first[p]));
            if (got.qualifyingCount != want.qualifyingCount)
                v.add(at + "qualifying count " + std::to_string(got.qualifyingCount) + ", expected "
                      + std::to_string(want.qualifyingCount));
            if (got.billableCancels12m != want.billable12m)
                v.add(at + "billable cancels " + std::to_string(got.billableCancels12m) + ", expected "
                      + std::to_string(want.billable12m));
            if (got.rebooked != want.rebooked)
                v.add(at + (want.rebooked ? "not re-booked, expected re-booked" : "re-booked, expected not"));
            if (facts.scheduledAfterT(p) != (want.nextScheduled != kNoDay))
                v.add(at + "scheduledAfterT");

            // Pair retention status (Clients view).
            for (const Variant& variant : variants()) {
                const MetricSettings& m = variant.settings;
                PairStatus expected = PairStatus::Lost;
                if (want.qualifyingCount >= m.retentionThreshold)
                    expected = PairStatus::Retained;
                else if (want.nextScheduled != kNoDay)
                    expected = PairStatus::InProgress; // a booked new client too
                else if (want.intake == kNoDay)
                    expected = PairStatus::NoIntake;
                else if (want.lastQualifying >= ts - (m.activeWindowDays - 1))
                    expected = PairStatus::AtRisk;
                const PairStatus status = pairStatus(facts, p, m);
                if (status != expected)
                    v.add(at + variant.label + ": status " + std::string(pairStatusName(status)) + ", expected "
                          + std::string(pairStatusName(expected)));
            }
        }
        for (std::size_t c = 0; c < s.clients.size(); ++c) {
            if (facts.clientIntakeSerial[c] != date.ref.clientIntake[c])
                v.add("client " + std::to_string(c) + ": intake " + dayText(facts.clientIntakeSerial[c])
                      + ", expected " + dayText(date.ref.clientIntake[c]));
            if ((facts.clientDischarged[c] != 0) != discharged(s.clients[c].status))
                v.add("client " + std::to_string(c) + ": discharged flag for status '" + s.clients[c].status + "'");
        }
        CHECK_NO_VIOLATIONS(v);
    }
}

TEST_CASE("demo practice: every rate is in [0, 1] or undefined; retention fits its cohort", "[metrics]")
{
    const Snapshot& s = demo().snapshot;
    for (const Run& run : runs()) {
        const Variant& variant = run.variant;
        const PerDate& date = *run.date;
        const Day t = date.asOf;
        const MetricSettings& settings = variant.settings;
        for (const NamedScope& scope : scopes()) {
            INFO(variant.label << ", T " << formatIsoDay(t) << ", " << scope.label);
            for (const Window& w : {lastDays(t, 7), trailingTwelveWeeks(t), trailingTwelveMonths(t)})
                checkRates(cancellationRates(s, t, scope.scope, w));

            const Retention r = retention(s, date.facts, settings, scope.scope, trailingTwelveMonths(t));
            CHECK(r.retained >= 0);
            CHECK(r.churned >= 0);
            CHECK(r.retained <= r.cohort);
            CHECK(r.churned <= r.cohort);
            CHECK(r.retained + r.churned <= r.cohort);
            checkRate(r.retentionRate, r.retained, r.cohort);
            checkRate(r.churnRate, r.churned, r.cohort);
            CHECK(r.cohortEnd == std::min(t, addDays(t, -7 * settings.retentionThreshold)));

            // The cohort recomputed from the columns: pairs with intake in [T-364, T-7 x threshold].
            const std::int32_t from = toSerial(addDays(t, -364));
            const std::int32_t to = toSerial(r.cohortEnd);
            std::int64_t cohort = 0, retained = 0, churned = 0, sessions = 0;
            for (std::size_t p = 0; p < s.pairs.size(); ++p) {
                const RefPair& rp = date.ref.pairs[p];
                if (!pairInScope(s, scope, p) || rp.intake == kNoDay || rp.intake < from || rp.intake > to)
                    continue;
                ++cohort;
                sessions += rp.qualifyingCount;
                retained += rp.qualifyingCount >= settings.retentionThreshold ? 1 : 0;
                churned += rp.qualifyingCount < settings.churnThreshold ? 1 : 0;
            }
            CHECK(r.cohort == cohort);
            CHECK(r.retained == retained);
            CHECK(r.churned == churned);
            CHECK(r.cohortSessions == sessions);

            const std::vector<WeekPoint> series = weeklySeries(s, settings, t, scope.scope);
            for (const WeekPoint& p : series)
                checkRates(p.cancellation);

            for (const NewClinician& n : newClinicians(s, date.facts, scope.scope)) {
                CHECK(n.rebooked <= n.intakes);
                checkRate(n.rebookingRate, n.rebooked, n.intakes);
            }
        }
    }
}

TEST_CASE("demo practice: per-clinician numbers add up to their scope's", "[metrics]")
{
    const Snapshot& s = demo().snapshot;
    for (const Run& run : runs()) {
        const Variant& variant = run.variant;
        const PerDate& date = *run.date;
        const Day t = date.asOf;
        const MetricSettings& settings = variant.settings;
        const Window last7 = lastDays(t, 7);
        const Window weeks12 = trailingTwelveWeeks(t);
        const std::vector<CancellationCounts> byClinician = cancellationCountsByClinician(s, t, weeks12);
        const std::vector<std::int64_t> activeBy = activeClientsByClinician(s, settings, date.facts);
        const std::vector<Retention> retentionBy =
            retentionByClinician(s, date.facts, settings, trailingTwelveMonths(t));
        REQUIRE(byClinician.size() == s.clinicians.size());
        REQUIRE(activeBy.size() == s.clinicians.size());
        REQUIRE(retentionBy.size() == s.clinicians.size());

        for (const NamedScope& scope : scopes()) {
            INFO(variant.label << ", T " << formatIsoDay(t) << ", " << scope.label);
            std::int64_t counted = 0, upcomingAppointments = 0, upcomingSessions = 0, overdue = 0, unmarked = 0;
            std::int64_t activeSum = 0, activeMax = 0, missing = 0, intakes = 0;
            Cents missingBalance = 0;
            CancellationCounts cancellations;
            CancellationCounts cancellationsByFunction;
            std::int64_t cohort = 0, retained = 0, churned = 0, cohortSessions = 0, revenueSessions = 0;
            Cents revenue = 0;
            double goal = 0.0;
            for (const std::size_t c : scope.clinicians) {
                const Scope one = Scope::oneClinician(c);
                counted += countedSessions(s, settings, t, one, last7);
                const CancellationCounts cc = cancellationRates(s, t, one, weeks12).counts;
                CHECK(sameCounts(cc, byClinician[c]));
                cancellations += cc;
                cancellationsByFunction += byClinician[c];
                const UpcomingBookings u = upcomingBookings(s, settings, t, one);
                upcomingAppointments += u.appointments;
                upcomingSessions += u.sessions;
                overdue += static_cast<std::int64_t>(overdueNotes(s, settings, t, one).sessions.size());
                unmarked += static_cast<std::int64_t>(unmarkedAppointments(s, t, one).size());
                const MissingPayments m = missingPayments(s, settings, t, one);
                missing += static_cast<std::int64_t>(m.sessions.size());
                missingBalance += m.balance;
                const std::int64_t active = activeClients(s, settings, t, one);
                CHECK(active == activeBy[c]);
                activeSum += active;
                activeMax = std::max(activeMax, active);
                const Retention r = retention(s, date.facts, settings, one, trailingTwelveMonths(t));
                CHECK(sameRetention(r, retentionBy[c]));
                cohort += r.cohort;
                retained += r.retained;
                churned += r.churned;
                cohortSessions += r.cohortSessions;
                revenue += r.revenue;
                revenueSessions += r.revenueSessions;
                goal += weeklyGoalOn(s, settings, t, one);
                intakes += intakesIn(s, date.facts, one, toSerial(addDays(t, -364)), toSerial(t));
            }
            CHECK(countedSessions(s, settings, t, scope.scope, last7) == counted);
            const CancellationCounts whole = cancellationRates(s, t, scope.scope, weeks12).counts;
            CHECK(sameCounts(whole, cancellations));
            CHECK(sameCounts(whole, cancellationsByFunction));
            const UpcomingBookings u = upcomingBookings(s, settings, t, scope.scope);
            CHECK(u.appointments == upcomingAppointments);
            CHECK(u.sessions == upcomingSessions);
            CHECK(u.sessions <= u.appointments);
            const OverdueNotes notes = overdueNotes(s, settings, t, scope.scope);
            CHECK(static_cast<std::int64_t>(notes.sessions.size()) == overdue);
            CHECK(static_cast<std::int64_t>(unmarkedAppointments(s, t, scope.scope).size()) == unmarked);
            const MissingPayments m = missingPayments(s, settings, t, scope.scope);
            CHECK(static_cast<std::int64_t>(m.sessions.size()) == missing);
            CHECK(m.balance == missingBalance);
            CHECK(weeklyGoalOn(s, settings, t, scope.scope) == Approx(goal));

            // Active clients count distinct clients: at most the sum, at least the largest.
            const std::int64_t active = activeClients(s, settings, t, scope.scope);
            CHECK(active <= activeSum);
            CHECK(active >= activeMax);
            CHECK(active == referenceActive(s, membership(s, scope), t, settings.activeWindowDays, -1));

            // Retention is over pairs, so it adds up exactly.
            const Retention r = retention(s, date.facts, settings, scope.scope, trailingTwelveMonths(t));
            CHECK(r.cohort == cohort);
            CHECK(r.retained == retained);
            CHECK(r.churned == churned);
            CHECK(r.cohortSessions == cohortSessions);
            CHECK(r.revenue == revenue);
            CHECK(r.revenueSessions == revenueSessions);

            // Intakes: pair intakes add up for every scope but the practice, which counts
            // distinct clients (at most the pairs').
            const std::int64_t scopeIntakes =
                intakesIn(s, date.facts, scope.scope, toSerial(addDays(t, -364)), toSerial(t));
            if (scope.scope.kind == Scope::Kind::Practice)
                CHECK(scopeIntakes <= intakes);
            else
                CHECK(scopeIntakes == intakes);
        }
    }
}

TEST_CASE("demo practice: the dashboard repeats the individual functions", "[metrics]")
{
    const Snapshot& s = demo().snapshot;
    for (const Run& run : runs()) {
        const Variant& variant = run.variant;
        const PerDate& date = *run.date;
        const Day t = date.asOf;
        const MetricSettings& settings = variant.settings;
        const Retention practiceRetention =
            retention(s, date.facts, settings, Scope::practice(), trailingTwelveMonths(t));
        for (const NamedScope& scope : scopes()) {
            INFO(variant.label << ", T " << formatIsoDay(t) << ", " << scope.label);
            const Dashboard d = computeDashboard(s, settings, t, scope.scope);
            CHECK(d.asOf == t);
            CHECK(d.scope.kind == scope.scope.kind);

            const ScopeSummary& sum = d.summary;
            CHECK(sum.weeklyGoal == Approx(weeklyGoalOn(s, settings, t, scope.scope)));
            CHECK(sum.countedLast7d == countedSessions(s, settings, t, scope.scope, lastDays(t, 7)));
            CHECK(sum.goalLast7d == Approx(goalForWindow(s, settings, scope.scope, lastDays(t, 7))));
            CHECK(sameOptional(sum.utilizationLast7d, utilization(s, settings, t, scope.scope, lastDays(t, 7))));
            CHECK(sum.underPerforming == underPerforming(s, settings, t, scope.scope));
            CHECK(sameRates(sum.cancellation12w, cancellationRates(s, t, scope.scope, trailingTwelveWeeks(t))));
            CHECK(sameTarget(sum.bookingsTarget, bookingsTarget(s, settings, t, scope.scope)));
            CHECK(sameUpcoming(sum.upcomingNext7d, upcomingBookings(s, settings, t, scope.scope)));
            CHECK(sum.activeClients == activeClients(s, settings, t, scope.scope));
            CHECK(sum.caseloadBaseline == Approx(caseloadBaseline(sum.weeklyGoal, settings)));
            CHECK(sameRetention(sum.retention12m,
                                retention(s, date.facts, settings, scope.scope, trailingTwelveMonths(t))));
            CHECK(sum.intakesLast7d == intakesIn(s, date.facts, scope.scope, toSerial(addDays(t, -6)), toSerial(t)));
            CHECK(sum.overdueNotes
                  == static_cast<std::int64_t>(overdueNotes(s, settings, t, scope.scope).sessions.size()));
            CHECK(sum.unmarkedPast == static_cast<std::int64_t>(unmarkedAppointments(s, t, scope.scope).size()));

            // One row per clinician of the scope, in snapshot order.
            REQUIRE(d.clinicians.size() == scope.clinicians.size());
            for (std::size_t i = 0; i < d.clinicians.size(); ++i) {
                const ClinicianSummary& row = d.clinicians[i];
                const std::size_t c = scope.clinicians[i];
                const Scope one = Scope::oneClinician(c);
                INFO("row " << i << ", clinician " << c);
                REQUIRE(row.clinician == c);
                CHECK(row.weeklyGoal == Approx(weeklyGoalOn(s, settings, t, one)));
                CHECK(row.countedLast7d == countedSessions(s, settings, t, one, lastDays(t, 7)));
                CHECK(sameOptional(row.utilizationLast7d, utilization(s, settings, t, one, lastDays(t, 7))));
                CHECK(row.underPerforming == underPerforming(s, settings, t, one));
                CHECK(sameRates(row.cancellation12w, cancellationRates(s, t, one, trailingTwelveWeeks(t))));
                const BookingsTarget target = bookingsTarget(s, settings, t, c);
                CHECK(sameTarget(row.bookingsTarget, target));
                const UpcomingBookings upcoming = upcomingBookings(s, settings, t, one);
                CHECK(sameUpcoming(row.upcomingNext7d, upcoming));
                if (target.target)
                    CHECK(row.openings == std::max<std::int64_t>(0, *target.target - upcoming.sessions));
                CHECK(row.openingsUrgent == (static_cast<double>(upcoming.sessions) < target.weeklyGoal));
                CHECK(row.activeClients == activeClients(s, settings, t, one));
                CHECK(row.caseloadBaseline == Approx(caseloadBaseline(row.weeklyGoal, settings)));
                const Retention r = retention(s, date.facts, settings, one, trailingTwelveMonths(t));
                CHECK(sameRetention(row.retention12m, r));
                // Retention status targets always come from the practice.
                CHECK(row.retentionStatus == clinicianRetentionStatus(r, practiceRetention, settings));
                CHECK(row.caseloadReading
                      == caseloadReading(row.activeClients, row.caseloadBaseline, row.retentionStatus));
                CHECK(row.overdueNotes == static_cast<std::int64_t>(overdueNotes(s, settings, t, one).sessions.size()));
                CHECK(row.intakesLast7d == intakesIn(s, date.facts, one, toSerial(addDays(t, -6)), toSerial(t)));
            }

            // The lists and the series are the functions' own.
            const std::vector<Opening> open = openings(s, settings, t, scope.scope);
            REQUIRE(d.lists.openings.size() == open.size());
            for (std::size_t i = 0; i < open.size(); ++i) {
                CHECK(d.lists.openings[i].clinician == open[i].clinician);
                CHECK(d.lists.openings[i].openings == open[i].openings);
                CHECK(d.lists.openings[i].bookings == open[i].bookings);
                CHECK(d.lists.openings[i].urgent == open[i].urgent);
            }
            CHECK(samePairEntries(d.lists.newClientFollowUps, newClientFollowUps(s, date.facts, scope.scope)));
            CHECK(samePairEntries(d.lists.atRiskClients, atRiskClients(s, date.facts, scope.scope)));
            CHECK(samePairEntries(d.lists.closeOutCandidates,
                                  closeOutCandidates(s, date.facts, settings, scope.scope)));
            CHECK(samePairEntries(d.lists.attendancePolicy, attendancePolicy(s, date.facts, settings, scope.scope)));
            const OverdueNotes notes = overdueNotes(s, settings, t, scope.scope);
            CHECK(sameAppointmentEntries(d.lists.overdueNotes.sessions, notes.sessions));
            CHECK(d.lists.overdueNotes.perClinician == notes.perClinician);
            const MissingPayments missing = missingPayments(s, settings, t, scope.scope);
            REQUIRE(d.lists.missingPayments.sessions.size() == missing.sessions.size());
            for (std::size_t i = 0; i < missing.sessions.size(); ++i)
                CHECK(d.lists.missingPayments.sessions[i].appointment.row == missing.sessions[i].appointment.row);
            CHECK(d.lists.missingPayments.balance == missing.balance);
            CHECK(d.lists.missingPayments.totals.size() == missing.totals.size());
            CHECK(sameAppointmentEntries(d.lists.unmarked, unmarkedAppointments(s, t, scope.scope)));
            const std::vector<NewClinician> fresh = newClinicians(s, date.facts, scope.scope);
            REQUIRE(d.lists.newClinicians.size() == fresh.size());
            for (std::size_t i = 0; i < fresh.size(); ++i) {
                CHECK(d.lists.newClinicians[i].clinician == fresh[i].clinician);
                CHECK(d.lists.newClinicians[i].intakes == fresh[i].intakes);
                CHECK(d.lists.newClinicians[i].rebooked == fresh[i].rebooked);
                CHECK(samePairEntries(d.lists.newClinicians[i].notRebooked, fresh[i].notRebooked));
            }

            const std::vector<WeekPoint> series = weeklySeries(s, settings, t, scope.scope);
            REQUIRE(d.series.size() == series.size());
            for (std::size_t i = 0; i < series.size(); ++i) {
                INFO("week " << i);
                CHECK(sameWeek(d.series[i], series[i]));
            }
            const std::vector<MonthCount> months = intakesPerMonth(s, date.facts, scope.scope, 25);
            REQUIRE(d.intakesPerMonth.size() == months.size());
            for (std::size_t i = 0; i < months.size(); ++i) {
                CHECK(d.intakesPerMonth[i].year == months[i].year);
                CHECK(d.intakesPerMonth[i].month == months[i].month);
                CHECK(d.intakesPerMonth[i].count == months[i].count);
            }
        }
    }
}

TEST_CASE("demo practice: pair lists are sorted and hold exactly the pairs their definitions select",
          "[metrics]")
{
    const Snapshot& s = demo().snapshot;
    for (const Run& run : runs()) {
        const Variant& variant = run.variant;
        const PerDate& date = *run.date;
        const Day t = date.asOf;
        const MetricSettings& m = variant.settings;
        const std::int32_t ts = toSerial(t);
        const std::pair<int, unsigned> tMonth = yearMonth(t);
        const int thisYear = tMonth.first;
        const unsigned thisMonth = tMonth.second;
        const int prevYear = thisMonth == 1 ? thisYear - 1 : thisYear;
        const unsigned prevMonth = thisMonth == 1 ? 12u : thisMonth - 1;
        for (const NamedScope& scope : scopes()) {
            INFO(variant.label << ", T " << formatIsoDay(t) << ", " << scope.label);

            // Every entry's copied facts equal the recomputed ones, and the set of pairs is
            // exactly those the predicate selects.
            const auto checkList = [&](const std::vector<PairEntry>& list, const char* name, auto selects) {
                INFO(name << ": " << list.size() << " entries");
                Violations v;
                std::set<std::size_t> listed;
                for (const PairEntry& e : list) {
                    const std::string at = std::string(name) + " pair " + std::to_string(e.pair);
                    if (e.pair >= s.pairs.size()) {
                        v.add(at + " out of range");
                        continue;
                    }
                    const RefPair& rp = date.ref.pairs[e.pair];
                    if (!listed.insert(e.pair).second)
                        v.add(at + " listed twice");
                    if (e.clinician != static_cast<std::size_t>(s.pairs[e.pair].clinician)
                        || e.client != static_cast<std::size_t>(s.pairs[e.pair].client))
                        v.add(at + " names the wrong clinician or client");
                    if (e.intakeSerial != rp.intake)
                        v.add(at + " intake " + dayText(e.intakeSerial) + ", expected " + dayText(rp.intake));
                    if (e.lastQualifyingSerial != rp.lastQualifying)
                        v.add(at + " last qualifying " + dayText(e.lastQualifyingSerial) + ", expected "
                              + dayText(rp.lastQualifying));
                    if (e.nextScheduledSerial != rp.nextScheduled)
                        v.add(at + " next scheduled " + dayText(e.nextScheduledSerial) + ", expected "
                              + dayText(rp.nextScheduled));
                    if (e.billableCancels12m != rp.billable12m)
                        v.add(at + " billable cancels " + std::to_string(e.billableCancels12m) + ", expected "
                              + std::to_string(rp.billable12m));
                }
                for (std::size_t p = 0; p < s.pairs.size(); ++p) {
                    const bool expected = pairInScope(s, scope, p) && selects(p, date.ref.pairs[p]);
                    if (expected != (listed.count(p) > 0))
                        v.add(std::string(name) + " pair " + std::to_string(p)
                              + (expected ? " missing" : " listed but does not qualify") + " (intake "
                              + dayText(date.ref.pairs[p].intake) + ", last qualifying "
                              + dayText(date.ref.pairs[p].lastQualifying) + ", next scheduled "
                              + dayText(date.ref.pairs[p].nextScheduled) + ")");
                }
                CHECK_NO_VIOLATIONS(v);
            };

            // New client follow-ups: intake in [T-6, T]; by intake date, then clinician.
            const std::vector<PairEntry> followUps = newClientFollowUps(s, date.facts, scope.scope);
            checkList(followUps, "follow-ups", [&](std::size_t, const RefPair& rp) {
                return rp.intake != kNoDay && rp.intake >= ts - 6 && rp.intake <= ts;
            });
            CHECK(std::is_sorted(followUps.begin(), followUps.end(), [](const PairEntry& a, const PairEntry& b) {
                return std::tie(a.intakeSerial, a.clinician) < std::tie(b.intakeSerial, b.clinician);
            }));

            // At-risk: intake in the month before T's month, nothing scheduled after T;
            // longest unseen first (last completed session; never attended first).
            const std::vector<PairEntry> atRisk = atRiskClients(s, date.facts, scope.scope);
            checkList(atRisk, "at-risk", [&](std::size_t, const RefPair& rp) {
                if (rp.intake == kNoDay || rp.nextScheduled != kNoDay)
                    return false;
                const auto ym = yearMonth(fromSerial(rp.intake));
                return ym.first == prevYear && ym.second == prevMonth;
            });
            CHECK(std::is_sorted(atRisk.begin(), atRisk.end(), [](const PairEntry& a, const PairEntry& b) {
                return a.lastSeenSerial < b.lastSeenSerial;
            }));

            // Close-out: client not discharged, last qualifying in [T-180, T-31], nothing
            // scheduled after T; longest unseen first.
            const std::vector<PairEntry> closeOut = closeOutCandidates(s, date.facts, m, scope.scope);
            checkList(closeOut, "close-out", [&](std::size_t p, const RefPair& rp) {
                return rp.lastQualifying != kNoDay && rp.lastQualifying >= ts - m.closeOutClosedDays
                    && rp.lastQualifying <= ts - (m.closeOutUnseenDays + 1) && rp.nextScheduled == kNoDay
                    && !discharged(s.clients[static_cast<std::size_t>(s.pairs[p].client)].status);
            });
            CHECK(std::is_sorted(closeOut.begin(), closeOut.end(), [](const PairEntry& a, const PairEntry& b) {
                return a.lastQualifyingSerial < b.lastQualifyingSerial;
            }));
            {
                // And straight from the columns: no appointment of the pair after T that is
                // not a cancellation, and a qualifying session on the listed day.
                Violations v;
                std::vector<std::uint8_t> listed(s.pairs.size(), 0);
                for (const PairEntry& e : closeOut)
                    listed[e.pair] = 1;
                std::vector<std::uint8_t> seenOnLast(s.pairs.size(), 0);
                const AppointmentColumns& a = s.appointments;
                for (std::size_t row = 0; row < a.size(); ++row) {
                    const std::size_t p = static_cast<std::size_t>(a.pair[row]);
                    if (!listed[p])
                        continue;
                    if (a.daySerial[row] > ts && !isCancellation(a.status[row]))
                        v.add("close-out pair " + std::to_string(p) + " has an appointment on "
                              + dayText(a.daySerial[row]));
                    if (a.daySerial[row] > ts - m.closeOutUnseenDays - 1 && a.daySerial[row] <= ts
                        && isQualifying(a.status[row]))
                        v.add("close-out pair " + std::to_string(p) + " was seen on " + dayText(a.daySerial[row]));
                    if (isQualifying(a.status[row]) && a.daySerial[row] <= ts)
                        seenOnLast[p] = 1;
                }
                for (const PairEntry& e : closeOut)
                    if (!seenOnLast[e.pair])
                        v.add("close-out pair " + std::to_string(e.pair) + " has no qualifying session");
                CHECK_NO_VIOLATIONS(v);
            }

            // Attendance policy: >= 3 billable cancels in [T-364, T]; most first.
            const std::vector<PairEntry> attendance = attendancePolicy(s, date.facts, m, scope.scope);
            checkList(attendance, "attendance", [&](std::size_t, const RefPair& rp) {
                return rp.billable12m >= m.attendancePolicyCount;
            });
            CHECK(std::is_sorted(attendance.begin(), attendance.end(), [](const PairEntry& a, const PairEntry& b) {
                return a.billableCancels12m > b.billableCancels12m;
            }));

            // New clinicians: start (or first appointment) in [T-89, T]; intakes and re-bookings.
            {
                const std::vector<NewClinician> fresh = newClinicians(s, date.facts, scope.scope);
                Violations v;
                std::set<std::size_t> listed;
                for (const NewClinician& n : fresh)
                    listed.insert(n.clinician);
                for (const std::size_t c : scope.clinicians) {
                    const SnapshotClinician& sc = s.clinicians[c];
                    std::int32_t start = kNoDay;
                    if (sc.startDate) {
                        start = toSerial(*sc.startDate);
                    } else {
                        for (std::size_t row = 0; row < s.appointments.size(); ++row)
                            if (static_cast<std::size_t>(s.appointments.clinician[row]) == c) {
                                start = s.appointments.daySerial[row]; // rows are sorted by day
                                break;
                            }
                    }
                    const bool isNew = start != kNoDay && start >= ts - 89 && start <= ts;
                    if (isNew != (listed.count(c) > 0))
                        v.add("clinician " + std::to_string(c) + " starting " + dayText(start)
                              + (isNew ? " missing" : " listed"));
                    if (!isNew)
                        continue;
                    const auto it = std::find_if(fresh.begin(), fresh.end(),
                                                 [c](const NewClinician& n) { return n.clinician == c; });
                    if (it == fresh.end())
                        continue;
                    if (it->startSerial != start)
                        v.add("clinician " + std::to_string(c) + " start " + dayText(it->startSerial) + ", expected "
                              + dayText(start));
                    if (it->startFromFirstAppointment != !sc.startDate.has_value())
                        v.add("clinician " + std::to_string(c) + " start source");
                    std::int64_t intakes = 0, rebooked = 0;
                    std::set<std::size_t> notRebooked;
                    for (std::size_t p = 0; p < s.pairs.size(); ++p) {
                        const RefPair& rp = date.ref.pairs[p];
                        if (static_cast<std::size_t>(s.pairs[p].clinician) != c || rp.intake == kNoDay
                            || rp.intake < start || rp.intake > ts)
                            continue;
                        ++intakes;
                        if (rp.rebooked)
                            ++rebooked;
                        else
                            notRebooked.insert(p);
                    }
                    if (it->intakes != intakes || it->rebooked != rebooked)
                        v.add("clinician " + std::to_string(c) + ": " + std::to_string(it->intakes) + " intakes, "
                              + std::to_string(it->rebooked) + " re-booked; expected " + std::to_string(intakes)
                              + ", " + std::to_string(rebooked));
                    std::set<std::size_t> listedNot;
                    for (const PairEntry& e : it->notRebooked)
                        listedNot.insert(e.pair);
                    if (listedNot != notRebooked)
                        v.add("clinician " + std::to_string(c) + ": the clients not re-booked differ");
                    if (!std::is_sorted(it->notRebooked.begin(), it->notRebooked.end(),
                                        [](const PairEntry& a, const PairEntry& b) {
                                            return a.intakeSerial < b.intakeSerial;
                                        }))
                        v.add("clinician " + std::to_string(c) + ": not re-booked not by intake date");
                }
                CHECK_NO_VIOLATIONS(v);
            }

            // Intakes per month: 25 months ending with T's month; the practice counts
            // distinct clients by their first qualifying session anywhere, any other scope
            // pair intakes.
            {
                const std::vector<MonthCount> months = intakesPerMonth(s, date.facts, scope.scope, 25);
                REQUIRE(months.size() == 25);
                CHECK(months.back().year == thisYear);
                CHECK(months.back().month == thisMonth);
                std::map<std::pair<int, unsigned>, std::int64_t> expected;
                if (scope.scope.kind == Scope::Kind::Practice) {
                    for (const std::int32_t intake : date.ref.clientIntake)
                        if (intake != kNoDay)
                            ++expected[yearMonth(fromSerial(intake))];
                } else {
                    for (std::size_t p = 0; p < s.pairs.size(); ++p)
                        if (pairInScope(s, scope, p) && date.ref.pairs[p].intake != kNoDay)
                            ++expected[yearMonth(fromSerial(date.ref.pairs[p].intake))];
                }
                for (std::size_t i = 0; i < months.size(); ++i) {
                    INFO("month " << months[i].year << "-" << months[i].month);
                    if (i + 1 < months.size()) {
                        const bool next =
                            (months[i + 1].year == months[i].year && months[i + 1].month == months[i].month + 1)
                            || (months[i].month == 12 && months[i + 1].month == 1
                                && months[i + 1].year == months[i].year + 1);
                        CHECK(next);
                    }
                    const auto it = expected.find({months[i].year, months[i].month});
                    CHECK(months[i].count == (it == expected.end() ? 0 : it->second));
                }
            }
        }
    }
}

TEST_CASE("demo practice: appointment lists are sorted and hold exactly the rows their definitions select",
          "[metrics]")
{
    const Snapshot& s = demo().snapshot;
    const AppointmentColumns& a = s.appointments;
    for (const Run& run : runs()) {
        const Variant& variant = run.variant;
        const PerDate& date = *run.date;
        const Day t = date.asOf;
        const MetricSettings& m = variant.settings;
        const std::int32_t ts = toSerial(t);
        for (const NamedScope& scope : scopes()) {
            INFO(variant.label << ", T " << formatIsoDay(t) << ", " << scope.label);
            const std::vector<std::uint8_t> in = membership(s, scope);

            const auto checkRows = [&](const std::vector<AppointmentEntry>& list, const char* name, auto selects) {
                INFO(name << ": " << list.size() << " entries");
                Violations v;
                std::vector<std::uint8_t> listed(a.size(), 0);
                for (const AppointmentEntry& e : list) {
                    if (e.row >= a.size()) {
                        v.add(std::string(name) + " row out of range");
                        continue;
                    }
                    if (listed[e.row]++)
                        v.add(std::string(name) + " row listed twice");
                    if (e.clinician != static_cast<std::size_t>(a.clinician[e.row])
                        || e.client != static_cast<std::size_t>(a.client[e.row])
                        || e.daySerial != a.daySerial[e.row])
                        v.add(std::string(name) + " row " + std::to_string(e.row) + " names the wrong columns");
                }
                for (std::size_t row = 0; row < a.size(); ++row) {
                    const bool expected = in[a.clinician[row]] && selects(row);
                    if (expected != (listed[row] != 0))
                        v.add(std::string(name) + " row " + std::to_string(row) + " on " + dayText(a.daySerial[row])
                              + (expected ? " missing" : " listed but does not qualify"));
                }
                CHECK_NO_VIOLATIONS(v);
                CHECK(std::is_sorted(list.begin(), list.end(),
                                     [](const AppointmentEntry& x, const AppointmentEntry& y) {
                                         return x.daySerial < y.daySerial;
                                     }));
            };

            // Overdue notes: qualifying, dated <= T-3, note known and unsigned; oldest first.
            const OverdueNotes notes = overdueNotes(s, m, t, scope.scope);
            checkRows(notes.sessions, "overdue notes", [&](std::size_t row) {
                return isQualifying(a.status[row]) && a.daySerial[row] <= ts - m.noteDueDays
                    && a.noteStatus[row] == NoteStatus::Unsigned;
            });
            REQUIRE(notes.perClinician.size() == s.clinicians.size());
            {
                std::vector<std::int64_t> perClinician(s.clinicians.size(), 0);
                for (const AppointmentEntry& e : notes.sessions)
                    ++perClinician[e.clinician];
                CHECK(notes.perClinician == perClinician);
            }

            // Unmarked: dated <= T, still scheduled; oldest first.
            checkRows(unmarkedAppointments(s, t, scope.scope), "unmarked", [&](std::size_t row) {
                return a.daySerial[row] <= ts && a.status[row] == StatusCategory::Scheduled;
            });

            // Missing payments: qualifying, dated <= T-30, fee > 0, some payment known,
            // fee - known payments > 0; oldest first; totals by month, then payer.
            const auto balanceOf = [&](std::size_t row) {
                const Cents client = a.clientPaid[row] == kUnknownCents ? 0 : a.clientPaid[row];
                const Cents insurance = a.insurancePaid[row] == kUnknownCents ? 0 : a.insurancePaid[row];
                return a.fee[row] - client - insurance;
            };
            const MissingPayments missing = missingPayments(s, m, t, scope.scope);
            std::vector<AppointmentEntry> missingRows;
            for (const MissingPayment& p : missing.sessions)
                missingRows.push_back(p.appointment);
            checkRows(missingRows, "missing payments", [&](std::size_t row) {
                return isQualifying(a.status[row]) && a.daySerial[row] <= ts - m.paymentLagDays && a.feeKnown(row)
                    && a.fee[row] > 0 && (a.clientPaid[row] != kUnknownCents || a.insurancePaid[row] != kUnknownCents)
                    && balanceOf(row) > 0;
            });
            {
                Violations v;
                Cents balance = 0;
                std::map<std::tuple<int, unsigned, std::string>, std::pair<std::int64_t, Cents>> totals;
                for (const MissingPayment& p : missing.sessions) {
                    const std::size_t row = p.appointment.row;
                    if (row >= a.size())
                        continue;
                    if (p.fee != a.fee[row] || p.balance != balanceOf(row) || p.paid != p.fee - p.balance)
                        v.add("missing payment row " + std::to_string(row) + " amounts");
                    if (p.payer != s.payers[a.payer[row]])
                        v.add("missing payment row " + std::to_string(row) + " payer");
                    balance += p.balance;
                    const auto ym = yearMonth(a.day(row));
                    auto& total = totals[{ym.first, ym.second, std::string(s.payers[a.payer[row]])}];
                    ++total.first;
                    total.second += p.balance;
                }
                CHECK_NO_VIOLATIONS(v);
                CHECK(missing.balance == balance);
                REQUIRE(missing.totals.size() == totals.size());
                std::size_t i = 0;
                for (const auto& entry : totals) {
                    const PaymentTotal& got = missing.totals[i++];
                    INFO("total " << std::get<0>(entry.first) << "-" << std::get<1>(entry.first) << " payer '"
                                  << std::get<2>(entry.first) << "'");
                    CHECK(got.year == std::get<0>(entry.first));
                    CHECK(got.month == std::get<1>(entry.first));
                    CHECK(got.payer == std::get<2>(entry.first));
                    CHECK(got.sessions == entry.second.first);
                    CHECK(got.balance == entry.second.second);
                }
            }

            // Openings: most first, then by index; each consistent with its clinician.
            const std::vector<Opening> open = openings(s, m, t, scope.scope);
            CHECK(std::is_sorted(open.begin(), open.end(), [](const Opening& x, const Opening& y) {
                return x.openings != y.openings ? x.openings > y.openings : x.clinician < y.clinician;
            }));
            std::set<std::size_t> withOpenings;
            for (const Opening& o : open) {
                INFO("opening of clinician " << o.clinician);
                withOpenings.insert(o.clinician);
                CHECK(in[o.clinician]);
                const BookingsTarget target = bookingsTarget(s, m, t, o.clinician);
                const UpcomingBookings upcoming = upcomingBookings(s, m, t, Scope::oneClinician(o.clinician));
                REQUIRE(target.target.has_value());
                CHECK(o.bookings == upcoming.sessions);
                CHECK(o.bookings < *target.target);
                CHECK(o.openings == *target.target - o.bookings);
                CHECK(o.urgent == (static_cast<double>(o.bookings) < target.weeklyGoal));
            }
            for (const std::size_t c : scope.clinicians) {
                const BookingsTarget target = bookingsTarget(s, m, t, c);
                const UpcomingBookings upcoming = upcomingBookings(s, m, t, Scope::oneClinician(c));
                const bool expected = target.target && upcoming.sessions < *target.target;
                INFO("clinician " << c);
                CHECK(expected == (withOpenings.count(c) > 0));
            }
        }
    }
}

TEST_CASE("demo practice: the weekly series adds up to the functions over its weeks", "[metrics]")
{
    const Snapshot& s = demo().snapshot;
    for (const PerDate& date : perDate()) {
        const Day t = date.asOf;
        for (const Variant& variant : variants()) {
            const MetricSettings& settings = variant.settings;
            const WeekStart start = settings.weekStart;
            for (const NamedScope& scope : scopes()) {
                INFO(variant.label << ", T " << formatIsoDay(t) << ", " << scope.label);
                const std::vector<WeekPoint> series = weeklySeries(s, settings, t, scope.scope);
                REQUIRE(series.size() == 52);
                CHECK(series.back().weekEnd == t);
                CHECK(series.back().weekStart == weekStartOf(t, start));
                CHECK(daysBetween(series.back().weekStart, t) >= 0);
                CHECK(daysBetween(series.back().weekStart, t) <= 6);
                std::int64_t counted = 0;
                double goal = 0.0;
                CancellationCounts counts;
                for (std::size_t i = 0; i < series.size(); ++i) {
                    const WeekPoint& p = series[i];
                    INFO("week " << i << " " << formatIsoDay(p.weekStart));
                    CHECK(weekStartOf(p.weekStart, start) == p.weekStart);
                    if (i + 1 < series.size()) {
                        CHECK(daysBetween(p.weekStart, p.weekEnd) == 6);
                        CHECK(addDays(p.weekEnd, 1) == series[i + 1].weekStart);
                        CHECK(p.activeClients
                              == activeClientsOn(s, settings, p.weekEnd, scope.scope, settings.activeWindowDays));
                    }
                    const Window week{p.weekStart, p.weekEnd};
                    CHECK(p.counted == countedSessions(s, settings, t, scope.scope, week));
                    CHECK(p.goal == Approx(goalForWindow(s, settings, scope.scope, week)));
                    CHECK(sameRates(p.cancellation, cancellationRates(s, t, scope.scope, week)));
                    counted += p.counted;
                    goal += p.goal;
                    counts += p.cancellation.counts;
                }
                const Window all{series.front().weekStart, t};
                CHECK(counted == countedSessions(s, settings, t, scope.scope, all));
                CHECK(goal == Approx(goalForWindow(s, settings, scope.scope, all)));
                CHECK(sameCounts(counts, cancellationRates(s, t, scope.scope, all).counts));
                CHECK(series.back().activeClients == activeClients(s, settings, t, scope.scope));
            }
        }

        // Each scope's weeks against active clients recomputed from the columns: past weeks
        // look ahead the active window only, the current week without limit.
        for (const Variant& variant : variants()) {
            const int days = variant.settings.activeWindowDays;
            Violations v;
            for (const NamedScope& scope : scopes()) {
                const std::vector<std::uint8_t> in = membership(s, scope);
                const std::vector<WeekPoint> series = weeklySeries(s, variant.settings, t, scope.scope);
                REQUIRE(series.size() == 52);
                for (std::size_t i = 0; i < series.size(); ++i) {
                    const bool current = i + 1 == series.size();
                    const std::int64_t expected = referenceActive(s, in, series[i].weekEnd, days, current ? -1 : days);
                    if (series[i].activeClients != expected)
                        v.add(variant.label + ", T " + formatIsoDay(t) + ", " + scope.label + ", week ending "
                              + formatIsoDay(series[i].weekEnd) + ": " + std::to_string(series[i].activeClients)
                              + " active, expected " + std::to_string(expected));
                }
            }
            CHECK_NO_VIOLATIONS(v);
        }
    }
}

TEST_CASE("demo practice at its end: the lists have something to check", "[metrics]")
{
    // Guards the properties above against passing on empty lists.
    const Snapshot& s = demo().snapshot;
    const PerDate& end = perDate()[5];
    REQUIRE(end.asOf == kEnd);
    CHECK_FALSE(closeOutCandidates(s, end.facts, kDefaults, Scope::practice()).empty());
    CHECK_FALSE(newClientFollowUps(s, end.facts, Scope::practice()).empty());
    CHECK_FALSE(overdueNotes(s, kDefaults, kEnd, Scope::practice()).sessions.empty());
    CHECK_FALSE(missingPayments(s, kDefaults, kEnd, Scope::practice()).sessions.empty());
    CHECK_FALSE(unmarkedAppointments(s, kEnd, Scope::practice()).empty());
    CHECK_FALSE(atRiskClients(s, end.facts, Scope::practice()).empty());
    const Retention r = retention(s, end.facts, kDefaults, Scope::practice(), trailingTwelveMonths(kEnd));
    CHECK(r.cohort > 0);
    CHECK(r.retained > 0);
    CHECK(r.churned > 0);
    CHECK(activeClients(s, kDefaults, kEnd, Scope::practice()) > 0);
    CHECK_FALSE(attendancePolicy(s, end.facts, kDefaults, Scope::practice()).empty());
    // Some as-of date has a new clinician with intakes, some with a pair not re-booked.
    std::int64_t newIntakes = 0, notRebooked = 0;
    for (const PerDate& date : perDate())
        for (const NewClinician& n : newClinicians(s, date.facts, Scope::practice())) {
            newIntakes += n.intakes;
            notRebooked += static_cast<std::int64_t>(n.notRebooked.size());
        }
    CHECK(newIntakes > 0);
    CHECK(notRebooked > 0);
}
