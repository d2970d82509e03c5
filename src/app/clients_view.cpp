#include "clients_view.h"

#include "app_settings.h"
#include "app_style.h"
#include "client_detail_panel.h"
#include "clients_filter_proxy.h"
#include "clients_table_model.h"
#include "data_table.h"
#include "display_format.h"
#include "empty_state_widget.h"
#include "icons.h"
#include "page_header.h"
#include "signal_chip.h"
#include "signal_chip_delegate.h"
#include "view_catalog.h"

#include "caseboard/csv/csv_writer.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <fstream>
#include <set>

namespace caseboard::app {

namespace {

const QString kSettingsKey = QStringLiteral("clients");

struct ColumnWidth {
    ClientColumn column;
    const char* sample;
};

// Widths from the font, so they fit their content at any font size.
constexpr ColumnWidth kColumnWidths[] = {
    {ClientColumn::Client, "Malik Kowalczyk Jr"},
    {ClientColumn::Clinician, "Rafael Beaumont"},
    {ClientColumn::Intake, "Nov 23, 2026"},
    {ClientColumn::LastSeen, "Nov 23, 2026"},
    {ClientColumn::NextAppointment, "Nov 23, 2026"},
    {ClientColumn::Sessions, "Sessions"},
    {ClientColumn::BillableCancels, "Billable cancels"},
    {ClientColumn::ClientStatus, "Discharged"},
    {ClientColumn::Location, "Telehealth"},
    {ClientColumn::Supervisor, "Rafael Beaumont"},
};

constexpr ClientColumn kHiddenByDefault[] = {ClientColumn::Location, ClientColumn::Supervisor};

QString listTitle(SavedList list)
{
    switch (list) {
    case SavedList::AtRisk: return ClientsView::tr("At-risk clients");
    case SavedList::CloseOut: return ClientsView::tr("Close-out candidates");
    case SavedList::AttendancePolicy: return ClientsView::tr("Attendance policy");
    case SavedList::NewClientFollowUps: return ClientsView::tr("New client follow-ups");
    case SavedList::NotRebooked: return ClientsView::tr("Not re-booked after intake");
    }
    return {};
}

QString listDefinition(SavedList list, const metrics::MetricSettings& s)
{
    switch (list) {
    case SavedList::AtRisk:
        return ClientsView::tr("Intake in the calendar month before the as-of date's month, and nothing scheduled "
                               "after it.");
    case SavedList::CloseOut:
        return ClientsView::tr("Not discharged, last qualifying session %1 to %2 days before the as-of date, and "
                               "nothing scheduled after it.")
            .arg(s.closeOutUnseenDays + 1)
            .arg(s.closeOutClosedDays);
    case SavedList::AttendancePolicy:
        return ClientsView::tr("%1 or more late cancels and no-shows in the last 12 months.")
            .arg(s.attendancePolicyCount);
    case SavedList::NewClientFollowUps: return ClientsView::tr("Intake in the last 7 days.");
    case SavedList::NotRebooked:
        return ClientsView::tr("Intake in the last %1 days (as-of date included) and no appointment on a later day, "
                               "kept or scheduled. The Dashboard's new-clinicians list applies the same rule to "
                               "each new clinician since their start; this list applies it to every clinician.")
            .arg(kNotRebookedDays);
    }
    return {};
}

constexpr int kListRole = Qt::UserRole + 1; // int: -1 for every pair, else SavedList

Day dayOf(const QDate& date)
{
    return makeDay(date.year(), static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

} // namespace

ClientsView::ClientsView(AppSettings* settings, QWidget* parent)
    : PracticeView(parent),
      settings_(settings),
      data_(new ClientsData(this)),
      model_(new ClientsTableModel(this)),
      proxy_(new ClientsFilterProxy(model_, this)),
      stack_(new QStackedWidget(this)),
      noData_(new EmptyStateWidget(
          QStringLiteral("clients"), tr("No clients yet"),
          {tr("Clients appear here once appointments are imported: one row per client and clinician, with "
              "their intake, last and next session and retention."),
           tr("Saved lists then name the clients who need a call this week: at risk, close-out candidates, "
              "attendance policy, new client follow-ups.")},
          this)),
      date_(new QDateEdit(this)),
      asOfLabel_(new QLabel(tr("As of"), this)),
      status_(new QLabel(this)),
      search_(new QLineEdit(this)),
      clinician_(new QComboBox(this)),
      location_(new QComboBox(this)),
      supervisor_(new QComboBox(this)),
      retention_(new QComboBox(this)),
      intake_(new QComboBox(this)),
      intakeFrom_(new QDateEdit(this)),
      intakeTo_(new QDateEdit(this)),
      intakeDash_(new QLabel(QStringLiteral("\u2013"), this)),
      noNext_(new QCheckBox(tr("No next appointment"), this)),
      clear_(new QPushButton(tr("Clear filters"), this)),
      count_(new QLabel(this)),
      export_(new QToolButton(this)),
      columnsButton_(new QToolButton(this)),
      columnMenu_(new QMenu(this)),
      lists_(new QListWidget(this)),
      listRule_(new QLabel(this)),
      splitter_(new QSplitter(Qt::Vertical, this)),
      table_(new QTableView(this)),
      detail_(new ClientDetailPanel(this)),
      filterDelay_(new QTimer(this)),
      dateDelay_(new QTimer(this)),
      saveDelay_(new QTimer(this))
{
    setObjectName(QStringLiteral("clients-view"));
    auto* header = new PageHeader(viewInfo(ViewId::Clients).title,
                                  tr("One row per client and clinician. Select a row for the client’s history."),
                                  this);

    date_->setObjectName(QStringLiteral("AsOfDate"));
    date_->setCalendarPopup(true);
    date_->setDisplayFormat(QStringLiteral("ddd MMM d, yyyy"));
    date_->setToolTip(tr("The day the statuses and lists are computed for: \u201cnext appointment\u201d is after "
                         "it. Default: yesterday."));
    date_->setAccessibleName(tr("As of"));
    date_->setDate(toQDate(localToday() - std::chrono::days{1}));
    asOfLabel_->setObjectName(QStringLiteral("MutedLabel"));
    asOfLabel_->setBuddy(date_);
    status_->setObjectName(QStringLiteral("MutedLabel"));
    status_->setVisible(false);

    auto* top = new QHBoxLayout;
    top->setSpacing(8);
    top->addWidget(header, 1);
    top->addWidget(status_, 0, Qt::AlignBottom);
    top->addWidget(count_, 0, Qt::AlignBottom);
    top->addSpacing(16);
    top->addSpacing(8);
    top->addWidget(asOfLabel_, 0, Qt::AlignBottom);
    top->addWidget(date_, 0, Qt::AlignBottom);

    // The table.
    table_->setModel(proxy_);
    table_->setItemDelegateForColumn(static_cast<int>(ClientColumn::Status),
                                     new SignalChipDelegate(ClientsTableModel::SignalRole, table_));
    setUpDataTable(table_, fontMetrics().height() + 16);
    table_->installEventFilter(this);
    QHeaderView* columns = table_->horizontalHeader();
    columns->setSortIndicator(static_cast<int>(ClientColumn::Client), Qt::AscendingOrder);
    table_->setSortingEnabled(true);
    setDefaultColumnWidths();
    for (const ClientColumn column : kHiddenByDefault)
        columns->setSectionHidden(static_cast<int>(column), true);

    auto* copy = new QAction(tr("Copy Rows"), table_);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &ClientsView::copySelectedRows);
    table_->addAction(copy);
    table_->setContextMenuPolicy(Qt::ActionsContextMenu);

    splitter_->setObjectName(QStringLiteral("ClientsSplitter"));
    splitter_->setChildrenCollapsible(false);
    splitter_->addWidget(table_);
    splitter_->addWidget(detail_);
    splitter_->setStretchFactor(0, 3);
    splitter_->setStretchFactor(1, 2);
    // Room for a dozen appointments below the table on a 1280x800 window.
    splitter_->setSizes({320, 280});
    detail_->layout()->setContentsMargins(0, 12, 0, 0);

    auto* body = new QHBoxLayout;
    body->setSpacing(14);
    body->addWidget(buildListsPanel());
    body->addWidget(splitter_, 1);

    auto* page = new QWidget(this);
    auto* pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(0);
    pageLayout->addWidget(buildFilterBar());
    pageLayout->addSpacing(12);
    pageLayout->addLayout(body, 1);

    stack_->addWidget(page);
    stack_->addWidget(noData_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 18);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addSpacing(16);
    layout->addWidget(stack_, 1);

    buildColumnMenu();
    restoreLayout();

    filterDelay_->setSingleShot(true);
    filterDelay_->setInterval(kFilterDelayMs);
    connect(filterDelay_, &QTimer::timeout, this, &ClientsView::applyFilter);
    dateDelay_->setSingleShot(true);
    dateDelay_->setInterval(kDateDelayMs);
    connect(dateDelay_, &QTimer::timeout, this, &ClientsView::requestCompute);
    saveDelay_->setSingleShot(true);
    saveDelay_->setInterval(500);
    connect(saveDelay_, &QTimer::timeout, this, &ClientsView::saveLayout);

    connect(date_, &QDateEdit::dateChanged, dateDelay_, qOverload<>(&QTimer::start));
    restartOnLayoutChange(saveDelay_, columns, splitter_);
    // The sort order is part of the saved layout here.
    connect(columns, &QHeaderView::sortIndicatorChanged, saveDelay_, qOverload<>(&QTimer::start));
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ClientsView::showSelectedClient);
    connect(proxy_, &QAbstractItemModel::modelReset, this, &ClientsView::updateCounts);
    connect(proxy_, &QAbstractItemModel::rowsInserted, this, &ClientsView::updateCounts);
    connect(proxy_, &QAbstractItemModel::rowsRemoved, this, &ClientsView::updateCounts);
    connect(proxy_, &QAbstractItemModel::layoutChanged, this, &ClientsView::updateCounts);

