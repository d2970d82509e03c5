#pragma once
// The numbers behind the Dashboard view, computed off the GUI thread. The snapshot is
// loaded once per database (and again on reload(), after an import); each request for
// an as-of date and scope computes the dashboard for T and for T-7 (the previous
// period the KPI cards compare with). Pair facts are cached per T, so changing the
// scope pays only for the scope's rows. A newer request makes older results stale:
// they are dropped when they arrive.

#include "caseboard/metrics/dashboard.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/pair_facts.h"
#include "caseboard/metrics/scope.h"
#include "caseboard/metrics/snapshot.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>

namespace caseboard { class Store; }

namespace caseboard::app {

class SnapshotLoader;

// One computed request. The dashboards name rows of the snapshot, which this keeps alive.
struct DashboardResult {
    std::shared_ptr<const metrics::Snapshot> snapshot;
    metrics::Dashboard current;  // at T
    metrics::Dashboard previous; // at T-7, same scope
    qint64 milliseconds = 0;
};

class DashboardData : public QObject {
    Q_OBJECT
public:
    explicit DashboardData(QObject* parent = nullptr);
    ~DashboardData() override;

    // Reads the practice's metric settings (GUI thread, a few rows) and loads its
    // snapshot off the GUI thread. nullptr forgets everything.
    void setStore(Store* store);
    // Reads the settings and loads the snapshot again (after an import or a settings
    // change) and recomputes the last request.
    void reload();

    // Computes the dashboard for (asOf, scope) once the snapshot is there.
    void request(Day asOf, const metrics::Scope& scope);

    bool isBusy() const { return loadingSnapshot_ || computing_; }
    std::shared_ptr<const metrics::Snapshot> snapshot() const { return snapshot_; }
    const metrics::MetricSettings& settings() const { return settings_; }
    std::shared_ptr<const DashboardResult> result() const { return result_; }
    QString lastError() const { return lastError_; }

Q_SIGNALS:
    void snapshotLoaded();
    void resultReady(std::shared_ptr<const caseboard::app::DashboardResult> result);
    void failed(const QString& message);
    void busyChanged(bool busy);

private:
    struct Computed;
    void startLoad();
    void startCompute();
    void setFlags(bool loading, bool computing);

    Store* store_ = nullptr; // GUI thread only: the settings are read from it
    SnapshotLoader* loader_; // child: loads the snapshot off the GUI thread
    std::filesystem::path path_;
    metrics::MetricSettings settings_;
    std::shared_ptr<const metrics::Snapshot> snapshot_;
    std::shared_ptr<const DashboardResult> result_;
    // Pair facts by T's day serial; cleared with the snapshot.
    std::map<int, std::shared_ptr<const metrics::PairFacts>> facts_;
    std::optional<std::pair<Day, metrics::Scope>> pending_;
    std::uint64_t computeGeneration_ = 0;
    bool loadingSnapshot_ = false;
    bool computing_ = false;
    QString lastError_;
};

} // namespace caseboard::app
