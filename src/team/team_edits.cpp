#include "caseboard/team/team_edits.h"

#include "../import/cell_reader.h" // nameKey: aliases must match names exactly as imports do

#include "caseboard/import/status_map.h"
#include "caseboard/store/store.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace caseboard::team {

namespace {

std::optional<int> serialOf(const std::optional<Day>& day)
{
    return day ? std::optional<int>(toSerial(*day)) : std::nullopt;
}

std::string trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

std::string formatGoal(double goal)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", goal);
    return buffer;
}

std::string describePeriod(Day from, const std::optional<Day>& to)
{
    return formatIsoDay(from) + (to ? " to " + formatIsoDay(*to) : std::string(" onwards"));
}

std::string clinicianName(Store& store, RowId id)
{
    auto statement = store.connection().prepare("SELECT name FROM clinicians WHERE id = ?");
    statement.bind(1, id);
    return statement.step() ? statement.text(0) : std::string();
}

} // namespace

const std::vector<std::string>& clinicianRoles()
{
    static const std::vector<std::string> roles{"clinician", "intern", "clinical director", "intake coordinator",
                                                "admin"};
    return roles;
}

std::vector<std::string> aliasesOf(Store& store, RowId clinician)
{
    auto statement = store.connection().prepare(
        "SELECT alias FROM clinician_aliases WHERE clinician_id = ? ORDER BY alias COLLATE NOCASE");
    statement.bind(1, clinician);
    std::vector<std::string> result;
    while (statement.step())
        result.push_back(statement.text(0));
    return result;
}

std::vector<std::pair<RowId, std::string>> allAliases(Store& store)
{
    auto statement = store.connection().prepare(
        "SELECT clinician_id, alias FROM clinician_aliases ORDER BY clinician_id, alias COLLATE NOCASE");
    std::vector<std::pair<RowId, std::string>> result;
    while (statement.step())
        result.emplace_back(statement.int64(0), statement.text(1));
    return result;
}

std::vector<RowId> mergeCandidates(Store& store, RowId self, const std::vector<std::string>& aliases)
{
    std::set<std::string> keys;
    for (const std::string& alias : aliases)
        if (std::string key = import::nameKey(trimmed(alias)); !key.empty())
            keys.insert(std::move(key));
    std::vector<RowId> result;
    for (const Clinician& c : store.clinicians())
        if (c.id != self && keys.count(import::nameKey(c.name)) != 0)
            result.push_back(c.id);
    return result;
}

SavedClinician saveClinician(Store& store, const Clinician& input, const std::vector<std::string>& aliasList)
{
    Clinician clinician = input;
    clinician.name = trimmed(clinician.name);
    if (clinician.name.empty())
        throw EditRefused("A clinician needs a name.");
    if (clinician.startDate && clinician.endDate && *clinician.endDate < *clinician.startDate)
        throw EditRefused(clinician.name + ": the end date " + formatIsoDay(*clinician.endDate)
                          + " is before the start date " + formatIsoDay(*clinician.startDate) + ".");
    if (clinician.hourlyRate && *clinician.hourlyRate < 0)
        throw EditRefused(clinician.name + ": the hourly rate cannot be negative.");
    if (clinician.role.empty())
        clinician.role = "clinician";
    const auto& roles = clinicianRoles();
    if (std::find(roles.begin(), roles.end(), clinician.role) == roles.end())
        throw EditRefused(clinician.name + ": unknown role \"" + clinician.role + "\".");

    // Distinct aliases, not the clinician's own name.
    const std::string ownKey = import::nameKey(clinician.name);
    std::vector<std::string> aliases;
    std::set<std::string> aliasKeys;
    for (const std::string& raw : aliasList) {
        std::string alias = trimmed(raw);
        std::string key = import::nameKey(alias);
        if (key.empty() || key == ownKey || !aliasKeys.insert(key).second)
            continue;
        aliases.push_back(std::move(alias));
    }

    // Names and aliases belong to one clinician: refuse what another already claims as an alias.
    for (const auto& [owner, alias] : allAliases(store)) {
        if (owner == clinician.id)
            continue;
        const std::string key = import::nameKey(alias);
        if (key == ownKey || aliasKeys.count(key) != 0)
            throw EditRefused("\"" + alias + "\" is already an alias of " + clinicianName(store, owner) + ".");
    }
    for (const Clinician& other : store.clinicians())
        if (other.id != clinician.id && import::nameKey(other.name) == ownKey)
            throw EditRefused("There is already a clinician named " + other.name
                              + ". Add this name as an alias of theirs to merge the two.");

    sql::Transaction transaction(store.connection());
    sql::Connection& db = store.connection();
    SavedClinician saved;
    if (clinician.id == 0) {
        saved.id = store.addClinician(clinician);
    } else {
        store.updateClinician(clinician);
        saved.id = clinician.id;
    }

    for (const RowId duplicate : mergeCandidates(store, saved.id, aliases)) {
        saved.merged.push_back(clinicianName(store, duplicate));
        auto move = db.prepare("UPDATE appointments SET clinician_id = ? WHERE clinician_id = ?");
        move.bind(1, saved.id).bind(2, duplicate);
        move.run();
        saved.appointmentsMoved += db.changes();
        // The duplicate's own spellings become this clinician's; its goal periods are
        // dropped: the goal of one person is the goal of the row that is kept.
        auto aliasesOfDuplicate = db.prepare("SELECT alias FROM clinician_aliases WHERE clinician_id = ?");
        aliasesOfDuplicate.bind(1, duplicate);
        while (aliasesOfDuplicate.step()) {
            std::string alias = aliasesOfDuplicate.text(0);
            if (aliasKeys.insert(import::nameKey(alias)).second)
                aliases.push_back(std::move(alias));
        }
        auto remove = db.prepare("DELETE FROM clinicians WHERE id = ?");
        remove.bind(1, duplicate);
        remove.run();
    }

    auto clear = db.prepare("DELETE FROM clinician_aliases WHERE clinician_id = ?");
    clear.bind(1, saved.id);
    clear.run();
    auto insert = db.prepare("INSERT INTO clinician_aliases (alias, clinician_id) VALUES (?, ?)");
    for (const std::string& alias : aliases) {
        insert.bind(1, alias).bind(2, saved.id);
        insert.run();
    }
    transaction.commit();
    return saved;
}

