#include "appointments_view.h"

#include "app_style.h"
#include "appointment_table_model.h"
#include "display_format.h"
#include "empty_state_widget.h"
#include "icons.h"
#include "page_header.h"
#include "status_pill_delegate.h"
#include "view_catalog.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace caseboard::app {

namespace {

// Column widths from the font, so they fit their content at any font size.
struct ColumnWidth {
    AppointmentColumn column;
    const char* sample;
};

constexpr ColumnWidth kColumnWidths[] = {
    {AppointmentColumn::Date, "Wed 2026-11-25"},
    {AppointmentColumn::Start, "10:30 PM"},
    {AppointmentColumn::Client, "Malik Kowalczyk Jr"},
    {AppointmentColumn::Clinician, "Rafael Beaumont"},
    {AppointmentColumn::ServiceCode, "Service"},
    {AppointmentColumn::Duration, "Length"},
    {AppointmentColumn::Status, "Completed Attended"},
    {AppointmentColumn::Location, "Telehealth"},
    {AppointmentColumn::Fee, "$1,250.00"},
    {AppointmentColumn::ClientPaid, "Client paid"},
    {AppointmentColumn::InsurancePaid, "Insurance paid"},
    {AppointmentColumn::Payer, "Blue Cross Blue"},
    {AppointmentColumn::NoteStatus, "Unsigned"},
};

// Shown until the user picks otherwise: what fits beside the sidebar at 1280 pixels.
// The rest is one click away under "Columns".
constexpr AppointmentColumn kHiddenByDefault[] = {
    AppointmentColumn::Duration,
    AppointmentColumn::ClientPaid,
    AppointmentColumn::InsurancePaid,
    AppointmentColumn::Payer,
};

} // namespace

AppointmentsView::AppointmentsView(QWidget* parent)
    : PracticeView(parent),
      model_(new AppointmentTableModel(this)),
      search_(new QLineEdit(this)),
      busy_(new QLabel(this)),
      count_(new QLabel(this)),
      columnsButton_(new QToolButton(this)),
      columnMenu_(new QMenu(this)),
      stack_(new QStackedWidget(this)),
      table_(new QTableView(this)),
      noData_(new EmptyStateWidget(
          QStringLiteral("appointments"), tr("No appointments yet"),
          {tr("Appointments appear here once your EHR's appointment or attendance exports are imported into "
              "this database."),
           tr("Each one is listed with its client, clinician, service, status and payments, searchable and "
              "sortable.")},
          this)),
      filterDelay_(new QTimer(this))
{
    setObjectName(QStringLiteral("appointments-view"));
    const ViewInfo info = viewInfo(ViewId::Appointments);
    auto* header = new PageHeader(info.title, tr("Every appointment in this database. Search by client, clinician, "
                                                 "service code, status or location; click a column to sort."),
                                  this);

    search_->setObjectName(QStringLiteral("SearchField"));
    search_->setPlaceholderText(tr("Search appointments"));
    search_->setToolTip(tr("Matches client, clinician, service code, EHR status and location. "
                           "Several words must all match."));
    search_->setClearButtonEnabled(true);
    search_->addAction(tintedIcon(QStringLiteral("search"), theme().mutedText), QLineEdit::LeadingPosition);
    search_->setMinimumWidth(340);
    search_->setMaximumWidth(420);

    auto* focusSearch = new QAction(this);
    focusSearch->setShortcut(QKeySequence::Find);
    connect(focusSearch, &QAction::triggered, this, [this] {
        search_->setFocus(Qt::ShortcutFocusReason);
        search_->selectAll();
    });
    addAction(focusSearch);

    busy_->setObjectName(QStringLiteral("MutedLabel"));
    busy_->setText(tr("Loading…"));
    busy_->setVisible(false);
    count_->setObjectName(QStringLiteral("MutedLabel"));
    count_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* toolbar = new QHBoxLayout;
    toolbar->setSpacing(12);
    toolbar->addWidget(search_, 1);
    toolbar->addStretch(1);
    toolbar->addWidget(busy_);
    toolbar->addWidget(count_);
    toolbar->addSpacing(4);
    toolbar->addWidget(columnsButton_);

    table_->setObjectName(QStringLiteral("DataTable"));
    table_->setModel(model_);
    table_->setItemDelegateForColumn(static_cast<int>(AppointmentColumn::Status),
                                     new StatusPillDelegate(AppointmentTableModel::StatusCategoryRole,
                                                            AppointmentTableModel::RawStatusRole, table_));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setShowGrid(false);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->setTextElideMode(Qt::ElideRight);
    table_->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    table_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    table_->setFrameShape(QFrame::NoFrame);
    table_->setCornerButtonEnabled(false);

    QHeaderView* rows = table_->verticalHeader();
    rows->setVisible(false);
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 16);

    QHeaderView* columns = table_->horizontalHeader();
    columns->setHighlightSections(false);
    columns->setSectionsMovable(true);
    columns->setStretchLastSection(true);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setMinimumSectionSize(48);
    columns->setSortIndicator(static_cast<int>(AppointmentColumn::Date), Qt::DescendingOrder);
    table_->setSortingEnabled(true);
    setColumnWidths();
    for (const AppointmentColumn column : kHiddenByDefault)
        columns->setSectionHidden(static_cast<int>(column), true);
    buildColumnMenu();

    stack_->addWidget(table_);
    stack_->addWidget(noData_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 18);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addSpacing(18);
    layout->addLayout(toolbar);
    layout->addSpacing(14);
    layout->addWidget(stack_, 1);

    filterDelay_->setSingleShot(true);
    filterDelay_->setInterval(kFilterDelayMs);
    connect(filterDelay_, &QTimer::timeout, this, &AppointmentsView::applyFilter);
    connect(search_, &QLineEdit::textChanged, filterDelay_, qOverload<>(&QTimer::start));
    connect(search_, &QLineEdit::returnPressed, this, &AppointmentsView::applyFilter);
    connect(columns, &QHeaderView::sortIndicatorChanged, this, [this] { busy_->setText(tr("Sorting…")); });

    connect(model_, &AppointmentTableModel::loadingChanged, this, [this](bool loading) {
        busy_->setVisible(loading);
        if (!loading)
            busy_->setText(tr("Loading…"));
        Q_EMIT busyChanged(loading);
    });
    connect(model_, &AppointmentTableModel::countsChanged, this, [this] {
        table_->scrollToTop();
        updateCounts();
    });
    connect(model_, &AppointmentTableModel::queryFailed, this, [this](const QString& message) {
        count_->setText(tr("Could not read the appointments: %1").arg(message));
    });
    updateCounts();
}

