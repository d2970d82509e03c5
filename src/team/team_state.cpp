#include "caseboard/team/team_state.h"

#include "caseboard/store/store.h"
#include "caseboard/team/team_edits.h"

#include <set>

namespace caseboard::team {

namespace {
std::optional<int> serialOf(const std::optional<Day>& day)
{
    return day ? std::optional<int>(toSerial(*day)) : std::nullopt;
}
} // namespace

TeamState captureTeamState(Store& store, const AppointmentSelection& selection)
{
    TeamState state;
    state.clinicians = store.clinicians();
    state.aliases = allAliases(store);
    state.goalPeriods = store.goalPeriods();
    auto keys = store.connection().prepare("SELECT key FROM settings ORDER BY key");
    while (keys.step()) {
        const std::string key = keys.text(0);
        if (auto value = store.setting(key))
            state.settings.push_back({key, *value});
    }
    auto keep = [&](sql::Statement& statement) {
        while (statement.step())
            state.appointments.push_back({statement.int64(0), statement.int64(1),
                                          static_cast<StatusCategory>(statement.integer(2))});
    };
    auto byClinician =
        store.connection().prepare("SELECT id, clinician_id, status FROM appointments WHERE clinician_id = ?");
    for (const RowId clinician : selection.clinicians) {
        byClinician.bind(1, clinician);
        keep(byClinician);
        byClinician.reset();
    }
    auto byId = store.connection().prepare("SELECT id, clinician_id, status FROM appointments WHERE id = ?");
    for (const RowId id : selection.appointments) {
        byId.bind(1, id);
        keep(byId);
        byId.reset();
    }
    if (selection.rawStatus) {
        // Every spelling an import would read as the same status.
        const std::string key = statusMatchKey(*selection.rawStatus);
        auto distinct = store.connection().prepare("SELECT DISTINCT raw_status FROM appointments");
        auto byStatus =
            store.connection().prepare("SELECT id, clinician_id, status FROM appointments WHERE raw_status = ?");
        while (distinct.step()) {
            if (statusMatchKey(distinct.textView(0)) != key)
                continue;
            byStatus.bind(1, distinct.text(0));
            keep(byStatus);
            byStatus.reset();
        }
    }
    return state;
}

AppointmentSelection sameAppointments(const TeamState& state)
{
    AppointmentSelection selection;
    for (const AppointmentOwner& a : state.appointments)
        selection.appointments.push_back(a.appointment);
    return selection;
}

void restoreTeamState(Store& store, const TeamState& state)
{
    sql::Connection& db = store.connection();
    sql::Transaction transaction(db);

    // Aliases first: they are re-inserted at the end and would otherwise block nothing,
    // but clearing them lets a clinician be renamed back freely.
    db.exec("DELETE FROM clinician_aliases");
    db.exec("DELETE FROM goal_periods");

    std::set<RowId> kept;
    auto exists = db.prepare("SELECT 1 FROM clinicians WHERE id = ?");
    auto insert = db.prepare(
        "INSERT INTO clinicians (id, name, clinician_type, location, supervisor, start_day, end_day, "
        "hourly_rate_cents, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const Clinician& c : state.clinicians) {
        kept.insert(c.id);
        exists.bind(1, c.id);
        const bool present = exists.step();
        exists.reset();
        if (present) {
            store.updateClinician(c);
        } else {
            insert.bind(1, c.id).bind(2, c.name).bind(3, c.clinicianType).bind(4, c.location).bind(5, c.supervisor);
            insert.bind(6, serialOf(c.startDate)).bind(7, serialOf(c.endDate)).bind(8, c.hourlyRate).bind(9, c.role);
            insert.run();
        }
    }

    auto owner = db.prepare("UPDATE appointments SET clinician_id = ?, status = ? WHERE id = ?");
    for (const AppointmentOwner& a : state.appointments) {
        owner.bind(1, a.clinician).bind(2, static_cast<int>(a.status)).bind(3, a.appointment);
        owner.run();
    }

    // Clinicians added after the capture go, unless an import has given them appointments.
    std::vector<RowId> added;
    auto all = db.prepare("SELECT id FROM clinicians");
    while (all.step())
        if (kept.count(all.int64(0)) == 0)
            added.push_back(all.int64(0));
    auto remove = db.prepare(
        "DELETE FROM clinicians WHERE id = ? AND NOT EXISTS (SELECT 1 FROM appointments WHERE clinician_id = ?)");
    for (const RowId id : added) {
        remove.bind(1, id).bind(2, id);
        remove.run();
    }

    auto alias = db.prepare("INSERT INTO clinician_aliases (alias, clinician_id) VALUES (?, ?)");
    for (const auto& entry : state.aliases) {
        alias.bind(1, entry.second).bind(2, entry.first);
        alias.run();
    }
    auto period = db.prepare(
        "INSERT INTO goal_periods (id, clinician_id, from_day, to_day, weekly_goal) VALUES (?, ?, ?, ?, ?)");
    for (const GoalPeriod& p : state.goalPeriods) {
        period.bind(1, p.id).bind(2, p.clinicianId).bind(3, toSerial(p.from)).bind(4, serialOf(p.to));
        period.bind(5, p.weeklyGoal);
        period.run();
    }

    db.exec("DELETE FROM settings");
    for (const SettingRow& row : state.settings)
        store.setSetting(row.key, row.value);
    transaction.commit();
}

} // namespace caseboard::team
