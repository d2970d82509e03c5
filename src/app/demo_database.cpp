#include "demo_database.h"

#include "caseboard/store/store.h"

#include <QDir>

#include <spdlog/spdlog.h>

#include <filesystem>
#include <system_error>

namespace caseboard::app {

namespace {

void removeDatabaseFiles(const std::filesystem::path& database)
{
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal", ".lock"})
        std::filesystem::remove(database.string() + suffix, ignored);
}

} // namespace

QString demoDatabasePath(const QString& dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("demo-practice.db"));
}

DemoOptions defaultDemoOptions(Day today)
{
    DemoOptions options;
    options.seed = 1;
    options.end = today;
    return options;
}

DemoBuildResult buildDemoDatabase(const QString& path, const DemoOptions& options)
{
    DemoBuildResult result;
    const std::filesystem::path target = path.toStdString();
    const std::filesystem::path partial = target.string() + ".partial";
    try {
        std::filesystem::create_directories(target.parent_path());
        removeDatabaseFiles(partial);
        {
            Store store = Store::open(partial, Store::Access::ReadWrite);
            result.summary = generateDemoPractice(store, options);
        }
        std::error_code ignored;
        std::filesystem::remove(partial.string() + ".lock", ignored);
        std::filesystem::rename(partial, target);
        result.ok = true;
        spdlog::info("demo practice created: {} clinicians, {} clients, {} appointments", result.summary.clinicians,
                     result.summary.clients, result.summary.appointments);
    } catch (const std::exception& error) {
        removeDatabaseFiles(partial);
        result.error = QString::fromUtf8(error.what());
        spdlog::error("creating the demo practice failed: {}", error.what());
    }
    return result;
}

} // namespace caseboard::app