void AppointmentsView::setDatabase(Store* store)
{
    filterDelay_->stop();
    search_->blockSignals(true);
    search_->clear();
    search_->blockSignals(false);
    model_->setFilterText({});
    model_->setStore(store);
    updateCounts();
}

bool AppointmentsView::isBusy() const { return model_->isLoading(); }

QString AppointmentsView::countText() const { return count_->text(); }

void AppointmentsView::applyFilter()
{
    filterDelay_->stop();
    busy_->setText(tr("Searching…"));
    model_->setFilterText(search_->text());
}

void AppointmentsView::updateCounts()
{
    const qint64 total = model_->totalCount();
    const qint64 shown = model_->rowCount();
    stack_->setCurrentWidget(total == 0 ? static_cast<QWidget*>(noData_) : table_);
    search_->setEnabled(total != 0);
    if (total < 0) {
        count_->clear();
    } else if (model_->filter() == AppointmentFilter{}) {
        count_->setText(total == 1 ? tr("1 appointment") : tr("%1 appointments").arg(formatCount(total)));
    } else if (shown == 0) {
        count_->setText(tr("No appointments match \u201c%1\u201d").arg(model_->filterText()));
    } else {
        count_->setText(tr("%1 of %2 appointments").arg(formatCount(shown), formatCount(total)));
    }
}

void AppointmentsView::buildColumnMenu()
{
    columnsButton_->setText(tr("Columns"));
    columnsButton_->setToolTip(tr("Choose the columns to show"));
    columnsButton_->setPopupMode(QToolButton::InstantPopup);
    columnsButton_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    columnsButton_->setMenu(columnMenu_);
    columnsButton_->setObjectName(QStringLiteral("ColumnsButton"));

    QHeaderView* columns = table_->horizontalHeader();
    for (int section = 0; section < kAppointmentColumnCount; ++section) {
        QAction* action = columnMenu_->addAction(model_->headerData(section, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!columns->isSectionHidden(section));
        // Date and client identify an appointment: they always stay.
        const AppointmentColumn column = AppointmentTableModel::columnAt(section);
        action->setEnabled(column != AppointmentColumn::Date && column != AppointmentColumn::Client);
        connect(action, &QAction::toggled, this,
                [columns, section](bool shown) { columns->setSectionHidden(section, !shown); });
    }
    columns->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(columns, &QWidget::customContextMenuRequested, this,
            [this, columns](const QPoint& position) { columnMenu_->popup(columns->mapToGlobal(position)); });
}

void AppointmentsView::setColumnWidths()
{
    QHeaderView* columns = table_->horizontalHeader();
    const QFontMetrics metrics = table_->fontMetrics();
    QFont headerFont = columns->font();
    headerFont.setWeight(QFont::DemiBold);
    const QFontMetrics headerMetrics(headerFont);
    constexpr int kPadding = 22; // cell padding plus the sort arrow
    for (const ColumnWidth& width : kColumnWidths) {
        const int section = static_cast<int>(width.column);
        const QString sample = QString::fromUtf8(width.sample);
        const QString title = model_->headerData(section, Qt::Horizontal).toString();
        const int pixels = std::max(metrics.horizontalAdvance(sample), headerMetrics.horizontalAdvance(title));
        columns->resizeSection(section, pixels + kPadding);
    }
}

} // namespace caseboard::app
