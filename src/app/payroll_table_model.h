#pragma once
// The Payroll view's two tables: clinicians (counted sessions, billable cancels, hours,
// rate, pay) and support staff (timesheet days and hours, rate, pay), read straight from
// one PayrollReport so the screen shows the engine's numbers and nothing else.

#include "caseboard/metrics/payroll.h"

#include <QAbstractTableModel>

#include <memory>

namespace caseboard::app {

enum class PayrollClinicianColumn { Name, Role, Sessions, BillableCancels, Hours, Rate, Pay, Count };
enum class PayrollStaffColumn { Name, Role, Days, Hours, Rate, Pay, Count };

class PayrollTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Table { Clinicians, Staff };
    // The number behind a cell: minutes for hours, cents for money, a count otherwise;
    // invalid when there is none (no rate). Tests compare it with the engine.
    static constexpr int ValueRole = Qt::UserRole + 1;

    explicit PayrollTableModel(Table table, QObject* parent = nullptr);

    void setReport(std::shared_ptr<const metrics::PayrollReport> report);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVariant clinicianData(const metrics::ClinicianPay& row, PayrollClinicianColumn column, int role) const;
    QVariant staffData(const metrics::StaffPay& row, PayrollStaffColumn column, int role) const;

    Table table_;
    std::shared_ptr<const metrics::PayrollReport> report_;
};

// "12.50 h"-style hours for people: two decimals, from minutes.
QString formatPayrollHours(std::int64_t minutes);
// A role as the team editor spells it, capitalised: "Intake coordinator".
QString roleLabel(const std::string& role);

} // namespace caseboard::app
