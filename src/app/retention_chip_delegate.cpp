#include "retention_chip_delegate.h"

#include "signal_colors.h"

#include "caseboard/metrics/caseload.h"

#include <QApplication>
#include <QPainter>

namespace caseboard::app {

namespace {
constexpr int kCellPadding = 8;
constexpr int kChipPadding = 9;

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
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const StatusColors colors = signalColors(signalOf(status));
    const QString label = index.data(Qt::DisplayRole).toString();
    QFont chipFont = option.font;
    chipFont.setWeight(QFont::DemiBold);
    chipFont.setPointSizeF(chipFont.pointSizeF() * 0.92);
    const QFontMetrics metrics(chipFont);
    const int height = metrics.height() + 4;
    const QRect cell = option.rect.adjusted(kCellPadding, 0, -kCellPadding, 0);
    const int dot = height - 10;
    const int width = std::min(metrics.horizontalAdvance(label) + 2 * kChipPadding + dot + 5, cell.width());
    const QRect chip(cell.left(), cell.center().y() - height / 2 + 1, width, height);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colors.background);
    painter->drawRoundedRect(QRectF(chip), height / 2.0, height / 2.0);
    painter->setBrush(signalInk(signalOf(status)));
    painter->drawEllipse(QRect(chip.left() + kChipPadding - 2, chip.center().y() - dot / 2 + 1, dot, dot));
    painter->setPen(colors.text);
    painter->setFont(chipFont);
    const QRect text = chip.adjusted(kChipPadding + dot + 3, 0, -kChipPadding + 2, 0);
    painter->drawText(text, Qt::AlignVCenter | Qt::AlignLeft, metrics.elidedText(label, Qt::ElideRight, text.width()));
    painter->restore();
}

QSize RetentionChipDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics metrics(option.font);
    const int width = metrics.horizontalAdvance(index.data(Qt::DisplayRole).toString()) + 2 * kChipPadding
        + 2 * kCellPadding + metrics.height();
    size.setWidth(std::max(size.width(), width));
    return size;
}

} // namespace caseboard::app
