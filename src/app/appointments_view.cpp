#include "appointments_view.h"

#include "app_settings.h"
#include "app_style.h"
#include "appointment_csv_export.h"
#include "appointment_filter_bar.h"
#include "appointment_table_model.h"
#include "data_table.h"
#include "display_format.h"
#include "empty_state_widget.h"
#include "page_header.h"
#include "status_pill_delegate.h"
#include "view_catalog.h"

#include "caseboard/store/sqlite.h"
#include "caseboard/store/store.h"

#include <QAction>
#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <fstream>
#include <unordered_map>

namespace caseboard::app {

namespace {

const QString kSettingsKey = QStringLiteral("appointments");

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
// The rest is one click away under "Columns" or the header's context menu.
constexpr AppointmentColumn kHiddenByDefault[] = {
    AppointmentColumn::Duration,
    AppointmentColumn::ClientPaid,
    AppointmentColumn::InsurancePaid,
    AppointmentColumn::Payer,
};

Day fromQDate(const QDate& date)
{
    return makeDay(date.year(), static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

QString listButtonStyle()
{
    const Theme& t = theme();
    const auto c = [](const QColor& color) { return color.name(QColor::HexRgb); };
    return QStringLiteral(R"css(
QPushButton#ListButton {
    border: 1px solid %1; border-left: none; background: %2; color: %3;
    padding: 5px 14px; border-radius: 0;
}
QPushButton#ListButton[segment="first"] {
    border-left: 1px solid %1; border-top-left-radius: 6px; border-bottom-left-radius: 6px;
}
QPushButton#ListButton[segment="last"] { border-top-right-radius: 6px; border-bottom-right-radius: 6px; }
QPushButton#ListButton:hover { background: %4; }
QPushButton#ListButton:checked { background: %5; color: %6; }
)css")
        .arg(c(t.border), c(t.surface), c(t.text), c(t.hover), c(t.accentSoft), c(t.accentText));
}

QString monthName(int year, unsigned month)
{
    // ISO months: short enough to leave the payer room, and they sort as text.
    return QStringLiteral("%1-%2").arg(year).arg(month, 2, 10, QLatin1Char('0'));
}

} // namespace

AppointmentsView::AppointmentsView(QWidget* parent)
    : PracticeView(parent),
      model_(new AppointmentTableModel(this)),
      filterBar_(new AppointmentFilterBar(this)),
      lists_(new QButtonGroup(this)),
      period_(new QComboBox(this)),
      asOf_(new QDateEdit(this)),
      listNote_(new QLabel(this)),
      busy_(new QLabel(this)),
      count_(new QLabel(this)),
      totals_(new QLabel(this)),
      exportButton_(new QPushButton(tr("Export CSV…"), this)),
      columnsButton_(new QToolButton(this)),
      columnMenu_(new QMenu(this)),
      stack_(new QStackedWidget(this)),
      table_(new QTableView(this)),
      summary_(new QTableWidget(this)),
      splitter_(new QSplitter(Qt::Horizontal, this)),
      noData_(new EmptyStateWidget(
          QStringLiteral("appointments"), tr("No appointments yet"),
          {tr("Appointments appear here once your EHR's appointment or attendance exports are imported into "
              "this database."),
           tr("Each one is listed with its client, clinician, service, status and payments, searchable and "
              "sortable.")},
          this)),
      saveState_(new QTimer(this))
{
    setObjectName(QStringLiteral("appointments-view"));
    const ViewInfo info = viewInfo(ViewId::Appointments);
    auto* header = new PageHeader(info.title, tr("Every appointment in this database, with the lists that need "
                                                 "action. Filters combine; click a column to sort."),
                                  this);

    // The lists, one click away.
    auto* listBar = new QWidget(this);
    listBar->setStyleSheet(listButtonStyle());
    auto* listLayout = new QHBoxLayout(listBar);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(0);
    const std::pair<List, QString> lists[] = {
        {List::All, tr("All appointments")},
        {List::OverdueNotes, tr("Overdue notes")},
        {List::MissingPayments, tr("Missing payments")},
        {List::Unmarked, tr("Unmarked")},
    };
    const QString listTips[] = {
        tr("Every appointment, with the filters below"),
        tr("Qualifying sessions whose progress note is still unsigned, note_due_days after the session"),
        tr("Qualifying sessions with a balance left, payment_lag_days after the session (revenue reconciliation)"),
        tr("Past appointments still marked scheduled"),
    };
    for (std::size_t k = 0; k < std::size(lists); ++k) {
        auto* button = new QPushButton(lists[k].second, listBar);
        button->setObjectName(QStringLiteral("ListButton"));
        button->setProperty("segment", k == 0                      ? QStringLiteral("first")
                                           : k + 1 == std::size(lists) ? QStringLiteral("last")
                                                                       : QStringLiteral("middle"));
        button->setCheckable(true);
        button->setChecked(k == 0);
        button->setCursor(Qt::PointingHandCursor);
        button->setToolTip(listTips[k]);
        lists_->addButton(button, static_cast<int>(lists[k].first));
        listLayout->addWidget(button);
    }
    lists_->setExclusive(true);

    period_->setAccessibleName(tr("Period"));
    period_->setToolTip(tr("Every outstanding balance, or only the sessions of one period before T"));
    period_->addItem(tr("All outstanding"), static_cast<int>(PaymentPeriod::AllOutstanding));
    period_->addItem(tr("Last month"), static_cast<int>(PaymentPeriod::LastMonth));
    period_->addItem(tr("Prior quarter"), static_cast<int>(PaymentPeriod::PriorQuarter));
    period_->setVisible(false);

    asOf_->setObjectName(QStringLiteral("AsOfDate"));
    asOf_->setCalendarPopup(true);
    asOf_->setDisplayFormat(QStringLiteral("ddd MMM d, yyyy"));
    asOf_->setDate(toQDate(addDays(localToday(), -1)));
    asOf_->setToolTip(tr("The as-of date T: the lists and the date shortcuts count back from it. Default: yesterday."));
    asOf_->setAccessibleName(tr("As of"));
    auto* asOfLabel = new QLabel(tr("As of"), this);
    asOfLabel->setObjectName(QStringLiteral("MutedLabel"));
    asOfLabel->setBuddy(asOf_);

    auto* listRow = new QHBoxLayout;
    listRow->setSpacing(8);
    listRow->addWidget(listBar);
    listRow->addSpacing(4);
    listRow->addWidget(period_);
    listRow->addStretch(1);
    listRow->addWidget(asOfLabel);
    listRow->addWidget(asOf_);

    listNote_->setObjectName(QStringLiteral("MutedLabel"));
    listNote_->setWordWrap(true);
    listNote_->setVisible(false);

    busy_->setObjectName(QStringLiteral("MutedLabel"));
    busy_->setText(tr("Loading…"));
    busy_->setVisible(false);
    count_->setObjectName(QStringLiteral("MutedLabel"));
    count_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    totals_->setObjectName(QStringLiteral("AppointmentTotals"));
    totals_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* focusSearch = new QAction(this);
    focusSearch->setShortcut(QKeySequence::Find);
    connect(focusSearch, &QAction::triggered, this, [this] {
        searchField()->setFocus(Qt::ShortcutFocusReason);
        searchField()->selectAll();
    });
    addAction(focusSearch);

    table_->setModel(model_);
    table_->setItemDelegateForColumn(static_cast<int>(AppointmentColumn::Status),
                                     new StatusPillDelegate(AppointmentTableModel::StatusCategoryRole,
                                                            AppointmentTableModel::RawStatusRole, table_));
    setUpDataTable(table_, fontMetrics().height() + 16);

    auto* copy = new QAction(tr("Copy"), table_);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, [this] { copySelection(); });
    table_->addAction(copy);

