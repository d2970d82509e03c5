#include "screenshot_tour.h"

#include "main_window.h"

#include <QPixmap>

#include <cstdio>

namespace caseboard::app {

ScreenshotTour::ScreenshotTour(MainWindow& window, const QString& directory, QObject* parent)
    : QObject(parent), window_(window), directory_(directory)
{
    timeout_.setSingleShot(true);
    timeout_.setInterval(kTimeoutMs);
    connect(&timeout_, &QTimer::timeout, this, [this] { fail(QStringLiteral("timed out waiting for the window")); });
}

void ScreenshotTour::start()
{
    if (!directory_.exists() && !directory_.mkpath(QStringLiteral("."))) {
        fail(QStringLiteral("cannot create ") + directory_.absolutePath());
        return;
    }
    connect(&window_, &MainWindow::busyChanged, this, &ScreenshotTour::proceed);
    connect(&window_, &MainWindow::databaseOpened, this, &ScreenshotTour::proceed);
    connect(&window_, &MainWindow::databaseOpenFailed, this,
            [this](const QString&, const QString& message) { fail(message); });
    timeout_.start();
    QTimer::singleShot(0, this, &ScreenshotTour::proceed);
}

void ScreenshotTour::proceed()
{
    if (done_ || capturing_ || !window_.store() || window_.isBusy())
        return;
    visitNext();
}

void ScreenshotTour::visitNext()
{
    if (next_ >= kAllViews.size()) {
        done_ = true;
        timeout_.stop();
        Q_EMIT finished(0);
        return;
    }
    window_.showView(kAllViews[next_]);
    capturing_ = true;
    // The view may have started work of its own; wait for it before capturing.
    QTimer::singleShot(kSettleMs, this, [this] {
        if (window_.isBusy()) {
            capturing_ = false; // busyChanged(false) calls proceed() again
            return;
        }
        capture();
    });
}

void ScreenshotTour::capture()
{
    const ViewInfo info = viewInfo(kAllViews[next_]);
    const QString file = directory_.filePath(info.key + QStringLiteral(".png"));
    if (!window_.grab().save(file)) {
        fail(QStringLiteral("cannot write ") + file);
        return;
    }
    std::fprintf(stdout, "%s\n", qPrintable(file));
    std::fflush(stdout);
    ++next_;
    capturing_ = false;
    proceed(); // when the window is busy, busyChanged(false) calls it again
}

void ScreenshotTour::fail(const QString& message)
{
    if (done_)
        return;
    done_ = true;
    timeout_.stop();
    std::fprintf(stderr, "caseboard: screenshots failed: %s\n", qPrintable(message));
    Q_EMIT finished(1);
}

} // namespace caseboard::app
