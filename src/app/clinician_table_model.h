#pragma once
// One row per clinician of the dashboard's scope: this week's sessions against goal,
// next week's bookings against target, caseload against baseline, retention status and
// overdue notes. Display text for reading, SortRole values for sorting by number.

#include "dashboard_data.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace caseboard::app {

enum class ClinicianColumn {
    Name,
    WeeklyGoal,
    Counted,
    Utilization,
    CancellationRate,
    Bookings, // upcoming sessions / bookings target
    Openings,
    ActiveClients,
    Caseload,
    Retention,
    OverdueNotes,
};
inline constexpr int kClinicianColumnCount = 11;

class ClinicianTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        SortRole = Qt::UserRole + 1, // a number (or the name) to sort by
        RetentionStatusRole,         // int (metrics::RetentionStatus)
        UnderPerformingRole,         // bool
        ClinicianNameRole,           // QString
    };

    explicit ClinicianTableModel(QObject* parent = nullptr);

    void setResult(std::shared_ptr<const DashboardResult> result);
    const metrics::ClinicianSummary* summaryAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString displayText(const metrics::Snapshot& snapshot, const metrics::ClinicianSummary& row,
                               ClinicianColumn column);

private:
    std::shared_ptr<const DashboardResult> result_;
    std::vector<const metrics::ClinicianSummary*> rows_; // the clinicians on staff, into result_
};

} // namespace caseboard::app
