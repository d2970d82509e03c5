#include "import_worker.h"

#include "caseboard/store/store.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <spdlog/spdlog.h>

#include <exception>

namespace caseboard::app {

// What the worker thread and the GUI thread share: atomics only, plus the observer the
// engine calls on the worker thread.
struct ImportWorker::Shared : csv::ReadObserver {
    std::atomic<bool> cancel{false};
    std::atomic<std::uint64_t> bytesBefore{0}; // bytes of the files finished
    std::atomic<std::uint64_t> bytesInFile{0};
    std::atomic<std::uint64_t> rowsBefore{0};
    std::atomic<std::uint64_t> rowsInFile{0};
    std::atomic<int> file{0};

    void progressed(std::uint64_t bytesRead, std::optional<std::uint64_t>) override { bytesInFile = bytesRead; }
    bool cancelRequested() override { return cancel.load(); }
};

namespace {

ImportRunResult runJobs(Store& store, import::Importer& importer, std::vector<ImportJob> jobs, bool dryRun,
                        const std::filesystem::path& backupDirectory, const std::shared_ptr<ImportWorker::Shared>& progress)
{
    ImportWorker::Shared* shared = progress.get();
    ImportRunResult result;
    result.dryRun = dryRun;
    try {
        if (!dryRun && !backupDirectory.empty())
            result.backup = backupDatabase(store, backupDirectory, 10);
        for (std::size_t i = 0; i < jobs.size(); ++i) {
            if (shared->cancel) {
                result.cancelled = true;
                break;
            }
            shared->file = static_cast<int>(i);
            shared->bytesInFile = 0;
            shared->rowsInFile = 0;
            import::ImportOptions options = jobs[i].options;
            options.dryRun = dryRun;
            options.observer = shared;
            options.rowsRead = &shared->rowsInFile;
            const std::filesystem::path path(jobs[i].path.toStdU16String());
            import::FileReport report = importer.importFile(path, options);
            shared->bytesBefore += report.fileBytes;
            shared->rowsBefore += report.rows;
            shared->bytesInFile = 0;
            shared->rowsInFile = 0;
            const bool cancelled = report.outcome == import::FileOutcome::Cancelled;
            result.reports.push_back(std::move(report));
            if (cancelled) {
                result.cancelled = true;
                break;
            }
        }
        // Each file is its own transaction: undo the ones committed before the cancel.
        if (result.cancelled && !dryRun && result.backup) {
            bool anyCommitted = false;
            for (const import::FileReport& report : result.reports)
                anyCommitted = anyCommitted || report.imported();
            if (anyCommitted) {
                restoreBackup(store, result.backup->path);
                result.backupRestored = true;
            }
        }
    } catch (const std::exception& error) {
        spdlog::error("import run failed: {}", error.what());
        result.error = QString::fromUtf8(error.what());
    }
    return result;
}

} // namespace

ImportWorker::ImportWorker(QObject* parent) : QObject(parent) {}

ImportWorker::~ImportWorker()
{
    // The run holds the store: a worker is never destroyed while it runs (the wizard
    // waits), but cancel in case.
    if (shared_)
        shared_->cancel = true;
}

void ImportWorker::start(Store& store, import::Importer& importer, std::vector<ImportJob> jobs, bool dryRun,
                         const QString& backupDirectory)
{
    Q_ASSERT(!running_);
    shared_ = std::make_shared<Shared>();
    result_ = {};
    result_.dryRun = dryRun;
    bytesTotal_ = 0;
    for (const ImportJob& job : jobs)
        bytesTotal_ += static_cast<std::uint64_t>(std::max<qint64>(0, QFileInfo(job.path).size()));
    running_ = true;
    clock_.start();

    auto* watcher = new QFutureWatcher<ImportRunResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        result_ = watcher->result();
        running_ = false;
        Q_EMIT finished();
    });
    const std::filesystem::path directory(backupDirectory.toStdU16String());
    watcher->setFuture(QtConcurrent::run([&store, &importer, jobs = std::move(jobs), dryRun, directory,
                                          progress = shared_] {
        return runJobs(store, importer, jobs, dryRun, directory, progress);
    }));
}

void ImportWorker::cancel()
{
    if (shared_)
        shared_->cancel = true;
}

bool ImportWorker::isCancelling() const { return running_ && shared_ && shared_->cancel; }

std::uint64_t ImportWorker::bytesDone() const
{
    return shared_ ? shared_->bytesBefore.load() + shared_->bytesInFile.load() : 0;
}

std::uint64_t ImportWorker::rowsRead() const
{
    return shared_ ? shared_->rowsBefore.load() + shared_->rowsInFile.load() : 0;
}

int ImportWorker::currentFile() const { return shared_ ? shared_->file.load() : 0; }

double ImportWorker::secondsElapsed() const { return running_ ? clock_.elapsed() / 1000.0 : 0.0; }

} // namespace caseboard::app
