#include "clinician_table_model.h"

#include "app_style.h"
#include "dashboard_format.h"
#include "display_format.h"
#include "signal_colors.h"

#include <QBrush>
#include <QFont>
#include <QPainter>
#include <QPixmap>

namespace caseboard::app {

namespace {

using metrics::ClinicianSummary;
using metrics::RetentionStatus;

QString title(ClinicianColumn column)
{
    switch (column) {
    case ClinicianColumn::Name: return ClinicianTableModel::tr("Clinician");
    case ClinicianColumn::WeeklyGoal: return ClinicianTableModel::tr("Goal");
    case ClinicianColumn::Counted: return ClinicianTableModel::tr("7 days");
    case ClinicianColumn::Utilization: return ClinicianTableModel::tr("Utilization");
    case ClinicianColumn::CancellationRate: return ClinicianTableModel::tr("Cancel %");
    case ClinicianColumn::Bookings: return ClinicianTableModel::tr("Booked");
    case ClinicianColumn::Openings: return ClinicianTableModel::tr("Openings");
    case ClinicianColumn::ActiveClients: return ClinicianTableModel::tr("Active");
    case ClinicianColumn::Caseload: return ClinicianTableModel::tr("Caseload");
    case ClinicianColumn::Retention: return ClinicianTableModel::tr("Retention");
    case ClinicianColumn::OverdueNotes: return ClinicianTableModel::tr("Notes");
    }
    return {};
}

QString headerToolTip(ClinicianColumn column)
{
    switch (column) {
    case ClinicianColumn::WeeklyGoal:
        return ClinicianTableModel::tr("Weekly goal: counted sessions expected per week, from the team settings.");
    case ClinicianColumn::Counted:
        return ClinicianTableModel::tr("Counted sessions in the last 7 days: completed sessions, a group counting once.");
    case ClinicianColumn::Utilization:
        return ClinicianTableModel::tr("Counted sessions in the last 7 days as a share of the goal for those days. "
                                       "Below 80% is under-performing.");
    case ClinicianColumn::CancellationRate:
        return ClinicianTableModel::tr("Share of booked client visits in the last 12 weeks that did not happen "
                                       "because the client cancelled or did not come.");
    case ClinicianColumn::Bookings:
        return ClinicianTableModel::tr("Sessions already booked for the next 7 days / the weekly bookings target: "
                                       "how many to book so that, after the usual cancellations, the weekly goal "
                                       "is still met.");
    case ClinicianColumn::Openings:
        return ClinicianTableModel::tr("Sessions still to book to reach the bookings target; urgent when even the "
                                       "weekly goal is not booked.");
    case ClinicianColumn::ActiveClients:
        return ClinicianTableModel::tr("Active clients (seen in the last 30 days or booked ahead) against the "
                                       "caseload baseline (2 \u00d7 weekly goal).");
    case ClinicianColumn::Caseload:
        return ClinicianTableModel::tr("Below baseline: \u201closing clients\u201d when retention is red or yellow, "
                                       "\u201cneeds referrals\u201d otherwise.");
    case ClinicianColumn::Retention:
        return ClinicianTableModel::tr("Retention and churn over 12 months against the practice's: on target, "
                                       "watch (a miss of 5 points or less) or off target.");
    case ClinicianColumn::OverdueNotes:
        return ClinicianTableModel::tr("Sessions 3 or more days old whose progress note is not signed.");
    default: return {};
    }
}

QVariant optionalNumber(const std::optional<double>& value)
{
    return value ? QVariant(*value) : QVariant(-1.0);
}

QPixmap warningMark()
{
    static const QPixmap mark = [] {
        constexpr int size = 24;
        QPixmap pixmap(size, size);
        pixmap.setDevicePixelRatio(2.0);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(signalInk(Signal::Bad));
        const qreal s = size / 2.0;
        painter.drawPolygon(QPolygonF({QPointF(s / 2, s * 0.15), QPointF(s * 0.95, s * 0.88),
                                       QPointF(s * 0.05, s * 0.88)}));
        painter.setPen(QPen(Qt::white, 1.3));
        painter.drawLine(QPointF(s / 2, s * 0.42), QPointF(s / 2, s * 0.63));
        painter.drawPoint(QPointF(s / 2, s * 0.76));
        return pixmap;
    }();
    return mark;
}

} // namespace

ClinicianTableModel::ClinicianTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ClinicianTableModel::setResult(std::shared_ptr<const DashboardResult> result)
{
    beginResetModel();
    result_ = std::move(result);
    rows_.clear();
    if (result_)
        for (const metrics::ClinicianSummary& c : result_->current.clinicians)
            if (c.onStaff) // a former clinician's row would be all zeros
                rows_.push_back(&c);
    endResetModel();
}

const metrics::ClinicianSummary* ClinicianTableModel::summaryAt(int row) const
{
    if (row < 0 || static_cast<std::size_t>(row) >= rows_.size())
        return nullptr;
    return rows_[static_cast<std::size_t>(row)];
}

int ClinicianTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ClinicianTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kClinicianColumnCount;
}

