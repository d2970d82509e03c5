#pragma once
// The Clients view: one row per clinician–client pair on the as-of date T, with its
// intake, last and next session, qualifying sessions, retention chip, billable cancels
// and the client's status. Filters compose (clinician, location, supervisor, intake
// range, retention status, nothing scheduled, free text); the saved lists at the left
// show exactly the pairs of the engine's workflow lists; the panel below the table shows
// the selected client's appointment history. The data is computed off the GUI thread
// (ClientsData); filtering and sorting run in memory (ClientsFilterProxy).

#include "clients_data.h"
#include "clients_filter.h"
#include "practice_view.h"

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace caseboard::app {

class AppSettings;
class ClientDetailPanel;
class ClientsFilterProxy;
class ClientsTableModel;
class EmptyStateWidget;

class ClientsView : public PracticeView {
    Q_OBJECT
public:
    static constexpr int kFilterDelayMs = 150;
    static constexpr int kDateDelayMs = 200;

    enum class IntakeRange { Any, Last7Days, LastMonth, Custom };

    // `settings` keeps the column layout between sessions; may be nullptr (tests).
    explicit ClientsView(AppSettings* settings, QWidget* parent = nullptr);
    ~ClientsView() override;

    void setDatabase(Store* store) override;
    bool isBusy() const override;
    void reload();

    void setAsOf(Day day);
    Day asOf() const;
    void setClientInitials(bool initials);

    // The filter the widgets say, and setting the widgets to one (applied at once).
    ClientsFilter currentFilter() const;
    void setFilter(const ClientsFilter& filter);
    void setIntakeRange(IntakeRange range);
    void clearFilters();
    // A saved list, or every pair (nullopt). Choosing a list clears the other filters, so
    // it shows exactly the engine's list; filters set afterwards narrow it.
    void showSavedList(std::optional<SavedList> list);
    std::optional<SavedList> savedList() const { return savedList_; }

    // Writes the rows shown, in their order, with the visible columns; names masked in
    // privacy mode. False (and `error`) when the file cannot be written.
    bool exportCsv(const QString& path, QString* error = nullptr) const;
    // The selected rows as tab-separated text with a header line (what Ctrl+C copies).
    QString selectedRowsText() const;
    void copySelectedRows() const;

    std::shared_ptr<const ClientsResult> result() const { return result_; }
    ClientsTableModel* model() const { return model_; }
    ClientsFilterProxy* proxy() const { return proxy_; }
    QTableView* table() const { return table_; }
    ClientDetailPanel* detailPanel() const { return detail_; }
    QListWidget* savedLists() const { return lists_; }
    QLineEdit* searchField() const { return search_; }
    QDateEdit* dateEdit() const { return date_; }
    EmptyStateWidget* emptyState() const { return noData_; }
    QString countText() const;

Q_SIGNALS:
    // After each result is shown (tests wait for it).
    void resultShown();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* buildFilterBar();
    QWidget* buildListsPanel();
    void buildColumnMenu();
    void setDefaultColumnWidths();
    void restoreLayout();
    void saveLayout() const;
    void requestCompute();
    void showResult(std::shared_ptr<const ClientsResult> result);
    void rebuildChoices();
    void applyFilter();
    void applyIntakeRange();
    void updateCounts();
    void updateListCounts();
    void updateListRule();
    void showSelectedClient();
    void chooseExportFile();
    void setBusyText(bool busy);

    AppSettings* settings_;
    ClientsData* data_;
    ClientsTableModel* model_;
    ClientsFilterProxy* proxy_;
    std::shared_ptr<const ClientsResult> result_;
    std::shared_ptr<const metrics::Snapshot> choicesFor_; // the snapshot the combos list
    std::optional<SavedList> savedList_;
    bool initials_ = false;
    bool applying_ = false; // widgets being set from code: no filter per change
    IntakeRange intakeRange_ = IntakeRange::Any; // the range the intake dates hold

    QStackedWidget* stack_;
    EmptyStateWidget* noData_;
    QDateEdit* date_;
    QLabel* asOfLabel_;
    QLabel* status_;
    QLineEdit* search_;
    QComboBox* clinician_;
    QComboBox* location_;
    QComboBox* supervisor_;
    QComboBox* retention_;
    QComboBox* intake_;
    QDateEdit* intakeFrom_;
    QDateEdit* intakeTo_;
    QLabel* intakeDash_;
    QCheckBox* noNext_;
    QPushButton* clear_;
    QLabel* count_;
    QToolButton* export_;
    QToolButton* columnsButton_;
    QMenu* columnMenu_;
    QListWidget* lists_;
    QLabel* listRule_; // the chosen list's definition
    QSplitter* splitter_;
    QTableView* table_;
    ClientDetailPanel* detail_;
    QTimer* filterDelay_;
    QTimer* dateDelay_;
    QTimer* saveDelay_;
};

} // namespace caseboard::app
