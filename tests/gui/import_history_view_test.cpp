// The Import view on a small demo practice: an empty history says how to bring files
// in; imports made with the engine appear newest first with file, layout, counts and
// state; rolling back the first of two imports (which rolls back the later one too,
// as the confirmation says) puts every table back exactly as it was; File > Restore
// Backup lists the backups and restoring one brings its state back exactly, after
// backing up the current one. Saves screenshots at 1280x800.

#include "import_test_support.h"

#include "empty_state_widget.h"
#include "import_history_view.h"
#include "main_window.h"
#include "restore_backup_dialog.h"

#include "caseboard/import/importer.h"
#include "caseboard/store/database_backup.h"

#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>

using namespace caseboard;
using namespace caseboard::app;
using namespace caseboard::gui_test;

class ImportHistoryViewTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir directory_;
    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<MainWindow> window_;

    ImportHistoryView* history() const
    {
        return qobject_cast<ImportHistoryView*>(window_->view(ViewId::Import));
    }

    import::FileReport importWithEngine(const QString& path)
    {
        import::Importer importer(*window_->store());
        import::ImportOptions options;
        options.skipBadRows = true;
        return importer.importFile(path.toStdString(), options);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString practice = directory_.filePath(QStringLiteral("practice.db"));
        createPractice(practice);
        settings_ = temporarySettings(directory_);
        openWindowOn(window_, *settings_, directory_.path(), practice);
    }

    void cleanupTestCase() { window_.reset(); }

    void anEmptyHistorySaysHowToImport()
    {
        window_->showView(ViewId::Import);
        QVERIFY(history()->isShowingEmptyState());
        QVERIFY(history()->emptyState()->bodyText().contains(QStringLiteral("drop the files")));
        QTest::qWait(100);
        saveScreenshot(*window_, QStringLiteral("import-history-empty.png"));
    }

    void rollingBackRestoresThePreviousStateExactly()
    {
        const QString before = dumpDatabase(*window_->store(), QStringLiteral("batch"));
        const QString first = writeAppointments(directory_.filePath(QStringLiteral("week1.csv")), 300);
        // The second week repeats half of the first with a new status, and adds more.
        const QString second = writeAppointments(directory_.filePath(QStringLiteral("week2.csv")), 450,
                                                 QStringLiteral("No Show"));
        QVERIFY(importWithEngine(first).imported());
        const import::FileReport later = importWithEngine(second);
        QVERIFY(later.imported());
        QVERIFY(later.updated > 0);
        QVERIFY(importWithEngine(fixture("sp_attendance.csv")).imported());
        window_->reloadPracticeData();

        QVERIFY(!history()->isShowingEmptyState());
        QCOMPARE(history()->batches().size(), std::size_t(3));
        QTableWidget* table = history()->table();
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("sp_attendance.csv")); // newest first
        QCOMPARE(table->item(2, 0)->text(), QStringLiteral("week1.csv"));
        QCOMPARE(table->item(2, 3)->text(), QStringLiteral("300"));
        QCOMPARE(table->item(2, 8)->text(), QStringLiteral("In force"));
        table->selectRow(2);
        QVERIFY(history()->rollBackButton()->isEnabled());
        saveScreenshot(*window_, QStringLiteral("import-history.png"));

        const RowId week1 = history()->batches().at(2).id;
        QMessageBox* confirm = history()->askToRollBack(week1);
        QVERIFY(confirm);
        std::int64_t added = 0; // the three imports are rolled back together
        for (const ImportBatch& batch : history()->batches())
            added += batch.added;
        QVERIFY2(confirm->informativeText().contains(QStringLiteral("%1 appointments that were imported are removed").arg(added)),
                 qPrintable(confirm->informativeText()));
        // week2 changed 300 of week1's rows, but week1 added them: they are removed, not put back.
        QVERIFY2(!confirm->informativeText().contains(QStringLiteral("get their previous values back")),
                 qPrintable(confirm->informativeText()));
        QVERIFY(confirm->informativeText().contains(QStringLiteral("week2.csv"))); // rolled back too
        QVERIFY(confirm->informativeText().contains(QStringLiteral("sp_attendance.csv")));
        saveDialogScreenshot(*window_, *confirm, QStringLiteral("import-history-rollback.png"));
        QPushButton* rollBack = nullptr;
        for (QAbstractButton* button : confirm->buttons())
            if (confirm->buttonRole(button) == QMessageBox::DestructiveRole)
                rollBack = qobject_cast<QPushButton*>(button);
        QVERIFY(rollBack);
        rollBack->click();
        QTest::qWait(50);

        QCOMPARE(dumpDatabase(*window_->store(), QStringLiteral("batch")), before);
        for (const ImportBatch& batch : history()->batches())
            QVERIFY(!batch.inForce());
        QCOMPARE(table->item(2, 8)->text(), QStringLiteral("Rolled back"));
        QVERIFY(!history()->rollBackButton()->isEnabled());
        saveScreenshot(*window_, QStringLiteral("import-history-rolled-back.png"));
    }

    void restoringABackupBringsItsStateBack()
    {
        const QString backups = window_->backupDirectory();
        backupDatabase(*window_->store(), backups.toStdString(), 10);
        const QString saved = dumpDatabase(*window_->store());
        QVERIFY(importWithEngine(writeAppointments(directory_.filePath(QStringLiteral("week3.csv")), 120,
                                                   QStringLiteral("Attended"), QStringLiteral("R")))
                    .imported());
        QVERIFY(dumpDatabase(*window_->store()) != saved);

        RestoreBackupDialog* dialog = window_->showRestoreBackup();
        QVERIFY(dialog);
        const std::size_t count = dialog->backups().size();
        QVERIFY(count >= 1);
        QCOMPARE(dialog->table()->rowCount(), static_cast<int>(count));
        saveDialogScreenshot(*window_, *dialog, QStringLiteral("import-restore-backup.png"));
        QVERIFY(dialog->restore(0)); // the newest: taken just before week3
        QCOMPARE(dumpDatabase(*window_->store()), saved);
        // The state replaced was backed up first.
        QCOMPARE(dialog->backups().size(), count + 1);
        dialog->close();
    }
};

CASEBOARD_GUI_TEST_MAIN(ImportHistoryViewTest)
#include "import_history_view_test.moc"
