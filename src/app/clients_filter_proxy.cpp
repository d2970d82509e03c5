#include "clients_filter_proxy.h"

#include "clients_table_model.h"

namespace caseboard::app {

ClientsFilterProxy::ClientsFilterProxy(ClientsTableModel* model, QObject* parent)
    : QSortFilterProxyModel(parent), model_(model)
{
    setSourceModel(model);
    setSortRole(ClientsTableModel::SortRole);
    // filterAcceptsRow reads no role; a role that never changes keeps the proxy from
    // re-filtering on display-only changes (privacy mode).
    setFilterRole(ClientsTableModel::PairRole);
    // Dynamic, so rows a filter lets back in are inserted in sort order (without it Qt
    // appends them at the end).
    setDynamicSortFilter(true);
}

void ClientsFilterProxy::setFilter(const ClientsFilter& filter)
{
    if (filter == filter_)
        return;
    filter_ = filter;
    words_ = filterWords(filter.text);
    // A full invalidate, not invalidateFilter(): that one inserts the rows coming back
    // one interval at a time, hundreds of milliseconds at 30,000 pairs; this re-filters
    // and re-sorts in one pass and one layout change.
    invalidate();
}

void ClientsFilterProxy::setPairs(std::optional<std::vector<std::size_t>> pairs)
{
    restricted_ = pairs.has_value();
    members_.clear();
    if (pairs) {
        const int rows = model_->rowCount();
        members_.assign(static_cast<std::size_t>(rows), 0);
        for (const std::size_t p : *pairs)
            if (p < members_.size())
                members_[p] = 1;
    }
    invalidate();
}

bool ClientsFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (sourceParent.isValid() || !model_->result())
        return false;
    const std::size_t pair = model_->pairAt(sourceRow);
    if (restricted_ && (pair >= members_.size() || members_[pair] == 0))
        return false;
    return acceptsPair(*model_->result(), filter_, words_, pair);
}

bool ClientsFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (!model_->result())
        return false;
    return model_->sortLess(left.row(), right.row(), static_cast<ClientColumn>(left.column()), sortOrder());
}

} // namespace caseboard::app
