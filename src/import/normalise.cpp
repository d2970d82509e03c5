#include "caseboard/import/normalise.h"

#include <charconv>
#include <cstdint>

namespace caseboard::import {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i]))
            return false;
    return true;
}

// Reads 1..maxDigits digits at `pos`, advancing it.
std::optional<int> readNumber(std::string_view text, std::size_t& pos, std::size_t maxDigits)
{
    const std::size_t start = pos;
    int value = 0;
    while (pos < text.size() && isDigit(text[pos]) && pos - start < maxDigits)
        value = value * 10 + (text[pos++] - '0');
    if (pos == start)
        return std::nullopt;
    return value;
}

int expandYear(int year, std::size_t digits)
{
    if (digits > 2)
        return year;
    return year < 70 ? 2000 + year : 1900 + year;
}

// ISO time zones ("Z", "+02:00") are dropped: appointments are kept in the practice's
// own calendar, the one the EHR showed.
std::string_view stripZone(std::string_view text)
{
    if (!text.empty() && (text.back() == 'Z' || text.back() == 'z'))
        return text.substr(0, text.size() - 1);
    if (text.size() > 6) {
        const std::size_t sign = text.size() - 6;
        if ((text[sign] == '+' || text[sign] == '-') && text[sign + 3] == ':')
            return text.substr(0, sign);
    }
    return text;
}

} // namespace

