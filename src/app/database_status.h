#pragma once
// The status bar's account of the open database: its file name (full path on hover),
// "N clinicians · N clients · N appointments" and the dates the data covers. The
// counts are read off the GUI thread.

#include <QObject>
#include <QString>

#include <cstdint>

class QLabel;
class QStatusBar;

namespace caseboard::app {

class DatabaseStatus : public QObject {
    Q_OBJECT
public:
    explicit DatabaseStatus(QStatusBar* statusBar);

    // Shows `path` and starts counting; an empty path shows "No database open".
    void setDatabase(const QString& path);
    bool isBusy() const { return busy_; }

    QString fileText() const;
    QString countsText() const;
    QString rangeText() const;

Q_SIGNALS:
    void busyChanged(bool busy);

private:
    void setBusy(bool busy);

    QLabel* file_;
    QLabel* counts_;
    QLabel* range_;
    std::uint64_t generation_ = 0;
    bool busy_ = false;
};

} // namespace caseboard::app
