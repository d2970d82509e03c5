#pragma once
// Calendar days. Every date in Caseboard is a whole day (std::chrono::sys_days):
// appointments, intakes and windows never need a time zone, and day arithmetic is
// exact. In the database a day is stored as its count of days since 1970-01-01.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace caseboard {

using Day = std::chrono::sys_days;

// Days since 1970-01-01, the form a day takes in the database and in compact arrays.
constexpr int toSerial(Day day) { return static_cast<int>(day.time_since_epoch().count()); }
constexpr Day fromSerial(int serial) { return Day{std::chrono::days{serial}}; }

constexpr Day makeDay(int year, unsigned month, unsigned dayOfMonth)
{
    return Day{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{dayOfMonth}};
}

constexpr Day addDays(Day day, int count) { return day + std::chrono::days{count}; }
constexpr int daysBetween(Day from, Day to) { return static_cast<int>((to - from).count()); }

// The day, when year, month and day of month name a real calendar date.
std::optional<Day> makeValidDay(int year, int month, int dayOfMonth);

// "YYYY-MM-DD" — the one textual form the engine writes and the CLI reads.
std::string formatIsoDay(Day day);
// Accepts exactly "YYYY-MM-DD" with a real calendar date; nullopt otherwise.
std::optional<Day> parseIsoDay(std::string_view text);

// Today in the machine's local time zone. Only the front ends call this: metrics take
// their as-of date as a parameter and never read the clock.
Day localToday();

} // namespace caseboard