    QHeaderView* columns = table_->horizontalHeader();
    columns->setSortIndicator(static_cast<int>(AppointmentColumn::Date), Qt::DescendingOrder);
    table_->setSortingEnabled(true);
    setColumnWidths();
    for (const AppointmentColumn column : kHiddenByDefault)
        columns->setSectionHidden(static_cast<int>(column), true);
    buildColumnMenu();

    // Beside a list's rows: the missing payments' balances by month and payer, or the
    // overdue notes' count per clinician (a click filters to that clinician).
    summary_->setObjectName(QStringLiteral("ListSummaryTable"));
    summary_->verticalHeader()->setVisible(false);
    summary_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    summary_->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    summary_->horizontalHeader()->setHighlightSections(false);
    summary_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    summary_->setSelectionMode(QAbstractItemView::NoSelection);
    summary_->setShowGrid(false);
    summary_->setAlternatingRowColors(true);
    summary_->setFrameShape(QFrame::NoFrame);
    summary_->setWordWrap(false);
    {
        // Room for every column of the balances, the payer's name included.
        const QFontMetrics metrics = summary_->fontMetrics();
        int width = 8;
        for (const QString& sample : {QStringLiteral("2026-09"), QStringLiteral("Blue Cross Blue"), tr("Sessions"),
                                      QStringLiteral("$99,999.00")})
            width += metrics.horizontalAdvance(sample) + 20;
        summary_->setMinimumWidth(width);
    }
    summary_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    summary_->setVisible(false);
    connect(summary_, &QTableWidget::cellClicked, this, [this](int row, int) {
        if (list_ != List::OverdueNotes || row >= static_cast<int>(model_->clinicianCounts().size()))
            return;
        filterBar_->selectClinician(summary_->item(row, 0)->text());
    });

