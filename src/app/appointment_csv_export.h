#pragma once
// The Appointments view's rows as CSV: what the table shows, as plain values a
// spreadsheet reads (ISO dates, amounts as numbers), through the formula-safe writer.

#include "caseboard/store/appointment_table.h"

#include <functional>
#include <iosfwd>
#include <span>
#include <string>
#include <vector>

namespace caseboard::app {

// The header row, in the column order of writeAppointmentRowsCsv.
std::vector<std::string> appointmentCsvHeader();

// Writes a header and one row per id, in the order given; rows are read in pages
// through `read`. With `clientInitials`, client names are written as initials
// ("Ana Diaz" -> "A. D."), as privacy mode shows them. Returns the rows written.
using AppointmentRowSource = std::function<std::vector<AppointmentRow>(std::span<const RowId>)>;
std::size_t writeAppointmentRowsCsv(std::ostream& out, std::span<const RowId> ids, const AppointmentRowSource& read,
                                    bool clientInitials);

} // namespace caseboard::app
