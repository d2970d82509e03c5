#pragma once
// Records what one import changes, so that rolling the batch back (batch_rollback.h)
// can undo it exactly. Inside the import's transaction it notes each table's highest id
// (rows the import adds take the ids above it) and, through temporary triggers, copies
// every older row the import updates, as it was before, into the table's
// *_before_batch twin. The importer needs no other bookkeeping: whatever path writes a
// row, the journal sees it.

#include "caseboard/core/domain.h"

#include <cstdint>
#include <string>
#include <vector>

namespace caseboard {

namespace sql {
class Connection;
}

// A table an import writes to, in the order a rollback deletes from them (rows that
// refer to others first).
struct JournaledTable {
    const char* name;
    bool hasTwin; // updated rows are kept in <name>_before_batch; without one, rows are only ever added
};
const std::vector<JournaledTable>& journaledTables();

// The columns of a table's *_before_batch twin other than batch_id: the row as it was.
std::vector<std::string> twinColumns(sql::Connection& connection, const std::string& table);

class BatchJournal {
public:
    // Starts recording for `batchId`; the caller holds a write transaction open.
    BatchJournal(sql::Connection& connection, RowId batchId);
    // Stops recording. The copies already made stay in the transaction, which the
    // caller commits or rolls back.
    ~BatchJournal();
    BatchJournal(const BatchJournal&) = delete;
    BatchJournal& operator=(const BatchJournal&) = delete;

    // Notes the ids the batch added and stops recording; call before committing.
    void finish();

private:
    void stop();

    sql::Connection& db_;
    RowId batchId_;
    std::vector<std::int64_t> maxIdBefore_; // by journaledTables()
    bool recording_ = false;
};

} // namespace caseboard
