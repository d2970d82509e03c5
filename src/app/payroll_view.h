#pragma once
// Payroll: one pay period at a time — the clinicians' counted sessions, hours and pay,
// the support staff's timesheet hours and pay, the totals — with the practice's payroll
// settings beside it and exports for the payroll provider (CSV) and the records (PDF).
// The snapshot loads off the GUI thread each time the view is shown; one period's payroll
// is then a pass over that period's rows, quick enough to compute on the GUI thread at
// every click.

#include "practice_view.h"

#include "caseboard/core/day.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/payroll.h"
#include "caseboard/metrics/payroll_settings.h"
#include "caseboard/metrics/snapshot.h"

#include <memory>

class QDateEdit;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace caseboard::app {

class EmptyStateWidget;
class PayrollSettingsBar;
class PayrollTableModel;
class SnapshotLoader;

class PayrollView : public PracticeView {
    Q_OBJECT
public:
    explicit PayrollView(QWidget* parent = nullptr);
    ~PayrollView() override;

    void setDatabase(Store* store) override;
    bool isBusy() const override { return loading_; }
    // Reads the settings, rates and timesheets again and reloads the snapshot.
    void reload();

    // Sessions are counted up to T (default yesterday).
    void setAsOf(Day asOf);
    Day asOf() const;
    void showPeriodContaining(Day day);
    void showPreviousPeriod();
    void showNextPeriod();
    metrics::PayPeriod period() const { return period_; }
    // The payroll on screen; nullptr before a snapshot is there.
    std::shared_ptr<const metrics::PayrollReport> report() const { return report_; }

    // Writes the shown payroll; each returns an error message, empty on success.
    QString exportCsv(const QString& path) const;
    QString exportPdf(const QString& path) const;

    QTableView* clinicianTable() const { return clinicianTable_; }
    QTableView* staffTable() const { return staffTable_; }
    QLabel* totalsLabel() const { return totals_; }

Q_SIGNALS:
    // After every recomputation (a period, a setting or the snapshot changed).
    void reportChanged();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void applySettings(const metrics::PayrollSettings& changed);
    void recompute();
    void refreshLabels();
    void setLoading(bool loading);
    void exportCsvWithDialog();
    void exportPdfWithDialog();
    QString practiceName() const;

    Store* store_ = nullptr;
    SnapshotLoader* loader_;
    std::shared_ptr<const metrics::Snapshot> snapshot_;
    metrics::MetricSettings metricSettings_;
    metrics::PayrollSettings settings_;
    metrics::PayPeriod period_;
    std::shared_ptr<const metrics::PayrollReport> report_;
    bool loading_ = false;

    QStackedWidget* stack_;
    EmptyStateWidget* empty_;
    QPushButton* previous_;
    QPushButton* next_;
    QLabel* periodLabel_;
    QLabel* daysLabel_;
    QDateEdit* asOf_;
    PayrollSettingsBar* settingsBar_;
    QLabel* notice_;
    PayrollTableModel* clinicianModel_;
    PayrollTableModel* staffModel_;
    QTableView* clinicianTable_;
    QTableView* staffTable_;
    QLabel* staffTitle_;
    QLabel* totals_;
    QPushButton* exportCsv_;
    QPushButton* exportPdf_;
};

} // namespace caseboard::app
