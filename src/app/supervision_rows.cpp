#include "supervision_rows.h"

#include "dashboard_format.h"
#include "display_format.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>

#include <cmath>
#include <functional>

namespace caseboard::app {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("SupervisionRows", text); }

using metrics::MonthNumbers;

enum class Kind { Count, Rate, Decimal, Dollars };
enum class Better { Higher, Lower, Neither };

struct Spec {
    SupervisionRowId id;
    QString label;
    QString help;
    Kind kind;
    Better better;
    std::function<std::optional<double>(const MonthNumbers&)> value;
    std::function<QString(const MonthNumbers&)> text; // when the cell shows more than the value
    std::function<std::optional<double>(const MonthNumbers&)> reference;
};

QString formatValue(Kind kind, std::optional<double> value)
{
    switch (kind) {
    case Kind::Count: return value ? formatCount(static_cast<qint64>(std::llround(*value))) : missingValue();
    case Kind::Rate: return formatPercent(value);
    case Kind::Decimal: return formatDecimal(value);
    case Kind::Dollars: return formatDollars(value);
    }
    return missingValue();
}

QString formatChange(Kind kind, double delta)
{
    const QString sign = delta > 0 ? QStringLiteral("+") : delta < 0 ? QStringLiteral("\u2212") : QString();
    switch (kind) {
    case Kind::Count: return sign + formatCount(static_cast<qint64>(std::llround(std::fabs(delta))));
    case Kind::Rate: return sign + formatPoints(delta);
    case Kind::Decimal: return sign + QLocale().toString(std::fabs(delta), 'f', 1);
    case Kind::Dollars: return sign + formatDollars(std::fabs(delta));
    }
    return {};
}

// What a cell says for a month with nothing to show.
std::optional<QString> absentText(const MonthNumbers& n)
{
    if (n.afterAsOf)
        return tr("not yet");
    if (n.beforeStart)
        return tr("not started");
    return std::nullopt;
}

std::vector<Spec> specs()
{
    const auto count = [](auto member) {
        return [member](const MonthNumbers& n) { return std::optional<double>(static_cast<double>(n.*member)); };
    };
    return {
        {SupervisionRowId::CountedSessions, tr("Counted sessions / goal"),
         tr("Completed sessions in the month (billable cancels too when the practice counts them), against the "
            "goal for the month: each day's weekly goal / 7."),
         Kind::Count, Better::Higher, count(&MonthNumbers::countedSessions),
         [](const MonthNumbers& n) {
             return tr("%1 / %2").arg(formatCount(n.countedSessions), formatGoal(n.goal));
         },
         [](const MonthNumbers& n) { return std::optional<double>(n.goal); }},
        {SupervisionRowId::Utilization, tr("Utilization"), tr("Counted sessions / goal for the month."), Kind::Rate,
         Better::Higher, [](const MonthNumbers& n) { return n.utilization; }, nullptr, nullptr},
        {SupervisionRowId::CancellationRate, tr("Cancellation rate"),
         tr("Cancelled, late-cancelled and no-show appointments / all past appointments of the month."),
         Kind::Rate, Better::Lower, [](const MonthNumbers& n) { return n.cancellation.cancellation; }, nullptr,
         nullptr},
        {SupervisionRowId::LateCancelRate, tr("Late-cancel rate"), tr("Late cancels / past appointments."),
         Kind::Rate, Better::Lower, [](const MonthNumbers& n) { return n.cancellation.lateCancel; }, nullptr,
         nullptr},
        {SupervisionRowId::NoShowRate, tr("No-show rate"), tr("No-shows / past appointments."), Kind::Rate,
         Better::Lower, [](const MonthNumbers& n) { return n.cancellation.noShow; }, nullptr, nullptr},
        {SupervisionRowId::Intakes, tr("Intakes"), tr("New clients whose first session with the clinician fell in the month."),
         Kind::Count, Better::Higher, count(&MonthNumbers::intakes), nullptr, nullptr},
        {SupervisionRowId::Rebooked, tr("Intakes re-booked"),
         tr("Of the month's intakes, those with a later appointment (held or booked) by the month's end."),
         Kind::Rate, Better::Higher, [](const MonthNumbers& n) { return n.rebookingRate; },
         [](const MonthNumbers& n) {
             if (n.intakes == 0)
                 return missingValue();
             return tr("%1 of %2").arg(formatCount(n.rebooked), formatCount(n.intakes));
         },
         nullptr},
        {SupervisionRowId::ActiveClients, tr("Active clients / baseline"),
         tr("Clients seen in the last active-window days or booked ahead, at the month's end, against the "
            "caseload baseline (multiplier x weekly goal)."),
         Kind::Count, Better::Higher, count(&MonthNumbers::activeClients),
         [](const MonthNumbers& n) {
             return tr("%1 / %2").arg(formatCount(n.activeClients), formatGoal(n.caseloadBaseline));
         },
         [](const MonthNumbers& n) { return std::optional<double>(n.caseloadBaseline); }},
        {SupervisionRowId::Retention, tr("Retention (12 months)"),
         tr("Of the clients who started in the 12 months to the month's end (and had time to), the share who "
            "reached the retention threshold."),
         Kind::Rate, Better::Higher, [](const MonthNumbers& n) { return n.retention.retentionRate; }, nullptr,
         nullptr},
        {SupervisionRowId::Churn, tr("Churn (12 months)"), tr("Of the same clients, the share who stopped early."),
         Kind::Rate, Better::Lower, [](const MonthNumbers& n) { return n.retention.churnRate; }, nullptr, nullptr},
        {SupervisionRowId::AvgSessions, tr("Avg sessions per client"),
         tr("Sessions per client over the same 12-month cohort."), Kind::Decimal, Better::Higher,
         [](const MonthNumbers& n) { return n.retention.avgSessionsPerClient; }, nullptr, nullptr},
        {SupervisionRowId::LifetimeValue, tr("Client lifetime value"),
         tr("Average sessions per client x average revenue per session, over the 12 months."), Kind::Dollars,
         Better::Higher, [](const MonthNumbers& n) { return n.retention.lifetimeValue; }, nullptr, nullptr},
        {SupervisionRowId::OverdueNotes, tr("Overdue notes"),
         tr("Sessions due by the month's end whose note is still unsigned."), Kind::Count, Better::Lower,
         count(&MonthNumbers::overdueNotes), nullptr, nullptr},
    };
}

} // namespace

