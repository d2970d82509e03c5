// caseboard-timesheet: support staff's hours, one row per person and day, for payroll.
// Several rows for the same person and day (a split shift) add up.

#include "cell_reader.h"
#include "presets.h"

#include <map>

namespace caseboard::import {

namespace {

// The names each column goes by, as ColumnLayout::findAny takes them.
std::optional<std::size_t> findStaff(const ColumnLayout& header) { return header.findAny({"Staff", "Employee", "Name"}); }
std::optional<std::size_t> findDate(const ColumnLayout& header) { return header.findAny({"Date"}); }
std::optional<std::size_t> findHours(const ColumnLayout& header) { return header.findAny({"Hours", "Hours Worked"}); }

class TimesheetInterpreter final : public RowInterpreter {
public:
    TimesheetInterpreter(Column staff, Column date, Column hours, const ColumnLayout& layout)
        : staff_(staff), date_(date), hours_(hours), layout_(layout)
    {
    }

    bool interpret(const csv::Row& row, RecordSink& sink, std::vector<CellProblem>& problems) override
    {
        CellReader cells(row, layout_, problems);
        StaffHoursRecord record;
        record.staffName = cells.name(staff_, true, "staff member");
        const auto when = cells.dateTime(date_, true);
        const auto hours = cells.number(hours_, true);
        if (!hours && cells.blank(hours_))
            cells.problem(hours_, "hours are missing");
        if (hours && (*hours < 0 || *hours > 24))
            cells.problem(hours_, "hours must be between 0 and 24 for a day");
        if (hours && when && problems.empty()) {
            // The day's total over the file, as it will be stored.
            double& total = totals_[{nameKey(record.staffName), toSerial(when->day)}];
            if (total + *hours > 24)
                cells.problem(hours_, "with the rows before it, more than 24 hours for this person on this day");
            else
                total += *hours;
        }
        if (!problems.empty())
            return true;
        record.day = when->day;
        record.hours = *hours;
        sink.staffHours(record);
        return true;
    }

private:
    Column staff_, date_, hours_;
    const ColumnLayout& layout_;
    std::map<std::pair<std::string, int>, double> totals_;
};

class TimesheetPreset final : public Preset {
public:
    std::string name() const override { return "caseboard-timesheet"; }
    std::string title() const override { return "Caseboard staff timesheet"; }

    HeaderMatch match(const ColumnLayout& header) const override
    {
        // A timesheet has few columns, each under one of several names: the share of
        // the three found is the confidence.
        HeaderMatch result;
        int found = 0;
        auto require = [&](bool present, const char* names) {
            if (present)
                ++found;
            else
                result.missing.push_back(names);
        };
        require(findStaff(header).has_value(), "Staff or Employee or Name");
        require(findDate(header).has_value(), "Date");
        require(findHours(header).has_value(), "Hours or Hours Worked");
        result.confidence = 100 * found / 3;
        if (!result.missing.empty())
            result.confidence = std::min(result.confidence, 40);
        // Only a name and a date: too little to call it a timesheet.
        if (!findHours(header))
            result.confidence = 0;
        return result;
    }

    std::unique_ptr<RowInterpreter> bind(ColumnLayout& header, const StatusMap&) const override
    {
        auto use = [&](Column index) {
            if (index)
                header.markUsed(*index);
            return index;
        };
        const Column staff = use(findStaff(header));
        const Column date = use(findDate(header));
        const Column hours = use(findHours(header));
        return std::make_unique<TimesheetInterpreter>(staff, date, hours, header);
    }
};

} // namespace

std::unique_ptr<Preset> makeStaffTimesheetPreset() { return std::make_unique<TimesheetPreset>(); }

} // namespace caseboard::import
