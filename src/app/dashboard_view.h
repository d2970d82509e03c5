#pragma once
// The owner's weekly review on one screen: as-of date and scope, six headline numbers
// with their change since the previous week, the 52-week trend charts, one row per
// clinician, and the week's to-do lists. Everything is computed off the GUI thread
// (DashboardData); the view hands each result to its parts and lays them out for the
// window's width.

#include "dashboard_cards.h"
#include "dashboard_data.h"
#include "dashboard_header.h"
#include "practice_view.h"

#include <memory>
#include <optional>
#include <vector>

class QAction;
class QComboBox;
class QDateEdit;
class QGridLayout;
class QLabel;
class QScrollArea;
class QStackedWidget;
class QTableView;
class QTimer;

namespace caseboard::app {

class ActionListsPanel;
class ClinicianTableModel;
class ClinicianTableView;
class EmptyStateWidget;
class KpiCard;
class WeeklyChartsWidget;

class DashboardView : public PracticeView {
    Q_OBJECT
public:
    using Card = DashboardCards::Card;
    static constexpr int kCardCount = DashboardCards::kCardCount;
    static constexpr int kDateDelayMs = 200;
    static constexpr int kOneCardRowWidth = 1600;

    explicit DashboardView(QWidget* parent = nullptr);
    ~DashboardView() override;

    void setDatabase(Store* store) override;
    bool isBusy() const override;
    // Loads the data again, after an import changed it.
    void reload();

    void setAsOf(Day day) { header_->setAsOf(day); }
    Day asOf() const { return header_->asOf(); }
    const std::vector<metrics::Scope>& scopes() const { return header_->scopes(); }
    void setScopeIndex(int index) { header_->setScopeIndex(index); }
    int scopeIndex() const { return header_->scopeIndex(); }

    // The main window puts it in its View menu too.
    QAction* privacyAction() const { return header_->privacyAction(); }
    bool hidesClientNames() const;

    std::shared_ptr<const DashboardResult> result() const { return result_; }
    DashboardData* data() const { return data_; }
    DashboardHeader* header() const { return header_; }
    KpiCard* card(Card card) const { return cards_->card(card); }
    QTableView* clinicianTable() const;
    ClinicianTableModel* clinicianModel() const { return model_; }
    ActionListsPanel* actionLists() const { return lists_; }
    WeeklyChartsWidget* charts() const { return charts_; }
    QLabel* importNote() const { return header_->importNote(); }
    QLabel* unmarkedWarning() const { return header_->unmarkedWarning(); }
    QComboBox* scopeSelector() const { return header_->scopeSelector(); }
    QDateEdit* dateEdit() const { return header_->dateEdit(); }

Q_SIGNALS:
    void clinicianActivated(const QString& name);
    // After every result shown (tests and the screenshot tour wait for it).
    void resultShown();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QWidget* buildTableColumn(QWidget* page);
    QWidget* buildListsColumn(QWidget* page);
    void rebuildScopes();
    void requestCompute();
    void showResult(std::shared_ptr<const DashboardResult> result);
    void layoutLower(bool sideBySide);
    void fitCharts();
    void setBusyText(bool busy);

    DashboardData* data_;
    std::shared_ptr<const DashboardResult> result_;
    Store* store_ = nullptr; // GUI thread only, for the import note

    QStackedWidget* stack_;
    QScrollArea* scroll_;
    EmptyStateWidget* noData_;
    DashboardHeader* header_;
    DashboardCards* cards_;
    WeeklyChartsWidget* charts_;
    QLabel* tableTitle_;
    ClinicianTableModel* model_;
    ClinicianTableView* table_;
    ActionListsPanel* lists_;
    QTimer* dateDelay_;
    QGridLayout* lowerGrid_;
    QWidget* tableColumn_ = nullptr;
    QWidget* listsColumn_ = nullptr;
    std::optional<bool> lowerSideBySide_;
};

} // namespace caseboard::app
