#include "clients_data.h"

#include "snapshot_loader.h"

#include "caseboard/metrics/scope.h"
#include "caseboard/metrics/workflow_lists.h"
#include "caseboard/store/store.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

#include <spdlog/spdlog.h>

namespace caseboard::app {

namespace {

struct Computed {
    std::shared_ptr<const ClientsResult> result;
    QString error;
};

std::vector<std::size_t> pairsOf(const std::vector<metrics::PairEntry>& entries)
{
    std::vector<std::size_t> pairs;
    pairs.reserve(entries.size());
    for (const metrics::PairEntry& e : entries)
        pairs.push_back(e.pair);
    return pairs;
}

// Each key's position in locale-aware order (equal keys share a rank).
std::vector<std::int32_t> ranksOf(const QStringList& keys)
{
    std::vector<std::int32_t> order(static_cast<std::size_t>(keys.size()));
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<std::int32_t>(i);
    std::sort(order.begin(), order.end(), [&keys](std::int32_t x, std::int32_t y) {
        return QString::localeAwareCompare(keys[x], keys[y]) < 0;
    });
    std::vector<std::int32_t> rank(order.size());
    std::int32_t next = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (i > 0 && keys[order[i]] != keys[order[i - 1]])
            next = static_cast<std::int32_t>(i);
        rank[static_cast<std::size_t>(order[i])] = next;
    }
    return rank;
}

std::shared_ptr<ClientsResult> compute(std::shared_ptr<const metrics::Snapshot> snapshot,
                                             const metrics::MetricSettings& settings, Day asOf)
{
    auto result = std::make_shared<ClientsResult>();
    result->snapshot = snapshot;
    result->settings = settings;
    result->asOf = asOf;
    auto facts = std::make_shared<const metrics::PairFacts>(metrics::computePairFacts(*snapshot, asOf));
    result->facts = facts;
    result->status.resize(snapshot->pairs.size());
    for (std::size_t p = 0; p < snapshot->pairs.size(); ++p)
        result->status[p] = metrics::pairStatus(*facts, p, settings);
    for (const SavedList list : kAllSavedLists)
        result->lists[static_cast<std::size_t>(list)] = savedListPairs(list, *snapshot, *facts, settings);
    result->clientKeys.reserve(static_cast<qsizetype>(snapshot->clients.size()));
    result->clientStatusKeys.reserve(static_cast<qsizetype>(snapshot->clients.size()));
    for (const metrics::SnapshotClient& c : snapshot->clients) {
        result->clientKeys.push_back(QString::fromStdString(c.displayName).toLower());
        result->clientStatusKeys.push_back(QString::fromStdString(c.status).toLower());
    }
    for (const metrics::SnapshotClinician& c : snapshot->clinicians) {
        result->clinicianKeys.push_back(QString::fromStdString(c.name).toLower());
        result->locationKeys.push_back(QString::fromStdString(c.location).toLower());
        result->supervisorKeys.push_back(QString::fromStdString(c.supervisor).toLower());
    }
    result->clientRank = ranksOf(result->clientKeys);
    result->clinicianRank = ranksOf(result->clinicianKeys);
    return result;
}

} // namespace

std::vector<std::size_t> notRebookedPairs(const metrics::Snapshot& snapshot, const metrics::PairFacts& facts)
{
    const std::int32_t t = toSerial(facts.asOf);
    const std::int32_t from = t - (kNotRebookedDays - 1);
    std::vector<std::size_t> pairs;
    for (std::size_t p = 0; p < snapshot.pairs.size(); ++p) {
        const metrics::PairFact& f = facts.pairs[p];
        if (f.intakeSerial != metrics::kNoDay && f.intakeSerial >= from && f.intakeSerial <= t && !f.rebooked)
            pairs.push_back(p);
    }
    // By intake date, as the new clinicians' list orders its clients.
    std::stable_sort(pairs.begin(), pairs.end(), [&facts](std::size_t x, std::size_t y) {
        return facts.pairs[x].intakeSerial < facts.pairs[y].intakeSerial;
    });
    return pairs;
}

