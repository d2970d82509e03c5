#pragma once
// Paints a cell as a signal chip (signal_chip.h): the model gives the Signal as an int in
// `signalRole` and the chip's word as the display text. Cells without a signal paint
// as plain text.

#include <QStyledItemDelegate>

namespace caseboard::app {

class SignalChipDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    SignalChipDelegate(int signalRole, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int signalRole_;
};

} // namespace caseboard::app
