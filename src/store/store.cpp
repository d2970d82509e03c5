#include "caseboard/store/store.h"

#include "caseboard/store/database_lock.h"
#include "caseboard/store/schema.h"

#include <spdlog/spdlog.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <type_traits>

namespace caseboard {

namespace {

// Creating the file ourselves, before SQLite does, is what makes it owner-only (0600):
// SQLite would use the umask, and it gives its -wal and -shm files the database's mode.
void createOwnerOnlyFile(const std::filesystem::path& path)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
        return;
    }
    if (errno != EEXIST)
        throw sql::Error("cannot create database " + path.string() + ": " + std::strerror(errno), 0);
}

void configure(sql::Connection& connection, bool writable)
{
    connection.exec("PRAGMA foreign_keys = ON");
    if (writable) {
        // 16 KiB pages (a no-op once the file has its first table): a quarter of the
        // I/O calls of SQLite's default for the same data, and shallower B-trees.
        connection.exec("PRAGMA page_size = 16384");
        // WAL lets the GUI's worker threads read while an import writes.
        connection.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL");
    }
    // 32 MB of page cache; temporary data (the sorter of an index build) spills to
    // files rather than growing memory without bound.
    connection.exec("PRAGMA cache_size = -32768");
}

std::optional<Day> optionalDay(const sql::Statement& row, int column)
{
    if (row.isNull(column))
        return std::nullopt;
    return fromSerial(row.integer(column));
}

std::optional<int> optionalSerial(const std::optional<Day>& day)
{
    if (!day)
        return std::nullopt;
    return toSerial(*day);
}

std::optional<Cents> optionalCents(const sql::Statement& row, int column) { return row.optionalInt64(column); }

// --- appointment columns, in one order for every statement that touches them -------
constexpr const char* kAppointmentColumns =
    "source_system, source_key, client_id, clinician_id, day, start_minute, duration_minutes, service_code, "
    "status, raw_status, location, fee_cents, client_paid_cents, insurance_paid_cents, payer, note_status, "
    "import_batch_id";
constexpr int kAppointmentColumnCount = 17;

void bindAppointment(sql::Statement& statement, const Appointment& a)
{
    // The appointment outlives the statement's step: text is bound in place.
    statement.bindStatic(1, a.sourceSystem)
        .bindStatic(2, a.sourceKey)
        .bind(3, a.clientId)
        .bind(4, a.clinicianId)
        .bind(5, toSerial(a.date))
        .bind(6, a.startMinute)
        .bind(7, a.durationMinutes)
        .bindStatic(8, a.serviceCode)
        .bind(9, static_cast<int>(a.status))
        .bindStatic(10, a.rawStatus)
        .bindStatic(11, a.location)
        .bind(12, a.fee)
        .bind(13, a.clientPaid)
        .bind(14, a.insurancePaid)
        .bindStatic(15, a.payer)
        .bind(16, static_cast<int>(a.noteStatus))
        .bind(17, a.importBatchId);
}

// Reads "id, <kAppointmentColumns>".
Appointment readAppointment(const sql::Statement& row)
{
    Appointment a;
    int i = 0;
    a.id = row.int64(i++);
    a.sourceSystem = row.text(i++);
    a.sourceKey = row.text(i++);
    a.clientId = row.int64(i++);
    a.clinicianId = row.int64(i++);
    a.date = fromSerial(row.integer(i++));
    if (!row.isNull(i))
        a.startMinute = row.integer(i);
    ++i;
    a.durationMinutes = row.integer(i++);
    a.serviceCode = row.text(i++);
    a.status = static_cast<StatusCategory>(row.integer(i++));
    a.rawStatus = row.text(i++);
    a.location = row.text(i++);
    a.fee = optionalCents(row, i++);
    a.clientPaid = optionalCents(row, i++);
    a.insurancePaid = optionalCents(row, i++);
    a.payer = row.text(i++);
    a.noteStatus = static_cast<NoteStatus>(row.integer(i++));
    a.importBatchId = row.optionalInt64(i++);
    return a;
}

} // namespace

bool sameAppointmentContent(const Appointment& a, const Appointment& b)
{
    return a.clientId == b.clientId && a.clinicianId == b.clinicianId && a.date == b.date
        && a.startMinute == b.startMinute && a.durationMinutes == b.durationMinutes && a.serviceCode == b.serviceCode
        && a.status == b.status && a.rawStatus == b.rawStatus && a.location == b.location && a.fee == b.fee
        && a.clientPaid == b.clientPaid && a.insurancePaid == b.insurancePaid && a.payer == b.payer
        && a.noteStatus == b.noteStatus;
}

