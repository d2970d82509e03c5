#pragma once
// Shown while long work runs off the GUI thread (creating the demo practice): what is
// happening, why, and an indeterminate progress bar.

#include <QWidget>

class QLabel;

namespace caseboard::app {

class BusyView : public QWidget {
    Q_OBJECT
public:
    explicit BusyView(QWidget* parent = nullptr);

    void setMessage(const QString& title, const QString& detail);
    QString title() const;

private:
    QLabel* title_;
    QLabel* detail_;
};

} // namespace caseboard::app
