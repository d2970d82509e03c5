#include "trends_view.h"

#include "app_style.h"
#include "chart_colors.h"
#include "data_table.h"
#include "display_format.h"
#include "empty_state_widget.h"
#include "page_header.h"
#include "trend_charts.h"
#include "trends_format.h"
#include "trends_pdf.h"
#include "view_catalog.h"
#include "year_table_model.h"

#include "caseboard/report/trends_report.h"
#include "caseboard/store/store.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

namespace caseboard::app {

namespace {

using metrics::Scope;
using metrics::TrendMetric;

constexpr Scope::Kind kGroupKinds[] = {Scope::Kind::Practice, Scope::Kind::Location, Scope::Kind::Supervisor,
                                       Scope::Kind::ClinicianType};

QChartView* newChartView(QWidget* parent, const QString& name, int height)
{
    auto* view = new QChartView(parent);
    view->setObjectName(name);
    view->setAccessibleName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setFrameShape(QFrame::NoFrame);
    view->setMinimumHeight(height);
    view->setBackgroundBrush(theme().surface);
    return view;
}

QString styleSheetFor(const Theme& t)
{
    const auto c = [](const QColor& color) { return color.name(QColor::HexRgb); };
    return QStringLiteral(R"css(
#TrendsPage { background: %1; }
#TrendsCard { background: %2; border: 1px solid %3; border-radius: 10px; }
QLabel#SectionTitle { color: %4; font-weight: 600; }
)css")
        .arg(c(t.window), c(t.surface), c(t.border), c(t.text));
}

// A chart on a card, like the dashboard's.
QWidget* card(QWidget* parent, QWidget* content)
{
    auto* frame = new QFrame(parent);
    frame->setObjectName(QStringLiteral("TrendsCard"));
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(6, 8, 6, 6);
    layout->addWidget(content);
    return frame;
}

} // namespace

TrendsView::TrendsView(QWidget* parent)
    : PracticeView(parent),
      data_(new TrendsData(this)),
      stack_(new QStackedWidget(this)),
      scroll_(new QScrollArea(this)),
      noData_(new EmptyStateWidget(
          QStringLiteral("trends"), tr("No history to compare yet"),
          {tr("Trends fill in once your EHR's appointment exports are imported into this database."),
           tr("They then show each year and this year to date against the same days last year, for the practice "
              "and for each location, supervisor and clinician type.")},
          this)),
      status_(new QLabel(this)),
      date_(new QDateEdit(this)),
      groupBy_(new QComboBox(this)),
      period_(new QComboBox(this)),
      periodLabel_(new QLabel(tr("Column"), this)),
      metric_(new QComboBox(this)),
      exportCsv_(new QPushButton(tr("Export CSV\u2026"), this)),
      exportPdf_(new QPushButton(tr("Export PDF\u2026"), this)),
      tableTitle_(new QLabel(this)),
      model_(new YearTableModel(this)),
      table_(new QTableView(this)),
      tableNote_(new QLabel(this)),
      yearChart_(newChartView(this, QStringLiteral("YearChart"), 280)),
      monthChart_(newChartView(this, QStringLiteral("MonthChart"), 280)),
      intakeChart_(newChartView(this, QStringLiteral("IntakeChart"), 260)),
      dateDelay_(new QTimer(this))
{
    setObjectName(QStringLiteral("trends-view"));
    setStyleSheet(styleSheetFor(theme()));

    auto* header = new PageHeader(viewInfo(ViewId::Trends).title,
                                  tr("Each year, and this year to date against the same days last year."), this);
    date_->setObjectName(QStringLiteral("AsOfDate"));
    date_->setCalendarPopup(true);
    date_->setDisplayFormat(QStringLiteral("ddd MMM d, yyyy"));
    date_->setToolTip(tr("The last day the year to date covers; it is set against the same days last year. "
                         "Default: yesterday."));
    date_->setAccessibleName(tr("As of"));
    auto* asOfLabel = new QLabel(tr("As of"), this);
    asOfLabel->setObjectName(QStringLiteral("MutedLabel"));
    asOfLabel->setBuddy(date_);
    status_->setObjectName(QStringLiteral("MutedLabel"));

    auto* top = new QHBoxLayout;
    top->setSpacing(8);
    top->addWidget(header, 1);
    top->addWidget(status_, 0, Qt::AlignBottom);
    top->addSpacing(16);
    top->addWidget(asOfLabel, 0, Qt::AlignBottom);
    top->addWidget(date_, 0, Qt::AlignBottom);

    auto* page = new QWidget;
    page->setObjectName(QStringLiteral("TrendsPage"));
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 4, 16);
    layout->setSpacing(0);
    layout->addWidget(buildControls());
    layout->addSpacing(12);

