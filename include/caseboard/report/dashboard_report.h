#pragma once
// The dashboard as a report: JSON for programs, aligned text for a terminal, CSV for a
// spreadsheet. All three read one computed Dashboard, so they cannot disagree with each
// other or with the Dashboard view. The JSON keys are a contract with whatever reads
// the report: keys may be added, never renamed.

#include "caseboard/metrics/dashboard.h"
#include "caseboard/metrics/snapshot.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>

namespace caseboard::report {

struct ReportOptions {
    // Client names as initials ("Ana Diaz" -> "A. D."), for reports that leave the
    // practice. Clinician names are staff, not PHI, and stay as they are.
    bool clientInitials = false;
    // Entries shown per list in the text form; the rest are summed up as "… and N more".
    std::size_t textListLimit = 10;
};

// The dashboard as one JSON object: "as_of", "scope", "practice", "clinicians", "lists",
// "intakes_per_month", "weekly_series". Rates are fractions, null when undefined; money is
// dollars rounded to cents; dates are "YYYY-MM-DD", null when there is none. Names may be
// any UTF-8 the imports let in: dump with error_handler_t::replace.
nlohmann::json dashboardJson(const metrics::Snapshot& snapshot, const metrics::Dashboard& dashboard,
                             const ReportOptions& options = {});

// A weekly summary for a terminal: the scope's block, the clinician tables, then each
// list. Control characters in names are shown as '?', so imported text cannot drive
// the terminal.
std::string dashboardText(const metrics::Snapshot& snapshot, const metrics::Dashboard& dashboard,
                          const ReportOptions& options = {});

// One row per clinician under a header of the JSON clinician keys, after a first row
// named "Practice" with the scope's figures. Formula-safe (csv::CsvWriter): names are
// user data.
std::string dashboardCsv(const metrics::Snapshot& snapshot, const metrics::Dashboard& dashboard,
                         const ReportOptions& options = {});

} // namespace caseboard::report
