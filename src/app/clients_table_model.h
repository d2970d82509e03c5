#pragma once
// One row per clinician–client pair of the snapshot, with what the Clients view shows of
// it on the result's as-of date. Every value is read straight from the precomputed
// result, so the model costs nothing to rebuild for a filter: filtering and sorting are
// ClientsFilterProxy's, over these rows.

#include "clients_data.h"

#include <QAbstractTableModel>

#include <limits>
#include <memory>

namespace caseboard::app {

// In the order shown: what a pair's row is about (its retention) right after whose it is,
// so the chip stays in view on a narrow window.
enum class ClientColumn {
    Client,
    Clinician,
    Status,
    Sessions,
    Intake,
    LastSeen,
    NextAppointment,
    BillableCancels,
    ClientStatus,
    Location,
    Supervisor,
};
inline constexpr int kClientColumnCount = static_cast<int>(ClientColumn::Supervisor) + 1;

class ClientsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        SortRole = Qt::UserRole + 1, // a number (day serial, count, rank of a name or status) or lower-case text
        PairStatusRole,              // int (metrics::PairStatus) for the status column
        SignalRole,                  // int (Signal) for the status column's chip
        PairRole,                    // qulonglong: the pair's index in the snapshot
    };

    // The sort key of a date the pair does not have (no intake, nothing scheduled).
    static constexpr qlonglong kMissingDay = std::numeric_limits<qlonglong>::max();

    explicit ClientsTableModel(QObject* parent = nullptr);

    void setResult(std::shared_ptr<const ClientsResult> result);
    const std::shared_ptr<const ClientsResult>& result() const { return result_; }

    // Privacy mode: client names shown as initials ("A. D.").
    void setClientInitials(bool initials);
    bool clientInitials() const { return initials_; }

    std::size_t pairAt(int row) const { return static_cast<std::size_t>(row); }
    // The proxy's comparison, on typed keys rather than QVariants (a sort of 30,000 rows
    // makes half a million of them). Missing dates sort last in either order.
    bool sortLess(int left, int right, ClientColumn column, Qt::SortOrder order) const;
    // The text of a cell as displayed, and as exported (dates ISO, so a spreadsheet sorts them).
    QString exportText(int row, ClientColumn column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString pairStatusLabel(metrics::PairStatus status); // "Retained", "At risk", ...

private:
    std::shared_ptr<const ClientsResult> result_;
    bool initials_ = false;
};

} // namespace caseboard::app
