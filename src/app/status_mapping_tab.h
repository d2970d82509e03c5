#pragma once
// Status mapping tab: the raw statuses the database holds, each with the category it
// counts as and how many appointments carry it. Changing a category saves it in the
// practice's status_map (later imports agree) and re-categorises those appointments.

#include "caseboard/core/status.h"

#include <QWidget>

#include <string>

class QLabel;
class QTableWidget;

namespace caseboard::app {

class SettingsEditStack;

class StatusMappingTab : public QWidget {
    Q_OBJECT
public:
    explicit StatusMappingTab(SettingsEditStack* edits, QWidget* parent = nullptr);

    void reload();
    QString remap(const std::string& rawStatus, StatusCategory category);
    QTableWidget* table() const { return table_; }

private:
    SettingsEditStack* edits_;
    QLabel* message_;
    QTableWidget* table_;
};

} // namespace caseboard::app
