#include "caseboard/import/import_preview.h"

#include "caseboard/core/day.h"
#include "caseboard/core/money.h"
#include "caseboard/core/note_status.h"
#include "caseboard/core/status.h"
#include "cell_reader.h"
#include "preset_choice.h"

#include <cstdio>
#include <system_error>

namespace caseboard::import {

namespace {

// What kind of record a layout yields, which decides the preview's columns before any
// row has been read (and for files whose first rows all have problems).
enum class RecordKind { Appointments, Clients, Team, Payments, Timesheet };

RecordKind kindOf(const Preset& preset)
{
    const std::string name = preset.name();
    if (name == "simplepractice-client-details")
        return RecordKind::Clients;
    if (name == "caseboard-team")
        return RecordKind::Team;
    if (name == "simplepractice-income-allocation")
        return RecordKind::Payments;
    if (name == "caseboard-timesheet")
        return RecordKind::Timesheet;
    return RecordKind::Appointments; // the SimplePractice reports, the generic layout, saved mappings
}

std::vector<std::string> columnsOf(RecordKind kind)
{
    switch (kind) {
    case RecordKind::Appointments:
        return {"Date", "Start", "Client", "Clinician", "Status", "Category", "Service", "Minutes", "Fee",
                "Client paid", "Insurance paid", "Note"};
    case RecordKind::Clients: return {"Client", "Status", "Date added"};
    case RecordKind::Team:
        return {"Clinician", "Type", "Location", "Supervisor", "Start Date", "End Date", "Weekly Goal", "Hourly Rate"};
    case RecordKind::Payments: return {"Date", "Client", "Clinician", "Source", "Amount"};
    case RecordKind::Timesheet: return {"Staff", "Date", "Hours"};
    }
    return {};
}

std::string formatNumber(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

std::string formatMinute(int minute)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", minute / 60, minute % 60);
    return buffer;
}

std::string formatOptionalDay(const std::optional<Day>& day) { return day ? formatIsoDay(*day) : std::string(); }

std::string formatOptionalCents(const std::optional<Cents>& cents)
{
    return cents ? formatCentsPlain(*cents) : std::string();
}

// Formats each record the interpreter hands over as the row it will be stored as.
class CapturingSink final : public RecordSink {
public:
    std::vector<std::string> cells;
    bool captured = false;

    void appointment(AppointmentRecord& record) override
    {
        const Appointment& a = record.values;
        const auto has = [&](AppointmentField field) { return (record.fields & field) != 0; };
        cells = {formatIsoDay(a.date),
                 has(kStartTime) && a.startMinute ? formatMinute(*a.startMinute) : std::string(),
                 record.clientName,
                 record.clinicianName,
                 // A file without statuses (the appointment status report) keeps the ones
                 // another brought: showing the default would claim one.
                 has(kStatus) ? a.rawStatus : std::string(),
                 has(kStatus) ? std::string(statusCategoryName(a.status)) : std::string(),
                 has(kServiceCode) ? a.serviceCode : std::string(),
                 has(kDuration) ? std::to_string(a.durationMinutes) : std::string(),
                 has(kFee) ? formatOptionalCents(a.fee) : std::string(),
                 has(kClientPaid) ? formatOptionalCents(a.clientPaid) : std::string(),
                 has(kInsurancePaid) ? formatOptionalCents(a.insurancePaid) : std::string(),
                 has(kNoteStatus) ? std::string(noteStatusName(a.noteStatus)) : std::string()};
        captured = true;
    }

    void client(const ClientRecord& record) override
    {
        cells = {record.clientName, record.status, formatOptionalDay(record.dateAdded)};
        captured = true;
    }

    void roster(const RosterRecord& record) override
    {
        const Clinician& c = record.clinician;
        cells = {c.name,
                 c.clinicianType,
                 c.location,
                 c.supervisor,
                 formatOptionalDay(c.startDate),
                 formatOptionalDay(c.endDate),
                 record.weeklyGoal ? formatNumber(*record.weeklyGoal) : std::string(),
                 formatOptionalCents(c.hourlyRate)};
        captured = true;
    }

    void payment(const PaymentRecord& record) override
    {
        cells = {formatIsoDay(record.serviceDay), record.clientName, record.clinicianName,
                 record.fromInsurance ? "insurance" : "client", formatCentsPlain(record.amount)};
        captured = true;
    }

    void staffHours(const StaffHoursRecord& record) override
    {
        cells = {record.staffName, formatIsoDay(record.day), formatNumber(record.hours)};
        captured = true;
    }
};

std::string describeProblems(const std::vector<CellProblem>& problems)
{
    std::string text;
    for (const CellProblem& problem : problems) {
        if (!text.empty())
            text += "; ";
        text += problem.column.empty() ? problem.reason : problem.column + ": " + problem.reason;
    }
    return text;
}

} // namespace

FilePreview previewFile(const std::filesystem::path& path, const PresetCatalog& catalog, const StatusMap& statuses,
                        const PreviewOptions& options)
{
    FilePreview preview;
    preview.file = path.string();
    std::error_code sizeError;
    preview.bytes = std::filesystem::file_size(path, sizeError);
    if (sizeError) {
        preview.error = preview.file + ": no such file";
        return preview;
    }

    bool haveHeader = false;
    ColumnLayout layout;
    PresetChoice choice;
    std::unique_ptr<RowInterpreter> interpreter;
    CapturingSink sink;
    std::vector<CellProblem> problems;

    auto onRow = [&](const csv::Row& row) -> csv::RowAction {
        if (!haveHeader) {
            haveHeader = true;
            layout = ColumnLayout(row.fields);
            preview.header = layout.names();
            choice = choosePreset(layout, catalog, options.preset, options.mapping);
            for (const Detection& detection : choice.detections)
                preview.candidates.push_back({detection.preset->name(), detection.preset->title(),
                                              detection.match.confidence, detection.match.missing});
            if (choice.preset) {
                preview.preset = choice.preset->name();
                preview.confidence = choice.confidence;
                preview.columns = columnsOf(kindOf(*choice.preset));
                interpreter = choice.preset->bind(layout, statuses);
                preview.ignoredColumns = layout.unusedColumns();
            } else {
                // The raw rows are still worth showing: the wizard's mapping step needs them.
                preview.error = preview.file + ": " + choice.error;
            }
            return options.rows == 0 ? csv::RowAction::Stop : csv::RowAction::Continue;
        }

        if (interpreter) {
            problems.clear();
            sink.captured = false;
            if (row.fields.size() > layout.size()) {
                problems.push_back({{},
                                    "row has " + std::to_string(row.fields.size()) + " fields where the header has "
                                        + std::to_string(layout.size()),
                                    {}});
            } else if (!interpreter->interpret(row, sink, problems)) {
                return csv::RowAction::Continue; // a summary line, not data
            }
            PreviewRow shown;
            shown.line = row.line;
            if (!problems.empty())
                shown.problem = describeProblems(problems);
            else if (sink.captured)
                shown.cells = sink.cells;
            preview.rows.push_back(std::move(shown));
        }
        preview.rawRows.push_back(copyFields(row));
        return preview.rawRows.size() >= options.rows ? csv::RowAction::Stop : csv::RowAction::Continue;
    };

    const csv::ReadResult read = csv::readCsvFile(path, options.reader, onRow);
    preview.encoding = read.encoding;
    preview.delimiter = read.delimiter;
    if (read.outcome == csv::ReadOutcome::Failed)
        preview.error = preview.file + ": " + read.error->message;
    else if (!haveHeader)
        preview.error = preview.file + ": the file is empty";
    return preview;
}

} // namespace caseboard::import
