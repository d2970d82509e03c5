// The main window: opening databases (and every way that fails, shown in a message box
// that does not block), the status bar, recent files, the demo practice on first start,
// empty states, and the --screenshots tour.

#include "gui_test_support.h"

#include "busy_view.h"
#include "database_status.h"
#include "demo_database.h"
#include "main_window.h"
#include "navigation_sidebar.h"
#include "practice_view.h"
#include "screenshot_tour.h"
#include "welcome_view.h"

#include "caseboard/store/sqlite.h"

#include <QFile>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace caseboard;
using namespace caseboard::app;

class MainWindowTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir directory_;
    QString practice_;
    DemoSummary summary_;

    std::unique_ptr<MainWindow> makeWindow(AppSettings& settings, const QString& dataDirectory = {})
    {
        auto window = std::make_unique<MainWindow>(
            settings, MainWindow::Options{dataDirectory.isEmpty() ? directory_.path() : dataDirectory,
                                          gui_test::smallPractice()});
        window->resize(1280, 800);
        window->show();
        return window;
    }

    // The one open error box of `window`: checks it names the file, then closes it.
    void expectErrorBox(MainWindow& window, const QString& path, const QString& phrase)
    {
        const QList<QMessageBox*> boxes = window.findChildren<QMessageBox*>(QStringLiteral("OpenErrorBox"));
        QCOMPARE(boxes.size(), 1);
        QMessageBox* box = boxes.first();
        QVERIFY(box->isVisible());
        QVERIFY2(box->informativeText().contains(QFileInfo(path).absoluteFilePath()), qPrintable(box->informativeText()));
        QVERIFY2(box->informativeText().contains(phrase), qPrintable(box->informativeText()));
        delete box;
    }

    QString writeFile(const QString& name, const QByteArray& bytes)
    {
        const QString path = directory_.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(bytes);
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(directory_.isValid());
        practice_ = directory_.filePath(QStringLiteral("practice.db"));
        summary_ = gui_test::createPractice(practice_);
    }

    void opensADatabase()
    {
        QTemporaryDir settingsDir;
        auto settings = gui_test::temporarySettings(settingsDir);
        auto window = makeWindow(*settings);
        QSignalSpy opened(window.get(), &MainWindow::databaseOpened);

        QVERIFY(!window->openDatabase(practice_).has_value());
        QCOMPARE(opened.size(), 1);
        QVERIFY(window->store());
        QCOMPARE(window->databasePath(), QFileInfo(practice_).absoluteFilePath());
        QCOMPARE(window->windowTitle(), QStringLiteral("practice.db"));
        QVERIFY(window->sidebar()->navigationEnabled());

        QTRY_VERIFY_WITH_TIMEOUT(!window->isBusy(), 30000);
        DatabaseStatus* status = window->databaseStatus();
        QCOMPARE(status->fileText(), QStringLiteral("practice.db"));
        QVERIFY2(status->countsText().contains(QStringLiteral("%1 clinicians").arg(summary_.clinicians)),
                 qPrintable(status->countsText()));
        QVERIFY(status->countsText().contains(QLocale().toString(static_cast<qint64>(summary_.appointments))
                                              + QStringLiteral(" appointments")));
        QVERIFY(status->rangeText().startsWith(QStringLiteral("Appointments from ")));

        QCOMPARE(settings->lastDatabase(), QFileInfo(practice_).absoluteFilePath());
        QCOMPARE(settings->recentFiles().value(0), QFileInfo(practice_).absoluteFilePath());
    }

    void recentFilesKeepEightMostRecentFirst()
    {
        QTemporaryDir settingsDir;
        auto settings = gui_test::temporarySettings(settingsDir);
        for (int i = 0; i < 10; ++i)
            settings->addRecentFile(QStringLiteral("/data/%1.db").arg(i));
        settings->addRecentFile(QStringLiteral("/data/5.db"));
        const QStringList files = settings->recentFiles();
        QCOMPARE(files.size(), AppSettings::kMaxRecentFiles);
        QCOMPARE(files.first(), QStringLiteral("/data/5.db"));
        QCOMPARE(files.at(1), QStringLiteral("/data/9.db"));
        QCOMPARE(files.count(QStringLiteral("/data/5.db")), 1);

        settings->setPersistent(false);
        settings->addRecentFile(QStringLiteral("/data/x.db"));
        QCOMPARE(settings->recentFiles().first(), QStringLiteral("/data/5.db"));
    }

    void lockedDatabaseShowsAnError()
    {
        // Another process holds the write lock, as a second Caseboard would.
        const QString locked = directory_.filePath(QStringLiteral("locked.db"));
        { Store store = Store::open(locked.toStdString()); }
        if (QStandardPaths::findExecutable(QStringLiteral("flock")).isEmpty())
            QSKIP("flock(1) is not installed");
        QProcess holder;
        holder.start(QStringLiteral("flock"), {QStringLiteral("-x"), locked + QStringLiteral(".lock"),
                                               QStringLiteral("-c"), QStringLiteral("echo locked; sleep 60")});
        QVERIFY(holder.waitForReadyRead(10000));

        QTemporaryDir settingsDir;
        auto settings = gui_test::temporarySettings(settingsDir);
        auto window = makeWindow(*settings);
        QVERIFY(!window->openDatabase(practice_).has_value());
        QSignalSpy failed(window.get(), &MainWindow::databaseOpenFailed);

        const std::optional<OpenError> error = window->openDatabase(locked);
        holder.kill();
        holder.waitForFinished();

        QVERIFY(error.has_value());
        QCOMPARE(error->kind, OpenError::Kind::InUse);
        QCOMPARE(failed.size(), 1);
        expectErrorBox(*window, locked, QStringLiteral("in use by another Caseboard"));
        // The database that was open stays open.
        QCOMPARE(window->databasePath(), QFileInfo(practice_).absoluteFilePath());
        QVERIFY(window->store());
    }

    void notADatabaseShowsAnError()
    {
        const QString path = writeFile(QStringLiteral("notes.db"), QByteArrayLiteral("client,date\nA,2026-01-01\n"));
        QTemporaryDir settingsDir;
        auto settings = gui_test::temporarySettings(settingsDir);
        auto window = makeWindow(*settings);
        const std::optional<OpenError> error = window->openDatabase(path);
        QVERIFY(error.has_value());
        QCOMPARE(error->kind, OpenError::Kind::NotADatabase);
        expectErrorBox(*window, path, QStringLiteral("not a Caseboard database"));
        QVERIFY(!window->store());
        QVERIFY(window->findChild<WelcomeView*>()->isVisible()); // what to do instead
        gui_test::saveScreenshot(*window, QStringLiteral("main_window_welcome.png"));
    }

    void newerSchemaShowsAnError()
    {
        const QString path = directory_.filePath(QStringLiteral("future.db"));
        {
            Store store = Store::open(path.toStdString());
            store.connection().exec("PRAGMA user_version = 999");
        }
        QTemporaryDir settingsDir;
        auto settings = gui_test::temporarySettings(settingsDir);
        auto window = makeWindow(*settings);
        const std::optional<OpenError> error = window->openDatabase(path);
        QVERIFY(error.has_value());
        QCOMPARE(error->kind, OpenError::Kind::NewerSchema);
        expectErrorBox(*window, path, QStringLiteral("newer version of Caseboard"));
    }

    void missingFileShowsAnErrorAndLeavesTheRecentList()
    {
        const QString path = directory_.filePath(QStringLiteral("gone.db"));
        QTemporaryDir settingsDir;
        auto settings = gui_test::temporarySettings(settingsDir);
        settings->addRecentFile(path);
        auto window = makeWindow(*settings);
        const std::optional<OpenError> error = window->openDatabase(path);
        QVERIFY(error.has_value());
        QCOMPARE(error->kind, OpenError::Kind::NotFound);
        expectErrorBox(*window, path, QStringLiteral("does not exist"));
        QVERIFY(!settings->recentFiles().contains(path));
        QVERIFY(!QFileInfo::exists(path)); // opening never creates a file
    }

    void createsANewEmptyDatabase()
    {
        const QString path = directory_.filePath(QStringLiteral("new-practice.db"));
        QTemporaryDir settingsDir;
        auto settings = gui_test::temporarySettings(settingsDir);
        auto window = makeWindow(*settings);
        QVERIFY(!window->createDatabase(path).has_value());
        QVERIFY(window->store());
        QCOMPARE(window->store()->counts().appointments, 0);
        QTRY_VERIFY_WITH_TIMEOUT(!window->isBusy(), 30000);
        QVERIFY(window->databaseStatus()->countsText().contains(QStringLiteral("0 appointments")));

        // A second time: the file exists now, so it is refused rather than overwritten.
        QVERIFY(window->createDatabase(path).has_value());
        expectErrorBox(*window, path, QStringLiteral("already exists"));
    }

    void everyViewIsBuiltAndReachable()
    {
        QTemporaryDir settingsDir;
        auto settings = gui_test::temporarySettings(settingsDir);
        auto window = makeWindow(*settings);
        QVERIFY(!window->openDatabase(practice_).has_value());
        for (const ViewId id : kAllViews) {
            window->showView(id);
            QCOMPARE(window->currentView(), id);
            QVERIFY(window->view(id));
            QVERIFY2(window->view(id)->isVisible(), qPrintable(viewInfo(id).key));
            QVERIFY(window->sidebar()->button(id)->isChecked());
            QCOMPARE(settings->lastView(), viewInfo(id).key);
        }
    }

    void createsTheDemoPracticeOnFirstStart()
    {
        QTemporaryDir dataDir;
        QTemporaryDir settingsDir;
        auto settings = gui_test::temporarySettings(settingsDir);
        auto window = makeWindow(*settings, dataDir.path());
        QSignalSpy opened(window.get(), &MainWindow::databaseOpened);

        window->openDemoPractice();
        QVERIFY(window->isBuildingDemo()); // generated off the GUI thread
        QVERIFY(window->isBusy());
        QVERIFY(window->findChild<BusyView*>()->isVisible());
        QVERIFY(!window->sidebar()->navigationEnabled());
        gui_test::saveScreenshot(*window, QStringLiteral("main_window_creating_demo.png"));

        QTRY_VERIFY_WITH_TIMEOUT(opened.size() == 1, 60000);
        const QString demo = demoDatabasePath(dataDir.path());
        QCOMPARE(window->databasePath(), QFileInfo(demo).absoluteFilePath());
        QVERIFY(QFileInfo::exists(demo));
        QVERIFY(!QFileInfo::exists(demo + QStringLiteral(".partial")));
        QVERIFY(window->sidebar()->navigationEnabled());
        QVERIFY(window->store()->counts().appointments > 0);
    }

    void screenshotTourSavesEveryView()
    {
        QTemporaryDir settingsDir;
        QTemporaryDir shots;
        auto settings = gui_test::temporarySettings(settingsDir);
        auto window = makeWindow(*settings);
        ScreenshotTour tour(*window, shots.path());
        QSignalSpy finished(&tour, &ScreenshotTour::finished);
        QVERIFY(!window->openDatabase(practice_).has_value());
        tour.start();
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 60000);
        QCOMPARE(finished.first().first().toInt(), 0);
        for (const ViewId id : kAllViews) {
            const QString file = QDir(shots.path()).filePath(viewInfo(id).key + QStringLiteral(".png"));
            QVERIFY2(QFileInfo(file).size() > 1000, qPrintable(file));
        }
    }
};

CASEBOARD_GUI_TEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
