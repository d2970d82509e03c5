#include "display_format.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTime>

#include <chrono>

namespace caseboard::app {

QDate toQDate(Day day)
{
    const std::chrono::year_month_day ymd{day};
    return QDate(static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                 static_cast<int>(static_cast<unsigned>(ymd.day())));
}

QString toQString(const std::string& text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString formatDayWithWeekday(Day day)
{
    const QDate date = toQDate(day);
    return QLocale().dayName(date.dayOfWeek(), QLocale::ShortFormat) + QLatin1Char(' ')
        + date.toString(Qt::ISODate);
}

QString formatDayMedium(Day day)
{
    return QLocale().toString(toQDate(day), QStringLiteral("MMM d, yyyy"));
}

QString formatStartTime(std::optional<int> minuteOfDay)
{
    if (!minuteOfDay)
        return missingValue();
    const QTime time(*minuteOfDay / 60, *minuteOfDay % 60);
    return QLocale().toString(time, QLocale::ShortFormat);
}

QString formatDuration(int minutes)
{
    if (minutes <= 0)
        return missingValue();
    if (minutes < 120)
        return QCoreApplication::translate("DisplayFormat", "%1 min").arg(minutes);
    if (minutes % 60 == 0)
        return QCoreApplication::translate("DisplayFormat", "%1 h").arg(minutes / 60);
    return QCoreApplication::translate("DisplayFormat", "%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

QString formatMoney(std::optional<Cents> cents)
{
    if (!cents)
        return missingValue();
    return toQString(formatCentsDisplay(*cents));
}

QString formatCount(qint64 count) { return QLocale().toString(count); }

QString statusLabel(StatusCategory category)
{
    const std::string_view label = statusCategoryLabel(category);
    return QString::fromUtf8(label.data(), static_cast<qsizetype>(label.size()));
}

QString noteStatusLabel(NoteStatus status)
{
    switch (status) {
    case NoteStatus::Signed: return QCoreApplication::translate("DisplayFormat", "Signed");
    case NoteStatus::Unsigned: return QCoreApplication::translate("DisplayFormat", "Unsigned");
    case NoteStatus::Unknown: break;
    }
    return missingValue();
}

QString missingValue() { return QStringLiteral("\u2014"); }

} // namespace caseboard::app