    connect(data_, &ClientsData::resultReady, this, &ClientsView::showResult);
    connect(data_, &ClientsData::busyChanged, this, [this](bool busy) {
        setBusyText(busy);
        Q_EMIT busyChanged(busy);
    });
    connect(data_, &ClientsData::failed, this, [this](const QString& message) {
        status_->setText(tr("Could not read the practice: %1").arg(message));
        status_->setVisible(true);
    });
    updateCounts();
}

ClientsView::~ClientsView() { saveLayout(); }

QWidget* ClientsView::buildFilterBar()
{
    search_->setObjectName(QStringLiteral("SearchField"));
    search_->setPlaceholderText(tr("Search client or clinician"));
    search_->setToolTip(tr("Matches the client's or the clinician's name. Several words must all match."));
    search_->setClearButtonEnabled(true);
    search_->addAction(tintedIcon(QStringLiteral("search"), theme().mutedText), QLineEdit::LeadingPosition);
    search_->setMinimumWidth(220);
    connect(search_, &QLineEdit::textChanged, filterDelay_, qOverload<>(&QTimer::start));
    connect(search_, &QLineEdit::returnPressed, this, &ClientsView::applyFilter);
    auto* focusSearch = new QAction(this);
    focusSearch->setShortcut(QKeySequence::Find);
    connect(focusSearch, &QAction::triggered, this, [this] {
        search_->setFocus(Qt::ShortcutFocusReason);
        search_->selectAll();
    });
    addAction(focusSearch);

    clinician_->setObjectName(QStringLiteral("ClinicianFilter"));
    clinician_->setAccessibleName(tr("Clinician"));
    location_->setObjectName(QStringLiteral("LocationFilter"));
    location_->setAccessibleName(tr("Location"));
    supervisor_->setObjectName(QStringLiteral("SupervisorFilter"));
    supervisor_->setAccessibleName(tr("Supervisor"));
    for (QComboBox* box : {clinician_, location_, supervisor_}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        box->setMinimumContentsLength(12);
        connect(box, &QComboBox::currentIndexChanged, this, &ClientsView::applyFilter);
    }

    retention_->setObjectName(QStringLiteral("RetentionFilter"));
    retention_->setAccessibleName(tr("Retention"));
    retention_->addItem(tr("Any retention"), -1);
    for (const metrics::PairStatus s : {metrics::PairStatus::Retained, metrics::PairStatus::InProgress,
                                        metrics::PairStatus::AtRisk, metrics::PairStatus::Lost,
                                        metrics::PairStatus::NoIntake})
        retention_->addItem(ClientsTableModel::pairStatusLabel(s), static_cast<int>(s));
    connect(retention_, &QComboBox::currentIndexChanged, this, &ClientsView::applyFilter);

    intake_->setObjectName(QStringLiteral("IntakeFilter"));
    intake_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    intake_->setMinimumContentsLength(14);
    intake_->setAccessibleName(tr("Intake"));
    intake_->setToolTip(tr("The pair's intake: its first qualifying session. \u201cLast month\u201d is the calendar "
                           "month before the as-of date's month."));
    intake_->addItem(tr("Any intake date"), static_cast<int>(IntakeRange::Any));
    intake_->addItem(tr("Intake last 7 days"), static_cast<int>(IntakeRange::Last7Days));
    intake_->addItem(tr("Intake last month"), static_cast<int>(IntakeRange::LastMonth));
    intake_->addItem(tr("Intake between\u2026"), static_cast<int>(IntakeRange::Custom));
    for (QDateEdit* edit : {intakeFrom_, intakeTo_}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("MMM d, yyyy"));
        edit->setVisible(false);
        connect(edit, &QDateEdit::dateChanged, this, &ClientsView::applyFilter);
    }
    intakeFrom_->setAccessibleName(tr("Intake from"));
    intakeTo_->setAccessibleName(tr("Intake to"));
    intakeDash_->setVisible(false);
    connect(intake_, &QComboBox::currentIndexChanged, this, &ClientsView::applyIntakeRange);

