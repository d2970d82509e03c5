#include "caseboard/core/day.h"
#include "caseboard/core/domain.h"
#include "caseboard/core/status.h"
#include "caseboard/demo/demo_practice.h"
#include "caseboard/store/store.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

using namespace caseboard;

namespace {

constexpr Day kEnd = makeDay(2025, 6, 15); // a Sunday, as "yesterday" often is

DemoOptions optionsEndingAt(Day end)
{
    DemoOptions options;
    options.end = end;
    return options;
}

struct GeneratedPractice {
    Store store;
    DemoSummary summary;
    std::vector<Appointment> appointments;
    std::vector<Clinician> clinicians;
    std::vector<GoalPeriod> goalPeriods;
    std::vector<Client> clients;
};

GeneratedPractice generate(const DemoOptions& options)
{
    GeneratedPractice practice{Store::openInMemory(), {}, {}, {}, {}, {}};
    practice.summary = generateDemoPractice(practice.store, options);
    practice.appointments = practice.store.appointments();
    practice.clinicians = practice.store.clinicians();
    practice.goalPeriods = practice.store.goalPeriods();
    practice.clients = practice.store.clients();
    return practice;
}

// The default-sized practice, generated once for all the statistics below.
GeneratedPractice& defaultPractice()
{
    static GeneratedPractice practice = generate(optionsEndingAt(kEnd));
    return practice;
}

auto appointmentFields(const Appointment& a)
{
    return std::tie(a.id, a.sourceSystem, a.sourceKey, a.clientId, a.clinicianId, a.date, a.startMinute,
                    a.durationMinutes, a.serviceCode, a.status, a.rawStatus, a.location, a.fee, a.clientPaid,
                    a.insurancePaid, a.payer, a.noteStatus, a.importBatchId);
}
auto clinicianFields(const Clinician& c)
{
    return std::tie(c.id, c.name, c.clinicianType, c.location, c.supervisor, c.startDate, c.endDate, c.hourlyRate);
}
auto goalFields(const GoalPeriod& g) { return std::tie(g.id, g.clinicianId, g.from, g.to, g.weeklyGoal); }
auto clientFields(const Client& c)
{
    return std::tie(c.id, c.sourceSystem, c.sourceKey, c.displayName, c.status, c.dateAdded);
}

template <typename T, typename Fields>
bool sameRows(const std::vector<T>& a, const std::vector<T>& b, Fields fields)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [&](const T& x, const T& y) { return fields(x) == fields(y); });
}

int monthKey(Day day)
{
    const std::chrono::year_month_day ymd{day};
    return static_cast<int>(ymd.year()) * 12 + static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
}

bool isWeekday(Day day)
{
    const unsigned wd = std::chrono::weekday{day}.iso_encoding();
    return wd >= 1 && wd <= 5;
}

// Completed sessions per weekday (Monday to Friday, holidays included) in [from, to].
double sessionsPerWeekday(const std::vector<Appointment>& appointments, Day from, Day to)
{
    int weekdays = 0;
    for (Day d = from; d <= to; d = addDays(d, 1))
        weekdays += isWeekday(d) ? 1 : 0;
    std::int64_t sessions = 0;
    for (const Appointment& a : appointments)
        if (a.status == StatusCategory::Completed && a.date >= from && a.date <= to && isWeekday(a.date))
            ++sessions;
    return static_cast<double>(sessions) / weekdays;
}

} // namespace

TEST_CASE("The demo practice is the same for the same seed and differs for another", "[demo]")
{
    DemoOptions options = optionsEndingAt(kEnd);
    options.years = 2;
    options.clinicians = 8;
    options.clients = 500;

    const GeneratedPractice first = generate(options);
    const GeneratedPractice second = generate(options);
    REQUIRE(first.appointments.size() > 1000);
    CHECK(first.summary.appointments == second.summary.appointments);
    CHECK(sameRows(first.clinicians, second.clinicians, clinicianFields));
    CHECK(sameRows(first.goalPeriods, second.goalPeriods, goalFields));
    CHECK(sameRows(first.clients, second.clients, clientFields));
    CHECK(sameRows(first.appointments, second.appointments, appointmentFields));

    options.seed = 2;
    const GeneratedPractice other = generate(options);
    CHECK_FALSE(sameRows(first.appointments, other.appointments, appointmentFields));
    CHECK_FALSE(sameRows(first.clients, other.clients, clientFields));
}