    // A splitter, so a long payer name or a wide table can take the room it needs.
    splitter_->setChildrenCollapsible(false);
    splitter_->setHandleWidth(12);
    splitter_->addWidget(table_);
    splitter_->addWidget(summary_);
    splitter_->setStretchFactor(0, 1);
    splitter_->setStretchFactor(1, 0);
    splitter_->setSizes({900, summary_->sizeHint().width()});
    stack_->addWidget(splitter_);
    stack_->addWidget(noData_);

    exportButton_->setToolTip(tr("Save the rows shown as a CSV file (client names as initials in privacy mode)"));
    auto* footer = new QHBoxLayout;
    footer->setSpacing(12);
    footer->addWidget(count_);
    footer->addWidget(totals_, 1);
    footer->addWidget(busy_);
    footer->addWidget(exportButton_);
    footer->addWidget(columnsButton_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 14);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addSpacing(16);
    layout->addLayout(listRow);
    layout->addSpacing(6);
    layout->addWidget(listNote_);
    layout->addSpacing(10);
    layout->addWidget(filterBar_);
    layout->addSpacing(12);
    layout->addWidget(stack_, 1);
    layout->addSpacing(10);
    layout->addLayout(footer);

    saveState_->setSingleShot(true);
    saveState_->setInterval(400);
    connect(saveState_, &QTimer::timeout, this, &AppointmentsView::saveHeaderState);
    restartOnLayoutChange(saveState_, columns, splitter_);

    connect(filterBar_, &AppointmentFilterBar::filterChanged, this, &AppointmentsView::applyFilter);
    connect(lists_, &QButtonGroup::idClicked, this, [this](int id) { showList(static_cast<List>(id)); });
    connect(period_, &QComboBox::currentIndexChanged, this, &AppointmentsView::applyFilter);
    connect(asOf_, &QDateEdit::dateChanged, this, [this] {
        updateListControls();
        applyFilter();
    });
    connect(columns, &QHeaderView::sortIndicatorChanged, this, [this] { busy_->setText(tr("Sorting…")); });
    connect(exportButton_, &QPushButton::clicked, this, &AppointmentsView::exportWithDialog);

    connect(model_, &AppointmentTableModel::loadingChanged, this, [this](bool loading) {
        busy_->setVisible(loading);
        if (!loading)
            busy_->setText(tr("Loading…"));
        updateBusy();
    });
    connect(model_, &AppointmentTableModel::countsChanged, this, [this] {
        table_->scrollToTop();
        updateCounts();
        updateSummary();
    });
    connect(model_, &AppointmentTableModel::queryFailed, this, [this](const QString& message) {
        count_->setText(tr("Could not read the appointments: %1").arg(message));
    });
    updateCounts();
}

