#pragma once
// Shared by the GUI tests: the offscreen default, a small demo practice in a temporary
// directory, settings that never touch the user's, and screenshots into the build tree.

#include "app_settings.h"
#include "app_style.h"
#include "main_window.h"

#include "caseboard/core/day.h"
#include "caseboard/demo/demo_practice.h"
#include "caseboard/store/store.h"

#include <QApplication>
#include <QDir>
#include <QSettings>
#include <QSize>
#include <QTemporaryDir>
#include <QWidget>
#include <QtTest>

#include <memory>

namespace caseboard::gui_test {

// A small practice: quick to generate, big enough to page and sort.
inline DemoOptions smallPractice()
{
    DemoOptions options;
    options.seed = 1;
    options.end = makeDay(2026, 11, 23);
    options.years = 2;
    options.clinicians = 6;
    options.clients = 300;
    return options;
}

// Generates the small practice into `path` and closes it again.
inline DemoSummary createPractice(const QString& path, const DemoOptions& options = smallPractice())
{
    Store store = Store::open(path.toStdString());
    return generateDemoPractice(store, options);
}

inline std::unique_ptr<app::AppSettings> temporarySettings(const QTemporaryDir& directory)
{
    return std::make_unique<app::AppSettings>(
        std::make_unique<QSettings>(directory.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat));
}

// Opens a main window of `size` (data directory `directory`) on the database at `path`,
// as the view tests start. QVERIFY only leaves this function: the caller checks
// QTest::currentTestFailed() and returns.
inline void openWindowOn(std::unique_ptr<app::MainWindow>& window, app::AppSettings& settings,
                         const QString& directory, const QString& path, QSize size = QSize(1280, 800))
{
    window = std::make_unique<app::MainWindow>(settings, app::MainWindow::Options{directory, std::nullopt});
    window->resize(size);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QVERIFY(!window->openDatabase(path).has_value());
}

// Saves `widget` into the test's build directory and prints where.
inline QString saveScreenshot(QWidget& widget, const QString& fileName)
{
    const QString path = QDir(QStringLiteral(CASEBOARD_GUI_TEST_OUTPUT_DIR)).filePath(fileName);
    const bool saved = widget.grab().save(path);
    if (saved)
        qInfo("screenshot: %s", qPrintable(path));
    else
        qWarning("could not save screenshot %s", qPrintable(path));
    return saved ? path : QString();
}

} // namespace caseboard::gui_test

// A main that runs offscreen unless told otherwise and applies the app's style.
#define CASEBOARD_GUI_TEST_MAIN(TestClass)                                                                    \
    int main(int argc, char** argv)                                                                           \
    {                                                                                                         \
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))                                                    \
            qputenv("QT_QPA_PLATFORM", "offscreen");                                                          \
        QApplication application(argc, argv);                                                                 \
        caseboard::app::applyAppStyle(application);                                                           \
        TestClass test;                                                                                       \
        return QTest::qExec(&test, argc, argv);                                                               \
    }
