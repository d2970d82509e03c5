#pragma once
// The rows of the Supervision numbers table, as the view and the PDF packet both show
// them: one place decides how each number reads, so the screen and the packet agree
// (and the GUI test checks these strings against the engine's numbers).

#include "caseboard/metrics/clinician_month.h"

#include <QString>

#include <optional>
#include <vector>

namespace caseboard::app {

enum class SupervisionRowId {
    CountedSessions, Utilization, CancellationRate, LateCancelRate, NoShowRate, Intakes, Rebooked,
    ActiveClients, Retention, Churn, AvgSessions, LifetimeValue, OverdueNotes
};

struct SupervisionRow {
    SupervisionRowId id{};
    QString label;
    QString help;                  // what the number is, for a tooltip
    QString current, previous, lastYear;
    QString change;                // current against the previous month; "" when either is undefined
    int changeSign = 0;            // +1 better, -1 worse, 0 neutral or unknown
    std::vector<std::optional<double>> trend; // kTrendMonths points, oldest first
    std::vector<double> reference; // a goal or baseline per point, or empty
};

std::vector<SupervisionRow> supervisionRows(const metrics::ClinicianMonth& month);

// "Nov 2026"; "Nov 2026 (to Nov 23)" for a part month.
QString monthLabel(const metrics::MonthNumbers& numbers);
QString monthName(metrics::CalendarMonth month); // "November 2026"

} // namespace caseboard::app
