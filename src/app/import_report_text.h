#pragma once
// What a dry run or an import did, in plain sentences and one table, shared by the
// wizard's check and summary steps: "1,204 appointments will be added".

#include "caseboard/import/import_report.h"
#include "caseboard/import/preset.h"

#include <QStringList>

#include <vector>

class QTableWidget;

namespace caseboard::app {

// One sentence per non-zero count, per kind of record, in the future tense for a dry
// run ("will be added") and the past for an import ("were added").
QStringList reportSentences(const std::vector<import::FileReport>& reports, bool dryRun);

// Columns of the per-file table.
enum ReportColumn { kReportFile, kReportLayout, kReportAdded, kReportUpdated, kReportUnchanged, kReportRejected,
                    kReportColumnCount };

// Fills `table` with one row per report: file, layout, the counts, or why the file as a
// whole could not be imported. `undone`: a cancel put the backup back, so files that
// were committed say they were taken out again instead of showing counts.
void fillReportTable(QTableWidget* table, const std::vector<import::FileReport>& reports,
                     const import::PresetCatalog& catalog, bool undone = false);

} // namespace caseboard::app
