#pragma once
// One file in the import wizard: its preview, and how the admin chose to read it (the
// layout detected, another one, or the generic layout with columns matched by hand).

#include "caseboard/import/import_preview.h"
#include "caseboard/import/importer.h"

#include <QString>

#include <optional>
#include <string>

namespace caseboard::app {

// Below this, detection is "not sure" and the wizard says so.
inline constexpr int kSureConfidence = 70;

struct ImportFileChoice {
    QString path;
    import::FilePreview preview;
    std::optional<std::string> preset;            // chosen by the admin; unset: as detected
    std::optional<import::ColumnMapping> mapping; // set: columns matched by hand

    // Reads the head of the file again with the current choice (never the database).
    void refreshPreview(const import::PresetCatalog& catalog, const import::StatusMap& statuses);
    // True when the file can be imported as chosen.
    bool ready() const { return preview.error.empty() && !preview.preset.empty(); }
    import::ImportOptions options() const;
};

// A preset's title for people ("SimplePractice client attendance report"); the name
// when the catalog does not know it.
QString presetTitle(const import::PresetCatalog& catalog, const std::string& name);

// What the rows of a layout are, for sentences: "appointments", "clients", ...
QString recordNoun(const std::string& preset, qint64 count);

// "UTF-8", "Windows-1252", ...; "comma-separated", "semicolon-separated", ...
QString encodingText(csv::Encoding encoding);
QString delimiterText(char delimiter);
// "12 KB", "3.4 MB"
QString fileSizeText(std::uintmax_t bytes);
// A stored UTC time ("2026-11-23T15:02:00Z") in local time, the locale's short form.
QString localTimeText(const std::string& isoUtc);

} // namespace caseboard::app
