#include "caseboard/import/importer.h"

#include "caseboard/core/sha256.h"
#include "caseboard/core/utc_time.h"
#include "caseboard/csv/csv_writer.h"
#include "caseboard/store/store.h"
#include "batch_journal.h"
#include "cell_reader.h"
#include "pipelined_sink.h"
#include "preset_choice.h"
#include "store_sink.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <ostream>

namespace caseboard::import {

namespace {

constexpr const char* kMappingPrefix = "column_mapping:";

// Stands in for the store once a strict import has met a bad row: the rest of the file
// is still checked, so the user hears about every problem at once, but nothing more is
// written to a transaction that will be rolled back.
class DiscardingSink final : public RecordSink {
public:
    void appointment(AppointmentRecord&) override {}
    void client(const ClientRecord&) override {}
    void roster(const RosterRecord&) override {}
    void payment(const PaymentRecord&) override {}
    void staffHours(const StaffHoursRecord&) override {}
};

} // namespace

Importer::Importer(Store& store) : store_(store), statuses_(StatusMap::load(store))
{
    auto mappings = store.connection().prepare("SELECT key, value FROM settings WHERE key LIKE 'column_mapping:%'");
    while (mappings.step()) {
        const std::string name = mappings.text(0).substr(std::char_traits<char>::length(kMappingPrefix));
        if (auto mapping = parseColumnMapping(mappings.textView(1))) {
            try {
                catalog_.addMapping(name, *mapping);
            } catch (const std::invalid_argument& error) {
                spdlog::warn("saved column mapping '{}' ignored: {}", name, error.what());
            }
        }
    }
}

void Importer::saveMapping(const std::string& name, const ColumnMapping& mapping)
{
    catalog_.addMapping(name, mapping);
    store_.setSetting(kMappingPrefix + name, formatColumnMapping(mapping));
}

FileReport Importer::importFile(const std::filesystem::path& path, const ImportOptions& options)
{
    const auto started = std::chrono::steady_clock::now();
    FileReport report;
    report.file = path.string();
    if (!std::filesystem::is_regular_file(path)) {
        report.outcome = FileOutcome::Rejected;
        report.error = report.file + ": no such file";
    } else {
        // The digest is read on the other core while this one parses.
        std::shared_future<std::optional<std::string>> digest =
            std::async(std::launch::async, [path] { return sha256OfFile(path); }).share();
        // A first load into an empty table writes every page once with a rollback
        // journal (new pages are never journalled) but twice through the WAL. The switch
        // only succeeds when no other connection has the file open.
        const bool empty = !store_.connection().queryInt("SELECT 1 FROM appointments LIMIT 1");
        bool rollbackJournal = false;
        if (empty && !store_.inMemory() && !options.dryRun) {
            sql::Connection& db = store_.connection();
            db.setBusyTimeout(0); // another connection open: don't wait, stay in WAL
            try {
                auto mode = db.prepare("PRAGMA journal_mode = DELETE");
                rollbackJournal = mode.step() && mode.textView(0) == "delete";
            } catch (const sql::Error&) {
                rollbackJournal = false;
            }
            db.setBusyTimeout(sql::kDefaultBusyTimeoutMs);
        }
        struct RestoreWal {
            Store& store;
            bool active;
            ~RestoreWal()
            {
                if (!active)
                    return;
                try {
                    store.connection().exec("PRAGMA journal_mode = WAL");
                } catch (const sql::Error& error) {
                    // Still a consistent database; the next open sets WAL again.
                    spdlog::warn("could not return to WAL after an import: {}", error.what());
                }
            }
        } restoreWal{store_, rollbackJournal};
        try {
            report = attempt(path, options, digest, true);
        } catch (const BulkKeyConflict&) {
            // A key repeats in the file: import again the careful way, which names the line.
            spdlog::info("bulk load of {} met a repeated key; importing row by row", path.filename().string());
            report = attempt(path, options, digest, false);
        }
        digest.wait();
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    spdlog::info("import of {} {}: {} rows, {} added, {} updated, {} unchanged, {} rejected ({:.2f} s)",
                 path.filename().string(),
                 report.outcome == FileOutcome::Imported    ? "done"
                     : report.outcome == FileOutcome::Cancelled ? "cancelled"
                                                                : "rejected",
                 report.rows, report.added, report.updated, report.unchanged, report.rejected, report.seconds);
    return report;
}

FileReport Importer::attempt(const std::filesystem::path& path, const ImportOptions& options,
                             const std::shared_future<std::optional<std::string>>& digest, bool allowBulk)
{
    FileReport report;
    report.file = path.string();
    auto reject = [&](FileOutcome outcome, std::string error) {
        report.outcome = outcome;
        report.error = std::move(error);
        return report; // the transaction rolls back as it goes out of scope
    };

    sql::Connection& db = store_.connection();
    sql::Transaction transaction(db);

    std::error_code sizeError;
    report.fileBytes = std::filesystem::file_size(path, sizeError);
    if (sizeError)
        report.fileBytes = 0;

    ImportBatch batch;
    batch.fileName = path.filename().string();
    batch.importedAt = utcIsoNow();
    batch.fileBytes = report.fileBytes;
    const RowId batchId = store_.recordImportBatch(batch);

    const Preset* preset = nullptr;
    PresetChoice choice;
    ColumnLayout layout;
    std::unique_ptr<RowInterpreter> interpreter;
    // Declared before the sink, so its triggers go after the sink's statements.
    std::optional<BatchJournal> journal;
    if (!options.dryRun)
        journal.emplace(db, batchId);
    StoreSink sink(db, batchId, allowBulk);
    // Declared after the sink and the transaction, so it stops before they go.
    PipelinedSink pipeline(sink);
    DiscardingSink discard;
    std::string fileError;
    std::vector<CellProblem> problems;

    auto onRow = [&](const csv::Row& row) -> csv::RowAction {
        if (!interpreter) { // the header
            layout = ColumnLayout(row.fields);
            report.header = layout.names();
            choice = choosePreset(layout, catalog_, options.preset, options.mapping);
            if (!choice.preset) {
                fileError = report.file + ": " + choice.error;
                return csv::RowAction::Stop;
            }
            preset = choice.preset;
            report.confidence = choice.confidence;
            report.preset = preset->name();
            interpreter = preset->bind(layout, statuses_);
            report.ignoredColumns = layout.unusedColumns();
            return csv::RowAction::Continue;
        }

        problems.clear();
        if (row.fields.size() > layout.size()) {
            problems.push_back({{},
                                "row has " + std::to_string(row.fields.size()) + " fields where the header has "
                                    + std::to_string(layout.size()),
                                {}});
        } else {
            // After a bad row a strict import only checks the rest: nothing more is written
            // to a transaction that will be rolled back.
            RecordSink& target = (report.rejected > 0 && !options.skipBadRows)
                ? static_cast<RecordSink&>(discard)
                : static_cast<RecordSink&>(pipeline);
            pipeline.setRow(row);
            if (!interpreter->interpret(row, target, problems))
                return csv::RowAction::Continue; // not a data row
        }
        ++report.rows;
        if (options.rowsRead)
            options.rowsRead->store(report.rows, std::memory_order_relaxed);
        if (!problems.empty()) {
            ++report.rejected;
            for (const CellProblem& problem : problems)
                if (!problem.unknownStatus.empty())
                    ++report.unknownStatuses[problem.unknownStatus];
            for (CellProblem& problem : problems) {
                if (report.issues.size() >= options.maxIssuesKept)
                    break;
                report.issues.push_back(
                    {row.line, std::move(problem.column), std::move(problem.reason), copyFields(row)});
            }
        }
        return csv::RowAction::Continue;
    };

    csv::ReadResult read;
    try {
        read = csv::readCsvFile(path, options.reader, onRow, options.observer);
        if (read.outcome == csv::ReadOutcome::Completed)
            pipeline.drain();
    } catch (const sql::Error& error) {
        return reject(FileOutcome::Rejected, report.file + ": the database refused a row: " + error.what());
    }
    // Keys that repeat are found by the writer, after the rows that carried them.
    for (RepeatedKey& repeated : pipeline.repeatedKeys) {
        ++report.rejected;
        if (report.issues.size() < options.maxIssuesKept)
            report.issues.push_back({repeated.line, {}, "the same appointment ID appears earlier in this file",
                                     std::move(repeated.fields)});
    }
    std::stable_sort(report.issues.begin(), report.issues.end(),
                     [](const RowIssue& a, const RowIssue& b) { return a.line < b.line; });
    report.encoding = read.encoding;
    report.delimiter = read.delimiter;

    if (read.outcome == csv::ReadOutcome::Cancelled)
        return reject(FileOutcome::Cancelled, report.file + ": import cancelled; nothing was changed");
    if (read.outcome == csv::ReadOutcome::Failed)
        return reject(FileOutcome::Rejected, report.file + ": " + read.error->message);
    if (!fileError.empty())
        return reject(FileOutcome::Rejected, fileError);
    if (!interpreter)
        return reject(FileOutcome::Rejected, report.file + ": the file is empty");
    if (report.rejected > 0 && !options.skipBadRows)
        return reject(FileOutcome::Rejected,
                      report.file + ": " + std::to_string(report.rejected) + " of " + std::to_string(report.rows)
                          + " rows have problems, so nothing was imported (fix them, or import with skip-bad-rows)");

    try {
        sink.finish(); // may throw BulkKeyConflict: the caller tries again without bulk mode
    } catch (const sql::Error& error) {
        return reject(FileOutcome::Rejected, report.file + ": the database refused a row: " + error.what());
    }
    report.added = sink.added;
    report.updated = sink.updated;
    report.unchanged = sink.unchanged;
    report.newClinicians = sink.newClinicians;

    auto update = db.prepare("UPDATE import_batches SET sha256 = ?, preset = ?, rows_added = ?, rows_updated = ?, "
                             "rows_unchanged = ?, rows_rejected = ? WHERE id = ?");
    update.bind(1, digest.get().value_or(""))
        .bind(2, report.preset)
        .bind(3, static_cast<std::int64_t>(report.added))
        .bind(4, static_cast<std::int64_t>(report.updated))
        .bind(5, static_cast<std::int64_t>(report.unchanged))
        .bind(6, static_cast<std::int64_t>(report.rejected))
        .bind(7, batchId);
    update.run();

    if (journal)
        journal->finish();

    report.outcome = FileOutcome::Imported;
    if (options.dryRun)
        return report; // rolled back as the transaction closes
    transaction.commit();
    report.batchId = batchId;
    return report;
}

bool writeRejects(std::ostream& out, const FileReport& report)
{
    csv::CsvWriter writer(out);
    writer.writeText("Line").writeText("Column").writeText("Reason");
    for (const std::string& column : report.header)
        writer.writeText(column);
    writer.endRow();
    for (const RowIssue& issue : report.issues) {
        writer.writeNumber(static_cast<std::int64_t>(issue.line)).writeText(issue.column).writeText(issue.reason);
        for (const std::string& field : issue.fields)
            writer.writeText(field);
        writer.endRow();
    }
    return writer.flush();
}

std::string summarise(const FileReport& report)
{
    std::string text;
    switch (report.outcome) {
    case FileOutcome::Imported:
        text = "imported " + std::to_string(report.rows) + " rows as " + report.preset + ": "
            + std::to_string(report.added) + " added, " + std::to_string(report.updated) + " updated, "
            + std::to_string(report.unchanged) + " unchanged";
        if (report.rejected > 0)
            text += ", " + std::to_string(report.rejected) + " rejected";
        break;
    case FileOutcome::Rejected:
    case FileOutcome::Cancelled:
        text = report.error;
        break;
    }
    return text;
}

} // namespace caseboard::import
