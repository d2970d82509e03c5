// The Appointments view on a small demo practice: it fills off the GUI thread with every
// appointment, filters by text (debounced) to exactly what SQL finds, sorts by clicking
// headers, and reads rows lazily. Also saves screenshots of the window.

#include "gui_test_support.h"

#include "appointment_table_model.h"
#include "appointments_view.h"
#include "main_window.h"

#include "caseboard/store/sqlite.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>

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
        window_ = std::make_unique<MainWindow>(*settings_, MainWindow::Options{directory_.path(), std::nullopt});
        window_->resize(1280, 800);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        QVERIFY(!window_->openDatabase(path_).has_value());
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

    void savesScreenshots()
    {
        window_->showView(ViewId::Appointments);
        view_->table()->sortByColumn(static_cast<int>(AppointmentColumn::Date), Qt::DescendingOrder);
        waitUntilLoaded();
        QTRY_VERIFY(!window_->isBusy());
        QVERIFY(!gui_test::saveScreenshot(*window_, QStringLiteral("main_window_appointments.png")).isEmpty());

        window_->showView(ViewId::Dashboard);
        QVERIFY(!gui_test::saveScreenshot(*window_, QStringLiteral("main_window_dashboard_empty_state.png")).isEmpty());
    }

    void cleanupTestCase() { window_.reset(); }
};

CASEBOARD_GUI_TEST_MAIN(AppointmentsViewTest)
#include "appointments_view_test.moc"
