#pragma once
// The demo practice's year: when the offices are closed, and how much the seasons thin
// out the schedule (the weeks around Christmas, Thanksgiving week, the summer holidays).

#include "caseboard/core/day.h"

#include <cstdint>
#include <vector>

namespace caseboard::demo {

class DemoCalendar {
public:
    // Covers [first, last]; days outside read as ordinary open days.
    DemoCalendar(Day first, Day last);

    // Sundays and the holidays the practice closes for (observed on the nearest weekday).
    bool closed(Day day) const;
    // Chance that a regular appointment on `day` is not booked at all because the client
    // or the clinician is away for the season (0 on ordinary days).
    double seasonalAbsence(Day day) const;
    // Relative rate of new referrals on `day` (0 when closed).
    double referralWeight(Day day) const;

private:
    struct DayInfo {
        bool closed = false;
        double absence = 0.0;
    };
    const DayInfo* find(Day day) const;

    Day first_;
    std::vector<DayInfo> days_;
};

// Monday (0) .. Sunday (6).
int weekdayIndex(Day day);
// The Monday on or before `day`.
Day weekStart(Day day);
// Weeks counted from Monday 1970-01-05 (negative before it): alternate weeks are told
// apart by parity.
int weekNumber(Day monday);
int yearOf(Day day);

} // namespace caseboard::demo
