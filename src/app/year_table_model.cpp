#include "year_table_model.h"

#include "display_format.h"
#include "signal_colors.h"
#include "trends_format.h"

#include <QColor>
#include <QFont>

#include <algorithm>
#include <cmath>

namespace caseboard::app {

namespace {

using metrics::Scope;
using metrics::TrendMetric;

void addColumns(std::vector<YearTableColumn>& columns, const metrics::YearOverYear& trends,
                const metrics::ScopeTrends& scope, std::size_t period, const QString& title, bool withChange)
{
    const metrics::YearPeriod& p = trends.periods[period];
    columns.push_back({&scope, period, false, title,
                       YearTableModel::tr("%1 to %2").arg(formatDayMedium(p.window.from), formatDayMedium(p.window.to))});
    const std::optional<std::size_t> compared = comparedPeriod(trends, period);
    if (withChange && compared)
        columns.push_back({&scope, period, true, YearTableModel::tr("Change"),
                           YearTableModel::tr("%1 against %2: percent change; rates in percentage points")
                               .arg(periodTitle(p), periodTitle(trends.periods[*compared]))});
}

} // namespace

std::vector<YearTableColumn> yearTableColumns(const metrics::YearOverYear& trends, Scope::Kind groupBy,
                                              std::size_t period)
{
    std::vector<YearTableColumn> columns;
    if (trends.periods.empty())
        return columns;
    if (groupBy == Scope::Kind::Practice) {
        for (std::size_t p = 0; p < trends.periods.size(); ++p)
            addColumns(columns, trends, trends.practice, p, periodTitle(trends.periods[p]),
                       p + 1 == trends.periods.size());
        return columns;
    }
    period = std::min(period, trends.periods.size() - 1);
    for (const metrics::ScopeTrends& group : trends.groups(groupBy))
        addColumns(columns, trends, group, period, groupTitle(group.scope), true);
    addColumns(columns, trends, trends.practice, period, groupTitle(trends.practice.scope), true);
    return columns;
}

std::optional<double> yearTableValue(const metrics::YearOverYear& trends, const YearTableColumn& column,
                                     TrendMetric metric)
{
    const std::optional<double> value = metrics::trendValue(column.scope->periods[column.period], metric);
    if (!column.change)
        return value;
    const std::optional<std::size_t> compared = comparedPeriod(trends, column.period);
    if (!compared)
        return std::nullopt;
    return metrics::trendChange(metric, metrics::trendValue(column.scope->periods[*compared], metric), value);
}

YearTableModel::YearTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void YearTableModel::setTrends(std::shared_ptr<const metrics::YearOverYear> trends, Scope::Kind groupBy,
                               std::size_t period)
{
    beginResetModel();
    trends_ = std::move(trends);
    columns_ = trends_ ? yearTableColumns(*trends_, groupBy, period) : std::vector<YearTableColumn>{};
    endResetModel();
}

int YearTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !trends_ ? 0 : static_cast<int>(metrics::kTrendMetrics.size());
}

int YearTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 1 + static_cast<int>(columns_.size());
}

QVariant YearTableModel::data(const QModelIndex& index, int role) const
{
    if (!trends_ || !index.isValid())
        return {};
    const TrendMetric metric = metricOfRow(index.row());
    if (index.column() == 0) {
        if (role == Qt::DisplayRole)
            return trendMetricTitle(metric);
        if (role == Qt::ToolTipRole)
            return trendMetricHelp(metric);
        return {};
    }
    const YearTableColumn& column = columns_[static_cast<std::size_t>(index.column() - 1)];
    const std::optional<double> value = yearTableValue(*trends_, column, metric);
    switch (role) {
    case Qt::DisplayRole:
        return column.change ? formatTrendChange(metric, value) : formatTrendValue(metric, value);
    case ValueRole:
        return value ? QVariant(*value) : QVariant();
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        // A change reads green when it is good news and vermillion when bad; the sign says
        // which way it went, so colour is never the only cue.
        if (column.change && value && std::abs(*value) >= 0.0005)
            return signalInk((*value > 0) == higherIsBetter(metric) ? Signal::Good : Signal::Bad);
        return {};
    case Qt::FontRole:
        if (column.scope->scope.kind == Scope::Kind::Practice && column.period + 1 == trends_->periods.size()
            && !column.change) {
            QFont font;
            font.setWeight(QFont::DemiBold);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        return column.toolTip;
    default: return {};
    }
}

QVariant YearTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (section == 0) {
        if (role == Qt::DisplayRole)
            return tr("Figure");
        return role == Qt::TextAlignmentRole ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant();
    }
    const auto i = static_cast<std::size_t>(section - 1);
    if (i >= columns_.size())
        return {};
    if (role == Qt::DisplayRole)
        return columns_[i].title;
    if (role == Qt::ToolTipRole)
        return columns_[i].toolTip;
    if (role == Qt::TextAlignmentRole)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

} // namespace caseboard::app
