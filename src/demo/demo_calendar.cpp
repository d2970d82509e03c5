#include "demo_calendar.h"

#include <chrono>

namespace caseboard::demo {
namespace {

using namespace std::chrono;

// The n-th (1-based) given weekday of a month; n = -1 is the last one.
Day nthWeekday(int year, unsigned month, weekday wd, int n)
{
    if (n > 0)
        return Day{std::chrono::year{year} / std::chrono::month{month} / wd[static_cast<unsigned>(n)]};
    return Day{std::chrono::year{year} / std::chrono::month{month} / wd[last]};
}

// A fixed-date holiday that falls on a weekend is observed on the Friday before or the
// Monday after, as US offices do.
Day observed(Day day)
{
    const int wd = weekdayIndex(day);
    if (wd == 5)
        return addDays(day, -1);
    if (wd == 6)
        return addDays(day, 1);
    return day;
}

} // namespace

int weekdayIndex(Day day)
{
    // iso_encoding: Monday 1 .. Sunday 7.
    return static_cast<int>(weekday{day}.iso_encoding()) - 1;
}

Day weekStart(Day day) { return addDays(day, -weekdayIndex(day)); }

int weekNumber(Day monday)
{
    const int days = toSerial(monday) - 4;
    return days >= 0 ? days / 7 : -((-days + 6) / 7);
}

int yearOf(Day day) { return static_cast<int>(year_month_day{day}.year()); }

DemoCalendar::DemoCalendar(Day first, Day last) : first_(first)
{
    const int count = daysBetween(first, last) + 1;
    days_.resize(count > 0 ? static_cast<std::size_t>(count) : 0);

    auto info = [&](Day day) -> DayInfo* {
        const int index = daysBetween(first_, day);
        if (index < 0 || index >= static_cast<int>(days_.size()))
            return nullptr;
        return &days_[static_cast<std::size_t>(index)];
    };
    auto setAbsence = [&](Day day, double absence) {
        if (DayInfo* d = info(day))
            d->absence = absence;
    };
    auto close = [&](Day day) {
        if (DayInfo* d = info(day))
            d->closed = true;
    };

    for (Day day = first; day <= last; day = addDays(day, 1)) {
        if (weekdayIndex(day) == 6)
            close(day);
        const year_month_day ymd{day};
        const unsigned month = static_cast<unsigned>(ymd.month());
        // Families travel in July and August, and clinicians take their holidays then.
        if (month == 7 || month == 8)
            setAbsence(day, 0.20);
    }

    const int firstYear = static_cast<int>(year_month_day{first}.year()) - 1;
    const int lastYear = static_cast<int>(year_month_day{last}.year()) + 1;
    for (int y = firstYear; y <= lastYear; ++y) {
        // The fortnight around Christmas and New Year is the emptiest of the year.
        for (Day day = makeDay(y, 12, 20); day <= makeDay(y + 1, 1, 3); day = addDays(day, 1))
            setAbsence(day, 0.45);
        setAbsence(makeDay(y, 12, 24), 0.75);
        setAbsence(makeDay(y, 12, 31), 0.65);

        const Day thanksgiving = nthWeekday(y, 11, Thursday, 4);
        for (int d = -3; d <= -1; ++d)
            setAbsence(addDays(thanksgiving, d), 0.30);

        close(observed(makeDay(y, 1, 1)));
        close(nthWeekday(y, 5, Monday, -1));  // Memorial Day
        close(observed(makeDay(y, 7, 4)));
        close(nthWeekday(y, 9, Monday, 1));   // Labor Day
        close(thanksgiving);
        close(addDays(thanksgiving, 1));
        close(observed(makeDay(y, 12, 25)));
    }
}

const DemoCalendar::DayInfo* DemoCalendar::find(Day day) const
{
    const int index = daysBetween(first_, day);
    if (index < 0 || index >= static_cast<int>(days_.size()))
        return nullptr;
    return &days_[static_cast<std::size_t>(index)];
}

bool DemoCalendar::closed(Day day) const
{
    if (const DayInfo* d = find(day))
        return d->closed;
    return weekdayIndex(day) == 6;
}

double DemoCalendar::seasonalAbsence(Day day) const
{
    if (const DayInfo* d = find(day))
        return d->absence;
    return 0.0;
}

double DemoCalendar::referralWeight(Day day) const
{
    if (closed(day))
        return 0.0;
    // People look for a therapist after the holidays and when school starts; far fewer
    // do in December and in the summer.
    static constexpr double kByMonth[12] = {1.35, 1.15, 1.10, 1.0, 1.0, 0.90, 0.75, 0.80, 1.15, 1.10, 0.90, 0.60};
    const unsigned month = static_cast<unsigned>(year_month_day{day}.month());
    double weight = kByMonth[month - 1];
    if (weekdayIndex(day) == 5)
        weight *= 0.2;
    return weight * (1.0 - seasonalAbsence(day));
}

} // namespace caseboard::demo
