#pragma once
// What the JSON, text and CSV forms of the dashboard report share: turning the
// dashboard's snapshot indexes and day serials into names and dates.

#include "caseboard/core/money.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/report/dashboard_report.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace caseboard::report::detail {

// The clinician's name; "" for an index the snapshot does not have (never expected,
// but a report must not crash on a dashboard computed from another snapshot).
std::string clinicianName(const metrics::Snapshot& snapshot, std::size_t clinician);
// The client's display name, or its initials when the options ask for them.
std::string clientName(const metrics::Snapshot& snapshot, std::size_t client, const ReportOptions& options);

// "YYYY-MM-DD", or nullopt for kNoDay.
std::optional<std::string> isoDay(std::int32_t serial);
// "YYYY-MM".
std::string isoMonth(int year, unsigned month);

// Dollars rounded to cents, the form money takes in JSON and CSV.
double dollars(Cents cents);
double roundToCents(double dollars);
// The same amount as whole cents, for formatCentsDisplay.
Cents toCents(double dollars);

} // namespace caseboard::report::detail
