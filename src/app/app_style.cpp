#include "app_style.h"

#include <QApplication>
#include <QFont>
#include <QLocale>
#include <QPalette>
#include <QProxyStyle>
#include <QStyleFactory>

static void initCaseboardResources() { Q_INIT_RESOURCE(caseboard); }

namespace caseboard::app {

namespace {

Theme makeLightTheme()
{
    Theme t;
    t.dark = false;
    t.window = QColor(0xF7, 0xF8, 0xFA);
    t.surface = QColor(0xFF, 0xFF, 0xFF);
    t.sidebar = QColor(0xEE, 0xF1, 0xF5);
    t.border = QColor(0xDD, 0xE1, 0xE7);
    t.text = QColor(0x1E, 0x23, 0x2D);
    t.mutedText = QColor(0x5F, 0x67, 0x75);
    t.accent = QColor(0x25, 0x63, 0xC9);
    t.accentSoft = QColor(0xDC, 0xE8, 0xFA);
    t.accentText = QColor(0x17, 0x47, 0x96);
    t.hover = QColor(0xE3, 0xE7, 0xED);
    return t;
}

Theme makeDarkTheme()
{
    Theme t;
    t.dark = true;
    t.window = QColor(0x1C, 0x1F, 0x24);
    t.surface = QColor(0x23, 0x27, 0x2E);
    t.sidebar = QColor(0x17, 0x1A, 0x1E);
    t.border = QColor(0x36, 0x3B, 0x44);
    t.text = QColor(0xE6, 0xE9, 0xEE);
    t.mutedText = QColor(0x9A, 0xA3, 0xB0);
    t.accent = QColor(0x5B, 0x9B, 0xF0);
    t.accentSoft = QColor(0x24, 0x3A, 0x5C);
    t.accentText = QColor(0xCF, 0xE1, 0xFB);
    t.hover = QColor(0x2A, 0x2F, 0x37);
    return t;
}

Theme& currentTheme()
{
    static Theme theme = makeLightTheme();
    return theme;
}

QColor blend(const QColor& from, const QColor& to, double amount)
{
    return QColor::fromRgbF(static_cast<float>(from.redF() + (to.redF() - from.redF()) * amount),
                            static_cast<float>(from.greenF() + (to.greenF() - from.greenF()) * amount),
                            static_cast<float>(from.blueF() + (to.blueF() - from.blueF()) * amount));
}

QPalette makePalette(const Theme& t)
{
    QPalette p;
    p.setColor(QPalette::Window, t.window);
    p.setColor(QPalette::WindowText, t.text);
    p.setColor(QPalette::Base, t.surface);
    p.setColor(QPalette::AlternateBase, t.dark ? QColor(0x27, 0x2B, 0x33) : QColor(0xF8, 0xF9, 0xFB));
    p.setColor(QPalette::ToolTipBase, t.dark ? QColor(0x30, 0x35, 0x3E) : QColor(0xFF, 0xFF, 0xFF));
    p.setColor(QPalette::ToolTipText, t.text);
    p.setColor(QPalette::PlaceholderText, t.mutedText);
    p.setColor(QPalette::Text, t.text);
    p.setColor(QPalette::Button, t.dark ? QColor(0x2C, 0x31, 0x39) : QColor(0xFB, 0xFC, 0xFD));
    p.setColor(QPalette::ButtonText, t.text);
    p.setColor(QPalette::BrightText, QColor(0xFF, 0xFF, 0xFF));
    p.setColor(QPalette::Light, t.dark ? QColor(0x3A, 0x40, 0x4A) : QColor(0xFF, 0xFF, 0xFF));
    p.setColor(QPalette::Midlight, t.dark ? QColor(0x33, 0x38, 0x41) : QColor(0xEC, 0xEE, 0xF2));
    p.setColor(QPalette::Mid, t.border);
    p.setColor(QPalette::Dark, t.dark ? QColor(0x12, 0x14, 0x17) : QColor(0xB8, 0xBE, 0xC8));
    p.setColor(QPalette::Shadow, t.dark ? QColor(0x00, 0x00, 0x00) : QColor(0x9A, 0xA1, 0xAD));
    p.setColor(QPalette::Highlight, t.accentSoft);
    p.setColor(QPalette::HighlightedText, t.text);
    p.setColor(QPalette::Link, t.accent);
    p.setColor(QPalette::LinkVisited, t.accent);

    const QColor disabled = blend(t.mutedText, t.window, 0.35);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, t.hover);
    return p;
}

QString styleSheet(const Theme& t)
{
    const auto c = [](const QColor& color) { return color.name(QColor::HexRgb); };
    QString css = QStringLiteral(R"css(
QMainWindow, QStackedWidget#ContentStack { background: @window; }

#NavigationSidebar { background: @sidebar; border-right: 1px solid @border; }
#NavigationSidebar QLabel#SidebarBrand { font-weight: 700; color: @text; }
#NavigationSidebar QLabel#SidebarFootnote { color: @muted; }
#NavigationSidebar QPushButton {
    text-align: left;
    border: none;
    border-radius: 7px;
    padding: 8px 10px;
    color: @text;
    background: transparent;
}
#NavigationSidebar QPushButton:hover { background: @hover; }
#NavigationSidebar QPushButton:checked { background: @accentSoft; color: @accentText; font-weight: 600; }
#NavigationSidebar QPushButton:disabled { color: @muted; }
#NavigationSidebar QPushButton:checked:disabled { background: transparent; color: @muted; font-weight: 400; }
#NavigationSidebar QPushButton:focus { outline: none; }

QLabel#PageTitle { color: @text; font-weight: 700; }
QLabel#PageSubtitle { color: @muted; }

QLabel#EmptyStateTitle { color: @text; font-weight: 600; }
QLabel#EmptyStateBody { color: @muted; }
QLabel#EmptyStateChip {
    color: @accentText;
    background: @accentSoft;
    border-radius: 10px;
    padding: 3px 10px;
    font-weight: 600;
}

QLabel#MutedLabel { color: @muted; }

QPushButton#PrimaryButton, QPushButton#SecondaryButton {
    border-radius: 7px;
    padding: 7px 16px;
}
QPushButton#PrimaryButton { background: @accent; color: #FFFFFF; border: 1px solid @accent; }
QPushButton#PrimaryButton:hover { background: @accentText; border-color: @accentText; }
QPushButton#SecondaryButton { background: @surface; color: @text; border: 1px solid @border; }
QPushButton#SecondaryButton:hover { border-color: @accent; }

