#include "retention_chip_delegate.h"

#include "signal_chip.h"

#include "caseboard/metrics/caseload.h"

#include <algorithm>

namespace caseboard::app {

namespace {
Signal signalOf(metrics::RetentionStatus status)
{
    switch (status) {
    case metrics::RetentionStatus::Green: return Signal::Good;
    case metrics::RetentionStatus::Yellow: return Signal::Watch;
    case metrics::RetentionStatus::Red: return Signal::Bad;
    case metrics::RetentionStatus::Unknown: break;
    }
    return Signal::Neutral;
}
} // namespace

RetentionChipDelegate::RetentionChipDelegate(int statusRole, QObject* parent)
    : QStyledItemDelegate(parent), statusRole_(statusRole)
{
}

void RetentionChipDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                  const QModelIndex& index) const
{
    const auto status = static_cast<metrics::RetentionStatus>(index.data(statusRole_).toInt());
    if (status == metrics::RetentionStatus::Unknown) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    paintSignalChip(painter, cell, index.data(Qt::DisplayRole).toString(), signalOf(status));
}

QSize RetentionChipDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), signalChipWidth(option.font, index.data(Qt::DisplayRole).toString())));
    return size;
}

} // namespace caseboard::app
