#include "trends_data.h"

#include "snapshot_loader.h"

#include "caseboard/store/store.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <spdlog/spdlog.h>

namespace caseboard::app {

namespace {

struct Computed {
    std::shared_ptr<const TrendsResult> result;
    QString error;
};

} // namespace

TrendsData::TrendsData(QObject* parent) : QObject(parent), loader_(new SnapshotLoader(this))
{
    connect(loader_, &SnapshotLoader::loaded, this,
            [this](std::shared_ptr<const metrics::Snapshot> snapshot, qint64 milliseconds) {
        spdlog::info("trends: snapshot of {} appointments loaded in {} ms", snapshot->appointments.size(),
                     milliseconds);
        snapshot_ = std::move(snapshot);
        Q_EMIT snapshotLoaded();
        // Computing starts before loading ends, so busy never blinks off in between.
        startCompute();
        setFlags(false, computing_);
    });
    connect(loader_, &SnapshotLoader::failed, this, [this](const QString& message) {
        spdlog::error("trends: loading the snapshot failed: {}", message.toStdString());
        setFlags(false, false);
        Q_EMIT failed(message);
    });
}

TrendsData::~TrendsData() = default;

void TrendsData::setStore(Store* store)
{
    loader_->cancel();
    ++computeGeneration_;
    snapshot_.reset();
    result_.reset();
    store_ = store;
    path_ = store && !store->inMemory() ? store->path() : std::filesystem::path();
    settings_ = store ? metrics::loadMetricSettings(*store) : metrics::MetricSettings{};
    setFlags(false, false);
    if (!path_.empty())
        startLoad();
}

void TrendsData::reload()
{
    if (path_.empty() || !store_)
        return;
    settings_ = metrics::loadMetricSettings(*store_);
    startLoad();
}

void TrendsData::request(Day asOf)
{
    pending_ = asOf;
    if (snapshot_)
        startCompute();
}

void TrendsData::startLoad()
{
    setFlags(true, computing_);
    loader_->load(path_);
}

void TrendsData::startCompute()
{
    if (!snapshot_ || !pending_)
        return;
    const std::uint64_t generation = ++computeGeneration_;
    setFlags(loadingSnapshot_, true);
    auto* watcher = new QFutureWatcher<Computed>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        Computed computed = watcher->future().takeResult();
        if (generation != computeGeneration_)
            return; // a newer date was asked for meanwhile
        setFlags(loadingSnapshot_, false);
        if (!computed.error.isEmpty()) {
            spdlog::error("trends: computing failed: {}", computed.error.toStdString());
            Q_EMIT failed(computed.error);
            return;
        }
        spdlog::info("trends: computed in {} ms", computed.result->milliseconds);
        result_ = std::move(computed.result);
        Q_EMIT resultReady(result_);
    });
    watcher->setFuture(QtConcurrent::run([snapshot = snapshot_, settings = settings_, asOf = *pending_] {
        Computed computed;
        QElapsedTimer timer;
        timer.start();
        try {
            auto result = std::make_shared<TrendsResult>();
            result->snapshot = snapshot;
            result->trends = metrics::computeYearOverYear(*snapshot, settings, asOf);
            result->milliseconds = timer.elapsed();
            computed.result = std::move(result);
        } catch (const std::exception& error) {
            computed.error = QString::fromUtf8(error.what());
        }
        return computed;
    }));
}

void TrendsData::setFlags(bool loading, bool computing)
{
    const bool before = isBusy();
    loadingSnapshot_ = loading;
    computing_ = computing;
    if (before != isBusy())
        Q_EMIT busyChanged(isBusy());
}

} // namespace caseboard::app
