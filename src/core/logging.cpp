#include "caseboard/core/logging.h"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <mutex>
#include <vector>

namespace caseboard {

std::filesystem::path defaultDataDirectory()
{
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = std::filesystem::path(home) / ".local" / "share";
    else
        base = std::filesystem::temp_directory_path();
    std::filesystem::path directory = base / "caseboard";
    std::error_code ignored;
    std::filesystem::create_directories(directory, ignored);
    // The directory holds PHI (databases, backups): owner only.
    std::filesystem::permissions(directory, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace,
                                 ignored);
    return directory;
}

void initLogging(const std::filesystem::path& directory, bool alsoToStderr)
{
    static std::mutex mutex;
    const std::lock_guard lock(mutex);

    std::vector<spdlog::sink_ptr> sinks;
    std::error_code ignored;
    std::filesystem::create_directories(directory, ignored);
    try {
        constexpr std::size_t kMaxBytes = 5 * 1024 * 1024;
        sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
            (directory / "caseboard.log").string(), kMaxBytes, 3));
    } catch (const spdlog::spdlog_ex&) {
        // An unwritable data directory must not stop the program; stderr still works.
        alsoToStderr = true;
    }
    if (alsoToStderr)
        sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());

    auto logger = std::make_shared<spdlog::logger>("caseboard", sinks.begin(), sinks.end());
    logger->set_pattern("%Y-%m-%d %H:%M:%S.%e [%l] %v");
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
}

} // namespace caseboard