QLineEdit* AppointmentsView::searchField() const { return filterBar_->searchField(); }

void AppointmentsView::setAppSettings(AppSettings* settings)
{
    settings_ = settings;
    if (!settings_)
        return;
    const QByteArray state = settings_->tableState(kSettingsKey);
    if (!state.isEmpty() && table_->horizontalHeader()->restoreState(state)) {
        // Date and client identify an appointment: a saved state never hides them.
        for (const AppointmentColumn column : {AppointmentColumn::Date, AppointmentColumn::Client})
            table_->horizontalHeader()->setSectionHidden(static_cast<int>(column), false);
        syncColumnMenu();
    }
    const QByteArray sizes = settings_->splitterState(kSettingsKey);
    if (!sizes.isEmpty())
        splitter_->restoreState(sizes);
}

void AppointmentsView::saveHeaderState()
{
    saveState_->stop();
    if (!settings_)
        return;
    settings_->setTableState(kSettingsKey, table_->horizontalHeader()->saveState());
    settings_->setSplitterState(kSettingsKey, splitter_->saveState());
}

void AppointmentsView::setDatabase(Store* store)
{
    store_ = store;
    metricSettings_ = {};
    if (store) {
        try {
            metricSettings_ = metrics::loadMetricSettings(*store);
        } catch (const std::exception& error) {
            spdlog::warn("appointments: metric settings unreadable, using defaults: {}", error.what());
        }
    }
    list_ = List::All;
    lists_->button(static_cast<int>(List::All))->setChecked(true);
    {
        const QSignalBlocker blocker(filterBar_);
        filterBar_->clear();
        filterBar_->setChoices({});
    }
    choicesLoaded_ = false;
    updateListControls();
    // Emptied first, so the new filter starts no query on the old database.
    model_->setStore(nullptr);
    model_->setFilter(currentFilter());
    model_->setStore(store);
    loadChoices();
    updateCounts();
    updateSummary();
}

void AppointmentsView::reload()
{
    if (!store_)
        return;
    try {
        metricSettings_ = metrics::loadMetricSettings(*store_);
    } catch (const std::exception& error) {
        spdlog::warn("appointments: metric settings unreadable, using defaults: {}", error.what());
    }
    updateListControls();
    const AppointmentFilter filter = currentFilter();
    if (filter == model_->filter())
        model_->refresh();
    else
        model_->setFilter(filter);
    loadChoices();
}

bool AppointmentsView::isBusy() const { return model_->isLoading() || choicesLoading_; }

void AppointmentsView::updateBusy()
{
    const bool busy = isBusy();
    if (busy == busyState_)
        return;
    busyState_ = busy;
    Q_EMIT busyChanged(busy);
}

void AppointmentsView::loadChoices()
{
    const std::uint64_t generation = ++choicesGeneration_;
    choicesLoading_ = false;
    if (!store_ || store_->inMemory()) {
        updateBusy();
        return;
    }
    choicesLoading_ = true;
    updateBusy();
    // The distinct values take a scan of the appointments: off the GUI thread, on a
    // connection of the worker's own.
    auto* watcher = new QFutureWatcher<AppointmentFilterChoices>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != choicesGeneration_)
            return; // another database since
        choicesLoading_ = false;
        const AppointmentFilterChoices choices = watcher->future().result();
        filterBar_->setChoices(choices);
        clinicianNames_.clear();
        for (const AppointmentFilterChoices::Clinician& clinician : choices.clinicians)
            clinicianNames_.emplace(clinician.id, toQString(clinician.name));
        choicesLoaded_ = true;
        updateSummary();
        if (!pendingClinician_.isEmpty()) {
            const QSignalBlocker blocker(filterBar_);
            filterBar_->selectClinician(std::exchange(pendingClinician_, {}));
        }
        applyFilter();
        updateBusy();
    });
    watcher->setFuture(QtConcurrent::run([path = store_->path()]() -> AppointmentFilterChoices {
        try {
            sql::Connection connection = openAppointmentQueryConnection(path);
            return loadAppointmentFilterChoices(connection);
        } catch (const std::exception& error) {
            spdlog::error("appointments: reading the filter choices failed: {}", error.what());
            return {};
        }
    }));
}

