#pragma once
// Trends: each calendar year, and the year to date against the same days last year, for
// the practice or side by side for each location, supervisor or clinician type; a bar
// per year and a line per month for a chosen figure; intakes per month against the
// previous 12 months and the same month last year. Exports the figures as CSV (the same
// CSV as `caseboard-cli trends`) and the whole report as PDF. Computed off the GUI
// thread (TrendsData).

#include "practice_view.h"
#include "trends_data.h"

#include "caseboard/metrics/trend_metric.h"

#include <memory>

class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTableView;
class QTimer;

namespace caseboard::app {

class EmptyStateWidget;
class YearTableModel;

class TrendsView : public PracticeView {
    Q_OBJECT
public:
    static constexpr int kDateDelayMs = 200;

    explicit TrendsView(QWidget* parent = nullptr);
    ~TrendsView() override;

    void setDatabase(Store* store) override;
    bool isBusy() const override;
    void reload();

    void setAsOf(Day day);
    Day asOf() const;
    // Practice, Location, Supervisor or Clinician type (the group-by selector's entries).
    void setGroupBy(metrics::Scope::Kind kind);
    metrics::Scope::Kind groupBy() const;
    void setChartMetric(metrics::TrendMetric metric);
    metrics::TrendMetric chartMetric() const;
    // The column a grouped table shows (index into the periods; the year to date by default).
    void setGroupPeriod(std::size_t period);

    std::shared_ptr<const TrendsResult> result() const { return result_; }
    TrendsData* data() const { return data_; }
    QTableView* table() const { return table_; }
    YearTableModel* model() const { return model_; }
    QChartView* yearChart() const { return yearChart_; }
    QChartView* monthChart() const { return monthChart_; }
    QChartView* intakeChart() const { return intakeChart_; }
    QComboBox* groupSelector() const { return groupBy_; }
    QComboBox* metricSelector() const { return metric_; }
    QComboBox* periodSelector() const { return period_; }
    QPushButton* exportCsvButton() const { return exportCsv_; }
    QPushButton* exportPdfButton() const { return exportPdf_; }

    // Write the shown result; false with `error` set when there is none or writing failed.
    bool exportCsv(const QString& path, QString* error = nullptr) const;
    bool exportPdf(const QString& path, QString* error = nullptr) const;

Q_SIGNALS:
    void resultShown();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitTableHeight();
    QWidget* buildControls();
    void requestCompute();
    void showResult(std::shared_ptr<const TrendsResult> result);
    void refresh();
    void fillPeriods();
    void chooseCsvFile();
    void choosePdfFile();

    TrendsData* data_;
    std::shared_ptr<const TrendsResult> result_;
    std::shared_ptr<const metrics::YearOverYear> trends_; // aliases result_
    Store* store_ = nullptr;

    QStackedWidget* stack_;
    QScrollArea* scroll_;
    EmptyStateWidget* noData_;
    QLabel* status_;
    QDateEdit* date_;
    QComboBox* groupBy_;
    QComboBox* period_;
    QLabel* periodLabel_;
    QComboBox* metric_;
    QPushButton* exportCsv_;
    QPushButton* exportPdf_;
    QLabel* tableTitle_;
    YearTableModel* model_;
    QTableView* table_;
    QLabel* tableNote_;
    QChartView* yearChart_;
    QChartView* monthChart_;
    QChartView* intakeChart_;
    QTimer* dateDelay_;
};

} // namespace caseboard::app
