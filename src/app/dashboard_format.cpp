#include "dashboard_format.h"

#include "display_format.h"

#include "caseboard/import/appointment_export.h"
#include "caseboard/metrics/pair_facts.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace caseboard::app {

namespace {
QString tr(const char* text) { return QCoreApplication::translate("DashboardFormat", text); }
} // namespace

QString formatPercent(std::optional<double> fraction)
{
    if (!fraction)
        return missingValue();
    return QLocale().toString(*fraction * 100.0, 'f', 1) + QLatin1Char('%');
}

QString formatPoints(double fractionDelta)
{
    return tr("%1 pts").arg(QLocale().toString(std::fabs(fractionDelta) * 100.0, 'f', 1));
}

QString formatGoal(double sessions)
{
    if (sessions == std::round(sessions))
        return formatCount(static_cast<qint64>(sessions));
    return QLocale().toString(sessions, 'f', 1);
}

QString formatDecimal(std::optional<double> value)
{
    return value ? QLocale().toString(*value, 'f', 1) : missingValue();
}

QString formatDollars(std::optional<double> dollars)
{
    if (!dollars)
        return missingValue();
    const auto whole = static_cast<qint64>(std::llround(*dollars));
    return (whole < 0 ? QStringLiteral("-$") : QStringLiteral("$")) + formatCount(whole < 0 ? -whole : whole);
}

QString formatSerialDay(std::int32_t serial)
{
    return serial == metrics::kNoDay ? missingValue() : formatDayMedium(fromSerial(serial));
}

QString retentionStatusLabel(metrics::RetentionStatus status)
{
    switch (status) {
    case metrics::RetentionStatus::Green: return tr("On target");
    case metrics::RetentionStatus::Yellow: return tr("Watch");
    case metrics::RetentionStatus::Red: return tr("Off target");
    case metrics::RetentionStatus::Unknown: break;
    }
    return missingValue();
}

QString caseloadReadingLabel(metrics::CaseloadReading reading)
{
    switch (reading) {
    case metrics::CaseloadReading::LosingClients: return tr("Losing clients");
    case metrics::CaseloadReading::NeedsReferrals: return tr("Needs referrals");
    case metrics::CaseloadReading::AtOrAboveBaseline: break;
    }
    return {};
}

QString clinicianName(const metrics::Snapshot& snapshot, std::size_t clinician)
{
    return clinician < snapshot.clinicians.size() ? toQString(snapshot.clinicians[clinician].name) : QString();
}

QString clientName(const metrics::Snapshot& snapshot, std::size_t client, bool initials)
{
    if (client >= snapshot.clients.size())
        return {};
    const std::string& name = snapshot.clients[client].displayName;
    return toQString(initials ? import::initialsOf(name) : name);
}

} // namespace caseboard::app