    noNext_->setObjectName(QStringLiteral("NoNextFilter"));
    noNext_->setToolTip(tr("Only pairs with nothing scheduled after the as-of date"));
    connect(noNext_, &QCheckBox::toggled, this, &ClientsView::applyFilter);
    clear_->setObjectName(QStringLiteral("ClearFilters"));
    clear_->setEnabled(false);
    connect(clear_, &QPushButton::clicked, this, &ClientsView::clearFilters);

    count_->setObjectName(QStringLiteral("MutedLabel"));
    count_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    count_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // Wide enough for the longest count, so the row never re-lays out as it changes.
    const QString widest = tr("%1 client\u2013clinician pairs").arg(formatCount(999999));
    count_->setMinimumWidth(fontMetrics().horizontalAdvance(widest));
    export_->setObjectName(QStringLiteral("ExportButton"));
    export_->setText(tr("Export CSV\u2026"));
    export_->setToolTip(tr("Save the rows shown to a CSV file (names as initials in privacy mode)"));
    export_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(export_, &QToolButton::clicked, this, &ClientsView::chooseExportFile);

    auto* bar = new QWidget(this);
    auto* grid = new QVBoxLayout(bar);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(8);
    auto* first = new QHBoxLayout;
    first->setSpacing(8);
    first->addWidget(search_, 2);
    first->addWidget(clinician_, 1);
    first->addWidget(location_, 1);
    first->addWidget(supervisor_, 1);
    first->addWidget(retention_, 1);
    auto* second = new QHBoxLayout;
    second->setSpacing(8);
    second->addWidget(intake_);
    second->addWidget(intakeFrom_);
    second->addWidget(intakeDash_);
    second->addWidget(intakeTo_);
    second->addSpacing(6);
    second->addWidget(noNext_);
    second->addSpacing(6);
    second->addWidget(clear_);
    second->addStretch(1);
    second->addWidget(export_);
    second->addWidget(columnsButton_);
    grid->addLayout(first);
    grid->addLayout(second);
    return bar;
}

