#pragma once
// The numbers behind the Clients view, computed off the GUI thread: the snapshot is
// loaded once per database (like DashboardData), and each as-of date T costs one pass
// for the pair facts plus the five saved lists straight from the engine's functions.
// The view then filters and sorts the precomputed rows in memory: no database read on
// a filter change. A newer request makes older results stale; they are dropped.

#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/pair_facts.h"
#include "caseboard/metrics/retention.h"
#include "caseboard/metrics/snapshot.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

namespace caseboard { class Store; }

namespace caseboard::app {

class SnapshotLoader;

// The saved lists of the Clients view (METRICS.md "Lists for the weekly and monthly workflow").
enum class SavedList { AtRisk, CloseOut, AttendancePolicy, NewClientFollowUps, NotRebooked };
inline constexpr std::array kAllSavedLists{SavedList::AtRisk, SavedList::CloseOut, SavedList::AttendancePolicy,
                                           SavedList::NewClientFollowUps, SavedList::NotRebooked};
inline constexpr int kSavedListCount = static_cast<int>(kAllSavedLists.size());

// Days of the "not re-booked after intake" list: intakes in [T-89, T], as the new
// clinicians' list counts them.
inline constexpr int kNotRebookedDays = 90;

// Pairs on the "not re-booked" list: intake in [T-89, T] and no later appointment
// (PairFact::rebooked false). The engine's newClinicians list applies the same rule per
// new clinician; this is that rule over every clinician.
std::vector<std::size_t> notRebookedPairs(const metrics::Snapshot& snapshot, const metrics::PairFacts& facts);

// The pairs of a saved list for the result's T, as the engine returns them (its order).
std::vector<std::size_t> savedListPairs(SavedList list, const metrics::Snapshot& snapshot,
                                        const metrics::PairFacts& facts, const metrics::MetricSettings& settings);

struct ClientsResult {
    std::shared_ptr<const metrics::Snapshot> snapshot;
    std::shared_ptr<const metrics::PairFacts> facts;
    metrics::MetricSettings settings;
    Day asOf{};
    std::vector<metrics::PairStatus> status;              // index = pair
    std::array<std::vector<std::size_t>, kSavedListCount> lists; // pairs of each saved list
    // Lower-case names for the free-text filter, built once off the GUI thread.
    QStringList clientKeys;    // index = client
    QStringList clinicianKeys; // index = clinician
    // Each name's place in alphabetical order, so sorting 30,000 rows by name compares
    // integers, not strings.
    std::vector<std::int32_t> clientRank;    // index = client
    std::vector<std::int32_t> clinicianRank; // index = clinician
    // Lower-case sort keys of the text columns that are not names.
    QStringList clientStatusKeys; // index = client
    QStringList locationKeys;     // index = clinician
    QStringList supervisorKeys;   // index = clinician
    qint64 milliseconds = 0;
};

class ClientsData : public QObject {
    Q_OBJECT
public:
    explicit ClientsData(QObject* parent = nullptr);
    ~ClientsData() override;

    // Reads the metric settings (GUI thread) and loads the snapshot off it; nullptr forgets.
    void setStore(Store* store);
    void reload();
    void request(Day asOf);

    bool isBusy() const { return loading_ || computing_; }
    std::shared_ptr<const metrics::Snapshot> snapshot() const { return snapshot_; }
    std::shared_ptr<const ClientsResult> result() const { return result_; }
    QString lastError() const { return lastError_; }

Q_SIGNALS:
    void snapshotLoaded();
    void resultReady(std::shared_ptr<const caseboard::app::ClientsResult> result);
    void failed(const QString& message);
    void busyChanged(bool busy);

private:
    void startLoad();
    void startCompute();
    void setFlags(bool loading, bool computing);

    Store* store_ = nullptr;
    SnapshotLoader* loader_; // child: loads the snapshot off the GUI thread
    std::filesystem::path path_;
    metrics::MetricSettings settings_;
    std::shared_ptr<const metrics::Snapshot> snapshot_;
    std::shared_ptr<const ClientsResult> result_;
    std::optional<Day> pending_;
    std::uint64_t computeGeneration_ = 0;
    bool loading_ = false;
    bool computing_ = false;
    QString lastError_;
};

} // namespace caseboard::app
