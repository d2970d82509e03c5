#pragma once
// The views of the main window, in sidebar order, with what each one is for.

#include <QString>
#include <QString>

#include <array>

namespace caseboard::app {

enum class ViewId {
    Dashboard,
    Clients,
    Appointments,
    TeamSettings,
    Supervision,
    Trends,
    Payroll,
    Import,
};

inline constexpr std::array kAllViews{
    ViewId::Dashboard, ViewId::Clients,     ViewId::Appointments, ViewId::TeamSettings,
    ViewId::Supervision, ViewId::Trends,    ViewId::Payroll,      ViewId::Import,
};

struct ViewInfo {
    QString key;      // stable, file-name safe: "team-settings"
    QString title;    // "Team & Settings"
    QString iconName; // resource name under :/icons
    QString subtitle; // one line under the view title
};

ViewInfo viewInfo(ViewId id);
// The title for button and menu text, where '&' marks a mnemonic: "Team && Settings".
QString menuText(const ViewInfo& info);
int viewIndex(ViewId id);

} // namespace caseboard::app