QWidget* ClientsView::buildListsPanel()
{
    lists_->setObjectName(QStringLiteral("SavedLists"));
    lists_->setFrameShape(QFrame::NoFrame);
    lists_->setSelectionMode(QAbstractItemView::SingleSelection);
    lists_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    lists_->setSpacing(1);
    auto* all = new QListWidgetItem(tr("All clients"), lists_);
    all->setData(kListRole, -1);
    for (const SavedList list : kAllSavedLists) {
        auto* item = new QListWidgetItem(listTitle(list), lists_);
        item->setData(kListRole, static_cast<int>(list));
        item->setToolTip(listDefinition(list, {}));
    }
    lists_->setCurrentRow(0);
    connect(lists_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (applying_ || row < 0)
            return;
        const int value = lists_->item(row)->data(kListRole).toInt();
        showSavedList(value < 0 ? std::nullopt : std::optional<SavedList>(static_cast<SavedList>(value)));
    });

    auto* heading = new QLabel(tr("Saved lists"), this);
    heading->setObjectName(QStringLiteral("SectionTitle"));
    listRule_->setObjectName(QStringLiteral("MutedLabel"));
    listRule_->setWordWrap(true);
    listRule_->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto* panel = new QWidget(this);
    panel->setObjectName(QStringLiteral("SavedListsPanel"));
    const int width = fontMetrics().horizontalAdvance(QStringLiteral("Not re-booked after intake · 999")) + 24;
    panel->setFixedWidth(width);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(heading);
    layout->addWidget(lists_);
    layout->addSpacing(8);
    layout->addWidget(listRule_);
    layout->addStretch(1);
    // Exactly the items' height: the rule of the chosen list reads right under them.
    lists_->setFixedHeight(lists_->sizeHintForRow(0) * lists_->count() + 2 * lists_->spacing() * lists_->count() + 4);
    updateListRule();
    return panel;
}

