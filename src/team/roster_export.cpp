#include "caseboard/team/roster_export.h"

#include "caseboard/core/money.h"
#include "caseboard/csv/csv_writer.h"
#include "caseboard/store/store.h"

#include <cstdio>
#include <map>
#include <ostream>

namespace caseboard::team {

bool writeRoster(Store& store, std::ostream& out)
{
    // The layout holds one goal, starting on the start date: written only when that is the
    // clinician's whole goal history, so importing the file back changes no goal period.
    std::map<RowId, std::vector<GoalPeriod>> periods;
    for (const GoalPeriod& period : store.goalPeriods())
        periods[period.clinicianId].push_back(period);

    csv::CsvWriter writer(out);
    writer.writeRow({"Clinician", "Type", "Location", "Supervisor", "Start Date", "End Date", "Weekly Goal",
                     "Hourly Rate"});
    for (const Clinician& c : store.clinicians()) {
        writer.writeText(c.name).writeText(c.clinicianType).writeText(c.location).writeText(c.supervisor);
        writer.writeText(c.startDate ? formatIsoDay(*c.startDate) : std::string());
        writer.writeText(c.endDate ? formatIsoDay(*c.endDate) : std::string());
        const auto mine = periods.find(c.id);
        if (mine != periods.end() && mine->second.size() == 1 && c.startDate && mine->second.front().from == *c.startDate
            && mine->second.front().to == c.endDate) {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%g", mine->second.front().weeklyGoal);
            writer.writeNumber(buffer);
        } else {
            writer.writeText("");
        }
        if (c.hourlyRate)
            writer.writeNumber(formatCentsPlain(*c.hourlyRate));
        else
            writer.writeText("");
        writer.endRow();
    }
    return writer.flush();
}

} // namespace caseboard::team
