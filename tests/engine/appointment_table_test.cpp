#include "caseboard/store/appointment_table.h"
#include "caseboard/store/store.h"

#include <catch2/catch.hpp>

#include <stop_token>

using namespace caseboard;

namespace {

AppointmentFilter textFilter(const char* text)
{
    AppointmentFilter filter;
    filter.text = text;
    return filter;
}

struct SmallPractice {
    Store store = Store::openInMemory();
    RowId rivera = 0;
    RowId okafor = 0;
    RowId alex = 0;
    RowId blake = 0;
    RowId casey = 0;
    // Appointment ids, by the order they were inserted.
    std::vector<RowId> ids;

    SmallPractice()
    {
        rivera = store.addClinician(clinician("Dana Rivera"));
        okafor = store.addClinician(clinician("Sam Okafor"));
        alex = store.upsertClient(client("1", "Alex Zhang")).id;
        blake = store.upsertClient(client("2", "blake Moore")).id;
        casey = store.upsertClient(client("3", "Casey 50% Park")).id;

        add("a1", alex, rivera, makeDay(2025, 3, 3), 9 * 60, StatusCategory::Completed, "Show", "90837", "Main St",
            16000);
        add("a2", alex, rivera, makeDay(2025, 3, 10), 9 * 60, StatusCategory::LateCancel, "Late Canceled", "90837",
            "Main St", 5000);
        add("a3", blake, okafor, makeDay(2025, 3, 3), 14 * 60, StatusCategory::NoShow, "No Show", "90834",
            "Telehealth", std::nullopt);
        add("a4", casey, okafor, makeDay(2025, 3, 4), std::nullopt, StatusCategory::Completed, "Attended", "90791",
            "Telehealth", 20000);
        add("a5", blake, rivera, makeDay(2025, 3, 3), 11 * 60, StatusCategory::Scheduled, "Scheduled", "90837",
            "Main St", 16000);
    }

    static Clinician clinician(const char* name)
    {
        Clinician c;
        c.name = name;
        return c;
    }

    static Client client(const char* key, const char* name)
    {
        Client c;
        c.sourceSystem = "test";
        c.sourceKey = key;
        c.displayName = name;
        return c;
    }

    void add(const char* key, RowId client, RowId clinician, Day day, std::optional<int> start, StatusCategory status,
             const char* raw, const char* code, const char* location, std::optional<Cents> fee)
    {
        Appointment a;
        a.sourceSystem = "test";
        a.sourceKey = key;
        a.clientId = client;
        a.clinicianId = clinician;
        a.date = day;
        a.startMinute = start;
        a.durationMinutes = 53;
        a.serviceCode = code;
        a.status = status;
        a.rawStatus = raw;
        a.location = location;
        a.fee = fee;
        a.payer = "Aetna";
        a.noteStatus = NoteStatus::Signed;
        ids.push_back(store.upsertAppointment(a).id);
    }

    std::vector<RowId> query(const AppointmentFilter& filter, AppointmentSort sort = {})
    {
        auto result = queryAppointmentIds(store.connection(), filter, sort);
        REQUIRE(result.has_value());
        return *result;
    }

    std::vector<RowId> expect(std::initializer_list<int> insertionIndexes) const
    {
        std::vector<RowId> out;
        for (const int i : insertionIndexes)
            out.push_back(ids[static_cast<std::size_t>(i)]);
        return out;
    }
};

} // namespace

TEST_CASE("appointment ids: default sort is newest first, then latest start", "[appointment_table]")
{
    SmallPractice p;
    CHECK(countAllAppointments(p.store.connection()) == 5);
    // 03-10 a2; 03-04 a4; 03-03 a3 (14:00), a5 (11:00), a1 (9:00)
    CHECK(p.query({}) == p.expect({1, 3, 2, 4, 0}));
}

TEST_CASE("appointment ids: ascending date sort is the reverse", "[appointment_table]")
{
    SmallPractice p;
    CHECK(p.query({}, {AppointmentColumn::Date, SortOrder::Ascending}) == p.expect({0, 4, 2, 3, 1}));
}

TEST_CASE("appointment ids: sort by client name ignores case, ties by date", "[appointment_table]")
{
    SmallPractice p;
    // Alex (03-03, 03-10), blake (03-03 11:00, 03-03 14:00), Casey
    CHECK(p.query({}, {AppointmentColumn::Client, SortOrder::Ascending}) == p.expect({0, 1, 4, 2, 3}));
    CHECK(p.query({}, {AppointmentColumn::Client, SortOrder::Descending}) == p.expect({3, 2, 4, 1, 0}));
}

TEST_CASE("appointment ids: sort by clinician, fee and status", "[appointment_table]")
{
    SmallPractice p;
    const auto byClinician = p.query({}, {AppointmentColumn::Clinician, SortOrder::Ascending});
    CHECK(byClinician == p.expect({0, 4, 1, 2, 3}));
    // NULL fee first when ascending, then 5000, 16000 (a1 03-03 9:00, a5 03-03 11:00), 20000.
    CHECK(p.query({}, {AppointmentColumn::Fee, SortOrder::Ascending}) == p.expect({2, 1, 0, 4, 3}));
    // Completed(0): a1, a4; LateCancel(1): a2; NoShow(2): a3; Scheduled(5): a5
    CHECK(p.query({}, {AppointmentColumn::Status, SortOrder::Ascending}) == p.expect({0, 3, 1, 2, 4}));
}

