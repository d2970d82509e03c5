#pragma once
// Which delimiter a CSV file uses, guessed from its first records. European Excel saves
// with semicolons (the comma is their decimal mark) and some EHRs export tabs, so the
// importer cannot assume commas.

#include <string_view>

namespace caseboard::csv {

// The delimiter among comma, semicolon and tab that splits the first records of
// `utf8Sample` into the same number of fields (more than one) most often; ties go to
// the one giving more fields, then to the comma. Delimiters inside quoted fields do not
// count. Comma when none splits anything. A record cut off at the end of the sample is
// ignored unless `isWholeFile`.
char sniffDelimiter(std::string_view utf8Sample, bool isWholeFile = false, char quote = '"');

} // namespace caseboard::csv