namespace {

std::string selectAppointmentsSql(const char* where)
{
    return std::string("SELECT id, ") + kAppointmentColumns + " FROM appointments " + where;
}

Clinician readClinician(const sql::Statement& row)
{
    Clinician c;
    c.id = row.int64(0);
    c.name = row.text(1);
    c.clinicianType = row.text(2);
    c.location = row.text(3);
    c.supervisor = row.text(4);
    c.startDate = optionalDay(row, 5);
    c.endDate = optionalDay(row, 6);
    c.hourlyRate = optionalCents(row, 7);
    c.role = row.text(8);
    return c;
}

constexpr const char* kSelectClinicians =
    "SELECT id, name, clinician_type, location, supervisor, start_day, end_day, hourly_rate_cents, role "
    "FROM clinicians ";

Client readClient(const sql::Statement& row)
{
    Client c;
    c.id = row.int64(0);
    c.sourceSystem = row.text(1);
    c.sourceKey = row.text(2);
    c.displayName = row.text(3);
    c.status = row.text(4);
    c.dateAdded = optionalDay(row, 5);
    return c;
}

constexpr const char* kSelectClients = "SELECT id, source_system, source_key, display_name, status, added_day FROM clients ";

} // namespace

// --- Store -------------------------------------------------------------------------

Store::Store(std::filesystem::path path, sql::Connection connection, std::shared_ptr<DatabaseLock> lock)
    : path_(std::move(path)), lock_(std::move(lock)), connection_(std::move(connection))
{
}

Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

Store Store::open(const std::filesystem::path& path, Access access)
{
    const bool writable = access == Access::ReadWrite;
    std::shared_ptr<DatabaseLock> lock;
    if (writable) {
        lock = DatabaseLock::acquire(path);
        createOwnerOnlyFile(path);
    } else if (!std::filesystem::exists(path)) {
        throw sql::Error("database not found: " + path.string(), 0);
    }

    sql::Connection connection(path, writable ? sql::Connection::Mode::ReadWrite : sql::Connection::Mode::ReadOnly);
    try {
        configure(connection, writable);
        if (writable) {
            migrateSchema(connection);
        } else if (const int version = schemaVersionOf(connection); version != kSchemaVersion) {
            throw sql::Error("database " + path.string() + " has schema version " + std::to_string(version)
                                 + "; open it for writing once to upgrade it",
                             0);
        }
    } catch (const sql::Error& error) {
        throw sql::Error(path.string() + " is not a Caseboard database it can use: " + error.what(), error.code());
    }
    spdlog::info("opened database {} ({})", path.filename().string(), writable ? "read-write" : "read-only");
    return Store(path, std::move(connection), std::move(lock));
}

Store Store::openInMemory()
{
    sql::Connection connection(":memory:");
    configure(connection, false);
    migrateSchema(connection);
    return Store({}, std::move(connection), nullptr);
}

int Store::schemaVersion() { return schemaVersionOf(connection_); }

// --- clinicians ----------------------------------------------------------------------

namespace {
// Binds a clinician's columns as parameters 1-8, in the order both statements name them.
void bindClinician(sql::Statement& statement, const Clinician& c)
{
    statement.bind(1, c.name)
        .bind(2, c.clinicianType)
        .bind(3, c.location)
        .bind(4, c.supervisor)
        .bind(5, optionalSerial(c.startDate))
        .bind(6, optionalSerial(c.endDate))
        .bind(7, c.hourlyRate)
        .bind(8, c.role.empty() ? std::string("clinician") : c.role);
}
} // namespace