void AppointmentsView::showClinician(const QString& name)
{
    list_ = List::All;
    lists_->button(static_cast<int>(List::All))->setChecked(true);
    {
        const QSignalBlocker blocker(filterBar_);
        filterBar_->clear();
        if (!choicesLoaded_ || !filterBar_->selectClinician(name))
            pendingClinician_ = choicesLoaded_ ? QString() : name;
    }
    updateListControls();
    applyFilter();
}

void AppointmentsView::setAsOf(Day day) { asOf_->setDate(toQDate(day)); }

Day AppointmentsView::asOf() const { return fromQDate(asOf_->date()); }

void AppointmentsView::setPaymentPeriod(PaymentPeriod period)
{
    period_->setCurrentIndex(std::max(0, period_->findData(static_cast<int>(period))));
}

void AppointmentsView::showList(List list)
{
    list_ = list;
    lists_->button(static_cast<int>(list))->setChecked(true);
    updateListControls();
    // Each list in its own order: overdue notes grouped by clinician (oldest first within
    // each), the others oldest first; the plain table newest first.
    QHeaderView* columns = table_->horizontalHeader();
    switch (list) {
    case List::All: columns->setSortIndicator(static_cast<int>(AppointmentColumn::Date), Qt::DescendingOrder); break;
    case List::OverdueNotes:
        columns->setSortIndicator(static_cast<int>(AppointmentColumn::Clinician), Qt::AscendingOrder);
        break;
    case List::MissingPayments:
    case List::Unmarked: columns->setSortIndicator(static_cast<int>(AppointmentColumn::Date), Qt::AscendingOrder); break;
    }
    // A list is exactly its definition: the other filters start cleared (and can narrow it).
    filterBar_->clear();
}

AppointmentFilter AppointmentsView::currentFilter() const
{
    const Day t = asOf();
    AppointmentFilter filter = filterBar_->filter(t);
    switch (list_) {
    case List::All: break;
    case List::OverdueNotes:
        filter.list = WorkflowList::OverdueNotes;
        filter.listThrough = addDays(t, -metricSettings_.noteDueDays);
        break;
    case List::MissingPayments: {
        filter.list = WorkflowList::MissingPayments;
        filter.listThrough = addDays(t, -metricSettings_.paymentLagDays);
        const auto period = static_cast<PaymentPeriod>(period_->currentData().toInt());
        if (period != PaymentPeriod::AllOutstanding) {
            // The period narrows the list; a date filter narrows it further.
            const std::pair<Day, Day> range = AppointmentFilterBar::rangeFor(
                period == PaymentPeriod::LastMonth ? AppointmentFilterBar::DateRange::LastMonth
                                                   : AppointmentFilterBar::DateRange::PriorQuarter,
                t);
            filter.from = filter.from ? std::max(*filter.from, range.first) : range.first;
            filter.to = filter.to ? std::min(*filter.to, range.second) : range.second;
        }
        break;
    }
    case List::Unmarked:
        filter.list = WorkflowList::Unmarked;
        filter.listThrough = t;
        break;
    }
    return filter;
}

void AppointmentsView::applyFilter()
{
    busy_->setText(tr("Searching…"));
    model_->setFilter(currentFilter());
}

