// The Dashboard view on a small demo practice: the numbers it shows are the engine's
// computeDashboard for the same as-of date and scope, it follows date and scope
// changes, hides client names in privacy mode, fits a 1280x800 window, and opens a
// clinician on double-click. Saves screenshots at 1280x800 and 1920x1080, light and dark.

#include "gui_test_support.h"

#include "action_lists_panel.h"
#include "appointment_table_model.h"
#include "appointment_filter_bar.h"
#include "appointments_view.h"
#include "clinician_table_model.h"
#include "dashboard_format.h"
#include "dashboard_view.h"
#include "display_format.h"
#include "empty_state_widget.h"
#include "kpi_card.h"
#include "main_window.h"
#include "weekly_charts.h"

#include "caseboard/import/appointment_export.h"
#include "caseboard/metrics/dashboard.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/store/import_batch.h"
#include "caseboard/store/sqlite.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTreeWidget>

using namespace caseboard;
using namespace caseboard::app;

class DashboardViewTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir directory_;
    QString path_;
    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<MainWindow> window_;
    DashboardView* view_ = nullptr;
    metrics::Snapshot snapshot_;
    metrics::MetricSettings metricSettings_;
    // The demo practice ends on this day; a few days before it leaves bookings ahead.
    const Day asOf_ = makeDay(2026, 11, 20);

    void openWindow(int width, int height)
    {
        gui_test::openWindowOn(window_, *settings_, directory_.path(), path_, QSize(width, height));
        if (QTest::currentTestFailed())
            return;
        window_->showView(ViewId::Dashboard);
        view_ = qobject_cast<DashboardView*>(window_->view(ViewId::Dashboard));
        QVERIFY(view_);
        QVERIFY(view_->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(view_->result() != nullptr && !view_->isBusy(), 60000);
    }

    // Waits for the result of the request just made (not an older one still showing).
    void waitForResult(Day asOf, const metrics::Scope& scope)
    {
        QTRY_VERIFY_WITH_TIMEOUT(!view_->isBusy() && view_->result() && view_->result()->current.asOf == asOf
                                     && view_->result()->current.scope.kind == scope.kind
                                     && view_->result()->current.scope.value == scope.value,
                                 60000);
    }

    metrics::Dashboard expected(Day asOf, const metrics::Scope& scope) const
    {
        return metrics::computeDashboard(snapshot_, metricSettings_, asOf, scope);
    }

    void compareShown(const metrics::Dashboard& d)
    {
        const metrics::ScopeSummary& s = d.summary;
        QCOMPARE(view_->card(DashboardView::Card::Sessions)->valueText(), formatCount(s.countedLast7d));
        QCOMPARE(view_->card(DashboardView::Card::Sessions)->detailText().left(formatPercent(s.utilizationLast7d).size()),
                 formatPercent(s.utilizationLast7d));
        QCOMPARE(view_->card(DashboardView::Card::Cancellations)->valueText(),
                 formatPercent(s.cancellation12w.cancellation));
        QVERIFY(view_->card(DashboardView::Card::Cancellations)->detailText().contains(
            formatPercent(s.cancellation12w.lateCancel)));
        QVERIFY(view_->card(DashboardView::Card::Cancellations)->detailText().contains(
            formatPercent(s.cancellation12w.noShow)));
        QCOMPARE(view_->card(DashboardView::Card::Bookings)->valueText(), formatCount(s.upcomingNext7d.sessions));
        QVERIFY(s.bookingsTarget.target);
        QVERIFY(view_->card(DashboardView::Card::Bookings)->suffixText().contains(formatCount(*s.bookingsTarget.target)));
        QCOMPARE(view_->card(DashboardView::Card::ActiveClients)->valueText(), formatCount(s.activeClients));
        QCOMPARE(view_->card(DashboardView::Card::Retention)->valueText(), formatPercent(s.retention12m.retentionRate));
        QVERIFY(view_->card(DashboardView::Card::Retention)->detailText().contains(
            formatPercent(s.retention12m.churnRate)));
        QCOMPARE(view_->card(DashboardView::Card::LifetimeValue)->valueText(),
                 formatDollars(s.retention12m.lifetimeValue));

        // The table: one row per clinician of the scope, in the engine's figures.
        ClinicianTableModel* model = view_->clinicianModel();
        QCOMPARE(model->rowCount(), static_cast<int>(d.clinicians.size()));
        QCOMPARE(view_->clinicianTable()->model()->rowCount(), static_cast<int>(d.clinicians.size()));
        for (int row = 0; row < model->rowCount(); ++row) {
            const metrics::ClinicianSummary& c = d.clinicians[static_cast<std::size_t>(row)];
            const auto cell = [&](ClinicianColumn column) {
                return model->index(row, static_cast<int>(column)).data().toString();
            };
            QCOMPARE(cell(ClinicianColumn::Name), toQString(snapshot_.clinicians[c.clinician].name));
            QCOMPARE(cell(ClinicianColumn::Counted), formatCount(c.countedLast7d));
            QCOMPARE(cell(ClinicianColumn::Utilization), formatPercent(c.utilizationLast7d));
            QCOMPARE(cell(ClinicianColumn::CancellationRate), formatPercent(c.cancellation12w.cancellation));
            QCOMPARE(cell(ClinicianColumn::Bookings),
                     formatCount(c.upcomingNext7d.sessions) + QStringLiteral(" / ")
                         + (c.bookingsTarget.target ? formatCount(*c.bookingsTarget.target) : missingValue()));
            QVERIFY(cell(ClinicianColumn::ActiveClients).startsWith(formatCount(c.activeClients) + QStringLiteral(" / ")));
            QCOMPARE(cell(ClinicianColumn::Retention), retentionStatusLabel(c.retentionStatus));
            QCOMPARE(cell(ClinicianColumn::OverdueNotes),
                     c.overdueNotes == 0 ? missingValue() : formatCount(c.overdueNotes));
            QCOMPARE(model->index(row, 0).data(ClinicianTableModel::UnderPerformingRole).toBool(),
                     c.underPerforming.value_or(false));
        }
        QCOMPARE(view_->actionLists()->followUps()->topLevelItemCount(),
                 static_cast<int>(d.lists.newClientFollowUps.size()));
        QCOMPARE(view_->actionLists()->openings()->topLevelItemCount(), static_cast<int>(d.lists.openings.size()));
        QCOMPARE(view_->unmarkedWarning()->isVisibleTo(view_), s.unmarkedPast > 0);
        QCOMPARE(view_->charts()->series().size(), d.series.size());
    }

    int scopeIndexOf(metrics::Scope::Kind kind) const
    {
        const auto& scopes = view_->scopes();
        for (int i = 0; i < view_->scopeSelector()->count(); ++i) {
            const QVariant data = view_->scopeSelector()->itemData(i);
            if (data.isValid() && scopes[static_cast<std::size_t>(data.toInt())].kind == kind)
                return i;
        }
        return -1;
    }

    void screenshots(const QString& suffix)
    {
        window_->resize(1280, 800);
        QTest::qWait(200);
        gui_test::saveScreenshot(*window_, QStringLiteral("dashboard-1280x800%1.png").arg(suffix));
        window_->resize(1920, 1080);
        QTest::qWait(200);
        gui_test::saveScreenshot(*window_, QStringLiteral("dashboard-1920x1080%1.png").arg(suffix));
        window_->resize(1280, 800);
        QTest::qWait(100);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(directory_.isValid());
        path_ = directory_.filePath(QStringLiteral("practice.db"));
        const DemoSummary summary = gui_test::createPractice(path_);
        QVERIFY(summary.appointments > 1000);
        {
            Store store = Store::open(path_.toStdString());
            ImportBatch batch;
            batch.fileName = "attendance.csv";
            batch.sha256 = std::string(64, '0');
            batch.preset = "simplepractice-attendance";
            batch.importedAt = "2026-11-21T14:05:00Z";
            store.recordImportBatch(batch);
        }
        {
            sql::Connection connection(path_.toStdString(), sql::Connection::Mode::ReadOnly);
            snapshot_ = metrics::loadSnapshot(connection);
        }
        settings_ = gui_test::temporarySettings(directory_);
        openWindow(1280, 800);
        metricSettings_ = metrics::loadMetricSettings(*window_->store());
    }

    void defaultsToYesterdayForThePractice()
    {
        QCOMPARE(view_->asOf(), localToday() - std::chrono::days{1});
        QCOMPARE(view_->result()->current.scope.kind, metrics::Scope::Kind::Practice);
        QCOMPARE(view_->scopeSelector()->currentText(), QStringLiteral("Whole practice"));
        const QDateTime imported = QDateTime::fromString(QStringLiteral("2026-11-21T14:05:00Z"), Qt::ISODate).toLocalTime();
        QCOMPARE(view_->importNote()->text(),
                 QStringLiteral("Data as of the last import on %1 at %2")
                     .arg(QLocale().toString(imported.date(), QStringLiteral("MMM d, yyyy")),
                          QLocale().toString(imported.time(), QLocale::ShortFormat)));
        compareShown(expected(view_->asOf(), metrics::Scope::practice()));
    }

    void showsTheEngineNumbersForTheDate()
    {
        view_->setAsOf(asOf_);
        waitForResult(asOf_, metrics::Scope::practice());
        const metrics::Dashboard d = expected(asOf_, metrics::Scope::practice());
        QVERIFY(d.summary.countedLast7d > 0);
        compareShown(d);
        // The previous period is T-7: the change on the sessions card says by how much.
        const metrics::Dashboard before = expected(asOf_ - std::chrono::days{7}, metrics::Scope::practice());
        const std::int64_t delta = d.summary.countedLast7d - before.summary.countedLast7d;
        if (delta != 0)
            QVERIFY(view_->card(DashboardView::Card::Sessions)->changeText().contains(formatCount(std::abs(delta))));
        QVERIFY(!view_->card(DashboardView::Card::Sessions)->explanation().isEmpty());
    }

    void followsScopeChanges()
    {
        const int location = scopeIndexOf(metrics::Scope::Kind::Location);
        const int type = scopeIndexOf(metrics::Scope::Kind::ClinicianType);
        QVERIFY(location > 0 || type > 0);
        for (const int index : {location, type}) {
            if (index < 0)
                continue;
            view_->setScopeIndex(index);
            const metrics::Scope scope =
                view_->scopes()[static_cast<std::size_t>(view_->scopeSelector()->itemData(index).toInt())];
            waitForResult(asOf_, scope);
            compareShown(expected(asOf_, scope));
        }
        view_->setScopeIndex(0);
        waitForResult(asOf_, metrics::Scope::practice());
    }

    void followsDateChanges()
    {
        const Day earlier = asOf_ - std::chrono::days{30};
        view_->setAsOf(earlier);
        waitForResult(earlier, metrics::Scope::practice());
        compareShown(expected(earlier, metrics::Scope::practice()));
        view_->setAsOf(asOf_);
        waitForResult(asOf_, metrics::Scope::practice());
    }

    void privacyModeShowsInitials()
    {
        // A date with new clients to follow up.
        Day day = asOf_;
        for (int back = 0; back < 60 && expected(day, metrics::Scope::practice()).lists.newClientFollowUps.empty(); ++back)
            day -= std::chrono::days{1};
        view_->setAsOf(day);
        waitForResult(day, metrics::Scope::practice());
        const metrics::Dashboard d = expected(day, metrics::Scope::practice());
        QVERIFY(!d.lists.newClientFollowUps.empty());
        const std::string& name = snapshot_.clients[d.lists.newClientFollowUps.front().client].displayName;
        QTreeWidget* list = view_->actionLists()->followUps();
        QCOMPARE(list->topLevelItem(0)->text(0), toQString(name));

        QAction* privacy = view_->privacyAction();
        QCOMPARE(privacy->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
        bool inViewMenu = false;
        for (QAction* menu : window_->menuBar()->actions())
            if (menu->menu() && menu->menu()->actions().contains(privacy))
                inViewMenu = true;
        QVERIFY(inViewMenu);
        privacy->trigger();
        QVERIFY(view_->hidesClientNames());
        QCOMPARE(list->topLevelItem(0)->text(0), toQString(import::initialsOf(name)));
        QVERIFY(settings_->hideClientNames());
        AppointmentsView* appointments = qobject_cast<AppointmentsView*>(window_->view(ViewId::Appointments));
        QVERIFY(appointments->model()->clientInitials());
        // Screenshots of privacy mode show initials only.
        screenshots(QStringLiteral("-private"));
        // The shortcut turns it off again.
        window_->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window_.get()));
        QTest::keyClick(window_.get(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!view_->hidesClientNames());
        QCOMPARE(list->topLevelItem(0)->text(0), toQString(name));
        QVERIFY(!settings_->hideClientNames());
        view_->setAsOf(asOf_);
        waitForResult(asOf_, metrics::Scope::practice());
    }

    void fitsA1280x800Window()
    {
        window_->resize(1280, 800);
        QTest::qWait(100);
        QTableView* table = view_->clinicianTable();
        QVERIFY(!table->horizontalScrollBar()->isVisible());
        auto* scroll = view_->findChild<QScrollArea*>(QStringLiteral("DashboardScroll"));
        QVERIFY(scroll);
        QVERIFY(!scroll->horizontalScrollBar()->isVisible());
        QVERIFY2(scroll->widget()->width() <= scroll->viewport()->width(),
                 qPrintable(QStringLiteral("page %1 wide in %2").arg(scroll->widget()->width()).arg(scroll->viewport()->width())));
        // The first rows of the table are on screen without scrolling.
        const int tableTop = table->mapTo(scroll->viewport(), QPoint(0, 0)).y();
        QVERIFY2(tableTop + table->horizontalHeader()->height() + 2 * table->rowHeight(0) < scroll->viewport()->height(),
                 qPrintable(QStringLiteral("table at %1 of %2").arg(tableTop).arg(scroll->viewport()->height())));
        // Nothing in the header is clipped.
        const auto* date = view_->dateEdit();
        QVERIFY(date->width() >= date->sizeHint().width());
        screenshots(QString());
        // The whole page, below the fold too.
        gui_test::saveScreenshot(*scroll->widget(), QStringLiteral("dashboard-page-1280.png"));
    }

    void sortsByNumber()
    {
        QTableView* table = view_->clinicianTable();
        for (const ClinicianColumn column : {ClinicianColumn::Utilization, ClinicianColumn::Openings,
                                             ClinicianColumn::CancellationRate}) {
            table->sortByColumn(static_cast<int>(column), Qt::DescendingOrder);
            QAbstractItemModel* model = table->model();
            for (int row = 1; row < model->rowCount(); ++row) {
                const double above = model->index(row - 1, static_cast<int>(column))
                                         .data(ClinicianTableModel::SortRole).toDouble();
                const double below = model->index(row, static_cast<int>(column))
                                         .data(ClinicianTableModel::SortRole).toDouble();
                QVERIFY(above >= below);
            }
        }
        table->sortByColumn(static_cast<int>(ClinicianColumn::Name), Qt::AscendingOrder);
    }

    void doubleClickOpensTheClinician()
    {
        QTableView* table = view_->clinicianTable();
        QVERIFY(table->model()->rowCount() > 0);
        const QModelIndex first = table->model()->index(0, 0);
        const QString name = first.data(ClinicianTableModel::ClinicianNameRole).toString();
        const QRect rect = table->visualRect(first);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(window_->currentView(), ViewId::Appointments);
        auto* appointments = qobject_cast<AppointmentsView*>(window_->view(ViewId::Appointments));
        // The clinician filter, not the search box (the choices load off the GUI thread).
        QTRY_COMPARE(appointments->filterBar()->clinicianBox()->currentText(), name);
        QVERIFY(appointments->searchField()->text().isEmpty());
        window_->showView(ViewId::Dashboard);
    }

    void reloadPicksUpANewImport()
    {
        ImportBatch batch;
        batch.fileName = "attendance-2.csv";
        batch.sha256 = std::string(64, '1');
        batch.preset = "simplepractice-attendance";
        batch.importedAt = "2026-11-22T09:30:00Z";
        window_->store()->recordImportBatch(batch);
        const auto before = view_->result();
        view_->reload();
        QVERIFY(view_->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!view_->isBusy() && view_->result() != before, 60000);
        const QDateTime imported = QDateTime::fromString(QStringLiteral("2026-11-22T09:30:00Z"), Qt::ISODate).toLocalTime();
        QVERIFY(view_->importNote()->text().contains(QLocale().toString(imported.date(), QStringLiteral("MMM d, yyyy"))));
        compareShown(expected(view_->asOf(), metrics::Scope::practice()));
    }

    void darkScreenshots()
    {
        // The theme is chosen when the style is applied: a dark system palette gives the
        // dark theme, so apply it again and build a new window in it.
        window_.reset();
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::WindowText, QColor(0xF0, 0xF0, 0xF0));
        QApplication::setPalette(dark);
        applyAppStyle(*qApp);
        QVERIFY(theme().dark);
        openWindow(1280, 800);
        view_->setAsOf(asOf_);
        waitForResult(asOf_, metrics::Scope::practice());
        screenshots(QStringLiteral("-dark"));
    }

    void emptyDatabaseExplainsItself()
    {
        QVERIFY(!window_->createDatabase(directory_.filePath(QStringLiteral("empty.db"))).has_value());
        window_->showView(ViewId::Dashboard);
        QTRY_VERIFY_WITH_TIMEOUT(!view_->isBusy(), 30000);
        auto* empty = view_->findChild<EmptyStateWidget*>();
        QVERIFY(empty);
        QTRY_VERIFY(empty->isVisible());
        QCOMPARE(empty->title(), QStringLiteral("Nothing to review yet"));
    }

    void cleanupTestCase() { window_.reset(); }
};

CASEBOARD_GUI_TEST_MAIN(DashboardViewTest)
#include "dashboard_view_test.moc"
