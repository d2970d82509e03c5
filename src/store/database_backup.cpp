#include "caseboard/store/database_backup.h"

#include "caseboard/core/utc_time.h"
#include "caseboard/store/schema.h"
#include "caseboard/store/store.h"

#include <sqlite3.h>
#include <spdlog/spdlog.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <stdexcept>

namespace caseboard {

namespace {

// Copies every page of `from` into `to` at once. The destination is written in one
// transaction of its own: an error rolls it back, leaving it as it was.
void copyDatabase(sqlite3* to, sqlite3* from, const std::string& what)
{
    sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup)
        throw sql::Error(what + ": " + sqlite3_errmsg(to), sqlite3_errcode(to));
    const int stepped = sqlite3_backup_step(backup, -1);
    const int finished = sqlite3_backup_finish(backup);
    if (stepped != SQLITE_DONE)
        throw sql::Error(what + ": " + sqlite3_errstr(stepped), stepped);
    if (finished != SQLITE_OK)
        throw sql::Error(what + ": " + sqlite3_errmsg(to), finished);
}

bool allDigits(std::string_view text)
{
    return !text.empty()
        && std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

struct BackupName {
    std::string createdAt;
    int sequence = 1; // the -N of a second backup within the same second
};

// "<stem>-YYYYMMDD-HHMMSS[-N].db" -> when it was made; nullopt for any other file.
std::optional<BackupName> parseBackupName(const std::string& fileName, const std::string& stem)
{
    const std::string prefix = stem + "-";
    if (fileName.size() <= prefix.size() + 3 || fileName.compare(0, prefix.size(), prefix) != 0
        || fileName.compare(fileName.size() - 3, 3, ".db") != 0)
        return std::nullopt;
    const std::string_view rest = std::string_view(fileName).substr(prefix.size(), fileName.size() - prefix.size() - 3);
    if (rest.size() < 15 || rest[8] != '-' || !allDigits(rest.substr(0, 8)) || !allDigits(rest.substr(9, 6)))
        return std::nullopt;
    BackupName name;
    if (rest.size() > 15) {
        if (rest[15] != '-' || !allDigits(rest.substr(16)) || rest.size() > 20)
            return std::nullopt;
        name.sequence = std::stoi(std::string(rest.substr(16)));
    }
    const std::string_view d = rest.substr(0, 8);
    const std::string_view t = rest.substr(9, 6);
    auto part = [](std::string_view text, std::size_t at, std::size_t length) {
        return std::string(text.substr(at, length));
    };
    name.createdAt = part(d, 0, 4) + "-" + part(d, 4, 2) + "-" + part(d, 6, 2) + "T" + part(t, 0, 2) + ":"
        + part(t, 2, 2) + ":" + part(t, 4, 2) + "Z";
    return name;
}

std::string stemOf(const std::filesystem::path& databasePath)
{
    const std::string stem = databasePath.stem().string();
    return stem.empty() ? "caseboard" : stem;
}

// The file exists, owner-only, before SQLite writes to it: SQLite would use the umask.
bool createOwnerOnly(const std::filesystem::path& path)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    ::close(fd);
    return true;
}

} // namespace

BackupInfo backupDatabase(Store& store, const std::filesystem::path& directory, std::size_t keep)
{
    if (!std::filesystem::exists(directory)) {
        std::filesystem::create_directories(directory);
        std::filesystem::permissions(directory, std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::replace);
    }
    const std::string stem = stemOf(store.path());
    const std::string stamp = formatUtc(std::time(nullptr), "%Y%m%d-%H%M%S");
    // A second backup within the same second is "-2", and so on: numbered after the
    // highest of that second, never in a gap left by a pruned one, so it lists as newest.
    const std::string createdAt = parseBackupName(stem + "-" + stamp + ".db", stem)->createdAt;
    int sequence = 1;
    for (const BackupInfo& existing : listBackups(directory, store.path()))
        if (existing.createdAt == createdAt)
            sequence = std::max(sequence, parseBackupName(existing.path.filename().string(), stem)->sequence + 1);
    std::filesystem::path target;
    for (;; ++sequence) {
        target = directory / (stem + "-" + stamp + (sequence > 1 ? "-" + std::to_string(sequence) : "") + ".db");
        if (!std::filesystem::exists(target))
            break;
    }
    // Written under another name and renamed when complete: a crash leaves no file
    // that looks like a backup.
    std::filesystem::path partial = target;
    partial += ".partial";
    std::filesystem::remove(partial);
    if (!createOwnerOnly(partial))
        throw sql::Error("cannot create the backup " + partial.string() + ": " + std::strerror(errno), 0);
    try {
        {
            sql::Connection copy(partial, sql::Connection::Mode::ReadWrite);
            copyDatabase(copy.handle(), store.connection().handle(), "cannot back up the database");
        }
        std::filesystem::rename(partial, target);
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        std::filesystem::path journal = partial;
        journal += "-journal";
        std::filesystem::remove(journal, ignored);
        throw;
    }

    BackupInfo info;
    info.path = target;
    info.createdAt = parseBackupName(target.filename().string(), stem)->createdAt;
    info.bytes = std::filesystem::file_size(target);
    spdlog::info("backed up the database to {} ({} bytes)", target.filename().string(), info.bytes);

    const std::vector<BackupInfo> backups = listBackups(directory, store.path());
    for (std::size_t i = std::max<std::size_t>(keep, 1); i < backups.size(); ++i) {
        std::error_code error;
        std::filesystem::remove(backups[i].path, error);
        if (error)
            spdlog::warn("could not delete the old backup {}: {}", backups[i].path.filename().string(),
                         error.message());
    }
    return info;
}

std::vector<BackupInfo> listBackups(const std::filesystem::path& directory, const std::filesystem::path& databasePath)
{
    struct Found {
        BackupInfo info;
        int sequence;
    };
    std::vector<Found> found;
    std::error_code error;
    const std::string stem = stemOf(databasePath);
    for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
        if (!entry.is_regular_file(error))
            continue;
        const auto name = parseBackupName(entry.path().filename().string(), stem);
        if (!name)
            continue;
        const std::uintmax_t bytes = entry.file_size(error);
        found.push_back({{entry.path(), name->createdAt, error ? 0 : bytes}, name->sequence});
    }
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
        if (a.info.createdAt != b.info.createdAt)
            return a.info.createdAt > b.info.createdAt;
        return a.sequence > b.sequence;
    });
    std::vector<BackupInfo> result;
    for (Found& f : found)
        result.push_back(std::move(f.info));
    return result;
}

void restoreBackup(Store& store, const std::filesystem::path& backup)
{
    if (!std::filesystem::is_regular_file(backup))
        throw std::runtime_error(backup.string() + ": no such file");
    std::optional<sql::Connection> source;
    try {
        source.emplace(backup, sql::Connection::Mode::ReadOnly);
        const int version = schemaVersionOf(*source);
        const bool caseboard = version >= 1
            && source->queryInt("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'appointments'");
        if (!caseboard)
            throw std::runtime_error(backup.filename().string() + " is not a Caseboard database");
        if (version > kSchemaVersion)
            throw std::runtime_error(backup.filename().string() + " was written by a newer Caseboard (schema version "
                                     + std::to_string(version) + ")");
    } catch (const sql::Error& error) {
        throw std::runtime_error(backup.filename().string() + " is not a Caseboard database (" + error.what() + ")");
    }
    copyDatabase(store.connection().handle(), source->handle(), "cannot restore " + backup.filename().string());
    migrateSchema(store.connection());
    spdlog::info("restored the database from {}", backup.filename().string());
}

} // namespace caseboard
