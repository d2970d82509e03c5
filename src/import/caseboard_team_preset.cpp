// caseboard-team: the team roster. Each row updates a clinician (matched by name) and,
// with a weekly goal, starts a goal period on the start date.

#include "cell_reader.h"
#include "presets.h"

namespace caseboard::import {

const std::vector<std::string> kCaseboardTeamColumns{"Clinician", "Type",        "Location",    "Supervisor",
                                                     "Start Date", "End Date",   "Weekly Goal", "Hourly Rate"};

namespace {

struct Columns {
    Column clinician, type, location, supervisor, start, end, goal, rate;
};

class TeamInterpreter final : public RowInterpreter {
public:
    TeamInterpreter(Columns columns, const ColumnLayout& layout) : c_(columns), layout_(layout) {}

    bool interpret(const csv::Row& row, RecordSink& sink, std::vector<CellProblem>& problems) override
    {
        CellReader cells(row, layout_, problems);
        RosterRecord record;
        Clinician& c = record.clinician;
        c.name = cells.name(c_.clinician, true, "clinician");
        c.clinicianType = normaliseName(cells.text(c_.type));
        c.location = normaliseName(cells.text(c_.location));
        c.supervisor = normaliseName(cells.text(c_.supervisor));
        const auto start = cells.dateTime(c_.start, false);
        const auto end = cells.dateTime(c_.end, false);
        record.weeklyGoal = cells.number(c_.goal, false);
        c.hourlyRate = cells.money(c_.rate);
        if (c.hourlyRate && *c.hourlyRate < 0)
            cells.problem(c_.rate, "hourly rate is negative");
        if (start)
            c.startDate = start->day;
        if (end)
            c.endDate = end->day;
        if (start && end && end->day < start->day)
            cells.problem(c_.end, "end date is before the start date");
        if (record.weeklyGoal && !start)
            cells.problem(c_.start, "a weekly goal needs the start date it applies from");
        if (!problems.empty())
            return true;
        sink.roster(record);
        return true;
    }

private:
    Columns c_;
    const ColumnLayout& layout_;
};

class TeamPreset final : public Preset {
public:
    std::string name() const override { return "caseboard-team"; }
    std::string title() const override { return "Caseboard team roster"; }

    HeaderMatch match(const ColumnLayout& header) const override
    {
        return scoreHeader(header,
                           {"Clinician", "Type", "Location", "Supervisor", "Start Date", "End Date", "Weekly Goal",
                            "Hourly Rate"},
                           {{"Clinician"}, {"Weekly Goal", "Type", "Supervisor", "Hourly Rate"}});
    }

    std::unique_ptr<RowInterpreter> bind(ColumnLayout& header, const StatusMap&) const override
    {
        auto use = [&](std::string_view name) {
            Column index = header.find(name);
            if (index)
                header.markUsed(*index);
            return index;
        };
        Columns c{use("Clinician"),  use("Type"),     use("Location"),    use("Supervisor"),
                  use("Start Date"), use("End Date"), use("Weekly Goal"), use("Hourly Rate")};
        return std::make_unique<TeamInterpreter>(c, header);
    }
};

} // namespace

std::unique_ptr<Preset> makeCaseboardTeamPreset() { return std::make_unique<TeamPreset>(); }

} // namespace caseboard::import
