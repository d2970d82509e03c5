#include "caseboard/import/appointment_export.h"

#include "caseboard/core/day.h"
#include "caseboard/core/money.h"
#include "caseboard/core/note_status.h"
#include "caseboard/core/status.h"
#include "caseboard/csv/csv_writer.h"
#include "caseboard/import/preset.h"
#include "caseboard/store/store.h"

#include <cstdio>

namespace caseboard::import {

std::string initialsOf(std::string_view name)
{
    std::string initials;
    std::size_t i = 0;
    while (i < name.size()) {
        while (i < name.size() && (name[i] == ' ' || name[i] == ',' || name[i] == '\t'))
            ++i;
        if (i >= name.size())
            break;
        if (!initials.empty())
            initials += ' ';
        // The whole first letter, all of its UTF-8 bytes ("Zoë Ångström" -> "Z. Å.").
        initials += name[i++];
        while (i < name.size() && (static_cast<unsigned char>(name[i]) & 0xC0) == 0x80)
            initials += name[i++];
        initials += '.';
        while (i < name.size() && name[i] != ' ' && name[i] != ',' && name[i] != '\t')
            ++i;
    }
    return initials;
}

std::uint64_t exportAppointments(Store& store, std::ostream& out, const ExportOptions& options)
{
    csv::CsvWriter writer(out);
    for (const std::string& column : kCaseboardAppointmentColumns)
        writer.writeText(column);
    writer.writeText("Category");
    writer.endRow();

    auto rows = store.connection().prepare(R"sql(
SELECT a.source_key, a.day, a.start_minute, a.duration_minutes, c.source_key, c.display_name, k.name,
       a.service_code, a.status, a.raw_status, a.location, a.fee_cents, a.client_paid_cents,
       a.insurance_paid_cents, a.payer, a.note_status, a.source_system
FROM appointments a
JOIN clients c ON c.id = a.client_id
JOIN clinicians k ON k.id = a.clinician_id
ORDER BY a.day, a.start_minute, a.id)sql");

    std::uint64_t count = 0;
    auto money = [&](int column) {
        if (rows.isNull(column))
            writer.writeText("");
        else
            writer.writeNumber(formatCentsPlain(rows.int64(column)));
    };
    while (rows.step()) {
        // Keys from another system are prefixed with it, so two systems' "1001" stay two.
        const std::string system = rows.text(16);
        const std::string prefix = system == "caseboard" ? std::string() : system + ":";
        writer.writeText(prefix + rows.text(0));
        writer.writeText(formatIsoDay(fromSerial(rows.integer(1))));
        if (rows.isNull(2)) {
            writer.writeText("");
        } else {
            char time[16];
            const int minute = rows.integer(2);
            std::snprintf(time, sizeof time, "%02d:%02d", minute / 60, minute % 60);
            writer.writeText(time);
        }
        writer.writeNumber(rows.int64(3));
        writer.writeText(prefix + rows.text(4));
        const std::string name = rows.text(5);
        writer.writeText(options.maskClientNames ? initialsOf(name) : name);
        writer.writeText(rows.textView(6));
        writer.writeText(rows.textView(7));
        const auto category = static_cast<StatusCategory>(rows.integer(8));
        const std::string raw = rows.text(9);
        writer.writeText(raw.empty() ? std::string(statusCategoryLabel(category)) : raw);
        writer.writeText(rows.textView(10));
        money(11);
        money(12);
        money(13);
        writer.writeText(rows.textView(14));
        const auto note = static_cast<NoteStatus>(rows.integer(15));
        writer.writeText(note == NoteStatus::Unknown ? std::string_view() : noteStatusName(note));
        writer.writeText(statusCategoryName(category));
        writer.endRow();
        ++count;
        if (options.progress && count % 4096 == 0 && !options.progress(count))
            break;
    }
    writer.flush();
    return count;
}

} // namespace caseboard::import
