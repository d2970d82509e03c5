#pragma once
// What an import did to one file: the numbers the admin checks, the rows it could not
// take and why, and what it met for the first time.

#include "caseboard/core/domain.h"
#include "caseboard/csv/text_encoding.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace caseboard::import {

// A row the import could not take. `line` is the physical line the row starts on, as a
// text editor numbers it; `column` the header of the offending cell (empty for the row).
struct RowIssue {
    std::uint64_t line = 0;
    std::string column;
    std::string reason;
    std::vector<std::string> fields; // the row as read, for the rejects file
};

enum class FileOutcome {
    Imported,  // committed (with skip-bad-rows, possibly minus rejected rows)
    Rejected,  // nothing written: a file-level problem, or bad rows in strict mode
    Cancelled, // nothing written: the user cancelled
};

struct FileReport {
    std::string file;   // the path as given
    std::string preset; // empty when no layout was recognised
    int confidence = 0; // 0–100, how sure detection was (100 when chosen by name)
    csv::Encoding encoding = csv::Encoding::Utf8;
    char delimiter = ',';
    FileOutcome outcome = FileOutcome::Rejected;
    std::string error; // why the file was rejected or cancelled, naming the file

    std::uint64_t rows = 0; // data rows read (header and summary rows excluded)
    std::uint64_t added = 0;
    std::uint64_t updated = 0;
    std::uint64_t unchanged = 0;
    std::uint64_t rejected = 0; // rows with a problem
    std::vector<RowIssue> issues; // the first ImportOptions::maxIssuesKept of them
    std::vector<std::string> header;
    std::vector<std::string> ignoredColumns;
    std::vector<std::string> newClinicians;
    // Raw statuses neither the defaults nor the practice's mapping know, with how many
    // rows carry each; those rows are among the rejected. Mapping each (StatusMap::set,
    // then save) and importing again takes them.
    std::map<std::string, std::uint64_t> unknownStatuses;
    std::uintmax_t fileBytes = 0;
    std::optional<RowId> batchId;
    double seconds = 0.0;

    bool imported() const { return outcome == FileOutcome::Imported; }
};

} // namespace caseboard::import