    tableTitle_->setObjectName(QStringLiteral("SectionTitle"));
    layout->addWidget(tableTitle_);
    layout->addSpacing(6);
    table_->setModel(model_);
    setUpDataTable(table_, fontMetrics().height() + 12);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setFocusPolicy(Qt::NoFocus);
    table_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table_->horizontalHeader()->setSectionsMovable(false);
    table_->horizontalHeader()->setStretchLastSection(false);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->horizontalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    layout->addWidget(table_);
    layout->addSpacing(4);
    tableNote_->setObjectName(QStringLiteral("MutedLabel"));
    tableNote_->setWordWrap(true);
    layout->addWidget(tableNote_);
    layout->addSpacing(14);

    auto* charts = new QHBoxLayout;
    charts->setSpacing(14);
    charts->addWidget(card(page, yearChart_), 1);
    charts->addWidget(card(page, monthChart_), 1);
    layout->addLayout(charts);
    layout->addSpacing(14);
    layout->addWidget(card(page, intakeChart_));
    layout->addStretch(1);

    scroll_->setWidget(page);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    stack_->addWidget(scroll_);
    stack_->addWidget(noData_);

    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(28, 24, 24, 0);
    outer->setSpacing(0);
    outer->addLayout(top);
    outer->addSpacing(14);
    outer->addWidget(stack_, 1);

    dateDelay_->setSingleShot(true);
    dateDelay_->setInterval(kDateDelayMs);
    connect(dateDelay_, &QTimer::timeout, this, &TrendsView::requestCompute);
    connect(date_, &QDateEdit::dateChanged, dateDelay_, qOverload<>(&QTimer::start));
    connect(data_, &TrendsData::resultReady, this, &TrendsView::showResult);
    connect(data_, &TrendsData::snapshotLoaded, this, [this] {
        stack_->setCurrentWidget(data_->snapshot()->appointments.size() == 0 ? static_cast<QWidget*>(noData_)
                                                                                : scroll_);
    });
    connect(data_, &TrendsData::busyChanged, this, [this](bool busy) {
        status_->setText(busy ? (data_->snapshot() ? tr("Computing\u2026") : tr("Loading the practice\u2026"))
                              : QString());
        Q_EMIT busyChanged(busy);
    });
    connect(data_, &TrendsData::failed, this, [this](const QString& message) {
        status_->setText(tr("Could not compute the trends: %1").arg(message));
    });
    setAsOf(localToday() - std::chrono::days{1});
    refresh();
}

TrendsView::~TrendsView() = default;

