#include "signal_colors.h"

namespace caseboard::app {

namespace {

QColor hue(Signal signal)
{
    switch (signal) {
    case Signal::Good: return QColor(0x00, 0x9E, 0x73);  // bluish green
    case Signal::Watch: return QColor(0xE6, 0x9F, 0x00); // orange
    case Signal::Bad: return QColor(0xD5, 0x5E, 0x00);   // vermillion
    case Signal::Neutral: break;
    }
    return theme().mutedText;
}

QColor mix(const QColor& from, const QColor& to, double amount)
{
    return QColor::fromRgbF(static_cast<float>(from.redF() + (to.redF() - from.redF()) * amount),
                            static_cast<float>(from.greenF() + (to.greenF() - from.greenF()) * amount),
                            static_cast<float>(from.blueF() + (to.blueF() - from.blueF()) * amount));
}

} // namespace

QColor signalInk(Signal signal)
{
    if (signal == Signal::Neutral)
        return theme().mutedText;
    // Darkened on light surfaces and lightened on dark ones, for contrast with text.
    return theme().dark ? mix(hue(signal), QColor(0xFF, 0xFF, 0xFF), 0.25) : mix(hue(signal), QColor(0, 0, 0), 0.25);
}

StatusColors signalColors(Signal signal)
{
    const Theme& t = theme();
    if (signal == Signal::Neutral)
        return {t.hover, t.mutedText};
    if (t.dark)
        return {mix(t.surface, hue(signal), 0.28), mix(hue(signal), QColor(0xFF, 0xFF, 0xFF), 0.45)};
    return {mix(t.surface, hue(signal), 0.16), mix(hue(signal), QColor(0x00, 0x00, 0x00), 0.45)};
}

} // namespace caseboard::app
