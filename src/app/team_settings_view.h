#pragma once
// Team & Settings: the team and its goals, the practice's goals, the metric rules and the
// status mapping, one tab each. Every saved edit is one undoable command (Ctrl+Z) and
// ends with `practiceDataChanged`, so the main window recomputes the other views.
// Settings that change numbers live in the database; only machine settings stay local.

#include "practice_view.h"

class QAction;
class QStackedWidget;
class QTabWidget;

namespace caseboard::app {

class EmptyStateWidget;
class MetricRulesTab;
class PracticeGoalsTab;
class SettingsEditStack;
class StatusMappingTab;
class TeamTab;

class TeamSettingsView : public PracticeView {
    Q_OBJECT
public:
    explicit TeamSettingsView(QWidget* parent = nullptr);

    void setDatabase(Store* store) override;
    // Reads everything again (after an import elsewhere changed the data).
    void reload();
    // After an import, a rollback or a restored backup: an undo recorded before it would
    // put back team rows as they were before the data under them changed, so the history
    // goes.
    void reloadReplacedData();

    SettingsEditStack* edits() const { return edits_; }
    QTabWidget* tabs() const { return tabs_; }
    TeamTab* teamTab() const { return team_; }
    PracticeGoalsTab* practiceGoalsTab() const { return goals_; }
    MetricRulesTab* metricRulesTab() const { return rules_; }
    StatusMappingTab* statusMappingTab() const { return statuses_; }
    QAction* undoAction() const { return undo_; }
    QAction* redoAction() const { return redo_; }

Q_SIGNALS:
    // After every saved, undone or redone edit.
    void practiceDataChanged();

private:
    SettingsEditStack* edits_;
    QStackedWidget* stack_;
    EmptyStateWidget* empty_;
    QTabWidget* tabs_;
    TeamTab* team_;
    PracticeGoalsTab* goals_;
    MetricRulesTab* rules_;
    StatusMappingTab* statuses_;
    QAction* undo_;
    QAction* redo_;
};

} // namespace caseboard::app
