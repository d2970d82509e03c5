// The import wizard on a small demo practice and the import fixtures: the detected
// layout and how sure, the preview; a dry run whose counts the import then matches; a
// new status mapped right in the check step; columns matched by hand and saved as a
// preset; the rejects table and its CSV; cancelling mid-import (after one file was
// already committed) leaves every table exactly as before; drag and drop and Ctrl+I
// start it. Saves a screenshot of every step at 1280x800.

#include "import_test_support.h"

#include "import_check_page.h"
#include "import_file_panel.h"
#include "import_progress_page.h"
#include "import_summary_page.h"
#include "import_wizard.h"
#include "main_window.h"
#include "rejects_dialog.h"
#include "rejects_table_model.h"

#include "caseboard/import/status_map.h"
#include "caseboard/store/database_backup.h"

#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QUrl>

using namespace caseboard;
using namespace caseboard::app;
using namespace caseboard::gui_test;

namespace {
constexpr int kWait = 60000;
using Step = ImportWizard::Step;
} // namespace

class ImportWizardTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir directory_;
    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<MainWindow> window_;
    QString practice_;

    // A fresh copy of the small practice for each test, and a window on it.
    void openPractice()
    {
        window_.reset();
        const QString pristine = directory_.filePath(QStringLiteral("pristine.db"));
        if (!QFileInfo::exists(pristine))
            createPractice(pristine);
        practice_ = directory_.filePath(QStringLiteral("practice.db"));
        QFile::remove(practice_);
        QFile::remove(practice_ + QStringLiteral("-wal"));
        QFile::remove(practice_ + QStringLiteral("-shm"));
        QVERIFY(QFile::copy(pristine, practice_));
        QDir(directory_.filePath(QStringLiteral("backups"))).removeRecursively();
        settings_ = temporarySettings(directory_);
        openWindowOn(window_, *settings_, directory_.path(), practice_);
    }

    ImportWizard* startWizard(const QStringList& files)
    {
        ImportWizard* wizard = window_->importFiles(files);
        if (wizard)
            QTest::qWait(50);
        return wizard;
    }

    static bool checkReached(ImportWizard* wizard)
    {
        return QTest::qWaitFor([wizard] { return wizard->step() == Step::Check; }, kWait);
    }

