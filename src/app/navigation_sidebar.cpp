#include "navigation_sidebar.h"

#include "app_style.h"
#include "icons.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace caseboard::app {

namespace {
constexpr int kSidebarWidth = 212;
constexpr int kIconSize = 18;
} // namespace

NavigationSidebar::NavigationSidebar(QWidget* parent)
    : QWidget(parent), group_(new QButtonGroup(this))
{
    setObjectName(QStringLiteral("NavigationSidebar"));
    setAttribute(Qt::WA_StyledBackground, true);
    setFixedWidth(kSidebarWidth);

    auto* logo = new QLabel(this);
    logo->setPixmap(applicationIcon().pixmap(QSize(28, 28)));
    auto* brand = new QLabel(QStringLiteral("Caseboard"), this);
    brand->setObjectName(QStringLiteral("SidebarBrand"));
    QFont brandFont = brand->font();
    brandFont.setPointSizeF(brandFont.pointSizeF() * 1.3);
    brand->setFont(brandFont);

    auto* brandRow = new QHBoxLayout;
    brandRow->setContentsMargins(8, 0, 0, 0);
    brandRow->setSpacing(10);
    brandRow->addWidget(logo);
    brandRow->addWidget(brand, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 18, 12, 14);
    layout->setSpacing(2);
    layout->addLayout(brandRow);
    layout->addSpacing(22);

    group_->setExclusive(true);
    for (const ViewId id : kAllViews) {
        const ViewInfo info = viewInfo(id);
        if (id == ViewId::Import)
            layout->addSpacing(14);
        auto* button = new QPushButton(navigationIcon(info.iconName), menuText(info), this);
        button->setObjectName(QStringLiteral("nav-") + info.key);
        button->setCheckable(true);
        button->setIconSize(QSize(kIconSize, kIconSize));
        button->setCursor(Qt::PointingHandCursor);
        button->setToolTip(info.subtitle);
        button->setAccessibleName(info.title);
        group_->addButton(button, viewIndex(id));
        layout->addWidget(button);
        buttons_[id] = button;
    }
    layout->addStretch(1);

    auto* lock = new QLabel(this);
    lock->setPixmap(tintedPixmap(QStringLiteral("lock"), 14, theme().mutedText));
    auto* note = new QLabel(tr("Data stays on this computer"), this);
    note->setObjectName(QStringLiteral("SidebarFootnote"));
    note->setWordWrap(true);
    QFont noteFont = note->font();
    noteFont.setPointSizeF(noteFont.pointSizeF() * 0.9);
    note->setFont(noteFont);
    note->setToolTip(tr("Caseboard keeps your practice's data in one local database file and never sends it "
                        "anywhere."));
    auto* noteRow = new QHBoxLayout;
    noteRow->setContentsMargins(10, 0, 0, 0);
    noteRow->setSpacing(6);
    noteRow->addWidget(lock, 0, Qt::AlignTop);
    noteRow->addWidget(note, 1);
    layout->addLayout(noteRow);

    connect(group_, &QButtonGroup::idClicked, this, [this](int index) {
        Q_EMIT viewSelected(kAllViews[static_cast<std::size_t>(index)]);
    });
    setCurrentView(ViewId::Dashboard);
}

void NavigationSidebar::setCurrentView(ViewId id) { buttons_.at(id)->setChecked(true); }

ViewId NavigationSidebar::currentView() const
{
    const int index = group_->checkedId();
    return index < 0 ? ViewId::Dashboard : kAllViews[static_cast<std::size_t>(index)];
}

QPushButton* NavigationSidebar::button(ViewId id) const { return buttons_.at(id); }

void NavigationSidebar::setNavigationEnabled(bool enabled)
{
    for (auto& [id, button] : buttons_)
        button->setEnabled(enabled);
}

bool NavigationSidebar::navigationEnabled() const { return buttons_.begin()->second->isEnabled(); }

} // namespace caseboard::app