TEST_CASE("The demo summary describes what was written", "[demo]")
{
    GeneratedPractice& practice = defaultPractice();
    const StoreCounts counts = practice.store.counts();
    CHECK(practice.summary.clinicians == 25);
    CHECK(practice.summary.clients == 2500);
    CHECK(counts.clinicians == practice.summary.clinicians);
    CHECK(counts.clients == practice.summary.clients);
    CHECK(counts.appointments == practice.summary.appointments);
    CHECK(static_cast<int>(practice.goalPeriods.size()) == practice.summary.goalPeriods);
    REQUIRE(counts.firstAppointment);
    REQUIRE(counts.lastAppointment);
    CHECK(*counts.firstAppointment == practice.summary.first);
    CHECK(*counts.lastAppointment == practice.summary.last);
    // Four years of history, booked about four weeks ahead.
    CHECK(daysBetween(practice.summary.first, kEnd) >= 4 * 365 - 14);
    CHECK(daysBetween(practice.summary.first, kEnd) <= 4 * 366);
    CHECK(practice.summary.last > kEnd);
    CHECK(practice.summary.last <= addDays(kEnd, 28));
}

TEST_CASE("Demo appointments carry stable, unique keys and consistent statuses", "[demo]")
{
    const GeneratedPractice& practice = defaultPractice();
    std::set<std::string> keys;
    std::int64_t mismatched = 0;
    for (const Appointment& a : practice.appointments) {
        keys.insert(a.sourceKey);
        // Past: the raw status decides. Future: scheduled whatever it says ("Show"),
        // unless it is a cancellation.
        const StatusCategory expected = a.date <= kEnd || isCancellation(defaultStatusCategory(a.rawStatus))
            ? defaultStatusCategory(a.rawStatus)
            : StatusCategory::Scheduled;
        if (a.status != expected)
            ++mismatched;
    }
    CHECK(mismatched == 0);
    CHECK(keys.size() == practice.appointments.size());
    CHECK(practice.appointments.front().sourceKey == "A0000001");
    CHECK(practice.appointments.front().sourceSystem == "demo");

    std::set<std::string> clientKeys;
    for (const Client& c : practice.clients)
        clientKeys.insert(c.sourceKey);
    CHECK(clientKeys.size() == practice.clients.size());

    std::set<std::string> codes, rawStatuses;
    std::int64_t futureShow = 0;
    for (const Appointment& a : practice.appointments) {
        codes.insert(a.serviceCode);
        rawStatuses.insert(a.rawStatus);
        if (a.date > kEnd && a.rawStatus == "Show")
            ++futureShow; // as SimplePractice marks every upcoming appointment
    }
    CHECK(codes == std::set<std::string>{"90791", "90834", "90837", "90846", "90847", "90853"});
    CHECK(rawStatuses
          == std::set<std::string>{"Show", "Canceled", "Late Canceled", "No Show", "Clinician Canceled", "Scheduled",
                                   "Rescheduled"});
    CHECK(futureShow > 0);
}

TEST_CASE("About one past appointment in six is cancelled by the client, in all three ways", "[demo]")
{
    const GeneratedPractice& practice = defaultPractice();
    std::map<StatusCategory, std::int64_t> past;
    for (const Appointment& a : practice.appointments)
        if (a.date <= kEnd)
            ++past[a.status];
    const std::int64_t cancelled = past[StatusCategory::Cancelled];
    const std::int64_t late = past[StatusCategory::LateCancel];
    const std::int64_t noShow = past[StatusCategory::NoShow];
    const std::int64_t completed = past[StatusCategory::Completed];
    const double share = static_cast<double>(cancelled + late + noShow) / (completed + cancelled + late + noShow);
    INFO("cancellation share " << share);
    CHECK(share >= 0.12);
    CHECK(share <= 0.25);
    CHECK(cancelled > 0);
    CHECK(late > 0);
    CHECK(noShow > 0);

    const double clinicianShare = static_cast<double>(past[StatusCategory::ClinicianCancelled])
        / static_cast<double>(practice.appointments.size());
    INFO("clinician cancellation share " << clinicianShare);
    CHECK(clinicianShare >= 0.01);
    CHECK(clinicianShare <= 0.05);
    CHECK(past[StatusCategory::Other] > 0);
}

TEST_CASE("Every month of the demo history has intakes, none wildly more than usual", "[demo]")
{
    const GeneratedPractice& practice = defaultPractice();
    std::map<std::pair<RowId, RowId>, Day> pairStart;
    for (const Appointment& a : practice.appointments) {
        auto [it, added] = pairStart.try_emplace({a.clientId, a.clinicianId}, a.date);
        if (!added && a.date < it->second)
            it->second = a.date;
    }
    CHECK(pairStart.size() > practice.clients.size()); // some clients see two clinicians

    std::map<int, int> intakes;
    for (const auto& [pair, day] : pairStart)
        ++intakes[monthKey(day)];
    // Whole months only: the history starts and ends mid-month.
    const int firstMonth = monthKey(practice.summary.first) + 1;
    const int lastMonth = monthKey(kEnd) - 1;
    std::vector<int> counts;
    for (int m = firstMonth; m <= lastMonth; ++m)
        counts.push_back(intakes[m]);
    REQUIRE(counts.size() >= 46);
    std::vector<int> sorted = counts;
    std::sort(sorted.begin(), sorted.end());
    const int median = sorted[sorted.size() / 2];
    INFO("intakes per month: min " << sorted.front() << ", median " << median << ", max " << sorted.back());
    CHECK(sorted.front() >= 10);
    CHECK(sorted.back() <= 5 * median);
}