QString ClinicianTableModel::displayText(const metrics::Snapshot& snapshot, const ClinicianSummary& c,
                                         ClinicianColumn column)
{
    switch (column) {
    case ClinicianColumn::Name: return clinicianName(snapshot, c.clinician);
    case ClinicianColumn::WeeklyGoal: return formatGoal(c.weeklyGoal);
    case ClinicianColumn::Counted: return formatCount(c.countedLast7d);
    case ClinicianColumn::Utilization: return formatPercent(c.utilizationLast7d);
    case ClinicianColumn::CancellationRate: return formatPercent(c.cancellation12w.cancellation);
    case ClinicianColumn::Bookings:
        return QStringLiteral("%1 / %2").arg(formatCount(c.upcomingNext7d.sessions),
                                             c.bookingsTarget.target ? formatCount(*c.bookingsTarget.target)
                                                                     : missingValue());
    case ClinicianColumn::Openings:
        if (c.openings == 0)
            return missingValue();
        return c.openingsUrgent ? tr("%1 urgent").arg(formatCount(c.openings)) : formatCount(c.openings);
    case ClinicianColumn::ActiveClients:
        return QStringLiteral("%1 / %2").arg(formatCount(c.activeClients), formatGoal(c.caseloadBaseline));
    case ClinicianColumn::Caseload: return caseloadReadingLabel(c.caseloadReading);
    case ClinicianColumn::Retention: return retentionStatusLabel(c.retentionStatus);
    case ClinicianColumn::OverdueNotes: return c.overdueNotes == 0 ? missingValue() : formatCount(c.overdueNotes);
    }
    return {};
}

