#pragma once
// Metric rules tab: every setting of metric_settings.h with its value, its default and a
// one-line explanation (docs/metrics.md), edited with the widget its type calls for and
// saved as soon as it changes; "Reset" puts the default back by removing the override.

#include "caseboard/store/settings_value.h"

#include <QWidget>

#include <optional>
#include <string>
#include <vector>

class QTableWidget;
class QLabel;

namespace caseboard::app {

class SettingsEditStack;

struct MetricRule {
    enum class Kind { Int, Real, OptionalReal, Bool, Choice };
    std::string key;
    Kind kind = Kind::Int;
    double minimum = 0;
    double maximum = 100000;
    double defaultValue = 0; // Int, Real, Bool (0/1); OptionalReal: none
    std::vector<std::string> choices; // Choice: the first is the default
    const char* label = "";
    const char* meaning = "";
};

// In the order the tab lists them.
const std::vector<MetricRule>& metricRules();

class MetricRulesTab : public QWidget {
    Q_OBJECT
public:
    explicit MetricRulesTab(SettingsEditStack* edits, QWidget* parent = nullptr);

    void reload();
    // Saves one setting (nullopt = back to the default) as an undoable edit.
    QString setRule(const std::string& key, const std::optional<SettingValue>& value);
    QWidget* editorFor(const std::string& key) const;
    QTableWidget* table() const { return table_; }

private:
    void buildRows();

    SettingsEditStack* edits_;
    QLabel* message_;
    QTableWidget* table_;
    bool loading_ = false;
};

} // namespace caseboard::app