std::string_view trim(std::string_view text)
{
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

bool isBlankField(std::string_view text)
{
    text = trim(text);
    return text.empty() || text == "--";
}

std::optional<int> parseTimeOfDay(std::string_view text)
{
    text = trim(text);
    std::size_t pos = 0;
    const auto hour = readNumber(text, pos, 2);
    if (!hour || pos >= text.size() || text[pos] != ':')
        return std::nullopt;
    ++pos;
    const std::size_t minuteStart = pos;
    const auto minute = readNumber(text, pos, 2);
    if (!minute || pos - minuteStart != 2 || *minute > 59)
        return std::nullopt;
    if (pos < text.size() && text[pos] == ':') { // seconds are read and dropped
        ++pos;
        const std::size_t secondStart = pos;
        const auto second = readNumber(text, pos, 2);
        if (!second || pos - secondStart != 2 || *second > 59)
            return std::nullopt;
        if (pos < text.size() && text[pos] == '.') { // fractions of a second
            ++pos;
            while (pos < text.size() && isDigit(text[pos]))
                ++pos;
        }
    }
    const std::string_view suffix = trim(text.substr(pos));
    int h = *hour;
    if (suffix.empty()) {
        if (h > 23)
            return std::nullopt;
    } else if (equalsIgnoreCase(suffix, "am") || equalsIgnoreCase(suffix, "a.m.") || equalsIgnoreCase(suffix, "pm")
               || equalsIgnoreCase(suffix, "p.m.")) {
        if (h < 1 || h > 12)
            return std::nullopt;
        const bool pm = lower(suffix[0]) == 'p';
        h = h % 12 + (pm ? 12 : 0);
    } else {
        return std::nullopt;
    }
    return h * 60 + *minute;
}

std::optional<DateTime> parseDateTime(std::string_view text)
{
    text = trim(text);
    if (text.empty())
        return std::nullopt;

    // Unix milliseconds: 13 digits and nothing else.
    if (text.size() == 13) {
        bool digits = true;
        for (char c : text)
            digits = digits && isDigit(c);
        if (digits) {
            std::int64_t ms = 0;
            std::from_chars(text.data(), text.data() + text.size(), ms);
            const std::int64_t seconds = ms / 1000;
            const std::int64_t days = seconds / 86400;
            DateTime result{fromSerial(static_cast<int>(days)), static_cast<int>((seconds % 86400) / 60)};
            return result;
        }
    }

    std::size_t pos = 0;
    const std::size_t firstStart = pos;
    const auto first = readNumber(text, pos, 4);
    if (!first || pos >= text.size())
        return std::nullopt;
    const std::size_t firstDigits = pos - firstStart;
    const char separator = text[pos];
    if (separator != '/' && separator != '-')
        return std::nullopt;
    ++pos;
    const auto second = readNumber(text, pos, 2);
    if (!second || pos >= text.size() || text[pos] != separator)
        return std::nullopt;
    ++pos;
    const std::size_t thirdStart = pos;
    const auto third = readNumber(text, pos, 4);
    if (!third)
        return std::nullopt;
    const std::size_t thirdDigits = pos - thirdStart;

    std::optional<Day> day;
    if (firstDigits == 4) { // 2025-10-06 or 2025/10/06
        if (thirdDigits > 2)
            return std::nullopt;
        day = makeValidDay(*first, *second, *third);
    } else { // 10/06/2025, 6/2/26, 10-06-2025
        if (firstDigits > 2 || (thirdDigits != 2 && thirdDigits != 4))
            return std::nullopt;
        day = makeValidDay(expandYear(*third, thirdDigits), *first, *second);
    }
    if (!day)
        return std::nullopt;

    DateTime result{*day, std::nullopt};
    std::string_view rest = text.substr(pos);
    if (rest.empty())
        return result;
    if (rest.front() != ' ' && rest.front() != 'T' && rest.front() != 't')
        return std::nullopt;
    rest = trim(stripZone(trim(rest.substr(1))));
    if (rest.empty())
        return result;
    const auto minute = parseTimeOfDay(rest);
    if (!minute)
        return std::nullopt;
    result.minute = minute;
    return result;
}

std::optional<Cents> parseMoney(std::string_view text)
{
    text = trim(text);
    bool negative = false;
    if (text.size() >= 2 && text.front() == '(' && text.back() == ')') {
        negative = true;
        text = trim(text.substr(1, text.size() - 2));
    }
    if (!text.empty() && text.front() == '-') {
        negative = !negative;
        text = trim(text.substr(1));
    } else if (!text.empty() && text.front() == '+') {
        text = trim(text.substr(1));
    }
    if (!text.empty() && text.front() == '$')
        text = trim(text.substr(1));
    if (!text.empty() && text.front() == '-' && !negative) { // "$-32.00"
        negative = true;
        text = trim(text.substr(1));
    }
    if (text.empty())
        return std::nullopt;

    std::int64_t whole = 0;
    std::size_t pos = 0;
    std::size_t digits = 0;
    std::size_t groupDigits = 0;
    bool grouped = false;
    for (; pos < text.size() && text[pos] != '.'; ++pos) {
        const char c = text[pos];
        if (c == ',') {
            // Thousands separators must sit between groups of three.
            if (digits == 0 || (grouped && groupDigits != 3) || (!grouped && groupDigits > 3))
                return std::nullopt;
            grouped = true;
            groupDigits = 0;
            continue;
        }
        if (!isDigit(c) || digits >= 15)
            return std::nullopt;
        whole = whole * 10 + (c - '0');
        ++digits;
        ++groupDigits;
    }
    if (grouped && groupDigits != 3)
        return std::nullopt;
    std::int64_t cents = 0;
    if (pos < text.size()) { // the decimal part
        ++pos;
        std::size_t decimals = 0;
        for (; pos < text.size(); ++pos, ++decimals) {
            const char c = text[pos];
            if (!isDigit(c))
                return std::nullopt;
            if (decimals < 2)
                cents = cents * 10 + (c - '0');
            else if (c != '0')
                return std::nullopt; // fractions of a cent are not money
        }
        if (decimals == 1)
            cents *= 10;
        if (digits == 0 && decimals == 0)
            return std::nullopt;
    } else if (digits == 0) {
        return std::nullopt;
    }
    const Cents value = whole * 100 + cents;
    return negative ? -value : value;
}

std::optional<int> parseDurationMinutes(std::string_view text)
{
    text = trim(text);
    if (text.empty() || text.front() == '-')
        return std::nullopt;
    if (text.find(':') != std::string_view::npos) { // h:mm
        std::size_t pos = 0;
        const auto hours = readNumber(text, pos, 2);
        if (!hours || pos >= text.size() || text[pos] != ':')
            return std::nullopt;
        ++pos;
        const std::size_t minuteStart = pos;
        const auto minutes = readNumber(text, pos, 2);
        if (!minutes || pos - minuteStart != 2 || *minutes > 59 || pos != text.size())
            return std::nullopt;
        return *hours * 60 + *minutes;
    }
    std::size_t pos = 0;
    const auto number = readNumber(text, pos, 5);
    if (!number)
        return std::nullopt;
    int tenths = 0;
    bool fraction = false;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        const std::size_t fractionStart = pos;
        const auto decimals = readNumber(text, pos, 1);
        if (!decimals)
            return std::nullopt;
        tenths = *decimals;
        fraction = pos > fractionStart;
        while (pos < text.size() && text[pos] == '0')
            ++pos;
    }
    const std::string_view unit = trim(text.substr(pos));
    if (unit.empty() || equalsIgnoreCase(unit, "m") || equalsIgnoreCase(unit, "min") || equalsIgnoreCase(unit, "mins")
        || equalsIgnoreCase(unit, "minute") || equalsIgnoreCase(unit, "minutes")) {
        if (fraction && tenths != 0)
            return std::nullopt;
        return *number;
    }
    if (equalsIgnoreCase(unit, "h") || equalsIgnoreCase(unit, "hr") || equalsIgnoreCase(unit, "hrs")
        || equalsIgnoreCase(unit, "hour") || equalsIgnoreCase(unit, "hours"))
        return *number * 60 + tenths * 6;
    return std::nullopt;
}

