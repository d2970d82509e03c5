#include "import_wizard.h"

#include "app_style.h"
#include "icons.h"
#include "import_check_page.h"
#include "import_file_panel.h"
#include "import_progress_page.h"
#include "import_summary_page.h"
#include "rejects_dialog.h"
#include "signal_colors.h"

#include "caseboard/import/mapping_suggestion.h"
#include "caseboard/store/store.h"

#include <QCloseEvent>
#include <QCoreApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

namespace caseboard::app {

namespace {

enum Page { kFilesPage, kCheckPage, kProgressPage, kSummaryPage };

QString stepsHtml(int current)
{
    const QStringList steps{QCoreApplication::translate("ImportWizard", "Check the files"),
                            QCoreApplication::translate("ImportWizard", "See what will change"),
                            QCoreApplication::translate("ImportWizard", "Import"),
                            QCoreApplication::translate("ImportWizard", "Done")};
    QStringList parts;
    for (int i = 0; i < steps.size(); ++i) {
        const QString text = QStringLiteral("%1&nbsp;&nbsp;%2").arg(i + 1).arg(steps.at(i).toHtmlEscaped());
        if (i == current)
            parts << QStringLiteral("<span style=\"color:%1; font-weight:600\">%2</span>").arg(theme().accent.name(), text);
        else
            parts << QStringLiteral("<span style=\"color:%1\">%2</span>").arg(theme().mutedText.name(), text);
    }
    return parts.join(QStringLiteral("<span style=\"color:%1\">&nbsp;&nbsp;&nbsp;\u203a&nbsp;&nbsp;&nbsp;</span>")
                          .arg(theme().mutedText.name()));
}

} // namespace

QStringList localFilesOf(const QMimeData* mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl& url : mime->urls()) {
        if (!url.isLocalFile() || !QFileInfo(url.toLocalFile()).isFile())
            return {};
        files << url.toLocalFile();
    }
    return files;
}

