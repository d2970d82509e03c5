#pragma once
// Filters and sorts the Clients table in memory: the filter (ClientsFilter) and, when a
// saved list is chosen, membership of that list. On the largest practice (~30,000 pairs)
// a filter change is one pass over precomputed rows: no database read, no model rebuild.

#include "clients_filter.h"

#include <QSortFilterProxyModel>

#include <cstdint>
#include <vector>

namespace caseboard::app {

class ClientsTableModel;

class ClientsFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ClientsFilterProxy(ClientsTableModel* model, QObject* parent = nullptr);

    void setFilter(const ClientsFilter& filter);
    const ClientsFilter& filter() const { return filter_; }
    // Only these pairs pass (a saved list); an empty optional lifts the restriction.
    void setPairs(std::optional<std::vector<std::size_t>> pairs);
    bool restrictedToPairs() const { return restricted_; }
    // Call after the model's result changed (the pair set names pairs of the old one).
    void clearPairs() { setPairs(std::nullopt); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    // Compares typed keys (ClientsTableModel::sortLess); missing dates sort last.
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    ClientsTableModel* model_;
    ClientsFilter filter_;
    QStringList words_;
    std::vector<std::uint8_t> members_; // one byte per pair when restricted
    bool restricted_ = false;
};

} // namespace caseboard::app
