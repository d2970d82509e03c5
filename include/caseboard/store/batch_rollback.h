#pragma once
// Undoing an import. A batch records the ids it inserted and a copy of every row it
// updated as the row was before (schema version 4), so rolling it back removes what it
// added and puts back what it changed, exactly. Batches are undone newest first: rolling
// back a batch also rolls back every later batch still in force, since a later import
// may have changed the same rows again.

#include "caseboard/core/domain.h"
#include "caseboard/store/import_batch.h"

#include <cstdint>
#include <vector>

namespace caseboard {

class Store;

struct RollbackPlan {
    // The batch asked for and every later batch still in force, newest first.
    std::vector<ImportBatch> batches;
    std::int64_t appointmentsRemoved = 0;  // rows the batches inserted
    std::int64_t appointmentsRestored = 0; // rows the batches updated, put back as before
    std::int64_t clientsRemoved = 0;
    std::int64_t clientsRestored = 0;
    std::int64_t cliniciansRemoved = 0;
    std::int64_t cliniciansRestored = 0;
    std::int64_t paymentsRemoved = 0;
    std::int64_t staffHoursRemoved = 0;
    std::int64_t staffHoursRestored = 0;
};

// What rolling back `batchId` would do; changes nothing. Throws std::invalid_argument
// for an unknown batch or one already rolled back.
RollbackPlan planRollback(Store& store, RowId batchId);

// Rolls back `batchId` and every later batch still in force, in one transaction: on any
// error the database is exactly as before and the error is rethrown. The batches stay in
// the history, marked with the time they were rolled back.
RollbackPlan rollBackBatch(Store& store, RowId batchId);

// A table an import writes, with its columns as its *_before_batch twin holds them (id
// first, without batch_id). Listed in the order a rollback deletes inserted rows:
// rows that refer to clients and clinicians before them.
struct JournaledTable {
    const char* name;
    const char* columns; // empty: no twin, the import never updates its rows (payments)
};
const std::vector<JournaledTable>& journaledTables();

} // namespace caseboard
