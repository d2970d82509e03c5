#include "team_settings_view.h"

#include "empty_state_widget.h"
#include "metric_rules_tab.h"
#include "page_header.h"
#include "practice_goals_tab.h"
#include "settings_edit_stack.h"
#include "status_mapping_tab.h"
#include "team_tab.h"
#include "view_catalog.h"

#include <QAction>
#include <QHBoxLayout>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace caseboard::app {

TeamSettingsView::TeamSettingsView(QWidget* parent)
    : PracticeView(parent),
      edits_(new SettingsEditStack(this)),
      stack_(new QStackedWidget(this)),
      empty_(nullptr),
      tabs_(new QTabWidget(this)),
      team_(new TeamTab(edits_, this)),
      goals_(new PracticeGoalsTab(edits_, this)),
      rules_(new MetricRulesTab(edits_, this)),
      statuses_(new StatusMappingTab(edits_, this)),
      undo_(edits_->undoStack()->createUndoAction(this, tr("&Undo"))),
      redo_(edits_->undoStack()->createRedoAction(this, tr("&Redo")))
{
    const ViewInfo info = viewInfo(ViewId::TeamSettings);
    setObjectName(info.key + QStringLiteral("-view"));

    // Ctrl+Z works anywhere in the view, not only on the focused field's own text.
    undo_->setShortcut(QKeySequence::Undo);
    redo_->setShortcut(QKeySequence::Redo);
    for (QAction* action : {undo_, redo_}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    auto* undoButton = new QToolButton(this);
    undoButton->setDefaultAction(undo_);
    undoButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* redoButton = new QToolButton(this);
    redoButton->setDefaultAction(redo_);
    redoButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto* header = new PageHeader(info.title, tr("Your team, its goals and the rules behind every number. "
                                                 "Changes are saved at once and can be undone."),
                                  this);
    auto* top = new QHBoxLayout;
    top->addWidget(header, 1);
    top->addWidget(undoButton, 0, Qt::AlignBottom);
    top->addWidget(redoButton, 0, Qt::AlignBottom);

    tabs_->setObjectName(QStringLiteral("TeamSettingsTabs"));
    tabs_->setDocumentMode(true);
    tabs_->addTab(team_, tr("Team"));
    tabs_->addTab(goals_, tr("Practice goals"));
    tabs_->addTab(rules_, tr("Metric rules"));
    tabs_->addTab(statuses_, tr("Status mapping"));

    empty_ = new EmptyStateWidget(info.iconName, tr("No practice open"),
                                  {tr("Open a practice database to edit its team and settings.")}, this);
    stack_->addWidget(empty_);
    stack_->addWidget(tabs_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 18);
    layout->setSpacing(12);
    layout->addLayout(top);
    layout->addWidget(stack_, 1);

    connect(edits_, &SettingsEditStack::changed, this, [this] {
        reload();
        Q_EMIT practiceDataChanged();
    });
}

void TeamSettingsView::setDatabase(Store* store)
{
    edits_->setStore(store);
    stack_->setCurrentWidget(store ? static_cast<QWidget*>(tabs_) : empty_);
    reload();
}

void TeamSettingsView::reloadReplacedData()
{
    edits_->undoStack()->clear();
    reload();
}

void TeamSettingsView::reload()
{
    team_->reload();
    goals_->reload();
    rules_->reload();
    statuses_->reload();
}

} // namespace caseboard::app
