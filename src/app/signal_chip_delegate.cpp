#include "signal_chip_delegate.h"

#include "signal_chip.h"

#include <algorithm>

namespace caseboard::app {

SignalChipDelegate::SignalChipDelegate(int signalRole, QObject* parent)
    : QStyledItemDelegate(parent), signalRole_(signalRole)
{
}

void SignalChipDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QVariant signal = index.data(signalRole_);
    if (!signal.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    paintSignalChip(painter, cell, index.data(Qt::DisplayRole).toString(), static_cast<Signal>(signal.toInt()));
}

QSize SignalChipDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), signalChipWidth(option.font, index.data(Qt::DisplayRole).toString())));
    return size;
}

} // namespace caseboard::app
