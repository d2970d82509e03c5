#include "database_opener.h"

#include "display_format.h"

#include "caseboard/store/database_lock.h"
#include "caseboard/store/schema.h"
#include "caseboard/store/sqlite.h"
#include "caseboard/store/store.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <spdlog/spdlog.h>

#include <filesystem>

namespace caseboard::app {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("DatabaseOpener", text); }

OpenResult failure(OpenError::Kind kind, const QString& path, const QString& message, const QString& detail = {})
{
    OpenResult result;
    result.error = OpenError{kind, path, message, detail};
    return result;
}

} // namespace

OpenResult openDatabaseFile(const QString& path, OpenMode mode)
{
    const QFileInfo info(path);
    const std::filesystem::path file = info.absoluteFilePath().toStdString();
    const bool exists = info.exists();

    if (!exists && mode == OpenMode::ExistingOnly)
        return failure(OpenError::Kind::NotFound, path, tr("The file does not exist. It may have been moved, "
                                                           "renamed or deleted."));
    if (exists && !info.isFile())
        return failure(OpenError::Kind::NotADatabase, path, tr("This is not a file."));

    // Look at the schema version before opening for writing: a file from a newer
    // Caseboard gets its own explanation, and is left exactly as it is.
    if (exists) {
        try {
            sql::Connection probe(file, sql::Connection::Mode::ReadOnly);
            const int version = schemaVersionOf(probe);
            if (version > kSchemaVersion)
                return failure(OpenError::Kind::NewerSchema, path,
                               tr("This database was saved by a newer version of Caseboard (data format %1; "
                                  "this version reads formats up to %2). Update Caseboard to open it.")
                                   .arg(version)
                                   .arg(kSchemaVersion));
        } catch (const sql::Error& error) {
            return failure(OpenError::Kind::NotADatabase, path,
                           tr("This file is not a Caseboard database, or it is damaged."),
                           QString::fromUtf8(error.what()));
        }
    }

    try {
        OpenResult result;
        result.store = std::make_unique<Store>(Store::open(file, Store::Access::ReadWrite));
        return result;
    } catch (const DatabaseInUseError& error) {
        return failure(OpenError::Kind::InUse, path,
                       tr("The database is in use by another Caseboard. Close it there, then open it again."),
                       QString::fromUtf8(error.what()));
    } catch (const sql::Error& error) {
        spdlog::warn("cannot open database {}: {}", file.filename().string(), error.what());
        return failure(OpenError::Kind::NotADatabase, path,
                       tr("This file is not a Caseboard database Caseboard can use, or it is damaged."),
                       QString::fromUtf8(error.what()));
    } catch (const std::exception& error) {
        spdlog::warn("cannot open database {}: {}", file.filename().string(), error.what());
        return failure(OpenError::Kind::Other, path, tr("Caseboard could not open this database."),
                       QString::fromUtf8(error.what()));
    }
}

} // namespace caseboard::app
