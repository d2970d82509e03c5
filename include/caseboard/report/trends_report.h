#pragma once
// Year over year as a report: JSON for programs, aligned text for a terminal, CSV for a
// spreadsheet, all read from one computed YearOverYear (the Trends view exports the same
// CSV). Keys may be added, never renamed.

#include "caseboard/metrics/year_over_year.h"

#include <nlohmann/json.hpp>

#include <string>

namespace caseboard::report {

// {"format_version", "as_of", "periods": [{kind, year, label, from, to}], "practice",
//  "locations", "supervisors", "clinician_types"}; each scope: {"group_by", "name",
//  "periods": [{figure key: value}], "months": [...], "intakes_per_month": [last 13 months
//  with previous_12_average and same_month_last_year]}. Rates are fractions, money dollars
//  rounded to cents, null when undefined.
nlohmann::json trendsJson(const metrics::YearOverYear& trends);

// The practice's year table (figures down, columns across, and the change of the year to
// date), each group's table, then intakes per month.
std::string trendsText(const metrics::YearOverYear& trends);

// One row per scope and column: group_by, group, period, year, from, to, then one column
// per figure (the JSON keys). Formula-safe: group names are user data.
std::string trendsCsv(const metrics::YearOverYear& trends);

} // namespace caseboard::report
