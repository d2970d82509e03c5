// SimplePractice "Appointment Status" report: fees, payments and note status per
// appointment, in three header variants (20, 18 and 12 columns). "Charge", "Paid" and
// "Unpaid" appear twice — the client's share, then the insurance share — so they are
// found by position: the insurance group is the one after "Insurance Payment Status".
// There is no attendance status here; it comes from the attendance report, and the two
// merge on (date, client, clinician).

#include "cell_reader.h"
#include "presets.h"

namespace caseboard::import {

namespace {

struct Columns {
    Column date, client, clinician, code, insurance, fee, note, clientPaid, insurancePaid;
};

class AppointmentStatusInterpreter final : public RowInterpreter {
public:
    AppointmentStatusInterpreter(Columns columns, const ColumnLayout& layout) : c_(columns), layout_(layout)
    {
        fields_ = kStartTime | kServiceCode | kFee | kPayer;
        if (c_.note) fields_ |= kNoteStatus;
        if (c_.clientPaid) fields_ |= kClientPaid;
        if (c_.insurancePaid) fields_ |= kInsurancePaid;
    }

    bool interpret(const csv::Row& row, RecordSink& sink, std::vector<CellProblem>& problems) override
    {
        CellReader cells(row, layout_, problems);
        AppointmentRecord record;
        record.sourceSystem = kSimplePractice;
        record.fields = fields_;
        record.clientName = cells.name(c_.client, true, "client");
        record.clientKey = nameKey(record.clientName);
        record.clinicianName = cells.name(c_.clinician, true, "clinician");
        const auto when = cells.dateTime(c_.date, true);
        Appointment& a = record.values;
        a.serviceCode = normaliseServiceCode(cells.text(c_.code));
        a.payer = normaliseName(cells.text(c_.insurance));
        a.fee = cells.money(c_.fee);
        a.clientPaid = cells.money(c_.clientPaid);
        a.insurancePaid = cells.money(c_.insurancePaid);
        // EHR-FORMATS: LOCKED is signed, anything else (blank included) is not.
        a.noteStatus = nameKey(cells.text(c_.note)) == "locked" ? NoteStatus::Signed : NoteStatus::Unsigned;
        if (!problems.empty())
            return true;
        a.date = when->day;
        a.startMinute = when->minute;
        // Until the attendance report says otherwise, the appointment's status is not
        // known: it stays "scheduled", which a past date shows as unmarked.
        a.status = StatusCategory::Scheduled;
        sink.appointment(record);
        return true;
    }

private:
    Columns c_;
    const ColumnLayout& layout_;
    std::uint32_t fields_ = 0;
};

class AppointmentStatusPreset final : public Preset {
public:
    std::string name() const override { return "simplepractice-appointment-status"; }
    std::string title() const override { return "SimplePractice appointment status report"; }

    HeaderMatch match(const ColumnLayout& header) const override
    {
        return scoreHeader(header,
                           {"Date of Service", "Client", "Clinician", "Billing Code", "Rate per Unit", "Units",
                            "Total Fee", "Client Payment Status", "Charge", "Uninvoiced", "Paid", "Unpaid"},
                           {{"Date of Service"}, {"Client"}, {"Clinician"}, {"Total Fee"}});
    }

    std::unique_ptr<RowInterpreter> bind(ColumnLayout& header, const StatusMap&) const override
    {
        auto use = [&](Column index) {
            if (index)
                header.markUsed(*index);
            return index;
        };
        Columns c;
        c.date = use(header.find("Date of Service"));
        c.client = use(header.find("Client"));
        c.clinician = use(header.find("Clinician"));
        c.code = use(header.find("Billing Code"));
        c.insurance = use(header.find("Primary Insurance"));
        c.fee = use(header.find("Total Fee"));
        c.note = use(header.find("Progress Note Status"));
        const Column clientStatus = header.find("Client Payment Status");
        const Column insuranceStatus = header.find("Insurance Payment Status");
        if (clientStatus)
            c.clientPaid = use(header.findAfter("Paid", *clientStatus));
        else
            c.clientPaid = use(header.find("Paid"));
        if (insuranceStatus)
            c.insurancePaid = use(header.findAfter("Paid", *insuranceStatus));
        // The client's group ends where the insurance group starts.
        if (c.clientPaid && c.insurancePaid && *c.clientPaid > *c.insurancePaid)
            c.clientPaid.reset();
        return std::make_unique<AppointmentStatusInterpreter>(c, header);
    }
};

} // namespace

std::unique_ptr<Preset> makeSimplePracticeAppointmentStatusPreset()
{
    return std::make_unique<AppointmentStatusPreset>();
}

} // namespace caseboard::import
