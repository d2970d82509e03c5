// The Clients view on a small demo practice: each saved list shows exactly the pairs of
// the engine's list for the same as-of date, filters compose as the pair facts say,
// every column sorts, CSV export round-trips (initials in privacy mode), the detail
// panel shows the client's appointments, and the column layout survives a restart.
// Saves screenshots of the view and the detail panel at 1280x800.

#include "gui_test_support.h"

#include "client_detail_panel.h"
#include "clients_filter_proxy.h"
#include "clients_table_model.h"
#include "clients_view.h"
#include "dashboard_view.h"
#include "display_format.h"
#include "empty_state_widget.h"
#include "main_window.h"

#include "caseboard/csv/csv_reader.h"
#include "caseboard/import/appointment_export.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/pair_facts.h"
#include "caseboard/metrics/retention.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/metrics/workflow_lists.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QListWidget>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>

#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace caseboard;
using namespace caseboard::app;

namespace {
using NamePairs = std::multiset<std::pair<QString, QString>>; // (clinician, client)
}

class ClientsViewTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir directory_;
    QString path_;
    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<MainWindow> window_;
    ClientsView* view_ = nullptr;
    metrics::Snapshot snapshot_;
    metrics::MetricSettings metricSettings_;
    metrics::PairFacts facts_;
    // The demo practice ends on this day; a few days before it leaves bookings ahead.
    const Day asOf_ = makeDay(2026, 11, 20);

    void openWindow()
    {
        gui_test::openWindowOn(window_, *settings_, directory_.path(), path_);
        if (QTest::currentTestFailed())
            return;
        window_->showView(ViewId::Clients);
        view_ = qobject_cast<ClientsView*>(window_->view(ViewId::Clients));
        QVERIFY(view_);
        QVERIFY(view_->isVisible());
        view_->setAsOf(asOf_);
        QTRY_VERIFY_WITH_TIMEOUT(!view_->isBusy() && view_->result() && view_->result()->asOf == asOf_, 60000);
    }

    QString clinicianOf(std::size_t pair) const
    {
        const auto clinician = static_cast<std::size_t>(snapshot_.pairs[pair].clinician);
        return QString::fromStdString(snapshot_.clinicians[clinician].name);
    }
    QString clientOf(std::size_t pair) const
    {
        const auto client = static_cast<std::size_t>(snapshot_.pairs[pair].client);
        return QString::fromStdString(snapshot_.clients[client].displayName);
    }

    NamePairs namesOf(const std::vector<std::size_t>& pairs) const
    {
        NamePairs names;
        for (const std::size_t p : pairs)
            names.emplace(clinicianOf(p), clientOf(p));
        return names;
    }
    NamePairs namesOf(const std::vector<metrics::PairEntry>& entries) const
    {
        std::vector<std::size_t> pairs;
        for (const metrics::PairEntry& e : entries)
            pairs.push_back(e.pair);
        return namesOf(pairs);
    }

    // What the table shows, read from its cells.
    NamePairs shownNames() const
    {
        NamePairs names;
        const QAbstractItemModel* model = view_->table()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            names.emplace(model->index(row, static_cast<int>(ClientColumn::Clinician)).data().toString(),
                          model->index(row, static_cast<int>(ClientColumn::Client)).data().toString());
        return names;
    }

    std::vector<std::size_t> pairsWhere(const std::function<bool(std::size_t)>& keep) const
    {
        std::vector<std::size_t> pairs;
        for (std::size_t p = 0; p < snapshot_.pairs.size(); ++p)
            if (keep(p))
                pairs.push_back(p);
        return pairs;
    }

    QListWidgetItem* listItem(SavedList list) const { return view_->savedLists()->item(static_cast<int>(list) + 1); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(directory_.isValid());
        path_ = directory_.filePath(QStringLiteral("practice.db"));
        gui_test::createPractice(path_);
        {
            Store store = Store::open(path_.toStdString());
            snapshot_ = metrics::loadSnapshot(store);
            metricSettings_ = metrics::loadMetricSettings(store);
        }
        facts_ = metrics::computePairFacts(snapshot_, asOf_);
        settings_ = gui_test::temporarySettings(directory_);
        openWindow();
    }

    void cleanupTestCase() { window_.reset(); }

    void showsOneRowPerPair()
    {
        view_->showSavedList(std::nullopt);
        QCOMPARE(view_->table()->model()->rowCount(), static_cast<int>(snapshot_.pairs.size()));
        QVERIFY(view_->countText().contains(QString::number(snapshot_.pairs.size())));
    }

    void savedListsShowExactlyTheEnginesPairs()
    {
        const metrics::Scope practice = metrics::Scope::practice();
        const std::vector<std::pair<SavedList, NamePairs>> expected{
            {SavedList::AtRisk, namesOf(metrics::atRiskClients(snapshot_, facts_, practice))},
            {SavedList::CloseOut, namesOf(metrics::closeOutCandidates(snapshot_, facts_, metricSettings_, practice))},
            {SavedList::AttendancePolicy,
             namesOf(metrics::attendancePolicy(snapshot_, facts_, metricSettings_, practice))},
            {SavedList::NewClientFollowUps, namesOf(metrics::newClientFollowUps(snapshot_, facts_, practice))},
            {SavedList::NotRebooked, namesOf(pairsWhere([this](std::size_t p) {
                 const metrics::PairFact& f = facts_.pairs[p];
                 return f.intakeSerial != metrics::kNoDay && f.intakeSerial >= toSerial(asOf_) - 89
                     && f.intakeSerial <= toSerial(asOf_) && !f.rebooked;
             }))},
        };
        std::size_t nonEmpty = 0;
        for (const auto& [list, names] : expected) {
            // One click: the list's item at the left.
            view_->savedLists()->setCurrentItem(listItem(list));
            QCOMPARE(view_->savedList(), std::optional<SavedList>(list));
            const NamePairs shown = shownNames();
            qInfo("list %d: %zu pairs", static_cast<int>(list), names.size());
            QCOMPARE(shown.size(), names.size());
            QVERIFY(shown == names);
            QVERIFY(listItem(list)->text().endsWith(QString::number(names.size())));
            QVERIFY(!listItem(list)->toolTip().isEmpty());
            nonEmpty += names.empty() ? 0 : 1;
        }
        QVERIFY2(nonEmpty >= 3, "the demo practice should fill most lists");

        // Every new clinician's clients not re-booked are on the practice-wide list.
        view_->savedLists()->setCurrentItem(listItem(SavedList::NotRebooked));
        const NamePairs shown = shownNames();
        for (const metrics::NewClinician& n : metrics::newClinicians(snapshot_, facts_, practice))
            for (const metrics::PairEntry& e : n.notRebooked)
                QVERIFY(shown.count({clinicianOf(e.pair), clientOf(e.pair)}) > 0);
        view_->savedLists()->setCurrentRow(0);
        QCOMPARE(view_->savedList(), std::nullopt);
        QCOMPARE(view_->table()->model()->rowCount(), static_cast<int>(snapshot_.pairs.size()));
    }

    void filtersCompose()
    {
        view_->showSavedList(std::nullopt);
        int checked = 0;
        for (std::size_t c = 0; c < snapshot_.clinicians.size(); ++c) {
            for (const metrics::PairStatus status :
                 {metrics::PairStatus::Retained, metrics::PairStatus::AtRisk, metrics::PairStatus::Lost}) {
                ClientsFilter filter;
                filter.clinician = c;
                filter.status = status;
                filter.noNextAppointment = true;
                view_->setFilter(filter);
                QCOMPARE(view_->currentFilter(), filter);
                const NamePairs expected = namesOf(pairsWhere([&](std::size_t p) {
                    return static_cast<std::size_t>(snapshot_.pairs[p].clinician) == c
                        && metrics::pairStatus(facts_, p, metricSettings_) == status
                        && facts_.pairs[p].nextScheduledSerial == metrics::kNoDay;
                }));
                QVERIFY(shownNames() == expected);
                checked += expected.empty() ? 0 : 1;
            }
        }
        QVERIFY(checked > 3);

        // The intake shortcuts: "last 7 days" is the follow-up list, "last month" with
        // nothing scheduled the at-risk list.
        const metrics::Scope practice = metrics::Scope::practice();
        view_->clearFilters();
        view_->setIntakeRange(ClientsView::IntakeRange::Last7Days);
        QVERIFY(shownNames() == namesOf(metrics::newClientFollowUps(snapshot_, facts_, practice)));
        view_->setIntakeRange(ClientsView::IntakeRange::LastMonth);
        ClientsFilter lastMonth = view_->currentFilter();
        lastMonth.noNextAppointment = true;
        view_->setFilter(lastMonth);
        QVERIFY(shownNames() == namesOf(metrics::atRiskClients(snapshot_, facts_, practice)));

        // "Intake between" starts from the last 30 days.
        view_->clearFilters();
        view_->setIntakeRange(ClientsView::IntakeRange::Custom);
        QCOMPARE(view_->currentFilter().intakeFrom, toSerial(asOf_) - 29);
        QCOMPARE(view_->currentFilter().intakeTo, toSerial(asOf_));
        QVERIFY(shownNames() == namesOf(pairsWhere([this](std::size_t p) {
                    const std::int32_t intake = facts_.pairs[p].intakeSerial;
                    return intake != metrics::kNoDay && intake >= toSerial(asOf_) - 29 && intake <= toSerial(asOf_);
                })));

        // Location and free text.
        view_->clearFilters();
        const std::string location = snapshot_.clinicians.front().location;
        const std::string name = snapshot_.clinicians.front().name;
        ClientsFilter filter;
        filter.location = location;
        filter.text = QString::fromStdString(name).split(QLatin1Char(' ')).last().toUpper();
        view_->setFilter(filter);
        QTRY_VERIFY(view_->proxy()->filter().text == filter.text);
        const NamePairs expected = namesOf(pairsWhere([&](std::size_t p) {
            const auto& c = snapshot_.clinicians[static_cast<std::size_t>(snapshot_.pairs[p].clinician)];
            const QString word = filter.text.toLower();
            return c.location == location
                && (QString::fromStdString(c.name).toLower().contains(word) || clientOf(p).toLower().contains(word));
        }));
        QVERIFY(!expected.empty());
        QVERIFY(shownNames() == expected);
        view_->clearFilters();
        QCOMPARE(view_->table()->model()->rowCount(), static_cast<int>(snapshot_.pairs.size()));
    }

    void sortsEveryColumn()
    {
        view_->showSavedList(std::nullopt);
        QTableView* table = view_->table();
        const QAbstractItemModel* model = table->model();
        for (int column = 0; column < kClientColumnCount; ++column) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                table->sortByColumn(column, order);
                for (int row = 1; row < model->rowCount(); ++row) {
                    const QVariant before = model->index(row - 1, column).data(ClientsTableModel::SortRole);
                    const QVariant after = model->index(row, column).data(ClientsTableModel::SortRole);
                    // Missing dates come last in either direction.
                    const bool beforeMissing = before.toLongLong() == ClientsTableModel::kMissingDay;
                    const bool afterMissing = after.toLongLong() == ClientsTableModel::kMissingDay;
                    if (beforeMissing && !afterMissing)
                        QFAIL(qPrintable(QStringLiteral("column %1: a missing date before a real one").arg(column)));
                    if (beforeMissing || afterMissing)
                        continue;
                    const int compared = QVariant::compare(before, after) == QPartialOrdering::Less ? -1
                        : QVariant::compare(before, after) == QPartialOrdering::Greater           ? 1
                                                                                                  : 0;
                    if (order == Qt::AscendingOrder ? compared > 0 : compared < 0)
                        QFAIL(qPrintable(QStringLiteral("column %1 out of order at row %2").arg(column).arg(row)));
                }
            }
        }
        // Numbers sort as numbers, not text: the most sessions first.
        table->sortByColumn(static_cast<int>(ClientColumn::Sessions), Qt::DescendingOrder);
        std::int32_t most = 0;
        for (const metrics::PairFact& f : facts_.pairs)
            most = std::max(most, f.qualifyingCount);
        QCOMPARE(model->index(0, static_cast<int>(ClientColumn::Sessions)).data().toInt(), most);
        table->sortByColumn(static_cast<int>(ClientColumn::Client), Qt::AscendingOrder);
    }

    void exportRoundTrips()
    {
        view_->showSavedList(SavedList::CloseOut);
        const int rows = view_->table()->model()->rowCount();
        QVERIFY(rows > 0);
        const QString file = directory_.filePath(QStringLiteral("close-out.csv"));
        QString error;
        QVERIFY2(view_->exportCsv(file, &error), qPrintable(error));

        std::vector<std::vector<std::string>> records;
        const auto read = [&records](const QString& path) {
            records.clear();
            const auto keep = [&records](const csv::Row& row) {
                records.emplace_back(row.fields.begin(), row.fields.end());
                return csv::RowAction::Continue;
            };
            const csv::ReadResult result = csv::readCsvFile(path.toStdString(), csv::ReaderOptions{}, keep);
            return result.ok();
        };
        QVERIFY(read(file));
        QCOMPARE(static_cast<int>(records.size()), rows + 1);
        QCOMPARE(QString::fromStdString(records[0][0]), QStringLiteral("Client"));
        const QAbstractItemModel* model = view_->table()->model();
        QCOMPARE(QString::fromStdString(records[1][0]), model->index(0, 0).data().toString());
        QCOMPARE(QString::fromStdString(records[1][1]),
                 model->index(0, static_cast<int>(ClientColumn::Clinician)).data().toString());
        const int sessions = static_cast<int>(ClientColumn::Sessions);
        QCOMPARE(QString::fromStdString(records[1][static_cast<std::size_t>(sessions)]),
                 model->index(0, sessions).data().toString());
        const int status = static_cast<int>(ClientColumn::Status);
        const std::size_t first = model->index(0, 0).data(ClientsTableModel::PairRole).toULongLong();
        QCOMPARE(records[1][static_cast<std::size_t>(status)],
                 std::string(metrics::pairStatusName(metrics::pairStatus(facts_, first, metricSettings_))));

        // Privacy mode through the window's own toggle: initials in the table and the file.
        auto* dashboard = qobject_cast<DashboardView*>(window_->view(ViewId::Dashboard));
        dashboard->privacyAction()->setChecked(true);
        QVERIFY(view_->model()->clientInitials());
        const QString masked = directory_.filePath(QStringLiteral("masked.csv"));
        QVERIFY(view_->exportCsv(masked));
        QVERIFY(read(masked));
        QCOMPARE(static_cast<int>(records.size()), rows + 1);
        QFile text(masked);
        QVERIFY(text.open(QIODevice::ReadOnly));
        const QString content = QString::fromUtf8(text.readAll());
        for (int row = 0; row < rows; ++row) {
            const std::size_t pair = model->index(row, 0).data(ClientsTableModel::PairRole).toULongLong();
            const std::string full = clientOf(pair).toStdString();
            QCOMPARE(records[static_cast<std::size_t>(row) + 1][0], import::initialsOf(full));
            QVERIFY(!content.contains(QString::fromStdString(full)));
        }
        dashboard->privacyAction()->setChecked(false);
        QVERIFY(!view_->model()->clientInitials());
        view_->showSavedList(std::nullopt);
    }

    void copiesSelectedRows()
    {
        QTableView* table = view_->table();
        table->setFocus();
        table->selectRow(0);
        table->selectionModel()->select(table->model()->index(2, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QString text = view_->selectedRowsText();
        const QStringList lines = text.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].startsWith(QStringLiteral("Client\tClinician")));
        QVERIFY(lines[1].startsWith(table->model()->index(0, 0).data().toString() + QLatin1Char('\t')));
        QApplication::clipboard()->clear();
        QTest::keySequence(table, QKeySequence::Copy);
        QCOMPARE(QApplication::clipboard()->text(), text);
    }

    void detailPanelShowsTheClientsAppointments()
    {
        view_->showSavedList(SavedList::AttendancePolicy);
        QTableView* table = view_->table();
        QVERIFY(table->model()->rowCount() > 0);
        // Still in the table's sort order (client name) after the list changed.
        QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), static_cast<int>(ClientColumn::Client));
        for (int row = 1; row < table->model()->rowCount(); ++row)
            QVERIFY2(table->model()->index(row - 1, 0).data(ClientsTableModel::SortRole).toInt()
                         <= table->model()->index(row, 0).data(ClientsTableModel::SortRole).toInt(),
                     qPrintable(QString::number(row)));
        table->selectRow(0);
        const std::size_t pair = table->model()->index(0, 0).data(ClientsTableModel::PairRole).toULongLong();
        const auto client = static_cast<std::size_t>(snapshot_.pairs[pair].client);
        ClientDetailPanel* detail = view_->detailPanel();
        QCOMPARE(detail->client(), std::optional<std::size_t>(client));
        QCOMPARE(detail->titleText(), clientOf(pair));

        std::vector<std::size_t> rows;
        std::set<std::uint16_t> clinicians;
        for (std::size_t r = 0; r < snapshot_.appointments.size(); ++r)
            if (static_cast<std::size_t>(snapshot_.appointments.client[r]) == client) {
                rows.push_back(r);
                clinicians.insert(snapshot_.appointments.clinician[r]);
            }
        QTableWidget* history = detail->table();
        QVERIFY(history->isVisible());
        QCOMPARE(history->rowCount(), static_cast<int>(rows.size()));
        const auto dateOf = [](std::size_t r, const metrics::Snapshot& s) {
            return formatDayWithWeekday(s.appointments.day(r));
        };
        // Newest first.
        QCOMPARE(history->item(0, 0)->text(), dateOf(rows.back(), snapshot_));
        QCOMPARE(history->item(history->rowCount() - 1, 0)->text(), dateOf(rows.front(), snapshot_));
        QVERIFY(detail->summaryText().contains(QString::number(rows.size())));
        QVERIFY(detail->summaryText().contains(QString::number(clinicians.size())));

        gui_test::saveScreenshot(*window_, QStringLiteral("clients-view-1280x800.png"));
        gui_test::saveScreenshot(*detail, QStringLiteral("clients-detail-panel.png"));
    }

    void screenshotOfAFilteredView()
    {
        view_->showSavedList(std::nullopt);
        ClientsFilter filter;
        filter.status = metrics::PairStatus::AtRisk;
        view_->setFilter(filter);
        view_->setIntakeRange(ClientsView::IntakeRange::Custom);
        view_->table()->selectRow(1);
        gui_test::saveScreenshot(*window_, QStringLiteral("clients-view-filtered-1280x800.png"));
        view_->clearFilters();
    }

    void remembersColumnsBetweenSessions()
    {
        QHeaderView* header = view_->table()->horizontalHeader();
        const int billable = static_cast<int>(ClientColumn::BillableCancels);
        const int supervisor = static_cast<int>(ClientColumn::Supervisor);
        QVERIFY(header->isSectionHidden(supervisor));
        header->setSectionHidden(billable, true);
        header->setSectionHidden(supervisor, false);
        header->resizeSection(static_cast<int>(ClientColumn::Clinician), 233);
        window_.reset(); // saves on the way out
        openWindow();
        header = view_->table()->horizontalHeader();
        QVERIFY(header->isSectionHidden(billable));
        QVERIFY(!header->isSectionHidden(supervisor));
        QCOMPARE(header->sectionSize(static_cast<int>(ClientColumn::Clinician)), 233);
    }

    // On a large practice (CASEBOARD_LARGE_PRACTICE=path to a copy of a database, e.g. the
    // 1,000,000-appointment demo): a filter change and a sort stay interactive.
    void staysInteractiveOnALargePractice()
    {
        const QString large = qEnvironmentVariable("CASEBOARD_LARGE_PRACTICE");
        if (large.isEmpty())
            QSKIP("set CASEBOARD_LARGE_PRACTICE to a copy of a large database");
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!window_->openDatabase(large).has_value());
        window_->showView(ViewId::Clients);
        view_->setAsOf(makeDay(2026, 11, 20));
        QTRY_VERIFY_WITH_TIMEOUT(!view_->isBusy() && view_->result() && view_->result()->asOf == makeDay(2026, 11, 20),
                                 120000);
        qInfo("large practice: %zu pairs shown %lld ms after opening", view_->result()->snapshot->pairs.size(),
              timer.elapsed());
        const auto time = [&timer](const char* what, const std::function<void()>& step) {
            timer.restart();
            step();
            const qint64 ms = timer.elapsed();
            qInfo("large practice: %s in %lld ms", what, ms);
            return ms;
        };
        ClientsFilter filter;
        filter.status = metrics::PairStatus::AtRisk;
        QVERIFY(time("status filter", [&] { view_->setFilter(filter); }) < 500);
        filter.text = QStringLiteral("an");
        QVERIFY(time("text filter", [&] { view_->setFilter(filter); }) < 500);
        QVERIFY(time("clear filters", [&] { view_->clearFilters(); }) < 500);
        QVERIFY(time("saved list", [&] { view_->showSavedList(SavedList::CloseOut); }) < 500);
        QVERIFY(time("all pairs", [&] { view_->showSavedList(std::nullopt); }) < 500);
        QVERIFY(time("sort by intake", [&] {
                    view_->table()->sortByColumn(static_cast<int>(ClientColumn::Intake), Qt::DescendingOrder);
                }) < 1000);
        view_->table()->sortByColumn(static_cast<int>(ClientColumn::Client), Qt::AscendingOrder);
        QVERIFY(time("privacy on, sorted by client", [&] { view_->setClientInitials(true); }) < 500);
        view_->setClientInitials(false);
        view_->table()->selectRow(0);
        QVERIFY(time("detail panel", [&] { view_->table()->selectRow(1); }) < 500);
        gui_test::saveScreenshot(*window_, QStringLiteral("clients-view-large-1280x800.png"));
        view_->table()->sortByColumn(static_cast<int>(ClientColumn::Client), Qt::AscendingOrder);
    }

    void emptyDatabaseShowsAnEmptyState()
    {
        const QString empty = directory_.filePath(QStringLiteral("empty.db"));
        QVERIFY(!window_->createDatabase(empty).has_value());
        window_->showView(ViewId::Clients);
        QTRY_VERIFY_WITH_TIMEOUT(!view_->isBusy() && view_->result(), 60000);
        QVERIFY(view_->emptyState()->isVisible());
        QVERIFY(!view_->table()->isVisible());
        gui_test::saveScreenshot(*window_, QStringLiteral("clients-view-empty.png"));
    }
};

CASEBOARD_GUI_TEST_MAIN(ClientsViewTest)
#include "clients_view_test.moc"
