#pragma once
// What an import of a file would do, before anything is written: the layout detected
// and how sure, the encoding and delimiter, the columns that will be ignored, and the
// first rows as they will be stored (normalised dates, status categories, money). The
// GUI's import wizard shows this; a dry run (ImportOptions::dryRun) gives the counts.

#include "caseboard/csv/text_encoding.h"
#include "caseboard/import/preset.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace caseboard::import {

struct PreviewOptions {
    std::optional<std::string> preset;   // a preset's name; detected when unset
    std::optional<ColumnMapping> mapping; // read as the generic layout with this mapping (wins over preset)
    std::size_t rows = 20;               // data rows to interpret
    csv::ReaderOptions reader;
};

struct PresetCandidate {
    std::string name;  // "simplepractice-attendance"
    std::string title; // "SimplePractice client attendance report"
    int confidence = 0;
    std::vector<std::string> missing; // required columns the file lacks
};

// One data row as it will be stored. `cells` follow FilePreview::columns; a row the
// import would reject has empty cells and the reason in `problem` (column: reason).
struct PreviewRow {
    std::uint64_t line = 0;
    std::vector<std::string> cells;
    std::string problem;
};

struct FilePreview {
    std::string file;
    std::uintmax_t bytes = 0;
    csv::Encoding encoding = csv::Encoding::Utf8;
    char delimiter = ',';
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rawRows; // the first rows as read, under `header`
    std::vector<PresetCandidate> candidates;       // every layout that could read the header, most likely first
    std::string preset;                            // the one used; empty when none fits
    int confidence = 0;
    std::vector<std::string> ignoredColumns;
    // Headings of `rows`: for appointments "Date", "Start", "Client", "Clinician",
    // "Status", "Category", "Service", "Minutes", "Fee", "Client paid", "Insurance paid",
    // "Note"; other layouts (clients, team, payments, timesheet) their own fields.
    std::vector<std::string> columns;
    std::vector<PreviewRow> rows;
    std::string error; // a file-level problem (not CSV, unknown layout, a required column missing)
};

// Reads the head of a file, never the database. `catalog` and `statuses` are the
// practice's (Importer::catalog(), Importer::statuses()).
FilePreview previewFile(const std::filesystem::path& path, const PresetCatalog& catalog, const StatusMap& statuses,
                        const PreviewOptions& options = {});

} // namespace caseboard::import