TEST_CASE("appointment ids: text filter matches any column, every word", "[appointment_table]")
{
    SmallPractice p;
    CHECK(p.query(textFilter("alex")) == p.expect({1, 0}));             // client name, any case
    CHECK(p.query(textFilter("OKAFOR")) == p.expect({3, 2}));           // clinician name
    CHECK(p.query(textFilter("90837")) == p.expect({1, 4, 0}));         // service code
    CHECK(p.query(textFilter("cancel")) == p.expect({1}));              // raw status
    CHECK(p.query(textFilter("telehealth")) == p.expect({3, 2}));       // location
    CHECK(p.query(textFilter("  blake   main  ")) == p.expect({4}));    // both words must match
    CHECK(p.query(textFilter("nobody")).empty());
}

TEST_CASE("appointment ids: LIKE wildcards in the text are literal", "[appointment_table]")
{
    SmallPractice p;
    CHECK(p.query(textFilter("50%")) == p.expect({3}));
    CHECK(p.query(textFilter("%")) == p.expect({3}));
    CHECK(p.query(textFilter("_")).empty());
}

TEST_CASE("appointment ids: clinician, status and date range filters", "[appointment_table]")
{
    SmallPractice p;
    AppointmentFilter byClinician;
    byClinician.clinicianId = p.okafor;
    CHECK(p.query(byClinician) == p.expect({3, 2}));

    AppointmentFilter byStatus;
    byStatus.status = StatusCategory::Completed;
    CHECK(p.query(byStatus) == p.expect({3, 0}));

    AppointmentFilter byDates;
    byDates.from = makeDay(2025, 3, 4);
    byDates.to = makeDay(2025, 3, 10);
    CHECK(p.query(byDates) == p.expect({1, 3}));

    AppointmentFilter combined = textFilter("main");
    combined.clinicianId = p.rivera;
    combined.to = makeDay(2025, 3, 3);
    CHECK(p.query(combined) == p.expect({4, 0}));
}

TEST_CASE("appointment ids: a stop request before the query returns nullopt", "[appointment_table]")
{
    SmallPractice p;
    std::stop_source source;
    source.request_stop();
    CHECK_FALSE(queryAppointmentIds(p.store.connection(), {}, {}, source.get_token()).has_value());
    // The connection stays usable afterwards.
    CHECK(queryAppointmentIds(p.store.connection(), {}, {}).has_value());
}

TEST_CASE("appointment rows: read by id in the order given", "[appointment_table]")
{
    SmallPractice p;
    AppointmentRowReader reader(p.store.connection());
    const std::vector<RowId> ids{p.ids[3], p.ids[0], 999999};
    const std::vector<AppointmentRow> rows = reader.read(ids);
    REQUIRE(rows.size() == 3);

    CHECK(rows[0].id == p.ids[3]);
    CHECK(rows[0].clientName == "Casey 50% Park");
    CHECK(rows[0].clinicianName == "Sam Okafor");
    CHECK(rows[0].date == makeDay(2025, 3, 4));
    CHECK_FALSE(rows[0].startMinute.has_value());
    CHECK(rows[0].status == StatusCategory::Completed);
    CHECK(rows[0].rawStatus == "Attended");
    CHECK(rows[0].serviceCode == "90791");
    CHECK(rows[0].fee == 20000);

    CHECK(rows[1].id == p.ids[0]);
    CHECK(rows[1].clientName == "Alex Zhang");
    CHECK(rows[1].clinicianName == "Dana Rivera");
    CHECK(rows[1].startMinute == 9 * 60);
    CHECK(rows[1].durationMinutes == 53);
    CHECK(rows[1].location == "Main St");
    CHECK(rows[1].payer == "Aetna");
    CHECK(rows[1].noteStatus == NoteStatus::Signed);
    CHECK_FALSE(rows[1].clientPaid.has_value());

    CHECK(rows[2].id == 0); // no such appointment

    // The reader can be used again.
    CHECK(reader.read(std::vector<RowId>{p.ids[2]}).at(0).status == StatusCategory::NoShow);
}

TEST_CASE("appointment ids: sort by text and time columns, NULL first", "[appointment_table]")
{
    SmallPractice p;
    // "Main St": a1 (03-03 9:00), a5 (03-03 11:00), a2 (03-10); "Telehealth": a3, a4.
    CHECK(p.query({}, {AppointmentColumn::Location, SortOrder::Ascending}) == p.expect({0, 4, 1, 2, 3}));
    CHECK(p.query({}, {AppointmentColumn::Location, SortOrder::Descending}) == p.expect({3, 2, 1, 4, 0}));
    // No start time first, then 9:00 (03-03 before 03-10), 11:00, 14:00.
    CHECK(p.query({}, {AppointmentColumn::Start, SortOrder::Ascending}) == p.expect({3, 0, 1, 4, 2}));
    // Service codes: 90791, 90834, 90837 (by date within).
    CHECK(p.query({}, {AppointmentColumn::ServiceCode, SortOrder::Ascending}) == p.expect({3, 2, 0, 4, 1}));
}

TEST_CASE("appointment ids: two clients with one name sort together, by date", "[appointment_table]")
{
    SmallPractice p;
    const RowId namesake = p.store.upsertClient(SmallPractice::client("4", "ALEX ZHANG")).id;
    p.add("a6", namesake, p.okafor, makeDay(2025, 3, 5), 10 * 60, StatusCategory::Completed, "Show", "90834",
          "Telehealth", 14000);
    // Alex Zhang 03-03, ALEX ZHANG 03-05, Alex Zhang 03-10, then blake and Casey.
    CHECK(p.query({}, {AppointmentColumn::Client, SortOrder::Ascending}) == p.expect({0, 5, 1, 4, 2, 3}));
    CHECK(p.query(textFilter("zhang")).size() == 3);
}