QLineEdit#SearchField {
    border: 1px solid @border;
    border-radius: 7px;
    padding: 6px 8px;
    background: @surface;
    selection-background-color: @accentSoft;
}
QLineEdit#SearchField:focus { border: 1px solid @accent; }

QToolButton#ColumnsButton {
    border: 1px solid @border;
    border-radius: 7px;
    padding: 6px 22px 6px 12px;
    background: @surface;
    color: @text;
}
QToolButton#ColumnsButton:hover { border-color: @accent; }
QToolButton#ColumnsButton::menu-indicator { subcontrol-origin: padding; subcontrol-position: center right; right: 8px; }

QTableView#DataTable {
    border: 1px solid @border;
    border-radius: 8px;
    background: @surface;
    gridline-color: @border;
    selection-background-color: @accentSoft;
    selection-color: @text;
}
QTableView#DataTable QHeaderView::section {
    background: @surface;
    color: @muted;
    border: none;
    border-bottom: 1px solid @border;
    padding: 7px 8px;
    font-weight: 600;
}
QTableView#DataTable QTableCornerButton::section { background: @surface; border: none; }

QStatusBar { background: @sidebar; border-top: 1px solid @border; color: @muted; }
QStatusBar QLabel { color: @muted; padding: 0 6px; }
QStatusBar::item { border: none; }

