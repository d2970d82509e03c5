#pragma once
// Copies of the database taken before each import, with SQLite's online backup API (a
// consistent copy even while the file is open), kept in a folder of the data directory.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace caseboard {

class Store;

struct BackupInfo {
    std::filesystem::path path;
    std::string createdAt;  // UTC, "YYYY-MM-DDTHH:MM:SSZ", from the file's name
    std::uintmax_t bytes = 0;
};

// Copies the open database into `directory` (created owner-only when missing) as
// "<database stem>-YYYYMMDD-HHMMSS[-N].db", readable by its owner only, then deletes the
// oldest backups of the same database beyond `keep`. Throws on failure, leaving no
// partial file.
BackupInfo backupDatabase(Store& store, const std::filesystem::path& directory, std::size_t keep = 10);

// The backups of the database at `databasePath` in `directory`, newest first.
std::vector<BackupInfo> listBackups(const std::filesystem::path& directory, const std::filesystem::path& databasePath);

// Replaces the open database's whole content with the backup's, in place, through the
// online backup API (the file stays open and locked by this Caseboard), then brings the
// schema up to date. Throws, leaving the database as it was, when the backup is not a
// Caseboard database or cannot be read.
void restoreBackup(Store& store, const std::filesystem::path& backup);

} // namespace caseboard
