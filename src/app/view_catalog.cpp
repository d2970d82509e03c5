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
                tr("The owner's weekly review"),
                tr("This week at a glance, on one screen"),
                {tr("The owner's weekly review: sessions against goal, cancellation rate, bookings target "
                    "vs upcoming bookings, caseloads and retention, on one screen."),
                 tr("It answers the Monday questions: are we on track this week, who has openings, who is "
                    "under their goal, and which new clients need a follow-up?")}};
    case ViewId::Clients:
        return {QStringLiteral("clients"), tr("Clients"), QStringLiteral("clients"),
                tr("Caseloads, retention and follow-ups"),
                tr("Who needs a follow-up"),
                {tr("Every client with their clinician, first and most recent session, sessions to date and "
                    "next booked appointment."),
                 tr("It will flag new clients without a second booking and active clients with nothing "
                    "scheduled, so the front desk knows whom to call, and show each clinician's caseload "
                    "against their baseline.")}};
    case ViewId::Appointments:
        return {QStringLiteral("appointments"), tr("Appointments"), QStringLiteral("appointments"),
                tr("Every appointment in the database"),
                {},
                {}};
    case ViewId::TeamSettings:
        return {QStringLiteral("team-settings"), tr("Team & Settings"), QStringLiteral("team-settings"),
                tr("Clinicians, goals and practice rules"),
                tr("Your team and its goals"),
                {tr("Your clinicians with their license type, location, supervisor, start date, hourly rate and "
                    "weekly session goals over time, including leave."),
                 tr("It also holds the practice rules every number depends on, such as whether billable "
                    "cancellations count toward goals and how many weeks a year are worked. Edits can be "
                    "undone.")}};
    case ViewId::Supervision:
        return {QStringLiteral("supervision"), tr("Supervision"), QStringLiteral("supervision"),
                tr("Monthly 1:1 packets for clinical directors"),
                tr("A packet for every 1:1"),
                {tr("A one-page packet for each clinician's monthly 1:1: sessions against goal, cancellation "
                    "and retention trends, clients at risk of dropping off, overdue notes and the goals agreed "
                    "last time."),
                 tr("It serves the clinical director preparing supervision, one clinician at a time.")}};
    case ViewId::Trends:
        return {QStringLiteral("trends"), tr("Trends"), QStringLiteral("trends"),
                tr("Year over year, by location and team"),
                tr("This year against last"),
                {tr("Completed sessions, cancellations, new clients and revenue week by week and month by "
                    "month, this year against last, by location, supervisor and clinician type."),
                 tr("It serves the owner's annual review and the goals set for the year ahead.")}};
    case ViewId::Payroll:
        return {QStringLiteral("payroll"), tr("Payroll"), QStringLiteral("payroll"),
                tr("Hours and sessions per pay period"),
                tr("Payroll hours you can check"),
                {tr("Hours and sessions per clinician for a pay period, from completed sessions and billable "
                    "cancellations, with group sessions counted once and each clinician's hourly rate."),
                 tr("It serves the admin checking the numbers before payroll runs.")}};
    case ViewId::Import:
        return {QStringLiteral("import"), tr("Import"), QStringLiteral("import"),
                tr("Bring in your EHR's exports"),
                tr("Imports from any EHR"),
                {tr("Import the CSV exports of SimplePractice, TherapyNotes, TheraNest, Jane, Owl or any other "
                    "EHR. Caseboard recognises the layout, shows a preview, and imports each file all or "
                    "nothing."),
                 tr("It serves the admin's weekly import: what was added, what changed, and every rejected "
                    "row with the reason."),
                 tr("Until this screen arrives, the same import runs from a terminal: "
                    "caseboard-cli import --db <database> <files>.")}};
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