RowId Store::addClinician(const Clinician& c)
{
    auto statement = connection_.prepare(
        "INSERT INTO clinicians (name, clinician_type, location, supervisor, start_day, end_day, hourly_rate_cents, "
        "role) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    bindClinician(statement, c);
    statement.run();
    return connection_.lastInsertRowId();
}

void Store::updateClinician(const Clinician& c)
{
    auto statement = connection_.prepare(
        "UPDATE clinicians SET name = ?, clinician_type = ?, location = ?, supervisor = ?, start_day = ?, "
        "end_day = ?, hourly_rate_cents = ?, role = ? WHERE id = ?");
    bindClinician(statement, c);
    statement.bind(9, c.id);
    statement.run();
    if (connection_.changes() != 1)
        throw sql::Error("no clinician with id " + std::to_string(c.id), 0);
}

std::vector<Clinician> Store::clinicians()
{
    auto statement = connection_.prepare(std::string(kSelectClinicians) + "ORDER BY name");
    std::vector<Clinician> result;
    while (statement.step())
        result.push_back(readClinician(statement));
    return result;
}

std::optional<Clinician> Store::clinicianByName(const std::string& name)
{
    auto statement = connection_.prepare(std::string(kSelectClinicians) + "WHERE name = ?");
    statement.bind(1, name);
    if (!statement.step())
        return std::nullopt;
    return readClinician(statement);
}

RowId Store::addGoalPeriod(const GoalPeriod& p)
{
    auto statement =
        connection_.prepare("INSERT INTO goal_periods (clinician_id, from_day, to_day, weekly_goal) VALUES (?, ?, ?, ?)");
    statement.bind(1, p.clinicianId).bind(2, toSerial(p.from)).bind(3, optionalSerial(p.to)).bind(4, p.weeklyGoal);
    statement.run();
    return connection_.lastInsertRowId();
}

std::vector<GoalPeriod> Store::goalPeriods()
{
    auto statement = connection_.prepare(
        "SELECT id, clinician_id, from_day, to_day, weekly_goal FROM goal_periods ORDER BY clinician_id, from_day");
    std::vector<GoalPeriod> result;
    while (statement.step()) {
        GoalPeriod p;
        p.id = statement.int64(0);
        p.clinicianId = statement.int64(1);
        p.from = fromSerial(statement.integer(2));
        p.to = optionalDay(statement, 3);
        p.weeklyGoal = statement.real(4);
        result.push_back(p);
    }
    return result;
}

// --- clients -------------------------------------------------------------------------

UpsertResult upsertClient(sql::Connection& db, const Client& c)
{
    auto find = db.prepare("SELECT id FROM clients WHERE source_system = ? AND source_key = ?");
    find.bind(1, c.sourceSystem).bind(2, c.sourceKey);
    if (!find.step()) {
        auto insert = db.prepare(
            "INSERT INTO clients (source_system, source_key, display_name, status, added_day) VALUES (?, ?, ?, ?, ?)");
        insert.bind(1, c.sourceSystem)
            .bind(2, c.sourceKey)
            .bind(3, c.displayName)
            .bind(4, c.status)
            .bind(5, optionalSerial(c.dateAdded));
        insert.run();
        return {db.lastInsertRowId(), UpsertOutcome::Added};
    }
    const RowId id = find.int64(0);
    // Compared in SQL: the row is written only when a value differs.
    auto update = db.prepare("UPDATE clients SET display_name = ?1, status = ?2, added_day = ?3 WHERE id = ?4 "
                             "AND (display_name IS NOT ?1 OR status IS NOT ?2 OR added_day IS NOT ?3)");
    update.bind(1, c.displayName).bind(2, c.status).bind(3, optionalSerial(c.dateAdded)).bind(4, id);
    update.run();
    return {id, db.changes() > 0 ? UpsertOutcome::Updated : UpsertOutcome::Unchanged};
}

UpsertResult Store::upsertClient(const Client& c) { return caseboard::upsertClient(connection_, c); }

std::vector<Client> Store::clients()
{
    auto statement = connection_.prepare(std::string(kSelectClients) + "ORDER BY id");
    std::vector<Client> result;
    while (statement.step())
        result.push_back(readClient(statement));
    return result;
}

std::optional<Client> Store::client(RowId id)
{
    auto statement = connection_.prepare(std::string(kSelectClients) + "WHERE id = ?");
    statement.bind(1, id);
    if (!statement.step())
        return std::nullopt;
    return readClient(statement);
}

// --- appointments ----------------------------------------------------------------------

UpsertResult Store::upsertAppointment(const Appointment& appointment)
{
    AppointmentWriter writer(connection_);
    return writer.upsert(appointment);
}

std::vector<Appointment> Store::appointments()
{
    std::vector<Appointment> result;
    forEachAppointment([&](const Appointment& a) { result.push_back(a); });
    return result;
}

void Store::forEachAppointment(const std::function<void(const Appointment&)>& visit)
{
    auto statement = connection_.prepare(selectAppointmentsSql("ORDER BY id"));
    while (statement.step())
        visit(readAppointment(statement));
}

std::optional<Appointment> Store::appointment(RowId id)
{
    auto statement = connection_.prepare(selectAppointmentsSql("WHERE id = ?"));
    statement.bind(1, id);
    if (!statement.step())
        return std::nullopt;
    return readAppointment(statement);
}

// --- import batches ------------------------------------------------------------------

RowId Store::recordImportBatch(const ImportBatch& b)
{
    auto statement = connection_.prepare(
        "INSERT INTO import_batches (file_name, sha256, preset, imported_at, rows_added, rows_updated, "
        "rows_unchanged, rows_rejected, file_bytes, rolled_back_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    statement.bind(1, b.fileName)
        .bind(2, b.sha256)
        .bind(3, b.preset)
        .bind(4, b.importedAt)
        .bind(5, b.added)
        .bind(6, b.updated)
        .bind(7, b.unchanged)
        .bind(8, b.rejected)
        .bind(9, static_cast<std::int64_t>(b.fileBytes))
        .bindTextOrNull(10, b.rolledBackAt);
    statement.run();
    return connection_.lastInsertRowId();
}

std::vector<ImportBatch> Store::importBatches()
{
    auto statement = connection_.prepare(
        "SELECT id, file_name, sha256, preset, imported_at, rows_added, rows_updated, rows_unchanged, rows_rejected, "
        "file_bytes, rolled_back_at FROM import_batches ORDER BY id");
    std::vector<ImportBatch> result;
    while (statement.step()) {
        ImportBatch b;
        b.id = statement.int64(0);
        b.fileName = statement.text(1);
        b.sha256 = statement.text(2);
        b.preset = statement.text(3);
        b.importedAt = statement.text(4);
        b.added = statement.int64(5);
        b.updated = statement.int64(6);
        b.unchanged = statement.int64(7);
        b.rejected = statement.int64(8);
        b.fileBytes = static_cast<std::uintmax_t>(statement.int64(9));
        b.rolledBackAt = statement.text(10);
        result.push_back(b);
    }
    return result;
}

// --- settings --------------------------------------------------------------------------

void Store::setSetting(const std::string& key, const SettingValue& value)
{
    auto statement = connection_.prepare(
        "INSERT INTO settings (key, type, value) VALUES (?, ?, ?) "
        "ON CONFLICT(key) DO UPDATE SET type = excluded.type, value = excluded.value");
    statement.bind(1, key);
    std::visit(
        [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool>)
                statement.bind(2, "bool").bind(3, static_cast<std::int64_t>(v ? 1 : 0));
            else if constexpr (std::is_same_v<T, std::int64_t>)
                statement.bind(2, "int").bind(3, v);
            else if constexpr (std::is_same_v<T, double>)
                statement.bind(2, "real").bind(3, v);
            else if constexpr (std::is_same_v<T, std::string>)
                statement.bind(2, "text").bind(3, v);
            else
                statement.bind(2, "day").bind(3, formatIsoDay(v));
        },
        value);
    statement.run();
}

std::optional<SettingValue> Store::setting(const std::string& key)
{
    auto statement = connection_.prepare("SELECT type, value FROM settings WHERE key = ?");
    statement.bind(1, key);
    if (!statement.step())
        return std::nullopt;
    const std::string type = statement.text(0);
    if (type == "bool")
        return SettingValue{statement.int64(1) != 0};
    if (type == "int")
        return SettingValue{statement.int64(1)};
    if (type == "real")
        return SettingValue{statement.real(1)};
    if (type == "day") {
        if (auto day = parseIsoDay(statement.textView(1)))
            return SettingValue{*day};
        return std::nullopt;
    }
    return SettingValue{statement.text(1)};
}

StoreCounts Store::counts()
{
    auto statement = connection_.prepare(
        "SELECT (SELECT count(*) FROM clinicians), (SELECT count(*) FROM clients), "
        "(SELECT count(*) FROM appointments), (SELECT count(*) FROM import_batches), "
        "(SELECT min(day) FROM appointments), (SELECT max(day) FROM appointments)");
    statement.step();
    StoreCounts counts;
    counts.clinicians = statement.int64(0);
    counts.clients = statement.int64(1);
    counts.appointments = statement.int64(2);
    counts.importBatches = statement.int64(3);
    counts.firstAppointment = optionalDay(statement, 4);
    counts.lastAppointment = optionalDay(statement, 5);
    return counts;
}

// --- AppointmentWriter -----------------------------------------------------------------

AppointmentWriter::AppointmentWriter(sql::Connection& connection)
    : connection_(&connection),
      insert_(connection.prepare(std::string("INSERT INTO appointments (") + kAppointmentColumns
                                 + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
      find_(connection.prepare(selectAppointmentsSql("WHERE source_system = ? AND source_key = ?"))),
      update_(connection.prepare(
          "UPDATE appointments SET source_system = ?, source_key = ?, client_id = ?, clinician_id = ?, day = ?, "
          "start_minute = ?, duration_minutes = ?, service_code = ?, status = ?, raw_status = ?, location = ?, "
          "fee_cents = ?, client_paid_cents = ?, insurance_paid_cents = ?, payer = ?, note_status = ?, "
          "import_batch_id = ? WHERE id = ?"))
{
}

RowId AppointmentWriter::insert(const Appointment& appointment)
{
    bindAppointment(insert_, appointment);
    insert_.run();
    return connection_->lastInsertRowId();
}

std::optional<Appointment> AppointmentWriter::find(std::string_view sourceSystem, std::string_view sourceKey)
{
    find_.bind(1, sourceSystem).bind(2, sourceKey);
    std::optional<Appointment> found;
    if (find_.step())
        found = readAppointment(find_);
    find_.reset();
    return found;
}

void AppointmentWriter::update(const Appointment& appointment)
{
    bindAppointment(update_, appointment);
    update_.bind(kAppointmentColumnCount + 1, appointment.id);
    update_.run();
}

namespace {

// The SQL that merges an appointment's `fields` into the row with its key: an upsert
// whose update runs only when a value differs. (No RETURNING: it costs as much again.)
std::string mergeSql(std::uint32_t fields)
{
    struct Column {
        std::uint32_t field;
        const char* name;
    };
    static constexpr Column kColumns[] = {
        {0, "client_id"},
        {0, "clinician_id"},
        {0, "day"},
        {kStartTime, "start_minute"},
        {kDuration, "duration_minutes"},
        {kServiceCode, "service_code"},
        {kStatus, "status"},
        {kStatus, "raw_status"},
        {kLocation, "location"},
        {kFee, "fee_cents"},
        {kClientPaid, "client_paid_cents"},
        {kInsurancePaid, "insurance_paid_cents"},
        {kPayer, "payer"},
        {kNoteStatus, "note_status"},
    };
    std::string set;
    std::string changed;
    for (const Column& column : kColumns) {
        if (column.field != 0 && !(fields & column.field))
            continue;
        const std::string name = column.name;
        set += name + " = excluded." + name + ", ";
        changed += (changed.empty() ? "" : " OR ") + ("appointments." + name + " IS NOT excluded." + name);
    }
    return std::string("INSERT INTO appointments (") + kAppointmentColumns
        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (source_system, source_key) DO UPDATE SET "
        + set + "import_batch_id = excluded.import_batch_id WHERE " + changed;
}

} // namespace

UpsertOutcome AppointmentWriter::merge(const Appointment& appointment, std::uint32_t fields)
{
    fields &= kAllAppointmentFields;
    auto statement = merges_.find(fields);
    if (statement == merges_.end())
        statement = merges_.emplace(fields, connection_->prepare(mergeSql(fields))).first;
    sql::Statement& merge = statement->second;
    bindAppointment(merge, appointment);
    // An upsert that updates leaves the last insert rowid alone and one that changes
    // nothing reports no changes: together they tell the three outcomes apart.
    connection_->setLastInsertRowId(0);
    merge.run();
    if (connection_->changes() == 0)
        return UpsertOutcome::Unchanged;
    return connection_->lastInsertRowId() != 0 ? UpsertOutcome::Added : UpsertOutcome::Updated;
}

UpsertResult AppointmentWriter::upsert(const Appointment& appointment)
{
    const std::optional<Appointment> existing = find(appointment.sourceSystem, appointment.sourceKey);
    if (!existing)
        return {insert(appointment), UpsertOutcome::Added};
    if (sameAppointmentContent(*existing, appointment))
        return {existing->id, UpsertOutcome::Unchanged};
    Appointment changed = appointment;
    changed.id = existing->id;
    update(changed);
    return {existing->id, UpsertOutcome::Updated};
}

} // namespace caseboard
