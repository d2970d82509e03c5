#include "data_table.h"

#include <QHeaderView>
#include <QSplitter>
#include <QTableView>
#include <QTimer>

namespace caseboard::app {

void setUpDataTable(QTableView* table, int rowHeight)
{
    table->setObjectName(QStringLiteral("DataTable"));
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table->setShowGrid(false);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideRight);
    table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    table->setFrameShape(QFrame::NoFrame);
    table->setCornerButtonEnabled(false);

    QHeaderView* rows = table->verticalHeader();
    rows->setVisible(false);
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(rowHeight);

    QHeaderView* columns = table->horizontalHeader();
    columns->setHighlightSections(false);
    columns->setSectionsMovable(true);
    columns->setStretchLastSection(true);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setMinimumSectionSize(48);
}

std::vector<int> shownSections(const QHeaderView* header)
{
    std::vector<int> sections;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int section = header->logicalIndex(visual);
        if (!header->isSectionHidden(section))
            sections.push_back(section);
    }
    return sections;
}

QString tabSafeCell(QString text)
{
    return text.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
}

void restartOnLayoutChange(QTimer* delay, QHeaderView* columns, QSplitter* splitter)
{
    QObject::connect(columns, &QHeaderView::sectionResized, delay, qOverload<>(&QTimer::start));
    QObject::connect(columns, &QHeaderView::sectionMoved, delay, qOverload<>(&QTimer::start));
    QObject::connect(splitter, &QSplitter::splitterMoved, delay, qOverload<>(&QTimer::start));
}

} // namespace caseboard::app
