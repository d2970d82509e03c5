#pragma once
// Every appointment in the database: a sortable table with a search box, fast at a
// million rows (see AppointmentTableModel).

#include "practice_view.h"

class QLabel;
class QMenu;
class QToolButton;
class QLineEdit;
class QStackedWidget;
class QTableView;
class QTimer;

namespace caseboard::app {

class AppointmentTableModel;
class EmptyStateWidget;

class AppointmentsView : public PracticeView {
    Q_OBJECT
public:
    static constexpr int kFilterDelayMs = 250;

    explicit AppointmentsView(QWidget* parent = nullptr);

    void setDatabase(Store* store) override;
    bool isBusy() const override;

    AppointmentTableModel* model() const { return model_; }
    QTableView* table() const { return table_; }
    QLineEdit* searchField() const { return search_; }
    QString countText() const;

private:
    void applyFilter();
    void updateCounts();
    void setColumnWidths();
    void buildColumnMenu();

    AppointmentTableModel* model_;
    QLineEdit* search_;
    QLabel* busy_;
    QLabel* count_;
    QToolButton* columnsButton_;
    QMenu* columnMenu_;
    QStackedWidget* stack_;
    QTableView* table_;
    EmptyStateWidget* noData_;
    QTimer* filterDelay_;
};

} // namespace caseboard::app
