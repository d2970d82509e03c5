#pragma once
// The owner's weekly review on one screen: as-of date and scope, six headline numbers
// with their change since the previous week, the 52-week trend charts, one row per
// clinician, and the week's to-do lists. Everything is computed off the GUI thread
// (DashboardData); the view only formats results.

#include "dashboard_data.h"
#include "practice_view.h"

#include <array>
#include <memory>
#include <optional>
#include <vector>

class QAction;
class QComboBox;
class QDateEdit;
class QGridLayout;
class QLabel;
class QScrollArea;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace caseboard::app {

class ActionListsPanel;
class ClinicianTableModel;
class EmptyStateWidget;
class KpiCard;
class PageHeader;
class WeeklyChartsWidget;

class DashboardView : public PracticeView {
    Q_OBJECT
public:
    enum class Card { Sessions, Cancellations, Bookings, ActiveClients, Retention, LifetimeValue };
    static constexpr int kCardCount = 6;
    static constexpr int kDateDelayMs = 200;
    static constexpr int kTrendWeeks = 26;
    static constexpr int kOneCardRowWidth = 1600;

    explicit DashboardView(QWidget* parent = nullptr);
    ~DashboardView() override;

    void setDatabase(Store* store) override;
    bool isBusy() const override;
    // Loads the data again, after an import changed it.
    void reload();

    void setAsOf(Day day);
    Day asOf() const;
    // The scopes on offer; the first is the whole practice. The selector's items hold
    // their index in this list as data (the selector also has separators).
    const std::vector<metrics::Scope>& scopes() const { return scopes_; }
    // An index of the selector, separators included.
    void setScopeIndex(int index);
    int scopeIndex() const;

    // Checkable; Ctrl+Shift+P. The main window puts it in its View menu too.
    QAction* privacyAction() const { return privacyAction_; }
    bool hidesClientNames() const;

    std::shared_ptr<const DashboardResult> result() const { return result_; }
    DashboardData* data() const { return data_; }
    KpiCard* card(Card card) const { return cards_[static_cast<std::size_t>(card)]; }
    QTableView* clinicianTable() const { return table_; }
    ClinicianTableModel* clinicianModel() const { return model_; }
    ActionListsPanel* actionLists() const { return lists_; }
    WeeklyChartsWidget* charts() const { return charts_; }
    QLabel* importNote() const { return importNote_; }
    QLabel* unmarkedWarning() const { return unmarked_; }
    QComboBox* scopeSelector() const { return scope_; }
    QDateEdit* dateEdit() const { return date_; }

Q_SIGNALS:
    void clinicianActivated(const QString& name);
    // After every result shown (tests and the screenshot tour wait for it).
    void resultShown();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void buildHeader(QWidget* page);
    void rebuildScopes();
    void requestCompute();
    void showResult(std::shared_ptr<const DashboardResult> result);
    void showCards(const DashboardResult& result);
    void updateImportNote(Store* store);
    void layoutCards(int columns);
    void layoutLower(bool sideBySide);
    void fitTable();
    void fitCharts();
    void setBusyText(bool busy);
    QString scopeTitle(const metrics::Scope& scope) const;

    DashboardData* data_;
    std::shared_ptr<const DashboardResult> result_;
    std::vector<metrics::Scope> scopes_;
    Store* store_ = nullptr; // GUI thread only, for the import note

    QStackedWidget* stack_;
    QScrollArea* scroll_;
    EmptyStateWidget* noData_;
    PageHeader* header_;
    QLabel* importNote_;
    QLabel* busy_;
    QDateEdit* date_;
    QComboBox* scope_;
    QToolButton* privacyButton_;
    QAction* privacyAction_;
    QLabel* unmarked_;
    std::array<KpiCard*, kCardCount> cards_{};
    WeeklyChartsWidget* charts_;
    QLabel* tableTitle_;
    ClinicianTableModel* model_;
    QSortFilterProxyModel* proxy_;
    QTableView* table_;
    QLabel* listsTitle_;
    ActionListsPanel* lists_;
    QTimer* dateDelay_;
    QGridLayout* cardGrid_;
    int cardColumns_ = 0;
    QGridLayout* lowerGrid_;
    QWidget* tableColumn_ = nullptr;
    QWidget* listsColumn_ = nullptr;
    std::optional<bool> lowerSideBySide_;
};

} // namespace caseboard::app
