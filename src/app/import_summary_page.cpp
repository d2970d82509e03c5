#include "import_summary_page.h"

#include "data_table.h"
#include "import_report_text.h"
#include "signal_colors.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace caseboard::app {

ImportSummaryPage::ImportSummaryPage(QWidget* parent)
    : QWidget(parent),
      headline_(new QLabel(this)),
      body_(new QLabel(this)),
      table_(new QTableWidget(this)),
      backup_(new QLabel(this)),
      rejects_(new QPushButton(tr("See Rows Not Imported\u2026"), this))
{
    setObjectName(QStringLiteral("ImportSummaryPage"));
    QFont font = headline_->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setWeight(QFont::DemiBold);
    headline_->setFont(font);
    QFont big = body_->font();
    big.setPointSizeF(big.pointSizeF() * 1.12);
    body_->setFont(big);
    body_->setWordWrap(true);
    body_->setTextFormat(Qt::RichText);
    backup_->setWordWrap(true);
    backup_->setObjectName(QStringLiteral("MutedLabel"));
    backup_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setUpDataTable(table_, 30);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->horizontalHeader()->setSectionsMovable(false);
    table_->setFocusPolicy(Qt::NoFocus); // a summary to read: no focus frame on its first cell
    rejects_->setObjectName(QStringLiteral("SecondaryButton"));

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(backup_, 1);
    bottom->addWidget(rejects_, 0, Qt::AlignTop);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(headline_);
    layout->addWidget(body_);
    layout->addWidget(table_);
    layout->addLayout(bottom);
    layout->addStretch(1);

    connect(rejects_, &QPushButton::clicked, this, [this] {
        int row = table_->currentRow();
        if (row < 0 || row >= static_cast<int>(hasRejects_.size()) || !hasRejects_[row])
            for (row = 0; row < static_cast<int>(hasRejects_.size()) && !hasRejects_[row]; ++row) {
            }
        if (row < static_cast<int>(hasRejects_.size()))
            Q_EMIT rejectsRequested(row);
    });
}

void ImportSummaryPage::showResult(const ImportRunResult& result, const import::PresetCatalog& catalog)
{
    bool anyImported = false;
    bool anyFailed = false;
    hasRejects_.clear();
    for (const import::FileReport& report : result.reports) {
        anyImported = anyImported || report.imported();
        anyFailed = anyFailed || report.outcome == import::FileOutcome::Rejected;
        hasRejects_.push_back(!report.issues.empty());
    }
    if (!result.error.isEmpty()) {
        headline_->setText(tr("The import did not finish"));
        sentences_ = {tr("Caseboard stopped: %1").arg(result.error)};
    } else if (result.cancelled) {
        headline_->setText(tr("Import cancelled \u2014 nothing was changed"));
        sentences_ = {result.backupRestored
                          ? tr("The files read before you cancelled were taken out again; your database is exactly "
                               "as it was before the import.")
                          : tr("Your database is exactly as it was before the import.")};
    } else {
        headline_->setText(anyFailed ? (anyImported ? tr("Import finished, but not every file could be imported")
                                                    : tr("Nothing was imported"))
                                     : tr("Import finished"));
        sentences_ = reportSentences(result.reports, false);
    }
    QString html;
    for (const QString& sentence : sentences_)
        html += QStringLiteral("<p style=\"margin: 3px 0\">\u2022&nbsp; %1</p>").arg(sentence.toHtmlEscaped());
    body_->setText(html);

    fillReportTable(table_, result.reports, catalog, result.backupRestored);
    bool rejects = false;
    for (const bool has : hasRejects_)
        rejects = rejects || has;
    rejects_->setVisible(rejects);

    if (result.backup && !result.cancelled) {
        backup_->setText(tr("Before importing, Caseboard saved a copy of your database as \u201c%1\u201d. To undo "
                            "this import, roll it back in Import history, or use File \u203a Restore Backup.")
                             .arg(QFileInfo(QString::fromStdU16String(result.backup->path.u16string())).fileName()));
        backup_->show();
    } else {
        backup_->hide();
    }
}

QString ImportSummaryPage::headline() const { return headline_->text(); }

} // namespace caseboard::app