void AppointmentsView::updateListControls()
{
    period_->setVisible(list_ == List::MissingPayments);
    summary_->setVisible(list_ == List::MissingPayments || list_ == List::OverdueNotes);
    const Day t = asOf();
    const auto day = [](Day d) { return formatDayMedium(d); };
    switch (list_) {
    case List::All: listNote_->clear(); break;
    case List::OverdueNotes:
        listNote_->setText(tr("Qualifying sessions on or before %1 (T − %2 days) whose progress note is unsigned. "
                              "Grouped by clinician, oldest first.")
                               .arg(day(addDays(t, -metricSettings_.noteDueDays)))
                               .arg(metricSettings_.noteDueDays));
        break;
    case List::MissingPayments:
        listNote_->setText(tr("Qualifying sessions on or before %1 (T − %2 days of insurance lag) with a fee and "
                              "fee − client paid − insurance paid > 0. Sessions with no payment data at all are "
                              "left out. Oldest first.")
                               .arg(day(addDays(t, -metricSettings_.paymentLagDays)))
                               .arg(metricSettings_.paymentLagDays));
        break;
    case List::Unmarked:
        listNote_->setText(tr("Appointments on or before %1 (T) still marked scheduled: no rate counts them until "
                              "someone records what happened. Oldest first.")
                               .arg(day(t)));
        break;
    }
    listNote_->setVisible(list_ != List::All);
}

void AppointmentsView::updateCounts()
{
    const qint64 total = model_->totalCount();
    const qint64 shown = model_->rowCount();
    stack_->setCurrentIndex(total == 0 ? 1 : 0);
    filterBar_->setEnabled(total != 0);
    exportButton_->setEnabled(shown > 0);
    if (total < 0) {
        count_->clear();
        totals_->clear();
        return;
    }
    if (model_->filter() == AppointmentFilter{}) {
        count_->setText(total == 1 ? tr("1 appointment") : tr("%1 appointments").arg(formatCount(total)));
    } else if (shown == 0) {
        if (list_ != List::All && !filterBar_->isFiltering())
            count_->setText(tr("Nothing on this list for T = %1").arg(formatDayMedium(asOf())));
        else if (!model_->filterText().isEmpty())
            count_->setText(tr("No appointments match \u201c%1\u201d").arg(model_->filterText()));
        else
            count_->setText(tr("No appointments match these filters"));
    } else if (list_ != List::All && !filterBar_->isFiltering()) {
        count_->setText(shown == 1 ? tr("1 appointment on this list")
                                   : tr("%1 appointments on this list").arg(formatCount(shown)));
    } else {
        count_->setText(tr("%1 of %2 appointments").arg(formatCount(shown), formatCount(total)));
    }

    const AppointmentTotals& t = model_->totals();
    if (shown == 0) {
        totals_->clear();
        return;
    }
    // The split of what was paid, and the rows nobody knows about, on hover: the line
    // itself must fit beside the buttons at 1280 pixels.
    QString line = tr("Fees %1  ·  Paid %2  ·  Unpaid %3")
                       .arg(formatMoney(t.fees), formatMoney(t.paid()), formatMoney(t.unpaid));
    if (t.withoutPaymentData > 0)
        line += tr("  ·  %1 without payment data").arg(formatCount(t.withoutPaymentData));
    totals_->setText(line);
    QString tip = tr("Over the rows shown.\nPaid: client %1 + insurance %2.\nUnpaid: the sum of fee − paid over "
                     "appointments with a payment recorded.")
                      .arg(formatMoney(t.clientPaid), formatMoney(t.insurancePaid));
    if (t.withoutPaymentData > 0)
        tip += tr("\n%1 appointments with a fee have no payment data and are not in Unpaid.")
                   .arg(formatCount(t.withoutPaymentData));
    totals_->setToolTip(tip);
}

