#pragma once
// The rows an import could not take, one line each: the line of the file, the column
// and the reason in plain words.

#include "caseboard/import/import_report.h"

#include <QAbstractTableModel>

#include <vector>

namespace caseboard::app {

class RejectsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { kLine, kColumn, kReason, kRow, kColumnCount };

    explicit RejectsTableModel(QObject* parent = nullptr);
    void setIssues(std::vector<import::RowIssue> issues);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<import::RowIssue> issues_;
};

} // namespace caseboard::app
