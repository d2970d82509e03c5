#include "dashboard_view.h"

#include "action_lists_panel.h"
#include "app_style.h"
#include "clinician_table_model.h"
#include "clinician_table_view.h"
#include "display_format.h"
#include "empty_state_widget.h"
#include "signal_colors.h"
#include "weekly_charts.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace caseboard::app {

namespace {

using metrics::Scope;

// The whole practice, then every location, supervisor and clinician type it has.
std::vector<Scope> scopesOf(const metrics::Snapshot& snapshot)
{
    std::vector<Scope> scopes(1, Scope::practice());
    std::set<std::string> locations, supervisors, types;
    for (const metrics::SnapshotClinician& c : snapshot.clinicians) {
        if (!c.location.empty())
            locations.insert(c.location);
        if (!c.supervisor.empty())
            supervisors.insert(c.supervisor);
        if (!c.clinicianType.empty())
            types.insert(c.clinicianType);
    }
    for (const std::string& v : locations)
        scopes.push_back(Scope::location(v));
    for (const std::string& v : supervisors)
        scopes.push_back(Scope::supervisor(v));
    for (const std::string& v : types)
        scopes.push_back(Scope::clinicianType(v));
    return scopes;
}

// A column of the page's lower half: a heading over its content, top-aligned.
QWidget* lowerColumn(QWidget* page, QLayout* heading, QWidget* content)
{
    auto* column = new QWidget(page);
    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(heading);
    layout->addWidget(content);
    layout->addStretch(1);
    return column;
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
      header_(new DashboardHeader(this)),
      cards_(new DashboardCards(this)),
      charts_(new WeeklyChartsWidget(this)),
      tableTitle_(new QLabel(this)),
      model_(new ClinicianTableModel(this)),
      table_(new ClinicianTableView(model_, this)),
      lists_(new ActionListsPanel(this)),
      dateDelay_(new QTimer(this)),
      lowerGrid_(new QGridLayout)
{
    setObjectName(QStringLiteral("dashboard-view"));
    setStyleSheet(styleSheetFor(theme()));

    auto* page = new QWidget;
    page->setObjectName(QStringLiteral("DashboardPage"));
    charts_->setObjectName(QStringLiteral("DashboardCharts"));

    // Added top to bottom, which is also the order Tab moves through them.
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(22, 18, 22, 24);
    layout->setSpacing(0);
    layout->addWidget(header_);
    layout->addSpacing(10);
    layout->addWidget(cards_);
    layout->addSpacing(14);
    layout->addWidget(charts_);
    layout->addSpacing(16);
    tableColumn_ = buildTableColumn(page);
    listsColumn_ = buildListsColumn(page);
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
    connect(header_, &DashboardHeader::asOfChanged, dateDelay_, qOverload<>(&QTimer::start));
    connect(header_, &DashboardHeader::scopeChanged, this, &DashboardView::requestCompute);
    connect(header_, &DashboardHeader::privacyChanged, lists_, &ActionListsPanel::setClientInitials);
    connect(table_, &ClinicianTableView::clinicianActivated, this, &DashboardView::clinicianActivated);
    connect(lists_, &ActionListsPanel::clinicianActivated, this, &DashboardView::clinicianActivated);

    connect(data_, &DashboardData::snapshotLoaded, this, &DashboardView::rebuildScopes);
    connect(data_, &DashboardData::resultReady, this, &DashboardView::showResult);
    connect(data_, &DashboardData::busyChanged, this, [this](bool busy) {
        setBusyText(busy);
        Q_EMIT busyChanged(busy);
    });
    connect(data_, &DashboardData::failed, this, [this](const QString& message) {
        header_->setStatus(tr("Could not compute the dashboard: %1").arg(message), true);
    });
    setAsOf(localToday() - std::chrono::days{1});
    cards_->showResult(DashboardResult{});
    lists_->setResult(nullptr);
}

DashboardView::~DashboardView() = default;

QWidget* DashboardView::buildTableColumn(QWidget* page)
{
    tableTitle_->setObjectName(QStringLiteral("SectionTitle"));
    auto* tableHint = new QLabel(tr("\u26A0 under 80% of goal \u00b7 double-click for appointments"), page);
    tableHint->setObjectName(QStringLiteral("SectionHint"));
    tableHint->setToolTip(tr("Click a column title to sort by it. Double-click a clinician to see their "
                             "appointments."));
    auto* heading = new QHBoxLayout;
    heading->addWidget(tableTitle_);
    heading->addStretch(1);
    heading->addWidget(tableHint);
    return lowerColumn(page, heading, table_);
}

QWidget* DashboardView::buildListsColumn(QWidget* page)
{
    auto* title = new QLabel(tr("This week's follow-ups"), page);
    title->setObjectName(QStringLiteral("SectionTitle"));
    auto* heading = new QHBoxLayout;
    heading->addWidget(title);
    return lowerColumn(page, heading, lists_);
}

void DashboardView::setDatabase(Store* store)
{
    store_ = store;
    result_.reset();
    model_->setResult(nullptr);
    lists_->setResult(nullptr);
    charts_->setSeries({});
    cards_->showResult(DashboardResult{});
    header_->setUnmarkedPast(0);
    header_->clearScopes();
    header_->showLastImport(store);
    stack_->setCurrentWidget(scroll_);
    data_->setStore(store);
    if (store)
        requestCompute();
}

bool DashboardView::isBusy() const { return data_->isBusy(); }

void DashboardView::reload()
{
    header_->showLastImport(store_);
    data_->reload();
}

bool DashboardView::hidesClientNames() const { return privacyAction()->isChecked(); }

QTableView* DashboardView::clinicianTable() const { return table_; }

void DashboardView::rebuildScopes()
{
    const auto snapshot = data_->snapshot();
    header_->setScopes(scopesOf(*snapshot));
    stack_->setCurrentWidget(snapshot->appointments.size() == 0 ? static_cast<QWidget*>(noData_) : scroll_);
}

void DashboardView::requestCompute()
{
    if (!store_)
        return;
    dateDelay_->stop();
    data_->request(asOf(), header_->currentScope());
}

void DashboardView::setBusyText(bool busy)
{
    header_->setStatus(data_->snapshot() ? tr("Computing\u2026") : tr("Loading the practice\u2026"), busy);
}

void DashboardView::showResult(std::shared_ptr<const DashboardResult> result)
{
    result_ = std::move(result);
    const metrics::Dashboard& d = result_->current;
    cards_->showResult(*result_);
    charts_->setSeries(d.series);
    model_->setResult(result_);
    lists_->setResult(result_);
    table_->fitToRows();
    header_->setUnmarkedPast(d.summary.unmarkedPast);

    const int clinicians = model_->rowCount();
    const auto under = std::count_if(d.clinicians.begin(), d.clinicians.end(), [](const metrics::ClinicianSummary& c) {
        return c.onStaff && c.underPerforming.value_or(false);
    });
    QString title = clinicians == 1 ? tr("1 clinician") : tr("%1 clinicians").arg(formatCount(clinicians));
    if (under > 0)
        title += tr(" \u00b7 %1 under %2% of goal")
                     .arg(formatCount(under))
                     .arg(std::lround(d.settings.underPerformingUtilization * 100.0));
    tableTitle_->setText(title);
    Q_EMIT resultShown();
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
    cards_->setColumns(wide ? kCardCount : kCardCount / 2);
    // Wide screens have room for the to-do lists beside the clinicians.
    layoutLower(wide);
    fitCharts();
    table_->fitToRows();
}

} // namespace caseboard::app