void AppointmentsView::updateSummary()
{
    summary_->clear();
    summary_->setRowCount(0);
    const auto put = [this](int row, int column, const QString& text, bool right = false, bool bold = false) {
        auto* item = new QTableWidgetItem(text);
        item->setTextAlignment(Qt::AlignVCenter | (right ? Qt::AlignRight : Qt::AlignLeft));
        if (bold) {
            QFont font = item->font();
            font.setWeight(QFont::DemiBold);
            item->setFont(font);
        }
        summary_->setItem(row, column, item);
    };
    const QFontMetrics metrics = summary_->fontMetrics();
    const auto fit = [&](int column, const QString& sample) {
        summary_->setColumnWidth(column, metrics.horizontalAdvance(sample) + 20);
    };
    QHeaderView* header = summary_->horizontalHeader();

    if (list_ == List::OverdueNotes) {
        const std::vector<ClinicianCount>& counts = model_->clinicianCounts();
        summary_->setColumnCount(2);
        summary_->setHorizontalHeaderLabels({tr("Clinician"), tr("Overdue notes")});
        summary_->setToolTip(tr("Overdue notes per clinician; click one to see only theirs"));
        header->setSectionResizeMode(0, QHeaderView::Stretch);
        header->setSectionResizeMode(1, QHeaderView::Fixed);
        fit(1, tr("Overdue notes"));
        std::vector<std::pair<QString, std::int64_t>> rows;
        std::int64_t total = 0;
        for (const ClinicianCount& count : counts) {
            const auto name = clinicianNames_.find(count.clinicianId);
            rows.emplace_back(name == clinicianNames_.end() ? tr("Clinician %1").arg(count.clinicianId) : name->second,
                              count.count);
            total += count.count;
        }
        // Most overdue first: whom to follow up with.
        std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        summary_->setRowCount(static_cast<int>(rows.size()) + 1);
        int row = 0;
        for (const auto& entry : rows) {
            put(row, 0, entry.first);
            put(row, 1, formatCount(entry.second), true);
            ++row;
        }
        put(row, 0, tr("Total"), false, true);
        put(row, 1, formatCount(total), true, true);
        return;
    }
    if (list_ != List::MissingPayments)
        return;
    const std::vector<BalanceByMonthAndPayer>& rows = model_->balances();
    summary_->setColumnCount(4);
    summary_->setHorizontalHeaderLabels({tr("Month"), tr("Payer"), tr("Sessions"), tr("Balance")});
    summary_->setToolTip(tr("Unpaid balance of the listed sessions by calendar month and payer"));
    header->setSectionResizeMode(1, QHeaderView::Stretch);
    for (const int column : {0, 2, 3})
        header->setSectionResizeMode(column, QHeaderView::Fixed);
    fit(0, QStringLiteral("2026-09"));
    fit(2, tr("Sessions"));
    fit(3, QStringLiteral("$99,999.00"));
    summary_->setRowCount(static_cast<int>(rows.size()) + 1);
    std::int64_t sessions = 0;
    Cents balance = 0;
    int row = 0;
    for (const BalanceByMonthAndPayer& entry : rows) {
        put(row, 0, monthName(entry.year, entry.month));
        put(row, 1, entry.payer.empty() ? tr("(no payer)") : toQString(entry.payer));
        summary_->item(row, 1)->setToolTip(summary_->item(row, 1)->text());
        put(row, 2, formatCount(entry.sessions), true);
        put(row, 3, formatMoney(entry.balance), true);
        sessions += entry.sessions;
        balance += entry.balance;
        ++row;
    }
    put(row, 0, tr("Total"), false, true);
    put(row, 1, {});
    put(row, 2, formatCount(sessions), true, true);
    put(row, 3, formatMoney(balance), true, true);
}

QString AppointmentsView::countText() const { return count_->text(); }

QString AppointmentsView::totalsText() const { return totals_->text(); }

namespace {

// Writes `ids` as CSV to `path`, reading rows through `read`. Returns an error message,
// empty on success. Runs on any thread: it touches no widget.
QString writeCsvFile(const QString& path, const std::vector<RowId>& ids, const AppointmentRowSource& read,
                     bool initials)
{
    std::ofstream out(std::filesystem::path(path.toStdU16String()), std::ios::binary | std::ios::trunc);
    if (!out)
        return AppointmentsView::tr("Could not create the file.");
    try {
        writeAppointmentRowsCsv(out, ids, read, initials);
    } catch (const std::exception& error) {
        return QString::fromUtf8(error.what());
    }
    out.flush();
    if (!out)
        return AppointmentsView::tr("Could not write the file (is the disk full?).");
    return {};
}

} // namespace

QString AppointmentsView::exportCsv(const QString& path)
{
    const QString error = writeCsvFile(
        path, model_->ids(), [this](std::span<const RowId> page) { return model_->readRows(page); },
        model_->clientInitials());
    if (error.isEmpty())
        spdlog::info("appointments: exported {} rows to CSV", model_->ids().size());
    return error;
}

