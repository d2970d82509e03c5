#pragma once
// The one way Team & Settings changes the database: an edit runs through the engine in
// its own transaction, and what it may touch is captured before and after, so Ctrl+Z
// puts the tables back exactly (one QUndoCommand per saved edit). After every change,
// done or undone, `changed` tells the main window to recompute the other views.

#include "caseboard/team/team_state.h"

#include <QObject>
#include <QString>

#include <functional>

class QUndoStack;

namespace caseboard { class Store; }

namespace caseboard::app {

class SettingsEditStack : public QObject {
    Q_OBJECT
public:
    explicit SettingsEditStack(QObject* parent = nullptr);

    // Clears the history: commands of another database cannot be undone in this one.
    void setStore(Store* store);
    Store* store() const { return store_; }
    QUndoStack* undoStack() const { return undo_; }

    // Runs `edit` (which throws team::EditRefused or sql::Error to refuse) and records it
    // as one undoable command. Returns an empty string on success, else the message; a
    // refused edit changes nothing and records nothing.
    QString apply(const QString& text, const team::AppointmentSelection& touched, const std::function<void()>& edit);

Q_SIGNALS:
    void changed();

private:
    friend class SettingsEditCommand;
    void restore(const team::TeamState& state);

    Store* store_ = nullptr;
    QUndoStack* undo_;
};

} // namespace caseboard::app
