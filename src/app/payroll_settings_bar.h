#pragma once
// The Payroll view's settings row: pay period kind, the bi-weekly anchor, the hours rule
// and whether billable cancels are paid. It only shows and edits the values; the view
// saves them with the practice.

#include "caseboard/metrics/payroll_settings.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;

namespace caseboard::app {

class PayrollSettingsBar : public QWidget {
    Q_OBJECT
public:
    explicit PayrollSettingsBar(QWidget* parent = nullptr);

    metrics::PayrollSettings settings() const;
    // Shows `settings` without emitting settingsEdited.
    void setSettings(const metrics::PayrollSettings& settings);

Q_SIGNALS:
    // The user changed a control; `settings` is the whole row's new value.
    void settingsEdited(const caseboard::metrics::PayrollSettings& settings);

private:
    QComboBox* periodKind_;
    QLabel* anchorLabel_;
    QDateEdit* anchor_;
    QComboBox* hoursRule_;
    QCheckBox* payCancels_;
    bool updating_ = false;
};

} // namespace caseboard::app
