#include "caseboard/store/schema.h"

#include "caseboard/store/sqlite.h"

#include <spdlog/spdlog.h>

#include <array>
#include <vector>
#include <string>

namespace caseboard {

const std::vector<AppointmentIndex>& appointmentIndexes()
{
    // Only the key imports merge on. Everything that reads appointments in bulk (the
    // metrics snapshot, the Appointments view) scans the table and sorts in memory,
    // which beats walking an index for most rows; and each index costs a first import
    // about a quarter of its time (measured: 1.26x -> 1.01x sqlite3's .import with the
    // by-day and by-client indexes gone).
    static const std::vector<AppointmentIndex> indexes{
        {"appointments_by_source_key",
         "CREATE UNIQUE INDEX appointments_by_source_key ON appointments(source_system, source_key)"},
    };
    return indexes;
}

namespace {

// Version 1: the first schema. Days are whole days since 1970-01-01 (INTEGER), money
// is integer cents, status is a category number with the raw EHR string beside it.
void migrateTo1(sql::Connection& db)
{
    db.exec(R"sql(
CREATE TABLE clinicians (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE COLLATE NOCASE,
    clinician_type  TEXT NOT NULL DEFAULT '',
    location        TEXT NOT NULL DEFAULT '',
    supervisor      TEXT NOT NULL DEFAULT '',
    start_day       INTEGER,
    end_day         INTEGER,
    hourly_rate_cents INTEGER,
    CHECK (end_day IS NULL OR start_day IS NULL OR end_day >= start_day)
);

CREATE TABLE goal_periods (
    id            INTEGER PRIMARY KEY,
    clinician_id  INTEGER NOT NULL REFERENCES clinicians(id) ON DELETE CASCADE,
    from_day      INTEGER NOT NULL,
    to_day        INTEGER,
    weekly_goal   REAL NOT NULL CHECK (weekly_goal >= 0),
    CHECK (to_day IS NULL OR to_day >= from_day)
);
CREATE INDEX goal_periods_by_clinician ON goal_periods(clinician_id, from_day);

CREATE TABLE clients (
    id            INTEGER PRIMARY KEY,
    source_system TEXT NOT NULL,
    source_key    TEXT NOT NULL,
    display_name  TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT '',
    added_day     INTEGER,
    UNIQUE (source_system, source_key)
);

CREATE TABLE import_batches (
    id            INTEGER PRIMARY KEY,
    file_name     TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    preset        TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    rows_added    INTEGER NOT NULL DEFAULT 0,
    rows_updated  INTEGER NOT NULL DEFAULT 0,
    rows_unchanged INTEGER NOT NULL DEFAULT 0,
    rows_rejected INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE appointments (
    id              INTEGER PRIMARY KEY,
    source_system   TEXT NOT NULL,
    source_key      TEXT NOT NULL,
    client_id       INTEGER NOT NULL REFERENCES clients(id),
    clinician_id    INTEGER NOT NULL REFERENCES clinicians(id),
    day             INTEGER NOT NULL,
    start_minute    INTEGER CHECK (start_minute IS NULL OR start_minute BETWEEN 0 AND 1439),
    duration_minutes INTEGER NOT NULL DEFAULT 0 CHECK (duration_minutes >= 0),
    service_code    TEXT NOT NULL DEFAULT '',
    status          INTEGER NOT NULL CHECK (status BETWEEN 0 AND 6),
    raw_status      TEXT NOT NULL DEFAULT '',
    location        TEXT NOT NULL DEFAULT '',
    fee_cents       INTEGER,
    client_paid_cents INTEGER,
    insurance_paid_cents INTEGER,
    payer           TEXT NOT NULL DEFAULT '',
    note_status     INTEGER NOT NULL DEFAULT 0 CHECK (note_status BETWEEN 0 AND 2),
    import_batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    type  TEXT NOT NULL CHECK (type IN ('bool', 'int', 'real', 'text', 'day')),
    value ANY
) STRICT;
)sql");
    for (const AppointmentIndex& index : appointmentIndexes())
        db.exec(index.create);
}

// Version 2: a ledger of payments (SimplePractice's income allocation report), so that
// importing the same payments twice changes nothing and an appointment's paid amounts
// are the sums of its payments.
void migrateTo2(sql::Connection& db)
{
    db.exec(R"sql(
CREATE TABLE payments (
    id              INTEGER PRIMARY KEY,
    source_system   TEXT NOT NULL,
    source_key      TEXT NOT NULL,
    appointment_key TEXT NOT NULL,
    from_insurance  INTEGER NOT NULL CHECK (from_insurance IN (0, 1)),
    amount_cents    INTEGER NOT NULL,
    import_batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
    UNIQUE (source_system, source_key)
);
CREATE INDEX payments_by_appointment ON payments(source_system, appointment_key);
)sql");
}

// Version 3: a clinician's role (support staff are on payroll but have no sessions) and
// the other spellings of their name in exports ("Dr Kandice N. Cooper" for "Kandice
// Cooper"), so imports find the same person under either.
void migrateTo3(sql::Connection& db)
{
    db.exec(R"sql(
ALTER TABLE clinicians ADD COLUMN role TEXT NOT NULL DEFAULT 'clinician';
CREATE TABLE clinician_aliases (
    alias         TEXT PRIMARY KEY COLLATE NOCASE,
    clinician_id  INTEGER NOT NULL REFERENCES clinicians(id) ON DELETE CASCADE
);
CREATE INDEX clinician_aliases_by_clinician ON clinician_aliases(clinician_id);
)sql");
}

// Version 4: what an import changed, so a batch can be rolled back exactly; support
// staff's timesheet hours for payroll; and the clinical director's 1:1 notes.
//
// An import only inserts rows and updates rows in place. Rows it inserts take ids above
// every id before it (INTEGER PRIMARY KEY without AUTOINCREMENT hands out max + 1), so a
// batch records the id range it inserted per table; a row it updates is copied, as it
// was before the batch first touched it, into that table's *_before_batch twin.
void migrateTo4(sql::Connection& db)
{
    db.exec(R"sql(
ALTER TABLE import_batches ADD COLUMN rolled_back_at TEXT;
ALTER TABLE import_batches ADD COLUMN file_bytes INTEGER NOT NULL DEFAULT 0;

CREATE TABLE batch_inserted_ids (
    batch_id    INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
    table_name  TEXT NOT NULL,
    first_id    INTEGER NOT NULL,
    last_id     INTEGER NOT NULL,
    PRIMARY KEY (batch_id, table_name)
) WITHOUT ROWID;

CREATE TABLE appointments_before_batch (
    batch_id        INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
    id              INTEGER NOT NULL,
    source_system   TEXT NOT NULL,
    source_key      TEXT NOT NULL,
    client_id       INTEGER NOT NULL,
    clinician_id    INTEGER NOT NULL,
    day             INTEGER NOT NULL,
    start_minute    INTEGER,
    duration_minutes INTEGER NOT NULL,
    service_code    TEXT NOT NULL,
    status          INTEGER NOT NULL,
    raw_status      TEXT NOT NULL,
    location        TEXT NOT NULL,
    fee_cents       INTEGER,
    client_paid_cents INTEGER,
    insurance_paid_cents INTEGER,
    payer           TEXT NOT NULL,
    note_status     INTEGER NOT NULL,
    import_batch_id INTEGER,
    PRIMARY KEY (batch_id, id)
) WITHOUT ROWID;

CREATE TABLE clients_before_batch (
    batch_id      INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
    id            INTEGER NOT NULL,
    source_system TEXT NOT NULL,
    source_key    TEXT NOT NULL,
    display_name  TEXT NOT NULL,
    status        TEXT NOT NULL,
    added_day     INTEGER,
    PRIMARY KEY (batch_id, id)
) WITHOUT ROWID;

CREATE TABLE clinicians_before_batch (
    batch_id        INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
    id              INTEGER NOT NULL,
    name            TEXT NOT NULL,
    clinician_type  TEXT NOT NULL,
    location        TEXT NOT NULL,
    supervisor      TEXT NOT NULL,
    start_day       INTEGER,
    end_day         INTEGER,
    hourly_rate_cents INTEGER,
    role            TEXT NOT NULL,
    PRIMARY KEY (batch_id, id)
) WITHOUT ROWID;

CREATE TABLE goal_periods_before_batch (
    batch_id      INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
    id            INTEGER NOT NULL,
    clinician_id  INTEGER NOT NULL,
    from_day      INTEGER NOT NULL,
    to_day        INTEGER,
    weekly_goal   REAL NOT NULL,
    PRIMARY KEY (batch_id, id)
) WITHOUT ROWID;

CREATE TABLE staff_hours (
    id              INTEGER PRIMARY KEY,
    clinician_id    INTEGER NOT NULL REFERENCES clinicians(id) ON DELETE CASCADE,
    day             INTEGER NOT NULL,
    hours           REAL NOT NULL CHECK (hours >= 0 AND hours <= 24),
    import_batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
    UNIQUE (clinician_id, day)
);

CREATE TABLE staff_hours_before_batch (
    batch_id        INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
    id              INTEGER NOT NULL,
    clinician_id    INTEGER NOT NULL,
    day             INTEGER NOT NULL,
    hours           REAL NOT NULL,
    import_batch_id INTEGER,
    PRIMARY KEY (batch_id, id)
) WITHOUT ROWID;

CREATE TABLE supervision_notes (
    clinician_id  INTEGER NOT NULL REFERENCES clinicians(id) ON DELETE CASCADE,
    month         TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    goals         TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (clinician_id, month)
) WITHOUT ROWID;
)sql");
}

using Migration = void (*)(sql::Connection&);
// kMigrations[i] takes the database from version i to version i + 1.
constexpr std::array<Migration, kSchemaVersion> kMigrations{migrateTo1, migrateTo2, migrateTo3, migrateTo4};

} // namespace

int schemaVersionOf(sql::Connection& connection)
{
    return static_cast<int>(connection.queryInt("PRAGMA user_version").value_or(0));
}

void migrateSchema(sql::Connection& connection) { migrateSchemaTo(connection, kSchemaVersion); }

void migrateSchemaTo(sql::Connection& connection, int target)
{
    int version = schemaVersionOf(connection);
    if (version > kSchemaVersion)
        throw sql::Error("this database was written by a newer Caseboard (schema version " + std::to_string(version)
                             + ", this version reads up to " + std::to_string(kSchemaVersion) + ")",
                         0);
    if (version >= target)
        return;

    sql::Transaction transaction(connection);
    // Re-read inside the write lock: another connection may have migrated meanwhile.
    version = schemaVersionOf(connection);
    for (; version < target; ++version) {
        spdlog::info("migrating database schema from version {} to {}", version, version + 1);
        kMigrations[static_cast<std::size_t>(version)](connection);
        connection.exec("PRAGMA user_version = " + std::to_string(version + 1));
    }
    transaction.commit();
}

} // namespace caseboard
