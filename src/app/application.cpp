#include "application.h"

#include "app_settings.h"
#include "app_style.h"
#include "icons.h"
#include "main_window.h"
#include "screenshot_tour.h"

#include "caseboard/core/logging.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QTimer>

#include <spdlog/spdlog.h>

#include <cstring>

namespace caseboard::app {

namespace {

struct CommandLine {
    QString database;            // --db PATH
    bool demo = false;           // --demo
    QString screenshotDirectory; // --screenshots DIR
};

CommandLine parseCommandLine(const QApplication& application)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("Application", "Practice analytics for therapy and allied-health group practices."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption database(QStringLiteral("db"),
                                      QApplication::translate("Application", "Open the database at <path>."),
                                      QStringLiteral("path"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QApplication::translate("Application",
                                                          "Open the demo practice, creating it when missing."));
    const QCommandLineOption screenshots(
        QStringLiteral("screenshots"),
        QApplication::translate("Application", "Save a screenshot of every view into <dir> at 1280x800, then quit."),
        QStringLiteral("dir"));
    parser.addOption(database);
    parser.addOption(demo);
    parser.addOption(screenshots);
    parser.process(application);

    CommandLine line;
    line.database = parser.value(database);
    line.demo = parser.isSet(demo);
    line.screenshotDirectory = parser.value(screenshots);
    return line;
}

// A screenshot run needs no display: default to the offscreen platform unless the
// caller chose one. Must happen before the QApplication exists.
void preferOffscreenForScreenshots(int argc, char** argv)
{
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        return;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--screenshots") == 0 || std::strncmp(argv[i], "--screenshots=", 14) == 0) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
            return;
        }
    }
}

void openAtStart(MainWindow& window, const AppSettings& settings, const CommandLine& line)
{
    if (!line.database.isEmpty()) {
        window.openDatabase(line.database);
        return;
    }
    if (line.demo) {
        window.openDemoPractice();
        return;
    }
    const QString last = settings.lastDatabase();
    if (!last.isEmpty() && QFileInfo::exists(last)) {
        window.openDatabase(last); // on failure the window explains and offers the choices
        return;
    }
    window.openDemoPractice(); // first start
}

} // namespace

int runApplication(int argc, char** argv)
{
    preferOffscreenForScreenshots(argc, argv);

    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Caseboard"));
    QApplication::setApplicationName(QStringLiteral("Caseboard"));
    QApplication::setApplicationDisplayName(QStringLiteral("Caseboard"));
    QApplication::setApplicationVersion(QStringLiteral(CASEBOARD_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.caseboard.Caseboard"));

    const CommandLine line = parseCommandLine(application);
    const bool screenshots = !line.screenshotDirectory.isEmpty();

    const std::filesystem::path dataDirectory = defaultDataDirectory();
    initLogging(dataDirectory);
    spdlog::info("caseboard {} starting", CASEBOARD_VERSION);

    applyAppStyle(application);
    QApplication::setWindowIcon(applicationIcon());

    AppSettings settings;
    settings.setPersistent(!screenshots); // a screenshot run leaves the user's session alone

    MainWindow window(settings, {QString::fromStdString(dataDirectory.string()), std::nullopt});
    if (screenshots)
        window.resize(1280, 800);
    else
        window.restoreSavedGeometry();
    window.show();

    ScreenshotTour* tour = nullptr;
    if (screenshots) {
        tour = new ScreenshotTour(window, line.screenshotDirectory, &application);
        QObject::connect(tour, &ScreenshotTour::finished, &application, [](int code) { QApplication::exit(code); });
    }
    // Open after the window is on screen, so a slow start shows the window at once.
    QTimer::singleShot(0, &window, [&window, &settings, line, tour] {
        openAtStart(window, settings, line);
        if (tour)
            tour->start();
    });

    const int code = application.exec();
    spdlog::info("caseboard exiting with code {}", code);
    return code;
}

} // namespace caseboard::app
