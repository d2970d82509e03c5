#include "caseboard/store/batch_rollback.h"

#include "caseboard/core/utc_time.h"
#include "caseboard/store/batch_journal.h"
#include "caseboard/store/store.h"

#include <spdlog/spdlog.h>

#include <stdexcept>

namespace caseboard {

namespace {

// The batches a rollback of `batchId` undoes: it and every later one still in force.
constexpr const char* kBatchesUndone =
    "batch_id >= ?1 AND batch_id IN (SELECT id FROM import_batches WHERE rolled_back_at IS NULL)";

// True when the batch left a record of what it changed. Batches imported before schema
// version 4 left none: undoing them would only mark them, so they are refused.
bool journaled(sql::Connection& db, RowId batchId)
{
    std::string sql = "SELECT EXISTS (SELECT 1 FROM batch_inserted_ids WHERE batch_id = ?1)";
    for (const JournaledTable& table : journaledTables())
        if (table.hasTwin)
            sql += std::string(" OR EXISTS (SELECT 1 FROM ") + table.name + "_before_batch WHERE batch_id = ?1)";
    auto query = db.prepare(sql);
    query.bind(1, batchId);
    return query.step() && query.int64(0) != 0;
}

std::vector<ImportBatch> batchesToUndo(Store& store, RowId batchId)
{
    std::vector<ImportBatch> batches;
    bool found = false;
    for (ImportBatch& batch : store.importBatches()) {
        if (batch.id == batchId) {
            if (!batch.inForce())
                throw std::invalid_argument("import " + std::to_string(batchId) + " was already rolled back on "
                                            + batch.rolledBackAt);
            found = true;
        }
        if (batch.id >= batchId && batch.inForce())
            batches.push_back(std::move(batch));
    }
    if (!found)
        throw std::invalid_argument("there is no import " + std::to_string(batchId));
    for (const ImportBatch& batch : batches)
        if (batch.added + batch.updated > 0 && !journaled(store.connection(), batch.id))
            throw std::runtime_error(
                "import " + std::to_string(batchId) + " cannot be rolled back: "
                + (batch.id == batchId ? std::string("it") : "the later import " + std::to_string(batch.id))
                + " was made by an earlier Caseboard that did not record what it changed; restore a backup instead");
    return {batches.rbegin(), batches.rend()};
}

std::int64_t count(sql::Connection& db, const std::string& sql, RowId batchId)
{
    auto statement = db.prepare(sql);
    statement.bind(1, batchId);
    return statement.step() ? statement.int64(0) : 0;
}

// Rows of `table` the batches added that are still there.
std::int64_t rowsToRemove(sql::Connection& db, const std::string& table, RowId batchId)
{
    return count(db,
                 "SELECT coalesce(sum((SELECT count(*) FROM main." + table
                     + " t WHERE t.id BETWEEN r.first_id AND r.last_id)), 0) FROM batch_inserted_ids r "
                       "WHERE r.table_name = '"
                     + table + "' AND r." + kBatchesUndone,
                 batchId);
}

// Rows of `table` the batches changed that will stay, as they were before: not those an
// earlier batch of the same rollback added, which go altogether.
std::int64_t rowsToRestore(sql::Connection& db, const std::string& table, RowId batchId)
{
    return count(db,
                 "SELECT count(DISTINCT b.id) FROM " + table + "_before_batch b JOIN main." + table
                     + " t ON t.id = b.id WHERE b." + kBatchesUndone
                     + " AND NOT EXISTS (SELECT 1 FROM batch_inserted_ids r WHERE r.table_name = '" + table
                     + "' AND r." + kBatchesUndone + " AND b.id BETWEEN r.first_id AND r.last_id)",
                 batchId);
}

void undo(sql::Connection& db, RowId batchId)
{
    // Rows first put back as they were, so that none still refers to a row about to go.
    for (const JournaledTable& table : journaledTables()) {
        if (!table.hasTwin)
            continue;
        const std::string name = table.name;
        std::string columns;
        std::string values;
        for (const std::string& column : twinColumns(db, name)) {
            if (column == "id")
                continue;
            columns += (columns.empty() ? "" : ", ") + column;
            values += (values.empty() ? "b." : ", b.") + column;
        }
        auto restore = db.prepare("UPDATE " + name + " SET (" + columns + ") = (" + values + ") FROM "
                                  + name + "_before_batch b WHERE b.batch_id = ? AND " + name + ".id = b.id");
        restore.bind(1, batchId);
        restore.run();
        auto forget = db.prepare("DELETE FROM " + name + "_before_batch WHERE batch_id = ?");
        forget.bind(1, batchId);
        forget.run();
    }
    // journaledTables() lists rows that refer to others first.
    for (const JournaledTable& table : journaledTables()) {
        const std::string name = table.name;
        auto remove = db.prepare("DELETE FROM main." + name
                                 + " WHERE id BETWEEN (SELECT first_id FROM batch_inserted_ids WHERE batch_id = ?1 "
                                   "AND table_name = ?2) AND (SELECT last_id FROM batch_inserted_ids WHERE "
                                   "batch_id = ?1 AND table_name = ?2)");
        remove.bind(1, batchId).bind(2, name);
        remove.run();
    }
    // The record has served: a rolled-back batch is never undone again.
    auto forget = db.prepare("DELETE FROM batch_inserted_ids WHERE batch_id = ?");
    forget.bind(1, batchId);
    forget.run();
    auto mark = db.prepare("UPDATE import_batches SET rolled_back_at = ? WHERE id = ?");
    mark.bind(1, utcNow()).bind(2, batchId);
    mark.run();
}

} // namespace

RollbackPlan planRollback(Store& store, RowId batchId)
{
    RollbackPlan plan;
    plan.batches = batchesToUndo(store, batchId);
    sql::Connection& db = store.connection();
    plan.appointmentsRemoved = rowsToRemove(db, "appointments", batchId);
    plan.appointmentsRestored = rowsToRestore(db, "appointments", batchId);
    plan.clientsRemoved = rowsToRemove(db, "clients", batchId);
    plan.clientsRestored = rowsToRestore(db, "clients", batchId);
    plan.cliniciansRemoved = rowsToRemove(db, "clinicians", batchId);
    plan.cliniciansRestored = rowsToRestore(db, "clinicians", batchId);
    plan.paymentsRemoved = rowsToRemove(db, "payments", batchId);
    plan.staffHoursRemoved = rowsToRemove(db, "staff_hours", batchId);
    plan.staffHoursRestored = rowsToRestore(db, "staff_hours", batchId);
    return plan;
}

RollbackPlan rollBackBatch(Store& store, RowId batchId)
{
    sql::Connection& db = store.connection();
    sql::Transaction transaction(db);
    RollbackPlan plan = planRollback(store, batchId);
    try {
        for (const ImportBatch& batch : plan.batches) // newest first
            undo(db, batch.id);
    } catch (const sql::Error& error) {
        // Typically a row edited by hand since (a clinician merged away, an appointment
        // added for a client the import brought) that still refers to what would go.
        const bool constraint = (error.code() & 0xFF) == 19; // SQLITE_CONSTRAINT
        throw sql::Error("import " + std::to_string(batchId) + " cannot be rolled back, so nothing was changed: "
                             + (constraint ? "rows edited since still refer to what it added (" : "")
                             + error.what() + (constraint ? ")" : ""),
                         error.code());
    }
    transaction.commit();
    spdlog::info("rolled back import {} and {} later import(s): {} appointments removed, {} restored", batchId,
                 plan.batches.size() - 1, plan.appointmentsRemoved, plan.appointmentsRestored);
    return plan;
}

} // namespace caseboard