QProgressBar#BusyBar {
    border: none;
    background: @hover;
    border-radius: 3px;
    max-height: 6px;
}
QProgressBar#BusyBar::chunk { background: @accent; border-radius: 3px; }
)css");
    css.replace(QStringLiteral("@window"), c(t.window));
    css.replace(QStringLiteral("@surface"), c(t.surface));
    css.replace(QStringLiteral("@sidebar"), c(t.sidebar));
    css.replace(QStringLiteral("@border"), c(t.border));
    css.replace(QStringLiteral("@text"), c(t.text));
    css.replace(QStringLiteral("@muted"), c(t.mutedText));
    css.replace(QStringLiteral("@accentSoft"), c(t.accentSoft));
    css.replace(QStringLiteral("@accentText"), c(t.accentText));
    css.replace(QStringLiteral("@accent"), c(t.accent));
    css.replace(QStringLiteral("@hover"), c(t.hover));
    return css;
}

QColor statusHue(StatusCategory category)
{
    // Okabe–Ito: distinguishable with the common colour-vision deficiencies.
    switch (category) {
    case StatusCategory::Completed: return QColor(0x00, 0x9E, 0x73);          // bluish green
    case StatusCategory::LateCancel: return QColor(0xE6, 0x9F, 0x00);         // orange (amber)
    case StatusCategory::Cancelled: return QColor(0xE6, 0x9F, 0x00);          // amber
    case StatusCategory::ClinicianCancelled: return QColor(0xE6, 0x9F, 0x00); // amber
    case StatusCategory::NoShow: return QColor(0xD5, 0x5E, 0x00);             // vermillion
    case StatusCategory::Scheduled: return QColor(0x00, 0x72, 0xB2);          // blue
    case StatusCategory::Other: return QColor(0x7A, 0x82, 0x8F);              // grey
    }
    return QColor(0x7A, 0x82, 0x8F);
}

// Fusion with room to breathe: item text sits a few pixels further from the cell
// edges, so table cells line up with their header titles.
class CaseboardStyle : public QProxyStyle {
public:
    using QProxyStyle::QProxyStyle;

    QRect subElementRect(SubElement element, const QStyleOption* option, const QWidget* widget) const override
    {
        QRect rect = QProxyStyle::subElementRect(element, option, widget);
        if (element == SE_ItemViewItemText)
            rect.adjust(kCellPadding, 0, -kCellPadding, 0);
        return rect;
    }

    static constexpr int kCellPadding = 5;
};

} // namespace

const Theme& theme() { return currentTheme(); }

StatusColors statusColors(StatusCategory category)
{
    const Theme& t = theme();
    const QColor hue = statusHue(category);
    if (t.dark)
        return {blend(t.surface, hue, 0.28), blend(hue, QColor(0xFF, 0xFF, 0xFF), 0.45)};
    return {blend(t.surface, hue, 0.16), blend(hue, QColor(0x00, 0x00, 0x00), 0.45)};
}

void initAppResources()
{
    static const bool done = [] {
        initCaseboardResources();
        return true;
    }();
    (void)done;
}

void applyAppStyle(QApplication& application)
{
    initAppResources();

    // Follow the system: a platform palette whose window is darker than its text is a
    // dark theme. Read it before Fusion replaces the palette.
    const QPalette system = QApplication::palette();
    const bool dark = system.color(QPalette::Window).lightness() < system.color(QPalette::WindowText).lightness();
    currentTheme() = dark ? makeDarkTheme() : makeLightTheme();

    application.setStyle(new CaseboardStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
    application.setPalette(makePalette(theme()));

    // Without a configured locale ("C"), read numbers, dates and times the way the
    // practices Caseboard is made for do: "1,000,000", "9:00 AM".
    if (QLocale().language() == QLocale::C)
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));

    QFont font = QApplication::font();
    if (font.pointSizeF() > 0 && font.pointSizeF() < 10.0)
        font.setPointSizeF(10.0);
    application.setFont(font);

    application.setStyleSheet(styleSheet(theme()));
}

} // namespace caseboard::app
