#include "caseboard/store/batch_rollback.h"

#include "caseboard/core/utc_time.h"
#include "caseboard/store/store.h"

#include <spdlog/spdlog.h>

#include <map>
#include <stdexcept>
#include <string>

namespace caseboard {

const std::vector<JournaledTable>& journaledTables()
{
    static const std::vector<JournaledTable> tables{
        {"appointments",
         "id, source_system, source_key, client_id, clinician_id, day, start_minute, duration_minutes, service_code, "
         "status, raw_status, location, fee_cents, client_paid_cents, insurance_paid_cents, payer, note_status, "
         "import_batch_id"},
        {"payments", ""},
        {"staff_hours", "id, clinician_id, day, hours, import_batch_id"},
        {"goal_periods", "id, clinician_id, from_day, to_day, weekly_goal"},
        {"clients", "id, source_system, source_key, display_name, status, added_day"},
        {"clinicians", "id, name, clinician_type, location, supervisor, start_day, end_day, hourly_rate_cents, role"},
    };
    return tables;
}

namespace {

std::string withoutId(const std::string& columns) { return columns.substr(columns.find(',') + 2); }

struct TableCounts {
    std::int64_t removed = 0;
    std::int64_t restored = 0;
};

TableCounts countFor(sql::Connection& db, RowId batchId, const JournaledTable& table)
{
    TableCounts counts;
    const std::string name = table.name;
    // Rows of the range that are still there: a later edit may have deleted some.
    auto removed = db.prepare("SELECT count(*) FROM main." + name + " t JOIN batch_inserted_ids r ON r.batch_id = ? "
                              "AND r.table_name = ? AND t.id BETWEEN r.first_id AND r.last_id");
    removed.bind(1, batchId).bind(2, name);
    if (removed.step())
        counts.removed = removed.int64(0);
    if (*table.columns != '\0') {
        auto restored = db.prepare("SELECT count(*) FROM main." + name + "_before_batch WHERE batch_id = ?");
        restored.bind(1, batchId);
        if (restored.step())
            counts.restored = restored.int64(0);
    }
    return counts;
}

// Rows of `table` the rollback puts back as they were: each once, however many of its
// batches changed it, and not those an earlier batch of the same rollback added, which
// go altogether.
std::int64_t restoredBy(sql::Connection& db, RowId batchId, const std::string& table)
{
    const std::string undone =
        "batch_id >= ?1 AND batch_id IN (SELECT id FROM import_batches WHERE rolled_back_at IS NULL)";
    auto restored = db.prepare("SELECT count(DISTINCT b.id) FROM main." + table + "_before_batch b JOIN main." + table
                               + " t ON t.id = b.id WHERE b." + undone
                               + " AND NOT EXISTS (SELECT 1 FROM batch_inserted_ids r WHERE r.table_name = ?2 AND r."
                               + undone + " AND b.id BETWEEN r.first_id AND r.last_id)");
    restored.bind(1, batchId).bind(2, table);
    return restored.step() ? restored.int64(0) : 0;
}

void addCounts(RollbackPlan& plan, const std::string& table, const TableCounts& counts)
{
    if (table == "appointments")
        plan.appointmentsRemoved += counts.removed;
    else if (table == "clients")
        plan.clientsRemoved += counts.removed;
    else if (table == "clinicians")
        plan.cliniciansRemoved += counts.removed;
    else if (table == "payments")
        plan.paymentsRemoved += counts.removed;
    else if (table == "staff_hours")
        plan.staffHoursRemoved += counts.removed;
    // goal_periods are part of a clinician's record in the plan's terms: not counted apart.
}

bool hasJournal(sql::Connection& db, RowId batchId)
{
    auto inserted = db.prepare("SELECT 1 FROM batch_inserted_ids WHERE batch_id = ? LIMIT 1");
    inserted.bind(1, batchId);
    if (inserted.step())
        return true;
    for (const JournaledTable& table : journaledTables()) {
        if (*table.columns == '\0')
            continue;
        auto before = db.prepare("SELECT 1 FROM main." + std::string(table.name) + "_before_batch WHERE batch_id = ? LIMIT 1");
        before.bind(1, batchId);
        if (before.step())
            return true;
    }
    return false;
}

// Undoes one batch: puts back every row it updated, as it was, then deletes what it
// inserted (rows that refer to clients and clinicians first).
void undoBatch(sql::Connection& db, RowId batchId)
{
    for (const JournaledTable& table : journaledTables()) {
        if (*table.columns == '\0')
            continue;
        const std::string name = table.name;
        const std::string columns = withoutId(table.columns);
        // An UPDATE, not INSERT OR REPLACE: replacing a clinician would delete it first,
        // and with it, by cascade, its goal periods and aliases.
        auto restore = db.prepare("UPDATE main." + name + " SET (" + columns + ") = (SELECT " + columns + " FROM main."
                                  + name + "_before_batch b WHERE b.batch_id = ?1 AND b.id = main." + name
                                  + ".id) WHERE id IN (SELECT id FROM main." + name
                                  + "_before_batch WHERE batch_id = ?1)");
        restore.bind(1, batchId);
        restore.run();
    }
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> ranges;
    auto inserted = db.prepare("SELECT table_name, first_id, last_id FROM batch_inserted_ids WHERE batch_id = ?");
    inserted.bind(1, batchId);
    while (inserted.step())
        ranges[inserted.text(0)] = {inserted.int64(1), inserted.int64(2)};
    for (const JournaledTable& table : journaledTables()) {
        const auto range = ranges.find(table.name);
        if (range == ranges.end())
            continue;
        auto remove = db.prepare("DELETE FROM main." + std::string(table.name) + " WHERE id BETWEEN ? AND ?");
        remove.bind(1, range->second.first).bind(2, range->second.second);
        remove.run();
    }
    // The journal has served: a rolled-back batch is never undone again.
    auto forget = db.prepare("DELETE FROM batch_inserted_ids WHERE batch_id = ?");
    forget.bind(1, batchId);
    forget.run();
    for (const JournaledTable& table : journaledTables()) {
        if (*table.columns == '\0')
            continue;
        auto drop = db.prepare("DELETE FROM main." + std::string(table.name) + "_before_batch WHERE batch_id = ?");
        drop.bind(1, batchId);
        drop.run();
    }
}

} // namespace

RollbackPlan planRollback(Store& store, RowId batchId)
{
    const std::vector<ImportBatch> batches = store.importBatches();
    const ImportBatch* asked = nullptr;
    for (const ImportBatch& batch : batches)
        if (batch.id == batchId)
            asked = &batch;
    if (!asked)
        throw std::invalid_argument("there is no import batch " + std::to_string(batchId));
    if (!asked->inForce())
        throw std::invalid_argument("import batch " + std::to_string(batchId) + " was already rolled back at "
                                    + asked->rolledBackAt);

    RollbackPlan plan;
    for (auto batch = batches.rbegin(); batch != batches.rend(); ++batch)
        if (batch->id >= batchId && batch->inForce())
            plan.batches.push_back(*batch);
    sql::Connection& db = store.connection();
    for (const ImportBatch& batch : plan.batches) {
        std::int64_t journaled = 0;
        for (const JournaledTable& table : journaledTables()) {
            const TableCounts counts = countFor(db, batch.id, table);
            addCounts(plan, table.name, counts);
            journaled += counts.removed + counts.restored;
        }
        // Imports before schema version 4 recorded nothing to undo them with: marking one
        // rolled back would claim an undo that did not happen.
        if (journaled == 0 && (batch.added > 0 || batch.updated > 0) && !hasJournal(db, batch.id))
            throw std::invalid_argument("import batch " + std::to_string(batch.id) + " (" + batch.fileName
                                        + ") was imported by an earlier Caseboard that did not record what imports "
                                          "change, so it cannot be rolled back; restore a backup instead");
    }
    plan.appointmentsRestored = restoredBy(db, batchId, "appointments");
    plan.clientsRestored = restoredBy(db, batchId, "clients");
    plan.cliniciansRestored = restoredBy(db, batchId, "clinicians");
    plan.staffHoursRestored = restoredBy(db, batchId, "staff_hours");
    return plan;
}

RollbackPlan rollBackBatch(Store& store, RowId batchId)
{
    sql::Connection& db = store.connection();
    sql::Transaction transaction(db);
    RollbackPlan plan = planRollback(store, batchId);
    const std::string now = utcIsoNow();
    auto mark = db.prepare("UPDATE import_batches SET rolled_back_at = ? WHERE id = ?");
    try {
        for (ImportBatch& batch : plan.batches) {
            undoBatch(db, batch.id);
            mark.bind(1, now).bind(2, batch.id);
            mark.run();
            batch.rolledBackAt = now;
        }
    } catch (const sql::Error& error) {
        // Typically a row edited by hand since (a clinician merged away, an appointment
        // added for a client the import brought) that still refers to what would go.
        const bool constraint = (error.code() & 0xFF) == 19; // SQLITE_CONSTRAINT
        throw sql::Error("import batch " + std::to_string(batchId) + " cannot be rolled back, so nothing was changed: "
                             + (constraint ? "rows edited since still refer to what it added (" : "")
                             + error.what() + (constraint ? ")" : ""),
                         error.code());
    }
    transaction.commit();
    spdlog::info("rolled back {} import batch(es) from batch {}: {} appointments removed, {} restored",
                 plan.batches.size(), batchId, plan.appointmentsRemoved, plan.appointmentsRestored);
    return plan;
}

} // namespace caseboard
