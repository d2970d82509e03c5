#include "caseboard/store/database_backup.h"

#include "caseboard/core/utc_time.h"
#include "caseboard/store/schema.h"
#include "caseboard/store/store.h"

#include <sqlite3.h>
#include <spdlog/spdlog.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <system_error>

namespace caseboard {

namespace {

std::string stemOf(Store& store) { return store.inMemory() ? std::string("caseboard") : store.path().stem().string(); }

struct BackupName {
    std::string stamp; // "YYYYMMDD-HHMMSS"
    int sequence = 0;  // the N of "-N" when several backups share a second
};

bool allDigits(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "<stem>-YYYYMMDD-HHMMSS[-N].db" of this stem, or nullopt for any other file.
std::optional<BackupName> parseBackupName(const std::string& fileName, const std::string& stem)
{
    const std::string prefix = stem + "-";
    const std::string suffix = ".db";
    if (fileName.size() < prefix.size() + 15 + suffix.size() || fileName.compare(0, prefix.size(), prefix) != 0
        || fileName.compare(fileName.size() - suffix.size(), suffix.size(), suffix) != 0)
        return std::nullopt;
    const std::string_view rest =
        std::string_view(fileName).substr(prefix.size(), fileName.size() - prefix.size() - suffix.size());
    if (rest.size() < 15 || !allDigits(rest.substr(0, 8)) || rest[8] != '-' || !allDigits(rest.substr(9, 6)))
        return std::nullopt;
    BackupName name;
    name.stamp = std::string(rest.substr(0, 15));
    if (rest.size() > 15) {
        if (rest[15] != '-' || !allDigits(rest.substr(16)) || rest.size() > 16 + 6)
            return std::nullopt;
        name.sequence = std::stoi(std::string(rest.substr(16)));
    }
    return name;
}

std::string isoFromStamp(const std::string& stamp)
{
    return stamp.substr(0, 4) + "-" + stamp.substr(4, 2) + "-" + stamp.substr(6, 2) + "T" + stamp.substr(9, 2) + ":"
        + stamp.substr(11, 2) + ":" + stamp.substr(13, 2) + "Z";
}

// Copies every page of `source` into `destination` in one step. Another connection
// (a reader of the GUI) may hold a lock for a moment: a busy step is tried again.
void copyDatabase(sqlite3* destination, sqlite3* source, const std::string& what)
{
    sqlite3_backup* backup = sqlite3_backup_init(destination, "main", source, "main");
    if (!backup)
        throw sql::Error(what + ": " + sqlite3_errmsg(destination), sqlite3_extended_errcode(destination));
    int rc = SQLITE_OK;
    for (int attempt = 0; attempt < 100; ++attempt) {
        rc = sqlite3_backup_step(backup, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
        sqlite3_sleep(50);
    }
    const int finished = sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        throw sql::Error(what + ": " + sqlite3_errstr(rc), rc);
    if (finished != SQLITE_OK)
        throw sql::Error(what + ": " + sqlite3_errmsg(destination), finished);
}

// Made before SQLite opens it, so the file is owner-only from its first byte (as the
// store's own file is).
void createOwnerOnlyFile(const std::filesystem::path& path)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        throw std::runtime_error("cannot create backup " + path.string() + ": " + std::strerror(errno));
    ::close(fd);
}

} // namespace

BackupInfo backupDatabase(Store& store, const std::filesystem::path& directory, std::size_t keep)
{
    namespace fs = std::filesystem;
    if (!fs::exists(directory)) {
        fs::create_directories(directory);
        fs::permissions(directory, fs::perms::owner_all, fs::perm_options::replace);
    }
    const std::string stem = stemOf(store);
    const std::string stamp = utcNow("%Y%m%d-%H%M%S");
    // Several backups in one second are numbered after the highest of that second, never
    // into a gap the pruning left, so that names sort as the backups were made.
    int sequence = 0;
    for (const fs::directory_entry& entry : fs::directory_iterator(directory)) {
        const auto name = parseBackupName(entry.path().filename().string(), stem);
        if (name && name->stamp == stamp)
            sequence = std::max(sequence, std::max(name->sequence, 1) + 1);
    }
    fs::path target = directory / (stem + "-" + stamp + (sequence ? "-" + std::to_string(sequence) : "") + ".db");
    if (fs::exists(target)) // not a backup's name, but in the way
        throw std::runtime_error("cannot back up the database: " + target.string() + " already exists");

    // Written under another name and renamed when complete: a failure leaves no file
    // that could pass for a backup.
    const fs::path partial = fs::path(target).concat(".partial");
    try {
        createOwnerOnlyFile(partial);
        {
            sql::Connection destination(partial, sql::Connection::Mode::ReadWrite);
            copyDatabase(destination.handle(), store.connection().handle(), "backup of the database failed");
            // A copy of a WAL database is marked WAL; a backup is a single file.
            destination.exec("PRAGMA journal_mode = DELETE");
        }
        fs::rename(partial, target);
    } catch (...) {
        std::error_code ignored;
        fs::remove(partial, ignored);
        fs::remove(fs::path(partial).concat("-journal"), ignored);
        throw;
    }
    spdlog::info("database backed up to {}", target.filename().string());

    if (keep > 0) {
        const std::vector<BackupInfo> backups = listBackups(directory, store.inMemory() ? fs::path(stem) : store.path());
        for (std::size_t i = keep; i < backups.size(); ++i) {
            std::error_code error;
            if (!fs::remove(backups[i].path, error) && error)
                spdlog::warn("could not delete old backup {}: {}", backups[i].path.filename().string(),
                             error.message());
        }
    }

    BackupInfo info;
    info.path = target;
    info.createdAt = isoFromStamp(stamp);
    std::error_code sizeError;
    info.bytes = fs::file_size(target, sizeError);
    return info;
}

std::vector<BackupInfo> listBackups(const std::filesystem::path& directory, const std::filesystem::path& databasePath)
{
    namespace fs = std::filesystem;
    struct Found {
        BackupName name;
        BackupInfo info;
    };
    std::vector<Found> found;
    std::error_code error;
    if (!fs::is_directory(directory, error))
        return {};
    const std::string stem = databasePath.stem().string();
    for (const fs::directory_entry& entry : fs::directory_iterator(directory, error)) {
        if (!entry.is_regular_file(error))
            continue;
        auto name = parseBackupName(entry.path().filename().string(), stem);
        if (!name)
            continue;
        BackupInfo info;
        info.path = entry.path();
        info.createdAt = isoFromStamp(name->stamp);
        info.bytes = entry.file_size(error);
        found.push_back({*name, info});
    }
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
        if (a.name.stamp != b.name.stamp)
            return a.name.stamp > b.name.stamp;
        return a.name.sequence > b.name.sequence;
    });
    std::vector<BackupInfo> result;
    result.reserve(found.size());
    for (Found& f : found)
        result.push_back(std::move(f.info));
    return result;
}

