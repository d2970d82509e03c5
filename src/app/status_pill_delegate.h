#pragma once
// Paints a status category as a small coloured label ("pill"), followed by the EHR's
// raw status in muted text when it says something the label does not.

#include <QStyledItemDelegate>

namespace caseboard::app {

class StatusPillDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    // `categoryRole` holds the StatusCategory as int, `rawStatusRole` the raw string.
    StatusPillDelegate(int categoryRole, int rawStatusRole, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int categoryRole_;
    int rawStatusRole_;
};

} // namespace caseboard::app
