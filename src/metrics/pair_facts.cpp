#include "caseboard/metrics/pair_facts.h"

#include "caseboard/metrics/effective_status.h"
#include "caseboard/metrics/window.h"


namespace caseboard::metrics {

PairFacts computePairFacts(const Snapshot& snapshot, Day asOf)
{
    const AppointmentColumns& a = snapshot.appointments;
    const std::int32_t t = toSerial(asOf);
    const std::int32_t yearFrom = trailingTwelveMonths(asOf).fromSerial();

    PairFacts facts;
    facts.asOf = asOf;
    facts.pairs.assign(snapshot.pairs.size(), PairFact{});
    facts.clientIntakeSerial.assign(snapshot.clients.size(), kNoDay);
    facts.clientDischarged.reserve(snapshot.clients.size());
    for (const SnapshotClient& client : snapshot.clients)
        facts.clientDischarged.push_back(client.discharged ? 1 : 0);

    // Rows are sorted by day, so the first row a pair or client shows up in is its
    // earliest, and "later" means a later row.
    const std::size_t pastEnd = snapshot.rowsBetween(std::numeric_limits<std::int32_t>::min(), t).last;
    for (std::size_t row = 0; row < pastEnd; ++row) {
        PairFact& f = facts.pairs[static_cast<std::size_t>(a.pair[row])];
        const std::int32_t day = a.daySerial[row];
        if (f.firstAppointmentSerial == kNoDay)
            f.firstAppointmentSerial = day;
        const StatusCategory status = a.status[row]; // past: the imported status is the status on T
        if (isQualifying(status)) {
            if (f.intakeSerial == kNoDay) {
                f.intakeSerial = day;
                std::int32_t& clientIntake = facts.clientIntakeSerial[static_cast<std::size_t>(a.client[row])];
                if (clientIntake == kNoDay)
                    clientIntake = day;
            } else if (day > f.intakeSerial) {
                f.rebooked = true;
            }
            ++f.qualifyingCount;
            f.lastQualifyingSerial = day;
            if (status == StatusCategory::Completed)
                f.lastSeenSerial = day;
            else if (day >= yearFrom)
                ++f.billableCancels12m;
        } else if (status == StatusCategory::Scheduled && f.intakeSerial != kNoDay && day > f.intakeSerial) {
            f.rebooked = true; // booked after the intake, still unmarked: a re-booking all the same
        }
    }
    for (std::size_t row = pastEnd; row < a.size(); ++row) {
        PairFact& f = facts.pairs[static_cast<std::size_t>(a.pair[row])];
        if (f.firstAppointmentSerial == kNoDay)
            f.firstAppointmentSerial = a.daySerial[row];
        if (effectiveStatus(a.status[row], a.daySerial[row], t) != StatusCategory::Scheduled)
            continue;
        if (f.nextScheduledSerial == kNoDay)
            f.nextScheduledSerial = a.daySerial[row];
        if (f.intakeSerial != kNoDay)
            f.rebooked = true;
    }
    return facts;
}

} // namespace caseboard::metrics
