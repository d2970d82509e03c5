#pragma once
// The colours of the weekly charts. Okabe–Ito hues, which stay apart with the common
// colour-vision deficiencies; the rest follows the app theme so the charts sit on the
// dashboard like its cards.

#include <QColor>

namespace caseboard::app {

struct ChartColors {
    QColor background, text, muted, grid;
    QColor counted, countedToDate, goal;
    QColor cancelled, lateCancel, noShow;
    QColor activeClients;
    QColor hoverBand, gapHatch;
};

// In the current theme().
ChartColors chartColors();

} // namespace caseboard::app
