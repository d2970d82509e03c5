#pragma once
// Loads a database's metrics snapshot off the GUI thread, for the views' data objects
// (DashboardData, ClientsData). Only the newest load counts: a load started earlier, or
// one cancelled, is dropped when it arrives, so a reload or a database switch never
// delivers an old snapshot.

#include "caseboard/metrics/snapshot.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <filesystem>
#include <memory>

namespace caseboard::app {

class SnapshotLoader : public QObject {
    Q_OBJECT
public:
    explicit SnapshotLoader(QObject* parent = nullptr);

    // Loads the snapshot of the database at path on a worker; supersedes any load in flight.
    void load(const std::filesystem::path& path);
    // Drops any load in flight (its result is discarded when it arrives).
    void cancel();

Q_SIGNALS:
    void loaded(std::shared_ptr<const caseboard::metrics::Snapshot> snapshot, qint64 milliseconds);
    void failed(const QString& message);

private:
    std::uint64_t generation_ = 0;
};

} // namespace caseboard::app
