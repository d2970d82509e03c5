#include "prepare_all_dialog.h"

#include "supervision_rows.h"

#include <QCheckBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QRadioButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <spdlog/spdlog.h>

namespace caseboard::app {

PrepareAllDialog::PrepareAllDialog(PacketJob job, QWidget* parent)
    : QDialog(parent),
      job_(std::move(job)),
      folder_(new QLineEdit(this)),
      perClinician_(new QRadioButton(tr("One PDF per clinician"), this)),
      perSupervisor_(new QRadioButton(tr("One PDF per supervisor's team"), this)),
      initials_(new QCheckBox(tr("Show client names as initials"), this)),
      progress_(new QProgressBar(this)),
      result_(new QLabel(this)),
      prepare_(new QPushButton(tr("Prepare"), this)),
      openFolder_(new QPushButton(tr("Open Folder"), this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("PrepareAllDialog"));
    setWindowTitle(tr("Prepare all supervision packets"));
    setMinimumWidth(520);

    const int count = static_cast<int>(job_.clinicians.size());
    const QString month = monthName(job_.month);
    const QString introText =
        count == 1 ? tr("Writes the %1 packet of the one clinician on staff that month: their numbers, follow-up "
                        "lists, last goals and this month's goals and notes.")
                         .arg(month)
                   : tr("Writes the %1 packet of each of the %2 clinicians on staff that month: their numbers, "
                        "follow-up lists, last goals and this month's goals and notes.")
                         .arg(month)
                         .arg(count);
    auto* intro = new QLabel(introText, this);
    intro->setWordWrap(true);
    folder_->setObjectName(QStringLiteral("PacketFolder"));
    folder_->setText(job_.folder.isEmpty() ? QDir::homePath() : job_.folder);
    auto* browse = new QPushButton(tr("Choose\u2026"), this);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(folder_, 1);
    folderRow->addWidget(browse);
    perClinician_->setChecked(job_.grouping == PacketGrouping::PerClinician);
    perSupervisor_->setChecked(job_.grouping == PacketGrouping::PerSupervisor);
    initials_->setObjectName(QStringLiteral("PacketInitials"));
    initials_->setChecked(job_.initials);
    initials_->setToolTip(tr("For packets that leave the practice's hands: \"Jane Doe\" becomes \"J. D.\""));
    progress_->setRange(0, static_cast<int>(job_.clinicians.size()) + 1);
    progress_->setValue(0);
    progress_->setTextVisible(true);
    result_->setObjectName(QStringLiteral("PrepareResult"));
    result_->setWordWrap(true);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    prepare_->setObjectName(QStringLiteral("PrepareButton"));
    prepare_->setDefault(true);
    buttons_->addButton(prepare_, QDialogButtonBox::ActionRole);
    openFolder_->setObjectName(QStringLiteral("OpenPacketFolder"));
    openFolder_->setEnabled(false);
    buttons_->addButton(openFolder_, QDialogButtonBox::ActionRole);

    auto* form = new QFormLayout;
    form->addRow(tr("Folder:"), folderRow);
    auto* grouping = new QVBoxLayout;
    grouping->addWidget(perClinician_);
    grouping->addWidget(perSupervisor_);
    form->addRow(tr("Files:"), grouping);
    form->addRow(tr("Privacy:"), initials_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addWidget(progress_);
    layout->addWidget(result_);
    layout->addWidget(buttons_);

    connect(browse, &QPushButton::clicked, this, &PrepareAllDialog::chooseFolder);
    connect(prepare_, &QPushButton::clicked, this, &PrepareAllDialog::start);
    connect(openFolder_, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(folder_->text().trimmed()));
    });
    connect(buttons_, &QDialogButtonBox::rejected, this, &PrepareAllDialog::reject);
    connect(folder_, &QLineEdit::textChanged, this, &PrepareAllDialog::updateButtons);
    updateButtons();
}

PrepareAllDialog::~PrepareAllDialog()
{
    // The worker holds only copies; wait so it never outlives the process's Qt objects.
    if (watcher_)
        watcher_->waitForFinished();
}

void PrepareAllDialog::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder for the packets"), folder_->text());
    if (!folder.isEmpty())
        folder_->setText(folder);
}

void PrepareAllDialog::updateButtons()
{
    prepare_->setEnabled(!watcher_ && !folder_->text().trimmed().isEmpty() && !job_.clinicians.empty());
}

void PrepareAllDialog::start()
{
    if (watcher_)
        return;
    const QString folder = folder_->text().trimmed();
    if (!QDir().mkpath(folder)) {
        result_->setText(tr("Could not create the folder %1.").arg(folder));
        return;
    }
    PacketJob job = job_;
    job.folder = folder;
    job.grouping = perSupervisor_->isChecked() ? PacketGrouping::PerSupervisor : PacketGrouping::PerClinician;
    job.initials = initials_->isChecked();
    result_->setText(tr("Preparing\u2026"));
    progress_->setValue(0);

    watcher_ = new QFutureWatcher<PacketBatchOutcome>(this);
    connect(watcher_, &QFutureWatcherBase::progressValueChanged, progress_, &QProgressBar::setValue);
    connect(watcher_, &QFutureWatcherBase::finished, this, [this] {
        outcome_ = watcher_->future().results().value(0);
        watcher_->deleteLater();
        watcher_ = nullptr;
        progress_->setValue(progress_->maximum());
        if (outcome_.error.isEmpty()) {
            const qsizetype written = outcome_.files.size();
            result_->setText((written == 1 ? tr("Wrote 1 PDF file to %1.") : tr("Wrote %2 PDF files to %1."))
                                 .arg(QDir::toNativeSeparators(folder_->text().trimmed()))
                                 .arg(written));
            openFolder_->setEnabled(true);
            spdlog::info("supervision: wrote {} packet files", outcome_.files.size());
        } else {
            result_->setText(tr("Stopped: %1").arg(outcome_.error));
            spdlog::error("supervision: writing packets failed after {} files", outcome_.files.size());
        }
        updateButtons();
        Q_EMIT packetsWritten();
    });
    watcher_->setFuture(QtConcurrent::run([job](QPromise<PacketBatchOutcome>& promise) {
        promise.setProgressRange(0, static_cast<int>(job.clinicians.size()) + 1);
        PacketBatchOutcome outcome;
        try {
            outcome = writePacketBatch(job, [&promise](int done, int) { promise.setProgressValue(done); });
        } catch (const std::exception& error) {
            outcome.error = QString::fromUtf8(error.what());
        }
        promise.addResult(outcome);
    }));
    updateButtons();
}

void PrepareAllDialog::reject()
{
    if (watcher_)
        return; // writing: the files would be left half done
    QDialog::reject();
}

} // namespace caseboard::app
