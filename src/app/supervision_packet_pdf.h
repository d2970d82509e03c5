#pragma once
// The supervision packet as a PDF (QPdfWriter + QPainter): for each clinician a header,
// the month's numbers against the previous month and the same month last year with a
// 13-month trend chart per number, the three follow-up lists, the goals of the last 1:1
// and this month's goals and notes. Clean enough to hand over: print colours whatever
// the app's theme, page breaks between whole rows, a footer with the page number.
// Everything a page says is prepared first (packetSection), so writing runs on any
// thread.

#include "supervision_rows.h"

#include "caseboard/metrics/clinician_month.h"
#include "caseboard/metrics/snapshot.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace caseboard::app {

struct PacketList {
    QString title;
    QString emptyText;              // said when there are no entries
    QStringList columns;
    std::vector<QStringList> rows;
};

struct PacketSection {
    QString clinician;
    QString details;                // "LCSW · North · Supervisor: Sam"
    QString supervisor;
    QString periodNote;             // which dates the numbers cover
    QStringList columnMonths;       // this month, previous month, same month last year
    std::vector<SupervisionRow> rows;
    QStringList trendMonths;        // short names of the trend's months, oldest first
    std::vector<PacketList> lists;
    QString lastGoalsTitle;         // "Goals set at the last 1:1 (October 2026)"
    QString lastGoals;
    QString goals;
    QString notes;
};

struct PacketDocument {
    QString title;    // the PDF's title: "Supervision packet — November 2026"
    QString practice;
    QString month;    // "November 2026"
    QString generated; // "Generated Dec 2, 2026"
    bool namesMasked = false;
    std::vector<PacketSection> sections; // each starts on a new page
};

// The goals and notes a section shows; blank when none were saved.
struct PacketNotes {
    QString lastGoalsMonth; // "2026-10", empty when there were none
    QString lastGoals;
    QString goals;
    QString notes;
};

// Everything one clinician's pages say, with client names as initials when `initials`.
PacketSection packetSection(const metrics::Snapshot& snapshot, const metrics::ClinicianMonth& month,
                            const PacketNotes& notes, bool initials);

// Writes the document to `path`; false with a reason in `error` when it could not.
bool writePacketPdf(const QString& path, const PacketDocument& document, QString* error = nullptr);

} // namespace caseboard::app
