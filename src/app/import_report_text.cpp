#include "import_report_text.h"

#include "app_style.h"
#include "display_format.h"
#include "import_file_choice.h"
#include "signal_colors.h"
#include "table_fit.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHeaderView>
#include <QTableWidget>

#include <map>

namespace caseboard::app {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("ImportReport", text); }

struct Totals {
    qint64 added = 0;
    qint64 updated = 0;
    qint64 unchanged = 0;
    qint64 rejected = 0;
    std::string preset; // one of the kind, for its noun
};

QString count(qint64 n) { return formatCount(n); }

} // namespace

QStringList reportSentences(const std::vector<import::FileReport>& reports, bool dryRun)
{
    // Group by the kind of record, so appointments and clients are never added up.
    std::map<QString, Totals> byKind;
    std::vector<QString> order;
    qint64 filesRejected = 0;
    qint64 rowsRejected = 0;
    for (const import::FileReport& report : reports) {
        if (report.outcome == import::FileOutcome::Cancelled)
            continue;
        if (report.outcome == import::FileOutcome::Rejected && report.added + report.updated + report.unchanged == 0) {
            ++filesRejected;
            continue;
        }
        const QString kind = recordNoun(report.preset, 2);
        if (byKind.find(kind) == byKind.end())
            order.push_back(kind);
        Totals& totals = byKind[kind];
        totals.preset = report.preset;
        totals.added += static_cast<qint64>(report.added);
        totals.updated += static_cast<qint64>(report.updated);
        totals.unchanged += static_cast<qint64>(report.unchanged);
        rowsRejected += static_cast<qint64>(report.rejected);
    }
    QStringList sentences;
    for (const QString& kind : order) {
        const Totals& t = byKind[kind];
        const auto noun = [&t](qint64 n) { return recordNoun(t.preset, n); };
        if (t.added > 0)
            sentences << (dryRun ? tr("%1 %2 will be added") : tr("%1 %2 were added")).arg(count(t.added), noun(t.added));
        if (t.updated > 0)
            sentences << (dryRun ? tr("%1 %2 will be updated with the file\u2019s newer values")
                                 : tr("%1 %2 were updated with the file\u2019s newer values"))
                             .arg(count(t.updated), noun(t.updated));
        if (t.unchanged > 0)
            sentences << (dryRun ? tr("%1 %2 are already in Caseboard and stay as they are")
                                 : tr("%1 %2 were already in Caseboard and stayed as they were"))
                             .arg(count(t.unchanged), noun(t.unchanged));
        if (t.added + t.updated + t.unchanged == 0)
            sentences << (dryRun ? tr("No %1 will change").arg(kind) : tr("No %1 changed").arg(kind));
    }
    if (rowsRejected > 0)
        sentences << (rowsRejected == 1 ? (dryRun ? tr("1 row cannot be imported") : tr("1 row was not imported"))
                                        : (dryRun ? tr("%1 rows cannot be imported") : tr("%1 rows were not imported"))
                                              .arg(count(rowsRejected)));
    if (filesRejected > 0)
        sentences << (filesRejected == 1 ? (dryRun ? tr("1 file cannot be imported") : tr("1 file was not imported"))
                                         : (dryRun ? tr("%1 files cannot be imported") : tr("%1 files were not imported"))
                                               .arg(count(filesRejected)));
    return sentences;
}

void fillReportTable(QTableWidget* table, const std::vector<import::FileReport>& reports,
                     const import::PresetCatalog& catalog, bool undone)
{
    table->clear();
    table->clearSpans();
    table->setColumnCount(kReportColumnCount);
    table->setHorizontalHeaderLabels(
        {tr("File"), tr("Read as"), tr("Added"), tr("Updated"), tr("Unchanged"), tr("Not imported")});
    table->setRowCount(static_cast<int>(reports.size()));
    struct Note {
        int row;
        QString text;
        Signal signal;
    };
    std::vector<Note> notes; // set after the columns are fitted, which they span
    for (std::size_t i = 0; i < reports.size(); ++i) {
        const import::FileReport& report = reports[i];
        const int row = static_cast<int>(i);
        auto* file = new QTableWidgetItem(QFileInfo(QString::fromStdString(report.file)).fileName());
        file->setToolTip(QString::fromStdString(report.file));
        table->setItem(row, kReportFile, file);
        table->setItem(row, kReportLayout,
                       new QTableWidgetItem(report.preset.empty() ? missingValue() : presetTitle(catalog, report.preset)));
        if (report.outcome == import::FileOutcome::Cancelled) {
            notes.push_back({row, tr("Cancelled \u2014 nothing from this file was written"), Signal::Neutral});
            continue;
        }
        if (undone && report.imported()) {
            notes.push_back({row, tr("Taken out again when you cancelled"),
                             Signal::Neutral});
            continue;
        }
        const bool wholeFile = !report.imported() && report.added + report.updated + report.unchanged == 0;
        if (wholeFile && !report.error.empty()) {
            notes.push_back({row, QString::fromStdString(report.error), Signal::Bad});
            continue;
        }
        const qint64 values[] = {static_cast<qint64>(report.added), static_cast<qint64>(report.updated),
                                 static_cast<qint64>(report.unchanged), static_cast<qint64>(report.rejected)};
        for (int c = 0; c < 4; ++c) {
            auto* item = new QTableWidgetItem(formatCount(values[c]));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (c == 3 && values[c] > 0)
                item->setForeground(QBrush(signalInk(Signal::Bad)));
            table->setItem(row, kReportAdded + c, item);
        }
    }
    table->horizontalHeader()->setStretchLastSection(false);
    table->horizontalHeader()->setSectionResizeMode(kReportLayout, QHeaderView::Stretch);
    fitColumnsToText(table, {kReportFile, kReportAdded, kReportUpdated, kReportUnchanged, kReportRejected});
    table->setColumnWidth(kReportFile, std::clamp(table->columnWidth(kReportFile), 160, 340));
    for (const Note& note : notes) {
        auto* item = new QTableWidgetItem(note.text);
        item->setToolTip(note.text);
        item->setForeground(QBrush(signalInk(note.signal)));
        table->setItem(note.row, kReportAdded, item);
        table->setSpan(note.row, kReportAdded, 1, kReportColumnCount - kReportAdded);
    }
    // As tall as its rows: the page reads top to bottom without an empty box.
    int height = table->horizontalHeader()->sizeHint().height() + 2 * table->frameWidth() + 4;
    for (int row = 0; row < table->rowCount(); ++row)
        height += table->rowHeight(row);
    table->setMaximumHeight(std::max(height, 80));
}

} // namespace caseboard::app
