// caseboard-appointments: the documented generic layout any EHR's export can be mapped
// to. Date, Client (or Client ID), Clinician and Status are required; the rest optional.
// Two optional extras read other systems' billable-cancel conventions: "Charge Fee"
// (TherapyNotes) and "Invoiced" (Jane); a third, "Category", is what Caseboard's own
// export adds so that a round trip keeps every status category.

#include "cell_reader.h"
#include "presets.h"

namespace caseboard::import {

const std::vector<std::string> kCaseboardAppointmentColumns{
    "Appointment ID", "Date", "Start Time", "Duration", "Client ID", "Client", "Clinician", "Service Code",
    "Status", "Location", "Fee", "Client Paid", "Insurance Paid", "Payer", "Note Status"};

namespace {

constexpr const char* kSourceSystem = "caseboard";

struct Columns {
    Column id, date, start, duration, clientId, client, clinician, service, status, location, fee, clientPaid,
        insurancePaid, payer, note, chargeFee, invoiced, category;
};

class CaseboardAppointmentsInterpreter final : public RowInterpreter {
public:
    CaseboardAppointmentsInterpreter(Columns columns, const ColumnLayout& layout, const StatusMap& statuses)
        : c_(columns), layout_(layout), statuses_(statuses)
    {
        fields_ = kStatus;
        if (c_.start || c_.date) // a date cell may carry the time itself
            fields_ |= kStartTime;
        if (c_.duration) fields_ |= kDuration;
        if (c_.service) fields_ |= kServiceCode;
        if (c_.location) fields_ |= kLocation;
        if (c_.fee) fields_ |= kFee;
        if (c_.clientPaid) fields_ |= kClientPaid;
        if (c_.insurancePaid) fields_ |= kInsurancePaid;
        if (c_.payer) fields_ |= kPayer;
        if (c_.note) fields_ |= kNoteStatus;
    }

    bool interpret(const csv::Row& row, RecordSink& sink, std::vector<CellProblem>& problems) override
    {
        CellReader cells(row, layout_, problems);
        record_.sourceSystem = kSourceSystem;
        record_.sourceKey = std::string(trim(cells.text(c_.id)));
        record_.fields = fields_;
        Appointment& a = record_.values;

        const auto when = cells.dateTime(c_.date, true);
        record_.clientName = cells.name(c_.client, false, "client");
        const std::string clientId(trim(cells.text(c_.clientId)));
        if (record_.clientName.empty() && clientId.empty())
            cells.problem(c_.client ? c_.client : c_.clientId, "client is missing");
        record_.clientKey = clientId.empty() ? nameKey(record_.clientName) : clientId;
        if (record_.clientName.empty())
            record_.clientName = clientId;
        record_.clinicianName = cells.name(c_.clinician, true, "clinician");

        // A "Category" column (Caseboard's own exports) says the category outright.
        std::optional<StatusCategory> status;
        if (c_.category && !cells.blank(c_.category)) {
            status = statusCategoryFromName(trim(cells.text(c_.category)));
            if (!status)
                cells.problem(c_.category, "unknown category (expected completed, late_cancel, no_show, cancelled, "
                                           "clinician_cancelled, scheduled or other)");
            if (cells.blank(c_.status))
                cells.problem(c_.status, "status is missing");
        } else {
            status = cells.status(c_.status, statuses_);
        }
        a.rawStatus = std::string(trim(cells.text(c_.status)));
        if (status && c_.chargeFee && !cells.blank(c_.chargeFee)) {
            const auto charged = parseFlag(cells.text(c_.chargeFee));
            if (!charged)
                cells.problem(c_.chargeFee, "expected yes or no");
            else
                status = applyChargeFlag(*status, *charged);
        }
        if (status && c_.invoiced && !cells.blank(c_.invoiced)) {
            const auto invoiced = parseFlag(cells.text(c_.invoiced));
            if (!invoiced)
                cells.problem(c_.invoiced, "expected yes or no");
            else
                status = applyCancelledWithInvoice(*status, *invoiced);
        }

        a.startMinute = c_.start ? cells.timeOfDay(c_.start) : (when ? when->minute : std::nullopt);
        a.durationMinutes = cells.duration(c_.duration).value_or(0);
        a.serviceCode = normaliseServiceCode(cells.text(c_.service));
        a.location = normaliseName(cells.text(c_.location));
        a.fee = cells.money(c_.fee);
        a.clientPaid = cells.money(c_.clientPaid);
        a.insurancePaid = cells.money(c_.insurancePaid);
        a.payer = normaliseName(cells.text(c_.payer));
        a.noteStatus = readNoteStatus(cells.text(c_.note));

        if (!problems.empty())
            return true;
        a.date = when->day;
        a.status = *status;
        sink.appointment(record_);
        return true;
    }

private:
    Columns c_;
    const ColumnLayout& layout_;
    const StatusMap& statuses_;
    std::uint32_t fields_ = 0;
    AppointmentRecord record_; // reused: its strings keep their capacity between rows
};

class CaseboardAppointmentsPreset final : public Preset {
public:
    CaseboardAppointmentsPreset(std::string name, ColumnMapping mapping)
        : name_(std::move(name)), mapping_(std::move(mapping))
    {
    }

    std::string name() const override { return name_; }
    std::string title() const override
    {
        return mapping_.empty() ? "Caseboard generic appointments layout" : "Saved column mapping \"" + name_ + "\"";
    }

    HeaderMatch match(const ColumnLayout& header) const override
    {
        HeaderMatch result;
        int found = 0;
        for (const std::string& field : kCaseboardAppointmentColumns)
            if (header.find(headerFor(field)))
                ++found;
        result.confidence = 100 * found / static_cast<int>(kCaseboardAppointmentColumns.size());
        for (const char* field : {"Date", "Clinician", "Status"})
            if (!header.find(headerFor(field)))
                result.missing.push_back(headerFor(field));
        if (!header.find(headerFor("Client")) && !header.find(headerFor("Client ID")))
            result.missing.push_back(headerFor("Client") + " or " + headerFor("Client ID"));
        if (!result.missing.empty())
            result.confidence = std::min(result.confidence, 40);
        return result;
    }

    std::unique_ptr<RowInterpreter> bind(ColumnLayout& header, const StatusMap& statuses) const override
    {
        auto column = [&](const std::string& field) {
            Column index = header.find(headerFor(field));
            if (index)
                header.markUsed(*index);
            return index;
        };
        Columns c{column("Appointment ID"), column("Date"),   column("Start Time"),  column("Duration"),
                  column("Client ID"),      column("Client"), column("Clinician"),   column("Service Code"),
                  column("Status"),         column("Location"), column("Fee"),       column("Client Paid"),
                  column("Insurance Paid"), column("Payer"),  column("Note Status"), column("Charge Fee"),
                  column("Invoiced"),       column("Category")};
        return std::make_unique<CaseboardAppointmentsInterpreter>(c, header, statuses);
    }

private:
    std::string headerFor(const std::string& field) const
    {
        const auto mapped = mapping_.find(field);
        return mapped == mapping_.end() ? field : mapped->second;
    }

    std::string name_;
    ColumnMapping mapping_;
};

} // namespace

std::unique_ptr<Preset> makeCaseboardAppointmentsPreset(std::string name, ColumnMapping mapping)
{
    return std::make_unique<CaseboardAppointmentsPreset>(std::move(name), std::move(mapping));
}

} // namespace caseboard::import
