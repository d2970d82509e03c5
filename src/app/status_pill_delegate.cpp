#include "status_pill_delegate.h"

#include "app_style.h"
#include "display_format.h"

#include "caseboard/core/status.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace caseboard::app {

namespace {
constexpr int kHorizontalPadding = 8;
constexpr int kPillPadding = 9;
constexpr int kGap = 7;

bool saysMore(const QString& raw, const QString& label)
{
    if (raw.isEmpty())
        return false;
    const auto key = [](const QString& text) {
        QString simplified = text.toLower();
        simplified.remove(QLatin1Char(' '));
        simplified.remove(QLatin1Char('-'));
        simplified.remove(QLatin1Char('_'));
        simplified.replace(QStringLiteral("cancelled"), QStringLiteral("canceled"));
        return simplified;
    };
    // "Late Canceled" beside "Late cancel" says nothing new; "Show" beside "Scheduled" does.
    const QString rawKey = key(raw);
    const QString labelKey = key(label);
    return !rawKey.startsWith(labelKey) && !labelKey.startsWith(rawKey);
}
} // namespace

StatusPillDelegate::StatusPillDelegate(int categoryRole, int rawStatusRole, QObject* parent)
    : QStyledItemDelegate(parent), categoryRole_(categoryRole), rawStatusRole_(rawStatusRole)
{
}

void StatusPillDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QVariant categoryValue = index.data(categoryRole_);
    if (!categoryValue.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }

    // Background and selection as for any cell, without text.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const auto category = static_cast<StatusCategory>(categoryValue.toInt());
    const StatusColors colors = statusColors(category);
    const QString label = statusLabel(category);
    const QString raw = index.data(rawStatusRole_).toString();

    QFont pillFont = option.font;
    pillFont.setWeight(QFont::DemiBold);
    pillFont.setPointSizeF(pillFont.pointSizeF() * 0.92);
    const QFontMetrics pillMetrics(pillFont);
    const int pillHeight = pillMetrics.height() + 4;
    const int pillWidth = pillMetrics.horizontalAdvance(label) + 2 * kPillPadding;
    const QRect cell = option.rect.adjusted(kHorizontalPadding, 0, -kHorizontalPadding, 0);
    const QRect pill(cell.left(), cell.center().y() - pillHeight / 2 + 1, std::min(pillWidth, cell.width()), pillHeight);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colors.background);
    painter->drawRoundedRect(QRectF(pill), pillHeight / 2.0, pillHeight / 2.0);
    painter->setPen(colors.text);
    painter->setFont(pillFont);
    painter->drawText(pill, Qt::AlignCenter, pillMetrics.elidedText(label, Qt::ElideRight, pill.width() - 4));

    if (saysMore(raw, label)) {
        const QRect rest = cell.adjusted(pill.width() + kGap, 0, 0, 0);
        if (rest.width() > 12) {
            painter->setFont(option.font);
            painter->setPen(theme().mutedText);
            const QFontMetrics metrics(option.font);
            painter->drawText(rest, Qt::AlignVCenter | Qt::AlignLeft,
                              metrics.elidedText(raw, Qt::ElideRight, rest.width()));
        }
    }
    painter->restore();
}

QSize StatusPillDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics metrics(option.font);
    const QString label = index.data(Qt::DisplayRole).toString();
    const QString raw = index.data(rawStatusRole_).toString();
    int width = metrics.horizontalAdvance(label) + 2 * kPillPadding + 2 * kHorizontalPadding;
    if (saysMore(raw, label))
        width += kGap + metrics.horizontalAdvance(raw);
    size.setWidth(std::max(size.width(), width));
    return size;
}

} // namespace caseboard::app
