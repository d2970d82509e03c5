#pragma once
// Brings export files into the store. One file is one transaction: all of it or none.
//
// A file-level problem (not CSV, truncated inside quotes, an unknown layout, a required
// column missing) rejects the file with a message that names it. Row-level problems
// (a bad date, an unknown status, a negative duration) are collected with line, column
// and reason; in strict mode any of them rejects the file, with skipBadRows the other
// rows are imported. Cancelling rolls back. Importing the same rows again changes
// nothing; changed rows are updated in place.

#include "caseboard/csv/csv_reader.h"
#include "caseboard/import/import_report.h"
#include "caseboard/import/preset.h"
#include "caseboard/import/status_map.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <future>
#include <iosfwd>
#include <optional>
#include <string>

namespace caseboard {
class Store;
}

namespace caseboard::import {

struct ImportOptions {
    std::optional<std::string> preset; // a preset's name; detected from the header when unset
    // Read the file as the generic caseboard-appointments layout with this column
    // mapping (the wizard's mapping step, saved or not); wins over `preset`.
    std::optional<ColumnMapping> mapping;
    bool skipBadRows = false;          // false: any bad row rejects the whole file
    bool dryRun = false;               // do everything, report it, then roll back
    csv::ReaderOptions reader;
    csv::ReadObserver* observer = nullptr; // progress and cancel
    std::size_t maxIssuesKept = 1000;      // all are counted; this many are kept with their rows
    // When set, the number of data rows read so far, updated as the import goes (the
    // GUI's progress bar reads it from another thread).
    std::atomic<std::uint64_t>* rowsRead = nullptr;
};

class Importer {
public:
    // Reads the practice's saved column mappings and status mapping from the store.
    explicit Importer(Store& store);

    FileReport importFile(const std::filesystem::path& path, const ImportOptions& options = {});

    PresetCatalog& catalog() { return catalog_; }
    StatusMap& statuses() { return statuses_; }

    // Saves a generic-layout column mapping under a name, for the next import.
    void saveMapping(const std::string& name, const ColumnMapping& mapping);

private:
    FileReport attempt(const std::filesystem::path& path, const ImportOptions& options,
                       const std::shared_future<std::optional<std::string>>& digest, bool allowBulk);

    Store& store_;
    PresetCatalog catalog_;
    StatusMap statuses_;
};

// Writes the rejected rows of a report as CSV: line, column, reason, then the row's own
// cells under the file's header. Formula-safe. Returns false when the stream failed.
bool writeRejects(std::ostream& out, const FileReport& report);

// "imported 812 rows: 800 added, 7 updated, 5 unchanged" and the like, for the CLI.
std::string summarise(const FileReport& report);

} // namespace caseboard::import
