#pragma once
// A table model over the appointments of a store, fast at millions of rows:
//  - the ordered list of matching ids is computed off the GUI thread (a read-only
//    connection of the worker's own) and swapped in with a model reset;
//  - rows are read lazily on the GUI thread, a page of ids at a time, and a few pages
//    are kept (least recently used).
// Sorting and filtering re-run the id query; a newer query cancels an older one.

#include "caseboard/store/appointment_table.h"

#include <QAbstractTableModel>

#include <cstdint>
#include <filesystem>
#include <list>
#include <memory>
#include <optional>
#include <span>
#include <stop_token>
#include <vector>

namespace caseboard { class Store; }

namespace caseboard::app {

class AppointmentTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        StatusCategoryRole = Qt::UserRole + 1, // int (StatusCategory) for the status column
        RawStatusRole,                         // QString, the EHR's own status
        AppointmentIdRole,                     // qint64
        SortValueRole,                         // a plain value for tests and copy
    };

    static constexpr int kPageSize = 256;
    static constexpr int kCachedPages = 8;

    explicit AppointmentTableModel(QObject* parent = nullptr);
    ~AppointmentTableModel() override;

    // The store whose connection reads rows (GUI thread) and whose file the worker
    // opens read-only. nullptr empties the model.
    void setStore(Store* store);

    void setFilterText(const QString& text);
    QString filterText() const;
    void setFilter(const AppointmentFilter& filter);
    const AppointmentFilter& filter() const { return filter_; }
    const AppointmentSort& currentSort() const { return sort_; }

    // Re-runs the query (after the database changed).
    void refresh();

    // Privacy mode: the client column shows initials ("A. D.") instead of names.
    void setClientInitials(bool initials);
    bool clientInitials() const { return clientInitials_; }

    bool isLoading() const { return loading_; }
    // Appointments in the whole table; -1 until the first query finished.
    qint64 totalCount() const { return total_; }
    // The matching appointments in order, their totals, and for the missing-payments list
    // their balances by month and payer, for the overdue-notes list their count per
    // clinician: all from the last finished query.
    const std::vector<RowId>& ids() const { return ids_; }
    const AppointmentTotals& totals() const { return totals_; }
    const std::vector<BalanceByMonthAndPayer>& balances() const { return balances_; }
    const std::vector<ClinicianCount>& clinicianCounts() const { return clinicianCounts_; }
    // Reads rows through the GUI thread's reader (export, copy); empty rows without a store.
    std::vector<AppointmentRow> readRows(std::span<const RowId> ids) const;

    qint64 lastQueryMilliseconds() const { return lastQueryMs_; }
    QString lastError() const { return lastError_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static AppointmentColumn columnAt(int section);

Q_SIGNALS:
    void loadingChanged(bool loading);
    // After each finished query: the counts changed (or were confirmed).
    void countsChanged(qint64 shown, qint64 total);
    void queryFailed(const QString& message);

private:
    struct QueryResult;
    struct Page {
        int index = 0;
        std::vector<AppointmentRow> rows;
    };

    void startQuery();
    void finishQuery(std::uint64_t generation, QueryResult result);
    void setLoading(bool loading);
    const AppointmentRow* rowAt(int row) const;

    Store* store_ = nullptr;
    std::filesystem::path path_;
    AppointmentFilter filter_;
    AppointmentSort sort_;

    std::vector<RowId> ids_;
    AppointmentTotals totals_;
    std::vector<BalanceByMonthAndPayer> balances_;
    std::vector<ClinicianCount> clinicianCounts_;
    qint64 total_ = -1;
    bool loading_ = false;
    qint64 lastQueryMs_ = 0;
    QString lastError_;

    bool clientInitials_ = false;
    std::uint64_t generation_ = 0;
    std::optional<std::stop_source> running_;

    mutable std::unique_ptr<AppointmentRowReader> reader_;
    mutable std::list<Page> pages_; // most recently used first
};

} // namespace caseboard::app
