#pragma once
// Every row of every table as text, to check that an operation left a database exactly
// as it was (or that two databases hold the same thing).

#include "caseboard/store/store.h"

#include <string>
#include <vector>

namespace caseboard::test {

inline std::string dumpTable(Store& store, const std::string& table, const std::string& orderBy = "id")
{
    auto rows = store.connection().prepare("SELECT * FROM " + table + " ORDER BY " + orderBy);
    std::string dump = "[" + table + "]\n";
    while (rows.step()) {
        for (int i = 0; i < rows.columnCount(); ++i) {
            dump += rows.isNull(i) ? std::string("NULL") : rows.text(i);
            dump += '|';
        }
        dump += '\n';
    }
    return dump;
}

// The whole database; with `withBatches` false, the import history is left out (two
// imports of the same data differ only there).
inline std::string dumpDatabase(Store& store, bool withBatches = true)
{
    std::string dump;
    for (const char* table : {"clinicians", "goal_periods", "clients", "appointments", "payments"})
        dump += dumpTable(store, table);
    dump += dumpTable(store, "settings", "key");
    if (withBatches)
        dump += dumpTable(store, "import_batches");
    return dump;
}

} // namespace caseboard::test
