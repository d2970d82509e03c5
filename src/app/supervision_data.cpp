#include "supervision_data.h"

#include "snapshot_loader.h"

#include "caseboard/store/store.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <spdlog/spdlog.h>

namespace caseboard::app {

struct SupervisionData::Computed {
    std::shared_ptr<const SupervisionResult> result;
    QString error;
};

SupervisionData::SupervisionData(QObject* parent) : QObject(parent), loader_(new SnapshotLoader(this))
{
    connect(loader_, &SnapshotLoader::loaded, this,
            [this](std::shared_ptr<const metrics::Snapshot> snapshot, qint64 milliseconds) {
        spdlog::info("supervision: snapshot of {} appointments loaded in {} ms", snapshot->appointments.size(),
                     milliseconds);
        snapshot_ = std::move(snapshot);
        ends_.reset();
        Q_EMIT snapshotLoaded();
        startCompute();
        setFlags(false, computing_);
    });
    connect(loader_, &SnapshotLoader::failed, this, [this](const QString& message) {
        spdlog::error("supervision: loading the snapshot failed: {}", message.toStdString());
        setFlags(false, false);
        Q_EMIT failed(message);
    });
}

SupervisionData::~SupervisionData() = default;

void SupervisionData::setStore(Store* store)
{
    loader_->cancel();
    ++computeGeneration_;
    snapshot_.reset();
    ends_.reset();
    result_.reset();
    // A request names a clinician by index into the old snapshot: it means nothing now.
    pending_.reset();
    store_ = store;
    path_ = store && !store->inMemory() ? store->path() : std::filesystem::path();
    settings_ = store ? metrics::loadMetricSettings(*store) : metrics::MetricSettings{};
    setFlags(false, false);
    if (!path_.empty()) {
        setFlags(true, false);
        loader_->load(path_);
    }
}

void SupervisionData::reload()
{
    if (path_.empty() || !store_)
        return;
    settings_ = metrics::loadMetricSettings(*store_);
    setFlags(true, computing_);
    loader_->load(path_);
}

void SupervisionData::request(std::size_t clinician, metrics::CalendarMonth month, Day asOf)
{
    pending_ = Request{clinician, month, asOf};
    if (snapshot_)
        startCompute();
}

void SupervisionData::startCompute()
{
    if (!snapshot_ || !pending_ || pending_->clinician >= snapshot_->clinicians.size())
        return;
    const std::uint64_t generation = ++computeGeneration_;
    const Request request = *pending_;
    std::shared_ptr<const metrics::MonthEnds> ends =
        ends_ && ends_->month == request.month && ends_->asOf == request.asOf ? ends_ : nullptr;
    setFlags(loadingSnapshot_, true);

    auto* watcher = new QFutureWatcher<Computed>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        Computed computed = watcher->future().takeResult();
        if (generation != computeGeneration_)
            return; // a newer clinician or month was asked for meanwhile
        setFlags(loadingSnapshot_, false);
        if (!computed.error.isEmpty()) {
            spdlog::error("supervision: computing failed: {}", computed.error.toStdString());
            Q_EMIT failed(computed.error);
            return;
        }
        if (computed.result->snapshot == snapshot_)
            ends_ = computed.result->ends;
        spdlog::info("supervision: computed in {} ms", computed.result->milliseconds);
        result_ = std::move(computed.result);
        Q_EMIT resultReady(result_);
    });
    watcher->setFuture(
        QtConcurrent::run([snapshot = snapshot_, settings = settings_, request, ends = std::move(ends)]() mutable {
            Computed computed;
            QElapsedTimer timer;
            timer.start();
            try {
                if (!ends)
                    ends = std::make_shared<const metrics::MonthEnds>(
                        metrics::monthEnds(*snapshot, request.month, request.asOf));
                auto result = std::make_shared<SupervisionResult>();
                result->snapshot = snapshot;
                result->month = metrics::clinicianMonth(*snapshot, settings, *ends, request.clinician);
                result->ends = std::move(ends);
                result->milliseconds = timer.elapsed();
                computed.result = std::move(result);
            } catch (const std::exception& error) {
                computed.error = QString::fromUtf8(error.what());
            }
            return computed;
        }));
}

void SupervisionData::setFlags(bool loading, bool computing)
{
    const bool before = isBusy();
    loadingSnapshot_ = loading;
    computing_ = computing;
    if (before != isBusy())
        Q_EMIT busyChanged(isBusy());
}

} // namespace caseboard::app
