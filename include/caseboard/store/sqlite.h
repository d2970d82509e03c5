#pragma once
// Small RAII types over the SQLite C API: a connection, a prepared statement and a
// transaction. One connection belongs to one thread; open another for another thread.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace caseboard::sql {

class Error : public std::runtime_error {
public:
    Error(const std::string& message, int code) : std::runtime_error(message), code_(code) {}
    int code() const { return code_; }

private:
    int code_;
};

class Statement;

inline constexpr int kDefaultBusyTimeoutMs = 5000;

class Connection {
public:
    enum class Mode { ReadWriteCreate, ReadWrite, ReadOnly };

    // ":memory:" opens a private in-memory database.
    explicit Connection(const std::filesystem::path& path, Mode mode = Mode::ReadWriteCreate);
    ~Connection();
    Connection(Connection&& other) noexcept;
    Connection& operator=(Connection&& other) noexcept;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Runs one or more statements that return no rows.
    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);

    // The first column of the first row of a query, or nullopt when it has no row or NULL.
    std::optional<std::int64_t> queryInt(std::string_view sql);

    // How long a statement waits for another connection's lock before failing.
    void setBusyTimeout(int milliseconds);

    std::int64_t lastInsertRowId() const;
    void setLastInsertRowId(std::int64_t id);
    int changes() const;
    bool readOnly() const;
    sqlite3* handle() const { return db_; }

private:
    sqlite3* db_ = nullptr;
};

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Parameters are 1-based, as in SQLite. Binding an empty optional binds NULL.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value); // copied by SQLite
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bindNull(int index);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }
    // Binds text that SQLite reads in place, without a copy: the caller keeps it alive
    // until the statement has been stepped and reset. For hot loops.
    Statement& bindStatic(int index, std::string_view value);
    // Binds an empty string as NULL: for optional text columns.
    Statement& bindTextOrNull(int index, std::string_view value);

    // Advances to the next row: true when a row is available, false when done.
    bool step();
    // Runs a statement that returns no rows (and resets it for reuse).
    void run();
    void reset();            // ready to step again; bindings are kept
    void clearBindings();

    int columnCount() const;
    bool isNull(int column) const; // columns are 0-based, as in SQLite
    std::int64_t int64(int column) const;
    int integer(int column) const;
    double real(int column) const;
    std::string text(int column) const;          // NULL reads as ""
    std::string_view textView(int column) const; // valid until the next step
    std::optional<std::int64_t> optionalInt64(int column) const;

private:
    sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless committed.
class Transaction {
public:
    explicit Transaction(Connection& connection);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Connection* connection_;
    bool open_ = true;
};

} // namespace caseboard::sql
