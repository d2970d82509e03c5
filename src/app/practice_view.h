#pragma once
// What the main window expects of every view in its navigation.

#include <QWidget>

namespace caseboard { class Store; }

namespace caseboard::app {

class PracticeView : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;

    // The open database, owned by the main window and used on the GUI thread only;
    // nullptr when it closes. Views drop every reference into the old store here.
    virtual void setDatabase(Store* store) = 0;

    // True while the view waits for work off the GUI thread.
    virtual bool isBusy() const { return false; }

Q_SIGNALS:
    void busyChanged(bool busy);
};

} // namespace caseboard::app
