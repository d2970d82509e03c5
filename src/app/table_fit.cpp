#include "table_fit.h"

#include <QFontMetrics>
#include <QHeaderView>
#include <QTableWidget>

#include <algorithm>

namespace caseboard::app {

void fitColumnsToText(QTableWidget* table, std::initializer_list<int> columns, int padding)
{
    QFont headerFont = table->horizontalHeader()->font();
    headerFont.setBold(true);
    const QFontMetrics header(headerFont);
    for (const int column : columns) {
        int width = 0;
        if (const QTableWidgetItem* title = table->horizontalHeaderItem(column))
            width = header.horizontalAdvance(title->text());
        for (int row = 0; row < table->rowCount(); ++row)
            if (const QTableWidgetItem* cell = table->item(row, column))
                width = std::max(width, QFontMetrics(cell->font()).horizontalAdvance(cell->text()));
        table->setColumnWidth(column, width + padding);
    }
}

} // namespace caseboard::app
