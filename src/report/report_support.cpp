#include "report_support.h"

#include "caseboard/core/day.h"
#include "caseboard/import/appointment_export.h"
#include "caseboard/metrics/pair_facts.h"

#include <cmath>
#include <cstdio>

namespace caseboard::report::detail {

std::string clinicianName(const metrics::Snapshot& snapshot, std::size_t clinician)
{
    return clinician < snapshot.clinicians.size() ? snapshot.clinicians[clinician].name : std::string{};
}

std::string clientName(const metrics::Snapshot& snapshot, std::size_t client, const ReportOptions& options)
{
    if (client >= snapshot.clients.size())
        return {};
    const std::string& name = snapshot.clients[client].displayName;
    // The same initials the export's --mask-names writes, so masked files agree.
    return options.clientInitials ? import::initialsOf(name) : name;
}

std::optional<std::string> isoDay(std::int32_t serial)
{
    if (serial == metrics::kNoDay)
        return std::nullopt;
    return formatIsoDay(fromSerial(serial));
}

std::string isoMonth(int year, unsigned month)
{
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u", year, month);
    return text;
}

double dollars(Cents cents)
{
    return static_cast<double>(cents) / 100.0;
}

Cents toCents(double dollars)
{
    return static_cast<Cents>(std::llround(dollars * 100.0));
}

double roundToCents(double amount)
{
    return static_cast<double>(toCents(amount)) / 100.0;
}

} // namespace caseboard::report::detail
