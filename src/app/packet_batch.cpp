#include "packet_batch.h"

#include "display_format.h"

#include "caseboard/metrics/goals_and_rates.h"
#include "caseboard/metrics/scope.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>

#include <algorithm>

#include <set>

namespace caseboard::app {

namespace {
QString tr(const char* text) { return QCoreApplication::translate("PacketBatch", text); }
} // namespace

std::vector<std::size_t> packetClinicians(const metrics::Snapshot& snapshot, const std::vector<bool>& sessionRoles,
                                          metrics::CalendarMonth month, Day asOf)
{
    const Day first = month.first();
    const Day last = std::min(month.last(), asOf);
    std::vector<std::size_t> result;
    if (last < first)
        return result;
    const auto rows = snapshot.rowsBetween(toSerial(first), toSerial(last));
    std::vector<std::uint8_t> seen(snapshot.clinicians.size(), 0);
    for (std::size_t r = rows.first; r < rows.last; ++r)
        seen[snapshot.appointments.clinician[r]] = 1;
    const metrics::MetricSettings settings;
    for (std::size_t c = 0; c < snapshot.clinicians.size(); ++c) {
        const metrics::SnapshotClinician& clinician = snapshot.clinicians[c];
        if (c < sessionRoles.size() && !sessionRoles[c])
            continue;
        if (clinician.endDate && *clinician.endDate < first)
            continue;
        if (clinician.startDate && *clinician.startDate > last)
            continue;
        const bool hasGoal =
            metrics::goalForWindow(snapshot, settings, metrics::Scope::oneClinician(c), {first, last}) > 0.0;
        if (seen[c] || hasGoal)
            result.push_back(c);
    }
    return result;
}

QString packetFileName(metrics::CalendarMonth month, const QString& who)
{
    QString safe = who;
    safe.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f]")), QStringLiteral("_"));
    return QStringLiteral("Supervision %1 - %2.pdf").arg(QString::fromStdString(month.iso()), safe.trimmed());
}

PacketDocument packetDocument(const QString& practice, metrics::CalendarMonth month, Day generated, bool initials,
                              std::vector<PacketSection> sections)
{
    PacketDocument document;
    document.month = monthName(month);
    document.title = tr("Supervision packet \u2014 %1").arg(document.month);
    document.practice = practice;
    document.generated = tr("generated %1").arg(formatDayMedium(generated));
    document.namesMasked = initials;
    document.sections = std::move(sections);
    for (PacketSection& s : document.sections)
        if (!practice.isEmpty())
            s.details += QStringLiteral(" \u00b7 ") + tr("Practice: %1").arg(practice);
    return document;
}

PacketBatchOutcome writePacketBatch(const PacketJob& job, const std::function<void(int, int)>& progress)
{
    PacketBatchOutcome outcome;
    const metrics::Snapshot& snapshot = *job.snapshot;
    const int total = static_cast<int>(job.clinicians.size()) + 1;
    const metrics::MonthEnds ends = metrics::monthEnds(snapshot, job.month, job.asOf);
    if (progress)
        progress(1, total);

    // Groups in the order of their first clinician: one group per clinician, or per supervisor.
    std::vector<std::pair<QString, std::vector<std::size_t>>> groups;
    for (const std::size_t c : job.clinicians) {
        const metrics::SnapshotClinician& clinician = snapshot.clinicians.at(c);
        QString key = toQString(clinician.name);
        if (job.grouping == PacketGrouping::PerSupervisor)
            key = clinician.supervisor.empty() ? tr("Team - no supervisor")
                                               : tr("Team of %1").arg(toQString(clinician.supervisor));
        auto it = std::find_if(groups.begin(), groups.end(), [&key](const auto& g) { return g.first == key; });
        if (it == groups.end())
            groups.push_back({key, {c}});
        else
            it->second.push_back(c);
    }

    int done = 1;
    std::set<QString> names;
    for (const auto& group : groups) {
        std::vector<PacketSection> sections;
        for (const std::size_t c : group.second) {
            const metrics::ClinicianMonth month = metrics::clinicianMonth(snapshot, job.settings, ends, c);
            const auto notes = job.notes.find(snapshot.clinicians[c].id);
            sections.push_back(packetSection(snapshot, month, notes == job.notes.end() ? PacketNotes{} : notes->second,
                                             job.initials));
            if (progress)
                progress(++done, total);
        }
        // Two clinicians with one name would overwrite each other's file.
        QString fileName = packetFileName(job.month, group.first);
        for (int n = 2; names.count(fileName) > 0; ++n)
            fileName = packetFileName(job.month, QStringLiteral("%1 (%2)").arg(group.first).arg(n));
        names.insert(fileName);
        const QString path = QDir(job.folder).filePath(fileName);
        QString error;
        if (!writePacketPdf(path, packetDocument(job.practice, job.month, localToday(), job.initials, std::move(sections)),
                            &error)) {
            outcome.error = error;
            return outcome;
        }
        outcome.files << path;
    }
    return outcome;
}

} // namespace caseboard::app