ImportWizard::ImportWizard(Store& store, QString backupDirectory, const QStringList& files, QWidget* parent)
    : QDialog(parent),
      store_(store),
      backupDirectory_(std::move(backupDirectory)),
      importer_(std::make_unique<import::Importer>(store)),
      stepsLabel_(new QLabel(this)),
      pages_(new QStackedWidget(this)),
      fileList_(new QListWidget(this)),
      filesHint_(new QLabel(this)),
      panel_(new ImportFilePanel(*importer_, this)),
      check_(new ImportCheckPage(this)),
      progress_(new ImportProgressPage(this)),
      summary_(new ImportSummaryPage(this)),
      worker_(new ImportWorker(this)),
      progressTimer_(new QTimer(this)),
      addFiles_(new QPushButton(tr("Add Files\u2026"), this)),
      removeFile_(new QPushButton(tr("Remove"), this)),
      back_(new QPushButton(tr("Back"), this)),
      cancel_(new QPushButton(tr("Cancel"), this)),
      next_(new QPushButton(this))
{
    setObjectName(QStringLiteral("ImportWizard"));
    setWindowTitle(tr("Import Files"));
    setAcceptDrops(true);
    resize(1120, 700);

    stepsLabel_->setTextFormat(Qt::RichText);

    // Files: the list on the left, the selected file on the right.
    auto* filesPage = new QWidget(this);
    fileList_->setObjectName(QStringLiteral("ImportFileList"));
    fileList_->setIconSize(QSize(16, 16));
    fileList_->setFixedWidth(250);
    fileList_->setWordWrap(true);
    fileList_->setSpacing(3);
    filesHint_->setWordWrap(true);
    filesHint_->setObjectName(QStringLiteral("MutedLabel"));
    filesHint_->setFixedWidth(250);
    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(addFiles_);
    listButtons->addWidget(removeFile_);
    listButtons->addStretch(1);
    auto* left = new QVBoxLayout;
    left->addWidget(fileList_, 1);
    left->addLayout(listButtons);
    left->addWidget(filesHint_);
    auto* filesLayout = new QHBoxLayout(filesPage);
    filesLayout->setContentsMargins(0, 0, 0, 0);
    filesLayout->setSpacing(20);
    filesLayout->addLayout(left);
    filesLayout->addWidget(panel_, 1);

    pages_->addWidget(filesPage);
    pages_->addWidget(check_);
    pages_->addWidget(progress_);
    pages_->addWidget(summary_);

    addFiles_->setObjectName(QStringLiteral("SecondaryButton"));
    removeFile_->setObjectName(QStringLiteral("SecondaryButton"));
    next_->setObjectName(QStringLiteral("PrimaryButton"));
    next_->setDefault(true);
    // A step that cannot go on yet must look it: the shared style has no disabled look.
    setStyleSheet(QStringLiteral("QPushButton#PrimaryButton:disabled { background: %1; border-color: %1; color: %2; }")
                      .arg(theme().border.name(), theme().mutedText.name()));
    back_->setObjectName(QStringLiteral("SecondaryButton"));
    cancel_->setObjectName(QStringLiteral("SecondaryButton"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(back_);
    buttons->addStretch(1);
    buttons->addWidget(cancel_);
    buttons->addWidget(next_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 16);
    layout->setSpacing(14);
    layout->addWidget(stepsLabel_);
    layout->addWidget(pages_, 1);
    layout->addLayout(buttons);

    connect(fileList_, &QListWidget::currentRowChanged, this, &ImportWizard::showSelectedFile);
    connect(panel_, &ImportFilePanel::choiceChanged, this, &ImportWizard::refreshFileList);
    connect(addFiles_, &QPushButton::clicked, this, &ImportWizard::chooseFilesToAdd);
    connect(removeFile_, &QPushButton::clicked, this, &ImportWizard::removeSelectedFile);
    connect(next_, &QPushButton::clicked, this, &ImportWizard::goNext);
    connect(back_, &QPushButton::clicked, this, &ImportWizard::goBack);
    connect(cancel_, &QPushButton::clicked, this, &ImportWizard::reject);
    connect(check_, &ImportCheckPage::statusMapped, this, &ImportWizard::mapStatus);
    connect(check_, &ImportCheckPage::skipBadRowsChanged, this, [this] { runDryRun(); });
    connect(check_, &ImportCheckPage::rejectsRequested, this, [this](int index) { showRejects(index); });
    connect(summary_, &ImportSummaryPage::rejectsRequested, this, [this](int index) { showRejects(index); });
    connect(progress_, &ImportProgressPage::cancelRequested, this, [this] {
        worker_->cancel();
        progress_->showCancelling();
    });
    connect(worker_, &ImportWorker::finished, this, &ImportWizard::workerFinished);
    progressTimer_->setInterval(120);
    connect(progressTimer_, &QTimer::timeout, this, [this] { progress_->update(*worker_); });

    addFiles(files);
    setStep(Step::Files);
}

ImportWizard::~ImportWizard() = default;

void ImportWizard::addFiles(const QStringList& paths)
{
    for (const QString& path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        const bool known = std::any_of(files_.begin(), files_.end(),
                                       [&absolute](const ImportFileChoice& f) { return f.path == absolute; });
        if (known)
            continue;
        ImportFileChoice choice;
        choice.path = absolute;
        choice.refreshPreview(importer_->catalog(), importer_->statuses());
        // An unknown layout goes straight to matching its columns by hand.
        if (choice.preview.preset.empty() && !choice.preview.header.empty()) {
            choice.mapping = import::suggestMapping(choice.preview.header);
            choice.refreshPreview(importer_->catalog(), importer_->statuses());
        }
        files_.push_back(std::move(choice));
    }
    refreshFileList();
    if (fileList_->currentRow() < 0 && !files_.empty())
        fileList_->setCurrentRow(0);
    showSelectedFile(); // adding may have moved the choices in memory
}

void ImportWizard::showSelectedFile()
{
    const int row = fileList_->currentRow();
    panel_->setChoice(row >= 0 && row < fileCount() ? &files_[static_cast<std::size_t>(row)] : nullptr);
    removeFile_->setEnabled(row >= 0 && step_ == Step::Files);
}

void ImportWizard::selectFile(int index) { fileList_->setCurrentRow(index); }

void ImportWizard::refreshFileList()
{
    const int current = fileList_->currentRow();
    const QSignalBlocker blocker(fileList_);
    fileList_->clear();
    int notReady = 0;
    for (const ImportFileChoice& choice : files_) {
        const bool ready = choice.ready();
        const bool unsure = ready && !choice.mapping && !choice.preset && choice.preview.confidence < kSureConfidence;
        notReady += ready ? 0 : 1;
        QString second;
        if (!ready)
            second = tr("Needs your help");
        else if (choice.mapping)
            second = tr("Columns matched by hand");
        else
            second = presetTitle(importer_->catalog(), choice.preview.preset);
        auto* item = new QListWidgetItem(QStringLiteral("%1\n%2").arg(QFileInfo(choice.path).fileName(), second));
        item->setForeground(QBrush(ready && !unsure ? theme().text : signalInk(ready ? Signal::Watch : Signal::Bad)));
        item->setToolTip(choice.path);
        fileList_->addItem(item);
    }
    if (current >= 0 && current < fileList_->count())
        fileList_->setCurrentRow(current);
    if (files_.empty())
        filesHint_->setText(tr("Drop export files here, or add them with the button above."));
    else if (notReady > 0)
        filesHint_->setText(notReady == 1 ? tr("One file cannot be read as it is. Match its columns, or remove it.")
                                         : tr("%1 files cannot be read as they are. Match their columns, or remove "
                                              "them.")
                                               .arg(notReady));
    else
        filesHint_->setText(tr("Check each file\u2019s first rows. Nothing is written until you choose Import."));
    updateButtons();
}

void ImportWizard::chooseFilesToAdd()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Add Files to Import"), QDir::homePath(),
                                                            tr("Exports (*.csv *.txt);;All files (*)"));
    addFiles(paths);
}

