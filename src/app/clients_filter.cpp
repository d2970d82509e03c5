#include "clients_filter.h"

#include "clients_data.h"

namespace caseboard::app {

QStringList filterWords(const QString& text)
{
    return text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

bool acceptsPair(const ClientsResult& result, const ClientsFilter& filter, const QStringList& words, std::size_t pair)
{
    const metrics::Snapshot& s = *result.snapshot;
    const metrics::SnapshotPair& p = s.pairs[pair];
    const auto clinician = static_cast<std::size_t>(p.clinician);
    const metrics::PairFact& f = result.facts->pairs[pair];
    if (filter.clinician && *filter.clinician != clinician)
        return false;
    if (filter.location && s.clinicians[clinician].location != *filter.location)
        return false;
    if (filter.supervisor && s.clinicians[clinician].supervisor != *filter.supervisor)
        return false;
    if (filter.hasIntakeRange()) {
        if (f.intakeSerial == metrics::kNoDay)
            return false;
        if (filter.intakeFrom != metrics::kNoDay && f.intakeSerial < filter.intakeFrom)
            return false;
        if (filter.intakeTo != metrics::kNoDay && f.intakeSerial > filter.intakeTo)
            return false;
    }
    if (filter.status && result.status[pair] != *filter.status)
        return false;
    if (filter.noNextAppointment && f.nextScheduledSerial != metrics::kNoDay)
        return false;
    if (!words.isEmpty()) {
        const QString& client = result.clientKeys[static_cast<qsizetype>(p.client)];
        const QString& name = result.clinicianKeys[static_cast<qsizetype>(clinician)];
        for (const QString& word : words)
            if (!client.contains(word) && !name.contains(word))
                return false;
    }
    return true;
}

} // namespace caseboard::app
