#include "caseboard/demo/demo_practice.h"

#include "caseboard/store/schema.h"
#include "caseboard/store/store.h"
#include "demo_plan.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caseboard {
namespace {

using demo::DemoPlan;
using demo::PlanSize;

// With a requested appointment count, plan at the given size, see how many appointments
// that gives and scale clinicians and clients together until the count is within 3%.
// Planning is cheap next to writing, and measuring beats a formula that would have to
// follow every change to how clients behave.
DemoPlan planToSize(const DemoOptions& options)
{
    PlanSize size{options.clinicians, options.clients};
    if (options.appointments > 0 && (size.clinicians <= 0 || size.clients <= 0))
        size = {DemoOptions{}.clinicians, DemoOptions{}.clients};
    DemoPlan plan = demo::planDemoPractice(options.seed, options.end, options.years, size);
    if (options.appointments <= 0)
        return plan;

    const double target = static_cast<double>(options.appointments);
    for (int attempt = 0; attempt < 4; ++attempt) {
        const auto planned = static_cast<double>(plan.appointments.size());
        if (planned <= 0.0)
            break;
        const double ratio = target / planned;
        if (std::abs(ratio - 1.0) <= 0.03)
            break;
        const PlanSize next{std::max(1, static_cast<int>(std::lround(size.clinicians * ratio))),
                            std::max(1, static_cast<int>(std::lround(size.clients * ratio)))};
        if (next.clinicians == size.clinicians && next.clients == size.clients)
            break;
        size = next;
        plan = demo::planDemoPractice(options.seed, options.end, options.years, size);
    }
    return plan;
}

// The store starts out empty, and sorting a million keys once is far cheaper than a
// million B-tree inserts: drop the appointment indexes, write, build them again. Both
// happen inside the transaction, so a rollback brings the indexes back.
class DeferredIndexes {
public:
    explicit DeferredIndexes(sql::Connection& connection) : connection_(connection)
    {
        for (const AppointmentIndex& index : appointmentIndexes())
            connection_.exec("DROP INDEX IF EXISTS " + index.name);
    }

    void rebuild()
    {
        for (const AppointmentIndex& index : appointmentIndexes())
            connection_.exec(index.create);
    }

private:
    sql::Connection& connection_;
};

std::optional<Cents> amount(std::int32_t cents)
{
    if (cents == demo::kNoAmount)
        return std::nullopt;
    return static_cast<Cents>(cents);
}

} // namespace

DemoSummary generateDemoPractice(Store& store, const DemoOptions& options)
{
    const auto started = std::chrono::steady_clock::now();
    DemoPlan plan = planToSize(options);
    const auto planned = std::chrono::steady_clock::now();

    DemoSummary summary;
    sql::Transaction tx(store.connection());

    std::vector<RowId> clinicianIds;
    clinicianIds.reserve(plan.clinicians.size());
    for (auto& clinician : plan.clinicians) {
        const RowId id = store.addClinician(clinician.record);
        clinicianIds.push_back(id);
        for (GoalPeriod& period : clinician.goalPeriods) {
            period.clinicianId = id;
            store.addGoalPeriod(period);
            ++summary.goalPeriods;
        }
    }

    // Thousands of new clients: one statement prepared once rather than an upsert each.
    std::vector<RowId> clientIds;
    clientIds.reserve(plan.clients.size());
    auto insertClient = store.connection().prepare(
        "INSERT INTO clients (source_system, source_key, display_name, status, added_day) VALUES (?, ?, ?, ?, ?)");
    for (const auto& entry : plan.clients) {
        const Client& client = entry.record;
        insertClient.bind(1, client.sourceSystem)
            .bind(2, client.sourceKey)
            .bind(3, client.displayName)
            .bind(4, client.status)
            .bind(5, client.dateAdded ? std::optional<std::int64_t>(toSerial(*client.dateAdded)) : std::nullopt);
        insertClient.run();
        clientIds.push_back(store.connection().lastInsertRowId());
    }

    DeferredIndexes indexes(store.connection());
    AppointmentWriter writer(store.connection());
    Appointment row;
    row.sourceSystem = "demo";
    char key[24];
    std::int64_t number = 0;
    for (const demo::PlannedAppointment& a : plan.appointments) {
        std::snprintf(key, sizeof key, "A%07lld", static_cast<long long>(++number));
        row.sourceKey = key;
        row.clientId = clientIds[static_cast<std::size_t>(a.client)];
        row.clinicianId = clinicianIds[static_cast<std::size_t>(a.clinician)];
        row.date = fromSerial(a.day);
        row.startMinute = a.startMinute;
        row.durationMinutes = a.durationMinutes;
        row.serviceCode = demo::serviceCodeText(a.code);
        row.status = a.status;
        row.rawStatus = demo::rawStatusText(a.raw);
        row.location = plan.locations[a.location];
        row.fee = amount(a.fee);
        row.clientPaid = amount(a.clientPaid);
        row.insurancePaid = amount(a.insurancePaid);
        const int payer = plan.clients[static_cast<std::size_t>(a.client)].payer;
        row.payer = payer >= 0 ? plan.payers[static_cast<std::size_t>(payer)] : std::string_view{};
        row.noteStatus = a.note;
        writer.insert(row);
    }
    indexes.rebuild();
    tx.commit();

    summary.clinicians = static_cast<int>(plan.clinicians.size());
    summary.clients = static_cast<int>(plan.clients.size());
    summary.appointments = static_cast<std::int64_t>(plan.appointments.size());
    if (!plan.appointments.empty()) {
        summary.first = fromSerial(plan.appointments.front().day);
        summary.last = fromSerial(plan.appointments.back().day);
    }

    const auto finished = std::chrono::steady_clock::now();
    using std::chrono::duration_cast;
    using std::chrono::milliseconds;
    spdlog::info("Demo practice: {} clinicians, {} goal periods, {} clients, {} appointments "
                 "(planned in {} ms, written in {} ms)",
                 summary.clinicians, summary.goalPeriods, summary.clients, summary.appointments,
                 duration_cast<milliseconds>(planned - started).count(),
                 duration_cast<milliseconds>(finished - planned).count());
    return summary;
}

} // namespace caseboard
