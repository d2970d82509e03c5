#include "chart_colors.h"

#include "app_style.h"

namespace caseboard::app {

namespace {

QColor mix(const QColor& from, const QColor& to, double amount)
{
    return QColor::fromRgbF(static_cast<float>(from.redF() + (to.redF() - from.redF()) * amount),
                            static_cast<float>(from.greenF() + (to.greenF() - from.greenF()) * amount),
                            static_cast<float>(from.blueF() + (to.blueF() - from.blueF()) * amount));
}

} // namespace

ChartColors chartColors()
{
    const Theme& t = theme();
    ChartColors c;
    c.background = t.surface;
    c.text = t.text;
    c.muted = t.mutedText;
    c.grid = t.border;
    c.counted = t.dark ? QColor(0x3D, 0x9B, 0xD9) : QColor(0x00, 0x72, 0xB2); // blue
    // The unfinished week: the same hue, faded, so it reads as "not done yet".
    c.countedToDate = mix(c.counted, t.surface, t.dark ? 0.3 : 0.55);
    c.goal = QColor(0xE6, 0x9F, 0x00);       // orange
    c.cancelled = QColor(0x56, 0xB4, 0xE9);  // sky blue
    c.lateCancel = QColor(0xE6, 0x9F, 0x00); // orange
    c.noShow = QColor(0xD5, 0x5E, 0x00);     // vermillion
    c.activeClients = t.dark ? QColor(0x2E, 0xC4, 0x9A) : QColor(0x00, 0x9E, 0x73); // bluish green
    c.hoverBand = t.text;
    c.hoverBand.setAlphaF(t.dark ? 0.10f : 0.07f);
    c.gapHatch = t.mutedText;
    c.gapHatch.setAlphaF(0.45f);
    return c;
}

} // namespace caseboard::app
