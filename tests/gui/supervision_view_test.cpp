// The Supervision view on a small demo practice: the numbers table shows the engine's
// figures for the clinician and month (recomputed here with the engine's own
// functions), goals and notes save to the database and come back, the last 1:1's goals
// show under the next month, the packet PDF renders (pdftoppm pages into the test's
// output directory, to be looked at), Prepare all writes one file per clinician (or per
// team), and masking keeps client names out of the PDF. Screenshot at 1280x800.

#include "gui_test_support.h"

#include "dashboard_format.h"
#include "display_format.h"
#include "empty_state_widget.h"
#include "main_window.h"
#include "packet_batch.h"
#include "prepare_all_dialog.h"
#include "supervision_notes_editor.h"
#include "supervision_packet_pdf.h"
#include "supervision_rows.h"
#include "supervision_view.h"

#include "caseboard/metrics/clinician_month.h"
#include "caseboard/metrics/goals_and_rates.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/pair_facts.h"
#include "caseboard/metrics/retention.h"
#include "caseboard/metrics/scope.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/metrics/workflow_lists.h"
#include "caseboard/team/supervision_notes.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTreeWidget>

#include <set>

using namespace caseboard;
using namespace caseboard::app;

class SupervisionViewTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir directory_;
    QString path_;
    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<MainWindow> window_;
    SupervisionView* view_ = nullptr;
    metrics::Snapshot snapshot_;
    metrics::MetricSettings metricSettings_;
    const Day asOf_ = makeDay(2026, 11, 23);          // the demo practice's last day
    const metrics::CalendarMonth october_{2026, 10};  // the last complete month

    static QString outputPath(const QString& name)
    {
        return QDir(QStringLiteral(CASEBOARD_GUI_TEST_OUTPUT_DIR)).filePath(name);
    }

    void waitForResult(std::size_t clinician, metrics::CalendarMonth month)
    {
        QTRY_VERIFY_WITH_TIMEOUT(!view_->isBusy() && view_->result() && view_->result()->month.clinician == clinician
                                     && view_->result()->month.month == month,
                                 60000);
    }

    void select(std::size_t clinician, metrics::CalendarMonth month)
    {
        QVERIFY(view_->setMonth(month));
        QVERIFY(view_->setClinician(clinician));
        waitForResult(clinician, month);
    }

    // The clinician of the demo with the most entries on the month's lists: the masking
    // check needs names to hide.
    std::size_t busiestClinician() const
    {
        std::size_t best = 0;
        std::size_t most = 0;
        for (std::size_t c = 0; c < snapshot_.clinicians.size(); ++c) {
            const auto month = metrics::clinicianMonth(snapshot_, metricSettings_, c, october_, asOf_);
            const std::size_t n = month.atRiskClients.size() + month.closeOutCandidates.size() + month.overdueNotes.size();
            if (n > most) {
                most = n;
                best = c;
            }
        }
        return best;
    }

    static QString pdfText(const QString& pdf)
    {
        const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (tool.isEmpty())
            return {};
        QProcess process;
        process.start(tool, {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        if (!process.waitForFinished(30000))
            return {};
        return QString::fromUtf8(process.readAllStandardOutput());
    }

    // Renders the PDF's pages to PNGs next to it (when pdftoppm is installed) and returns them.
    static QStringList renderPages(const QString& pdf)
    {
        const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
        if (tool.isEmpty()) {
            qWarning("pdftoppm not installed: the PDF is not rendered");
            return {};
        }
        const QFileInfo info(pdf);
        const QString prefix = info.dir().filePath(info.completeBaseName());
        QProcess process;
        process.start(tool, {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), pdf, prefix});
        if (!process.waitForFinished(60000) || process.exitCode() != 0)
            return {};
        QStringList pages;
        for (const QString& name : info.dir().entryList({info.completeBaseName() + QStringLiteral("-*.png")}))
            pages << info.dir().filePath(name);
        for (const QString& page : pages)
            qInfo("pdf page: %s", qPrintable(page));
        return pages;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(directory_.isValid());
        path_ = directory_.filePath(QStringLiteral("practice.caseboard"));
        gui_test::createPractice(path_);
        settings_ = gui_test::temporarySettings(directory_);
        {
            Store store = Store::open(path_.toStdString(), Store::Access::ReadOnly);
            snapshot_ = metrics::loadSnapshot(store);
            metricSettings_ = metrics::loadMetricSettings(store);
        }
        gui_test::openWindowOn(window_, *settings_, directory_.path(), path_);
        if (QTest::currentTestFailed())
            return;
        window_->showView(ViewId::Supervision);
        view_ = qobject_cast<SupervisionView*>(window_->view(ViewId::Supervision));
        QVERIFY(view_);
        QVERIFY(view_->isVisible());
        view_->setAsOf(asOf_);
        QTRY_VERIFY_WITH_TIMEOUT(view_->result() != nullptr && !view_->isBusy(), 60000);
        // The month to review is the last complete one.
        QCOMPARE(*view_->month(), october_);
    }

    void tableShowsTheEngineNumbers()
    {
        const std::size_t clinician = busiestClinician();
        select(clinician, october_);
        const metrics::Scope scope = metrics::Scope::oneClinician(clinician);
        const metrics::Window window{october_.first(), october_.last()};
        const Day t = october_.last();
        const metrics::PairFacts facts = metrics::computePairFacts(snapshot_, t);

        QTableWidget* table = view_->numbersTable();
        QCOMPARE(table->rowCount(), 13);
        const auto cell = [table](SupervisionRowId row, int column) {
            return table->item(static_cast<int>(row), column)->text();
        };
        // This month, straight from the engine's functions for the month's window.
        const std::int64_t counted = metrics::countedSessions(snapshot_, metricSettings_, t, scope, window);
        const double goal = metrics::goalForWindow(snapshot_, metricSettings_, scope, window);
        QCOMPARE(cell(SupervisionRowId::CountedSessions, 1), QStringLiteral("%1 / %2").arg(formatCount(counted), formatGoal(goal)));
        QCOMPARE(cell(SupervisionRowId::Utilization, 1),
                 formatPercent(metrics::utilization(snapshot_, metricSettings_, t, scope, window)));
        const metrics::CancellationRates rates = metrics::cancellationRates(snapshot_, t, scope, window);
        QCOMPARE(cell(SupervisionRowId::CancellationRate, 1), formatPercent(rates.cancellation));
        QCOMPARE(cell(SupervisionRowId::LateCancelRate, 1), formatPercent(rates.lateCancel));
        QCOMPARE(cell(SupervisionRowId::NoShowRate, 1), formatPercent(rates.noShow));
        QCOMPARE(cell(SupervisionRowId::Intakes, 1),
                 formatCount(metrics::intakesIn(snapshot_, facts, scope, window.fromSerial(), window.toSerialDay())));
        const auto active = metrics::activeClientsOn(snapshot_, metricSettings_, t, scope, metricSettings_.activeWindowDays);
        QVERIFY(cell(SupervisionRowId::ActiveClients, 1).startsWith(formatCount(active) + QStringLiteral(" / ")));
        const metrics::Retention retention =
            metrics::retention(snapshot_, facts, metricSettings_, scope, metrics::trailingTwelveMonths(t));
        QCOMPARE(cell(SupervisionRowId::Retention, 1), formatPercent(retention.retentionRate));
        QCOMPARE(cell(SupervisionRowId::Churn, 1), formatPercent(retention.churnRate));
        QCOMPARE(cell(SupervisionRowId::AvgSessions, 1), formatDecimal(retention.avgSessionsPerClient));
        QCOMPARE(cell(SupervisionRowId::LifetimeValue, 1), formatDollars(retention.lifetimeValue));
        QCOMPARE(cell(SupervisionRowId::OverdueNotes, 1),
                 formatCount(static_cast<qint64>(metrics::overdueNotes(snapshot_, metricSettings_, t, scope).sessions.size())));

        // The previous month and last year's month: the same functions at their own ends.
        const metrics::Window september{makeDay(2026, 9, 1), makeDay(2026, 9, 30)};
        const metrics::Window lastYear{makeDay(2025, 10, 1), makeDay(2025, 10, 31)};
        QVERIFY(cell(SupervisionRowId::CountedSessions, 2).startsWith(
            formatCount(metrics::countedSessions(snapshot_, metricSettings_, september.to, scope, september)) + QStringLiteral(" / ")));
        QVERIFY(cell(SupervisionRowId::CountedSessions, 3).startsWith(
            formatCount(metrics::countedSessions(snapshot_, metricSettings_, lastYear.to, scope, lastYear)) + QStringLiteral(" / ")));
        QCOMPARE(cell(SupervisionRowId::CancellationRate, 2),
                 formatPercent(metrics::cancellationRates(snapshot_, september.to, scope, september).cancellation));

        // The lists are the engine's at the month's end.
        QCOMPARE(view_->list(0)->topLevelItemCount(),
                 std::max(1, static_cast<int>(metrics::atRiskClients(snapshot_, facts, scope).size())));
        QCOMPARE(view_->list(2)->topLevelItemCount(),
                 std::max(1, static_cast<int>(metrics::overdueNotes(snapshot_, metricSettings_, t, scope).sessions.size())));

        // Every cell equals the shared rows computed from the engine's month.
        const auto rows = supervisionRows(metrics::clinicianMonth(snapshot_, metricSettings_, clinician, october_, asOf_));
        for (std::size_t r = 0; r < rows.size(); ++r) {
            QCOMPARE(table->item(static_cast<int>(r), 1)->text(), rows[r].current);
            QCOMPARE(table->item(static_cast<int>(r), 2)->text(), rows[r].previous);
            QCOMPARE(table->item(static_cast<int>(r), 3)->text(), rows[r].lastYear);
            QCOMPARE(table->item(static_cast<int>(r), 4)->text(), rows[r].change);
        }
    }

    void notesSaveAndReload()
    {
        const std::size_t clinician = busiestClinician();
        select(clinician, october_);
        SupervisionNotesEditor* editor = view_->notesEditor();
        editor->goalsEdit()->setPlainText(QStringLiteral("Re-book every intake before they leave"));
        editor->notesEdit()->setPlainText(QStringLiteral("Strong month.\nDiscussed late cancels."));
        QVERIFY(editor->isDirty());
        QVERIFY(editor->stateLabel()->text().contains(QStringLiteral("Unsaved")));
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QVERIFY(!editor->isDirty());
        QVERIFY(editor->stateLabel()->text().contains(QStringLiteral("Saved")));

        // In the database, as a second connection reads it.
        {
            Store store = Store::open(path_.toStdString(), Store::Access::ReadOnly);
            const auto note = team::loadSupervisionNote(store, snapshot_.clinicians[clinician].id, "2026-10");
            QVERIFY(note);
            QCOMPARE(QString::fromStdString(note->goals), QStringLiteral("Re-book every intake before they leave"));
        }

        // November: October's goals are the last 1:1's; nothing saved yet for November.
        select(clinician, {2026, 11});
        QCOMPARE(editor->lastGoalsLabel()->text(), QStringLiteral("Re-book every intake before they leave"));
        QVERIFY(editor->goalsEdit()->toPlainText().isEmpty());
        // Typing then switching saves what was typed.
        editor->goalsEdit()->setPlainText(QStringLiteral("November goals"));
        select(clinician, october_);
        QCOMPARE(editor->notesEdit()->toPlainText(), QStringLiteral("Strong month.\nDiscussed late cancels."));
        select(clinician, {2026, 11});
        QCOMPARE(editor->goalsEdit()->toPlainText(), QStringLiteral("November goals"));
        select(clinician, october_);
    }

    void screenshot()
    {
        select(busiestClinician(), october_);
        QTest::qWait(100);
        QVERIFY(!gui_test::saveScreenshot(*window_, QStringLiteral("supervision_view.png")).isEmpty());
        // The lists under the fold.
        auto* scroll = view_->findChild<QScrollArea*>(QStringLiteral("SupervisionScroll"));
        QVERIFY(scroll);
        scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
        QTest::qWait(50);
        QVERIFY(!gui_test::saveScreenshot(*window_, QStringLiteral("supervision_view_lists.png")).isEmpty());
        scroll->verticalScrollBar()->setValue(0);
    }

    void privacyModeShowsInitials()
    {
        const std::size_t clinician = busiestClinician();
        select(clinician, october_);
        const auto month = metrics::clinicianMonth(snapshot_, metricSettings_, clinician, october_, asOf_);
        QVERIFY(!month.closeOutCandidates.empty());
        const QString name = toQString(snapshot_.clients[month.closeOutCandidates.front().client].displayName);
        QTreeWidget* list = view_->list(1);
        QCOMPARE(list->topLevelItem(0)->text(0), name);
        auto* privacy = window_->findChild<QAction*>(QStringLiteral("HideClientNames"));
        QVERIFY(privacy);
        privacy->setChecked(true);
        QCOMPARE(list->topLevelItem(0)->text(0), clientName(snapshot_, month.closeOutCandidates.front().client, true));
        QVERIFY(list->topLevelItem(0)->text(0) != name);
        privacy->setChecked(false);
        QCOMPARE(list->topLevelItem(0)->text(0), name);
    }

    void comingBackReadsTheDataAgain()
    {
        const std::size_t clinician = busiestClinician();
        select(clinician, october_);
        const auto before = view_->result();
        window_->showView(ViewId::Dashboard);
        window_->showView(ViewId::Supervision);
        // A new result from a new snapshot, same clinician and month.
        QTRY_VERIFY_WITH_TIMEOUT(!view_->isBusy() && view_->result() && view_->result() != before
                                     && view_->result()->snapshot != before->snapshot,
                                 60000);
        QCOMPARE(view_->result()->month.clinician, clinician);
        QCOMPARE(view_->result()->month.month, october_);
    }

    void packetPdfRendersAndMasksNames()
    {
        const std::size_t clinician = busiestClinician();
        select(clinician, october_);
        const auto month = metrics::clinicianMonth(snapshot_, metricSettings_, clinician, october_, asOf_);
        // Full names of the clients on its lists.
        QStringList names;
        for (const auto& e : month.atRiskClients)
            names << toQString(snapshot_.clients[e.client].displayName);
        for (const auto& e : month.closeOutCandidates)
            names << toQString(snapshot_.clients[e.client].displayName);
        for (const auto& e : month.overdueNotes)
            names << toQString(snapshot_.clients[e.client].displayName);
        QVERIFY2(!names.isEmpty(), "the demo clinician has clients on the lists");

        const QString masked = outputPath(QStringLiteral("supervision_packet.pdf"));
        const QString plain = outputPath(QStringLiteral("supervision_packet_names.pdf"));
        QFile::remove(masked);
        QFile::remove(plain);
        view_->packetInitialsBox()->setChecked(true);
        QVERIFY(view_->exportPacket(masked));
        view_->packetInitialsBox()->setChecked(false);
        QVERIFY(view_->exportPacket(plain));
        view_->packetInitialsBox()->setChecked(true);
        QFile file(masked);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");

        const QStringList pages = renderPages(masked);
        if (!QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty())
            QVERIFY(!pages.isEmpty());

        // Notes longer than a page break across pages, line by line, and all of them print.
        QStringList longNotes;
        for (int i = 1; i <= 120; ++i)
            longNotes << QStringLiteral("Line %1 of the notes, long enough to wrap when the packet is narrow: "
                                        "discussed caseload, referrals and documentation habits.")
                             .arg(i);
        const QString longPdf = outputPath(QStringLiteral("supervision_packet_long.pdf"));
        QFile::remove(longPdf);
        const QString keptNotes = view_->notesEditor()->notesEdit()->toPlainText();
        view_->notesEditor()->notesEdit()->setPlainText(longNotes.join(QLatin1Char('\n')));
        QVERIFY(view_->exportPacket(longPdf));
        view_->notesEditor()->notesEdit()->setPlainText(keptNotes);
        view_->notesEditor()->save();
        const QStringList longPages = renderPages(longPdf);
        if (!QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty())
            QVERIFY(longPages.size() >= 4);
        const QString longText = pdfText(longPdf);
        if (!longText.isEmpty()) {
            QVERIFY(longText.contains(QStringLiteral("Line 120 of the notes")));
            QVERIFY(longText.contains(QStringLiteral("Page 4")));
        }

        const QString maskedText = pdfText(masked);
        const QString plainText = pdfText(plain);
        if (maskedText.isEmpty()) {
            QSKIP("pdftotext not installed: the PDF's text is not checked");
        }
        QVERIFY(maskedText.contains(toQString(snapshot_.clinicians[clinician].name)));
        QVERIFY(maskedText.contains(QStringLiteral("October 2026")));
        QVERIFY(maskedText.contains(QStringLiteral("Re-book every intake before they leave")));
        for (const QString& name : names) {
            QVERIFY2(!maskedText.contains(name), qPrintable(QStringLiteral("a client's name in the masked packet")));
            QVERIFY(plainText.contains(name));
        }
    }

    void prepareAllWritesOneFilePerClinicianOrTeam()
    {
        select(busiestClinician(), october_);
        PrepareAllDialog* dialog = view_->openPrepareAll();
        QVERIFY(dialog);
        const QString folder = outputPath(QStringLiteral("prepare_all"));
        QDir(folder).removeRecursively();
        dialog->folderEdit()->setText(folder);
        QSignalSpy finished(dialog, &PrepareAllDialog::packetsWritten);
        dialog->start();
        QVERIFY(finished.wait(120000) || finished.count() == 1);
        QVERIFY2(dialog->outcome().error.isEmpty(), qPrintable(dialog->outcome().error));

        std::vector<bool> roles(snapshot_.clinicians.size(), true);
        const auto expected = packetClinicians(snapshot_, roles, october_, asOf_);
        QVERIFY(!expected.empty());
        QCOMPARE(dialog->outcome().files.size(), static_cast<qsizetype>(expected.size()));
        for (const QString& path : dialog->outcome().files)
            QVERIFY(QFileInfo(path).size() > 1000);
        QCOMPARE(QDir(folder).entryList({QStringLiteral("*.pdf")}).size(), static_cast<qsizetype>(expected.size()));
        QVERIFY(dialog->resultLabel()->text().contains(QString::number(expected.size())));

        // One per supervisor's team.
        const QString teams = outputPath(QStringLiteral("prepare_all_teams"));
        QDir(teams).removeRecursively();
        dialog->folderEdit()->setText(teams);
        dialog->perSupervisorButton()->setChecked(true);
        QSignalSpy again(dialog, &PrepareAllDialog::packetsWritten);
        dialog->start();
        QVERIFY(again.wait(120000) || again.count() == 1);
        std::set<std::string> supervisors;
        for (const std::size_t c : expected)
            supervisors.insert(snapshot_.clinicians[c].supervisor);
        QCOMPARE(dialog->outcome().files.size(), static_cast<qsizetype>(supervisors.size()));
        renderPages(dialog->outcome().files.front());
        gui_test::saveScreenshot(*dialog, QStringLiteral("supervision_prepare_all.png"));
        dialog->close();
    }

    void emptyDatabaseExplainsItself()
    {
        QVERIFY(!window_->createDatabase(directory_.filePath(QStringLiteral("empty.db"))).has_value());
        window_->showView(ViewId::Supervision);
        QTRY_VERIFY_WITH_TIMEOUT(!view_->isBusy(), 30000);
        auto* empty = view_->findChild<EmptyStateWidget*>();
        QVERIFY(empty);
        QTRY_VERIFY(empty->isVisible());
        QCOMPARE(empty->title(), QStringLiteral("Nothing to review yet"));
        gui_test::saveScreenshot(*window_, QStringLiteral("supervision_view_empty.png"));
    }

    void darkScreenshot()
    {
        // A dark system palette gives the dark theme once the style is applied again.
        window_.reset();
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::WindowText, QColor(0xF0, 0xF0, 0xF0));
        QApplication::setPalette(dark);
        applyAppStyle(*qApp);
        QVERIFY(theme().dark);
        gui_test::openWindowOn(window_, *settings_, directory_.path(), path_);
        if (QTest::currentTestFailed())
            return;
        window_->showView(ViewId::Supervision);
        view_ = qobject_cast<SupervisionView*>(window_->view(ViewId::Supervision));
        QVERIFY(view_);
        view_->setAsOf(asOf_);
        QTRY_VERIFY_WITH_TIMEOUT(view_->clinicianSelector()->count() > 0 && !view_->isBusy(), 60000);
        select(busiestClinician(), october_);
        QTest::qWait(50);
        QVERIFY(!gui_test::saveScreenshot(*window_, QStringLiteral("supervision_view_dark.png")).isEmpty());
    }

    void cleanupTestCase() { window_.reset(); }
};

CASEBOARD_GUI_TEST_MAIN(SupervisionViewTest)
#include "supervision_view_test.moc"
