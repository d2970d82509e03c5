// SimplePractice "Income Allocation" report: one row per payment applied to an
// appointment. "Appointment" holds the service date, "Source" says who paid. Payments
// are kept as a ledger; an appointment's client and insurance paid become the sums of
// its payments.

#include "cell_reader.h"
#include "presets.h"

namespace caseboard::import {

namespace {

class IncomeAllocationInterpreter final : public RowInterpreter {
public:
    IncomeAllocationInterpreter(Column clinician, Column source, Column appointment, Column client, Column amount,
                                const ColumnLayout& layout)
        : clinician_(clinician), source_(source), appointment_(appointment), client_(client), amount_(amount),
          layout_(layout)
    {
    }

    bool interpret(const csv::Row& row, RecordSink& sink, std::vector<CellProblem>& problems) override
    {
        CellReader cells(row, layout_, problems);
        PaymentRecord record;
        record.sourceSystem = kSimplePractice;
        record.clinicianName = cells.name(clinician_, true, "clinician");
        record.clientName = cells.name(client_, true, "client");
        record.clientKey = nameKey(record.clientName);
        const auto service = cells.dateTime(appointment_, true);
        const std::string source = nameKey(cells.text(source_));
        if (source.find("insurance") != std::string::npos)
            record.fromInsurance = true;
        else if (source.find("client") == std::string::npos)
            cells.problem(source_, "payment source must be \"Insurance Payment\" or \"Client payment\"");
        const auto amount = cells.money(amount_);
        if (!amount && cells.blank(amount_))
            cells.problem(amount_, "amount is missing");
        if (!problems.empty())
            return true;
        record.serviceDay = service->day;
        record.amount = *amount;
        sink.payment(record);
        return true;
    }

private:
    Column clinician_, source_, appointment_, client_, amount_;
    const ColumnLayout& layout_;
};

class IncomeAllocationPreset final : public Preset {
public:
    std::string name() const override { return "simplepractice-income-allocation"; }
    std::string title() const override { return "SimplePractice income allocation (payments)"; }

    HeaderMatch match(const ColumnLayout& header) const override
    {
        return scoreHeader(header,
                           {"Clinician", "ClinicianId", "Source", "Description", "Date Paid", "Invoice or Claim #",
                            "Appointment", "Details", "Client", "Amount Paid"},
                           {{"Clinician"}, {"Source"}, {"Appointment"}, {"Client"}, {"Amount Paid"}});
    }

    std::unique_ptr<RowInterpreter> bind(ColumnLayout& header, const StatusMap&) const override
    {
        auto use = [&](Column index) {
            if (index)
                header.markUsed(*index);
            return index;
        };
        const Column clinician = use(header.find("Clinician"));
        const Column source = use(header.find("Source"));
        const Column appointment = use(header.find("Appointment"));
        const Column client = use(header.find("Client"));
        const Column amount = use(header.find("Amount Paid"));
        return std::make_unique<IncomeAllocationInterpreter>(clinician, source, appointment, client, amount, header);
    }
};

} // namespace

std::unique_ptr<Preset> makeSimplePracticeIncomeAllocationPreset()
{
    return std::make_unique<IncomeAllocationPreset>();
}

} // namespace caseboard::import
