#pragma once
// File > Import: the files' layouts and first rows (with a column-matching step when a
// layout is unknown), a dry run that says what will change, the import itself off the
// GUI thread with progress and cancel, and a summary.
//
// The wizard uses the window's Store. While its worker runs, it says so through
// storeInUse(true), and the window keeps every view off the store until storeInUse(false).

#include "import_file_choice.h"
#include "import_worker.h"

#include "caseboard/core/status.h"

#include <QDialog>

#include <memory>
#include <vector>

class QLabel;
class QListWidget;
class QMimeData;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace caseboard { class Store; }

namespace caseboard::app {

class ImportCheckPage;
class ImportFilePanel;
class ImportProgressPage;
class ImportSummaryPage;
class RejectsDialog;

class ImportWizard : public QDialog {
    Q_OBJECT
public:
    enum class Step { Files, Checking, Check, Importing, Done };

    // `backupDirectory`: where the copy taken before the import goes.
    ImportWizard(Store& store, QString backupDirectory, const QStringList& files, QWidget* parent = nullptr);
    ~ImportWizard() override;

    Step step() const { return step_; }
    void addFiles(const QStringList& paths);
    int fileCount() const { return static_cast<int>(files_.size()); }
    ImportFileChoice& file(int index) { return files_.at(static_cast<std::size_t>(index)); }
    void selectFile(int index);

    // Files step: Next. Check step: Import. Done: Close.
    void goNext();
    void goBack();
    // Maps a raw status that the dry run met for the first time, saves it for every
    // later import, and checks again.
    void mapStatus(const QString& rawStatus, StatusCategory category);

    const ImportRunResult& dryRun() const { return dryRun_; }
    const ImportRunResult& importRun() const { return importRun_; }
    bool isWorking() const;

    import::Importer& importer() { return *importer_; }
    QListWidget* fileList() const { return fileList_; }
    ImportFilePanel* filePanel() const { return panel_; }
    ImportCheckPage* checkPage() const { return check_; }
    ImportProgressPage* progressPage() const { return progress_; }
    ImportSummaryPage* summaryPage() const { return summary_; }
    ImportWorker* worker() const { return worker_; }
    QPushButton* nextButton() const { return next_; }
    QPushButton* backButton() const { return back_; }
    QPushButton* cancelButton() const { return cancel_; }
    // The rejected rows of a report of the last run (dry run before the import).
    RejectsDialog* showRejects(int reportIndex);

    void reject() override;

Q_SIGNALS:
    void storeInUse(bool inUse);
    // An import wrote to the database (or a cancel put a backup back): views reload.
    void practiceDataChanged();
    void stepChanged(caseboard::app::ImportWizard::Step step);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void setStep(Step step);
    void refreshFileList();
    void showSelectedFile();
    void chooseFilesToAdd();
    void removeSelectedFile();
    void runDryRun();
    void startImport();
    void workerFinished();
    std::vector<ImportJob> jobs() const;
    void updateButtons();

    Store& store_;
    QString backupDirectory_;
    std::unique_ptr<import::Importer> importer_;
    std::vector<ImportFileChoice> files_;
    Step step_ = Step::Files;
    bool closeWhenIdle_ = false;
    ImportRunResult dryRun_;
    ImportRunResult importRun_;

    QLabel* stepsLabel_;
    QStackedWidget* pages_;
    QListWidget* fileList_;
    QLabel* filesHint_;
    ImportFilePanel* panel_;
    ImportCheckPage* check_;
    ImportProgressPage* progress_;
    ImportSummaryPage* summary_;
    ImportWorker* worker_;
    QTimer* progressTimer_;
    QPushButton* addFiles_;
    QPushButton* removeFile_;
    QPushButton* back_;
    QPushButton* cancel_;
    QPushButton* next_;
};

// The local files among dropped URLs; empty when any is not a local file.
QStringList localFilesOf(const QMimeData* mime);

} // namespace caseboard::app