void ImportWizard::removeSelectedFile()
{
    const int row = fileList_->currentRow();
    if (row < 0 || row >= fileCount())
        return;
    panel_->setChoice(nullptr);
    files_.erase(files_.begin() + row);
    refreshFileList();
    fileList_->setCurrentRow(std::min(row, fileCount() - 1));
    showSelectedFile();
}

std::vector<ImportJob> ImportWizard::jobs() const
{
    std::vector<ImportJob> jobs;
    for (const ImportFileChoice& choice : files_) {
        ImportJob job{choice.path, choice.options()};
        job.options.skipBadRows = check_->skipBadRows();
        jobs.push_back(std::move(job));
    }
    return jobs;
}

bool ImportWizard::isWorking() const { return worker_->isRunning(); }

void ImportWizard::goNext()
{
    switch (step_) {
    case Step::Files:
        runDryRun();
        break;
    case Step::Check:
        startImport();
        break;
    case Step::Done:
        accept();
        break;
    default:
        break;
    }
}

void ImportWizard::goBack()
{
    if (step_ == Step::Check)
        setStep(Step::Files);
}

void ImportWizard::runDryRun()
{
    if (worker_->isRunning() || files_.empty())
        return;
    setStep(Step::Checking);
    check_->showChecking(fileCount());
    Q_EMIT storeInUse(true);
    worker_->start(store_, *importer_, jobs(), true, {});
}

void ImportWizard::startImport()
{
    if (worker_->isRunning() || files_.empty())
        return;
    QStringList names;
    for (const ImportFileChoice& choice : files_)
        names << QFileInfo(choice.path).fileName();
    setStep(Step::Importing);
    progress_->start(names);
    Q_EMIT storeInUse(true);
    spdlog::info("GUI import of {} file(s) started", files_.size());
    worker_->start(store_, *importer_, jobs(), false, backupDirectory_);
    progressTimer_->start();
}

void ImportWizard::workerFinished()
{
    progressTimer_->stop();
    const ImportRunResult& result = worker_->result();
    Q_EMIT storeInUse(false);
    if (result.dryRun) {
        dryRun_ = result;
        if (closeWhenIdle_) {
            QDialog::reject();
            return;
        }
        check_->showResult(dryRun_, importer_->catalog());
        setStep(Step::Check);
        return;
    }
    importRun_ = result;
    progress_->update(*worker_);
    summary_->showResult(importRun_, importer_->catalog());
    setStep(Step::Done);
    // Even a cancel may have put a backup back: the views read everything again.
    Q_EMIT practiceDataChanged();
    if (closeWhenIdle_)
        accept();
}

