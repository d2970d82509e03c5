#include "dashboard_view.h"

#include "action_lists_panel.h"
#include "app_style.h"
#include "clinician_table_model.h"
#include "dashboard_format.h"
#include "display_format.h"
#include "empty_state_widget.h"
#include "kpi_card.h"
#include "page_header.h"
#include "retention_chip_delegate.h"
#include "signal_colors.h"
#include "view_catalog.h"
#include "weekly_charts.h"

#include "caseboard/store/import_batch.h"
#include "caseboard/store/store.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <set>

namespace caseboard::app {

namespace {

using metrics::Scope;

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

// The weeks a sparkline shows: the last kTrendWeeks full weeks (a current week cut off
// at T would always look like a drop).
std::vector<metrics::WeekPoint> fullWeeks(const std::vector<metrics::WeekPoint>& series, int weeks)
{
    std::vector<metrics::WeekPoint> out = series;
    if (!out.empty() && out.back().weekEnd - out.back().weekStart < std::chrono::days{6})
        out.pop_back();
    if (out.size() > static_cast<std::size_t>(weeks))
        out.erase(out.begin(), out.end() - weeks);
    return out;
}

QString changeCount(std::int64_t delta, const QString& period)
{
    if (delta == 0)
        return DashboardView::tr("no change vs. %1").arg(period);
    return DashboardView::tr("%1 vs. %2").arg(formatCount(delta < 0 ? -delta : delta), period);
}

QString styleSheetFor(const Theme& t)
{
    const auto c = [](const QColor& color) { return color.name(QColor::HexRgb); };
    const StatusColors warning = signalColors(Signal::Watch);
    return QStringLiteral(R"css(
#DashboardPage { background: %1; }
#KpiCard, #ActionList, #ChartsFrame { background: %2; border: 1px solid %3; border-radius: 10px; }
#KpiCard QLabel, #ActionList QLabel { background: transparent; }
QLabel#KpiTitle { color: %4; }
QLabel#KpiHelp { color: %5; border: 1px solid %3; border-radius: 7px; font-size: 9pt; }
QLabel#KpiSuffix, QLabel#KpiDetail { color: %5; }
QLabel#SectionTitle { color: %4; font-weight: 600; }
QLabel#SectionHint { color: %5; }
QLabel#WarningBanner { background: %6; color: %7; border-radius: 8px; padding: 5px 12px; }
#ActionList QTreeWidget::item { padding: 3px 0px; }
#ActionList QTreeWidget { background: %2; }
#ActionList QHeaderView::section { background: %2; color: %5; border: none; border-bottom: 1px solid %3; padding: 4px 6px; font-weight: 600; }
QToolButton#PrivacyButton { border: 1px solid %3; border-radius: 7px; padding: 5px 10px; background: %2; color: %4; }
QToolButton#PrivacyButton:checked { background: %8; color: %9; border-color: %10; }
)css")
        .arg(c(t.window), c(t.surface), c(t.border), c(t.text), c(t.mutedText), c(warning.background),
             c(warning.text), c(t.accentSoft), c(t.accentText))
        .arg(c(t.accent));
}

} // namespace

DashboardView::DashboardView(QWidget* parent)
    : PracticeView(parent),
      data_(new DashboardData(this)),
      stack_(new QStackedWidget(this)),
      scroll_(new QScrollArea(this)),
      noData_(new EmptyStateWidget(
          QStringLiteral("dashboard"), tr("Nothing to review yet"),
          {tr("The dashboard fills in once your EHR's appointment exports are imported into this database."),
           tr("It then shows sessions against goal, cancellations, next week's bookings, caseloads, retention "
              "and the week's follow-ups, for the practice and for each clinician.")},
          this)),
      header_(nullptr),
      importNote_(new QLabel(this)),
      busy_(new QLabel(this)),
      date_(new QDateEdit(this)),
      scope_(new QComboBox(this)),
      privacyButton_(new QToolButton(this)),
      privacyAction_(new QAction(tr("Hide Client Names"), this)),
      unmarked_(new QLabel(this)),
      charts_(nullptr),
      tableTitle_(new QLabel(this)),
      model_(new ClinicianTableModel(this)),
      proxy_(new QSortFilterProxyModel(this)),
      table_(new QTableView(this)),
      listsTitle_(new QLabel(tr("This week's follow-ups"), this)),
      lists_(new ActionListsPanel(this)),
      dateDelay_(new QTimer(this)),
      cardGrid_(new QGridLayout),
      lowerGrid_(new QGridLayout)
{
    setObjectName(QStringLiteral("dashboard-view"));
    setStyleSheet(styleSheetFor(theme()));

    auto* page = new QWidget;
    page->setObjectName(QStringLiteral("DashboardPage"));
    buildHeader(page);

    unmarked_->setObjectName(QStringLiteral("WarningBanner"));
    unmarked_->setWordWrap(true);
    unmarked_->setVisible(false);

    cardGrid_->setHorizontalSpacing(12);
    cardGrid_->setVerticalSpacing(12);
    const struct {
        const char* title;
        KpiCard::Better better;
        const char* explanation;
    } cardSpecs[kCardCount] = {
        {QT_TR_NOOP("Sessions, last 7 days"), KpiCard::Better::Higher,
         QT_TR_NOOP("How many sessions the clinicians delivered in the last 7 days (completed; a group session "
                    "counts once), against the goal for those days. Utilization is that share of the goal; "
                    "below 80% is under-performing. The change compares with the 7 days before.")},
        {QT_TR_NOOP("Cancellation rate, 12 weeks"), KpiCard::Better::Lower,
         QT_TR_NOOP("The share of booked client visits in the last 12 weeks that did not happen because the client "
                    "cancelled or did not come: (cancelled + late cancels + no-shows) / (those + completed). "
                    "Clinician cancellations and unmarked appointments are left out.")},
        {QT_TR_NOOP("Bookings, next 7 days"), KpiCard::Better::Higher,
         QT_TR_NOOP("How many sessions are already booked for the next 7 days, against the weekly bookings target: "
                    "how many to book so that, after the usual share of cancellations, the weekly goal is still "
                    "met (goal / (1 \u2212 cancellation rate), rounded up).")},
        {QT_TR_NOOP("Active clients"), KpiCard::Better::Higher,
         QT_TR_NOOP("How many clients are currently in care: seen in the last 30 days or booked ahead. The caseload "
                    "baseline is 2 \u00d7 the weekly goal: the caseload needed to sustain it.")},
        {QT_TR_NOOP("Retention, 12 months"), KpiCard::Better::Higher,
         QT_TR_NOOP("The share of new clients (intake in the last 12 months, at least 8 weeks ago) who stayed for at "
                    "least 8 sessions with their clinician. Churn is the share who came to fewer than 4.")},
        {QT_TR_NOOP("Client lifetime value"), KpiCard::Better::Higher,
         QT_TR_NOOP("What a new client is worth to the practice over their whole course of care: average sessions "
                    "per client \u00d7 average revenue per session, over the last 12 months.")},
    };
    for (int i = 0; i < kCardCount; ++i) {
        auto* card = new KpiCard(tr(cardSpecs[i].title), cardSpecs[i].better, page);
        QString explanation = tr(cardSpecs[i].explanation);
        const auto kind = static_cast<Card>(i);
        if (kind == Card::Sessions || kind == Card::Cancellations || kind == Card::ActiveClients)
            explanation += tr(" The small line shows the last %1 full weeks%2.")
                               .arg(kTrendWeeks)
                               .arg(kind == Card::Sessions ? tr(" (dashed: the goal)") : QString());
        card->setExplanation(explanation);
        cards_[static_cast<std::size_t>(i)] = card;
    }
    layoutCards(3);

    charts_ = new WeeklyChartsWidget(page);
    charts_->setObjectName(QStringLiteral("DashboardCharts"));

    tableTitle_->setObjectName(QStringLiteral("SectionTitle"));
    auto* tableHint = new QLabel(tr("\u26A0 under 80% of goal \u00b7 double-click for appointments"),
                                 page);
    tableHint->setObjectName(QStringLiteral("SectionHint"));
    tableHint->setToolTip(tr("Click a column title to sort by it. Double-click a clinician to see their "
                             "appointments."));
    auto* tableHeading = new QHBoxLayout;
    tableHeading->addWidget(tableTitle_);
    tableHeading->addStretch(1);
    tableHeading->addWidget(tableHint);

    proxy_->setSourceModel(model_);
    proxy_->setSortRole(ClinicianTableModel::SortRole);
    proxy_->setSortCaseSensitivity(Qt::CaseInsensitive);
    table_->setObjectName(QStringLiteral("DataTable"));
    table_->setModel(proxy_);
    table_->setItemDelegateForColumn(static_cast<int>(ClinicianColumn::Retention),
                                     new RetentionChipDelegate(ClinicianTableModel::RetentionStatusRole, table_));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setShowGrid(false);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table_->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    table_->setCornerButtonEnabled(false);
    table_->setIconSize(QSize(12, 12));
    table_->verticalHeader()->setVisible(false);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 14);
    QHeaderView* columns = table_->horizontalHeader();
    columns->setHighlightSections(false);
    columns->setMinimumSectionSize(40);
    columns->setStretchLastSection(false);
    columns->setSectionResizeMode(static_cast<int>(ClinicianColumn::Name), QHeaderView::Stretch);
    {
        QFont headerFont = columns->font();
        headerFont.setWeight(QFont::DemiBold);
        const QFontMetrics headerMetrics(headerFont);
        const QFontMetrics metrics = table_->fontMetrics();
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
    table_->setSortingEnabled(true);
    table_->sortByColumn(static_cast<int>(ClinicianColumn::Name), Qt::AscendingOrder);
    // Activated: a double-click, or Enter on the selected row.
    connect(table_, &QTableView::activated, this, [this](const QModelIndex& index) {
        const QString name = index.data(ClinicianTableModel::ClinicianNameRole).toString();
        if (!name.isEmpty())
            Q_EMIT clinicianActivated(name);
    });

    listsTitle_->setObjectName(QStringLiteral("SectionTitle"));
    connect(lists_, &ActionListsPanel::clinicianActivated, this, &DashboardView::clinicianActivated);

    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(22, 18, 22, 24);
    layout->setSpacing(0);
    layout->addWidget(header_->parentWidget());
    layout->addSpacing(10);
    layout->addWidget(unmarked_);
    layout->addSpacing(10);
    layout->addLayout(cardGrid_);
    layout->addSpacing(14);
    layout->addWidget(charts_);
    layout->addSpacing(16);
    tableColumn_ = new QWidget(page);
    auto* tableLayout = new QVBoxLayout(tableColumn_);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(8);
    tableLayout->addLayout(tableHeading);
    tableLayout->addWidget(table_);
    tableLayout->addStretch(1);
    listsColumn_ = new QWidget(page);
    auto* listsLayout = new QVBoxLayout(listsColumn_);
    listsLayout->setContentsMargins(0, 0, 0, 0);
    listsLayout->setSpacing(8);
    listsLayout->addWidget(listsTitle_);
    listsLayout->addWidget(lists_);
    listsLayout->addStretch(1);
    lowerGrid_->setHorizontalSpacing(20);
    lowerGrid_->setVerticalSpacing(20);
    layout->addLayout(lowerGrid_);
    layout->addStretch(1);
    layoutLower(false);

    scroll_->setObjectName(QStringLiteral("DashboardScroll"));
    scroll_->setWidget(page);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    stack_->addWidget(scroll_);
    stack_->addWidget(noData_);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(stack_);

    dateDelay_->setSingleShot(true);
    dateDelay_->setInterval(kDateDelayMs);
    connect(dateDelay_, &QTimer::timeout, this, &DashboardView::requestCompute);
    connect(date_, &QDateEdit::dateChanged, dateDelay_, qOverload<>(&QTimer::start));
    connect(scope_, &QComboBox::currentIndexChanged, this, &DashboardView::requestCompute);
    connect(privacyAction_, &QAction::toggled, this, [this](bool hidden) {
        lists_->setClientInitials(hidden);
    });

    connect(data_, &DashboardData::snapshotLoaded, this, &DashboardView::rebuildScopes);
    connect(data_, &DashboardData::resultReady, this, &DashboardView::showResult);
    connect(data_, &DashboardData::busyChanged, this, [this](bool busy) {
        setBusyText(busy);
        Q_EMIT busyChanged(busy);
    });
    connect(data_, &DashboardData::failed, this, [this](const QString& message) {
        busy_->setText(tr("Could not compute the dashboard: %1").arg(message));
        busy_->setVisible(true);
    });
    setAsOf(localToday() - std::chrono::days{1});
    showCards(DashboardResult{});
    lists_->setResult(nullptr);
}

DashboardView::~DashboardView() = default;

void DashboardView::buildHeader(QWidget* page)
{
    auto* bar = new QWidget(page);
    header_ = new PageHeader(viewInfo(ViewId::Dashboard).title, {}, bar);
    importNote_->setParent(bar);
    importNote_->setObjectName(QStringLiteral("PageSubtitle"));
    importNote_->setText(tr("No database open"));
    // The header's own subtitle line carries the import note.
    header_->setSubtitle({});

    busy_->setParent(bar);
    busy_->setObjectName(QStringLiteral("MutedLabel"));
    busy_->setVisible(false);

    date_->setParent(bar);
    date_->setObjectName(QStringLiteral("AsOfDate"));
    date_->setCalendarPopup(true);
    date_->setDisplayFormat(QStringLiteral("ddd MMM d, yyyy"));
    date_->setToolTip(tr("The last day the review covers: \u201clast 7 days\u201d ends here and \u201cnext 7 "
                         "days\u201d starts the day after. Default: yesterday."));
    date_->setAccessibleName(tr("As of"));

    scope_->setParent(bar);
    scope_->setObjectName(QStringLiteral("ScopeSelector"));
    scope_->setToolTip(tr("Show the whole practice, or only the clinicians of one location, supervisor or type"));
    scope_->setAccessibleName(tr("Scope"));
    scope_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    scope_->setMinimumContentsLength(18);

    privacyAction_->setObjectName(QStringLiteral("HideClientNames"));
    privacyAction_->setCheckable(true);
    privacyAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    privacyAction_->setToolTip(tr("Show client names as initials, for reviewing with a shared screen (Ctrl+Shift+P)"));
    privacyButton_->setParent(bar);
    privacyButton_->setObjectName(QStringLiteral("PrivacyButton"));
    privacyButton_->setDefaultAction(privacyAction_);
    privacyButton_->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto* asOfLabel = new QLabel(tr("As of"), bar);
    asOfLabel->setObjectName(QStringLiteral("MutedLabel"));
    asOfLabel->setBuddy(date_);
    auto* scopeLabel = new QLabel(tr("Scope"), bar);
    scopeLabel->setObjectName(QStringLiteral("MutedLabel"));
    scopeLabel->setBuddy(scope_);

    auto* titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(header_);
    titles->addWidget(importNote_);

    auto* controls = new QHBoxLayout;
    controls->setSpacing(8);
    controls->addWidget(busy_);
    controls->addSpacing(8);
    controls->addWidget(asOfLabel);
    controls->addWidget(date_);
    controls->addSpacing(8);
    controls->addWidget(scopeLabel);
    controls->addWidget(scope_);
    controls->addSpacing(8);
    controls->addWidget(privacyButton_);

    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addLayout(titles);
    row->addStretch(1);
    row->addLayout(controls);
    row->setAlignment(controls, Qt::AlignBottom);
}

void DashboardView::setDatabase(Store* store)
{
    store_ = store;
    result_.reset();
    model_->setResult(nullptr);
    lists_->setResult(nullptr);
    charts_->setSeries({});
    showCards(DashboardResult{});
    unmarked_->setVisible(false);
    scopes_.clear();
    {
        const QSignalBlocker blocker(scope_);
        scope_->clear();
    }
    updateImportNote(store);
    stack_->setCurrentWidget(scroll_);
    data_->setStore(store);
    if (store)
        requestCompute();
}

bool DashboardView::isBusy() const { return data_->isBusy(); }

void DashboardView::reload()
{
    updateImportNote(store_);
    data_->reload();
}

void DashboardView::setAsOf(Day day)
{
    date_->setDate(toQDate(day));
}

Day DashboardView::asOf() const
{
    const QDate date = date_->date();
    return makeDay(date.year(), static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

void DashboardView::setScopeIndex(int index) { scope_->setCurrentIndex(index); }

int DashboardView::scopeIndex() const { return std::max(0, scope_->currentIndex()); }

bool DashboardView::hidesClientNames() const { return privacyAction_->isChecked(); }

QString DashboardView::scopeTitle(const Scope& scope) const
{
    const QString value = toQString(scope.value);
    switch (scope.kind) {
    case Scope::Kind::Practice: return tr("Whole practice");
    case Scope::Kind::Location: return tr("Location: %1").arg(value);
    case Scope::Kind::Supervisor: return tr("Supervisor: %1").arg(value);
    case Scope::Kind::ClinicianType: return tr("Type: %1").arg(value);
    case Scope::Kind::Clinician: break;
    }
    return {};
}

void DashboardView::rebuildScopes()
{
    const auto snapshot = data_->snapshot();
    // Keep the scope the user chose when the data is reloaded, if it still exists.
    const QVariant chosen = scope_->currentData();
    const Scope previous = chosen.isValid() && chosen.toInt() < static_cast<int>(scopes_.size())
        ? scopes_[static_cast<std::size_t>(chosen.toInt())]
        : Scope::practice();
    scopes_.assign(1, Scope::practice());
    std::set<std::string> locations, supervisors, types;
    for (const metrics::SnapshotClinician& c : snapshot->clinicians) {
        if (!c.location.empty())
            locations.insert(c.location);
        if (!c.supervisor.empty())
            supervisors.insert(c.supervisor);
        if (!c.clinicianType.empty())
            types.insert(c.clinicianType);
    }
    for (const std::string& v : locations)
        scopes_.push_back(Scope::location(v));
    for (const std::string& v : supervisors)
        scopes_.push_back(Scope::supervisor(v));
    for (const std::string& v : types)
        scopes_.push_back(Scope::clinicianType(v));

    int selected = 0;
    const QSignalBlocker blocker(scope_);
    scope_->clear();
    for (std::size_t i = 0; i < scopes_.size(); ++i) {
        const Scope& s = scopes_[i];
        if (i > 0 && s.kind != scopes_[i - 1].kind)
            scope_->insertSeparator(scope_->count());
        scope_->addItem(scopeTitle(s), static_cast<int>(i));
        if (s.kind == previous.kind && s.value == previous.value)
            selected = scope_->count() - 1;
    }
    scope_->setCurrentIndex(selected);
    stack_->setCurrentWidget(snapshot->appointments.size() == 0 ? static_cast<QWidget*>(noData_) : scroll_);
}

void DashboardView::requestCompute()
{
    if (!store_)
        return;
    dateDelay_->stop();
    const QVariant data = scope_->currentData();
    const std::size_t index = data.isValid() ? static_cast<std::size_t>(data.toInt()) : 0;
    const Scope scope = index < scopes_.size() ? scopes_[index] : Scope::practice();
    data_->request(asOf(), scope);
}

void DashboardView::setBusyText(bool busy)
{
    busy_->setText(data_->snapshot() ? tr("Computing\u2026") : tr("Loading the practice\u2026"));
    busy_->setVisible(busy);
}

void DashboardView::updateImportNote(Store* store)
{
    if (!store) {
        importNote_->setText(tr("No database open"));
        return;
    }
    QString importedAt;
    try {
        // One row per imported file: a few hundred at most, read on the GUI thread.
        const std::vector<ImportBatch> batches = store->importBatches();
        if (!batches.empty())
            importedAt = toQString(batches.back().importedAt);
    } catch (const std::exception&) {
        importedAt.clear(); // an unreadable batch table is not worth more than a missing note
    }
    QDateTime when = QDateTime::fromString(importedAt, Qt::ISODate);
    if (importedAt.isEmpty() || !when.isValid()) {
        importNote_->setText(tr("No import recorded in this database yet"));
        return;
    }
    when = when.toLocalTime();
    importNote_->setText(tr("Data as of the last import on %1 at %2")
                             .arg(QLocale().toString(when.date(), QStringLiteral("MMM d, yyyy")),
                                  QLocale().toString(when.time(), QLocale::ShortFormat)));
}

void DashboardView::showResult(std::shared_ptr<const DashboardResult> result)
{
    result_ = std::move(result);
    const metrics::Dashboard& d = result_->current;
    showCards(*result_);
    charts_->setSeries(d.series);
    model_->setResult(result_);
    lists_->setResult(result_);
    fitTable();

    const std::int64_t unmarked = d.summary.unmarkedPast;
    unmarked_->setVisible(unmarked > 0);
    unmarked_->setText(
        unmarked == 1
            ? tr("1 past appointment is still \u201cscheduled\u201d \u2014 mark it in your EHR; it is left out of "
                 "every rate until then.")
            : tr("%1 past appointments are still \u201cscheduled\u201d \u2014 mark them in your EHR; they are left "
                 "out of every rate until then.")
                  .arg(formatCount(unmarked)));

    const int clinicians = static_cast<int>(d.clinicians.size());
    const auto under = std::count_if(d.clinicians.begin(), d.clinicians.end(),
                                     [](const metrics::ClinicianSummary& c) { return c.underPerforming.value_or(false); });
    QString title = clinicians == 1 ? tr("1 clinician") : tr("%1 clinicians").arg(formatCount(clinicians));
    if (under > 0)
        title += tr(" \u00b7 %1 under 80% of goal").arg(formatCount(under));
    tableTitle_->setText(title);
    Q_EMIT resultShown();
}

void DashboardView::showCards(const DashboardResult& result)
{
    const bool has = result.snapshot != nullptr;
    const metrics::ScopeSummary& s = result.current.summary;
    const metrics::ScopeSummary& p = result.previous.summary;
    const QString week = tr("prior 7 days");
    const QString lastWeek = tr("a week ago");
    const auto weeks = fullWeeks(result.current.series, kTrendWeeks);

    KpiCard* sessions = card(Card::Sessions);
    KpiCard* cancels = card(Card::Cancellations);
    KpiCard* bookings = card(Card::Bookings);
    KpiCard* active = card(Card::ActiveClients);
    KpiCard* retention = card(Card::Retention);
    KpiCard* ltv = card(Card::LifetimeValue);
    if (!has) {
        for (KpiCard* c : cards_) {
            c->setValue(missingValue());
            c->setDetail({});
            c->setChange(std::nullopt, {});
            c->setTrend({});
        }
        return;
    }

    // Sessions against the goal for the same 7 days.
    sessions->setValue(formatCount(s.countedLast7d), tr("of %1 goal").arg(formatGoal(std::round(s.goalLast7d))));
    const bool under = s.underPerforming.value_or(false);
    const QString threshold = QLocale().toString(result.current.settings.underPerformingUtilization * 100.0, 'g', 3);
    sessions->setDetail(tr("%1 utilization%2")
                            .arg(formatPercent(s.utilizationLast7d),
                                 under ? tr(" \u00b7 below %1%").arg(threshold) : QString()),
                        under);
    sessions->setChange(static_cast<double>(s.countedLast7d - p.countedLast7d),
                        changeCount(s.countedLast7d - p.countedLast7d, week));
    {
        std::vector<std::optional<double>> counted;
        std::vector<double> goal;
        for (const auto& w : weeks) {
            counted.emplace_back(static_cast<double>(w.counted));
            goal.push_back(w.goal);
        }
        sessions->setTrend(std::move(counted), std::move(goal));
    }

    const auto& rate = s.cancellation12w;
    cancels->setValue(formatPercent(rate.cancellation));
    cancels->setDetail(tr("Late cancels %1 \u00b7 no-shows %2").arg(formatPercent(rate.lateCancel),
                                                                   formatPercent(rate.noShow)));
    if (rate.cancellation && p.cancellation12w.cancellation) {
        const double delta = *rate.cancellation - *p.cancellation12w.cancellation;
        cancels->setChange(std::fabs(delta) < 0.0005 ? 0.0 : delta,
                           std::fabs(delta) < 0.0005 ? tr("no change vs. %1").arg(lastWeek)
                                                     : tr("%1 vs. %2").arg(formatPoints(delta), lastWeek));
    } else {
        cancels->setChange(std::nullopt, {});
    }
    {
        std::vector<std::optional<double>> rates;
        for (const auto& w : weeks)
            rates.push_back(w.cancellation.cancellation);
        cancels->setTrend(std::move(rates));
    }

    const auto& target = s.bookingsTarget.target;
    bookings->setValue(formatCount(s.upcomingNext7d.sessions),
                       target ? tr("of %1 target").arg(formatCount(*target)) : tr("no target"));
    if (target && *target > s.upcomingNext7d.sessions)
        bookings->setDetail(tr("%1 more to book \u00b7 goal %2 a week").arg(formatCount(*target - s.upcomingNext7d.sessions),
                                                                           formatGoal(s.weeklyGoal)));
    else if (target)
        bookings->setDetail(tr("On target \u00b7 goal %1 a week").arg(formatGoal(s.weeklyGoal)));
    else
        bookings->setDetail(tr("Every appointment was cancelled: no target"));
    bookings->setChange(static_cast<double>(s.upcomingNext7d.sessions - p.upcomingNext7d.sessions),
                        changeCount(s.upcomingNext7d.sessions - p.upcomingNext7d.sessions, lastWeek));
    bookings->setTrend({});

    active->setValue(formatCount(s.activeClients), tr("of %1 baseline").arg(formatGoal(s.caseloadBaseline)));
    if (static_cast<double>(s.activeClients) < s.caseloadBaseline)
        active->setDetail(tr("%1 below the baseline (2 \u00d7 weekly goal)")
                              .arg(formatGoal(std::ceil(s.caseloadBaseline - static_cast<double>(s.activeClients)))));
    else
        active->setDetail(tr("At or above the baseline (2 \u00d7 weekly goal)"));
    active->setChange(static_cast<double>(s.activeClients - p.activeClients),
                      changeCount(s.activeClients - p.activeClients, lastWeek));
    {
        std::vector<std::optional<double>> clients;
        for (const auto& w : weeks)
            clients.emplace_back(static_cast<double>(w.activeClients));
        active->setTrend(std::move(clients));
    }

    const metrics::Retention& r = s.retention12m;
    retention->setValue(formatPercent(r.retentionRate), tr("retained"));
    retention->setDetail(tr("Churn %1 \u00b7 %2 new clients in the cohort").arg(formatPercent(r.churnRate),
                                                                                 formatCount(r.cohort)));
    if (r.retentionRate && p.retention12m.retentionRate) {
        const double delta = *r.retentionRate - *p.retention12m.retentionRate;
        retention->setChange(std::fabs(delta) < 0.0005 ? 0.0 : delta,
                             std::fabs(delta) < 0.0005 ? tr("no change vs. %1").arg(lastWeek)
                                                       : tr("%1 vs. %2").arg(formatPoints(delta), lastWeek));
    } else {
        retention->setChange(std::nullopt, {});
    }
    retention->setTrend({});

    ltv->setValue(formatDollars(r.lifetimeValue));
    ltv->setDetail(tr("%1 sessions \u00d7 %2 a session")
                       .arg(formatDecimal(r.avgSessionsPerClient),
                            r.avgRevenuePerSession ? formatMoney(static_cast<Cents>(std::llround(*r.avgRevenuePerSession * 100.0)))
                                                   : missingValue()));
    if (r.lifetimeValue && p.retention12m.lifetimeValue) {
        const double delta = std::round(*r.lifetimeValue) - std::round(*p.retention12m.lifetimeValue);
        ltv->setChange(delta, delta == 0.0 ? tr("no change vs. %1").arg(lastWeek)
                                           : tr("%1 vs. %2").arg(formatDollars(std::fabs(delta)), lastWeek));
    } else {
        ltv->setChange(std::nullopt, {});
    }
    ltv->setTrend({});
}

void DashboardView::layoutCards(int columns)
{
    if (columns == cardColumns_)
        return;
    cardColumns_ = columns;
    for (KpiCard* card : cards_)
        cardGrid_->removeWidget(card);
    for (int i = 0; i < kCardCount; ++i)
        cardGrid_->addWidget(cards_[static_cast<std::size_t>(i)], i / columns, i % columns);
    for (int column = 0; column < kCardCount; ++column)
        cardGrid_->setColumnStretch(column, column < columns ? 1 : 0);
}

void DashboardView::layoutLower(bool sideBySide)
{
    if (lowerSideBySide_ && *lowerSideBySide_ == sideBySide)
        return;
    lowerSideBySide_ = sideBySide;
    lowerGrid_->removeWidget(tableColumn_);
    lowerGrid_->removeWidget(listsColumn_);
    lowerGrid_->addWidget(tableColumn_, 0, 0);
    lowerGrid_->addWidget(listsColumn_, sideBySide ? 0 : 1, sideBySide ? 1 : 0);
    lowerGrid_->setColumnStretch(0, sideBySide ? 5 : 1);
    lowerGrid_->setColumnStretch(1, sideBySide ? 3 : 0);
    lists_->setColumns(sideBySide ? 1 : 2);
}

void DashboardView::fitTable()
{
    // The page scrolls, not the table: show every row.
    const int rows = proxy_->rowCount();
    const int height = table_->horizontalHeader()->sizeHint().height()
        + rows * table_->verticalHeader()->defaultSectionSize() + 2 * table_->frameWidth() + 2;
    const int scrollBar = table_->horizontalScrollBar()->isVisible() ? table_->horizontalScrollBar()->height() : 0;
    table_->setFixedHeight(height + scrollBar);
}

void DashboardView::fitCharts()
{
    // A third of the visible height, so the top of the table shows below the charts on
    // a 1280x800 window and the charts grow on larger screens.
    const int available = scroll_->viewport()->height();
    charts_->setFixedHeight(std::clamp(available * 33 / 100, 248, 480));
}

void DashboardView::resizeEvent(QResizeEvent* event)
{
    PracticeView::resizeEvent(event);
    // Six cards in a row need about 260 pixels each; narrower windows get two rows of three.
    const bool wide = scroll_->viewport()->width() >= kOneCardRowWidth;
    layoutCards(wide ? kCardCount : kCardCount / 2);
    // Wide screens have room for the to-do lists beside the clinicians.
    layoutLower(wide);
    fitCharts();
    fitTable();
}

} // namespace caseboard::app
