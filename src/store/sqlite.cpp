#include "caseboard/store/sqlite.h"

#include <sqlite3.h>

#include <mutex>
#include <utility>

namespace caseboard::sql {

namespace {
[[noreturn]] void fail(sqlite3* db, int code, std::string_view what)
{
    std::string message(what);
    message += ": ";
    message += db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    throw Error(message, code);
}
} // namespace

// --- Connection --------------------------------------------------------------------

Connection::Connection(const std::filesystem::path& path, Mode mode)
{
    // Memory statistics take a global mutex on every allocation; Caseboard reads none.
    static std::once_flag configured;
    std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });

    int flags = SQLITE_OPEN_NOMUTEX; // one connection per thread: SQLite's own mutex is not needed
    switch (mode) {
    case Mode::ReadWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
    case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
    }
    const std::string name = path.string();
    const int rc = sqlite3_open_v2(name.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = "cannot open database " + name + ": " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
        sqlite3_close(db_);
        db_ = nullptr;
        throw Error(message, rc);
    }
    sqlite3_extended_result_codes(db_, 1);
    // Another connection of this process (a worker's reader) may hold a lock briefly.
    sqlite3_busy_timeout(db_, kDefaultBusyTimeoutMs);
}

Connection::~Connection()
{
    if (db_)
        sqlite3_close_v2(db_);
}

Connection::Connection(Connection&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Connection& Connection::operator=(Connection&& other) noexcept
{
    if (this != &other) {
        if (db_)
            sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
    }
    return *this;
}

void Connection::exec(std::string_view sql)
{
    const std::string text(sql);
    char* error = nullptr;
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        throw Error("SQL failed: " + message, rc);
    }
}

Statement Connection::prepare(std::string_view sql) { return Statement(db_, sql); }

std::optional<std::int64_t> Connection::queryInt(std::string_view sql)
{
    Statement statement = prepare(sql);
    if (!statement.step() || statement.isNull(0))
        return std::nullopt;
    return statement.int64(0);
}

std::int64_t Connection::lastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }
void Connection::setBusyTimeout(int milliseconds) { sqlite3_busy_timeout(db_, milliseconds); }
void Connection::setLastInsertRowId(std::int64_t id) { sqlite3_set_last_insert_rowid(db_, id); }
int Connection::changes() const { return sqlite3_changes(db_); }
bool Connection::readOnly() const { return sqlite3_db_readonly(db_, "main") == 1; }

// --- Statement ---------------------------------------------------------------------

Statement::Statement(sqlite3* db, std::string_view sql)
{
    const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                                      nullptr);
    if (rc != SQLITE_OK)
        fail(db, rc, "cannot prepare statement");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept : stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(stmt_);
        stmt_ = std::exchange(other.stmt_, nullptr);
    }
    return *this;
}

namespace {
void checkBind(sqlite3_stmt* stmt, int rc)
{
    if (rc != SQLITE_OK)
        fail(sqlite3_db_handle(stmt), rc, "cannot bind parameter");
}
} // namespace

Statement& Statement::bind(int index, std::int64_t value)
{
    checkBind(stmt_, sqlite3_bind_int64(stmt_, index, value));
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    checkBind(stmt_, sqlite3_bind_double(stmt_, index, value));
    return *this;
}

Statement& Statement::bind(int index, std::string_view value)
{
    checkBind(stmt_, sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

Statement& Statement::bindStatic(int index, std::string_view value)
{
    checkBind(stmt_, sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_STATIC, SQLITE_UTF8));
    return *this;
}

Statement& Statement::bindNull(int index)
{
    checkBind(stmt_, sqlite3_bind_null(stmt_, index));
    return *this;
}

Statement& Statement::bindTextOrNull(int index, std::string_view value)
{
    return value.empty() ? bindNull(index) : bind(index, value);
}

bool Statement::step()
{
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    sqlite3* db = sqlite3_db_handle(stmt_);
    sqlite3_reset(stmt_);
    fail(db, rc, "statement failed");
}

void Statement::run()
{
    while (step()) {
    }
    reset();
}

void Statement::reset() { sqlite3_reset(stmt_); }
void Statement::clearBindings() { sqlite3_clear_bindings(stmt_); }

int Statement::columnCount() const { return sqlite3_column_count(stmt_); }
bool Statement::isNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }
int Statement::integer(int column) const { return sqlite3_column_int(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

std::string_view Statement::textView(int column) const
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (!text)
        return {};
    return {text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::string Statement::text(int column) const { return std::string(textView(column)); }

std::optional<std::int64_t> Statement::optionalInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

// --- Transaction -------------------------------------------------------------------

Transaction::Transaction(Connection& connection) : connection_(&connection)
{
    // IMMEDIATE takes the write lock now, so a busy database fails here, not midway.
    connection_->exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (open_) {
        try {
            connection_->exec("ROLLBACK");
        } catch (const Error&) {
            // SQLite may already have rolled back (e.g. after SQLITE_FULL); nothing to undo.
        }
    }
}

void Transaction::commit()
{
    connection_->exec("COMMIT");
    open_ = false;
}

} // namespace caseboard::sql
