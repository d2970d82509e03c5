#pragma once
// The goals and notes of a 1:1: the goals set at the last one (read-only), and this
// month's goals and notes, saved to the practice's database with a clear saved state.
// Unsaved edits are saved before the editor moves to another clinician or month, so
// switching never loses what was typed.

#include "supervision_packet_pdf.h"

#include "caseboard/core/domain.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace caseboard { class Store; }

namespace caseboard::app {

class SupervisionNotesEditor : public QWidget {
    Q_OBJECT
public:
    explicit SupervisionNotesEditor(QWidget* parent = nullptr);

    // Saves pending edits of the previous context, then loads (clinician, "YYYY-MM").
    // A null store or clinician 0 empties and disables the editor.
    void setContext(Store* store, RowId clinician, const QString& month);

    bool isDirty() const { return dirty_; }
    // Saves now; false (with the reason shown) when the database refused.
    bool save();
    PacketNotes packetNotes() const;

    QPlainTextEdit* goalsEdit() const { return goals_; }
    QPlainTextEdit* notesEdit() const { return notes_; }
    QLabel* lastGoalsLabel() const { return lastGoals_; }
    QLabel* stateLabel() const { return state_; }
    QPushButton* saveButton() const { return saveButton_; }

Q_SIGNALS:
    void saved();

private:
    void load();
    void setDirty(bool dirty);
    void showState(const QString& text, bool problem = false);

    Store* store_ = nullptr;
    RowId clinician_ = 0;
    QString month_;
    QString lastGoalsMonth_;
    QString updatedAt_;
    bool dirty_ = false;
    bool loading_ = false;

    QLabel* lastGoalsTitle_;
    QLabel* lastGoals_;
    QPlainTextEdit* goals_;
    QPlainTextEdit* notes_;
    QLabel* state_;
    QPushButton* saveButton_;
};

} // namespace caseboard::app
