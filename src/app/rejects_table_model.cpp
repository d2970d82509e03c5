#include "rejects_table_model.h"

#include "display_format.h"

namespace caseboard::app {

RejectsTableModel::RejectsTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void RejectsTableModel::setIssues(std::vector<import::RowIssue> issues)
{
    beginResetModel();
    issues_ = std::move(issues);
    endResetModel();
}

int RejectsTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(issues_.size());
}

int RejectsTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : kColumnCount; }

QVariant RejectsTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const import::RowIssue& issue = issues_[static_cast<std::size_t>(index.row())];
    if (role == Qt::TextAlignmentRole && index.column() == kLine)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case kLine:
        return formatCount(static_cast<qint64>(issue.line));
    case kColumn:
        return issue.column.empty() ? tr("(whole row)") : QString::fromStdString(issue.column);
    case kReason:
        return QString::fromStdString(issue.reason);
    case kRow: {
        QStringList cells;
        for (const std::string& field : issue.fields)
            cells << QString::fromStdString(field);
        return cells.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QVariant RejectsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case kLine:
        return tr("Line");
    case kColumn:
        return tr("Column");
    case kReason:
        return tr("Why it was not imported");
    case kRow:
        return tr("The row as read");
    default:
        return {};
    }
}

} // namespace caseboard::app
