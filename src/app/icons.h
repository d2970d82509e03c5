#pragma once
// The bundled line icons (resources/icons/*.svg, drawn in black) tinted to the theme.

#include <QColor>
#include <QIcon>
#include <QPixmap>
#include <QString>

namespace caseboard::app {

// `name` is the file name under :/icons without ".svg". The pixmap is rendered at
// `devicePixelRatio` so it stays sharp on high-density screens.
QPixmap tintedPixmap(const QString& name, int size, const QColor& color, qreal devicePixelRatio = 2.0);

// An icon for checkable buttons: muted when off, accent when on.
QIcon navigationIcon(const QString& name);

// An icon in one colour (menus, line edits).
QIcon tintedIcon(const QString& name, const QColor& color);

// The application icon (full colour).
QIcon applicationIcon();

} // namespace caseboard::app