QWidget* TrendsView::buildControls()
{
    for (Scope::Kind kind : kGroupKinds)
        groupBy_->addItem(kind == Scope::Kind::Practice ? tr("Practice") : groupKindTitle(kind),
                          static_cast<int>(kind));
    groupBy_->setObjectName(QStringLiteral("GroupBy"));
    groupBy_->setToolTip(tr("The practice year by year, or its locations, supervisors or clinician types side by "
                            "side"));
    for (TrendMetric metric : metrics::kTrendMetrics)
        metric_->addItem(trendMetricTitle(metric), static_cast<int>(metric));
    metric_->setObjectName(QStringLiteral("ChartMetric"));
    metric_->setToolTip(tr("The figure the charts draw"));
    period_->setObjectName(QStringLiteral("GroupPeriod"));
    period_->setToolTip(tr("The column the groups are compared over; its change is against the column before"));
    exportCsv_->setObjectName(QStringLiteral("SecondaryButton"));
    exportCsv_->setToolTip(tr("Every year and group as a CSV file (the same as caseboard-cli trends --format csv)"));
    exportPdf_->setObjectName(QStringLiteral("SecondaryButton"));
    exportPdf_->setToolTip(tr("The tables and charts as a PDF report"));

    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(8);
    const auto labelled = [&](const QString& text, QWidget* field, QLabel* label = nullptr) {
        if (!label)
            label = new QLabel(text, bar);
        label->setObjectName(QStringLiteral("MutedLabel"));
        label->setBuddy(field);
        row->addWidget(label);
        row->addWidget(field);
        row->addSpacing(10);
    };
    labelled(tr("Group by"), groupBy_);
    labelled({}, period_, periodLabel_);
    labelled(tr("Chart"), metric_);
    row->addStretch(1);
    row->addWidget(exportCsv_);
    row->addWidget(exportPdf_);

    connect(groupBy_, &QComboBox::currentIndexChanged, this, &TrendsView::refresh);
    connect(period_, &QComboBox::currentIndexChanged, this, &TrendsView::refresh);
    connect(metric_, &QComboBox::currentIndexChanged, this, &TrendsView::refresh);
    connect(exportCsv_, &QPushButton::clicked, this, &TrendsView::chooseCsvFile);
    connect(exportPdf_, &QPushButton::clicked, this, &TrendsView::choosePdfFile);
    return bar;
}

void TrendsView::setDatabase(Store* store)
{
    store_ = store;
    result_.reset();
    trends_.reset();
    refresh();
    stack_->setCurrentWidget(scroll_);
    data_->setStore(store);
    if (store)
        requestCompute();
}

bool TrendsView::isBusy() const { return data_->isBusy(); }

void TrendsView::reload() { data_->reload(); }

void TrendsView::setAsOf(Day day) { date_->setDate(toQDate(day)); }