TEST_CASE("The demo schedule thins out over the holidays and in summer", "[demo]")
{
    const auto& appointments = defaultPractice().appointments;
    const int year = static_cast<int>(std::chrono::year_month_day{kEnd}.year()) - 1;
    const double march = sessionsPerWeekday(appointments, makeDay(year, 3, 1), makeDay(year, 3, 31));
    const double summer = sessionsPerWeekday(appointments, makeDay(year, 7, 1), makeDay(year, 8, 31));
    const double october = sessionsPerWeekday(appointments, makeDay(year, 10, 1), makeDay(year, 10, 31));
    const double christmas = sessionsPerWeekday(appointments, makeDay(year, 12, 18), makeDay(year, 12, 31));
    const double thanksgivingWeek = sessionsPerWeekday(appointments, makeDay(year, 11, 25), makeDay(year, 11, 29));
    INFO("per weekday: March " << march << ", July-August " << summer << ", October " << october
                               << ", late December " << christmas << ", Thanksgiving week " << thanksgivingWeek);
    CHECK(christmas < 0.8 * october);
    CHECK(summer < october);
    CHECK(summer < march);
    CHECK(thanksgivingWeek < 0.8 * october);

    // No sessions on Christmas Day, Independence Day or Thanksgiving, nor on Sundays.
    const std::set<Day> holidays{makeDay(year, 12, 25), makeDay(year, 7, 4), makeDay(year, 11, 28)};
    std::int64_t closedDays = 0;
    for (const Appointment& a : appointments)
        if (holidays.count(a.date) > 0 || std::chrono::weekday{a.date} == std::chrono::Sunday)
            ++closedDays;
    CHECK(closedDays == 0);
}

TEST_CASE("Demo notes, payments and unmarked appointments cluster where they do in practice", "[demo]")
{
    const auto& appointments = defaultPractice().appointments;
    std::int64_t unsignedRecent = 0, unsignedOld = 0, unsignedFuture = 0, unmarked = 0, unmarkedOld = 0;
    std::int64_t missingPayments = 0, insurancePending = 0, recentInsured = 0, future = 0;
    for (const Appointment& a : appointments) {
        const int age = daysBetween(a.date, kEnd);
        if (a.noteStatus == NoteStatus::Unsigned)
            (age < 14 ? unsignedRecent : unsignedOld)++;
        if (a.noteStatus == NoteStatus::Unsigned && a.date > kEnd)
            ++unsignedFuture;
        if (a.date <= kEnd && a.status == StatusCategory::Scheduled) {
            ++unmarked;
            if (age >= 14)
                ++unmarkedOld;
        }
        if (a.date > kEnd && a.status == StatusCategory::Scheduled)
            ++future;
        if (isQualifying(a.status) && age >= 30 && a.fee.value_or(0) > 0
            && *a.fee - a.clientPaid.value_or(0) - a.insurancePaid.value_or(0) > 0)
            ++missingPayments;
        if (a.status == StatusCategory::Completed && !a.payer.empty() && age >= 0 && age < 10) {
            ++recentInsured;
            if (a.insurancePaid.value_or(0) == 0)
                ++insurancePending;
        }
    }
    INFO("unsigned notes: " << unsignedRecent << " in the last 14 days, " << unsignedOld << " older; unmarked "
                            << unmarked << "; missing payments " << missingPayments << "; future " << future);
    CHECK(unsignedRecent > 0);
    CHECK(unsignedOld > 0);
    CHECK(unsignedRecent > unsignedOld / 4);
    CHECK(unsignedFuture == 0);
    CHECK(unmarked > 0);
    CHECK(unmarkedOld == 0);
    CHECK(missingPayments > 0);
    CHECK(recentInsured > 0);
    CHECK(insurancePending == recentInsured); // insurers pay weeks later
    CHECK(future > 500);
}

