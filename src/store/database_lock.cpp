#include "caseboard/store/database_lock.h"

#include <spdlog/spdlog.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>
#include <mutex>

namespace caseboard {

namespace {
// flock() locks belong to an open file description: a second open() in this process
// would conflict with the first. So the process keeps one lock per database and
// shares it between its connections.
std::mutex registryMutex;
std::map<std::filesystem::path, std::weak_ptr<DatabaseLock>> registry;
} // namespace

std::shared_ptr<DatabaseLock> DatabaseLock::acquire(const std::filesystem::path& database)
{
    std::error_code ec;
    std::filesystem::path canonical = std::filesystem::weakly_canonical(database, ec);
    if (ec)
        canonical = std::filesystem::absolute(database);
    std::filesystem::path lockFile = canonical;
    lockFile += ".lock";

    const std::lock_guard guard(registryMutex);
    // A forked child inherits the registry but is another process: it must lock anew.
    if (auto existing = registry[canonical].lock(); existing && existing->owner_ == ::getpid())
        return existing;

    const int fd = ::open(lockFile.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        throw DatabaseInUseError("cannot create the lock file " + lockFile.string() + ": " + std::strerror(errno));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(fd);
        if (error == EWOULDBLOCK)
            throw DatabaseInUseError("database is in use by another Caseboard: " + canonical.string());
        throw DatabaseInUseError("cannot lock " + lockFile.string() + ": " + std::strerror(error));
    }
    std::shared_ptr<DatabaseLock> lock(new DatabaseLock(lockFile, fd));
    registry[canonical] = lock;
    return lock;
}

DatabaseLock::DatabaseLock(std::filesystem::path lockFile, int fd)
    : lockFile_(std::move(lockFile)), fd_(fd), owner_(::getpid())
{
}

DatabaseLock::~DatabaseLock()
{
    // The lock file stays: removing it would race with a process about to lock it.
    // Unlock under the registry mutex so a thread re-acquiring never sees our stale lock.
    const std::lock_guard guard(registryMutex);
    if (fd_ < 0)
        return;
    // A forked child shares the parent's open file: unlocking it would unlock the parent.
    if (owner_ == ::getpid())
        ::flock(fd_, LOCK_UN);
    ::close(fd_);
}

} // namespace caseboard