std::vector<SupervisionRow> supervisionRows(const metrics::ClinicianMonth& month)
{
    std::vector<SupervisionRow> rows;
    if (month.trend.size() < 2)
        return rows;
    for (const Spec& spec : specs()) {
        SupervisionRow row;
        row.id = spec.id;
        row.label = spec.label;
        row.help = spec.help;
        const auto cell = [&spec](const MonthNumbers& n) {
            if (const auto absent = absentText(n))
                return *absent;
            return spec.text ? spec.text(n) : formatValue(spec.kind, spec.value(n));
        };
        const auto valueOf = [&spec](const MonthNumbers& n) {
            return n.afterAsOf || n.beforeStart ? std::nullopt : spec.value(n);
        };
        row.current = cell(month.current());
        row.previous = cell(month.previous());
        row.lastYear = cell(month.sameMonthLastYear());
        const auto now = valueOf(month.current());
        const auto before = valueOf(month.previous());
        if (now && before) {
            const double delta = *now - *before;
            row.change = std::fabs(delta) < 1e-12 ? tr("same") : formatChange(spec.kind, delta);
            if (spec.better != Better::Neither && std::fabs(delta) >= 1e-12)
                row.changeSign = (delta > 0) == (spec.better == Better::Higher) ? 1 : -1;
        }
        bool anyReference = false;
        for (const MonthNumbers& n : month.trend) {
            row.trend.push_back(valueOf(n));
            const auto reference = spec.reference && !n.afterAsOf ? spec.reference(n) : std::nullopt;
            row.reference.push_back(reference.value_or(0.0));
            anyReference = anyReference || reference.has_value();
        }
        if (!anyReference)
            row.reference.clear();
        rows.push_back(std::move(row));
    }
    return rows;
}

QString monthName(metrics::CalendarMonth month)
{
    return QLocale().standaloneMonthName(static_cast<int>(month.month)) + QLatin1Char(' ')
         + QString::number(month.year);
}

QString monthLabel(const metrics::MonthNumbers& numbers)
{
    const QString name = QLocale().standaloneMonthName(static_cast<int>(numbers.month.month), QLocale::ShortFormat)
                       + QLatin1Char(' ') + QString::number(numbers.month.year);
    if (!numbers.partial)
        return name;
    const std::chrono::year_month_day ymd{numbers.asOf};
    return tr("%1 (to %2)").arg(name).arg(static_cast<unsigned>(ymd.day()));
}

} // namespace caseboard::app
