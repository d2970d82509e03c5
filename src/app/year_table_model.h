#pragma once
// The year table of the Trends view: one row per figure (counted sessions, intakes, ...),
// and either the practice's columns (each calendar year, the same days last year, the
// year to date, the change) or, grouped, one column per location, supervisor or clinician
// type for one period, each with its change, then the practice's.

#include "caseboard/metrics/trend_metric.h"
#include "caseboard/metrics/year_over_year.h"

#include <QAbstractTableModel>

#include <cstddef>
#include <memory>
#include <vector>

namespace caseboard::app {

// What a column holds: a scope's figure for a period, or its change against the period
// it is compared with (comparedPeriod).
struct YearTableColumn {
    const metrics::ScopeTrends* scope = nullptr;
    std::size_t period = 0;
    bool change = false;
    QString title;
    QString toolTip;
};

// The columns for a group-by (Practice: every period; a kind: `period` for each group).
std::vector<YearTableColumn> yearTableColumns(const metrics::YearOverYear& trends, metrics::Scope::Kind groupBy,
                                              std::size_t period);
// A column's figure for a metric, as a number (rates as fractions, money in dollars).
std::optional<double> yearTableValue(const metrics::YearOverYear& trends, const YearTableColumn& column,
                                     metrics::TrendMetric metric);

class YearTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // The figure as a double (or invalid when undefined), for tests and copying.
    static constexpr int ValueRole = Qt::UserRole + 1;

    explicit YearTableModel(QObject* parent = nullptr);

    // Keeps `trends` alive while shown. nullptr empties the table.
    void setTrends(std::shared_ptr<const metrics::YearOverYear> trends, metrics::Scope::Kind groupBy,
                   std::size_t period);
    const std::vector<YearTableColumn>& columns() const { return columns_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static metrics::TrendMetric metricOfRow(int row) { return metrics::kTrendMetrics[static_cast<std::size_t>(row)]; }

private:
    std::shared_ptr<const metrics::YearOverYear> trends_;
    std::vector<YearTableColumn> columns_;
};

} // namespace caseboard::app