std::vector<std::size_t> savedListPairs(SavedList list, const metrics::Snapshot& snapshot,
                                        const metrics::PairFacts& facts, const metrics::MetricSettings& settings)
{
    const metrics::Scope practice = metrics::Scope::practice();
    switch (list) {
    case SavedList::AtRisk: return pairsOf(metrics::atRiskClients(snapshot, facts, practice));
    case SavedList::CloseOut: return pairsOf(metrics::closeOutCandidates(snapshot, facts, settings, practice));
    case SavedList::AttendancePolicy: return pairsOf(metrics::attendancePolicy(snapshot, facts, settings, practice));
    case SavedList::NewClientFollowUps: return pairsOf(metrics::newClientFollowUps(snapshot, facts, practice));
    case SavedList::NotRebooked: return notRebookedPairs(snapshot, facts);
    }
    return {};
}

ClientsData::ClientsData(QObject* parent) : QObject(parent), loader_(new SnapshotLoader(this))
{
    connect(loader_, &SnapshotLoader::loaded, this,
            [this](std::shared_ptr<const metrics::Snapshot> snapshot, qint64 milliseconds) {
        spdlog::info("clients: snapshot of {} pairs loaded in {} ms", snapshot->pairs.size(), milliseconds);
        snapshot_ = std::move(snapshot);
        Q_EMIT snapshotLoaded();
        // Compute before clearing the loading flag, so busy never blinks off in between.
        startCompute();
        setFlags(false, computing_);
    });
    connect(loader_, &SnapshotLoader::failed, this, [this](const QString& message) {
        lastError_ = message;
        spdlog::error("clients: loading the snapshot failed: {}", message.toStdString());
        setFlags(false, false);
        Q_EMIT failed(message);
    });
}

ClientsData::~ClientsData() = default;

void ClientsData::setStore(Store* store)
{
    loader_->cancel();
    ++computeGeneration_;
    snapshot_.reset();
    result_.reset();
    lastError_.clear();
    store_ = store;
    path_ = store && !store->inMemory() ? store->path() : std::filesystem::path();
    settings_ = store ? metrics::loadMetricSettings(*store) : metrics::MetricSettings{};
    setFlags(false, false);
    if (!path_.empty())
        startLoad();
}

void ClientsData::reload()
{
    if (path_.empty() || !store_)
        return;
    settings_ = metrics::loadMetricSettings(*store_);
    startLoad();
}

void ClientsData::request(Day asOf)
{
    pending_ = asOf;
    if (snapshot_)
        startCompute();
}

void ClientsData::startLoad()
{
    setFlags(true, computing_);
    loader_->load(path_);
}

void ClientsData::startCompute()
{
    if (!snapshot_ || !pending_)
        return;
    const std::uint64_t generation = ++computeGeneration_;
    setFlags(loading_, true);
    auto* watcher = new QFutureWatcher<Computed>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        Computed computed = watcher->future().takeResult();
        if (generation != computeGeneration_)
            return; // a newer date was asked for meanwhile
        setFlags(loading_, false);
        if (!computed.error.isEmpty()) {
            lastError_ = computed.error;
            spdlog::error("clients: computing failed: {}", computed.error.toStdString());
            Q_EMIT failed(computed.error);
            return;
        }
        lastError_.clear();
        spdlog::info("clients: {} pairs computed in {} ms", computed.result->status.size(),
                     computed.result->milliseconds);
        result_ = std::move(computed.result);
        Q_EMIT resultReady(result_);
    });
    watcher->setFuture(QtConcurrent::run([snapshot = snapshot_, settings = settings_, asOf = *pending_]() {
        Computed computed;
        QElapsedTimer timer;
        timer.start();
        try {
            auto result = compute(snapshot, settings, asOf);
            result->milliseconds = timer.elapsed();
            computed.result = std::move(result);
        } catch (const std::exception& error) {
            computed.error = QString::fromUtf8(error.what());
        }
        return computed;
    }));
}

void ClientsData::setFlags(bool loading, bool computing)
{
    const bool before = isBusy();
    loading_ = loading;
    computing_ = computing;
    if (before != isBusy())
        Q_EMIT busyChanged(isBusy());
}

} // namespace caseboard::app
