#pragma once
// How engine values read on screen: days, times, money, counts.

#include "caseboard/core/day.h"
#include "caseboard/core/money.h"
#include "caseboard/core/note_status.h"
#include "caseboard/core/status.h"

#include <QDate>
#include <QString>

#include <optional>
#include <string>

namespace caseboard::app {

QDate toQDate(Day day);
QString toQString(const std::string& text);

QString formatDayWithWeekday(Day day);      // "Mon 2026-11-23"
QString formatDayMedium(Day day);           // "Nov 23, 2026"
QString formatStartTime(std::optional<int> minuteOfDay); // "9:00 AM" (locale), "—" when unknown
QString formatDuration(int minutes);        // "53 min", "1 h 30 min"
QString formatMoney(std::optional<Cents> cents); // "$160.00", "—" when unknown
QString formatCount(qint64 count);          // "1,000,000"
QString statusLabel(StatusCategory category);     // "Late cancel"
QString noteStatusLabel(NoteStatus status);       // "Signed", "Unsigned", "—"

// The placeholder for a value the data does not have.
QString missingValue();

} // namespace caseboard::app
