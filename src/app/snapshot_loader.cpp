#include "snapshot_loader.h"

#include "caseboard/store/sqlite.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace caseboard::app {

namespace {

struct Loaded {
    std::shared_ptr<const metrics::Snapshot> snapshot;
    QString error;
    qint64 milliseconds = 0;
};

} // namespace

SnapshotLoader::SnapshotLoader(QObject* parent) : QObject(parent) {}

void SnapshotLoader::cancel()
{
    ++generation_;
}

void SnapshotLoader::load(const std::filesystem::path& path)
{
    const std::uint64_t generation = ++generation_;
    auto* watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        Loaded result = watcher->future().takeResult();
        if (generation != generation_)
            return; // another database, or a newer reload
        if (!result.error.isEmpty())
            Q_EMIT failed(result.error);
        else
            Q_EMIT loaded(std::move(result.snapshot), result.milliseconds);
    });
    watcher->setFuture(QtConcurrent::run([path]() -> Loaded {
        Loaded result;
        QElapsedTimer timer;
        timer.start();
        try {
            // A connection of the worker's own: one connection per thread.
            sql::Connection connection(path, sql::Connection::Mode::ReadOnly);
            result.snapshot = std::make_shared<const metrics::Snapshot>(metrics::loadSnapshot(connection));
        } catch (const std::exception& error) {
            result.error = QString::fromUtf8(error.what());
        }
        result.milliseconds = timer.elapsed();
        return result;
    }));
}

} // namespace caseboard::app
