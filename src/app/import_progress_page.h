#pragma once
// The wizard's import step: which file, a progress bar over all the files' bytes, rows
// read and MB/s, and a cancel that changes nothing.

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace caseboard::app {

class ImportWorker;

class ImportProgressPage : public QWidget {
    Q_OBJECT
public:
    explicit ImportProgressPage(QWidget* parent = nullptr);

    void start(const QStringList& fileNames);
    // Reads the worker's counters (GUI thread, on a timer).
    void update(const ImportWorker& worker);
    void showCancelling();

    QPushButton* cancelButton() const { return cancel_; }
    QProgressBar* bar() const { return bar_; }
    QString statsText() const;

Q_SIGNALS:
    void cancelRequested();

private:
    QStringList fileNames_;
    QLabel* title_;
    QLabel* file_;
    QProgressBar* bar_;
    QLabel* stats_;
    QLabel* note_;
    QPushButton* cancel_;
};

} // namespace caseboard::app
