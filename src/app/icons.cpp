#include "icons.h"

#include "app_style.h"

#include <QPainter>

namespace caseboard::app {

QPixmap tintedPixmap(const QString& name, int size, const QColor& color, qreal devicePixelRatio)
{
    initAppResources();
    const int pixels = qRound(size * devicePixelRatio);
    const QIcon source(QStringLiteral(":/icons/") + name + QStringLiteral(".svg"));
    QPixmap pixmap = source.pixmap(QSize(pixels, pixels));
    if (pixmap.isNull())
        return pixmap;
    {
        QPainter painter(&pixmap);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(pixmap.rect(), color);
    }
    pixmap.setDevicePixelRatio(devicePixelRatio);
    return pixmap;
}

QIcon navigationIcon(const QString& name)
{
    QIcon icon;
    for (const int size : {16, 18, 20, 24}) {
        icon.addPixmap(tintedPixmap(name, size, theme().mutedText), QIcon::Normal, QIcon::Off);
        icon.addPixmap(tintedPixmap(name, size, theme().accent), QIcon::Normal, QIcon::On);
        icon.addPixmap(tintedPixmap(name, size, theme().accent), QIcon::Active, QIcon::On);
    }
    return icon;
}

QIcon tintedIcon(const QString& name, const QColor& color)
{
    QIcon icon;
    for (const int size : {16, 18, 20, 24, 32})
        icon.addPixmap(tintedPixmap(name, size, color));
    return icon;
}

QIcon applicationIcon()
{
    initAppResources();
    return QIcon(QStringLiteral(":/icons/caseboard.svg"));
}

} // namespace caseboard::app
