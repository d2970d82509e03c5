#pragma once
// Shown when no database is open (the last one could not be opened, or the user chose
// to start fresh): open a database, create a new one, or explore the demo practice.

#include <QWidget>

namespace caseboard::app {

class WelcomeView : public QWidget {
    Q_OBJECT
public:
    explicit WelcomeView(QWidget* parent = nullptr);

Q_SIGNALS:
    void openRequested();
    void newRequested();
    void demoRequested();
};

} // namespace caseboard::app
