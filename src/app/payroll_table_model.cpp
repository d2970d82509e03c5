#include "payroll_table_model.h"

#include "display_format.h"
#include "signal_colors.h"

namespace caseboard::app {

namespace {

QVariant rightAligned() { return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter)); }

} // namespace

QString formatPayrollHours(std::int64_t minutes) { return toQString(metrics::formatHours(minutes)); }

QString roleLabel(const std::string& role)
{
    QString text = toQString(role);
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

PayrollTableModel::PayrollTableModel(Table table, QObject* parent) : QAbstractTableModel(parent), table_(table) {}

void PayrollTableModel::setReport(std::shared_ptr<const metrics::PayrollReport> report)
{
    beginResetModel();
    report_ = std::move(report);
    endResetModel();
}

int PayrollTableModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !report_)
        return 0;
    return static_cast<int>(table_ == Table::Clinicians ? report_->clinicians.size() : report_->staff.size());
}

int PayrollTableModel::columnCount(const QModelIndex& parent) const
{
    if (parent.isValid())
        return 0;
    return table_ == Table::Clinicians ? static_cast<int>(PayrollClinicianColumn::Count)
                                       : static_cast<int>(PayrollStaffColumn::Count);
}

QVariant PayrollTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    if (table_ == Table::Clinicians)
        return clinicianData(report_->clinicians[row], static_cast<PayrollClinicianColumn>(index.column()), role);
    return staffData(report_->staff[row], static_cast<PayrollStaffColumn>(index.column()), role);
}

QVariant PayrollTableModel::clinicianData(const metrics::ClinicianPay& row, PayrollClinicianColumn column,
                                          int role) const
{
    using C = PayrollClinicianColumn;
    if (role == Qt::TextAlignmentRole)
        return column == C::Name || column == C::Role ? QVariant() : rightAligned();
    if (role == Qt::ForegroundRole && column == C::Rate && row.missingRate())
        return signalInk(Signal::Bad);
    if (role == Qt::ToolTipRole) {
        if (column == C::Rate && row.missingRate())
            return tr("No hourly rate: set one in Team & Settings. Their pay is not in the totals.");
        if (column == C::BillableCancels)
            return row.billableCancelsPaid ? tr("Late cancels and no-shows are paid (a payroll setting)")
                                           : tr("Late cancels and no-shows are not paid (a payroll setting)");
        if (column == C::Hours && row.sessionsWithoutDuration > 0)
            return tr("%n session(s) had no duration in the export and count as one hour", nullptr,
                      static_cast<int>(row.sessionsWithoutDuration));
        return {};
    }
    if (role == ValueRole) {
        switch (column) {
        case C::Sessions: return QVariant::fromValue<qint64>(row.countedSessions);
        case C::BillableCancels: return QVariant::fromValue<qint64>(row.billableCancels);
        case C::Hours: return QVariant::fromValue<qint64>(row.paidMinutes);
        case C::Rate: return row.hourlyRate ? QVariant::fromValue<qint64>(*row.hourlyRate) : QVariant();
        case C::Pay: return row.pay ? QVariant::fromValue<qint64>(*row.pay) : QVariant();
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case C::Name: return toQString(row.name);
    case C::Role: return roleLabel(row.role);
    case C::Sessions: return formatCount(row.countedSessions);
    case C::BillableCancels:
        if (row.billableCancels == 0)
            return QStringLiteral("0");
        return row.billableCancelsPaid ? tr("%1 · paid").arg(formatCount(row.billableCancels))
                                       : tr("%1 · not paid").arg(formatCount(row.billableCancels));
    case C::Hours: return formatPayrollHours(row.paidMinutes);
    case C::Rate: return row.hourlyRate ? tr("%1/h").arg(formatMoney(row.hourlyRate)) : tr("No rate");
    case C::Pay: return row.pay ? formatMoney(row.pay) : missingValue();
    case C::Count: break;
    }
    return {};
}

QVariant PayrollTableModel::staffData(const metrics::StaffPay& row, PayrollStaffColumn column, int role) const
{
    using C = PayrollStaffColumn;
    if (role == Qt::TextAlignmentRole)
        return column == C::Name || column == C::Role ? QVariant() : rightAligned();
    if (role == Qt::ForegroundRole && column == C::Rate && row.missingRate())
        return signalInk(Signal::Bad);
    if (role == Qt::ToolTipRole && column == C::Rate && row.missingRate())
        return tr("No hourly rate: set one in Team & Settings. Their pay is not in the totals.");
    if (role == ValueRole) {
        switch (column) {
        case C::Days: return row.days;
        case C::Hours: return QVariant::fromValue<qint64>(row.minutes);
        case C::Rate: return row.hourlyRate ? QVariant::fromValue<qint64>(*row.hourlyRate) : QVariant();
        case C::Pay: return row.pay ? QVariant::fromValue<qint64>(*row.pay) : QVariant();
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case C::Name: return toQString(row.name);
    case C::Role: return roleLabel(row.role);
    case C::Days: return formatCount(row.days);
    case C::Hours: return formatPayrollHours(row.minutes);
    case C::Rate: return row.hourlyRate ? tr("%1/h").arg(formatMoney(row.hourlyRate)) : tr("No rate");
    case C::Pay: return row.pay ? formatMoney(row.pay) : missingValue();
    case C::Count: break;
    }
    return {};
}

QVariant PayrollTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    const bool numeric = section >= 2;
    if (role == Qt::TextAlignmentRole)
        return numeric ? rightAligned() : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    if (table_ == Table::Clinicians) {
        switch (static_cast<PayrollClinicianColumn>(section)) {
        case PayrollClinicianColumn::Name: return tr("Clinician");
        case PayrollClinicianColumn::Role: return tr("Role");
        case PayrollClinicianColumn::Sessions: return tr("Counted sessions");
        case PayrollClinicianColumn::BillableCancels: return tr("Billable cancels");
        case PayrollClinicianColumn::Hours: return tr("Hours");
        case PayrollClinicianColumn::Rate: return tr("Rate");
        case PayrollClinicianColumn::Pay: return tr("Pay");
        case PayrollClinicianColumn::Count: break;
        }
        return {};
    }
    switch (static_cast<PayrollStaffColumn>(section)) {
    case PayrollStaffColumn::Name: return tr("Name");
    case PayrollStaffColumn::Role: return tr("Role");
    case PayrollStaffColumn::Days: return tr("Days on timesheet");
    case PayrollStaffColumn::Hours: return tr("Hours");
    case PayrollStaffColumn::Rate: return tr("Rate");
    case PayrollStaffColumn::Pay: return tr("Pay");
    case PayrollStaffColumn::Count: break;
    }
    return {};
}

} // namespace caseboard::app
