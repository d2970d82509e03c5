#pragma once
// Opening a practice database for the GUI: every way it can fail becomes an OpenError
// the window can show (with the file's path), never an exception that escapes.

#include <QString>

#include <memory>
#include <optional>

namespace caseboard { class Store; }

namespace caseboard::app {

struct OpenError {
    enum class Kind {
        NotFound,     // no such file
        InUse,        // another Caseboard process has it open for writing
        NewerSchema,  // written by a newer Caseboard
        NotADatabase, // not an SQLite file, damaged, or not Caseboard's
        Other,
    };
    Kind kind = Kind::Other;
    QString path;
    QString message; // one or two sentences for people
    QString detail;  // the engine's own message, for the "details" part of a dialog
};

struct OpenResult {
    std::unique_ptr<Store> store; // set on success
    std::optional<OpenError> error;
};

enum class OpenMode {
    ExistingOnly,    // the file must exist
    CreateIfMissing, // a new, empty database when it does not
};

// Opens `path` for reading and writing on the calling thread (which then owns it).
OpenResult openDatabaseFile(const QString& path, OpenMode mode = OpenMode::ExistingOnly);

} // namespace caseboard::app
