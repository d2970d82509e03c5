#include "caseboard/import/import_preview.h"

#include "cell_reader.h"
#include "presets.h"

#include <cstdio>

namespace caseboard::import {

namespace {

// What a layout's rows become; each shows under its own headings.
enum class RecordKind { Appointment, Client, Roster, Payment };

const std::vector<std::string>& columnsOf(RecordKind kind)
{
    static const std::vector<std::string> appointment{"Date",   "Start",   "Client", "Clinician",
                                                      "Status", "Category", "Service", "Minutes",
                                                      "Fee",    "Client paid", "Insurance paid", "Note"};
    static const std::vector<std::string> client{"Client", "Status", "Date added"};
    static const std::vector<std::string> roster{"Clinician",  "Type",     "Location",    "Supervisor",
                                                 "Start Date", "End Date", "Weekly Goal", "Hourly Rate"};
    static const std::vector<std::string> payment{"Date", "Client", "Clinician", "Source", "Amount"};
    switch (kind) {
    case RecordKind::Appointment: return appointment;
    case RecordKind::Client: return client;
    case RecordKind::Roster: return roster;
    case RecordKind::Payment: return payment;
    }
    return appointment;
}

// Until a row has been read, the preset's name says what its rows will be (a file whose
// every row is rejected still gets the right headings).
RecordKind expectedKind(const Preset& preset)
{
    const std::string name = preset.name();
    if (name == "caseboard-team")
        return RecordKind::Roster;
    if (name == "simplepractice-client-details")
        return RecordKind::Client;
    if (name == "simplepractice-income-allocation")
        return RecordKind::Payment;
    return RecordKind::Appointment;
}

std::string optionalDay(const std::optional<Day>& day) { return day ? formatIsoDay(*day) : std::string(); }
// Money as the file would say it ("165.00"), category by its name ("late_cancel"): the
// preview shows values, the view decides how they look.
std::string optionalMoney(const std::optional<Cents>& cents)
{
    return cents ? formatCentsPlain(*cents) : std::string();
}

std::string timeOfDay(int minute)
{
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", minute / 60 % 24, minute % 60);
    return buffer;
}

std::string number(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

// Turns the records a preset hands over into the cells of one preview row.
class PreviewSink final : public RecordSink {
public:
    void appointment(AppointmentRecord& record) override
    {
        const Appointment& a = record.values;
        auto has = [&](AppointmentField field) { return (record.fields & field) != 0; };
        kind = RecordKind::Appointment;
        cells = {formatIsoDay(a.date),
                 has(kStartTime) && a.startMinute ? timeOfDay(*a.startMinute) : std::string(),
                 record.clientName.empty() ? record.clientKey : record.clientName,
                 record.clinicianName,
                 has(kStatus) ? a.rawStatus : std::string(),
                 has(kStatus) ? std::string(statusCategoryName(a.status)) : std::string(),
                 has(kServiceCode) ? a.serviceCode : std::string(),
                 has(kDuration) && a.durationMinutes > 0 ? std::to_string(a.durationMinutes) : std::string(),
                 has(kFee) ? optionalMoney(a.fee) : std::string(),
                 has(kClientPaid) ? optionalMoney(a.clientPaid) : std::string(),
                 has(kInsurancePaid) ? optionalMoney(a.insurancePaid) : std::string(),
                 has(kNoteStatus) ? std::string(noteStatusName(a.noteStatus)) : std::string()};
    }

    void client(const ClientRecord& record) override
    {
        kind = RecordKind::Client;
        cells = {record.clientName.empty() ? record.clientKey : record.clientName, record.status,
                 optionalDay(record.dateAdded)};
    }

    void roster(const RosterRecord& record) override
    {
        const Clinician& c = record.clinician;
        kind = RecordKind::Roster;
        cells = {c.name,
                 c.clinicianType,
                 c.location,
                 c.supervisor,
                 optionalDay(c.startDate),
                 optionalDay(c.endDate),
                 record.weeklyGoal ? number(*record.weeklyGoal) : std::string(),
                 optionalMoney(c.hourlyRate)};
    }

    void payment(const PaymentRecord& record) override
    {
        kind = RecordKind::Payment;
        cells = {formatIsoDay(record.serviceDay), record.clientName.empty() ? record.clientKey : record.clientName,
                 record.clinicianName, record.fromInsurance ? "insurance" : "client", formatCentsPlain(record.amount)};
    }

    std::optional<RecordKind> kind;
    std::vector<std::string> cells;
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

std::string listed(const std::vector<std::string>& names)
{
    std::string text;
    for (const std::string& name : names)
        text += (text.empty() ? "" : ", ") + name;
    return text;
}

} // namespace

FilePreview previewFile(const std::filesystem::path& path, const PresetCatalog& catalog, const StatusMap& statuses,
                        const PreviewOptions& options)
{
    FilePreview preview;
    preview.file = path.string();
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        preview.error = preview.file + ": no such file";
        return preview;
    }
    const std::uintmax_t bytes = std::filesystem::file_size(path, error);
    preview.bytes = error ? 0 : bytes;

    std::unique_ptr<Preset> mapped;
    const Preset* preset = nullptr;
    ColumnLayout layout;
    std::unique_ptr<RowInterpreter> interpreter;
    bool headerRead = false;
    RecordKind kind = RecordKind::Appointment;
    PreviewSink sink;
    std::vector<CellProblem> problems;

    // Picks the layout the import would use, or says why there is none.
    auto choosePreset = [&]() -> const Preset* {
        for (const Detection& detection : catalog.detect(layout))
            preview.candidates.push_back({detection.preset->name(), detection.preset->title(),
                                          detection.match.confidence, detection.match.missing});
        if (options.mapping) {
            std::string mappingError;
            if (!parseColumnMapping(formatColumnMapping(*options.mapping), &mappingError)) {
                preview.error = "the column mapping is not usable: " + mappingError;
                return nullptr;
            }
            mapped = makeCaseboardAppointmentsPreset(kMappedPresetName, *options.mapping);
        }
        const Preset* chosen = mapped ? mapped.get() : nullptr;
        if (!chosen && options.preset) {
            chosen = catalog.byName(*options.preset);
            if (!chosen) {
                preview.error = "there is no preset named '" + *options.preset + "'";
                return nullptr;
            }
        }
        if (chosen) {
            const HeaderMatch match = chosen->match(layout);
            if (!match.missing.empty()) {
                preview.error = std::string("the header lacks the required column")
                    + (match.missing.size() > 1 ? "s " : " ") + listed(match.missing) + " of " + chosen->name();
                return nullptr;
            }
            preview.confidence = 100;
            return chosen;
        }
        if (preview.candidates.empty()) {
            preview.error = "unknown layout: its columns match no known export layout";
            return nullptr;
        }
        const PresetCandidate& best = preview.candidates.front();
        if (!best.missing.empty()) {
            preview.error = "unknown layout: it looks like " + best.title + " (" + best.name + ") but lacks the column"
                + (best.missing.size() > 1 ? "s " : " ") + listed(best.missing);
            return nullptr;
        }
        preview.confidence = best.confidence;
        return catalog.byName(best.name);
    };

    auto onRow = [&](const csv::Row& row) -> csv::RowAction {
        if (!headerRead) {
            headerRead = true;
            layout = ColumnLayout(row.fields);
            preview.header = layout.names();
            preset = choosePreset();
            if (preset) {
                preview.preset = preset->name();
                interpreter = preset->bind(layout, statuses);
                preview.ignoredColumns = layout.unusedColumns();
                kind = expectedKind(*preset);
                preview.columns = columnsOf(kind);
            }
            return options.rows == 0 ? csv::RowAction::Stop : csv::RowAction::Continue;
        }

        preview.rawRows.push_back(copyFields(row));
        if (interpreter) {
            problems.clear();
            sink.kind.reset();
            sink.cells.clear();
            bool data = true;
            if (row.fields.size() > layout.size())
                problems.push_back({{}, "row has " + std::to_string(row.fields.size()) + " fields where the header has "
                                            + std::to_string(layout.size()), {}});
            else
                data = interpreter->interpret(row, sink, problems);
            if (data) {
                PreviewRow shown;
                shown.line = row.line;
                if (!problems.empty())
                    shown.problem = describeProblems(problems);
                else if (sink.kind) {
                    if (*sink.kind != kind) { // the first row tells better than the name
                        kind = *sink.kind;
                        preview.columns = columnsOf(kind);
                    }
                    shown.cells = std::move(sink.cells);
                }
                preview.rows.push_back(std::move(shown));
            }
        }
        const std::size_t shown = interpreter ? preview.rows.size() : preview.rawRows.size();
        return shown >= options.rows ? csv::RowAction::Stop : csv::RowAction::Continue;
    };

    const csv::ReadResult read = csv::readCsvFile(path, options.reader, onRow);
    preview.encoding = read.encoding;
    preview.delimiter = read.delimiter;
    // A row the import would reject shows no cells, only its problem.
    for (PreviewRow& row : preview.rows)
        if (row.problem.empty())
            row.cells.resize(preview.columns.size());

    if (read.outcome == csv::ReadOutcome::Failed)
        preview.error = read.error->message;
    else if (!headerRead)
        preview.error = "the file is empty";
    if (!preview.error.empty())
        preview.error = preview.file + ": " + preview.error;
    return preview;
}

} // namespace caseboard::import
