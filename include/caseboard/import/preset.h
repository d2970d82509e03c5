#pragma once
// An import preset knows one export layout: how to recognise its header, and how to turn
// each of its rows into records. Presets never touch the database; they hand records to
// a RecordSink, so a dry run, a test or the real import see exactly the same records.

#include "caseboard/csv/csv_reader.h"
#include "caseboard/import/column_layout.h"
#include "caseboard/import/records.h"
#include "caseboard/import/status_map.h"

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace caseboard::import {

class RecordSink {
public:
    virtual ~RecordSink() = default;
    // Non-const: the sink fills in the row ids in place rather than copy the record.
    virtual void appointment(AppointmentRecord& record) = 0;
    virtual void client(const ClientRecord& record) = 0;
    virtual void roster(const RosterRecord& record) = 0;
    virtual void payment(const PaymentRecord& record) = 0;
    virtual void staffHours(const StaffHoursRecord& record) = 0;
};

struct CellProblem {
    std::string column; // header of the cell; empty for the row as a whole
    std::string reason;
    // The raw status when the problem is that no mapping knows it, so the import can
    // list each unknown word once with its count (FileReport::unknownStatuses).
    std::string unknownStatus;
};

class RowInterpreter {
public:
    virtual ~RowInterpreter() = default;
    // Reads one data row: hands its record to `sink`, or adds to `problems` and hands
    // nothing. Returns false for a row that is not data (a summary line), which is
    // skipped without a word.
    virtual bool interpret(const csv::Row& row, RecordSink& sink, std::vector<CellProblem>& problems) = 0;
};

struct HeaderMatch {
    int confidence = 0;               // 0–100; 0 means "not this layout"
    std::vector<std::string> missing; // required columns the header lacks
};

class Preset {
public:
    virtual ~Preset() = default;
    virtual std::string name() const = 0;  // "simplepractice-attendance"
    virtual std::string title() const = 0; // "SimplePractice client attendance report"
    virtual HeaderMatch match(const ColumnLayout& header) const = 0;
    // Prepares to read rows under this header, marking the columns it reads in `header`.
    // Call only when match() found no required column missing.
    virtual std::unique_ptr<RowInterpreter> bind(ColumnLayout& header, const StatusMap& statuses) const = 0;
};

// The fields of the generic caseboard-appointments layout, in its column order.
extern const std::vector<std::string> kCaseboardAppointmentColumns;
// The team roster layout (caseboard-team).
extern const std::vector<std::string> kCaseboardTeamColumns;

// Generic-layout field name -> the header the file uses for it, for files whose headers
// differ ("Date" -> "Service Date"). Fields left out are looked up by their own name.
using ColumnMapping = std::map<std::string, std::string>;

// "Date=Service Date;Client=Patient" <-> ColumnMapping, the form stored in settings.
std::string formatColumnMapping(const ColumnMapping& mapping);
std::optional<ColumnMapping> parseColumnMapping(std::string_view text, std::string* error = nullptr);

struct Detection {
    const Preset* preset = nullptr;
    HeaderMatch match;
};

// The built-in presets, plus generic-layout presets made from saved column mappings.
class PresetCatalog {
public:
    PresetCatalog();
    ~PresetCatalog();
    PresetCatalog(PresetCatalog&&) noexcept;
    PresetCatalog& operator=(PresetCatalog&&) noexcept;

    // Adds a generic-layout preset under `name`; throws std::invalid_argument for a
    // mapping naming a field the layout does not have, or a name already taken.
    void addMapping(const std::string& name, const ColumnMapping& mapping);

    const Preset* byName(std::string_view name) const;
    std::vector<const Preset*> all() const;
    // Every preset that could read this header, most likely first.
    std::vector<Detection> detect(const ColumnLayout& header) const;

private:
    std::vector<std::unique_ptr<Preset>> presets_;
};

} // namespace caseboard::import
