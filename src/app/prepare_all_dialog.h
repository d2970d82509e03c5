#pragma once
// "Prepare all": writes the month's supervision packets, one PDF per clinician or per
// supervisor's team, into a chosen folder, on a worker thread with a progress bar.

#include "packet_batch.h"

#include <QDialog>
#include <QFutureWatcher>

class QButtonGroup;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace caseboard::app {

class PrepareAllDialog : public QDialog {
    Q_OBJECT
public:
    // `job` has everything but the folder, grouping and masking, which the dialog asks.
    PrepareAllDialog(PacketJob job, QWidget* parent = nullptr);
    ~PrepareAllDialog() override;

    QLineEdit* folderEdit() const { return folder_; }
    QRadioButton* perSupervisorButton() const { return perSupervisor_; }
    QCheckBox* initialsBox() const { return initials_; }
    QPushButton* prepareButton() const { return prepare_; }
    QLabel* resultLabel() const { return result_; }
    bool isRunning() const { return watcher_ != nullptr; }
    const PacketBatchOutcome& outcome() const { return outcome_; }

    // Starts writing (what the Prepare button does).
    void start();

Q_SIGNALS:
    // The batch is done (outcome() says what was written).
    void packetsWritten();

protected:
    void reject() override;

private:
    void chooseFolder();
    void updateButtons();

    PacketJob job_;
    QLineEdit* folder_;
    QRadioButton* perClinician_;
    QRadioButton* perSupervisor_;
    QCheckBox* initials_;
    QProgressBar* progress_;
    QLabel* result_;
    QPushButton* prepare_;
    QPushButton* openFolder_;
    QDialogButtonBox* buttons_;
    QFutureWatcher<PacketBatchOutcome>* watcher_ = nullptr;
    PacketBatchOutcome outcome_;
};

} // namespace caseboard::app
