#pragma once
// The numbers behind the Supervision view, computed off the GUI thread like
// DashboardData: the snapshot is loaded once per database; each request for a
// (clinician, month, as-of date) computes the clinician's month. The month ends' pair
// facts are kept for the last month asked, so going from one clinician to the next
// costs only that clinician's rows. A newer request makes older results stale.

#include "caseboard/metrics/clinician_month.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/snapshot.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>

namespace caseboard { class Store; }

namespace caseboard::app {

class SnapshotLoader;

struct SupervisionResult {
    std::shared_ptr<const metrics::Snapshot> snapshot; // the rows the lists name
    std::shared_ptr<const metrics::MonthEnds> ends;
    metrics::ClinicianMonth month;
    qint64 milliseconds = 0;
};

class SupervisionData : public QObject {
    Q_OBJECT
public:
    explicit SupervisionData(QObject* parent = nullptr);
    ~SupervisionData() override;

    void setStore(Store* store);
    void reload();
    void request(std::size_t clinician, metrics::CalendarMonth month, Day asOf);

    bool isBusy() const { return loadingSnapshot_ || computing_; }
    std::shared_ptr<const metrics::Snapshot> snapshot() const { return snapshot_; }
    const metrics::MetricSettings& settings() const { return settings_; }
    std::shared_ptr<const SupervisionResult> result() const { return result_; }

Q_SIGNALS:
    void snapshotLoaded();
    void resultReady(std::shared_ptr<const caseboard::app::SupervisionResult> result);
    void failed(const QString& message);
    void busyChanged(bool busy);

private:
    struct Request {
        std::size_t clinician = 0;
        metrics::CalendarMonth month;
        Day asOf{};
    };
    struct Computed;
    void startCompute();
    void setFlags(bool loading, bool computing);

    Store* store_ = nullptr;
    SnapshotLoader* loader_;
    std::filesystem::path path_;
    metrics::MetricSettings settings_;
    std::shared_ptr<const metrics::Snapshot> snapshot_;
    std::shared_ptr<const metrics::MonthEnds> ends_; // of the last month computed
    std::shared_ptr<const SupervisionResult> result_;
    std::optional<Request> pending_;
    std::uint64_t computeGeneration_ = 0;
    bool loadingSnapshot_ = false;
    bool computing_ = false;
};

} // namespace caseboard::app