private Q_SLOTS:
    void init() { openPractice(); }
    void cleanup() { window_.reset(); }

    void detectsTheLayoutAndPreviewsTheRowsAsStored()
    {
        ImportWizard* wizard = startWizard({fixture("sp_attendance.csv")});
        QVERIFY(wizard);
        QCOMPARE(wizard->fileCount(), 1);
        const ImportFileChoice& file = wizard->file(0);
        QCOMPARE(file.preview.preset, std::string("simplepractice-attendance"));
        QVERIFY(file.preview.confidence >= kSureConfidence);
        const QString detection = wizard->filePanel()->detectionText();
        QVERIFY2(detection.contains(QStringLiteral("Recognised as")), qPrintable(detection));
        QVERIFY2(detection.contains(QStringLiteral("%1% sure").arg(file.preview.confidence)), qPrintable(detection));
        QVERIFY(wizard->filePanel()->factsText().contains(QStringLiteral("UTF-8")));
        QVERIFY(wizard->filePanel()->factsText().contains(QStringLiteral("comma-separated")));
        // The preview shows the rows as stored: a line column, then the interpreted fields.
        QTableWidget* preview = wizard->filePanel()->previewTable();
        QVERIFY(preview->rowCount() > 0);
        QCOMPARE(preview->horizontalHeaderItem(0)->text(), QStringLiteral("Line"));
        QVERIFY(wizard->nextButton()->isEnabled());
        saveDialogScreenshot(*window_, *wizard, QStringLiteral("import-1-files.png"));

        // Several files at once, an unknown one among them.
        wizard->addFiles({fixture("caseboard_appointments.csv"), fixture("unknown_layout.csv")});
        QCOMPARE(wizard->fileCount(), 3);
        wizard->selectFile(1);
        QVERIFY(wizard->filePanel()->detectionText().contains(QStringLiteral("Recognised as")));
        wizard->selectFile(2);
        QVERIFY(wizard->file(2).mapping.has_value()); // straight to matching its columns
        QVERIFY(wizard->filePanel()->mappingBox()->isVisibleTo(wizard->filePanel()));
        saveDialogScreenshot(*window_, *wizard, QStringLiteral("import-1-files-unknown.png"));
        wizard->reject();
    }

    void dryRunCountsAreWhatTheImportDoes()
    {
        const StoreCounts before = window_->store()->counts();
        ImportWizard* wizard = startWizard({fixture("caseboard_appointments.csv")});
        QVERIFY(wizard);
        wizard->goNext();
        QVERIFY(checkReached(wizard));
        QVERIFY(!window_->isBusy()); // the views have the store back
        const ImportRunResult dry = wizard->dryRun();
        QCOMPARE(dry.reports.size(), std::size_t(1));
        QVERIFY(dry.reports[0].added > 0);
        // The dry run wrote nothing.
        QCOMPARE(window_->store()->counts().appointments, before.appointments);
        const QStringList sentences = wizard->checkPage()->sentences();
        QVERIFY2(sentences.join(QLatin1Char('\n'))
                     .contains(QStringLiteral("%1 appointments will be added").arg(dry.reports[0].added)),
                 qPrintable(sentences.join(QLatin1Char('\n'))));
        QVERIFY(!wizard->checkPage()->newCliniciansText().isEmpty()); // the fixture's clinicians are new here
        saveDialogScreenshot(*window_, *wizard, QStringLiteral("import-2-check.png"));

        wizard->goNext();
        QVERIFY(QTest::qWaitFor([wizard] { return wizard->step() == Step::Done; }, kWait));
        const ImportRunResult& run = wizard->importRun();
        QCOMPARE(run.reports.size(), std::size_t(1));
        QCOMPARE(run.reports[0].added, dry.reports[0].added);
        QCOMPARE(run.reports[0].updated, dry.reports[0].updated);
        QCOMPARE(run.reports[0].unchanged, dry.reports[0].unchanged);
        QCOMPARE(run.reports[0].rejected, dry.reports[0].rejected);
        QVERIFY(run.reports[0].imported());
        QVERIFY(wizard->summaryPage()->headline().contains(QStringLiteral("Import finished")));
        QCOMPARE(window_->store()->counts().appointments,
                 before.appointments + static_cast<std::int64_t>(run.reports[0].added));
        // A backup was taken first, into the data directory.
        QVERIFY(run.backup.has_value());
        QCOMPARE(listBackups(window_->backupDirectory().toStdString(), window_->store()->path()).size(),
                 std::size_t(1));
        saveDialogScreenshot(*window_, *wizard, QStringLiteral("import-4-done.png"));
        wizard->goNext(); // Close
    }

    void aNewStatusIsMappedInTheCheckStep()
    {
        const QString path = writeAppointments(directory_.filePath(QStringLiteral("new_status.csv")), 40,
                                               QStringLiteral("Video Dropped"));
        ImportWizard* wizard = startWizard({path});
        QVERIFY(wizard);
        wizard->goNext();
        QVERIFY(checkReached(wizard));
        const import::FileReport first = wizard->dryRun().reports.at(0);
        QCOMPARE(first.unknownStatuses.count("Video Dropped"), std::size_t(1));
        QCOMPARE(first.rejected, std::uint64_t(40));
        QComboBox* combo = wizard->checkPage()->statusCombo(QStringLiteral("Video Dropped"));
        QVERIFY(combo);
        saveDialogScreenshot(*window_, *wizard, QStringLiteral("import-2-check-new-status.png"));

        const int noShow = combo->findData(static_cast<int>(StatusCategory::NoShow));
        QVERIFY(noShow > 0);
        combo->setCurrentIndex(noShow);
        Q_EMIT combo->activated(noShow);
        QCOMPARE(wizard->step(), Step::Checking); // checks again at once
        QVERIFY(checkReached(wizard));
        const import::FileReport again = wizard->dryRun().reports.at(0);
        QVERIFY(again.unknownStatuses.empty());
        QCOMPARE(again.rejected, std::uint64_t(0));
        QCOMPARE(again.added, std::uint64_t(40));
        QVERIFY(!wizard->checkPage()->statusCombo(QStringLiteral("Video Dropped")));
        // Saved for every later import.
        QCOMPARE(import::StatusMap::load(*window_->store()).categoryOf("Video Dropped"),
                 std::optional<StatusCategory>(StatusCategory::NoShow));
        wizard->reject();
    }

    void columnsMatchedByHandAreSavedAsAPreset()
    {
        ImportWizard* wizard = startWizard({fixture("unknown_layout.csv")});
        QVERIFY(wizard);
        ImportFilePanel* panel = wizard->filePanel();
        QVERIFY(wizard->file(0).mapping.has_value());
        const auto choose = [panel](const char* field, const char* column) {
            QComboBox* combo = panel->mappingCombo(field);
            QVERIFY2(combo, field);
            const int index = combo->findData(QString::fromLatin1(column));
            QVERIFY2(index > 0, column);
            combo->setCurrentIndex(index);
        };
        choose("Date", "Visit Day");
        choose("Client", "Patient");
        choose("Clinician", "Provider");
        choose("Status", "Outcome");
        QVERIFY2(wizard->file(0).ready(), wizard->file(0).preview.error.c_str());
        QVERIFY(wizard->nextButton()->isEnabled());
        // The live preview follows the mapping: the rows as they will be stored.
        QVERIFY(panel->previewTable()->rowCount() > 0);
        QCOMPARE(panel->previewTable()->horizontalHeaderItem(0)->text(), QStringLiteral("Line"));
        saveDialogScreenshot(*window_, *wizard, QStringLiteral("import-1-mapping.png"));

        QVERIFY(panel->saveMappingAs(QStringLiteral("Clinic visits")));
        QCOMPARE(wizard->file(0).preset, std::optional<std::string>("Clinic visits"));
        QVERIFY(!wizard->file(0).mapping);
        QVERIFY(wizard->file(0).ready());
        wizard->reject();
        QTest::qWait(50);

        // Next week's file is recognised on its own.
        ImportWizard* nextWeek = startWizard({fixture("unknown_layout.csv")});
        QVERIFY(nextWeek);
        QCOMPARE(nextWeek->file(0).preview.preset, std::string("Clinic visits"));
        QVERIFY(!nextWeek->file(0).mapping);
        nextWeek->reject();
    }

    void rejectedRowsOpenInATableAndSaveAsCsv()
    {
        ImportWizard* wizard = startWizard({fixture("bad_rows.csv")});
        QVERIFY(wizard);
        wizard->goNext();
        QVERIFY(checkReached(wizard));
        QVERIFY(wizard->checkPage()->rejectsButton()->isEnabled());
        wizard->goNext();
        QVERIFY(QTest::qWaitFor([wizard] { return wizard->step() == Step::Done; }, kWait));
        const import::FileReport& report = wizard->importRun().reports.at(0);
        QVERIFY(report.rejected > 0);
        QVERIFY(wizard->summaryPage()->rejectsButton()->isVisibleTo(wizard->summaryPage()));
        saveDialogScreenshot(*window_, *wizard, QStringLiteral("import-4-done-with-rejects.png"));

        RejectsDialog* rejects = wizard->showRejects(0);
        QVERIFY(rejects);
        RejectsTableModel* model = rejects->model();
        QCOMPARE(model->rowCount(), static_cast<int>(report.issues.size()));
        const import::RowIssue& issue = report.issues.front();
        QCOMPARE(model->data(model->index(0, RejectsTableModel::kLine)).toString(), QString::number(issue.line));
        QCOMPARE(model->data(model->index(0, RejectsTableModel::kReason)).toString(),
                 QString::fromStdString(issue.reason));
        QCOMPARE(model->headerData(RejectsTableModel::kLine, Qt::Horizontal).toString(), QStringLiteral("Line"));
        saveDialogScreenshot(*window_, *rejects, QStringLiteral("import-5-rejects.png"));

        const QString csv = directory_.filePath(QStringLiteral("rejects.csv"));
        QVERIFY(rejects->saveCsv(csv));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(text.contains(QString::fromStdString(issue.reason)), qPrintable(text));
        QVERIFY(text.count(QLatin1Char('\n')) >= static_cast<int>(report.issues.size()) + 1);
        rejects->close();
        wizard->goNext();
    }

    void cancellingLeavesTheDatabaseExactlyAsItWas()
    {
        // One small file is committed before the big one is cancelled: both are undone.
        const QString big = writeAppointments(directory_.filePath(QStringLiteral("big.csv")), 150000);
        QVERIFY(!big.isEmpty());
        const QString before = dumpDatabase(*window_->store());
        ImportWizard* wizard = startWizard({fixture("caseboard_appointments.csv"), big});
        QVERIFY(wizard);
        wizard->goNext();
        QVERIFY(checkReached(wizard));
        QCOMPARE(dumpDatabase(*window_->store()), before); // the dry run wrote nothing
        wizard->goNext();
        QCOMPARE(wizard->step(), Step::Importing);
        QVERIFY(window_->isBusy());
        QVERIFY(QTest::qWaitFor([wizard] { return wizard->worker()->currentFile() == 1 && wizard->worker()->rowsRead() > 20000; },
                                kWait));
        QTest::qWait(200);
        QVERIFY(wizard->progressPage()->statsText().contains(QStringLiteral("rows read")));
        QVERIFY(wizard->progressPage()->bar()->value() > 0);
        saveDialogScreenshot(*window_, *wizard, QStringLiteral("import-3-progress.png"));
        // Esc asks before it stops an import; "No" carries on.
        bool asked = false;
        QTimer::singleShot(50, this, [&asked] {
            auto* question = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!question)
                return;
            asked = true;
            question->button(QMessageBox::No)->click();
        });
        QTest::keyClick(wizard, Qt::Key_Escape);
        QVERIFY(asked);
        QCOMPARE(wizard->step(), Step::Importing);
        QTest::mouseClick(wizard->progressPage()->cancelButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([wizard] { return wizard->step() == Step::Done; }, kWait));
        const ImportRunResult& run = wizard->importRun();
        QVERIFY(run.cancelled);
        QVERIFY(run.reports.at(0).imported());
        QVERIFY(run.backupRestored);
        QVERIFY(wizard->summaryPage()->headline().contains(QStringLiteral("nothing was changed")));
        QTRY_VERIFY_WITH_TIMEOUT(!window_->isBusy(), kWait); // the views read the practice again
        QCOMPARE(dumpDatabase(*window_->store()), before);
        saveDialogScreenshot(*window_, *wizard, QStringLiteral("import-4-cancelled.png"));
        wizard->goNext();
    }

    void dropOrCtrlIStartsAnImport()
    {
        QAction* import = nullptr;
        for (QAction* action : window_->findChildren<QAction*>())
            if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_I))
                import = action;
        QVERIFY(import);
        QVERIFY(import->isEnabled());

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(fixture("sp_attendance.csv")),
                      QUrl::fromLocalFile(fixture("caseboard_appointments.csv"))});
        window_->showView(ViewId::Clients); // any view
        QDragEnterEvent enter(QPoint(600, 400), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        enter.setAccepted(false);
        QApplication::sendEvent(window_.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(600, 400), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window_.get(), &drop);
        auto* wizard = window_->findChild<ImportWizard*>();
        QVERIFY(wizard);
        QCOMPARE(wizard->fileCount(), 2);
        wizard->reject();

        // Not a local file: refused.
        QMimeData web;
        web.setUrls({QUrl(QStringLiteral("https://example.invalid/export.csv"))});
        QDragEnterEvent refused(QPoint(600, 400), Qt::CopyAction, &web, Qt::LeftButton, Qt::NoModifier);
        refused.setAccepted(false);
        QApplication::sendEvent(window_.get(), &refused);
        QVERIFY(!refused.isAccepted());
    }
};

CASEBOARD_GUI_TEST_MAIN(ImportWizardTest)
#include "import_wizard_test.moc"