void ImportWizard::mapStatus(const QString& rawStatus, StatusCategory category)
{
    if (worker_->isRunning())
        return;
    importer_->statuses().set(rawStatus.toStdString(), category);
    importer_->statuses().save(store_);
    for (ImportFileChoice& choice : files_)
        choice.refreshPreview(importer_->catalog(), importer_->statuses());
    showSelectedFile();
    runDryRun();
}

RejectsDialog* ImportWizard::showRejects(int reportIndex)
{
    const ImportRunResult& run = step_ == Step::Done ? importRun_ : dryRun_;
    if (reportIndex < 0 || reportIndex >= static_cast<int>(run.reports.size()))
        return nullptr;
    auto* dialog = new RejectsDialog(run.reports[static_cast<std::size_t>(reportIndex)], this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void ImportWizard::setStep(Step step)
{
    step_ = step;
    switch (step) {
    case Step::Files:
        pages_->setCurrentIndex(kFilesPage);
        stepsLabel_->setText(stepsHtml(0));
        break;
    case Step::Checking:
    case Step::Check:
        pages_->setCurrentIndex(kCheckPage);
        stepsLabel_->setText(stepsHtml(1));
        break;
    case Step::Importing:
        pages_->setCurrentIndex(kProgressPage);
        stepsLabel_->setText(stepsHtml(2));
        break;
    case Step::Done:
        pages_->setCurrentIndex(kSummaryPage);
        stepsLabel_->setText(stepsHtml(3));
        break;
    }
    updateButtons();
    Q_EMIT stepChanged(step);
}

void ImportWizard::updateButtons()
{
    const bool allReady = !files_.empty() && std::all_of(files_.begin(), files_.end(),
                                                          [](const ImportFileChoice& f) { return f.ready(); });
    back_->setVisible(step_ == Step::Check || step_ == Step::Checking);
    back_->setEnabled(step_ == Step::Check);
    cancel_->setVisible(step_ != Step::Done && step_ != Step::Importing);
    next_->setVisible(step_ != Step::Importing);
    addFiles_->setEnabled(step_ == Step::Files);
    switch (step_) {
    case Step::Files:
        next_->setText(tr("Check What Will Change"));
        next_->setEnabled(allReady);
        break;
    case Step::Checking:
        next_->setText(tr("Import"));
        next_->setEnabled(false);
        break;
    case Step::Check: {
        bool anything = false;
        for (const import::FileReport& report : dryRun_.reports)
            anything = anything || report.imported();
        next_->setText(fileCount() == 1 ? tr("Import") : tr("Import %1 Files").arg(fileCount()));
        next_->setEnabled(anything && dryRun_.error.isEmpty());
        break;
    }
    case Step::Importing:
        break;
    case Step::Done:
        next_->setText(tr("Close"));
        next_->setEnabled(true);
        break;
    }
}

void ImportWizard::reject()
{
    // The store is in use until the worker stops: cancel it and close once it has.
    if (worker_->isRunning()) {
        closeWhenIdle_ = true;
        worker_->cancel();
        if (step_ == Step::Importing)
            progress_->showCancelling();
        return;
    }
    QDialog::reject();
}

void ImportWizard::closeEvent(QCloseEvent* event)
{
    if (worker_->isRunning()) {
        event->ignore();
        reject();
        return;
    }
    QDialog::closeEvent(event);
}

void ImportWizard::keyPressEvent(QKeyEvent* event)
{
    // Esc is easily pressed by accident, and during an import it would throw away minutes
    // of work: ask first. (Cancelling is still safe: nothing is changed.)
    if (event->key() == Qt::Key_Escape && step_ == Step::Importing) {
        event->accept();
        const auto answer = QMessageBox::question(this, tr("Stop the import?"),
                                                  tr("Stop importing? Nothing will have changed in your database."),
                                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer == QMessageBox::Yes && step_ == Step::Importing)
            reject();
        return;
    }
    QDialog::keyPressEvent(event);
}

void ImportWizard::dragEnterEvent(QDragEnterEvent* event)
{
    if (step_ == Step::Files && !localFilesOf(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ImportWizard::dropEvent(QDropEvent* event)
{
    const QStringList files = localFilesOf(event->mimeData());
    if (step_ != Step::Files || files.isEmpty())
        return;
    event->acceptProposedAction();
    addFiles(files);
}

} // namespace caseboard::app
