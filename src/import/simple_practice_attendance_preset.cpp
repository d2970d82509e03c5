// SimplePractice "Client Attendance" report: who came, by date, with the status. Two
// column orders are in use, and a summary row ("230 clients,9 clinicians,...") sits
// under the header. Its rows carry no fee: they merge with the appointment status
// report on (date, client, clinician), this report giving the status and location.

#include "cell_reader.h"
#include "presets.h"

namespace caseboard::import {

namespace {

// "230 clients", "1 office", "5 statuses": a count and a word.
bool isCountPhrase(std::string_view cell)
{
    cell = trim(cell);
    std::size_t i = 0;
    while (i < cell.size() && cell[i] >= '0' && cell[i] <= '9')
        ++i;
    if (i == 0 || i >= cell.size() || cell[i] != ' ')
        return false;
    for (++i; i < cell.size(); ++i) {
        const char c = cell[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' '))
            return false;
    }
    return true;
}

class AttendanceInterpreter final : public RowInterpreter {
public:
    AttendanceInterpreter(Column client, Column clinician, Column date, Column office, Column status,
                          const ColumnLayout& layout, const StatusMap& statuses)
        : client_(client), clinician_(clinician), date_(date), office_(office), status_(status), layout_(layout),
          statuses_(statuses)
    {
    }

    bool interpret(const csv::Row& row, RecordSink& sink, std::vector<CellProblem>& problems) override
    {
        if (row.record == 2) {
            bool summary = !row.fields.empty();
            for (std::string_view cell : row.fields)
                summary = summary && (isBlankField(cell) || isCountPhrase(cell));
            if (summary)
                return false;
        }
        CellReader cells(row, layout_, problems);
        AppointmentRecord record;
        record.sourceSystem = kSimplePractice;
        record.fields = kStatus | (office_ ? kLocation : 0u);
        record.clientName = cells.name(client_, true, "client");
        record.clientKey = nameKey(record.clientName);
        record.clinicianName = cells.name(clinician_, true, "clinician");
        const auto when = cells.dateTime(date_, true);
        const auto status = cells.status(status_, statuses_);
        if (!problems.empty())
            return true;
        record.values.date = when->day;
        record.values.status = *status;
        record.values.rawStatus = std::string(trim(cells.text(status_)));
        record.values.location = normaliseName(cells.text(office_));
        sink.appointment(record);
        return true;
    }

private:
    Column client_, clinician_, date_, office_, status_;
    const ColumnLayout& layout_;
    const StatusMap& statuses_;
};

class AttendancePreset final : public Preset {
public:
    std::string name() const override { return "simplepractice-attendance"; }
    std::string title() const override { return "SimplePractice client attendance report"; }

    HeaderMatch match(const ColumnLayout& header) const override
    {
        return scoreHeader(header, {"client_name", "clinician_name", "date_of_service", "office_name", "status"},
                           {{"client_name"}, {"clinician_name"}, {"date_of_service"}, {"status"}});
    }

    std::unique_ptr<RowInterpreter> bind(ColumnLayout& header, const StatusMap& statuses) const override
    {
        auto column = [&](std::string_view name) {
            Column index = header.find(name);
            if (index)
                header.markUsed(*index);
            return index;
        };
        const Column client = column("client_name");
        const Column clinician = column("clinician_name");
        const Column date = column("date_of_service");
        const Column office = column("office_name");
        const Column status = column("status");
        return std::make_unique<AttendanceInterpreter>(client, clinician, date, office, status, header, statuses);
    }
};

} // namespace

std::unique_ptr<Preset> makeSimplePracticeAttendancePreset() { return std::make_unique<AttendancePreset>(); }

} // namespace caseboard::import
