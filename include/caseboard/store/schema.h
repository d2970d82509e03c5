#pragma once
// The database schema and its migrations. The version lives in PRAGMA user_version;
// each version has one migration function that takes the database from the version
// before it, so a file made by any earlier Caseboard opens in this one.

#include <string>
#include <vector>

namespace caseboard::sql { class Connection; }

namespace caseboard {

// The appointments table's indexes. A bulk import into an empty table drops them and
// builds them again at the end: sorting once is far cheaper than a million inserts
// into B-trees larger than the page cache.
struct AppointmentIndex {
    std::string name;
    std::string create; // the CREATE INDEX statement
};
const std::vector<AppointmentIndex>& appointmentIndexes();

inline constexpr int kSchemaVersion = 4;

// Brings the database up to kSchemaVersion inside one transaction. Throws when the file
// was written by a newer Caseboard (a version above kSchemaVersion).
void migrateSchema(sql::Connection& connection);

int schemaVersionOf(sql::Connection& connection);

// Brings the database up to `version` (<= kSchemaVersion) only: lets tests make files
// as an older Caseboard wrote them and check that they still open.
void migrateSchemaTo(sql::Connection& connection, int version);

} // namespace caseboard
