#include "caseboard/core/day.h"

#include <charconv>
#include <cstdio>
#include <ctime>

namespace caseboard {

std::string formatIsoDay(Day day)
{
    const std::chrono::year_month_day ymd{day};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buffer;
}

namespace {
bool parseDigits(std::string_view text, int& out)
{
    for (char c : text)
        if (c < '0' || c > '9')
            return false;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc{} && end == text.data() + text.size();
}
} // namespace

std::optional<Day> parseIsoDay(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    int year = 0, month = 0, dayOfMonth = 0;
    if (!parseDigits(text.substr(0, 4), year) || !parseDigits(text.substr(5, 2), month)
        || !parseDigits(text.substr(8, 2), dayOfMonth))
        return std::nullopt;
    return makeValidDay(year, month, dayOfMonth);
}

std::optional<Day> makeValidDay(int year, int month, int dayOfMonth)
{
    if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31)
        return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                          std::chrono::day{static_cast<unsigned>(dayOfMonth)}};
    if (!ymd.ok())
        return std::nullopt;
    return Day{ymd};
}

Day localToday()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return makeDay(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1), static_cast<unsigned>(local.tm_mday));
}

} // namespace caseboard
