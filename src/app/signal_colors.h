#pragma once
// Colours that say good, watch or bad on the dashboard (changes, retention chips,
// under-performing rows, warnings). Okabe–Ito hues, so readers with the common
// colour-vision deficiencies tell them apart; every use pairs the colour with a word
// or an arrow, so colour is never the only signal.

#include "app_style.h"

#include <QColor>

namespace caseboard::app {

enum class Signal { Neutral, Good, Watch, Bad };

// Text or line colour, readable on the theme's surface.
QColor signalInk(Signal signal);
// A soft background with a readable text colour, for chips and banners.
StatusColors signalColors(Signal signal);

} // namespace caseboard::app
