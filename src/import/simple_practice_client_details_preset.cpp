// SimplePractice client export. Only what the metrics use is read: the client, the date
// added and the status. Address, phone, email, contacts and insurance ids are PHI the
// product has no use for: those columns are never read, so they are never stored.

#include "cell_reader.h"
#include "presets.h"

namespace caseboard::import {

namespace {

class ClientDetailsInterpreter final : public RowInterpreter {
public:
    ClientDetailsInterpreter(Column client, Column added, Column status, const ColumnLayout& layout)
        : client_(client), added_(added), status_(status), layout_(layout)
    {
    }

    bool interpret(const csv::Row& row, RecordSink& sink, std::vector<CellProblem>& problems) override
    {
        CellReader cells(row, layout_, problems);
        ClientRecord record;
        record.sourceSystem = kSimplePractice;
        record.clientName = cells.name(client_, true, "client");
        record.clientKey = nameKey(record.clientName);
        record.status = normaliseName(cells.text(status_));
        const auto added = cells.dateTime(added_, false);
        if (!problems.empty())
            return true;
        if (added)
            record.dateAdded = added->day;
        sink.client(record);
        return true;
    }

private:
    Column client_, added_, status_;
    const ColumnLayout& layout_;
};

class ClientDetailsPreset final : public Preset {
public:
    std::string name() const override { return "simplepractice-client-details"; }
    std::string title() const override { return "SimplePractice client details export"; }

    HeaderMatch match(const ColumnLayout& header) const override
    {
        return scoreHeader(header,
                           {"Client", "Client type", "Date added", "Primary clinician", "Last appointment",
                            "Next appointment", "Address", "Phone number", "Email", "Status"},
                           {{"Client"}, {"Date added"}});
    }

    std::unique_ptr<RowInterpreter> bind(ColumnLayout& header, const StatusMap&) const override
    {
        auto use = [&](Column index) {
            if (index)
                header.markUsed(*index);
            return index;
        };
        const Column client = use(header.find("Client"));
        const Column added = use(header.find("Date added"));
        const Column status = use(header.find("Status"));
        return std::make_unique<ClientDetailsInterpreter>(client, added, status, header);
    }
};

} // namespace

std::unique_ptr<Preset> makeSimplePracticeClientDetailsPreset() { return std::make_unique<ClientDetailsPreset>(); }

} // namespace caseboard::import
