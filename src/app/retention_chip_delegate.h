#pragma once
// Paints a clinician's retention status as a chip: a colour-blind-safe hue and, always,
// its word ("On target", "Watch", "Off target"), so colour is never the only cue.

#include <QStyledItemDelegate>

namespace caseboard::app {

class RetentionChipDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    // `statusRole` gives the metrics::RetentionStatus as an int.
    RetentionChipDelegate(int statusRole, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int statusRole_;
};

} // namespace caseboard::app
