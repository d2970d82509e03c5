#pragma once
// Keeps two Caseboard processes from writing one database at once. The lock is an
// advisory flock() on "<database>.lock", held for as long as any Store of this process
// has the database open for writing, and released by the kernel if the process dies —
// so a crash never leaves the database locked.

#include <filesystem>
#include <memory>
#include <stdexcept>

namespace caseboard {

class DatabaseInUseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class DatabaseLock {
public:
    // Shared within the process (several connections may open the same file), exclusive
    // between processes. Throws DatabaseInUseError when another process holds it.
    static std::shared_ptr<DatabaseLock> acquire(const std::filesystem::path& database);

    ~DatabaseLock();
    DatabaseLock(const DatabaseLock&) = delete;
    DatabaseLock& operator=(const DatabaseLock&) = delete;

    const std::filesystem::path& lockFile() const { return lockFile_; }

private:
    DatabaseLock(std::filesystem::path lockFile, int fd);
    std::filesystem::path lockFile_;
    int fd_ = -1;
    int owner_ = 0; // pid of the process that took the lock
};

} // namespace caseboard
