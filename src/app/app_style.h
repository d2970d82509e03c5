#pragma once
// The look of Caseboard: Fusion with a considered palette (light by default, dark when
// the system palette is dark), a readable font, and a small style sheet for the few
// widgets that need more than a palette (sidebar, headers, empty states).

#include "caseboard/core/status.h"

#include <QColor>

class QApplication;

namespace caseboard::app {

struct Theme {
    bool dark = false;
    QColor window;        // content background
    QColor surface;       // cards, tables
    QColor sidebar;       // navigation background
    QColor border;        // hairlines
    QColor text;
    QColor mutedText;
    QColor accent;        // selection, focus, the selected view
    QColor accentSoft;    // tinted background of selected items
    QColor accentText;    // text on accentSoft
    QColor hover;         // background of hovered items
};

// The theme in force (set by applyAppStyle; light until then).
const Theme& theme();

// Colours of a status category label: a colour-blind-safe hue (Okabe–Ito) as a soft
// background with a readable text colour.
struct StatusColors {
    QColor background;
    QColor text;
};
StatusColors statusColors(StatusCategory category);

// Sets Fusion, the palette, the font and the style sheet on the application; loads the
// bundled resources. Call once, after the QApplication exists.
void applyAppStyle(QApplication& application);

// Makes the icons and other bundled resources available (the style does it too).
void initAppResources();

} // namespace caseboard::app
