#pragma once
// Widths for table columns from the text they hold, measured with the table's font plus
// room for the cell margins: header-driven "resize to contents" measured too tight for
// the Team & Settings tables and elided short words ("clini…").

#include <initializer_list>

class QTableWidget;

namespace caseboard::app {

void fitColumnsToText(QTableWidget* table, std::initializer_list<int> columns, int padding = 28);

} // namespace caseboard::app
