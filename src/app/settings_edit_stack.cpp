#include "settings_edit_stack.h"

#include "caseboard/store/sqlite.h"
#include "caseboard/store/store.h"
#include "caseboard/team/team_edits.h"

#include <QUndoCommand>
#include <QUndoStack>

#include <spdlog/spdlog.h>

namespace caseboard::app {

// The tables before and after one saved edit. The edit itself ran before the command was
// pushed, so the first redo (QUndoStack::push calls it) has nothing to do.
class SettingsEditCommand : public QUndoCommand {
public:
    SettingsEditCommand(SettingsEditStack& stack, const QString& text, team::TeamState before,
                        team::TeamState after)
        : QUndoCommand(text), stack_(stack), before_(std::move(before)), after_(std::move(after))
    {
    }

    void undo() override { stack_.restore(before_); }
    void redo() override
    {
        if (first_) {
            first_ = false;
            return;
        }
        stack_.restore(after_);
    }

private:
    SettingsEditStack& stack_;
    team::TeamState before_;
    team::TeamState after_;
    bool first_ = true;
};

SettingsEditStack::SettingsEditStack(QObject* parent) : QObject(parent), undo_(new QUndoStack(this)) {}

void SettingsEditStack::setStore(Store* store)
{
    store_ = store;
    undo_->clear();
}

QString SettingsEditStack::apply(const QString& text, const team::AppointmentSelection& touched,
                                 const std::function<void()>& edit)
{
    if (!store_)
        return tr("No database is open.");
    try {
        team::TeamState before = team::captureTeamState(*store_, touched);
        edit();
        // The same rows as before, wherever the edit moved them.
        team::TeamState after = team::captureTeamState(*store_, team::sameAppointments(before));
        undo_->push(new SettingsEditCommand(*this, text, std::move(before), std::move(after)));
    } catch (const team::EditRefused& refused) {
        return QString::fromStdString(refused.what());
    } catch (const sql::Error& error) {
        spdlog::warn("a settings edit failed: {}", error.what()); // the message names tables, not clients
        return tr("The change could not be saved: %1").arg(QString::fromStdString(error.what()));
    }
    Q_EMIT changed();
    return {};
}

void SettingsEditStack::restore(const team::TeamState& state)
{
    if (!store_)
        return;
    try {
        team::restoreTeamState(*store_, state);
    } catch (const sql::Error& error) {
        spdlog::warn("undoing a settings edit failed: {}", error.what());
        return;
    }
    Q_EMIT changed();
}

} // namespace caseboard::app
