// The Trends view on a small demo practice: its table shows the engine's year over year
// for the as-of date, follows the group-by and date, exports a CSV that reads back as
// the engine's figures and a PDF that renders (pdftoppm, when installed, turns its pages
// into PNGs beside the screenshots). Screenshots at 1280x800.

#include "gui_test_support.h"

#include "empty_state_widget.h"
#include "main_window.h"
#include "trends_format.h"
#include "trends_view.h"
#include "year_table_model.h"

#include "caseboard/csv/csv_reader.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/metrics/trend_metric.h"
#include "caseboard/metrics/year_over_year.h"
#include "caseboard/store/sqlite.h"

#include <QChart>
#include <QChartView>
#include <QAbstractBarSeries>
#include <QComboBox>
#include <QFile>
#include <QProcess>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>

#include <cmath>

using namespace caseboard;
using namespace caseboard::app;

class TrendsViewTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir directory_;
    QString path_;
    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<MainWindow> window_;
    TrendsView* view_ = nullptr;
    metrics::Snapshot snapshot_;
    metrics::MetricSettings metricSettings_;
    const Day asOf_ = makeDay(2026, 11, 20);

    void waitForResult(Day asOf)
    {
        QTRY_VERIFY_WITH_TIMEOUT(!view_->isBusy() && view_->result() && view_->result()->trends.asOf == asOf, 60000);
    }

    // Every cell of the table against the engine's figures for the same columns.
    void compareTable(const metrics::YearOverYear& expected, metrics::Scope::Kind groupBy, std::size_t period)
    {
        YearTableModel* model = view_->model();
        QCOMPARE(model->rowCount(), static_cast<int>(metrics::kTrendMetrics.size()));
        const auto columns = yearTableColumns(expected, groupBy, period);
        QCOMPARE(model->columnCount(), 1 + static_cast<int>(columns.size()));
        for (int row = 0; row < model->rowCount(); ++row) {
            const metrics::TrendMetric metric = YearTableModel::metricOfRow(row);
            QCOMPARE(model->index(row, 0).data().toString(), trendMetricTitle(metric));
            for (std::size_t c = 0; c < columns.size(); ++c) {
                const YearTableColumn& column = columns[c];
                QCOMPARE(model->headerData(static_cast<int>(c) + 1, Qt::Horizontal).toString(), column.title);
                // The engine's own figure for this scope and period (periodFigures calls the
                // contract's functions one by one).
                const metrics::ScopeTrends* scope = column.scope;
                const metrics::PeriodFigures direct =
                    metrics::periodFigures(snapshot_, metricSettings_, scope->scope, expected.periods[column.period]);
                std::optional<double> value = metrics::trendValue(direct, metric);
                if (column.change) {
                    const auto compared = comparedPeriod(expected, column.period);
                    QVERIFY(compared.has_value());
                    const metrics::PeriodFigures before = metrics::periodFigures(
                        snapshot_, metricSettings_, scope->scope, expected.periods[*compared]);
                    value = metrics::trendChange(metric, metrics::trendValue(before, metric), value);
                }
                const QString text = column.change ? formatTrendChange(metric, value) : formatTrendValue(metric, value);
                QCOMPARE(model->index(row, static_cast<int>(c) + 1).data().toString(), text);
            }
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(directory_.isValid());
        path_ = directory_.filePath(QStringLiteral("practice.db"));
        DemoOptions options = gui_test::smallPractice();
        options.years = 3; // two full calendar years before the year to date
        QVERIFY(gui_test::createPractice(path_, options).appointments > 1000);
        {
            sql::Connection connection(path_.toStdString(), sql::Connection::Mode::ReadOnly);
            snapshot_ = metrics::loadSnapshot(connection);
        }
        settings_ = gui_test::temporarySettings(directory_);
        gui_test::openWindowOn(window_, *settings_, directory_.path(), path_);
        if (QTest::currentTestFailed())
            return;
        window_->showView(ViewId::Trends);
        view_ = qobject_cast<TrendsView*>(window_->view(ViewId::Trends));
        QVERIFY(view_);
        QTRY_VERIFY_WITH_TIMEOUT(view_->result() != nullptr && !view_->isBusy(), 60000);
        view_->setAsOf(asOf_);
        waitForResult(asOf_);
    }

    void tableShowsTheEnginesFiguresForThePractice()
    {
        view_->setGroupBy(metrics::Scope::Kind::Practice);
        const metrics::YearOverYear expected = metrics::computeYearOverYear(snapshot_, metricSettings_, asOf_);
        // 2024 and 2025 in full, then Jan 1 - Nov 20 of 2025 and of 2026.
        QVERIFY(expected.periods.size() >= 4);
        QCOMPARE(expected.periods.back().window.to, asOf_);
        QCOMPARE(expected.periods[expected.periods.size() - 2].window.to, makeDay(2025, 11, 20));
        compareTable(expected, metrics::Scope::Kind::Practice, expected.periods.size() - 1);
        QVERIFY(!view_->periodSelector()->isVisible());
        QVERIFY(!view_->yearChart()->chart()->series().isEmpty());
        QVERIFY(!view_->monthChart()->chart()->series().isEmpty());
        QVERIFY(!view_->intakeChart()->chart()->series().isEmpty());
        QTest::qWait(50); // the chart views repaint on the next turn of the event loop
        gui_test::saveScreenshot(*window_, QStringLiteral("trends-practice-1280x800.png"));
    }

    void groupSwitchShowsGroupsSideBySide()
    {
        const metrics::YearOverYear expected = metrics::computeYearOverYear(snapshot_, metricSettings_, asOf_);
        for (metrics::Scope::Kind kind : {metrics::Scope::Kind::Location, metrics::Scope::Kind::Supervisor,
                                          metrics::Scope::Kind::ClinicianType}) {
            view_->setGroupBy(kind);
            QVERIFY(view_->periodSelector()->isVisible());
            QCOMPARE(view_->periodSelector()->currentIndex(), static_cast<int>(expected.periods.size()) - 1);
            compareTable(expected, kind, expected.periods.size() - 1);
            // One bar set per group.
            QVERIFY(!expected.groups(kind).empty());
        }
        // An earlier column: the last full calendar year, its change against the year before.
        view_->setGroupBy(metrics::Scope::Kind::Location);
        view_->setGroupPeriod(1);
        compareTable(expected, metrics::Scope::Kind::Location, 1);
        view_->setChartMetric(metrics::TrendMetric::RevenueCharged);
        view_->setGroupPeriod(expected.periods.size() - 1);
        QTest::qWait(50);
        gui_test::saveScreenshot(*window_, QStringLiteral("trends-by-location-1280x800.png"));
        // The lower half: charts.
        auto* scroll = view_->findChild<QScrollArea*>();
        QVERIFY(scroll);
        scroll->ensureWidgetVisible(view_->yearChart());
        QTest::qWait(50);
        gui_test::saveScreenshot(*window_, QStringLiteral("trends-by-location-charts-1280x800.png"));
        scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
        QTest::qWait(50);
        gui_test::saveScreenshot(*window_, QStringLiteral("trends-by-location-intakes-1280x800.png"));
        scroll->ensureVisible(0, 0);
        view_->setChartMetric(metrics::TrendMetric::CountedSessions);
        view_->setGroupBy(metrics::Scope::Kind::Practice);
    }

    void dateChangeRecomputes()
    {
        const Day earlier = makeDay(2026, 2, 28);
        view_->setAsOf(earlier);
        waitForResult(earlier);
        const metrics::YearOverYear expected = metrics::computeYearOverYear(snapshot_, metricSettings_, earlier);
        compareTable(expected, metrics::Scope::Kind::Practice, expected.periods.size() - 1);
        view_->setAsOf(asOf_);
        waitForResult(asOf_);
    }

    void csvExportReadsBackAsTheEnginesFigures()
    {
        const QString csvPath = QDir(QStringLiteral(CASEBOARD_GUI_TEST_OUTPUT_DIR)).filePath(QStringLiteral("trends.csv"));
        QString error;
        QVERIFY2(view_->exportCsv(csvPath, &error), qPrintable(error));
        const metrics::YearOverYear expected = metrics::computeYearOverYear(snapshot_, metricSettings_, asOf_);
        std::vector<std::vector<std::string>> rows;
        const auto read = csv::readCsvFile(csvPath.toStdString(), {}, [&](const csv::Row& row) {
            rows.emplace_back(row.fields.begin(), row.fields.end());
            return csv::RowAction::Continue;
        });
        QVERIFY(read.ok());
        std::size_t scopes = 1 + expected.locations.size() + expected.supervisors.size()
            + expected.clinicianTypes.size();
        QCOMPARE(rows.size(), 1 + scopes * expected.periods.size());
        QCOMPARE(rows[0][6], std::string("counted_sessions"));
        // The practice's rows: every figure as the engine has it.
        for (std::size_t p = 0; p < expected.periods.size(); ++p) {
            const std::vector<std::string>& row = rows[1 + p];
            const metrics::PeriodFigures& f = expected.practice.periods[p];
            QCOMPARE(row[0], std::string("practice"));
            QCOMPARE(std::stoll(row[6]), f.countedSessions);
            QCOMPARE(std::stoll(row[7]), f.intakes);
            QCOMPARE(std::llround(std::stod(row[12]) * 100), f.revenueCharged);
            QCOMPARE(std::llround(std::stod(row[13]) * 100), f.revenueCollected);
            QCOMPARE(std::stoll(row[14]), f.activeClients);
            if (f.cancellation.cancellation)
                QVERIFY(std::fabs(std::stod(row[8]) - *f.cancellation.cancellation) < 1e-9);
            else
                QVERIFY(row[8].empty());
        }
    }

    // A practice with more supervisors than a chart has colours: the charts draw the
    // largest eight, the table and the PDF every one (the PDF one row per group).
    void manyGroupsStayReadable()
    {
        const QString manyPath = directory_.filePath(QStringLiteral("many.db"));
        DemoOptions options = gui_test::smallPractice();
        options.clinicians = 110;
        options.clients = 900;
        QVERIFY(gui_test::createPractice(manyPath, options).appointments > 1000);
        Store store = Store::open(manyPath.toStdString());
        TrendsView view;
        view.resize(1280 - 212, 800);
        view.show();
        view.setDatabase(&store);
        view.setAsOf(asOf_);
        QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy() && view.result() && view.result()->trends.asOf == asOf_, 60000);
        const auto& supervisors = view.result()->trends.supervisors;
        QVERIFY2(supervisors.size() > 8, qPrintable(QString::number(supervisors.size())));
        view.setGroupBy(metrics::Scope::Kind::Supervisor);
        QCOMPARE(view.model()->columnCount(), 1 + 2 * static_cast<int>(supervisors.size() + 1));
        const auto bars = view.yearChart()->chart()->series();
        QCOMPARE(bars.size(), 1);
        QCOMPARE(static_cast<QAbstractBarSeries*>(bars.first())->count(), 8);
        QCOMPARE(view.monthChart()->chart()->series().size(), 8);
        QTest::qWait(50);
        gui_test::saveScreenshot(view, QStringLiteral("trends-many-supervisors.png"));

        const QDir out(QStringLiteral(CASEBOARD_GUI_TEST_OUTPUT_DIR));
        const QString pdfPath = out.filePath(QStringLiteral("trends-many.pdf"));
        QString error;
        QVERIFY2(view.exportPdf(pdfPath, &error), qPrintable(error));
        const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
        if (pdftoppm.isEmpty())
            return;
        for (const QString& old : out.entryList({QStringLiteral("trends-many-pdf-*.png")}))
            QFile::remove(out.filePath(old));
        QProcess process;
        process.start(pdftoppm, {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), pdfPath,
                                 out.filePath(QStringLiteral("trends-many-pdf"))});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        view.setDatabase(nullptr);
    }

    void pdfExportRenders()
    {
        const QDir out(QStringLiteral(CASEBOARD_GUI_TEST_OUTPUT_DIR));
        const QString pdfPath = out.filePath(QStringLiteral("trends.pdf"));
        QFile::remove(pdfPath);
        view_->setGroupBy(metrics::Scope::Kind::Location);
        QString error;
        QVERIFY2(view_->exportPdf(pdfPath, &error), qPrintable(error));
        QFile pdf(pdfPath);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QVERIFY(pdf.size() > 20000); // the chart images are in it
        view_->setGroupBy(metrics::Scope::Kind::Practice);

        const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
        if (pdftoppm.isEmpty())
            QSKIP("pdftoppm is not installed: the PDF was written but not rendered");
        for (const QString& old : out.entryList({QStringLiteral("trends-pdf-*.png")}))
            QFile::remove(out.filePath(old));
        QProcess process;
        process.start(pdftoppm, {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), pdfPath,
                                 out.filePath(QStringLiteral("trends-pdf"))});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        const QStringList pages = out.entryList({QStringLiteral("trends-pdf-*.png")});
        QVERIFY2(pages.size() >= 3, qPrintable(pages.join(QLatin1Char(' '))));
        for (const QString& page : pages)
            qInfo("pdf page: %s", qPrintable(out.filePath(page)));
    }
    void emptyDatabaseExplainsItself()
    {
        QVERIFY(!window_->createDatabase(directory_.filePath(QStringLiteral("empty.db"))).has_value());
        window_->showView(ViewId::Trends);
        QTRY_VERIFY_WITH_TIMEOUT(!view_->isBusy(), 30000);
        auto* empty = view_->findChild<EmptyStateWidget*>();
        QVERIFY(empty);
        QTRY_VERIFY(empty->isVisible());
        QCOMPARE(empty->title(), QStringLiteral("No history to compare yet"));
    }

    // Last: the theme is chosen when the style is applied, so a new window in the dark one.
    void darkScreenshot()
    {
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
        window_->showView(ViewId::Trends);
        view_ = qobject_cast<TrendsView*>(window_->view(ViewId::Trends));
        QVERIFY(view_);
        view_->setAsOf(asOf_);
        waitForResult(asOf_);
        view_->setGroupBy(metrics::Scope::Kind::Location);
        QTest::qWait(50);
        gui_test::saveScreenshot(*window_, QStringLiteral("trends-by-location-1280x800-dark.png"));
    }

    void cleanupTestCase() { window_.reset(); }
};

CASEBOARD_GUI_TEST_MAIN(TrendsViewTest)
#include "trends_view_test.moc"