std::string normaliseServiceCode(std::string_view text)
{
    text = trim(text);
    std::size_t end = 0;
    while (end < text.size() && text[end] != ':' && !isSpace(text[end]))
        ++end;
    const std::string_view code = text.substr(0, end);
    const std::string_view rest = trim(text.substr(end));
    // Only a leading code followed by a description is cut; free text stays whole.
    const bool looksLikeCode = code.size() >= 4 && code.size() <= 6 && isDigit(code.back());
    if (looksLikeCode && (rest.empty() || text[end] == ':' || rest.front() == '-' || rest.front() == '('))
        return std::string(code);
    return std::string(text);
}

std::string normaliseName(std::string_view text)
{
    text = trim(text);
    if (text == "--")
        return {};
    std::string result;
    result.reserve(text.size());
    bool space = false;
    for (char c : text) {
        if (isSpace(c)) {
            space = true;
            continue;
        }
        if (space && !result.empty())
            result.push_back(' ');
        space = false;
        result.push_back(c);
    }
    return result;
}

StatusCategory applyChargeFlag(StatusCategory category, bool charged)
{
    if (category == StatusCategory::Cancelled && charged)
        return StatusCategory::LateCancel;
    if (category == StatusCategory::NoShow && !charged)
        return StatusCategory::Cancelled;
    return category;
}

StatusCategory applyCancelledWithInvoice(StatusCategory category, bool invoiced)
{
    return category == StatusCategory::Cancelled && invoiced ? StatusCategory::LateCancel : category;
}

std::optional<bool> parseFlag(std::string_view text)
{
    text = trim(text);
    for (std::string_view yes : {"yes", "y", "true", "1", "x", "charged", "charge"})
        if (equalsIgnoreCase(text, yes))
            return true;
    for (std::string_view no : {"no", "n", "false", "0", "", "not charged", "waived"})
        if (equalsIgnoreCase(text, no))
            return false;
    return std::nullopt;
}

} // namespace caseboard::import
