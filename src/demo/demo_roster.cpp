#include "demo_roster.h"

#include "demo_calendar.h"
#include "demo_names.h"
#include "demo_random.h"
#include "demo_streams.h"

#include <algorithm>
#include <string>

namespace caseboard::demo {

std::string_view licenseText(License license)
{
    switch (license) {
    case License::PsyD: return "PsyD";
    case License::LCSW: return "LCSW";
    case License::LPC: return "LPC";
    case License::LMFT: return "LMFT";
    case License::Associate: return "Associate";
    case License::Intern: return "Intern";
    }
    return "LPC";
}

namespace {

int roundToInt(double x) { return static_cast<int>(x < 0 ? x - 0.5 : x + 0.5); }

double weeklyGoalFor(License license, bool supervisor, Random& random)
{
    if (supervisor) // supervision and admin take the rest of their week
        return 14.0 + 2.0 * random.between(0, 2);
    switch (license) {
    case License::PsyD: return 20.0 + 2.0 * random.between(0, 2);
    case License::Associate: return 20.0 + 2.0 * random.between(0, 2);
    case License::Intern: return 10.0 + random.between(0, 5);
    default: {
        static constexpr double kGoals[] = {22.0, 24.0, 25.0, 26.0, 28.0};
        return kGoals[random.below(5)];
    }
    }
}

Cents hourlyRateFor(License license, bool supervisor, Random& random)
{
    int lo = 4800, hi = 5600;
    switch (license) {
    case License::PsyD: lo = 6500; hi = 7500; break;
    case License::Associate: lo = 3600; hi = 4200; break;
    case License::Intern: lo = 2400; hi = 2800; break;
    default: break;
    }
    if (supervisor) {
        lo += 500;
        hi += 500;
    }
    return static_cast<Cents>(random.between(lo / 50, hi / 50)) * 50; // whole half-dollars
}

// Goal periods: a half goal while a new hire builds a caseload, occasional changes at
// the yearly review, and one to three weeks of leave (goal 0) in most years.
void planGoals(PlannedClinician& planned, Staff& staff, bool supervisor, Day historyStart, Day end,
               Random& random)
{
    const int endSerial = toSerial(end);
    double goal = weeklyGoalFor(staff.license, supervisor, random);
    // Clients come weekly or less often and some cancel: a full week takes more clients
    // than the goal has sessions.
    staff.targetCaseload = goal * 2.0;

    std::vector<std::pair<int, double>> changes;
    if (staff.firstDay >= toSerial(historyStart)) {
        changes.emplace_back(staff.firstDay, static_cast<double>(static_cast<int>(goal + 1) / 2));
        changes.emplace_back(staff.firstDay + 42, goal);
    } else {
        changes.emplace_back(staff.firstDay, goal);
    }
    const int firstYear = yearOf(fromSerial(std::max(staff.firstDay, toSerial(historyStart))));
    for (int y = firstYear + 1; y <= yearOf(end); ++y) {
        const int review = toSerial(makeDay(y, 1, 1));
        if (review < staff.firstDay + 180 || review > endSerial || review >= staff.lastDay)
            continue;
        if (random.chance(0.35)) {
            static constexpr int kSteps[] = {-2, -1, 1, 2, 3};
            goal = std::clamp(goal + kSteps[random.below(5)], 8.0, 32.0);
            changes.emplace_back(review, goal);
        }
    }

    const int leaveFrom = std::max(staff.firstDay + 120, toSerial(historyStart));
    const int leaveTo = std::min(staff.lastDay == kForever ? kForever : staff.lastDay - 14, endSerial + 28);
    for (int y = yearOf(historyStart); y <= yearOf(end); ++y) {
        if (!random.chance(0.6))
            continue;
        const int weeks = random.between(1, 3);
        const Day around = random.chance(0.5) ? addDays(makeDay(y, 6, 15), random.between(0, 60))
                                              : addDays(makeDay(y, 1, 8), random.between(0, 330));
        const int from = toSerial(weekStart(around));
        const int to = from + 7 * weeks - 1;
        if (from < leaveFrom || to > leaveTo)
            continue;
        if (!staff.leave.empty() && from <= staff.leave.back().second + 30)
            continue;
        staff.leave.emplace_back(from, to);
    }

    std::vector<int> bounds{staff.firstDay};
    for (const auto& change : changes)
        bounds.push_back(change.first);
    for (const auto& [from, to] : staff.leave) {
        bounds.push_back(from);
        bounds.push_back(to + 1);
    }
    std::sort(bounds.begin(), bounds.end());
    bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
    bounds.erase(std::remove_if(bounds.begin(), bounds.end(),
                                [&](int b) { return b < staff.firstDay || b > staff.lastDay; }),
                 bounds.end());

    auto baseGoalAt = [&](int serial) {
        double g = changes.front().second;
        for (const auto& change : changes)
            if (change.first <= serial)
                g = change.second;
        return g;
    };
    for (std::size_t i = 0; i < bounds.size(); ++i) {
        const double g = staff.onLeave(bounds[i]) ? 0.0 : baseGoalAt(bounds[i]);
        if (!planned.goalPeriods.empty() && planned.goalPeriods.back().weeklyGoal == g)
            continue; // same goal: the open period simply continues
        if (!planned.goalPeriods.empty())
            planned.goalPeriods.back().to = fromSerial(bounds[i] - 1);
        GoalPeriod period;
        period.from = fromSerial(bounds[i]);
        period.weeklyGoal = g;
        planned.goalPeriods.push_back(period);
    }
    if (staff.lastDay != kForever && !planned.goalPeriods.empty())
        planned.goalPeriods.back().to = fromSerial(staff.lastDay);
}

} // namespace

Roster planRoster(std::uint64_t seed, Day historyStart, Day end, int count)
{
    Roster roster;
    if (count <= 0)
        return roster;
    Random random(mixKey(seed, kRosterStream));

    // Three or four supervisors for a team of 25; one for every ten or so in a large one.
    const int supervisors =
        count < 3 ? count : std::min(count, std::clamp(roundToInt(count / 7.0), 3, std::max(4, count / 10)));
    const int recent = count >= 5 ? std::max(2, roundToInt(count * 0.1)) : 0;
    const int founders = std::clamp(roundToInt(count * 0.7), supervisors, std::max(supervisors, count - recent));
    const int hiredLater = count - recent - founders;

    roster.clinicians.resize(static_cast<std::size_t>(count));
    roster.staff.resize(static_cast<std::size_t>(count));
    bool titled = false;
    const int historySerial = toSerial(historyStart);
    const int endSerial = toSerial(end);

    for (int i = 0; i < count; ++i) {
        Random r(mixKey(seed, kClinicianStream, static_cast<std::uint64_t>(i)));
        Staff& staff = roster.staff[static_cast<std::size_t>(i)];
        Clinician& record = roster.clinicians[static_cast<std::size_t>(i)].record;
        const bool supervisor = i < supervisors;

        static constexpr License kSupervisorLicenses[] = {License::PsyD, License::LCSW, License::LPC, License::LMFT};
        static constexpr License kLicenses[] = {License::LCSW, License::LPC, License::LMFT,
                                                License::PsyD, License::Associate, License::Intern};
        static constexpr double kLicenseWeights[] = {0.24, 0.24, 0.16, 0.06, 0.20, 0.10};
        staff.license = supervisor ? kSupervisorLicenses[i % 4] : kLicenses[r.weighted(kLicenseWeights)];

        record.name = clinicianName(i);
        if (staff.license == License::PsyD && !titled) {
            record.name = "Dr " + record.name; // exports carry whatever the EHR profile says
            titled = true;
        }
        record.clinicianType = std::string(licenseText(staff.license));

        static constexpr std::uint8_t kSupervisorLocations[] = {0, 1, 0, 2};
        static constexpr double kLocationWeights[] = {0.45, 0.33, 0.22};
        staff.location = supervisor ? kSupervisorLocations[i % 4]
                                    : static_cast<std::uint8_t>(r.weighted(kLocationWeights));
        record.location = std::string(kLocations[staff.location]);

        if (i < founders) {
            const int before = i == 0 ? r.between(60, 120) : r.between(0, 45);
            staff.firstDay = historySerial - before;
            // One founder's start date was never entered: metrics fall back to the
            // first appointment.
            if (!(i == supervisors && count >= 6))
                record.startDate = fromSerial(staff.firstDay);
        } else if (i < count - recent) {
            const int from = historySerial + 60;
            const int span = std::max(1, endSerial - 120 - from);
            const double at = (i - founders + r.uniform(0.2, 0.8)) / std::max(1, hiredLater);
            staff.firstDay = toSerial(weekStart(fromSerial(from + static_cast<int>(at * span))));
            record.startDate = fromSerial(staff.firstDay);
        } else {
            staff.firstDay = toSerial(weekStart(addDays(end, -r.between(7, 83))));
            record.startDate = fromSerial(staff.firstDay);
        }

        record.hourlyRate = hourlyRateFor(staff.license, supervisor, r);

        // Interns work three days, most others four or five; a few see clients on Saturdays.
        staff.workdays = 0x1f;
        if (staff.license == License::Intern) {
            staff.workdays = 0;
            int days = 0;
            while (days < 3) {
                const int wd = r.between(0, 4);
                if (!(staff.workdays & (1u << wd))) {
                    staff.workdays = static_cast<std::uint8_t>(staff.workdays | (1u << wd));
                    ++days;
                }
            }
        } else if (r.chance(0.3)) {
            staff.workdays = static_cast<std::uint8_t>(staff.workdays & ~(1u << r.between(0, 4)));
        }
        if (r.chance(0.15))
            staff.workdays = static_cast<std::uint8_t>(staff.workdays | (1u << 5));
        staff.startOffset = r.chance(0.2) ? 30 : 0;
        staff.sessionMinutes = r.chance(0.2) ? 60 : 53;
        staff.noteLag = r.chance(0.1) ? 3.0 : r.uniform(0.5, 1.2);
        staff.unmarked = r.chance(0.1) ? 4.0 : 1.0;
        if (i % 8 == 5 && staff.license != License::Intern) {
            staff.groupWeekday = r.between(1, 3); // Tuesday to Thursday evenings
            staff.groupHour = r.chance(0.5) ? 17 : 18;
            staff.startOffset = 0;
            staff.workdays = static_cast<std::uint8_t>(staff.workdays | (1u << staff.groupWeekday));
        }
    }

    // A few clinicians left during the history (never a supervisor, never a new hire).
    const int leaving = count >= 8 ? std::max(2, roundToInt(count * 0.08)) : 0;
    std::vector<int> candidates;
    for (int i = supervisors; i < count - recent; ++i)
        if (roster.staff[static_cast<std::size_t>(i)].firstDay <= endSerial - 400)
            candidates.push_back(i);
    for (int n = 0; n < leaving && !candidates.empty(); ++n) {
        const auto pick = random.below(static_cast<std::uint32_t>(candidates.size()));
        const int i = candidates[pick];
        candidates.erase(candidates.begin() + pick);
        Staff& staff = roster.staff[static_cast<std::size_t>(i)];
        const int lo = std::max(staff.firstDay + 270, historySerial + 180);
        const int hi = endSerial - 45;
        if (lo > hi)
            continue;
        // Their last day is a Friday.
        const int around = lo + static_cast<int>(random.below(static_cast<std::uint32_t>(hi - lo + 1)));
        staff.lastDay = toSerial(weekStart(fromSerial(around))) + 4;
        roster.clinicians[static_cast<std::size_t>(i)].record.endDate = fromSerial(staff.lastDay);
    }

    // The first supervisor is the clinical director and supervises the other supervisors;
    // everyone else reports to a supervisor at their own location when there is one.
    for (int i = 0; i < count; ++i) {
        Clinician& record = roster.clinicians[static_cast<std::size_t>(i)].record;
        if (i == 0)
            continue;
        if (i < supervisors) {
            record.supervisor = roster.clinicians[0].record.name;
            continue;
        }
        std::vector<int> local;
        for (int s = 0; s < supervisors; ++s)
            if (roster.staff[static_cast<std::size_t>(s)].location
                == roster.staff[static_cast<std::size_t>(i)].location)
                local.push_back(s);
        const int chosen = local.empty() ? i % supervisors : local[static_cast<std::size_t>(i) % local.size()];
        record.supervisor = roster.clinicians[static_cast<std::size_t>(chosen)].record.name;
    }

    for (int i = 0; i < count; ++i) {
        Random r(mixKey(seed, kClinicianStream, static_cast<std::uint64_t>(i), 1));
        planGoals(roster.clinicians[static_cast<std::size_t>(i)], roster.staff[static_cast<std::size_t>(i)],
                  i < supervisors, historyStart, end, r);
    }
    return roster;
}

} // namespace caseboard::demo
