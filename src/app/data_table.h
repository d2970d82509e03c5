#pragma once
// The pieces the data views' big tables share (Appointments, Clients): one look and
// behaviour for the table and its headers, the columns an export or copy writes, and
// the delay that saves the table's layout after the user changes it.

#include <QString>

#include <vector>

class QHeaderView;
class QSplitter;
class QTableView;
class QTimer;

namespace caseboard::app {

// Styles the table as a "DataTable": whole-row selection, no grid, no row numbers, rows
// rowHeight pixels high, movable left-aligned column headers with the last one stretched.
void setUpDataTable(QTableView* table, int rowHeight);

// The logical sections shown, in the order the user sees them: what an export or a copy
// writes, so it matches the screen.
std::vector<int> shownSections(const QHeaderView* header);

// Tabs and line breaks would split a cell when pasted into a spreadsheet: spaces instead.
QString tabSafeCell(QString text);

// Restarts delay whenever the user resizes or moves a column or moves the splitter, so
// the layout is saved once the dragging stops.
void restartOnLayoutChange(QTimer* delay, QHeaderView* columns, QSplitter* splitter);

} // namespace caseboard::app
