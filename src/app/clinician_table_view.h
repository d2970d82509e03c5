#pragma once
// The dashboard's table of clinicians: sortable by number, every column wide enough for
// its content at the current font, and as tall as its rows, because the page scrolls
// rather than the table. Activating a row (double-click or Enter) names its clinician.

#include <QTableView>

class QSortFilterProxyModel;

namespace caseboard::app {

class ClinicianTableModel;

class ClinicianTableView : public QTableView {
    Q_OBJECT
public:
    explicit ClinicianTableView(ClinicianTableModel* model, QWidget* parent = nullptr);

    // Call after the rows or the horizontal scroll bar change.
    void fitToRows();

Q_SIGNALS:
    void clinicianActivated(const QString& name);

private:
    void sizeColumns();

    ClinicianTableModel* model_;
    QSortFilterProxyModel* proxy_;
};

} // namespace caseboard::app
