// The Appointments view on a small demo practice: it fills off the GUI thread with every
// appointment, filters by text (debounced) and by the filter bar to exactly what SQL
// finds, sorts by clicking headers, reads rows lazily, totals the filtered rows, shows
// the workflow lists exactly as the engine computes them, exports and copies rows, and
// remembers its columns. Also saves screenshots of the window.

#include "gui_test_support.h"

#include "appointment_table_model.h"
#include "appointments_view.h"
#include "main_window.h"

#include "app_settings.h"
#include "display_format.h"
#include "appointment_filter_bar.h"

#include "caseboard/csv/csv_reader.h"
#include "caseboard/import/appointment_export.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/metrics/workflow_lists.h"
#include "caseboard/store/sqlite.h"

#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QTableWidget>

#include <algorithm>
#include <tuple>

using namespace caseboard;
using namespace caseboard::app;

class AppointmentsViewTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir directory_;
    QString path_;
    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<MainWindow> window_;
    AppointmentsView* view_ = nullptr;

    AppointmentTableModel* model() const { return view_->model(); }

    qint64 sqlCount(const QString& word)
    {
        sql::Connection connection(path_.toStdString(), sql::Connection::Mode::ReadOnly);
        auto statement = connection.prepare(
            "SELECT count(*) FROM appointments a JOIN clients c ON c.id = a.client_id "
            "JOIN clinicians k ON k.id = a.clinician_id "
            "WHERE ?1 = '' OR c.display_name LIKE ?2 OR k.name LIKE ?2 OR a.service_code LIKE ?2 "
            "OR a.raw_status LIKE ?2 OR a.location LIKE ?2");
        statement.bind(1, word.toStdString());
        statement.bind(2, QString(QStringLiteral("%") + word + QStringLiteral("%")).toStdString());
        statement.step();
        return statement.int64(0);
    }

    void waitUntilLoaded()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!model()->isLoading(), 30000);
        QVERIFY2(model()->lastError().isEmpty(), qPrintable(model()->lastError()));
    }

    // An appointment as both the engine and the table can name it (the snapshot has no
    // database ids): day, clinician, client, start minute, fee.
    using Key = std::tuple<int, std::string, std::string, int, Cents>;

    Key keyOf(const metrics::Snapshot& s, std::size_t row) const
    {
        const metrics::AppointmentColumns& a = s.appointments;
        return {a.daySerial[row], s.clinicians[a.clinician[row]].name,
                s.clients[static_cast<std::size_t>(a.client[row])].displayName, a.startMinute[row],
                a.fee[row] == metrics::kUnknownCents ? Cents{-1} : a.fee[row]};
    }

    std::vector<AppointmentRow> shownRows() const
    {
        return model()->readRows(std::span<const RowId>(model()->ids().data(), model()->ids().size()));
    }

    std::vector<Key> shownKeys() const
    {
        std::vector<Key> keys;
        for (const AppointmentRow& row : shownRows())
            keys.emplace_back(toSerial(row.date), row.clinicianName, row.clientName, row.startMinute.value_or(-1),
                              row.fee.value_or(-1));
        return keys;
    }

    std::vector<Key> engineKeys(const metrics::Snapshot& s, const std::vector<metrics::AppointmentEntry>& entries) const
    {
        std::vector<Key> keys;
        for (const metrics::AppointmentEntry& entry : entries)
            keys.push_back(keyOf(s, entry.row));
        return keys;
    }

    // The table holds exactly the engine's appointments, oldest first (by day).
    void compareWithEngine(std::vector<Key> shown, std::vector<Key> engine, bool byClinician)
    {
        QCOMPARE(shown.size(), engine.size());
        if (byClinician) {
            for (std::size_t i = 1; i < shown.size(); ++i) {
                const int order = QString::compare(QString::fromStdString(std::get<1>(shown[i - 1])),
                                                   QString::fromStdString(std::get<1>(shown[i])), Qt::CaseInsensitive);
                QVERIFY2(order < 0 || (order == 0 && std::get<0>(shown[i - 1]) <= std::get<0>(shown[i])),
                         qPrintable(QStringLiteral("row %1 not grouped by clinician, oldest first").arg(i)));
            }
        } else {
            for (std::size_t i = 0; i < shown.size(); ++i)
                QCOMPARE(std::get<0>(shown[i]), std::get<0>(engine[i]));
        }
        std::sort(shown.begin(), shown.end());
        std::sort(engine.begin(), engine.end());
        QVERIFY(shown == engine);
    }

    metrics::Snapshot snapshot() const
    {
        sql::Connection connection(path_.toStdString(), sql::Connection::Mode::ReadOnly);
        return metrics::loadSnapshot(connection);
    }

    static AppointmentTotals sqlTotals(sql::Connection& connection, const std::string& where)
    {
        auto statement = connection.prepare(
            "SELECT count(*), coalesce(sum(fee_cents), 0), coalesce(sum(client_paid_cents), 0), "
            "coalesce(sum(insurance_paid_cents), 0), "
            "coalesce(sum(CASE WHEN (client_paid_cents IS NOT NULL OR insurance_paid_cents IS NOT NULL) AND "
            "coalesce(fee_cents, 0) - coalesce(client_paid_cents, 0) - coalesce(insurance_paid_cents, 0) > 0 THEN "
            "coalesce(fee_cents, 0) - coalesce(client_paid_cents, 0) - coalesce(insurance_paid_cents, 0) END), 0), "
            "coalesce(sum(client_paid_cents IS NULL AND insurance_paid_cents IS NULL AND fee_cents > 0), 0) "
            "FROM appointments a WHERE "
            + where);
        statement.step();
        AppointmentTotals totals;
        totals.count = statement.int64(0);
        totals.fees = statement.int64(1);
        totals.clientPaid = statement.int64(2);
        totals.insurancePaid = statement.int64(3);
        totals.unpaid = statement.int64(4);
        totals.withoutPaymentData = statement.int64(5);
        return totals;
    }

    void typeFilter(const QString& text)
    {
        QLineEdit* search = view_->searchField();
        search->clear();
        QTest::keyClicks(search, text);
        // Debounced: nothing runs while the user is still typing.
        QVERIFY(model()->filterText() != text.trimmed());
        QTRY_COMPARE_WITH_TIMEOUT(model()->filterText(), text.trimmed(), 5000);
        waitUntilLoaded();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(directory_.isValid());
        path_ = directory_.filePath(QStringLiteral("practice.db"));
        const DemoSummary summary = gui_test::createPractice(path_);
        QVERIFY(summary.appointments > 1000);

        settings_ = gui_test::temporarySettings(directory_);
        gui_test::openWindowOn(window_, *settings_, directory_.path(), path_);
        if (QTest::currentTestFailed())
            return;
        view_ = qobject_cast<AppointmentsView*>(window_->view(ViewId::Appointments));
        QVERIFY(view_);
    }

    void fillsWithEveryAppointment()
    {
        window_->showView(ViewId::Appointments);
        QVERIFY(view_->isVisible());
        waitUntilLoaded();
        const qint64 expected = sqlCount({});
        QCOMPARE(model()->rowCount(), static_cast<int>(expected));
        QCOMPARE(model()->totalCount(), expected);
        QCOMPARE(model()->columnCount(), kAppointmentColumnCount);
        QVERIFY(view_->countText().contains(QLocale().toString(expected)));
    }

    void defaultOrderIsNewestFirst()
    {
        const int date = static_cast<int>(AppointmentColumn::Date);
        QCOMPARE(view_->table()->horizontalHeader()->sortIndicatorSection(), date);
        QCOMPARE(view_->table()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
        sql::Connection connection(path_.toStdString(), sql::Connection::Mode::ReadOnly);
        const int newest = static_cast<int>(*connection.queryInt("SELECT max(day) FROM appointments"));
        QCOMPARE(model()->index(0, date).data(AppointmentTableModel::SortValueRole).toInt(), newest);
    }

    void filtersByTextLikeSql()
    {
        // A clinician's surname: matches their appointments (and any client who shares it).
        sql::Connection connection(path_.toStdString(), sql::Connection::Mode::ReadOnly);
        auto statement = connection.prepare("SELECT name FROM clinicians ORDER BY id LIMIT 1");
        QVERIFY(statement.step());
        const QString name = QString::fromStdString(statement.text(0));
        const QString surname = name.split(QLatin1Char(' ')).last();

        typeFilter(surname);
        const qint64 expected = sqlCount(surname);
        QVERIFY(expected > 0);
        QVERIFY(expected < model()->totalCount());
        QCOMPARE(model()->rowCount(), static_cast<int>(expected));
        QCOMPARE(view_->countText(), QStringLiteral("%1 of %2 appointments")
                                         .arg(QLocale().toString(expected), QLocale().toString(model()->totalCount())));

        typeFilter(QStringLiteral("90837"));
        QCOMPARE(model()->rowCount(), static_cast<int>(sqlCount(QStringLiteral("90837"))));
    }

    void filterWithoutMatchesSaysSo()
    {
        typeFilter(QStringLiteral("zzqx-no-such-thing"));
        QCOMPARE(model()->rowCount(), 0);
        QVERIFY(view_->countText().startsWith(QStringLiteral("No appointments match")));

        view_->searchField()->clear();
        QTRY_COMPARE(model()->filterText(), QString());
        waitUntilLoaded();
        QCOMPARE(model()->rowCount(), static_cast<int>(model()->totalCount()));
    }

    void sortsByDate()
    {
        const int date = static_cast<int>(AppointmentColumn::Date);
        view_->table()->sortByColumn(date, Qt::AscendingOrder);
        QVERIFY(model()->isLoading()); // the sort runs in the worker
        waitUntilLoaded();
        QCOMPARE(model()->currentSort().order, SortOrder::Ascending);

        sql::Connection connection(path_.toStdString(), sql::Connection::Mode::ReadOnly);
        const int oldest = static_cast<int>(*connection.queryInt("SELECT min(day) FROM appointments"));
        QCOMPARE(model()->index(0, date).data(AppointmentTableModel::SortValueRole).toInt(), oldest);

        // In order across several pages, and at the very end.
        const int rows = model()->rowCount();
        int previous = oldest;
        for (int row = 0; row < std::min(rows, 3 * AppointmentTableModel::kPageSize); ++row) {
            const int day = model()->index(row, date).data(AppointmentTableModel::SortValueRole).toInt();
            QVERIFY2(day >= previous, qPrintable(QStringLiteral("row %1 out of order").arg(row)));
            previous = day;
        }
        const int newest = static_cast<int>(*connection.queryInt("SELECT max(day) FROM appointments"));
        QCOMPARE(model()->index(rows - 1, date).data(AppointmentTableModel::SortValueRole).toInt(), newest);
    }

    void sortsByClickingAHeader()
    {
        const int client = static_cast<int>(AppointmentColumn::Client);
        QHeaderView* header = view_->table()->horizontalHeader();
        const QPoint centre(header->sectionViewportPosition(client) + header->sectionSize(client) / 2,
                            header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, centre);
        QCOMPARE(header->sortIndicatorSection(), client);
        QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder); // names start at A
        waitUntilLoaded();
        QCOMPARE(model()->currentSort().column, AppointmentColumn::Client);

        QString previous;
        for (int row = 0; row < std::min(model()->rowCount(), 600); ++row) {
            const QString name = model()->index(row, client).data().toString();
            QVERIFY2(QString::compare(previous, name, Qt::CaseInsensitive) <= 0,
                     qPrintable(QStringLiteral("row %1 out of order").arg(row)));
            previous = name;
        }
    }

    void showsReadableCells()
    {
        const QModelIndex fee = model()->index(0, static_cast<int>(AppointmentColumn::Fee));
        const QString text = fee.data().toString();
        QVERIFY2(text.startsWith(QLatin1Char('$')) || text == QStringLiteral("\u2014"), qPrintable(text));
        QVERIFY(fee.data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight);

        const QModelIndex status = model()->index(0, static_cast<int>(AppointmentColumn::Status));
        QVERIFY(status.data(AppointmentTableModel::StatusCategoryRole).isValid());
        QVERIFY(status.data(Qt::ToolTipRole).toString().contains(status.data(AppointmentTableModel::RawStatusRole).toString()));

        const QString date = model()->index(0, static_cast<int>(AppointmentColumn::Date)).data().toString();
        QCOMPARE(date.size(), QStringLiteral("Mon 2026-11-23").size());
    }

    void filterChoicesComeFromTheDatabase()
    {
        QTRY_VERIFY_WITH_TIMEOUT(view_->choicesLoaded(), 10000);
        sql::Connection connection(path_.toStdString(), sql::Connection::Mode::ReadOnly);
        AppointmentFilterBar* bar = view_->filterBar();
        QCOMPARE(bar->clinicianBox()->count() - 1, static_cast<int>(*connection.queryInt("SELECT count(*) FROM clinicians")));
        QCOMPARE(bar->locationBox()->count() - 1,
                 static_cast<int>(*connection.queryInt("SELECT count(DISTINCT location) FROM appointments WHERE location <> ''")));
        QCOMPARE(bar->serviceBox()->count() - 1, static_cast<int>(*connection.queryInt(
                                                     "SELECT count(DISTINCT service_code) FROM appointments WHERE service_code <> ''")));
        QCOMPARE(bar->rawStatusBox()->count() - 1, static_cast<int>(*connection.queryInt(
                                                       "SELECT count(DISTINCT raw_status) FROM appointments WHERE raw_status <> ''")));
    }

    void dateShortcutsCountBackFromT()
    {
        using Range = AppointmentFilterBar::DateRange;
        const auto range = [](Range r, Day t) { return AppointmentFilterBar::rangeFor(r, t); };
        QVERIFY(range(Range::Last7Days, makeDay(2026, 3, 3)) == std::make_pair(makeDay(2026, 2, 25), makeDay(2026, 3, 3)));
        // Across the new year, and February's length.
        QVERIFY(range(Range::LastMonth, makeDay(2026, 1, 15)) == std::make_pair(makeDay(2025, 12, 1), makeDay(2025, 12, 31)));
        QVERIFY(range(Range::LastMonth, makeDay(2028, 3, 1)) == std::make_pair(makeDay(2028, 2, 1), makeDay(2028, 2, 29)));
        QVERIFY(range(Range::PriorQuarter, makeDay(2026, 2, 10)) == std::make_pair(makeDay(2025, 10, 1), makeDay(2025, 12, 31)));
        QVERIFY(range(Range::PriorQuarter, makeDay(2026, 9, 30)) == std::make_pair(makeDay(2026, 4, 1), makeDay(2026, 6, 30)));
    }

    void filtersComposeLikeSql()
    {
        QTRY_VERIFY_WITH_TIMEOUT(view_->choicesLoaded(), 10000);
        view_->showList(AppointmentsView::List::All);
        waitUntilLoaded();
        sql::Connection connection(path_.toStdString(), sql::Connection::Mode::ReadOnly);
        AppointmentFilterBar* bar = view_->filterBar();

        // Clinician + status category + payment state.
        bar->clinicianBox()->setCurrentIndex(1);
        const qint64 clinicianId = bar->clinicianBox()->currentData().toLongLong();
        bar->statusBox()->setCurrentIndex(bar->statusBox()->findData(static_cast<int>(StatusCategory::Completed)));
        bar->paymentBox()->setCurrentIndex(bar->paymentBox()->findData(static_cast<int>(PaymentState::UnpaidBalance)));
        QTRY_VERIFY(model()->filter().payment.has_value());
        waitUntilLoaded();
        const std::string where1 = "a.clinician_id = " + std::to_string(clinicianId)
            + " AND a.status = 0 AND (client_paid_cents IS NOT NULL OR insurance_paid_cents IS NOT NULL) AND "
              "coalesce(fee_cents, 0) - coalesce(client_paid_cents, 0) - coalesce(insurance_paid_cents, 0) > 0";
        const AppointmentTotals expected1 = sqlTotals(connection, where1);
        QVERIFY(expected1.count > 0);
        QCOMPARE(static_cast<qint64>(model()->rowCount()), expected1.count);
        QVERIFY(model()->totals() == expected1);
        QVERIFY2(view_->totalsText().contains(formatMoney(expected1.unpaid)), qPrintable(view_->totalsText()));

        // Plus a date shortcut: the last 7 days before T... and then last month.
        view_->setAsOf(makeDay(2026, 11, 20));
        bar->setDateRange(AppointmentFilterBar::DateRange::LastMonth);
        waitUntilLoaded();
        QTRY_VERIFY(model()->filter().from.has_value());
        waitUntilLoaded();
        QCOMPARE(*model()->filter().from, makeDay(2026, 10, 1));
        QCOMPARE(*model()->filter().to, makeDay(2026, 10, 31));
        const std::string where2 = where1 + " AND a.day BETWEEN " + std::to_string(toSerial(makeDay(2026, 10, 1)))
            + " AND " + std::to_string(toSerial(makeDay(2026, 10, 31)));
        QVERIFY(model()->totals() == sqlTotals(connection, where2));
        bar->setDateRange(AppointmentFilterBar::DateRange::PriorQuarter);
        QTRY_COMPARE(*model()->filter().from, makeDay(2026, 7, 1));
        QCOMPARE(*model()->filter().to, makeDay(2026, 9, 30));

        // Service code + location + note status, alone.
        bar->clear();
        QTRY_VERIFY(model()->filter() == AppointmentFilter{});
        bar->serviceBox()->setCurrentIndex(bar->serviceBox()->findText(QStringLiteral("90837")));
        bar->locationBox()->setCurrentIndex(1);
        bar->noteBox()->setCurrentIndex(bar->noteBox()->findData(static_cast<int>(NoteStatus::Signed)));
        QTRY_VERIFY(model()->filter().noteStatus.has_value());
        waitUntilLoaded();
        auto location = connection.prepare(
            "SELECT count(*) FROM appointments WHERE service_code = '90837' AND location = ?1 AND note_status = 2");
        location.bind(1, bar->locationBox()->currentText().toStdString());
        location.step();
        QVERIFY(location.int64(0) > 0);
        QCOMPARE(static_cast<qint64>(model()->rowCount()), location.int64(0));

        // A raw EHR status, exactly.
        bar->clear();
        bar->rawStatusBox()->setCurrentIndex(1);
        const QString raw = bar->rawStatusBox()->currentText();
        QTRY_VERIFY(model()->filter().rawStatus.has_value());
        waitUntilLoaded();
        auto rawCount = connection.prepare("SELECT count(*) FROM appointments WHERE raw_status = ?1");
        rawCount.bind(1, raw.toStdString());
        rawCount.step();
        QCOMPARE(static_cast<qint64>(model()->rowCount()), rawCount.int64(0));

        bar->clear();
        QTRY_VERIFY(model()->filter() == AppointmentFilter{});
        waitUntilLoaded();
    }

    void totalsOfEveryAppointment()
    {
        sql::Connection connection(path_.toStdString(), sql::Connection::Mode::ReadOnly);
        QVERIFY(model()->totals() == sqlTotals(connection, "1"));
    }

    void listsShowExactlyTheEngineRows()
    {
        const Day t = makeDay(2026, 11, 20);
        view_->setAsOf(t);
        const metrics::Snapshot s = snapshot();
        const metrics::MetricSettings settings = metrics::loadMetricSettings(*window_->store());
        const metrics::Scope practice = metrics::Scope::practice();

        view_->showList(AppointmentsView::List::OverdueNotes);
        QTRY_VERIFY(model()->filter().list == WorkflowList::OverdueNotes);
        waitUntilLoaded();
        const metrics::OverdueNotes notes = metrics::overdueNotes(s, settings, t, practice);
        QVERIFY(!notes.sessions.empty());
        compareWithEngine(shownKeys(), engineKeys(s, notes.sessions), true);
        QCOMPARE(model()->currentSort().column, AppointmentColumn::Clinician);
        // Beside it, the count per clinician as the engine has it, and the total.
        QTRY_VERIFY_WITH_TIMEOUT(view_->choicesLoaded(), 10000);
        QTableWidget* summary = view_->summaryTable();
        QVERIFY(summary->isVisible());
        std::int64_t clinicians = 0;
        for (std::size_t c = 0; c < s.clinicians.size(); ++c) {
            if (notes.perClinician[c] == 0)
                continue;
            ++clinicians;
            const QList<QTableWidgetItem*> found =
                summary->findItems(QString::fromStdString(s.clinicians[c].name), Qt::MatchExactly);
            QCOMPARE(found.size(), 1);
            QCOMPARE(summary->item(found[0]->row(), 1)->text(), formatCount(notes.perClinician[c]));
        }
        QCOMPARE(static_cast<std::int64_t>(summary->rowCount()), clinicians + 1);
        QCOMPARE(summary->item(summary->rowCount() - 1, 1)->text(),
                 formatCount(static_cast<qint64>(notes.sessions.size())));

        view_->showList(AppointmentsView::List::Unmarked);
        QTRY_VERIFY(model()->filter().list == WorkflowList::Unmarked);
        waitUntilLoaded();
        const auto unmarked = metrics::unmarkedAppointments(s, t, practice);
        QVERIFY(!unmarked.empty());
        compareWithEngine(shownKeys(), engineKeys(s, unmarked), false);

        view_->showList(AppointmentsView::List::MissingPayments);
        view_->setPaymentPeriod(AppointmentsView::PaymentPeriod::AllOutstanding);
        QTRY_VERIFY(model()->filter().list == WorkflowList::MissingPayments);
        waitUntilLoaded();
        const metrics::MissingPayments payments = metrics::missingPayments(s, settings, t, practice);
        QVERIFY(!payments.sessions.empty());
        std::vector<metrics::AppointmentEntry> entries;
        for (const metrics::MissingPayment& entry : payments.sessions)
            entries.push_back(entry.appointment);
        compareWithEngine(shownKeys(), engineKeys(s, entries), false);
        QCOMPARE(model()->totals().unpaid, payments.balance);
        QVERIFY(view_->summaryTable()->isVisible());
        QCOMPARE(view_->summaryTable()->rowCount(), static_cast<int>(payments.totals.size()) + 1);
        const int last = view_->summaryTable()->rowCount() - 1;
        QCOMPARE(view_->summaryTable()->item(last, 3)->text(), formatMoney(payments.balance));

        // Prior quarter (Jul-Sep 2026 for T = 20 Nov): the engine's list within it.
        for (const auto period : {AppointmentsView::PaymentPeriod::PriorQuarter, AppointmentsView::PaymentPeriod::LastMonth}) {
            view_->setPaymentPeriod(period);
            const Day first = period == AppointmentsView::PaymentPeriod::PriorQuarter ? makeDay(2026, 7, 1)
                                                                                         : makeDay(2026, 10, 1);
            const Day lastDay = period == AppointmentsView::PaymentPeriod::PriorQuarter ? makeDay(2026, 9, 30)
                                                                                           : makeDay(2026, 10, 21);
            // Last month ends where the list does: T - 30 = 21 Oct.
            QTRY_VERIFY(model()->filter().from == first);
            waitUntilLoaded();
            std::vector<metrics::AppointmentEntry> within;
            Cents balance = 0;
            for (const metrics::MissingPayment& entry : payments.sessions) {
                if (entry.appointment.daySerial >= toSerial(first) && entry.appointment.daySerial <= toSerial(lastDay)) {
                    within.push_back(entry.appointment);
                    balance += entry.balance;
                }
            }
            QVERIFY(!within.empty());
            compareWithEngine(shownKeys(), engineKeys(s, within), false);
            QCOMPARE(model()->totals().unpaid, balance);
            std::int64_t months = 0; // the engine's totals rows of the period's months
            for (const metrics::PaymentTotal& total : payments.totals) {
                const Day month = makeDay(total.year, total.month, 1);
                months += month >= first && month <= lastDay ? 1 : 0;
            }
            QCOMPARE(static_cast<std::int64_t>(model()->balances().size()), months);
        }
        view_->setPaymentPeriod(AppointmentsView::PaymentPeriod::AllOutstanding);

        view_->showList(AppointmentsView::List::All);
        QTRY_VERIFY(!model()->filter().list.has_value());
        waitUntilLoaded();
        QCOMPARE(model()->rowCount(), static_cast<int>(model()->totalCount()));
    }

    void exportRoundTrips()
    {
        view_->showList(AppointmentsView::List::MissingPayments);
        QTRY_VERIFY(model()->filter().list == WorkflowList::MissingPayments);
        waitUntilLoaded();
        const std::vector<AppointmentRow> rows = shownRows();
        QVERIFY(!rows.empty());

        for (const bool initials : {false, true}) {
            model()->setClientInitials(initials);
            const QString file = directory_.filePath(initials ? QStringLiteral("masked.csv") : QStringLiteral("rows.csv"));
            QCOMPARE(view_->exportCsv(file), QString());
            std::vector<std::vector<std::string>> read;
            const csv::ReadResult result = csv::readCsvFile(file.toStdString(), {}, [&](const csv::Row& row) {
                read.emplace_back(row.fields.begin(), row.fields.end());
                return csv::RowAction::Continue;
            });
            QVERIFY(result.ok());
            QCOMPARE(read.size(), rows.size() + 1);
            QCOMPARE(read[0].at(2), std::string("Client"));
            for (std::size_t i = 0; i < rows.size(); ++i) {
                const std::vector<std::string>& cells = read[i + 1];
                QCOMPARE(cells.at(0), formatIsoDay(rows[i].date));
                QCOMPARE(cells.at(2), initials ? import::initialsOf(rows[i].clientName) : rows[i].clientName);
                QCOMPARE(cells.at(3), rows[i].clinicianName);
                QCOMPARE(cells.at(7), rows[i].rawStatus);
                QCOMPARE(cells.at(9), rows[i].fee ? formatCentsPlain(*rows[i].fee) : std::string());
            }
        }
        model()->setClientInitials(false);

        // The Export button's path: off the GUI thread, the same file.
        const QString file = directory_.filePath(QStringLiteral("worker.csv"));
        QSignalSpy finished(view_, &AppointmentsView::exportFinished);
        view_->startExport(file);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.at(0).at(0).toString(), QString());
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QFile reference(directory_.filePath(QStringLiteral("rows.csv")));
        QVERIFY(reference.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), reference.readAll());
    }

    void copiesSelectedRows()
    {
        QTableView* table = view_->table();
        table->selectRow(0);
        table->selectionModel()->select(model()->index(2, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        table->setFocus();
        QTest::keySequence(table, QKeySequence::Copy);
        const QString copied = QGuiApplication::clipboard()->text();
        const QStringList lines = copied.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].startsWith(QStringLiteral("Date\t")));
        const QString client = model()->index(2, static_cast<int>(AppointmentColumn::Client)).data().toString();
        QVERIFY(lines[2].contains(client));
        table->clearSelection();
    }

    void remembersColumns()
    {
        QHeaderView* header = view_->table()->horizontalHeader();
        const int location = static_cast<int>(AppointmentColumn::Location);
        QVERIFY(!header->isSectionHidden(location));
        header->setSectionHidden(location, true);
        header->resizeSection(static_cast<int>(AppointmentColumn::Clinician), 222);
        QTRY_VERIFY(!settings_->tableState(QStringLiteral("appointments")).isEmpty());
        QTest::qWait(500); // the save waits for the last change

        AppointmentsView other;
        other.setAppSettings(settings_.get());
        QVERIFY(other.table()->horizontalHeader()->isSectionHidden(location));
        QCOMPARE(other.table()->horizontalHeader()->sectionSize(static_cast<int>(AppointmentColumn::Clinician)), 222);

        header->setSectionHidden(location, false);
    }

    void showClinicianSetsTheFilter()
    {
        sql::Connection connection(path_.toStdString(), sql::Connection::Mode::ReadOnly);
        auto statement = connection.prepare("SELECT id, name FROM clinicians ORDER BY id LIMIT 1");
        QVERIFY(statement.step());
        const qint64 id = statement.int64(0);
        const QString name = QString::fromStdString(statement.text(1));
        view_->showClinician(name);
        QTRY_VERIFY(model()->filter().clinicianId == id);
        QVERIFY(view_->searchField()->text().isEmpty());
        waitUntilLoaded();
        QCOMPARE(static_cast<qint64>(model()->rowCount()),
                 *connection.queryInt("SELECT count(*) FROM appointments WHERE clinician_id = " + std::to_string(id)));
        view_->filterBar()->clear();
        QTRY_VERIFY(model()->filter() == AppointmentFilter{});
        waitUntilLoaded();
    }

    void reloadRereadsTheThresholds()
    {
        const Day t = makeDay(2026, 11, 20);
        view_->setAsOf(t);
        view_->showList(AppointmentsView::List::OverdueNotes);
        QTRY_VERIFY(model()->filter().list == WorkflowList::OverdueNotes);
        waitUntilLoaded();
        QCOMPARE(*model()->filter().listThrough, makeDay(2026, 11, 17)); // T - 3, the default

        window_->store()->setSetting("note_due_days", SettingValue{std::int64_t{10}});
        view_->reload();
        QTRY_COMPARE(*model()->filter().listThrough, makeDay(2026, 11, 10));
        waitUntilLoaded();
        QTRY_VERIFY(!view_->isBusy());

        window_->store()->setSetting("note_due_days", SettingValue{std::int64_t{3}});
        view_->reload();
        QTRY_COMPARE(*model()->filter().listThrough, makeDay(2026, 11, 17));
        waitUntilLoaded();
        QTRY_VERIFY(!view_->isBusy());
        view_->showList(AppointmentsView::List::All);
        QTRY_VERIFY(!model()->filter().list.has_value());
        waitUntilLoaded();
    }

    void savesScreenshots()
    {
        window_->showView(ViewId::Appointments);
        view_->table()->sortByColumn(static_cast<int>(AppointmentColumn::Date), Qt::DescendingOrder);
        waitUntilLoaded();
        QTRY_VERIFY(!window_->isBusy());
        QVERIFY(!gui_test::saveScreenshot(*window_, QStringLiteral("main_window_appointments.png")).isEmpty());

        view_->setAsOf(makeDay(2026, 11, 20));
        view_->showList(AppointmentsView::List::OverdueNotes);
        QTRY_VERIFY(model()->filter().list == WorkflowList::OverdueNotes);
        waitUntilLoaded();
        QTRY_VERIFY(!window_->isBusy());
        QVERIFY(!gui_test::saveScreenshot(*window_, QStringLiteral("appointments_overdue_notes.png")).isEmpty());

        view_->showList(AppointmentsView::List::MissingPayments);
        view_->setPaymentPeriod(AppointmentsView::PaymentPeriod::PriorQuarter);
        QTRY_VERIFY(model()->filter().list == WorkflowList::MissingPayments && model()->filter().from.has_value());
        waitUntilLoaded();
        QTRY_VERIFY(!window_->isBusy());
        QVERIFY(!gui_test::saveScreenshot(*window_, QStringLiteral("appointments_missing_payments.png")).isEmpty());

        view_->showList(AppointmentsView::List::Unmarked);
        QTRY_VERIFY(model()->filter().list == WorkflowList::Unmarked);
        waitUntilLoaded();
        QTRY_VERIFY(!window_->isBusy());
        QVERIFY(!gui_test::saveScreenshot(*window_, QStringLiteral("appointments_unmarked.png")).isEmpty());

        view_->showList(AppointmentsView::List::All);
        QTRY_VERIFY(!model()->filter().list.has_value());
        waitUntilLoaded();

        window_->showView(ViewId::Dashboard);
        QVERIFY(!gui_test::saveScreenshot(*window_, QStringLiteral("main_window_dashboard_empty_state.png")).isEmpty());
    }

    void cleanupTestCase() { window_.reset(); }
};

CASEBOARD_GUI_TEST_MAIN(AppointmentsViewTest)
#include "appointments_view_test.moc"