QVariant ClinicianTableModel::data(const QModelIndex& index, int role) const
{
    const ClinicianSummary* c = index.isValid() ? summaryAt(index.row()) : nullptr;
    if (!c)
        return {};
    const auto column = static_cast<ClinicianColumn>(index.column());
    const bool under = c->underPerforming.value_or(false);
    switch (role) {
    case Qt::DisplayRole: return displayText(*result_->snapshot, *c, column);
    case Qt::TextAlignmentRole:
        if (column == ClinicianColumn::Name || column == ClinicianColumn::Caseload
            || column == ClinicianColumn::Retention)
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case SortRole:
        switch (column) {
        case ClinicianColumn::Name: return clinicianName(*result_->snapshot, c->clinician);
        case ClinicianColumn::WeeklyGoal: return c->weeklyGoal;
        case ClinicianColumn::Counted: return static_cast<qlonglong>(c->countedLast7d);
        case ClinicianColumn::Utilization: return optionalNumber(c->utilizationLast7d);
        case ClinicianColumn::CancellationRate: return optionalNumber(c->cancellation12w.cancellation);
        case ClinicianColumn::Bookings:
            return c->bookingsTarget.target.value_or(0) > 0
                ? static_cast<double>(c->upcomingNext7d.sessions) / static_cast<double>(*c->bookingsTarget.target)
                : 1e9;
        // Urgent openings sort above any number of non-urgent ones.
        case ClinicianColumn::Openings: return static_cast<qlonglong>(c->openings + (c->openingsUrgent ? 1000000 : 0));
        case ClinicianColumn::ActiveClients:
            return c->caseloadBaseline > 0 ? static_cast<double>(c->activeClients) / c->caseloadBaseline : 1e9;
        case ClinicianColumn::Caseload: return static_cast<int>(c->caseloadReading);
        case ClinicianColumn::Retention: return static_cast<int>(c->retentionStatus);
        case ClinicianColumn::OverdueNotes: return static_cast<qlonglong>(c->overdueNotes);
        }
        return {};
    case RetentionStatusRole: return static_cast<int>(c->retentionStatus);
    case UnderPerformingRole: return under;
    case ClinicianNameRole: return clinicianName(*result_->snapshot, c->clinician);
    case Qt::DecorationRole:
        if (column == ClinicianColumn::Name && under)
            return warningMark();
        return {};
    case Qt::BackgroundRole:
        if (column == ClinicianColumn::Utilization && under)
            return QBrush(signalColors(Signal::Bad).background);
        return {};
    case Qt::ForegroundRole:
        if (column == ClinicianColumn::Utilization && under)
            return QBrush(signalColors(Signal::Bad).text);
        if (column == ClinicianColumn::Openings && c->openingsUrgent)
            return QBrush(signalInk(Signal::Bad));
        if (column == ClinicianColumn::Caseload && c->caseloadReading == metrics::CaseloadReading::LosingClients)
            return QBrush(signalInk(Signal::Bad));
        if (column == ClinicianColumn::OverdueNotes && c->overdueNotes > 0)
            return QBrush(signalInk(Signal::Watch));
        // No goal on T (leave, gone, or not set): nothing to measure against, so quieter.
        if (c->weeklyGoal == 0.0)
            return QBrush(theme().mutedText);
        return {};
    case Qt::FontRole:
        if ((column == ClinicianColumn::Utilization && under)
            || (column == ClinicianColumn::Openings && c->openingsUrgent)) {
            QFont font;
            font.setWeight(QFont::DemiBold);
            return font;
        }
        if (column == ClinicianColumn::Bookings && c->bookingsTarget.usesPracticeRate) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (under && (column == ClinicianColumn::Name || column == ClinicianColumn::Utilization))
            return tr("Under-performing: %1 of the goal over the last 7 days (%2 of %3 sessions), below %4.")
                .arg(formatPercent(c->utilizationLast7d), formatCount(c->countedLast7d), formatDecimal(c->goalLast7d),
                     formatPercent(result_->current.settings.underPerformingUtilization));
        if (column == ClinicianColumn::Bookings)
            return tr("%1 sessions booked for the next 7 days; target %2 for a weekly goal of %3%4")
                .arg(formatCount(c->upcomingNext7d.sessions),
                     c->bookingsTarget.target ? formatCount(*c->bookingsTarget.target) : missingValue(),
                     formatGoal(c->weeklyGoal),
                     c->bookingsTarget.usesPracticeRate
                         ? tr(" (too few appointments in 12 weeks for a rate of their own: the practice's "
                              "cancellation rate was used)")
                         : QString());
        if (column == ClinicianColumn::CancellationRate)
            return tr("Late cancels %1 \u00b7 no-shows %2").arg(formatPercent(c->cancellation12w.lateCancel),
                                                               formatPercent(c->cancellation12w.noShow));
        if (column == ClinicianColumn::Retention)
            return tr("Retention %1 \u00b7 churn %2 (12 months, %3 new clients)")
                .arg(formatPercent(c->retention12m.retentionRate), formatPercent(c->retention12m.churnRate),
                     formatCount(c->retention12m.cohort));
        if (column == ClinicianColumn::Name && c->weeklyGoal == 0.0)
            return tr("No weekly goal on this date (leave, or none set in Team & Settings). Double-click to see "
                      "%1's appointments.")
                .arg(clinicianName(*result_->snapshot, c->clinician));
        if (column == ClinicianColumn::Name)
            return tr("Double-click to see %1's appointments").arg(clinicianName(*result_->snapshot, c->clinician));
        return {};
    default: return {};
    }
}

QVariant ClinicianTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kClinicianColumnCount)
        return {};
    const auto column = static_cast<ClinicianColumn>(section);
    if (role == Qt::DisplayRole)
        return title(column);
    if (role == Qt::ToolTipRole)
        return headerToolTip(column);
    if (role == Qt::TextAlignmentRole)
        return column == ClinicianColumn::Name || column == ClinicianColumn::Caseload
                || column == ClinicianColumn::Retention
            ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
            : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

} // namespace caseboard::app