std::optional<std::string> goalPeriodProblem(Store& store, const GoalPeriod& period)
{
    const std::string name = clinicianName(store, period.clinicianId);
    if (name.empty())
        return "The goal period belongs to no clinician of the team.";
    if (!std::isfinite(period.weeklyGoal) || period.weeklyGoal < 0)
        return name + ": the weekly goal must be 0 (leave) or more, not " + formatGoal(period.weeklyGoal) + ".";
    if (period.to && *period.to < period.from)
        return name + ": the period ends on " + formatIsoDay(*period.to) + ", before it starts on "
            + formatIsoDay(period.from) + ".";
    for (const GoalPeriod& other : store.goalPeriods()) {
        if (other.clinicianId != period.clinicianId || other.id == period.id)
            continue;
        const bool startsAfterOtherEnds = other.to && period.from > *other.to;
        const bool endsBeforeOtherStarts = period.to && *period.to < other.from;
        if (!startsAfterOtherEnds && !endsBeforeOtherStarts)
            return name + ": " + describePeriod(period.from, period.to) + " overlaps the period "
                + describePeriod(other.from, other.to) + " (weekly goal " + formatGoal(other.weeklyGoal)
                + "). End that period first, or change the dates.";
    }
    return std::nullopt;
}

RowId saveGoalPeriod(Store& store, const GoalPeriod& period)
{
    sql::Transaction transaction(store.connection());
    if (auto problem = goalPeriodProblem(store, period))
        throw EditRefused(*problem);
    RowId id = period.id;
    if (id == 0) {
        id = store.addGoalPeriod(period);
    } else {
        auto update = store.connection().prepare(
            "UPDATE goal_periods SET clinician_id = ?, from_day = ?, to_day = ?, weekly_goal = ? WHERE id = ?");
        update.bind(1, period.clinicianId).bind(2, toSerial(period.from)).bind(3, serialOf(period.to));
        update.bind(4, period.weeklyGoal).bind(5, id);
        update.run();
        if (store.connection().changes() != 1)
            throw EditRefused("That goal period no longer exists.");
    }
    transaction.commit();
    return id;
}

void deleteGoalPeriod(Store& store, RowId period)
{
    sql::Transaction transaction(store.connection());
    auto remove = store.connection().prepare("DELETE FROM goal_periods WHERE id = ?");
    remove.bind(1, period);
    remove.run();
    if (store.connection().changes() != 1)
        throw EditRefused("That goal period no longer exists.");
    transaction.commit();
}

void writeSetting(Store& store, const std::string& key, const std::optional<SettingValue>& value)
{
    writeSettings(store, {{key, value}});
}

void writeSettings(Store& store, const std::vector<std::pair<std::string, std::optional<SettingValue>>>& values)
{
    sql::Transaction transaction(store.connection());
    auto remove = store.connection().prepare("DELETE FROM settings WHERE key = ?");
    for (const auto& [key, value] : values) {
        if (value) {
            store.setSetting(key, *value);
        } else {
            remove.bind(1, key);
            remove.run();
        }
    }
    transaction.commit();
}

std::vector<RawStatusUse> rawStatusUses(Store& store)
{
    auto statement = store.connection().prepare(
        "SELECT raw_status, status, count(*) FROM appointments GROUP BY raw_status, status "
        "ORDER BY count(*) DESC, raw_status");
    std::vector<RawStatusUse> result;
    while (statement.step()) {
        RawStatusUse use;
        use.rawStatus = statement.text(0);
        use.category = static_cast<StatusCategory>(statement.integer(1));
        use.appointments = statement.int64(2);
        result.push_back(std::move(use));
    }
    return result;
}

std::int64_t remapStatus(Store& store, std::string_view rawStatus, StatusCategory category)
{
    const std::string key = statusMatchKey(rawStatus);
    sql::Transaction transaction(store.connection());
    import::StatusMap map = import::StatusMap::load(store);
    map.set(rawStatus, category);
    map.save(store);

    // Every spelling that matches the same key is the same status to an import.
    std::vector<std::string> spellings;
    auto distinct = store.connection().prepare("SELECT DISTINCT raw_status FROM appointments");
    while (distinct.step())
        if (statusMatchKey(distinct.textView(0)) == key)
            spellings.push_back(distinct.text(0));
    std::int64_t changed = 0;
    auto update = store.connection().prepare("UPDATE appointments SET status = ? WHERE raw_status = ? AND status <> ?");
    for (const std::string& spelling : spellings) {
        update.bind(1, static_cast<int>(category)).bind(2, spelling).bind(3, static_cast<int>(category));
        update.run();
        changed += store.connection().changes();
    }
    transaction.commit();
    return changed;
}

} // namespace caseboard::team
