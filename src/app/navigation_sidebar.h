#pragma once
// The left-hand navigation: the brand, one button per view (icon and label, a clear
// selected state) and a quiet note at the bottom about where the data lives.

#include "view_catalog.h"

#include <QWidget>

#include <map>

class QButtonGroup;
class QPushButton;

namespace caseboard::app {

class NavigationSidebar : public QWidget {
    Q_OBJECT
public:
    explicit NavigationSidebar(QWidget* parent = nullptr);

    void setCurrentView(ViewId id);
    ViewId currentView() const;
    QPushButton* button(ViewId id) const;
    // Without a database the buttons are disabled; the brand and the note stay as they are.
    void setNavigationEnabled(bool enabled);
    bool navigationEnabled() const;

Q_SIGNALS:
    void viewSelected(ViewId id);

private:
    QButtonGroup* group_;
    std::map<ViewId, QPushButton*> buttons_;
};

} // namespace caseboard::app
