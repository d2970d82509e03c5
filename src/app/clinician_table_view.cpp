#include "clinician_table_view.h"

#include "clinician_table_model.h"
#include "retention_chip_delegate.h"

#include <QHeaderView>
#include <QScrollBar>
#include <QSortFilterProxyModel>

#include <algorithm>

namespace caseboard::app {

namespace {

// Column widths from the font, so they fit their content at any font size.
struct ColumnSample {
    ClinicianColumn column;
    const char* sample;
};

constexpr ColumnSample kColumnSamples[] = {
    {ClinicianColumn::WeeklyGoal, "22.5"},
    {ClinicianColumn::Counted, "1,234"},
    {ClinicianColumn::Utilization, "100.0%"},
    {ClinicianColumn::CancellationRate, "100.0%"},
    {ClinicianColumn::Bookings, "123 / 140"},
    {ClinicianColumn::Openings, "22 urgent"},
    {ClinicianColumn::ActiveClients, "123 / 140"},
    {ClinicianColumn::Caseload, "Needs referrals"},
    {ClinicianColumn::Retention, "Off target"},
    {ClinicianColumn::OverdueNotes, "123"},
};

} // namespace

ClinicianTableView::ClinicianTableView(ClinicianTableModel* model, QWidget* parent)
    : QTableView(parent), model_(model), proxy_(new QSortFilterProxyModel(this))
{
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(ClinicianTableModel::SortRole);
    proxy_->setSortCaseSensitivity(Qt::CaseInsensitive);
    setObjectName(QStringLiteral("DataTable"));
    setModel(proxy_);
    setItemDelegateForColumn(static_cast<int>(ClinicianColumn::Retention),
                             new RetentionChipDelegate(ClinicianTableModel::RetentionStatusRole, this));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setShowGrid(false);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setCornerButtonEnabled(false);
    setIconSize(QSize(12, 12));
    verticalHeader()->setVisible(false);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 14);
    sizeColumns();
    setSortingEnabled(true);
    sortByColumn(static_cast<int>(ClinicianColumn::Name), Qt::AscendingOrder);
    connect(this, &QTableView::activated, this, [this](const QModelIndex& index) {
        const QString name = index.data(ClinicianTableModel::ClinicianNameRole).toString();
        if (!name.isEmpty())
            Q_EMIT clinicianActivated(name);
    });
}

void ClinicianTableView::sizeColumns()
{
    QHeaderView* columns = horizontalHeader();
    columns->setHighlightSections(false);
    columns->setMinimumSectionSize(40);
    columns->setStretchLastSection(false);
    columns->setSectionResizeMode(static_cast<int>(ClinicianColumn::Name), QHeaderView::Stretch);
    QFont headerFont = columns->font();
    headerFont.setWeight(QFont::DemiBold);
    const QFontMetrics headerMetrics(headerFont);
    const QFontMetrics metrics = fontMetrics();
    for (const ColumnSample& sample : kColumnSamples) {
        const int section = static_cast<int>(sample.column);
        const QString title = model_->headerData(section, Qt::Horizontal).toString();
        // Openings and utilization can be bold (urgent, under-performing).
        const bool bold = sample.column == ClinicianColumn::Openings || sample.column == ClinicianColumn::Utilization;
        int width = std::max((bold ? headerMetrics : metrics).horizontalAdvance(QString::fromUtf8(sample.sample)),
                             headerMetrics.horizontalAdvance(title));
        if (sample.column == ClinicianColumn::Retention)
            width += metrics.height() + 26; // the chip's dot and padding
        const bool text = sample.column == ClinicianColumn::Caseload || sample.column == ClinicianColumn::Retention;
        columns->resizeSection(section, width + (text ? 24 : 16));
    }
}

void ClinicianTableView::fitToRows()
{
    const int height = horizontalHeader()->sizeHint().height()
        + proxy_->rowCount() * verticalHeader()->defaultSectionSize() + 2 * frameWidth() + 2;
    const int scrollBar = horizontalScrollBar()->isVisible() ? horizontalScrollBar()->height() : 0;
    setFixedHeight(height + scrollBar);
}

} // namespace caseboard::app
