#pragma once
// Every appointment in the database: a sortable table with composable filters, a
// footer with the filtered rows' totals, and the workflow lists (overdue progress
// notes, missing payments, unmarked appointments) one click away; fast at a million
// rows (see AppointmentTableModel).

#include "practice_view.h"

#include "caseboard/core/day.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/store/appointment_table.h"

#include <QString>

#include <cstdint>
#include <unordered_map>

class QButtonGroup;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTableWidget;
class QTimer;
class QToolButton;

namespace caseboard::app {

class AppSettings;
class AppointmentFilterBar;
class AppointmentTableModel;
class EmptyStateWidget;

class AppointmentsView : public PracticeView {
    Q_OBJECT
public:
    // The workflow lists (METRICS.md "Lists"); All is the plain table.
    enum class List { All, OverdueNotes, MissingPayments, Unmarked };
    // The missing-payments list over everything outstanding, or the sessions of one period.
    enum class PaymentPeriod { AllOutstanding, LastMonth, PriorQuarter };

    explicit AppointmentsView(QWidget* parent = nullptr);

    void setDatabase(Store* store) override;
    bool isBusy() const override;
    // Re-reads the thresholds, the filter choices and the rows after the practice's
    // data or settings changed (Team & Settings).
    void reload();

    // Where column widths, order and visibility are kept between sessions.
    void setAppSettings(AppSettings* settings);

    // Shows one clinician's appointments: every other filter and list cleared, the
    // clinician filter set (once the clinicians are known).
    void showClinician(const QString& name);

    // The as-of date T of the lists and date shortcuts; yesterday by default.
    void setAsOf(Day day);
    Day asOf() const;
    void showList(List list);
    List currentList() const { return list_; }
    void setPaymentPeriod(PaymentPeriod period);
    // The filter the controls describe (what the model runs once it settles).
    AppointmentFilter currentFilter() const;

    // Writes the current rows to `path` as CSV on the GUI thread; returns an error
    // message, empty on success.
    QString exportCsv(const QString& path);
    // The same off the GUI thread (what the Export button runs after its save dialog);
    // emits exportFinished.
    void startExport(const QString& path);
    // The selected rows' visible cells, tab-separated under a header line; also put on
    // the clipboard.
    QString copySelection();

    AppointmentTableModel* model() const { return model_; }
    QTableView* table() const { return table_; }
    QTableWidget* summaryTable() const { return summary_; }
    AppointmentFilterBar* filterBar() const { return filterBar_; }
    QLineEdit* searchField() const;
    QString countText() const;
    QString totalsText() const;
    bool choicesLoaded() const { return choicesLoaded_; }

Q_SIGNALS:
    void exportFinished(const QString& error);

private:
    void applyFilter();
    void updateCounts();
    void updateListControls();
    void updateSummary();
    void setColumnWidths();
    void buildColumnMenu();
    void syncColumnMenu();
    void saveHeaderState();
    void loadChoices();
    void exportWithDialog();
    void updateBusy();

    AppointmentTableModel* model_;
    AppointmentFilterBar* filterBar_;
    QButtonGroup* lists_;
    QComboBox* period_;
    QDateEdit* asOf_;
    QLabel* listNote_;
    QLabel* busy_;
    QLabel* count_;
    QLabel* totals_;
    QPushButton* exportButton_;
    QToolButton* columnsButton_;
    QMenu* columnMenu_;
    QStackedWidget* stack_;
    QTableView* table_;
    QTableWidget* summary_;
    QSplitter* splitter_;
    EmptyStateWidget* noData_;
    QTimer* saveState_;

    Store* store_ = nullptr;
    AppSettings* settings_ = nullptr;
    metrics::MetricSettings metricSettings_;
    List list_ = List::All;
    bool choicesLoaded_ = false;
    bool choicesLoading_ = false;
    bool busyState_ = false;
    std::uint64_t choicesGeneration_ = 0;
    QString pendingClinician_;
    std::unordered_map<RowId, QString> clinicianNames_; // for the overdue notes' counts
};

} // namespace caseboard::app
