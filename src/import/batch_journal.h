#pragma once
// What one import changes, recorded inside its transaction so the batch can be rolled
// back exactly (caseboard/store/batch_rollback.h): the id range it inserts per table,
// and each row it updates as the row was before, copied by TEMP triggers that live only
// as long as the import.

#include "caseboard/core/domain.h"
#include "caseboard/store/sqlite.h"

#include <cstdint>
#include <vector>

namespace caseboard::import {

class BatchJournal {
public:
    // Notes each table's highest id and creates the triggers. Call inside the import's
    // transaction, after its batch row is written.
    BatchJournal(sql::Connection& connection, RowId batchId);
    ~BatchJournal(); // drops the triggers, whether the import committed or not
    BatchJournal(const BatchJournal&) = delete;
    BatchJournal& operator=(const BatchJournal&) = delete;

    // Records the id ranges inserted since construction. Call before the commit.
    void finish();

private:
    sql::Connection& db_;
    RowId batchId_;
    std::vector<std::int64_t> maxIdBefore_; // by journaledTables() index
    std::vector<std::string> triggers_;
};

} // namespace caseboard::import
