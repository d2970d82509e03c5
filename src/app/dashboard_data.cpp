#include "dashboard_data.h"

#include "snapshot_loader.h"

#include "caseboard/store/store.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <spdlog/spdlog.h>

namespace caseboard::app {

namespace {

constexpr std::size_t kCachedFacts = 8;

} // namespace

struct DashboardData::Computed {
    std::shared_ptr<const DashboardResult> result;
    std::shared_ptr<const metrics::PairFacts> facts;
    std::shared_ptr<const metrics::PairFacts> previousFacts;
    QString error;
};

DashboardData::DashboardData(QObject* parent) : QObject(parent), loader_(new SnapshotLoader(this))
{
    connect(loader_, &SnapshotLoader::loaded, this,
            [this](std::shared_ptr<const metrics::Snapshot> snapshot, qint64 milliseconds) {
        spdlog::info("dashboard: snapshot of {} appointments loaded in {} ms", snapshot->appointments.size(),
                     milliseconds);
        snapshot_ = std::move(snapshot);
        facts_.clear();
        Q_EMIT snapshotLoaded();
        // Start computing before clearing the loading flag, so busy never blinks off
        // between the two (the screenshot tour waits for it).
        startCompute();
        setFlags(false, computing_);
    });
    connect(loader_, &SnapshotLoader::failed, this, [this](const QString& message) {
        lastError_ = message;
        spdlog::error("dashboard: loading the snapshot failed: {}", message.toStdString());
        setFlags(false, false);
        Q_EMIT failed(message);
    });
}

DashboardData::~DashboardData() = default;

void DashboardData::setStore(Store* store)
{
    loader_->cancel();
    ++computeGeneration_;
    snapshot_.reset();
    result_.reset();
    facts_.clear();
    lastError_.clear();
    store_ = store;
    path_ = store && !store->inMemory() ? store->path() : std::filesystem::path();
    settings_ = store ? metrics::loadMetricSettings(*store) : metrics::MetricSettings{};
    setFlags(false, false);
    if (!path_.empty())
        startLoad();
}

void DashboardData::reload()
{
    if (path_.empty() || !store_)
        return;
    settings_ = metrics::loadMetricSettings(*store_);
    startLoad();
}

void DashboardData::request(Day asOf, const metrics::Scope& scope)
{
    pending_ = std::make_pair(asOf, scope);
    if (snapshot_)
        startCompute();
}

void DashboardData::startLoad()
{
    setFlags(true, computing_);
    loader_->load(path_);
}

void DashboardData::startCompute()
{
    if (!snapshot_ || !pending_)
        return;
    const std::uint64_t generation = ++computeGeneration_;
    const Day asOf = pending_->first;
    const metrics::Scope scope = pending_->second;
    const Day previousDay = asOf - std::chrono::days{7};
    const auto cached = [this](Day day) -> std::shared_ptr<const metrics::PairFacts> {
        const auto it = facts_.find(toSerial(day));
        return it == facts_.end() ? nullptr : it->second;
    };
    setFlags(loadingSnapshot_, true);

    auto* watcher = new QFutureWatcher<Computed>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        Computed computed = watcher->future().takeResult();
        if (generation != computeGeneration_)
            return; // a newer date or scope was asked for meanwhile
        setFlags(loadingSnapshot_, false);
        if (!computed.error.isEmpty()) {
            lastError_ = computed.error;
            spdlog::error("dashboard: computing failed: {}", computed.error.toStdString());
            Q_EMIT failed(computed.error);
            return;
        }
        if (facts_.size() >= kCachedFacts)
            facts_.clear();
        if (computed.result->snapshot == snapshot_) {
            facts_[toSerial(computed.facts->asOf)] = computed.facts;
            facts_[toSerial(computed.previousFacts->asOf)] = computed.previousFacts;
        }
        lastError_.clear();
        spdlog::info("dashboard: computed in {} ms", computed.result->milliseconds);
        result_ = std::move(computed.result);
        Q_EMIT resultReady(result_);
    });
    watcher->setFuture(QtConcurrent::run([snapshot = snapshot_, settings = settings_, asOf, previousDay, scope,
                                          facts = cached(asOf), previousFacts = cached(previousDay)]() mutable {
        Computed computed;
        QElapsedTimer timer;
        timer.start();
        try {
            if (!facts)
                facts = std::make_shared<const metrics::PairFacts>(metrics::computePairFacts(*snapshot, asOf));
            if (!previousFacts)
                previousFacts =
                    std::make_shared<const metrics::PairFacts>(metrics::computePairFacts(*snapshot, previousDay));
            auto result = std::make_shared<DashboardResult>();
            result->snapshot = snapshot;
            result->current = metrics::computeDashboard(*snapshot, *facts, settings, scope);
            result->previous = metrics::computeDashboard(*snapshot, *previousFacts, settings, scope);
            result->milliseconds = timer.elapsed();
            computed.result = std::move(result);
            computed.facts = std::move(facts);
            computed.previousFacts = std::move(previousFacts);
        } catch (const std::exception& error) {
            computed.error = QString::fromUtf8(error.what());
        }
        return computed;
    }));
}

void DashboardData::setFlags(bool loading, bool computing)
{
    const bool before = isBusy();
    loadingSnapshot_ = loading;
    computing_ = computing;
    if (before != isBusy())
        Q_EMIT busyChanged(isBusy());
}

} // namespace caseboard::app
