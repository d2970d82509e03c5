#include "appointment_csv_export.h"

#include "caseboard/core/money.h"
#include "caseboard/core/note_status.h"
#include "caseboard/core/status.h"
#include "caseboard/csv/csv_writer.h"
#include "caseboard/import/appointment_export.h"

#include <algorithm>
#include <cstdio>

namespace caseboard::app {

namespace {

constexpr std::size_t kPage = 2048;

std::string startTime(std::optional<int> minute)
{
    if (!minute)
        return {};
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", *minute / 60 % 24, *minute % 60);
    return text;
}

// Money as a plain number ("160.00"); an amount the export did not carry stays empty,
// so it is not read back as 0.
void writeMoney(csv::CsvWriter& out, const std::optional<Cents>& cents)
{
    if (cents)
        out.writeNumber(formatCentsPlain(*cents));
    else
        out.writeText({});
}

} // namespace

std::vector<std::string> appointmentCsvHeader()
{
    return {"Date",   "Start", "Client",   "Clinician", "Service Code",   "Duration", "Status",
            "Raw Status", "Location", "Fee", "Client Paid", "Insurance Paid", "Payer",    "Note Status"};
}

std::size_t writeAppointmentRowsCsv(std::ostream& out, std::span<const RowId> ids, const AppointmentRowSource& read,
                                    bool clientInitials)
{
    csv::CsvWriter writer(out);
    const std::vector<std::string> header = appointmentCsvHeader();
    for (const std::string& title : header)
        writer.writeText(title);
    writer.endRow();

    std::size_t written = 0;
    for (std::size_t first = 0; first < ids.size(); first += kPage) {
        const std::size_t count = std::min(kPage, ids.size() - first);
        for (const AppointmentRow& row : read(ids.subspan(first, count))) {
            if (row.id == 0)
                continue; // deleted since the query ran
            writer.writeText(formatIsoDay(row.date));
            writer.writeText(startTime(row.startMinute));
            writer.writeText(clientInitials ? import::initialsOf(row.clientName) : row.clientName);
            writer.writeText(row.clinicianName);
            writer.writeText(row.serviceCode);
            writer.writeNumber(std::int64_t{row.durationMinutes});
            writer.writeText(statusCategoryName(row.status));
            writer.writeText(row.rawStatus);
            writer.writeText(row.location);
            writeMoney(writer, row.fee);
            writeMoney(writer, row.clientPaid);
            writeMoney(writer, row.insurancePaid);
            writer.writeText(row.payer);
            writer.writeText(row.noteStatus == NoteStatus::Unknown ? std::string_view{} : noteStatusName(row.noteStatus));
            writer.endRow();
            ++written;
        }
    }
    writer.flush();
    return written;
}

} // namespace caseboard::app