void ClientsView::buildColumnMenu()
{
    columnsButton_->setText(tr("Columns"));
    columnsButton_->setToolTip(tr("Choose the columns to show"));
    columnsButton_->setPopupMode(QToolButton::InstantPopup);
    columnsButton_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    columnsButton_->setMenu(columnMenu_);
    columnsButton_->setObjectName(QStringLiteral("ColumnsButton"));
    QHeaderView* columns = table_->horizontalHeader();
    connect(columnMenu_, &QMenu::aboutToShow, this, [this, columns] {
        for (QAction* action : columnMenu_->actions())
            action->setChecked(!columns->isSectionHidden(action->data().toInt()));
    });
    for (int section = 0; section < kClientColumnCount; ++section) {
        QAction* action = columnMenu_->addAction(model_->headerData(section, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setData(section);
        // The client names the row: it always stays.
        action->setEnabled(static_cast<ClientColumn>(section) != ClientColumn::Client);
        connect(action, &QAction::toggled, this, [this, columns, section](bool shown) {
            columns->setSectionHidden(section, !shown);
            saveDelay_->start();
        });
    }
    columns->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(columns, &QWidget::customContextMenuRequested, this,
            [this, columns](const QPoint& position) { columnMenu_->popup(columns->mapToGlobal(position)); });
}

void ClientsView::setDefaultColumnWidths()
{
    QHeaderView* columns = table_->horizontalHeader();
    const QFontMetrics metrics = table_->fontMetrics();
    QFont headerFont = columns->font();
    headerFont.setWeight(QFont::DemiBold);
    const QFontMetrics headerMetrics(headerFont);
    constexpr int kPadding = 26; // cell padding plus the sort arrow
    for (const ColumnWidth& width : kColumnWidths) {
        const int section = static_cast<int>(width.column);
        const QString title = model_->headerData(section, Qt::Horizontal).toString();
        const int pixels = std::max(metrics.horizontalAdvance(QString::fromUtf8(width.sample)),
                                    headerMetrics.horizontalAdvance(title));
        columns->resizeSection(section, pixels + kPadding);
    }
    // The chip's padding and dot on top of its widest word.
    const int status = static_cast<int>(ClientColumn::Status);
    columns->resizeSection(status, signalChipWidth(table_->font(), ClientsTableModel::pairStatusLabel(
                                                                        metrics::PairStatus::InProgress)) + 12);
}

void ClientsView::restoreLayout()
{
    if (!settings_)
        return;
    const QByteArray header = settings_->tableState(kSettingsKey);
    if (!header.isEmpty())
        table_->horizontalHeader()->restoreState(header);
    const QByteArray splitter = settings_->splitterState(kSettingsKey);
    if (!splitter.isEmpty())
        splitter_->restoreState(splitter);
}

void ClientsView::saveLayout() const
{
    if (!settings_)
        return;
    settings_->setTableState(kSettingsKey, table_->horizontalHeader()->saveState());
    settings_->setSplitterState(kSettingsKey, splitter_->saveState());
}

void ClientsView::setDatabase(Store* store)
{
    filterDelay_->stop();
    dateDelay_->stop();
    result_.reset();
    choicesFor_.reset();
    detail_->showClient(nullptr, std::nullopt);
    proxy_->clearPairs();
    model_->setResult(nullptr);
    stack_->setCurrentIndex(0);
    status_->setVisible(false);
    data_->setStore(store);
    if (store)
        requestCompute();
    updateCounts();
}

bool ClientsView::isBusy() const { return data_->isBusy(); }

void ClientsView::reload() { data_->reload(); }

void ClientsView::setAsOf(Day day) { date_->setDate(toQDate(day)); }

Day ClientsView::asOf() const { return dayOf(date_->date()); }

void ClientsView::setClientInitials(bool initials)
{
    initials_ = initials;
    model_->setClientInitials(initials);
    detail_->setClientInitials(initials);
}

void ClientsView::requestCompute()
{
    dateDelay_->stop();
    data_->request(asOf());
}

void ClientsView::setBusyText(bool busy)
{
    status_->setText(data_->snapshot() ? tr("Computing\u2026") : tr("Loading the practice\u2026"));
    status_->setVisible(busy);
}

void ClientsView::showResult(std::shared_ptr<const ClientsResult> result)
{
    // Keep the selected client across a change of date.
    std::optional<std::size_t> client = detail_->client();
    if (result_ && result->snapshot != result_->snapshot)
        client.reset();
    result_ = std::move(result);
    const bool empty = result_->snapshot->pairs.empty();
    stack_->setCurrentIndex(empty ? 1 : 0);
    // Nothing to compute for a date on an empty practice.
    date_->setVisible(!empty);
    asOfLabel_->setVisible(!empty);
    if (choicesFor_ != result_->snapshot)
        rebuildChoices();

    applying_ = true;
    model_->setResult(result_);
    if (savedList_)
        proxy_->setPairs(result_->lists[static_cast<std::size_t>(*savedList_)]);
    else
        proxy_->clearPairs();
    applying_ = false;
    applyIntakeRange(); // "last month" moves with T
    proxy_->sort(table_->horizontalHeader()->sortIndicatorSection(), table_->horizontalHeader()->sortIndicatorOrder());
    updateListCounts();
    updateListRule();
    updateCounts();
    detail_->showClient(result_, client);
    Q_EMIT resultShown();
}

void ClientsView::rebuildChoices()
{
    choicesFor_ = result_->snapshot;
    const metrics::Snapshot& s = *result_->snapshot;
    const ClientsFilter before = currentFilter();
    std::set<std::string> locations, supervisors;
    std::vector<std::pair<QString, int>> clinicians;
    for (std::size_t c = 0; c < s.clinicians.size(); ++c) {
        const metrics::SnapshotClinician& clinician = s.clinicians[c];
        clinicians.emplace_back(toQString(clinician.name), static_cast<int>(c));
        if (!clinician.location.empty())
            locations.insert(clinician.location);
        if (!clinician.supervisor.empty())
            supervisors.insert(clinician.supervisor);
    }
    std::sort(clinicians.begin(), clinicians.end(),
              [](const auto& x, const auto& y) { return QString::localeAwareCompare(x.first, y.first) < 0; });

    applying_ = true;
    clinician_->clear();
    clinician_->addItem(tr("All clinicians"), -1);
    for (const auto& [name, index] : clinicians)
        clinician_->addItem(name, index);
    location_->clear();
    location_->addItem(tr("All locations"));
    for (const std::string& l : locations)
        location_->addItem(toQString(l), toQString(l));
    supervisor_->clear();
    supervisor_->addItem(tr("All supervisors"));
    for (const std::string& v : supervisors)
        supervisor_->addItem(toQString(v), toQString(v));
    location_->setEnabled(!locations.empty());
    supervisor_->setEnabled(!supervisors.empty());
    applying_ = false;
    // A new database: the old clinician index means nothing here.
    ClientsFilter kept = before;
    kept.clinician.reset();
    setFilter(kept);

    for (int row = 0; row < lists_->count(); ++row) {
        const int value = lists_->item(row)->data(kListRole).toInt();
        if (value >= 0)
            lists_->item(row)->setToolTip(listDefinition(static_cast<SavedList>(value), result_->settings));
    }
}

ClientsFilter ClientsView::currentFilter() const
{
    ClientsFilter filter;
    const int clinician = clinician_->currentData().isValid() ? clinician_->currentData().toInt() : -1;
    if (clinician >= 0)
        filter.clinician = static_cast<std::size_t>(clinician);
    if (location_->currentIndex() > 0)
        filter.location = location_->currentData().toString().toStdString();
    if (supervisor_->currentIndex() > 0)
        filter.supervisor = supervisor_->currentData().toString().toStdString();
    const int status = retention_->currentData().toInt();
    if (status >= 0)
        filter.status = static_cast<metrics::PairStatus>(status);
    if (intake_->currentData().toInt() != static_cast<int>(IntakeRange::Any)) {
        filter.intakeFrom = toSerial(dayOf(intakeFrom_->date()));
        filter.intakeTo = toSerial(dayOf(intakeTo_->date()));
    }
    filter.noNextAppointment = noNext_->isChecked();
    filter.text = search_->text().trimmed();
    return filter;
}

void ClientsView::setFilter(const ClientsFilter& filter)
{
    applying_ = true;
    const int clinician = filter.clinician ? clinician_->findData(static_cast<int>(*filter.clinician)) : 0;
    clinician_->setCurrentIndex(std::max(0, clinician));
    const int location = filter.location ? location_->findData(toQString(*filter.location)) : 0;
    location_->setCurrentIndex(std::max(0, location));
    const int supervisor = filter.supervisor ? supervisor_->findData(toQString(*filter.supervisor)) : 0;
    supervisor_->setCurrentIndex(std::max(0, supervisor));
    retention_->setCurrentIndex(filter.status ? retention_->findData(static_cast<int>(*filter.status)) : 0);
    if (filter.hasIntakeRange()) {
        intakeRange_ = IntakeRange::Custom; // the dates below are the range, not a default
        intake_->setCurrentIndex(intake_->findData(static_cast<int>(IntakeRange::Custom)));
        const Day t = asOf();
        intakeFrom_->setDate(toQDate(filter.intakeFrom != metrics::kNoDay ? fromSerial(filter.intakeFrom)
                                                                           : addDays(t, -3650)));
        intakeTo_->setDate(toQDate(filter.intakeTo != metrics::kNoDay ? fromSerial(filter.intakeTo) : t));
    } else {
        intake_->setCurrentIndex(0);
    }
    noNext_->setChecked(filter.noNextAppointment);
    search_->setText(filter.text);
    applying_ = false;
    applyIntakeRange();
}

void ClientsView::setIntakeRange(IntakeRange range)
{
    intake_->setCurrentIndex(intake_->findData(static_cast<int>(range)));
}

void ClientsView::clearFilters() { setFilter({}); }

void ClientsView::applyIntakeRange()
{
    if (applying_)
        return;
    const auto range = static_cast<IntakeRange>(intake_->currentData().toInt());
    const bool custom = range == IntakeRange::Custom;
    intakeFrom_->setVisible(custom);
    intakeTo_->setVisible(custom);
    intakeDash_->setVisible(custom);
    const Day t = asOf();
    applying_ = true;
    if (range == IntakeRange::Last7Days) {
        intakeFrom_->setDate(toQDate(addDays(t, -6)));
        intakeTo_->setDate(toQDate(t));
    } else if (range == IntakeRange::LastMonth) {
        // The calendar month before T's month, as the at-risk list counts it.
        const std::chrono::year_month_day ymd(t);
        const std::chrono::year_month previous = ymd.year() / ymd.month() - std::chrono::months{1};
        intakeFrom_->setDate(toQDate(Day(previous / std::chrono::day{1})));
        intakeTo_->setDate(toQDate(Day(previous / std::chrono::last)));
    } else if (custom && intakeRange_ == IntakeRange::Any) {
        // A range to start from; after a shortcut, its dates are kept to edit.
        intakeFrom_->setDate(toQDate(addDays(t, -29)));
        intakeTo_->setDate(toQDate(t));
    }
    intakeRange_ = range;
    applying_ = false;
    applyFilter();
}

void ClientsView::applyFilter()
{
    if (applying_)
        return;
    filterDelay_->stop();
    proxy_->setFilter(currentFilter());
    table_->scrollToTop();
    clear_->setEnabled(currentFilter() != ClientsFilter{});
    updateCounts();
}

void ClientsView::showSavedList(std::optional<SavedList> list)
{
    savedList_ = list;
    applying_ = true;
    lists_->setCurrentRow(list ? static_cast<int>(*list) + 1 : 0);
    applying_ = false;
    if (list)
        setFilter({}); // exactly the engine's list
    if (result_ && list)
        proxy_->setPairs(result_->lists[static_cast<std::size_t>(*list)]);
    else
        proxy_->clearPairs();
    table_->scrollToTop();
    updateListRule();
    updateCounts();
}

void ClientsView::updateListRule()
{
    const metrics::MetricSettings settings = result_ ? result_->settings : metrics::MetricSettings{};
    listRule_->setText(savedList_ ? listDefinition(*savedList_, settings)
                                  : tr("Every client with each of their clinicians, on the as-of date."));
}

void ClientsView::updateListCounts()
{
    for (int row = 0; row < lists_->count(); ++row) {
        QListWidgetItem* item = lists_->item(row);
        const int value = item->data(kListRole).toInt();
        const QString title = value < 0 ? tr("All clients") : listTitle(static_cast<SavedList>(value));
        qint64 count = 0;
        if (result_)
            count = value < 0 ? static_cast<qint64>(result_->snapshot->pairs.size())
                              : static_cast<qint64>(result_->lists[static_cast<std::size_t>(value)].size());
        item->setText(result_ ? QStringLiteral("%1  \u00b7  %2").arg(title, formatCount(count)) : title);
    }
}

void ClientsView::updateCounts()
{
    if (!result_) {
        count_->clear();
        return;
    }
    const qint64 total = model_->rowCount();
    const qint64 shown = proxy_->rowCount();
    const QString noun = total == 1 ? tr("pair") : tr("pairs");
    if (shown == total && !savedList_)
        count_->setText(tr("%1 client\u2013clinician %2").arg(formatCount(total), noun));
    else
        count_->setText(tr("%1 of %2").arg(formatCount(shown), formatCount(total)));
    export_->setEnabled(shown > 0);
}

QString ClientsView::countText() const { return count_->text(); }

void ClientsView::showSelectedClient()
{
    const QModelIndex current = table_->currentIndex();
    if (!result_ || !current.isValid()) {
        detail_->showClient(result_, std::nullopt);
        return;
    }
    const auto pair = current.data(ClientsTableModel::PairRole).toULongLong();
    detail_->showClient(result_, static_cast<std::size_t>(result_->snapshot->pairs[pair].client));
}

bool ClientsView::exportCsv(const QString& path, QString* error) const
{
    std::ofstream file(QFile::encodeName(path).toStdString(), std::ios::binary | std::ios::trunc);
    if (!file) {
        if (error)
            *error = tr("The file could not be created.");
        return false;
    }
    const std::vector<int> sections = shownSections(table_->horizontalHeader());
    {
        csv::CsvWriter out(file, csv::WriterOptions{',', csv::LineEnding::CrLf, true, true});
        for (const int section : sections)
            out.writeText(model_->headerData(section, Qt::Horizontal).toString().toStdString());
        out.endRow();
        for (int row = 0; row < proxy_->rowCount(); ++row) {
            const int source = proxy_->mapToSource(proxy_->index(row, 0)).row();
            for (const int section : sections) {
                const auto column = static_cast<ClientColumn>(section);
                const std::string text = model_->exportText(source, column).toStdString();
                if (column == ClientColumn::Sessions || column == ClientColumn::BillableCancels)
                    out.writeNumber(text);
                else
                    out.writeText(text);
            }
            out.endRow();
        }
        if (!out.flush()) {
            if (error)
                *error = tr("Writing the file failed.");
            return false;
        }
    }
    return true;
}

QString ClientsView::selectedRowsText() const
{
    QModelIndexList rows = table_->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& x, const QModelIndex& y) { return x.row() < y.row(); });
    if (rows.isEmpty())
        return {};
    const std::vector<int> sections = shownSections(table_->horizontalHeader());
    QStringList lines;
    QStringList titles;
    for (const int section : sections)
        titles << model_->headerData(section, Qt::Horizontal).toString();
    lines << titles.join(QLatin1Char('\t'));
    for (const QModelIndex& row : rows) {
        QStringList cells;
        for (const int section : sections)
            cells << tabSafeCell(proxy_->index(row.row(), section).data().toString());
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void ClientsView::copySelectedRows() const
{
    const QString text = selectedRowsText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void ClientsView::chooseExportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Clients"), tr("clients.csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export Failed"), tr("Caseboard could not write the CSV file. %1").arg(error));
}

bool ClientsView::eventFilter(QObject* watched, QEvent* event)
{
    // The table's own Ctrl+C copies one cell; the whole selected rows are what people paste.
    if (watched == table_ && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent*>(event)->matches(QKeySequence::Copy)) {
        copySelectedRows();
        return true;
    }
    return PracticeView::eventFilter(watched, event);
}

} // namespace caseboard::app
