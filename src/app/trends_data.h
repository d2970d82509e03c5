#pragma once
// The numbers behind the Trends view, computed off the GUI thread: the snapshot is loaded
// once per database (again on reload()), and each as-of date asked for computes the whole
// year over year (every year, every group) in one go, so switching the group or the
// chart's figure needs no computing at all. A newer request makes older results stale.

#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/metrics/year_over_year.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>

namespace caseboard { class Store; }

namespace caseboard::app {

class SnapshotLoader;

struct TrendsResult {
    std::shared_ptr<const metrics::Snapshot> snapshot;
    metrics::YearOverYear trends;
    qint64 milliseconds = 0;
};

class TrendsData : public QObject {
    Q_OBJECT
public:
    explicit TrendsData(QObject* parent = nullptr);
    ~TrendsData() override;

    // Reads the metric settings (GUI thread) and loads the snapshot off it; nullptr forgets.
    void setStore(Store* store);
    // Settings and snapshot again (after an import or a settings change), then the last request.
    void reload();
    // Computes the year over year for T once the snapshot is there.
    void request(Day asOf);

    bool isBusy() const { return loadingSnapshot_ || computing_; }
    std::shared_ptr<const metrics::Snapshot> snapshot() const { return snapshot_; }
    const metrics::MetricSettings& settings() const { return settings_; }
    std::shared_ptr<const TrendsResult> result() const { return result_; }

Q_SIGNALS:
    void snapshotLoaded();
    void resultReady(std::shared_ptr<const caseboard::app::TrendsResult> result);
    void failed(const QString& message);
    void busyChanged(bool busy);

private:
    void startLoad();
    void startCompute();
    void setFlags(bool loading, bool computing);

    Store* store_ = nullptr;
    SnapshotLoader* loader_;
    std::filesystem::path path_;
    metrics::MetricSettings settings_;
    std::shared_ptr<const metrics::Snapshot> snapshot_;
    std::shared_ptr<const TrendsResult> result_;
    std::optional<Day> pending_;
    std::uint64_t computeGeneration_ = 0;
    bool loadingSnapshot_ = false;
    bool computing_ = false;
};

} // namespace caseboard::app