void AppointmentsView::exportWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Appointments"),
                                                      QStringLiteral("appointments.csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        startExport(path);
}

void AppointmentsView::startExport(const QString& path)
{
    if (!store_ || store_->inMemory()) {
        const QString error = exportCsv(path);
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Export Appointments"), tr("The export failed: %1").arg(error));
        Q_EMIT exportFinished(error);
        return;
    }
    // A million rows take seconds to read: the worker reads them on a connection of its
    // own, from a copy of the ids, so the table stays usable meanwhile.
    exportButton_->setEnabled(false);
    exportButton_->setText(tr("Exporting…"));
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        exportButton_->setText(tr("Export CSV…"));
        exportButton_->setEnabled(model_->rowCount() > 0);
        const QString error = watcher->future().result();
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Export Appointments"), tr("The export failed: %1").arg(error));
        Q_EMIT exportFinished(error);
    });
    watcher->setFuture(QtConcurrent::run([database = store_->path(), ids = model_->ids(), path,
                                          initials = model_->clientInitials()]() -> QString {
        try {
            sql::Connection connection = openAppointmentQueryConnection(database);
            AppointmentRowReader reader(connection);
            const QString error = writeCsvFile(
                path, ids, [&reader](std::span<const RowId> page) { return reader.read(page); }, initials);
            if (error.isEmpty())
                spdlog::info("appointments: exported {} rows to CSV", ids.size());
            return error;
        } catch (const std::exception& error) {
            return QString::fromUtf8(error.what());
        }
    }));
}

QString AppointmentsView::copySelection()
{
    QModelIndexList selected = table_->selectionModel()->selectedRows();
    if (selected.isEmpty())
        return {};
    std::sort(selected.begin(), selected.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    const std::vector<int> sections = shownSections(table_->horizontalHeader());
    QStringList lines;
    QStringList cells;
    for (const int section : sections)
        cells << tabSafeCell(model_->headerData(section, Qt::Horizontal).toString());
    lines << cells.join(QLatin1Char('\t'));
    for (const QModelIndex& index : selected) {
        cells.clear();
        for (const int section : sections)
            cells << tabSafeCell(model_->index(index.row(), section).data().toString());
        lines << cells.join(QLatin1Char('\t'));
    }
    QString text = lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    QGuiApplication::clipboard()->setText(text);
    return text;
}

void AppointmentsView::buildColumnMenu()
{
    columnsButton_->setText(tr("Columns"));
    columnsButton_->setToolTip(tr("Choose the columns to show (also on the column headers' right-click menu)"));
    columnsButton_->setPopupMode(QToolButton::InstantPopup);
    columnsButton_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    columnsButton_->setMenu(columnMenu_);
    columnsButton_->setObjectName(QStringLiteral("ColumnsButton"));

    QHeaderView* columns = table_->horizontalHeader();
    for (int section = 0; section < kAppointmentColumnCount; ++section) {
        QAction* action = columnMenu_->addAction(model_->headerData(section, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!columns->isSectionHidden(section));
        action->setData(section);
        // Date and client identify an appointment: they always stay.
        const AppointmentColumn column = AppointmentTableModel::columnAt(section);
        action->setEnabled(column != AppointmentColumn::Date && column != AppointmentColumn::Client);
        connect(action, &QAction::toggled, this, [this, columns, section](bool shown) {
            columns->setSectionHidden(section, !shown);
            saveState_->start();
        });
    }
    columns->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(columns, &QWidget::customContextMenuRequested, this,
            [this, columns](const QPoint& position) { columnMenu_->popup(columns->mapToGlobal(position)); });
}

void AppointmentsView::syncColumnMenu()
{
    QHeaderView* columns = table_->horizontalHeader();
    for (QAction* action : columnMenu_->actions()) {
        const QSignalBlocker blocker(action);
        action->setChecked(!columns->isSectionHidden(action->data().toInt()));
    }
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
