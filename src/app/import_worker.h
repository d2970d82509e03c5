#pragma once
// Runs imports (or dry runs) of several files off the GUI thread, on the window's own
// Store connection. The caller guarantees nothing else uses that connection until
// finished() (the window shows its busy page meanwhile). Progress is read from atomics
// the engine updates; cancel is a flag the engine polls between chunks.
//
// A real run first backs the database up; when it is cancelled after some files were
// already committed, it puts that backup back, so a cancelled import changes nothing.

#include "caseboard/import/importer.h"
#include "caseboard/store/database_backup.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace caseboard { class Store; }

namespace caseboard::app {

struct ImportJob {
    QString path;
    import::ImportOptions options; // observer, rowsRead and dryRun are set by the worker
};

struct ImportRunResult {
    bool dryRun = false;
    std::vector<import::FileReport> reports; // one per file reached, in order
    std::optional<BackupInfo> backup;        // taken before a real run
    bool cancelled = false;
    bool backupRestored = false; // a cancel undid files already committed
    QString error;               // a failure outside the files (the backup, the database)
};

class ImportWorker : public QObject {
    Q_OBJECT
public:
    explicit ImportWorker(QObject* parent = nullptr);
    ~ImportWorker() override;

    // Starts the run. `backupDirectory` empty: no backup (dry runs). `store` and
    // `importer` must outlive the run.
    void start(Store& store, import::Importer& importer, std::vector<ImportJob> jobs, bool dryRun,
               const QString& backupDirectory);
    void cancel();
    bool isRunning() const { return running_; }
    bool isCancelling() const;

    // Progress, for the GUI thread.
    std::uint64_t bytesDone() const;
    std::uint64_t bytesTotal() const { return bytesTotal_; }
    std::uint64_t rowsRead() const;
    int currentFile() const; // 0-based index of the file being read
    double secondsElapsed() const;

    const ImportRunResult& result() const { return result_; }

    struct Shared; // the atomics both threads use, and the engine's observer

Q_SIGNALS:
    void finished();

private:
    std::shared_ptr<Shared> shared_;
    ImportRunResult result_;
    std::uint64_t bytesTotal_ = 0;
    bool running_ = false;
    QElapsedTimer clock_;
};

} // namespace caseboard::app
