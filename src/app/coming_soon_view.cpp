#include "coming_soon_view.h"

#include "empty_state_widget.h"
#include "page_header.h"

#include <QVBoxLayout>

namespace caseboard::app {

ComingSoonView::ComingSoonView(ViewId id, QWidget* parent) : PracticeView(parent)
{
    const ViewInfo info = viewInfo(id);
    setObjectName(info.key + QStringLiteral("-view"));

    auto* header = new PageHeader(info.title, info.subtitle, this);
    emptyState_ = new EmptyStateWidget(info.iconName, info.plannedTitle, info.plannedDescription, this);
    emptyState_->setChip(tr("Coming in a later release"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 18);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addWidget(emptyState_, 1);
}

} // namespace caseboard::app
