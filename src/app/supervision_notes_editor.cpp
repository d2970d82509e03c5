#include "supervision_notes_editor.h"

#include "supervision_rows.h"

#include "caseboard/metrics/clinician_month.h"
#include "caseboard/team/supervision_notes.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

namespace caseboard::app {

namespace {

QLabel* sectionTitle(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("SectionTitle"));
    return label;
}

// "2026-12-02T09:14:00Z" as local time, "Dec 2, 9:14 AM".
QString localTime(const QString& utc)
{
    QDateTime time = QDateTime::fromString(utc, Qt::ISODate);
    if (!time.isValid())
        return utc;
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

SupervisionNotesEditor::SupervisionNotesEditor(QWidget* parent)
    : QWidget(parent),
      lastGoalsTitle_(sectionTitle(tr("Goals set at the last 1:1"), this)),
      lastGoals_(new QLabel(this)),
      goals_(new QPlainTextEdit(this)),
      notes_(new QPlainTextEdit(this)),
      state_(new QLabel(this)),
      saveButton_(new QPushButton(tr("Save"), this))
{
    setObjectName(QStringLiteral("SupervisionNotes"));
    lastGoals_->setObjectName(QStringLiteral("LastGoals"));
    lastGoals_->setWordWrap(true);
    lastGoals_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    lastGoals_->setTextFormat(Qt::PlainText);
    goals_->setObjectName(QStringLiteral("GoalsEdit"));
    goals_->setPlaceholderText(tr("What the clinician will work on this month, e.g. re-book every new client "
                                  "before they leave the intake"));
    goals_->setTabChangesFocus(true);
    notes_->setObjectName(QStringLiteral("NotesEdit"));
    notes_->setPlaceholderText(tr("Notes from the 1:1: wins, concerns, support needed"));
    notes_->setTabChangesFocus(true);
    goals_->setMinimumHeight(90);
    notes_->setMinimumHeight(110);
    state_->setObjectName(QStringLiteral("SaveState"));
    saveButton_->setObjectName(QStringLiteral("SaveNotes"));
    saveButton_->setToolTip(tr("Stored in this practice's database only (Ctrl+S)"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(lastGoalsTitle_);
    layout->addWidget(lastGoals_);
    layout->addSpacing(10);
    layout->addWidget(sectionTitle(tr("This month's goals"), this));
    layout->addWidget(goals_, 2);
    layout->addSpacing(6);
    layout->addWidget(sectionTitle(tr("Notes"), this));
    layout->addWidget(notes_, 3);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(state_, 1);
    buttons->addWidget(saveButton_);
    layout->addLayout(buttons);

    connect(goals_, &QPlainTextEdit::textChanged, this, [this] { setDirty(true); });
    connect(notes_, &QPlainTextEdit::textChanged, this, [this] { setDirty(true); });
    connect(saveButton_, &QPushButton::clicked, this, [this] { save(); });
    auto* shortcut = new QShortcut(QKeySequence::Save, this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, [this] { save(); });
    setContext(nullptr, 0, {});
}

void SupervisionNotesEditor::setContext(Store* store, RowId clinician, const QString& month)
{
    if (dirty_ && store_ && store == store_ && clinician_ != 0)
        save();
    store_ = store;
    clinician_ = clinician;
    month_ = month;
    load();
}

void SupervisionNotesEditor::load()
{
    loading_ = true;
    const bool usable = store_ && clinician_ != 0 && metrics::CalendarMonth::parse(month_.toStdString());
    std::optional<team::SupervisionNote> note;
    std::optional<team::SupervisionNote> last;
    if (usable) {
        try {
            note = team::loadSupervisionNote(*store_, clinician_, month_.toStdString());
            last = team::lastGoalsBefore(*store_, clinician_, month_.toStdString());
        } catch (const std::exception& error) {
            spdlog::error("supervision: reading notes failed: {}", error.what());
        }
    }
    goals_->setPlainText(note ? QString::fromStdString(note->goals) : QString());
    notes_->setPlainText(note ? QString::fromStdString(note->notes) : QString());
    updatedAt_ = note ? QString::fromStdString(note->updatedAt) : QString();
    lastGoalsMonth_ = last ? QString::fromStdString(last->month) : QString();
    if (last) {
        lastGoalsTitle_->setText(
            tr("Goals set at the last 1:1 (%1)").arg(monthName(*metrics::CalendarMonth::parse(last->month))));
        lastGoals_->setText(QString::fromStdString(last->goals));
        lastGoals_->setEnabled(true);
    } else {
        lastGoalsTitle_->setText(tr("Goals set at the last 1:1"));
        lastGoals_->setText(tr("No goals recorded for an earlier month."));
        lastGoals_->setEnabled(false);
    }
    goals_->setEnabled(usable);
    notes_->setEnabled(usable);
    loading_ = false;
    setDirty(false);
    if (!usable)
        showState({});
    else if (note)
        showState(tr("\u2713 Saved %1").arg(localTime(updatedAt_)));
    else
        showState(tr("Not saved yet"));
}

bool SupervisionNotesEditor::save()
{
    if (!store_ || clinician_ == 0)
        return false;
    try {
        const team::SupervisionNote note =
            team::saveSupervisionNote(*store_, clinician_, month_.toStdString(), goals_->toPlainText().toStdString(),
                                      notes_->toPlainText().toStdString());
        updatedAt_ = QString::fromStdString(note.updatedAt);
    } catch (const std::exception& error) {
        // The text itself is never logged: it is about a person.
        spdlog::error("supervision: saving notes failed: {}", error.what());
        showState(tr("Not saved: %1").arg(QString::fromUtf8(error.what())), true);
        return false;
    }
    setDirty(false);
    showState(tr("\u2713 Saved %1").arg(localTime(updatedAt_)));
    Q_EMIT saved();
    return true;
}

PacketNotes SupervisionNotesEditor::packetNotes() const
{
    PacketNotes notes;
    notes.lastGoalsMonth = lastGoalsMonth_;
    notes.lastGoals = lastGoalsMonth_.isEmpty() ? QString() : lastGoals_->text();
    notes.goals = goals_->toPlainText();
    notes.notes = notes_->toPlainText();
    return notes;
}

void SupervisionNotesEditor::setDirty(bool dirty)
{
    if (loading_)
        return;
    dirty_ = dirty;
    saveButton_->setEnabled(dirty && store_ && clinician_ != 0);
    if (dirty)
        showState(tr("\u25CF Unsaved changes"));
}

void SupervisionNotesEditor::showState(const QString& text, bool problem)
{
    state_->setText(text);
    state_->setProperty("problem", problem);
    state_->setStyleSheet(problem ? QStringLiteral("color: #B84A00;") : QString());
}

} // namespace caseboard::app
