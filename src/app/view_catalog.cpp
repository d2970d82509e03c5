#include "view_catalog.h"

#include <QCoreApplication>

namespace caseboard::app {

namespace {
QString tr(const char* text) { return QCoreApplication::translate("ViewCatalog", text); }
} // namespace

ViewInfo viewInfo(ViewId id)
{
    switch (id) {
    case ViewId::Dashboard:
        return {QStringLiteral("dashboard"), tr("Dashboard"), QStringLiteral("dashboard"),
                tr("The owner's weekly review")};
    case ViewId::Clients:
        return {QStringLiteral("clients"), tr("Clients"), QStringLiteral("clients"),
                tr("Caseloads, retention and follow-ups")};
    case ViewId::Appointments:
        return {QStringLiteral("appointments"), tr("Appointments"), QStringLiteral("appointments"),
                tr("Every appointment in the database")};
    case ViewId::TeamSettings:
        return {QStringLiteral("team-settings"), tr("Team & Settings"), QStringLiteral("team-settings"),
                tr("Clinicians, goals and practice rules")};
    case ViewId::Supervision:
        return {QStringLiteral("supervision"), tr("Supervision"), QStringLiteral("supervision"),
                tr("Monthly 1:1 packets for clinical directors")};
    case ViewId::Trends:
        return {QStringLiteral("trends"), tr("Trends"), QStringLiteral("trends"),
                tr("Year over year, by location and team")};
    case ViewId::Payroll:
        return {QStringLiteral("payroll"), tr("Payroll"), QStringLiteral("payroll"),
                tr("Hours and sessions per pay period")};
    case ViewId::Import:
        return {QStringLiteral("import"), tr("Import"), QStringLiteral("import"),
                tr("Bring in your EHR's exports")};
    }
    return {};
}

int viewIndex(ViewId id) { return static_cast<int>(id); }

QString menuText(const ViewInfo& info)
{
    QString text = info.title;
    text.replace(QLatin1Char('&'), QStringLiteral("&&"));
    return text;
}

} // namespace caseboard::app
