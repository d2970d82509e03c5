#include "caseboard/metrics/workflow_lists.h"

#include "caseboard/metrics/window.h"

#include "scope_rows.h"

#include <algorithm>
#include <chrono>
#include <tuple>
#include <utility>

namespace caseboard::metrics {

namespace {

// The pairs of the scope's clinicians that pass `take`, as list entries.
template <typename Take>
std::vector<PairEntry> pairsWhere(const Snapshot& snapshot, const PairFacts& facts, const Scope& scope, Take take)
{
    const ClinicianMask mask = clinicianMask(snapshot, scope);
    std::vector<PairEntry> result;
    for (std::size_t p = 0; p < facts.pairs.size(); ++p)
        if (mask[static_cast<std::size_t>(snapshot.pairs[p].clinician)] && take(facts.pairs[p]))
            result.push_back(pairEntry(snapshot, facts, p));
    return result;
}

AppointmentEntry appointmentEntry(const Snapshot& snapshot, std::size_t row)
{
    const AppointmentColumns& a = snapshot.appointments;
    return {row, a.clinician[row], static_cast<std::size_t>(a.client[row]), a.daySerial[row]};
}

std::chrono::year_month monthOf(std::int32_t daySerial)
{
    const std::chrono::year_month_day ymd{fromSerial(daySerial)};
    return {ymd.year(), ymd.month()};
}

std::int32_t firstDaySerial(std::chrono::year_month month)
{
    return toSerial(Day{month / std::chrono::day{1}});
}

// Calls f(intake day) for each intake of the scope: the practice's are its clients' first
// qualifying sessions with anyone (distinct clients), any other scope's its pairs'.
template <typename F>
void forEachIntake(const Snapshot& snapshot, const PairFacts& facts, const Scope& scope, F f)
{
    if (scope.kind == Scope::Kind::Practice) {
        for (std::int32_t intake : facts.clientIntakeSerial)
            if (intake != kNoDay)
                f(intake);
        return;
    }
    const ClinicianMask mask = clinicianMask(snapshot, scope);
    for (std::size_t p = 0; p < facts.pairs.size(); ++p)
        if (mask[static_cast<std::size_t>(snapshot.pairs[p].clinician)] && facts.pairs[p].intakeSerial != kNoDay)
            f(facts.pairs[p].intakeSerial);
}

} // namespace

PairEntry pairEntry(const Snapshot& snapshot, const PairFacts& facts, std::size_t pair)
{
    const PairFact& f = facts.pairs[pair];
    PairEntry entry;
    entry.pair = pair;
    entry.clinician = static_cast<std::size_t>(snapshot.pairs[pair].clinician);
    entry.client = static_cast<std::size_t>(snapshot.pairs[pair].client);
    entry.intakeSerial = f.intakeSerial;
    entry.lastQualifyingSerial = f.lastQualifyingSerial;
    entry.lastSeenSerial = f.lastSeenSerial;
    entry.nextScheduledSerial = f.nextScheduledSerial;
    entry.billableCancels12m = f.billableCancels12m;
    return entry;
}

std::vector<PairEntry> newClientFollowUps(const Snapshot& snapshot, const PairFacts& facts, const Scope& scope)
{
    const Window week = lastDays(facts.asOf, 7);
    auto result = pairsWhere(snapshot, facts, scope, [&](const PairFact& f) {
        return f.intakeSerial != kNoDay && week.contains(fromSerial(f.intakeSerial));
    });
    std::stable_sort(result.begin(), result.end(), [](const PairEntry& x, const PairEntry& y) {
        return std::tie(x.intakeSerial, x.clinician) < std::tie(y.intakeSerial, y.clinician);
    });
    return result;
}

std::vector<NewClinician> newClinicians(const Snapshot& snapshot, const PairFacts& facts, const Scope& scope)
{
    const ClinicianMask mask = clinicianMask(snapshot, scope);
    // First appointment of each clinician, for those without a start date.
    std::vector<std::int32_t> firstAppointment(snapshot.clinicians.size(), kNoDay);
    for (std::size_t p = 0; p < facts.pairs.size(); ++p) {
        std::int32_t& first = firstAppointment[static_cast<std::size_t>(snapshot.pairs[p].clinician)];
        const std::int32_t pairFirst = facts.pairs[p].firstAppointmentSerial;
        if (pairFirst != kNoDay && (first == kNoDay || pairFirst < first))
            first = pairFirst;
    }

    const Window recent = lastDays(facts.asOf, 90);
    std::vector<NewClinician> result;
    for (std::size_t i = 0; i < snapshot.clinicians.size(); ++i) {
        if (!mask[i])
            continue;
        NewClinician n;
        n.clinician = i;
        const auto& startDate = snapshot.clinicians[i].startDate;
        n.startFromFirstAppointment = !startDate.has_value();
        n.startSerial = startDate ? toSerial(*startDate) : firstAppointment[i];
        if (n.startSerial == kNoDay || !recent.contains(fromSerial(n.startSerial)))
            continue;
        result.push_back(std::move(n));
    }
    if (result.empty())
        return result;

    const std::int32_t t = toSerial(facts.asOf);
    std::vector<NewClinician*> byClinician(snapshot.clinicians.size(), nullptr);
    for (NewClinician& n : result)
        byClinician[n.clinician] = &n;
    for (std::size_t p = 0; p < facts.pairs.size(); ++p) {
        NewClinician* n = byClinician[static_cast<std::size_t>(snapshot.pairs[p].clinician)];
        const PairFact& f = facts.pairs[p];
        if (n == nullptr || f.intakeSerial == kNoDay || f.intakeSerial < n->startSerial || f.intakeSerial > t)
            continue;
        ++n->intakes;
        if (f.rebooked)
            ++n->rebooked;
        else
            n->notRebooked.push_back(pairEntry(snapshot, facts, p));
    }
    for (NewClinician& n : result) {
        if (n.intakes > 0)
            n.rebookingRate = static_cast<double>(n.rebooked) / static_cast<double>(n.intakes);
        std::stable_sort(n.notRebooked.begin(), n.notRebooked.end(),
                         [](const PairEntry& x, const PairEntry& y) { return x.intakeSerial < y.intakeSerial; });
    }
    return result;
}

std::vector<PairEntry> atRiskClients(const Snapshot& snapshot, const PairFacts& facts, const Scope& scope)
{
    const std::chrono::year_month previous = monthOf(toSerial(facts.asOf)) - std::chrono::months{1};
    const std::int32_t from = firstDaySerial(previous);
    const std::int32_t to = firstDaySerial(previous + std::chrono::months{1}) - 1;
    auto result = pairsWhere(snapshot, facts, scope, [&](const PairFact& f) {
        return f.intakeSerial != kNoDay && from <= f.intakeSerial && f.intakeSerial <= to
            && f.nextScheduledSerial == kNoDay;
    });
    std::stable_sort(result.begin(), result.end(),
                     [](const PairEntry& x, const PairEntry& y) { return x.lastSeenSerial < y.lastSeenSerial; });
    return result;
}

std::vector<PairEntry> closeOutCandidates(const Snapshot& snapshot, const PairFacts& facts,
                                          const MetricSettings& settings, const Scope& scope)
{
    const std::int32_t t = toSerial(facts.asOf);
    const std::int32_t from = t - settings.closeOutClosedDays;
    const std::int32_t to = t - (settings.closeOutUnseenDays + 1);
    const ClinicianMask mask = clinicianMask(snapshot, scope);
    std::vector<PairEntry> result;
    for (std::size_t p = 0; p < facts.pairs.size(); ++p) {
        const PairFact& f = facts.pairs[p];
        const SnapshotPair& pair = snapshot.pairs[p];
        if (mask[static_cast<std::size_t>(pair.clinician)] && f.lastQualifyingSerial != kNoDay
            && from <= f.lastQualifyingSerial && f.lastQualifyingSerial <= to && f.nextScheduledSerial == kNoDay
            && !facts.clientDischarged[static_cast<std::size_t>(pair.client)])
            result.push_back(pairEntry(snapshot, facts, p));
    }
    // Longest unseen first; pair order (first appointment) breaks ties.
    std::stable_sort(result.begin(), result.end(), [](const PairEntry& x, const PairEntry& y) {
        return x.lastQualifyingSerial < y.lastQualifyingSerial;
    });
    return result;
}

std::vector<PairEntry> attendancePolicy(const Snapshot& snapshot, const PairFacts& facts,
                                        const MetricSettings& settings, const Scope& scope)
{
    auto result = pairsWhere(snapshot, facts, scope, [&](const PairFact& f) {
        return f.billableCancels12m >= settings.attendancePolicyCount;
    });
    std::stable_sort(result.begin(), result.end(), [](const PairEntry& x, const PairEntry& y) {
        return x.billableCancels12m > y.billableCancels12m;
    });
    return result;
}

OverdueNotes overdueNotes(const Snapshot& snapshot, const MetricSettings& settings, Day asOf, const Scope& scope)
{
    OverdueNotes result;
    result.perClinician.assign(snapshot.clinicians.size(), 0);
    detail::forEachListedRow(snapshot, snapshot.unsignedNoteRows, clinicianMask(snapshot, scope),
                             toSerial(asOf) - settings.noteDueDays, [&](std::size_t row) {
                                 ++result.perClinician[snapshot.appointments.clinician[row]];
                                 result.sessions.push_back(appointmentEntry(snapshot, row));
                             });
    return result;
}

MissingPayments missingPayments(const Snapshot& snapshot, const MetricSettings& settings, Day asOf,
                                 const Scope& scope)
{
    const AppointmentColumns& a = snapshot.appointments;
    MissingPayments result;
    // Sessions come by day, so each month's totals are contiguous: totals for the current
    // month are kept by payer and flushed when the month changes.
    std::vector<PaymentTotal> monthTotals(snapshot.payers.size());
    std::vector<std::uint16_t> monthPayers;
    const auto flush = [&] {
        std::sort(monthPayers.begin(), monthPayers.end(),
                  [&](std::uint16_t x, std::uint16_t y) { return snapshot.payers[x] < snapshot.payers[y]; });
        for (std::uint16_t payer : monthPayers) {
            result.totals.push_back(std::move(monthTotals[payer]));
            result.totals.back().payer = snapshot.payers[payer];
            monthTotals[payer] = {};
        }
        monthPayers.clear();
    };
    std::chrono::year_month current{};
    detail::forEachListedRow(
        snapshot, snapshot.unpaidRows, clinicianMask(snapshot, scope), toSerial(asOf) - settings.paymentLagDays,
        [&](std::size_t row) {
            MissingPayment entry;
            entry.appointment = appointmentEntry(snapshot, row);
            entry.fee = a.fee[row];
            entry.paid = knownOrZero(a.clientPaid[row]) + knownOrZero(a.insurancePaid[row]);
            entry.balance = entry.fee - entry.paid;
            entry.payer = snapshot.payers[a.payer[row]];
            result.balance += entry.balance;
            result.sessions.push_back(entry);

            const std::chrono::year_month month = monthOf(a.daySerial[row]);
            if (month != current) {
                flush();
                current = month;
            }
            PaymentTotal& total = monthTotals[a.payer[row]];
            if (total.sessions == 0) {
                monthPayers.push_back(a.payer[row]);
                total.year = static_cast<int>(month.year());
                total.month = unsigned(month.month());
            }
            ++total.sessions;
            total.balance += entry.balance;
        });
    flush();
    return result;
}

std::vector<AppointmentEntry> unmarkedAppointments(const Snapshot& snapshot, Day asOf, const Scope& scope)
{
    std::vector<AppointmentEntry> result;
    detail::forEachListedRow(snapshot, snapshot.scheduledRows, clinicianMask(snapshot, scope), toSerial(asOf),
                             [&](std::size_t row) { result.push_back(appointmentEntry(snapshot, row)); });
    return result;
}

std::int64_t intakesIn(const Snapshot& snapshot, const PairFacts& facts, const Scope& scope, std::int32_t fromSerial,
                       std::int32_t toSerial)
{
    std::int64_t count = 0;
    forEachIntake(snapshot, facts, scope, [&](std::int32_t intake) {
        count += fromSerial <= intake && intake <= toSerial ? 1 : 0;
    });
    return count;
}

std::vector<MonthCount> intakesPerMonth(const Snapshot& snapshot, const PairFacts& facts, const Scope& scope,
                                        int months)
{
    const std::int32_t t = toSerial(facts.asOf);
    const std::chrono::year_month last = monthOf(t);
    const std::chrono::year_month first = last - std::chrono::months{months - 1};
    std::vector<MonthCount> result;
    for (std::chrono::year_month month = first; month <= last; month += std::chrono::months{1})
        result.push_back({static_cast<int>(month.year()), unsigned(month.month()), 0});
    if (result.empty())
        return result;

    const std::int32_t from = firstDaySerial(first);
    forEachIntake(snapshot, facts, scope, [&](std::int32_t intake) {
        if (intake < from || intake > t)
            return;
        const std::chrono::year_month month = monthOf(intake);
        const auto index = (month.year() - first.year()).count() * 12
            + (static_cast<int>(unsigned(month.month())) - static_cast<int>(unsigned(first.month())));
        ++result[static_cast<std::size_t>(index)].count;
    });
    return result;
}

} // namespace caseboard::metrics
