// Payroll on a small demo practice with a support staff timesheet added: the tables show
// the engine's numbers, the period buttons step through semi-monthly and bi-weekly
// periods, the settings are saved with the practice, the CSV export reads back as the
// engine's numbers, and the PDF renders (to PNG with pdftoppm when it is installed).
// Screenshots at 1280x800.

#include "gui_test_support.h"

#include "display_format.h"
#include "main_window.h"
#include "payroll_pdf.h"
#include "payroll_table_model.h"
#include "payroll_view.h"
#include "view_catalog.h"

#include "caseboard/csv/csv_reader.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/payroll.h"
#include "caseboard/metrics/payroll_settings.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/report/payroll_report.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>

#include <fstream>
#include <string>
#include <vector>

using namespace caseboard;
using namespace caseboard::app;

class PayrollViewTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir directory_;
    QString path_;
    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<MainWindow> window_;
    PayrollView* view_ = nullptr;
    // The demo practice's history ends on 2026-11-23; the second half of November is
    // the period on screen, counted through its end.
    const Day asOf_ = makeDay(2026, 11, 30);
    const Day inPeriod_ = makeDay(2026, 11, 20);
    RowId staffId_ = 0;

    // The engine's payroll for the period on screen, from the database as it is now.
    metrics::PayrollReport engineReport()
    {
        Store store = Store::open(path_.toStdString(), Store::Access::ReadOnly);
        const metrics::Snapshot snapshot = metrics::loadSnapshot(store);
        const auto people = metrics::loadPayrollPeople(store.connection(), view_->period());
        return metrics::computePayroll(snapshot, metrics::loadMetricSettings(store),
                                       metrics::loadPayrollSettings(store), people, view_->period(), asOf_);
    }

    void compareTablesWith(const metrics::PayrollReport& expected)
    {
        const QAbstractItemModel* clinicians = view_->clinicianTable()->model();
        QCOMPARE(clinicians->rowCount(), static_cast<int>(expected.clinicians.size()));
        for (int row = 0; row < clinicians->rowCount(); ++row) {
            const metrics::ClinicianPay& e = expected.clinicians[static_cast<std::size_t>(row)];
            const auto value = [&](PayrollClinicianColumn column) {
                return clinicians->index(row, static_cast<int>(column)).data(PayrollTableModel::ValueRole);
            };
            QCOMPARE(clinicians->index(row, 0).data().toString(), QString::fromStdString(e.name));
            QCOMPARE(value(PayrollClinicianColumn::Sessions).toLongLong(), e.countedSessions);
            QCOMPARE(value(PayrollClinicianColumn::BillableCancels).toLongLong(), e.billableCancels);
            QCOMPARE(value(PayrollClinicianColumn::Hours).toLongLong(), e.paidMinutes);
            QCOMPARE(value(PayrollClinicianColumn::Pay).isValid(), e.pay.has_value());
            if (e.pay)
                QCOMPARE(value(PayrollClinicianColumn::Pay).toLongLong(), *e.pay);
            QCOMPARE(clinicians->index(row, static_cast<int>(PayrollClinicianColumn::Hours)).data().toString(),
                     QString::fromStdString(metrics::formatHours(e.paidMinutes)));
        }
        const QAbstractItemModel* staff = view_->staffTable()->model();
        QCOMPARE(staff->rowCount(), static_cast<int>(expected.staff.size()));
        for (int row = 0; row < staff->rowCount(); ++row) {
            const metrics::StaffPay& e = expected.staff[static_cast<std::size_t>(row)];
            QCOMPARE(staff->index(row, 0).data().toString(), QString::fromStdString(e.name));
            QCOMPARE(staff->index(row, static_cast<int>(PayrollStaffColumn::Hours))
                         .data(PayrollTableModel::ValueRole)
                         .toLongLong(),
                     e.minutes);
        }
        QVERIFY(view_->totalsLabel()->text().contains(formatMoney(expected.totals.pay())));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(directory_.isValid());
        path_ = directory_.filePath(QStringLiteral("practice.db"));
        gui_test::createPractice(path_);
        {
            // A support staff member with a timesheet in the second half of November, and
            // one clinician without a rate.
            Store store = Store::open(path_.toStdString());
            Clinician sam;
            sam.name = "Sam Rivera";
            sam.role = "intake coordinator";
            sam.hourlyRate = 2400;
            staffId_ = store.addClinician(sam);
            auto insert =
                store.connection().prepare("INSERT INTO staff_hours (clinician_id, day, hours) VALUES (?, ?, ?)");
            for (const auto& [day, hours] : std::vector<std::pair<int, double>>{{17, 7.5}, {18, 8}, {19, 6.25}}) {
                insert.reset();
                const Day when = makeDay(2026, 11, static_cast<unsigned>(day));
                insert.bind(1, staffId_).bind(2, toSerial(when)).bind(3, hours);
                insert.run();
            }
            store.connection().exec(
                "UPDATE clinicians SET hourly_rate_cents = NULL WHERE id = (SELECT min(id) FROM clinicians)");
        }
        settings_ = gui_test::temporarySettings(directory_);
        gui_test::openWindowOn(window_, *settings_, directory_.path(), path_);
        if (QTest::currentTestFailed())
            return;
        window_->showView(ViewId::Payroll);
        view_ = qobject_cast<PayrollView*>(window_->view(ViewId::Payroll));
        QVERIFY(view_);
        QVERIFY(view_->isVisible());
        view_->setAsOf(asOf_);
        view_->showPeriodContaining(inPeriod_);
        QTRY_VERIFY_WITH_TIMEOUT(!view_->isBusy() && view_->report(), 60000);
    }

    void tablesShowTheEnginesNumbers()
    {
        QCOMPARE(view_->period(), (metrics::PayPeriod{makeDay(2026, 11, 16), makeDay(2026, 11, 30)}));
        const metrics::PayrollReport expected = engineReport();
        QVERIFY(expected.clinicians.size() >= 3);
        QCOMPARE(expected.staff.size(), std::size_t{1});
        QCOMPARE(expected.staff[0].minutes, std::int64_t{(7 * 60 + 30) + 8 * 60 + (6 * 60 + 15)});
        QCOMPARE(expected.totals.missingRates, 1);
        compareTablesWith(expected);
        gui_test::saveScreenshot(*window_, QStringLiteral("payroll-semi-monthly.png"));
    }

    void periodButtonsStepThroughPeriods()
    {
        auto* next = view_->findChild<QPushButton*>(QStringLiteral("PeriodStep"));
        QVERIFY(next);
        const QList<QPushButton*> steps = view_->findChildren<QPushButton*>(QStringLiteral("PeriodStep"));
        QCOMPARE(steps.size(), 2);
        QTest::mouseClick(steps[0], Qt::LeftButton); // previous
        QCOMPARE(view_->period(), (metrics::PayPeriod{makeDay(2026, 11, 1), makeDay(2026, 11, 15)}));
        compareTablesWith(engineReport());
        QCOMPARE(view_->report()->staff.size(), std::size_t{1}); // Sam, on staff, no hours this period
        QCOMPARE(view_->report()->staff[0].minutes, std::int64_t{0});
        QTest::mouseClick(steps[0], Qt::LeftButton);
        QCOMPARE(view_->period(), (metrics::PayPeriod{makeDay(2026, 10, 16), makeDay(2026, 10, 31)}));
        QTest::mouseClick(steps[1], Qt::LeftButton); // next
        QTest::mouseClick(steps[1], Qt::LeftButton);
        QCOMPARE(view_->period(), (metrics::PayPeriod{makeDay(2026, 11, 16), makeDay(2026, 11, 30)}));
    }

    void settingsChangeThePeriodsAndAreSaved()
    {
        auto* kind = view_->findChild<QComboBox*>(QStringLiteral("PayrollPeriodKind"));
        auto* anchor = view_->findChild<QDateEdit*>(QStringLiteral("PayrollAnchor"));
        auto* cancels = view_->findChild<QCheckBox*>(QStringLiteral("PayrollPayCancels"));
        QVERIFY(kind && anchor && cancels);
        QVERIFY(!anchor->isVisible());
        kind->setCurrentIndex(1); // bi-weekly
        QVERIFY(anchor->isVisible());
        anchor->setDate(QDate(2026, 11, 9));
        cancels->setChecked(true);
        // The period holding Nov 16: 14 days from the anchor.
        QCOMPARE(view_->period(), (metrics::PayPeriod{makeDay(2026, 11, 9), makeDay(2026, 11, 22)}));
        {
            Store store = Store::open(path_.toStdString(), Store::Access::ReadOnly);
            const metrics::PayrollSettings saved = metrics::loadPayrollSettings(store);
            QCOMPARE(saved.periods.kind, metrics::PayPeriodKind::BiWeekly);
            QCOMPARE(saved.periods.anchor, makeDay(2026, 11, 9));
            QVERIFY(saved.payBillableCancels);
        }
        const metrics::PayrollReport expected = engineReport();
        QVERIFY(expected.totals.billableCancels > 0);
        compareTablesWith(expected);
        view_->showPreviousPeriod();
        QCOMPARE(view_->period(), (metrics::PayPeriod{makeDay(2026, 10, 26), makeDay(2026, 11, 8)}));
        compareTablesWith(engineReport());
        view_->showNextPeriod();
        gui_test::saveScreenshot(*window_, QStringLiteral("payroll-bi-weekly.png"));

        // Back to the defaults for the tests after this one.
        kind->setCurrentIndex(0);
        cancels->setChecked(false);
        view_->showPeriodContaining(inPeriod_);
        QCOMPARE(view_->period(), (metrics::PayPeriod{makeDay(2026, 11, 16), makeDay(2026, 11, 30)}));
    }

    void csvExportReadsBackAsTheEnginesNumbers()
    {
        const QString csvPath =
            QDir(QStringLiteral(CASEBOARD_GUI_TEST_OUTPUT_DIR)).filePath(QStringLiteral("payroll.csv"));
        QCOMPARE(view_->exportCsv(csvPath), QString());
        const metrics::PayrollReport expected = engineReport();
        const std::vector<report::PayrollLine> lines = report::payrollLines(expected);

        std::ifstream in(csvPath.toStdString(), std::ios::binary);
        std::vector<std::vector<std::string>> rows;
        const auto result = csv::readCsv(in, {}, [&](const csv::Row& row) {
            rows.emplace_back(row.fields.begin(), row.fields.end());
            return csv::RowAction::Continue;
        });
        QCOMPARE(result.outcome, csv::ReadOutcome::Completed);
        QCOMPARE(rows.size(), lines.size() + 1);
        QCOMPARE(rows[0], report::payrollCsvHeader());
        Cents total = 0;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::vector<std::string>& row = rows[i + 1];
            QCOMPARE(row[0], lines[i].name);
            QCOMPARE(row[2], std::string("2026-11-16"));
            QCOMPARE(row[4], std::to_string(lines[i].countedSessions));
            QCOMPARE(row[9], metrics::formatHours(lines[i].minutes()));
            QCOMPARE(row[11], lines[i].pay ? formatCentsPlain(*lines[i].pay) : std::string());
            total += lines[i].pay.value_or(0);
        }
        QCOMPARE(total, expected.totals.pay());
    }

    void pdfRenders()
    {
        const QDir output(QStringLiteral(CASEBOARD_GUI_TEST_OUTPUT_DIR));
        const QString pdfPath = output.filePath(QStringLiteral("payroll.pdf"));
        QFile::remove(pdfPath);
        QCOMPARE(view_->exportPdf(pdfPath), QString());
        QFile pdf(pdfPath);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == QByteArrayLiteral("%PDF-"));
        QVERIFY(pdf.size() > 2000);

        // What the document says: the period, every clinician and the total pay.
        const metrics::PayrollReport expected = engineReport();
        const QString html = payrollHtml(expected, QStringLiteral("practice"), makeDay(2026, 12, 1));
        QVERIFY(html.contains(formatDayMedium(expected.period.first)));
        for (const metrics::ClinicianPay& c : expected.clinicians)
            QVERIFY(html.contains(QString::fromStdString(c.name).toHtmlEscaped()));
        QVERIFY(html.contains(formatMoney(expected.totals.pay())));

        const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
        if (pdftoppm.isEmpty())
            QSKIP("pdftoppm is not installed: the PDF was written but not rendered");
        const QString prefix = output.filePath(QStringLiteral("payroll-pdf"));
        QFile::remove(prefix + QStringLiteral("-1.png"));
        QProcess render;
        render.start(pdftoppm, {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), pdfPath, prefix});
        QVERIFY(render.waitForFinished(60000));
        QCOMPARE(render.exitCode(), 0);
        QVERIFY(QFile::exists(prefix + QStringLiteral("-1.png")));
        qInfo("pdf page: %s", qPrintable(prefix + QStringLiteral("-1.png")));

        // The PDF's own text (not only the HTML it came from) carries the engine's numbers.
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdftotext.isEmpty())
            return;
        QProcess extract;
        extract.start(pdftotext, {QStringLiteral("-layout"), pdfPath, QStringLiteral("-")});
        QVERIFY(extract.waitForFinished(60000));
        const QString text = QString::fromUtf8(extract.readAllStandardOutput());
        QVERIFY(text.contains(formatMoney(expected.totals.pay())));
        QVERIFY(text.contains(formatPayrollHours(expected.totals.minutes())));
        for (const metrics::ClinicianPay& c : expected.clinicians)
            if (c.pay)
                QVERIFY2(text.contains(formatMoney(c.pay)), qPrintable(QString::fromStdString(c.name)));
        QVERIFY(text.contains(QStringLiteral("Page 1 of 1")));
    }

    void comingBackReadsNewRates()
    {
        // A rate entered elsewhere (here straight into the database) shows when the view
        // is shown again, and the missing-rate flag goes.
        QCOMPARE(view_->report()->totals.missingRates, 1);
        window_->store()->connection().exec(
            "UPDATE clinicians SET hourly_rate_cents = 5000 WHERE hourly_rate_cents IS NULL");
        window_->showView(ViewId::Dashboard);
        window_->showView(ViewId::Payroll);
        QTRY_VERIFY_WITH_TIMEOUT(!view_->isBusy() && view_->report()->totals.missingRates == 0, 60000);
        compareTablesWith(engineReport());
        QVERIFY(!view_->findChild<QLabel*>(QStringLiteral("WarningBanner"))->isVisible());
    }

    void aLargeTeamScrollsInsideItsTable()
    {
        const QString bigPath = directory_.filePath(QStringLiteral("large.db"));
        DemoOptions options = gui_test::smallPractice();
        options.years = 1;
        options.clinicians = 25;
        options.clients = 700;
        gui_test::createPractice(bigPath, options);
        window_.reset();
        view_ = nullptr;
        gui_test::openWindowOn(window_, *settings_, directory_.path(), bigPath);
        if (QTest::currentTestFailed())
            return;
        window_->showView(ViewId::Payroll);
        view_ = qobject_cast<PayrollView*>(window_->view(ViewId::Payroll));
        QVERIFY(view_);
        view_->setAsOf(asOf_);
        view_->showPeriodContaining(inPeriod_);
        QTRY_VERIFY_WITH_TIMEOUT(!view_->isBusy() && view_->report() && view_->report()->clinicians.size() > 15,
                                 60000);
        // Everything fits the window: the table scrolls, the totals and exports stay on screen.
        auto* exportPdf = view_->findChildren<QPushButton*>(QStringLiteral("PrimaryButton")).value(0);
        QVERIFY(exportPdf && exportPdf->isVisible());
        QVERIFY(exportPdf->mapTo(view_, QPoint(0, exportPdf->height())).y() <= view_->height());
        const int rowHeight = view_->clinicianTable()->verticalHeader()->defaultSectionSize();
        QVERIFY(view_->clinicianTable()->height() >= 4 * rowHeight);
        gui_test::saveScreenshot(*window_, QStringLiteral("payroll-large-team.png"));

        // Its PDF, to look at how a longer table sits on the page.
        const QDir output(QStringLiteral(CASEBOARD_GUI_TEST_OUTPUT_DIR));
        const QString pdfPath = output.filePath(QStringLiteral("payroll-large-team.pdf"));
        QCOMPARE(view_->exportPdf(pdfPath), QString());
        const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
        if (pdftoppm.isEmpty())
            return;
        QProcess render;
        render.start(pdftoppm, {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), pdfPath,
                                output.filePath(QStringLiteral("payroll-large-team-pdf"))});
        QVERIFY(render.waitForFinished(60000));
        QCOMPARE(render.exitCode(), 0);
        QVERIFY(QFile::exists(output.filePath(QStringLiteral("payroll-large-team-pdf-1.png"))));
    }

    void cleanupTestCase() { window_.reset(); }
};

CASEBOARD_GUI_TEST_MAIN(PayrollViewTest)
#include "payroll_view_test.moc"
