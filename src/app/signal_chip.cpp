#include "signal_chip.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionViewItem>

#include <algorithm>

namespace caseboard::app {

namespace {
constexpr int kCellPadding = 8;
constexpr int kChipPadding = 9;
} // namespace

void paintSignalChip(QPainter* painter, const QStyleOptionViewItem& option, const QString& label, Signal signal)
{
    // Background and selection as for any cell, without text.
    QStyleOptionViewItem background = option;
    background.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const StatusColors colors = signalColors(signal);
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
    painter->setBrush(signalInk(signal));
    painter->drawEllipse(QRect(chip.left() + kChipPadding - 2, chip.center().y() - dot / 2 + 1, dot, dot));
    painter->setPen(colors.text);
    painter->setFont(chipFont);
    const QRect text = chip.adjusted(kChipPadding + dot + 3, 0, -kChipPadding + 2, 0);
    painter->drawText(text, Qt::AlignVCenter | Qt::AlignLeft, metrics.elidedText(label, Qt::ElideRight, text.width()));
    painter->restore();
}

int signalChipWidth(const QFont& font, const QString& label)
{
    const QFontMetrics metrics(font);
    return metrics.horizontalAdvance(label) + 2 * kChipPadding + 2 * kCellPadding + metrics.height();
}

} // namespace caseboard::app
