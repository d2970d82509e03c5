#pragma once
// `caseboard --screenshots DIR`: once the database is open, visit every view, wait for
// its work off the GUI thread to finish, save DIR/<view>.png, and quit. Driven by
// signals and timers: the event loop never spins by hand.

#include "view_catalog.h"

#include <QDir>
#include <QObject>
#include <QTimer>

#include <cstddef>

namespace caseboard::app {

class MainWindow;

class ScreenshotTour : public QObject {
    Q_OBJECT
public:
    static constexpr int kSettleMs = 150;          // layout and paint after the view is ready
    static constexpr int kTimeoutMs = 15 * 60000;  // a 1,000,000-appointment demo takes a while

    ScreenshotTour(MainWindow& window, const QString& directory, QObject* parent = nullptr);

    // Starts once the window has a database and nothing is running.
    void start();

Q_SIGNALS:
    // 0 when every screenshot was saved.
    void finished(int exitCode);

private:
    void proceed();
    void visitNext();
    void capture();
    void fail(const QString& message);

    MainWindow& window_;
    QDir directory_;
    std::size_t next_ = 0;
    bool capturing_ = false;
    bool done_ = false;
    QTimer timeout_;
};

} // namespace caseboard::app
