#include "payroll_view.h"

#include "app_style.h"
#include "data_table.h"
#include "display_format.h"
#include "empty_state_widget.h"
#include "page_header.h"
#include "payroll_pdf.h"
#include "payroll_settings_bar.h"
#include "payroll_table_model.h"
#include "signal_colors.h"
#include "snapshot_loader.h"
#include "view_catalog.h"

#include "caseboard/report/payroll_report.h"
#include "caseboard/store/store.h"

#include <QDateEdit>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace caseboard::app {

namespace {

Day dayOf(const QDate& date)
{
    return makeDay(date.year(), static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

QString styleSheetFor(const Theme& t)
{
    const auto c = [](const QColor& color) { return color.name(QColor::HexRgb); };
    const StatusColors warning = signalColors(Signal::Watch);
    return QStringLiteral(R"css(
#PayrollSettings, #PayrollTotals { background: %1; border: 1px solid %2; border-radius: 10px; }
#PayrollSettings QLabel, #PayrollTotals QLabel { background: transparent; }
QLabel#SectionTitle { color: %3; font-weight: 600; }
QLabel#PayrollPeriod { color: %3; font-size: 13pt; font-weight: 600; }
QLabel#WarningBanner { background: %5; color: %6; border-radius: 8px; padding: 5px 12px; }
QLabel#PayrollTotalsText { color: %3; }
QPushButton#PeriodStep { border: 1px solid %2; border-radius: 7px; padding: 4px 12px; background: %1; color: %3; }
QPushButton#PeriodStep:hover { background: %7; }
QLabel#MutedLabel { color: %4; }
)css")
        .arg(c(t.surface), c(t.border), c(t.text), c(t.mutedText), c(warning.background), c(warning.text),
             c(t.hover));
}

// The height of a table showing `rows` rows (at least one) without scrolling.
int tableHeightFor(const QTableView* table, int rows)
{
    return table->horizontalHeader()->sizeHint().height()
        + std::max(rows, 1) * table->verticalHeader()->defaultSectionSize()
        + 2 * table->frameWidth() + 2;
}

void setUpPayrollTable(QTableView* table, int rowHeight)
{
    setUpDataTable(table, rowHeight);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setSectionsMovable(false);
    table->horizontalHeader()->setStretchLastSection(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
}

QString writeTextFile(const QString& path, const std::string& text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return PayrollView::tr("Could not open the file for writing.");
    const QByteArray bytes = QByteArray::fromStdString(text);
    if (file.write(bytes) != bytes.size() || !file.commit())
        return PayrollView::tr("Could not write the file (is the disk full?).");
    return {};
}

} // namespace

PayrollView::PayrollView(QWidget* parent)
    : PracticeView(parent),
      loader_(new SnapshotLoader(this)),
      stack_(new QStackedWidget(this)),
      empty_(nullptr),
      previous_(new QPushButton(this)),
      next_(new QPushButton(this)),
      periodLabel_(new QLabel(this)),
      daysLabel_(new QLabel(this)),
      asOf_(new QDateEdit(this)),
      settingsBar_(new PayrollSettingsBar(this)),
      notice_(new QLabel(this)),
      clinicianModel_(new PayrollTableModel(PayrollTableModel::Table::Clinicians, this)),
      staffModel_(new PayrollTableModel(PayrollTableModel::Table::Staff, this)),
      clinicianTable_(new QTableView(this)),
      staffTable_(new QTableView(this)),
      staffTitle_(new QLabel(tr("Support staff · timesheet hours"), this)),
      totals_(new QLabel(this)),
      exportCsv_(new QPushButton(tr("Export CSV…"), this)),
      exportPdf_(new QPushButton(tr("Export PDF…"), this))
{
    const ViewInfo info = viewInfo(ViewId::Payroll);
    setObjectName(info.key + QStringLiteral("-view"));
    setStyleSheet(styleSheetFor(theme()));
    period_ = settings_.periods.containing(addDays(localToday(), -1));

    auto* header = new PageHeader(info.title,
                                  tr("Hours and pay for one pay period: clinicians from the sessions they held, "
                                     "support staff from their timesheets."),
                                  this);

    // Period navigation on the left, T on the right.
    previous_->setObjectName(QStringLiteral("PeriodStep"));
    previous_->setText(tr("‹ Previous"));
    previous_->setToolTip(tr("The pay period before this one"));
    next_->setObjectName(QStringLiteral("PeriodStep"));
    next_->setText(tr("Next ›"));
    next_->setToolTip(tr("The pay period after this one"));
    periodLabel_->setObjectName(QStringLiteral("PayrollPeriod"));
    periodLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    daysLabel_->setObjectName(QStringLiteral("MutedLabel"));
    asOf_->setObjectName(QStringLiteral("AsOfDate"));
    asOf_->setCalendarPopup(true);
    asOf_->setDisplayFormat(QStringLiteral("ddd MMM d, yyyy"));
    asOf_->setDate(toQDate(addDays(localToday(), -1)));
    asOf_->setMinimumWidth(asOf_->fontMetrics().horizontalAdvance(QStringLiteral("Wed Sep 30, 2026")) + 48);
    asOf_->setToolTip(tr("Sessions are counted up to this day: after it nothing is held yet. Default: yesterday."));
    asOf_->setAccessibleName(tr("Sessions through"));
    auto* asOfLabel = new QLabel(tr("Sessions through"), this);
    asOfLabel->setObjectName(QStringLiteral("MutedLabel"));
    asOfLabel->setBuddy(asOf_);

    auto* periodRow = new QHBoxLayout;
    periodRow->setSpacing(10);
    periodRow->addWidget(previous_);
    periodRow->addWidget(periodLabel_);
    periodRow->addWidget(next_);
    periodRow->addSpacing(8);
    periodRow->addWidget(daysLabel_, 0, Qt::AlignVCenter);
    periodRow->addStretch(1);
    periodRow->addWidget(asOfLabel);
    periodRow->addWidget(asOf_);


    notice_->setObjectName(QStringLiteral("WarningBanner"));
    notice_->setWordWrap(true);
    notice_->setVisible(false);

    const int rowHeight = fontMetrics().height() + 14;
    clinicianTable_->setObjectName(QStringLiteral("PayrollClinicians"));
    clinicianTable_->setModel(clinicianModel_);
    setUpPayrollTable(clinicianTable_, rowHeight);
    staffTable_->setObjectName(QStringLiteral("PayrollStaff"));
    staffTable_->setModel(staffModel_);
    setUpPayrollTable(staffTable_, rowHeight);
    auto* clinicianTitle = new QLabel(tr("Clinicians · sessions held"), this);
    clinicianTitle->setObjectName(QStringLiteral("SectionTitle"));
    staffTitle_->setObjectName(QStringLiteral("SectionTitle"));

    auto* totalsFrame = new QWidget(this);
    totalsFrame->setObjectName(QStringLiteral("PayrollTotals"));
    totalsFrame->setAttribute(Qt::WA_StyledBackground, true);
    totals_->setObjectName(QStringLiteral("PayrollTotalsText"));
    totals_->setTextFormat(Qt::RichText);
    totals_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    exportCsv_->setObjectName(QStringLiteral("SecondaryButton"));
    exportCsv_->setToolTip(tr("One row per person, for the payroll provider"));
    exportPdf_->setObjectName(QStringLiteral("PrimaryButton"));
    exportPdf_->setToolTip(tr("The period's payroll as a PDF for the practice's records"));
    auto* totalsRow = new QHBoxLayout(totalsFrame);
    totalsRow->setContentsMargins(16, 10, 12, 10);
    totalsRow->setSpacing(10);
    totalsRow->addWidget(totals_, 1);
    totalsRow->addWidget(exportCsv_);
    totalsRow->addWidget(exportPdf_);

    auto* page = new QWidget(this);
    auto* pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->setSpacing(10);
    pageLayout->addLayout(periodRow);
    pageLayout->addWidget(settingsBar_);
    pageLayout->addWidget(notice_);
    pageLayout->addSpacing(4);
    pageLayout->addWidget(clinicianTitle);
    // The clinicians take the room they need and no more; a long team scrolls inside it.
    pageLayout->addWidget(clinicianTable_, 1);
    pageLayout->addSpacing(4);
    pageLayout->addWidget(staffTitle_);
    pageLayout->addWidget(staffTable_);
    pageLayout->addStretch(0);
    pageLayout->addWidget(totalsFrame);

    empty_ = new EmptyStateWidget(info.iconName, tr("No practice open"),
                                  {tr("Open a practice database to see its payroll.")}, this);
    stack_->addWidget(empty_);
    stack_->addWidget(page);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 18);
    layout->setSpacing(12);
    layout->addWidget(header);
    layout->addWidget(stack_, 1);

    connect(settingsBar_, &PayrollSettingsBar::settingsEdited, this, &PayrollView::applySettings);
    connect(previous_, &QPushButton::clicked, this, &PayrollView::showPreviousPeriod);
    connect(next_, &QPushButton::clicked, this, &PayrollView::showNextPeriod);
    connect(asOf_, &QDateEdit::dateChanged, this, [this] { recompute(); });
    connect(exportCsv_, &QPushButton::clicked, this, &PayrollView::exportCsvWithDialog);
    connect(exportPdf_, &QPushButton::clicked, this, &PayrollView::exportPdfWithDialog);
    connect(loader_, &SnapshotLoader::loaded, this,
            [this](std::shared_ptr<const metrics::Snapshot> snapshot, qint64 milliseconds) {
        spdlog::info("payroll: snapshot of {} appointments loaded in {} ms", snapshot->appointments.size(),
                     milliseconds);
        snapshot_ = std::move(snapshot);
        recompute();
        setLoading(false);
    });
    connect(loader_, &SnapshotLoader::failed, this, [this](const QString& message) {
        spdlog::error("payroll: loading the snapshot failed: {}", message.toStdString());
        setLoading(false);
        notice_->setText(tr("The practice could not be read: %1").arg(message));
        notice_->setVisible(true);
    });
    settingsBar_->setSettings(settings_);
    refreshLabels();
    stack_->setCurrentWidget(empty_);
}

PayrollView::~PayrollView() = default;

void PayrollView::setDatabase(Store* store)
{
    loader_->cancel();
    store_ = store;
    snapshot_.reset();
    report_.reset();
    clinicianModel_->setReport(nullptr);
    staffModel_->setReport(nullptr);
    setLoading(false);
    stack_->setCurrentIndex(store ? 1 : 0);
    if (!store) {
        refreshLabels();
        return;
    }
    settings_ = metrics::loadPayrollSettings(*store);
    metricSettings_ = metrics::loadMetricSettings(*store);
    period_ = settings_.periods.containing(asOf());
    settingsBar_->setSettings(settings_);
    refreshLabels();
    // The snapshot is read when the view is first shown, not with every database that
    // opens: most sessions never visit Payroll.
    if (isVisible())
        reload();
}

void PayrollView::reload()
{
    if (!store_)
        return;
    settings_ = metrics::loadPayrollSettings(*store_);
    metricSettings_ = metrics::loadMetricSettings(*store_);
    settingsBar_->setSettings(settings_);
    if (store_->inMemory()) {
        // Nothing to load from a worker: read it here (tests and brand-new practices).
        snapshot_ = std::make_shared<const metrics::Snapshot>(metrics::loadSnapshot(*store_));
        recompute();
        return;
    }
    setLoading(true);
    loader_->load(store_->path());
}

void PayrollView::showEvent(QShowEvent* event)
{
    PracticeView::showEvent(event);
    // Rates, roles, timesheets, settings and appointments may have changed in another
    // view since: read them again each time the view comes back. The last payroll stays
    // on screen until the new one is computed.
    if (store_ && !loading_)
        reload();
}

void PayrollView::setAsOf(Day asOf) { asOf_->setDate(toQDate(asOf)); }

Day PayrollView::asOf() const { return dayOf(asOf_->date()); }

void PayrollView::showPeriodContaining(Day day)
{
    period_ = settings_.periods.containing(day);
    recompute();
}

void PayrollView::showPreviousPeriod()
{
    period_ = settings_.periods.previous(period_);
    recompute();
}

void PayrollView::showNextPeriod()
{
    period_ = settings_.periods.next(period_);
    recompute();
}

void PayrollView::applySettings(const metrics::PayrollSettings& changed)
{
    if (changed == settings_)
        return;
    settings_ = changed;
    if (store_) {
        try {
            metrics::savePayrollSettings(*store_, settings_);
        } catch (const std::exception& error) {
            spdlog::error("payroll: saving the settings failed: {}", error.what());
            QMessageBox::warning(this, tr("Payroll settings"), tr("The settings could not be saved: %1")
                                                                   .arg(QString::fromUtf8(error.what())));
        }
        metricSettings_ = metrics::loadMetricSettings(*store_);
    }
    // Keep the period that holds the first day of the one shown: a new rule moves the
    // edges, not the place in time.
    period_ = settings_.periods.containing(period_.first);
    settingsBar_->setSettings(settings_);
    recompute();
}

void PayrollView::recompute()
{
    if (store_ && snapshot_) {
        const auto people = metrics::loadPayrollPeople(store_->connection(), period_);
        report_ = std::make_shared<const metrics::PayrollReport>(
            metrics::computePayroll(*snapshot_, metricSettings_, settings_, people, period_, asOf()));
    } else {
        report_.reset();
    }
    clinicianModel_->setReport(report_);
    staffModel_->setReport(report_);
    // Tables as tall as their rows, so the two stack without a sea of empty rows between
    // them: all the clinicians when there is room (else it scrolls), up to five staff.
    const int clinicians = report_ ? static_cast<int>(report_->clinicians.size()) : 0;
    const int staff = report_ ? static_cast<int>(report_->staff.size()) : 0;
    clinicianTable_->setMinimumHeight(tableHeightFor(clinicianTable_, std::min(clinicians, 4)));
    clinicianTable_->setMaximumHeight(tableHeightFor(clinicianTable_, clinicians));
    staffTable_->setFixedHeight(tableHeightFor(staffTable_, std::min(staff, 5)));
    // No staff: the title says so, an empty table would only repeat it.
    staffTable_->setVisible(staff > 0);
    refreshLabels();
    Q_EMIT reportChanged();
}

void PayrollView::refreshLabels()
{
    periodLabel_->setText(
        tr("%1 – %2").arg(formatDayMedium(period_.first), formatDayMedium(period_.last)));
    daysLabel_->setText(tr("%1 · %2 days")
                            .arg(settings_.periods.kind == metrics::PayPeriodKind::BiWeekly ? tr("Bi-weekly")
                                                                                            : tr("Semi-monthly"))
                            .arg(period_.days()));
    const bool have = report_ != nullptr;
    exportCsv_->setEnabled(have);
    exportPdf_->setEnabled(have);
    if (!have) {
        totals_->setText(loading_ ? tr("Loading…") : QString());
        notice_->setVisible(false);
        return;
    }
    const metrics::PayrollTotals& t = report_->totals;
    const QString muted = theme().mutedText.name(QColor::HexRgb);
    const auto part = [&muted](const QString& title, std::int64_t minutes, Cents pay) {
        return QStringLiteral("<span style=\"color:%1\">%2</span>&nbsp; <b>%3 h</b> · <b>%4</b>")
            .arg(muted, title.toHtmlEscaped(), formatPayrollHours(minutes), formatMoney(pay));
    };
    totals_->setText(part(tr("Clinicians"), t.clinicianMinutes, t.clinicianPay)
                     + QStringLiteral("&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;")
                     + part(tr("Support staff"), t.staffMinutes, t.staffPay)
                     + QStringLiteral("&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;")
                     + part(tr("Total"), t.minutes(), t.pay()));

    QStringList notes;
    if (!report_->periodStarted())
        notes << tr("This period starts after %1, the last day counted: no sessions are counted yet.")
                     .arg(formatDayMedium(report_->sessionsThrough));
    else if (!report_->periodComplete())
        notes << tr("This period is not over: sessions are counted through %1.")
                     .arg(formatDayMedium(report_->sessionsThrough));
    if (t.missingRates > 0)
        notes << (t.missingRates == 1
                      ? tr("One person with hours has no hourly rate, so their pay is not in the totals. "
                           "Set rates in Team & Settings.")
                      : tr("%1 people with hours have no hourly rate, so their pay is not in the totals. "
                           "Set rates in Team & Settings.")
                            .arg(t.missingRates));
    notice_->setText(notes.join(QLatin1Char(' ')));
    notice_->setVisible(!notes.isEmpty());
    staffTitle_->setText(report_->staff.empty() ? tr("Support staff · no timesheet hours in this period")
                                                : tr("Support staff · timesheet hours"));
}

void PayrollView::setLoading(bool loading)
{
    if (loading_ == loading)
        return;
    loading_ = loading;
    if (!report_)
        refreshLabels();
    Q_EMIT busyChanged(loading);
}

QString PayrollView::practiceName() const
{
    if (!store_ || store_->inMemory())
        return tr("Practice");
    return QFileInfo(QString::fromStdString(store_->path().string())).completeBaseName();
}

QString PayrollView::exportCsv(const QString& path) const
{
    if (!report_)
        return tr("There is no payroll to export yet.");
    const QString error = writeTextFile(path, report::payrollCsv(*report_));
    if (error.isEmpty())
        spdlog::info("payroll: exported {} to {} as CSV", formatIsoDay(period_.first), formatIsoDay(period_.last));
    return error;
}

QString PayrollView::exportPdf(const QString& path) const
{
    if (!report_)
        return tr("There is no payroll to export yet.");
    const QString error = writePayrollPdf(*report_, practiceName(), localToday(), path);
    if (error.isEmpty())
        spdlog::info("payroll: exported {} to {} as PDF", formatIsoDay(period_.first), formatIsoDay(period_.last));
    return error;
}

void PayrollView::exportCsvWithDialog()
{
    const QString suggested = QStringLiteral("payroll-%1-to-%2.csv")
                                  .arg(toQString(formatIsoDay(period_.first)), toQString(formatIsoDay(period_.last)));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Payroll CSV"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const QString error = exportCsv(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Export Payroll CSV"), tr("The export failed: %1").arg(error));
}

void PayrollView::exportPdfWithDialog()
{
    const QString suggested = QStringLiteral("payroll-%1-to-%2.pdf")
                                  .arg(toQString(formatIsoDay(period_.first)), toQString(formatIsoDay(period_.last)));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Payroll PDF"), suggested, tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    if (const QString error = exportPdf(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Export Payroll PDF"), tr("The export failed: %1").arg(error));
}

} // namespace caseboard::app
