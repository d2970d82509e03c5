#pragma once
// Team tab of Team & Settings: the clinicians with everything payroll and the metrics
// need (aliases included), and each one's goal periods on a timeline with a table to
// add, change or end them. Clinicians an import added without a goal are flagged until
// someone sets one. The roster imports and exports in the caseboard-team layout.

#include "caseboard/core/domain.h"

#include <QWidget>

#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace caseboard::app {

class GoalTimeline;
class SettingsEditStack;

class TeamTab : public QWidget {
    Q_OBJECT
public:
    explicit TeamTab(SettingsEditStack* edits, QWidget* parent = nullptr);

    // Reads the team from the store again (after an edit, an undo or an import).
    void reload();

    // The edits the buttons make; each returns "" or the refusal shown to the user.
    QString saveClinician(const Clinician& clinician, const QStringList& aliases);
    QString saveGoalPeriod(const GoalPeriod& period);
    QString deleteGoalPeriod(RowId period);
    QString importRoster(const QString& path);
    QString exportRoster(const QString& path);

    void selectClinician(RowId id);
    RowId selectedClinician() const { return selected_; }
    // Clinicians (clinical roles) with no goal period: the import prompt.
    QStringList cliniciansWithoutGoal() const;

    QTableWidget* clinicianTable() const { return clinicians_; }
    QTableWidget* periodTable() const { return periods_; }
    GoalTimeline* timeline() const { return timeline_; }
    QLabel* messageLabel() const { return message_; }
    QLabel* goalPrompt() const { return prompt_; }

private:
    void showMessage(const QString& text, bool error);
    void fillForm();
    void fillPeriods();
    Clinician formClinician() const;
    std::optional<GoalPeriod> formPeriod(QString* error) const;
    void saveFromForm();
    void addPeriodFromForm(bool leave);
    void updateSelectedPeriod();
    void deleteSelectedPeriod();
    void chooseRosterToImport();
    void chooseRosterExport();

    SettingsEditStack* edits_;
    RowId selected_ = 0;
    std::vector<Clinician> team_;
    std::vector<GoalPeriod> allPeriods_;

    QLabel* message_;
    QLabel* prompt_;
    QTableWidget* clinicians_;
    QLineEdit* name_;
    QLineEdit* aliases_;
    QComboBox* role_;
    QLineEdit* type_;
    QLineEdit* location_;
    QLineEdit* supervisor_;
    QLineEdit* start_;
    QLineEdit* end_;
    QDoubleSpinBox* rate_;
    QPushButton* save_;
    GoalTimeline* timeline_;
    QTableWidget* periods_;
    QDateEdit* periodFrom_;
    QDateEdit* periodTo_;
    QCheckBox* openEnded_;
    QDoubleSpinBox* periodGoal_;
};

} // namespace caseboard::app