void restoreBackup(Store& store, const std::filesystem::path& backup)
{
    const std::string name = backup.filename().string();
    if (!std::filesystem::is_regular_file(backup))
        throw std::runtime_error("cannot restore " + name + ": no such file");
    std::optional<sql::Connection> source;
    try {
        source.emplace(backup, sql::Connection::Mode::ReadOnly);
        const int version = schemaVersionOf(*source);
        if (version > kSchemaVersion)
            throw std::runtime_error("cannot restore " + name + ": it was written by a newer Caseboard (schema version "
                                     + std::to_string(version) + ")");
        const auto tables = source->queryInt(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
            "('clinicians', 'goal_periods', 'clients', 'appointments', 'import_batches', 'settings')");
        if (version < 1 || tables.value_or(0) != 6)
            throw std::runtime_error("cannot restore " + name + ": it is not a Caseboard database");
    } catch (const sql::Error&) {
        // Not SQLite at all, or unreadable: SQLite's own words would only confuse.
        throw std::runtime_error("cannot restore " + name + ": it is not a Caseboard database");
    }
    copyDatabase(store.connection().handle(), source->handle(), "cannot restore " + name);
    source.reset();
    migrateSchema(store.connection());
    spdlog::info("database restored from backup {}", name);
}

} // namespace caseboard
