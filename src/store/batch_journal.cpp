#include "caseboard/store/batch_journal.h"

#include "caseboard/store/sqlite.h"

#include <spdlog/spdlog.h>

namespace caseboard {

namespace {
std::string triggerName(const std::string& table) { return "caseboard_journal_" + table; }
} // namespace

const std::vector<JournaledTable>& journaledTables()
{
    static const std::vector<JournaledTable> tables{
        {"payments", false},     {"staff_hours", true}, {"appointments", true},
        {"goal_periods", true},  {"clients", true},     {"clinicians", true},
    };
    return tables;
}

std::vector<std::string> twinColumns(sql::Connection& connection, const std::string& table)
{
    std::vector<std::string> columns;
    auto info = connection.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid");
    info.bind(1, table + "_before_batch");
    while (info.step())
        if (info.textView(0) != "batch_id")
            columns.push_back(info.text(0));
    return columns;
}

BatchJournal::BatchJournal(sql::Connection& connection, RowId batchId) : db_(connection), batchId_(batchId)
{
    recording_ = true;
    for (const JournaledTable& table : journaledTables()) {
        const std::string name = table.name;
        const std::int64_t maxId = db_.queryInt("SELECT coalesce(max(id), 0) FROM main." + name).value_or(0);
        maxIdBefore_.push_back(maxId);
        if (!table.hasTwin)
            continue;
        // Temporary: the trigger lives on this connection only, for this import only.
        // Rows above maxId are the batch's own; a rollback deletes them whole. OR IGNORE
        // keeps the first copy: the row as it was before the batch touched it.
        std::string columns;
        std::string values;
        for (const std::string& column : twinColumns(db_, name)) {
            columns += ", " + column;
            values += ", old." + column;
        }
        // A trigger left behind by an import whose clean-up failed would make this one fail.
        db_.exec("DROP TRIGGER IF EXISTS temp." + triggerName(name));
        db_.exec("CREATE TEMP TRIGGER " + triggerName(name) + " BEFORE UPDATE ON main." + name + " WHEN old.id <= "
                 + std::to_string(maxId) + " BEGIN INSERT OR IGNORE INTO " + name + "_before_batch (batch_id"
                 + columns + ") VALUES (" + std::to_string(batchId_) + values + "); END");
    }
}

BatchJournal::~BatchJournal()
{
    try {
        stop();
    } catch (const sql::Error& error) {
        spdlog::warn("could not stop an import's journal: {}", error.what());
    }
}

void BatchJournal::stop()
{
    if (!recording_)
        return;
    recording_ = false;
    for (const JournaledTable& table : journaledTables())
        if (table.hasTwin)
            db_.exec("DROP TRIGGER IF EXISTS temp." + triggerName(table.name));
}

void BatchJournal::finish()
{
    stop();
    auto insert = db_.prepare(
        "INSERT INTO batch_inserted_ids (batch_id, table_name, first_id, last_id) VALUES (?, ?, ?, ?)");
    for (std::size_t i = 0; i < journaledTables().size(); ++i) {
        const std::string name = journaledTables()[i].name;
        const std::int64_t maxId = db_.queryInt("SELECT coalesce(max(id), 0) FROM main." + name).value_or(0);
        if (maxId <= maxIdBefore_[i])
            continue;
        insert.bind(1, batchId_).bind(2, name).bind(3, maxIdBefore_[i] + 1).bind(4, maxId);
        insert.run();
    }
}

} // namespace caseboard
