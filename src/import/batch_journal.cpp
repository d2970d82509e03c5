#include "batch_journal.h"

#include "caseboard/store/batch_rollback.h"

#include <spdlog/spdlog.h>

#include <string>

namespace caseboard::import {

namespace {

// "a, b" -> "OLD.a, OLD.b"
std::string oldValues(const std::string& columns)
{
    std::string values = "OLD.";
    for (char c : columns) {
        values += c;
        if (c == ' ')
            values += "OLD.";
    }
    return values;
}

} // namespace

BatchJournal::BatchJournal(sql::Connection& connection, RowId batchId) : db_(connection), batchId_(batchId)
{
    for (const JournaledTable& table : journaledTables()) {
        const std::string name = table.name;
        const std::int64_t maxId = db_.queryInt("SELECT max(id) FROM main." + name).value_or(0);
        maxIdBefore_.push_back(maxId);
        if (*table.columns == '\0')
            continue;
        // Only rows that were there before the import: one it inserted and then updated
        // (a payment applied to a new appointment) goes with its id range. INSERT OR
        // IGNORE keeps the row as the batch first found it. Numbers are written into the
        // trigger as literals because a trigger cannot read parameters; a trigger's body
        // may not qualify table names, and a temp one finds main's twin unqualified.
        const std::string trigger = "caseboard_journal_" + name;
        db_.exec("CREATE TEMP TRIGGER " + trigger + " AFTER UPDATE ON main." + name + " WHEN OLD.id <= "
                 + std::to_string(maxId) + " BEGIN INSERT OR IGNORE INTO " + name + "_before_batch (batch_id, "
                 + table.columns + ") VALUES (" + std::to_string(batchId_) + ", " + oldValues(table.columns)
                 + "); END");
        triggers_.push_back(trigger);
    }
}

BatchJournal::~BatchJournal()
{
    for (const std::string& trigger : triggers_) {
        try {
            db_.exec("DROP TRIGGER IF EXISTS temp." + trigger);
        } catch (const sql::Error& error) {
            // A temp trigger dies with the connection at the latest.
            spdlog::warn("could not drop the import's journal trigger: {}", error.what());
        }
    }
}

void BatchJournal::finish()
{
    auto record = db_.prepare(
        "INSERT INTO batch_inserted_ids (batch_id, table_name, first_id, last_id) VALUES (?, ?, ?, ?)");
    const auto& tables = journaledTables();
    for (std::size_t i = 0; i < tables.size(); ++i) {
        const std::string name = tables[i].name;
        const std::int64_t maxId = db_.queryInt("SELECT max(id) FROM main." + name).value_or(0);
        if (maxId <= maxIdBefore_[i])
            continue;
        record.bind(1, batchId_).bind(2, name).bind(3, maxIdBefore_[i] + 1).bind(4, maxId);
        record.run();
    }
}

} // namespace caseboard::import
