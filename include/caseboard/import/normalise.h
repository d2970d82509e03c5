#pragma once
// Normalisers turn the text of one export cell into a Caseboard value. Each returns
// nullopt when the text is not a valid value; callers check isBlankField() first,
// because a blank cell is "missing", which is not the same as "wrong".

#include "caseboard/core/day.h"
#include "caseboard/core/money.h"
#include "caseboard/core/status.h"

#include <optional>
#include <string>
#include <string_view>

namespace caseboard::import {

struct DateTime {
    Day day{};
    std::optional<int> minute; // minutes after midnight, when the cell had a time
};

// Empty, only white space, or "--" (SimplePractice's blank).
bool isBlankField(std::string_view text);

std::string_view trim(std::string_view text);

// "10/06/2025", "10/06/2025 12:00", "6/2/26", "2025-10-06", "2025-10-06T14:30:00",
// "10/06/2025 1:30 PM", and Unix milliseconds ("1759759200000", IntakeQ). Two-digit
// years are 2000–2069 or 1970–1999. US month-first order, as every US EHR writes it.
std::optional<DateTime> parseDateTime(std::string_view text);

// "13:30", "09:00:00", "1:30 PM", "1:30pm", "12:00 AM" -> minutes after midnight.
std::optional<int> parseTimeOfDay(std::string_view text);

// "160.0", "-32.0", "$1,250.00", "(32.00)" (accounting negative), " 45 " -> cents.
// At most two decimals, except trailing zeros ("160.000").
std::optional<Cents> parseMoney(std::string_view text);

// "53", "53 min", "50 minutes", "1:00" (h:mm), "1h", "1.5 h" -> minutes, never negative.
std::optional<int> parseDurationMinutes(std::string_view text);

// "90837 " -> "90837"; "90846: Family psychotherapy (...)" -> "90846";
// "90837 - Psychotherapy, 60 min" -> "90837". Other text is kept, trimmed.
std::string normaliseServiceCode(std::string_view text);

// Trims, folds runs of white space to one space, and reads "--" as blank.
std::string normaliseName(std::string_view text);

// "Charge Fee" flags (TherapyNotes): a charged cancellation is a late cancel; an
// uncharged miss was waived, so it is not billable: a plain cancellation.
StatusCategory applyChargeFlag(StatusCategory category, bool charged);

// Jane has no late-cancel state: a cancelled visit that carries an invoice is one.
StatusCategory applyCancelledWithInvoice(StatusCategory category, bool invoiced);

// "yes", "y", "true", "1", "x", "charged" -> true; "no", "n", "false", "0", "" -> false.
std::optional<bool> parseFlag(std::string_view text);

} // namespace caseboard::import
