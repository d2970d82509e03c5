#pragma once
// "Prepare all": the supervision packets of every clinician on staff in a month, one PDF
// per clinician or one per supervisor's team, written into a folder. A plain function
// of its inputs (the snapshot, the notes read beforehand on the GUI thread), so it runs
// on a worker thread and the test calls it directly.

#include "supervision_packet_pdf.h"

#include "caseboard/core/domain.h"
#include "caseboard/metrics/clinician_month.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/snapshot.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace caseboard::app {

enum class PacketGrouping { PerClinician, PerSupervisor };

struct PacketJob {
    std::shared_ptr<const metrics::Snapshot> snapshot;
    metrics::MetricSettings settings;
    metrics::CalendarMonth month;
    Day asOf{};
    std::vector<std::size_t> clinicians;     // snapshot indexes, in the order to write them
    std::map<RowId, PacketNotes> notes;      // by clinician id
    QString practice;
    QString folder;
    PacketGrouping grouping = PacketGrouping::PerClinician;
    bool initials = true;
};

struct PacketBatchOutcome {
    QStringList files; // written, in order
    QString error;     // the first failure; files written before it stay
};

// The clinicians a packet is due for: on staff at some point of the month (not ended
// before it, started by its end) and with a session goal or an appointment in it.
std::vector<std::size_t> packetClinicians(const metrics::Snapshot& snapshot, const std::vector<bool>& sessionRoles,
                                          metrics::CalendarMonth month, Day asOf);

// "Supervision 2026-11 - Ava Smith.pdf", with characters no file system likes replaced.
QString packetFileName(metrics::CalendarMonth month, const QString& who);

// Writes the packets; `progress(done, total)` after each step (from the calling thread).
PacketBatchOutcome writePacketBatch(const PacketJob& job, const std::function<void(int, int)>& progress = {});

// The document of one clinician's packet, as Export packet writes it.
PacketDocument packetDocument(const QString& practice, metrics::CalendarMonth month, Day generated, bool initials,
                              std::vector<PacketSection> sections);

} // namespace caseboard::app