TEST_CASE("The demo team has new hires, leavers, leave and changing goals", "[demo]")
{
    const GeneratedPractice& practice = defaultPractice();
    int recentStarts = 0, leavers = 0;
    int withoutRate = 0;
    std::set<std::string> locations, supervisors, types;
    for (const Clinician& c : practice.clinicians) {
        if (c.startDate && *c.startDate >= addDays(kEnd, -89) && *c.startDate <= kEnd)
            ++recentStarts;
        if (c.endDate)
            ++leavers;
        locations.insert(c.location);
        if (!c.supervisor.empty())
            supervisors.insert(c.supervisor);
        types.insert(c.clinicianType);
        if (c.hourlyRate.value_or(0) <= 0)
            ++withoutRate;
    }
    CHECK(withoutRate == 0);
    CHECK(recentStarts >= 2);
    CHECK(leavers >= 2);
    CHECK(locations.size() >= 2);
    CHECK(supervisors.size() >= 3);
    CHECK(supervisors.size() <= 4);
    CHECK(types.size() >= 5);

    int leavePeriods = 0, oddLeave = 0;
    std::map<RowId, std::set<double>> goals;
    for (const GoalPeriod& g : practice.goalPeriods) {
        if (g.weeklyGoal == 0.0) {
            ++leavePeriods;
            const int days = g.to ? daysBetween(g.from, *g.to) + 1 : 0;
            if (days < 7 || days > 21) // one to three weeks
                ++oddLeave;
        } else {
            goals[g.clinicianId].insert(g.weeklyGoal);
        }
    }
    CHECK(leavePeriods > 0);
    CHECK(oddLeave == 0);
    CHECK(std::any_of(goals.begin(), goals.end(), [](const auto& entry) { return entry.second.size() >= 2; }));

    // No clinician sees clients before they start, after they leave, or while on leave.
    std::map<RowId, const Clinician*> byId;
    for (const Clinician& c : practice.clinicians)
        byId[c.id] = &c;
    std::map<RowId, std::vector<const GoalPeriod*>> leaveOf;
    for (const GoalPeriod& g : practice.goalPeriods)
        if (g.weeklyGoal == 0.0)
            leaveOf[g.clinicianId].push_back(&g);
    std::int64_t misplaced = 0;
    for (const Appointment& a : practice.appointments) {
        const Clinician& c = *byId.at(a.clinicianId);
        if ((c.startDate && a.date < *c.startDate) || (c.endDate && a.date > *c.endDate))
            ++misplaced;
        for (const GoalPeriod* g : leaveOf[a.clinicianId])
            if (a.date >= g->from && a.date <= *g->to)
                ++misplaced;
    }
    CHECK(misplaced == 0);
}

TEST_CASE("Demo group sessions share a clinician and a start time; other sessions never do", "[demo]")
{
    std::map<std::tuple<RowId, Day, int>, std::pair<int, bool>> sessions; // clients, is group
    for (const Appointment& a : defaultPractice().appointments) {
        auto& [clients, group] = sessions[{a.clinicianId, a.date, a.startMinute.value_or(-1)}];
        ++clients;
        group = a.serviceCode == "90853";
    }
    int groupsOfSeveral = 0, clashes = 0;
    for (const auto& [key, session] : sessions) {
        if (session.second && session.first >= 2)
            ++groupsOfSeveral;
        if (!session.second && session.first >= 2)
            ++clashes;
    }
    CHECK(groupsOfSeveral > 10);
    CHECK(clashes == 0);
}

TEST_CASE("A requested appointment count sizes the demo practice", "[demo]")
{
    DemoOptions options = optionsEndingAt(kEnd);
    options.appointments = 60000;
    Store store = Store::openInMemory();
    const DemoSummary summary = generateDemoPractice(store, options);
    INFO("appointments " << summary.appointments << ", clinicians " << summary.clinicians << ", clients "
                         << summary.clients);
    CHECK(summary.appointments >= 54000);
    CHECK(summary.appointments <= 66000);
    CHECK(store.counts().appointments == summary.appointments);
}

TEST_CASE("Demo practice of a million appointments", "[.bench]")
{
    DemoOptions options = optionsEndingAt(kEnd);
    options.appointments = 1000000;
    const auto directory = std::filesystem::temp_directory_path() / "caseboard-demo-bench";
    std::filesystem::remove_all(directory);
    std::filesystem::create_directories(directory);
    const auto path = directory / "demo.db";
    for (const bool onDisk : {false, true}) {
        Store store = onDisk ? Store::open(path) : Store::openInMemory();
        const auto started = std::chrono::steady_clock::now();
        const DemoSummary summary = generateDemoPractice(store, options);
        const auto elapsed = std::chrono::steady_clock::now() - started;
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(elapsed);
        std::printf("%s: %lld appointments, %d clinicians, %d clients in %lld ms\n", onDisk ? "file" : "memory",
                    static_cast<long long>(summary.appointments), summary.clinicians, summary.clients,
                    static_cast<long long>(ms.count()));
        CHECK(summary.appointments >= 900000);
        CHECK(summary.appointments <= 1100000);
    }
    std::filesystem::remove_all(directory);
}
