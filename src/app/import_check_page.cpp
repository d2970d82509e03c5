#include "import_check_page.h"

#include "app_style.h"
#include "data_table.h"
#include "display_format.h"
#include "import_report_text.h"
#include "signal_colors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <set>

namespace caseboard::app {

namespace {

QString sentencesHtml(const QStringList& sentences)
{
    QString html;
    for (const QString& sentence : sentences)
        html += QStringLiteral("<p style=\"margin: 3px 0\">\u2022&nbsp; %1</p>").arg(sentence.toHtmlEscaped());
    return html;
}

} // namespace

ImportCheckPage::ImportCheckPage(QWidget* parent)
    : QWidget(parent),
      stack_(new QStackedWidget(this)),
      checkingText_(new QLabel(this)),
      intro_(new QLabel(this)),
      sentencesLabel_(new QLabel(this)),
      clinicians_(new QLabel(this)),
      statusesBox_(new QGroupBox(tr("Statuses Caseboard has not seen before"), this)),
      statusesGrid_(new QGridLayout),
      table_(new QTableWidget(this)),
      skip_(new QCheckBox(tr("Import the other rows when some rows have a problem"), this)),
      rejects_(new QPushButton(tr("See Rows That Cannot Be Imported\u2026"), this))
{
    setObjectName(QStringLiteral("ImportCheckPage"));

    auto* checking = new QWidget(this);
    auto* bar = new QProgressBar(checking);
    bar->setObjectName(QStringLiteral("BusyBar"));
    bar->setRange(0, 0);
    bar->setTextVisible(false);
    bar->setFixedWidth(320);
    checkingText_->setAlignment(Qt::AlignCenter);
    checkingText_->setWordWrap(true);
    auto* checkingLayout = new QVBoxLayout(checking);
    checkingLayout->addStretch(1);
    checkingLayout->addWidget(checkingText_);
    checkingLayout->addWidget(bar, 0, Qt::AlignHCenter);
    checkingLayout->addStretch(2);

    auto* results = new QWidget(this);
    intro_->setWordWrap(true);
    intro_->setObjectName(QStringLiteral("MutedLabel"));
    intro_->setText(tr("Nothing has been written yet. Caseboard read every row of your files and worked out what "
                       "importing them will do:"));
    QFont big = sentencesLabel_->font();
    big.setPointSizeF(big.pointSizeF() * 1.12);
    sentencesLabel_->setFont(big);
    sentencesLabel_->setTextFormat(Qt::RichText);
    sentencesLabel_->setWordWrap(true);
    clinicians_->setWordWrap(true);

    auto* statusHint = new QLabel(tr("Rows with these statuses cannot be imported until you say what each one "
                                     "counts as. Your choice is remembered for every later import, and the "
                                     "numbers above are worked out again."),
                                  statusesBox_);
    statusHint->setWordWrap(true);
    statusHint->setObjectName(QStringLiteral("MutedLabel"));
    auto* statusLayout = new QVBoxLayout(statusesBox_);
    statusLayout->addWidget(statusHint);
    statusLayout->addLayout(statusesGrid_);
    statusesGrid_->setColumnStretch(3, 1);
    statusesGrid_->setHorizontalSpacing(14);

    table_->setObjectName(QStringLiteral("ImportCheckTable"));
    setUpDataTable(table_, 30);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->horizontalHeader()->setSectionsMovable(false);
    table_->setFocusPolicy(Qt::NoFocus); // a summary to read: no focus frame on its first cell
    rejects_->setObjectName(QStringLiteral("SecondaryButton"));
    skip_->setChecked(true);
    skip_->setToolTip(tr("When this is off, a file with any problem row is not imported at all."));

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(skip_);
    bottom->addStretch(1);
    bottom->addWidget(rejects_);

    auto* resultsLayout = new QVBoxLayout(results);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->setSpacing(10);
    resultsLayout->addWidget(intro_);
    resultsLayout->addWidget(sentencesLabel_);
    resultsLayout->addWidget(clinicians_);
    resultsLayout->addWidget(statusesBox_);
    resultsLayout->addWidget(table_);
    resultsLayout->addLayout(bottom);
    resultsLayout->addStretch(1);

    stack_->addWidget(checking);
    stack_->addWidget(results);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(stack_);

    connect(skip_, &QCheckBox::toggled, this, &ImportCheckPage::skipBadRowsChanged);
    connect(rejects_, &QPushButton::clicked, this, [this] {
        int row = table_->currentRow();
        if (row < 0 || row >= static_cast<int>(rejectedPerReport_.size()) || rejectedPerReport_[row] == 0)
            for (row = 0; row < static_cast<int>(rejectedPerReport_.size()) && rejectedPerReport_[row] == 0; ++row) {
            }
        if (row < static_cast<int>(rejectedPerReport_.size()))
            Q_EMIT rejectsRequested(row);
    });
}

void ImportCheckPage::showChecking(int files)
{
    checkingText_->setText(files == 1 ? tr("Reading the file to see what importing it will change. Nothing is "
                                           "written yet.")
                                      : tr("Reading the %1 files to see what importing them will change. Nothing is "
                                           "written yet.")
                                            .arg(files));
    stack_->setCurrentIndex(0);
}

void ImportCheckPage::showResult(const ImportRunResult& result, const import::PresetCatalog& catalog)
{
    stack_->setCurrentIndex(1);
    sentences_ = reportSentences(result.reports, true);
    if (!result.error.isEmpty())
        sentences_ << tr("Caseboard could not check the files: %1").arg(result.error);
    sentencesLabel_->setText(sentencesHtml(sentences_));

    std::set<std::string> clinicians;
    std::map<std::string, std::uint64_t> statuses;
    rejectedPerReport_.clear();
    for (const import::FileReport& report : result.reports) {
        clinicians.insert(report.newClinicians.begin(), report.newClinicians.end());
        for (const auto& entry : report.unknownStatuses)
            statuses[entry.first] += entry.second;
        rejectedPerReport_.push_back(report.issues.empty() ? 0 : report.rejected);
    }
    QStringList names;
    for (const std::string& name : clinicians)
        names << QString::fromStdString(name);
    clinicians_->setVisible(!names.isEmpty());
    clinicians_->setText(tr("<b>New to your team:</b> %1. They will be added as clinicians; set their goals in "
                            "Team &amp; Settings afterwards.")
                             .arg(names.join(QStringLiteral(", ")).toHtmlEscaped()));

    while (QLayoutItem* item = statusesGrid_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    statusCombos_.clear();
    int row = 0;
    for (const auto& entry : statuses) {
        const QString raw = QString::fromStdString(entry.first);
        auto* name = new QLabel(QStringLiteral("\u201c%1\u201d").arg(raw.isEmpty() ? tr("(blank)") : raw), statusesBox_);
        name->setStyleSheet(QStringLiteral("font-weight: 600;"));
        auto* rows = new QLabel(entry.second == 1 ? tr("1 row") : tr("%1 rows").arg(formatCount(static_cast<qint64>(entry.second))), statusesBox_);
        rows->setObjectName(QStringLiteral("MutedLabel"));
        auto* combo = new QComboBox(statusesBox_);
        combo->addItem(tr("Choose what it counts as\u2026"), -1);
        for (int c = 0; c < kStatusCategoryCount; ++c)
            combo->addItem(statusLabel(static_cast<StatusCategory>(c)), c);
        connect(combo, &QComboBox::activated, this, [this, raw, combo](int index) {
            const int category = combo->itemData(index).toInt();
            if (category >= 0)
                Q_EMIT statusMapped(raw, static_cast<StatusCategory>(category));
        });
        statusesGrid_->addWidget(name, row, 0);
        statusesGrid_->addWidget(rows, row, 1);
        statusesGrid_->addWidget(combo, row, 2);
        for (QWidget* widget : {static_cast<QWidget*>(name), static_cast<QWidget*>(rows), static_cast<QWidget*>(combo)})
            widget->show();
        statusCombos_[raw] = combo;
        ++row;
    }
    statusesBox_->setVisible(!statuses.empty());

    fillReportTable(table_, result.reports, catalog);
    std::uint64_t rejected = 0;
    for (const std::uint64_t n : rejectedPerReport_)
        rejected += n;
    rejects_->setEnabled(rejected > 0);
}

bool ImportCheckPage::skipBadRows() const { return skip_->isChecked(); }

QString ImportCheckPage::newCliniciansText() const { return clinicians_->isVisibleTo(this) ? clinicians_->text() : QString(); }

QComboBox* ImportCheckPage::statusCombo(const QString& rawStatus) const
{
    const auto found = statusCombos_.find(rawStatus);
    return found == statusCombos_.end() ? nullptr : found->second;
}

} // namespace caseboard::app
