#pragma once
// The demo practice's team: who works there from when to when, at which location, with
// which weekly goals and leave, and how each books their week.

#include "caseboard/core/day.h"
#include "demo_plan.h"

#include <array>
#include <climits>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace caseboard::demo {

inline constexpr std::array<std::string_view, 3> kLocations{"Portland", "Salem", "Telehealth"};
inline constexpr std::uint8_t kTelehealth = 2;

inline constexpr int kForever = INT_MAX; // a clinician who never left, a slot never free

enum class License : std::uint8_t { PsyD, LCSW, LPC, LMFT, Associate, Intern };

std::string_view licenseText(License license);

// What the scheduler needs to know about a clinician beyond the stored record.
struct Staff {
    License license = License::LPC;
    std::uint8_t location = 0;
    int firstDay = 0;      // serial
    int lastDay = kForever; // serial of the last working day when they left
    std::vector<std::pair<int, int>> leave; // inclusive serial ranges with goal 0
    double targetCaseload = 0.0;
    std::uint8_t workdays = 0; // bit per weekdayIndex
    int startOffset = 0;       // 0 or 30 minutes past the hour
    int sessionMinutes = 53;   // how long they book a 90837
    double noteLag = 1.0;      // scales the chance of a note left unsigned
    double unmarked = 1.0;     // scales the chance of an appointment left unmarked
    int groupWeekday = -1;
    int groupHour = 0;

    bool onLeave(int serial) const
    {
        for (const auto& [from, to] : leave)
            if (serial >= from && serial <= to)
                return true;
        return false;
    }
};

struct Roster {
    std::vector<PlannedClinician> clinicians;
    std::vector<Staff> staff;
};

// Clinicians in order of hiring: the supervisors (the first is the clinical director)
// and the others who opened the practice when the history starts, hires spread over the
// history, a few in its last 90 days; a few leave before its end.
Roster planRoster(std::uint64_t seed, Day historyStart, Day end, int count);

} // namespace caseboard::demo
