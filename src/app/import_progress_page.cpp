#include "import_progress_page.h"

#include "display_format.h"
#include "import_worker.h"

#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace caseboard::app {

namespace {
constexpr int kBarSteps = 1000;
}

ImportProgressPage::ImportProgressPage(QWidget* parent)
    : QWidget(parent),
      title_(new QLabel(tr("Importing"), this)),
      file_(new QLabel(this)),
      bar_(new QProgressBar(this)),
      stats_(new QLabel(this)),
      note_(new QLabel(this)),
      cancel_(new QPushButton(tr("Cancel Import"), this))
{
    setObjectName(QStringLiteral("ImportProgressPage"));
    QFont titleFont = title_->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setWeight(QFont::DemiBold);
    title_->setFont(titleFont);
    bar_->setRange(0, kBarSteps);
    bar_->setTextVisible(false);
    bar_->setObjectName(QStringLiteral("BusyBar"));
    bar_->setMinimumWidth(460);
    stats_->setObjectName(QStringLiteral("MutedLabel"));
    note_->setObjectName(QStringLiteral("MutedLabel"));
    note_->setWordWrap(true);
    note_->setAlignment(Qt::AlignCenter);
    note_->setText(tr("A backup of your database was saved before anything was written. If you cancel, "
                      "Caseboard puts everything back exactly as it was."));
    note_->setFixedWidth(520);
    note_->setMinimumHeight(note_->heightForWidth(520)); // a centred label gets only its one-line hint otherwise
    cancel_->setObjectName(QStringLiteral("SecondaryButton"));

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(title_, 0, Qt::AlignHCenter);
    layout->addWidget(file_, 0, Qt::AlignHCenter);
    layout->addSpacing(8);
    layout->addWidget(bar_, 0, Qt::AlignHCenter);
    layout->addWidget(stats_, 0, Qt::AlignHCenter);
    layout->addSpacing(12);
    layout->addWidget(note_, 0, Qt::AlignHCenter);
    layout->addSpacing(12);
    layout->addWidget(cancel_, 0, Qt::AlignHCenter);
    layout->addStretch(2);

    connect(cancel_, &QPushButton::clicked, this, &ImportProgressPage::cancelRequested);
}

void ImportProgressPage::start(const QStringList& fileNames)
{
    fileNames_ = fileNames;
    title_->setText(tr("Importing"));
    bar_->setValue(0);
    stats_->setText(tr("Saving a backup of your database first\u2026"));
    file_->setText(fileNames.isEmpty() ? QString() : fileNames.first());
    cancel_->setEnabled(true);
    cancel_->setText(tr("Cancel Import"));
}

void ImportProgressPage::update(const ImportWorker& worker)
{
    const int index = std::clamp(worker.currentFile(), 0, static_cast<int>(fileNames_.size()) - 1);
    if (index >= 0 && !fileNames_.isEmpty())
        file_->setText(fileNames_.size() == 1 ? fileNames_.at(index)
                                              : tr("%1  (file %2 of %3)")
                                                    .arg(fileNames_.at(index))
                                                    .arg(index + 1)
                                                    .arg(fileNames_.size()));
    const std::uint64_t total = worker.bytesTotal();
    const std::uint64_t done = worker.bytesDone();
    if (total > 0)
        bar_->setValue(static_cast<int>(std::min<std::uint64_t>(done, total) * kBarSteps / total));
    if (worker.isCancelling())
        return;
    const double seconds = worker.secondsElapsed();
    if (done == 0 && worker.rowsRead() == 0)
        return; // still backing up
    const double megabytesPerSecond = seconds > 0.05 ? static_cast<double>(done) / 1e6 / seconds : 0.0;
    stats_->setText(tr("%1 rows read  \u00b7  %2 MB/s")
                        .arg(formatCount(static_cast<qint64>(worker.rowsRead())),
                             QLocale().toString(megabytesPerSecond, 'f', 1)));
}

void ImportProgressPage::showCancelling()
{
    title_->setText(tr("Cancelling"));
    stats_->setText(tr("Putting everything back as it was\u2026"));
    cancel_->setEnabled(false);
}

QString ImportProgressPage::statsText() const { return stats_->text(); }

} // namespace caseboard::app