Day TrendsView::asOf() const
{
    const QDate d = date_->date();
    return makeDay(d.year(), static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

void TrendsView::setGroupBy(Scope::Kind kind) { groupBy_->setCurrentIndex(groupBy_->findData(static_cast<int>(kind))); }

Scope::Kind TrendsView::groupBy() const { return static_cast<Scope::Kind>(groupBy_->currentData().toInt()); }

void TrendsView::setChartMetric(TrendMetric metric) { metric_->setCurrentIndex(metric_->findData(static_cast<int>(metric))); }

TrendMetric TrendsView::chartMetric() const { return static_cast<TrendMetric>(metric_->currentData().toInt()); }

void TrendsView::setGroupPeriod(std::size_t period) { period_->setCurrentIndex(static_cast<int>(period)); }

void TrendsView::requestCompute()
{
    if (!store_)
        return;
    dateDelay_->stop();
    data_->request(asOf());
}

void TrendsView::showResult(std::shared_ptr<const TrendsResult> result)
{
    result_ = std::move(result);
    trends_ = std::shared_ptr<const metrics::YearOverYear>(result_, &result_->trends);
    fillPeriods();
    refresh();
    Q_EMIT resultShown();
}

void TrendsView::fillPeriods()
{
    // Keep the choice when only the date moved: the same kind of column, from the right.
    const int fromRight = period_->count() > 0 ? period_->count() - 1 - period_->currentIndex() : 0;
    const QSignalBlocker blocker(period_);
    period_->clear();
    if (!trends_)
        return;
    for (const metrics::YearPeriod& p : trends_->periods)
        period_->addItem(periodTitle(p));
    period_->setCurrentIndex(std::max(0, period_->count() - 1 - fromRight));
}

void TrendsView::refresh()
{
    const bool grouped = groupBy() != Scope::Kind::Practice;
    period_->setVisible(grouped);
    periodLabel_->setVisible(grouped);
    exportCsv_->setEnabled(trends_ != nullptr);
    exportPdf_->setEnabled(trends_ != nullptr);
    const auto period = static_cast<std::size_t>(std::max(0, period_->currentIndex()));
    model_->setTrends(trends_, groupBy(), period);
    // Every row and column shown whole, no inner scrolling (the page scrolls), and the
    // table no wider than its columns, so the figures stay near their labels.
    table_->resizeColumnsToContents();
    int width = 2 * table_->frameWidth() + 2;
    for (int column = 0; column < model_->columnCount(); ++column) {
        table_->setColumnWidth(column, table_->columnWidth(column) + 12);
        width += table_->columnWidth(column);
    }
    table_->setMaximumWidth(width);
    fitTableHeight();
    for (QChartView* view : {yearChart_, monthChart_, intakeChart_})
        view->chart()->removeAllSeries();
    if (!trends_ || trends_->periods.empty()) {
        tableTitle_->setText(tr("Year over year"));
        tableNote_->clear();
        return;
    }

    const metrics::YearOverYear& t = *trends_;
    const std::size_t last = t.periods.size() - 1;
    QString note;
    if (grouped) {
        tableTitle_->setText(tr("By %1, %2").arg(groupKindTitle(groupBy()).toLower(), periodTitle(t.periods[period])));
        note = tr("Intakes of a group are new client\u2013clinician pairs, and a client seen in two groups is active "
                  "in both, so groups may add up to more than the practice.");
    } else {
        tableTitle_->setText(tr("The practice, year by year"));
        note = tr("Each year as it stood on its last day. Change: %1 against %2, the same days last year; rates "
                  "in percentage points.")
                   .arg(periodTitle(t.periods[last]), periodTitle(t.periods[last - 1]));
    }
    for (const metrics::YearPeriod& p : t.periods)
        if (p.partialHistory) {
            note += QStringLiteral(" ") + tr("* The imported history starts during this year.");
            break;
        }
    tableNote_->setText(note);

    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 0.92);
    const ChartColors colors = chartColors();
    buildYearBarChart(yearChart_->chart(), t, groupBy(), chartMetric(), font, colors);
    buildMonthLineChart(monthChart_->chart(), t, groupBy(), chartMetric(), font, colors);
    buildIntakeMonthChart(intakeChart_->chart(), t.practice, font, colors);
}

void TrendsView::fitTableHeight()
{
    // Many groups make the table wider than the page: room for its scroll bar then.
    int width = 2 * table_->frameWidth() + 2;
    for (int column = 0; column < model_->columnCount(); ++column)
        width += table_->columnWidth(column);
    // Against the room the page gives it, not the table's width now: that may be stale
    // until the layout runs.
    const bool scrolls = width > scroll_->viewport()->width() - 4;
    table_->setFixedHeight(table_->horizontalHeader()->sizeHint().height()
                           + model_->rowCount() * table_->verticalHeader()->defaultSectionSize() + 4
                           + (scrolls ? table_->horizontalScrollBar()->sizeHint().height() : 0));
}

void TrendsView::resizeEvent(QResizeEvent* event)
{
    PracticeView::resizeEvent(event);
    // After the layout has given the table its width.
    QTimer::singleShot(0, this, &TrendsView::fitTableHeight);
}

bool TrendsView::exportCsv(const QString& path, QString* error) const
{
    if (!trends_) {
        if (error)
            *error = tr("There is nothing to export yet.");
        return false;
    }
    QFile file(path);
    const std::string csv = report::trendsCsv(*trends_);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(csv.data(), static_cast<qint64>(csv.size())) != static_cast<qint64>(csv.size())) {
        if (error)
            *error = file.errorString();
        return false;
    }
    spdlog::info("trends: exported {} bytes of CSV", csv.size());
    return true;
}

bool TrendsView::exportPdf(const QString& path, QString* error) const
{
    if (!trends_) {
        if (error)
            *error = tr("There is nothing to export yet.");
        return false;
    }
    TrendsPdfOptions options;
    if (store_ && !store_->inMemory())
        options.practiceName = QFileInfo(QString::fromStdString(store_->path().string())).completeBaseName();
    options.groupBy = groupBy() == Scope::Kind::Practice ? Scope::Kind::Location : groupBy();
    options.metric = chartMetric();
    return writeTrendsPdf(path, *trends_, options, error);
}

void TrendsView::chooseCsvFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Trends"), tr("trends.csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export Failed"), tr("Caseboard could not write the CSV file. %1").arg(error));
}

void TrendsView::choosePdfFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Trends"), tr("trends.pdf"),
                                                      tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportPdf(path, &error))
        QMessageBox::warning(this, tr("Export Failed"), tr("Caseboard could not write the PDF file. %1").arg(error));
}

} // namespace caseboard::app
