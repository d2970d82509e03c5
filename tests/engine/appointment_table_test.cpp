#include "caseboard/store/appointment_table.h"
#include "caseboard/demo/demo_practice.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/metrics/workflow_lists.h"
#include "caseboard/store/sqlite.h"
#include "caseboard/store/store.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <stop_token>
#include <tuple>

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

namespace {

// The small practice with payments and note statuses set, for the money, note and list
// filters. Day T = 2025-03-20.
struct PaidPractice : SmallPractice {
    PaidPractice()
    {
        // a1 (completed, fee 160): paid in full by insurance, note signed.
        set(0, std::nullopt, 16000, NoteStatus::Signed, "Aetna");
        // a2 (late cancel, fee 50): client paid 20 -> balance 30, note unsigned.
        set(1, 2000, std::nullopt, NoteStatus::Unsigned, "");
        // a3 (no-show, fee unknown): no payment data, note unknown.
        set(2, std::nullopt, std::nullopt, NoteStatus::Unknown, "Cigna");
        // a4 (completed, fee 200): client 50 + insurance 100 -> balance 50, note unsigned.
        set(3, 5000, 10000, NoteStatus::Unsigned, "Cigna");
        // a5 (scheduled, past, fee 160): no payment data, note unsigned (not qualifying).
        set(4, std::nullopt, std::nullopt, NoteStatus::Unsigned, "Aetna");
    }

    void set(std::size_t index, std::optional<Cents> clientPaid, std::optional<Cents> insurancePaid, NoteStatus note,
             const char* payer)
    {
        sql::Statement statement = store.connection().prepare(
            "UPDATE appointments SET client_paid_cents = ?1, insurance_paid_cents = ?2, note_status = ?3, payer = ?4 "
            "WHERE id = ?5");
        statement.bind(1, clientPaid);
        statement.bind(2, insurancePaid);
        statement.bind(3, static_cast<int>(note));
        statement.bind(4, payer);
        statement.bind(5, ids[index]);
        statement.step();
    }
};

AppointmentFilter listFilter(WorkflowList list, Day through)
{
    AppointmentFilter filter;
    filter.list = list;
    filter.listThrough = through;
    return filter;
}

} // namespace

TEST_CASE("appointment ids: raw status, service code and location match exactly", "[appointment_table]")
{
    SmallPractice p;
    AppointmentFilter raw;
    raw.rawStatus = "Show";
    CHECK(p.query(raw) == p.expect({0}));
    raw.rawStatus = "show"; // exact, as stored
    CHECK(p.query(raw).empty());

    AppointmentFilter code;
    code.serviceCode = "90837";
    CHECK(p.query(code) == p.expect({1, 4, 0}));
    code.serviceCode = "9083"; // not a substring match
    CHECK(p.query(code).empty());

    AppointmentFilter location;
    location.location = "Telehealth";
    CHECK(p.query(location) == p.expect({3, 2}));

    // A value with SQL in it is only ever a bound parameter.
    location.location = "x' OR '1'='1";
    CHECK(p.query(location).empty());
}

TEST_CASE("appointment ids: note status filter", "[appointment_table]")
{
    PaidPractice p;
    AppointmentFilter filter;
    filter.noteStatus = NoteStatus::Unsigned;
    CHECK(p.query(filter) == p.expect({1, 3, 4}));
    filter.noteStatus = NoteStatus::Unknown;
    CHECK(p.query(filter) == p.expect({2}));
    filter.noteStatus = NoteStatus::Signed;
    CHECK(p.query(filter) == p.expect({0}));
}

TEST_CASE("appointment ids: payment state filter partitions the appointments", "[appointment_table]")
{
    PaidPractice p;
    AppointmentFilter filter;
    filter.payment = PaymentState::Paid;
    CHECK(p.query(filter) == p.expect({0}));
    filter.payment = PaymentState::UnpaidBalance;
    CHECK(p.query(filter) == p.expect({1, 3}));
    filter.payment = PaymentState::NoPaymentData;
    CHECK(p.query(filter) == p.expect({2, 4}));
}

TEST_CASE("appointment ids: new filters compose with the old ones", "[appointment_table]")
{
    PaidPractice p;
    AppointmentFilter filter;
    filter.payment = PaymentState::UnpaidBalance;
    filter.clinicianId = p.rivera;
    CHECK(p.query(filter) == p.expect({1}));
    filter.clinicianId.reset();
    filter.serviceCode = "90791";
    filter.noteStatus = NoteStatus::Unsigned;
    CHECK(p.query(filter) == p.expect({3}));
    filter.location = "Main St";
    CHECK(p.query(filter).empty());
}

TEST_CASE("appointment lists: overdue notes, missing payments, unmarked", "[appointment_table]")
{
    PaidPractice p;
    // Qualifying with an unsigned note: a2 (03-10) and a4 (03-04); a5 is scheduled.
    CHECK(p.query(listFilter(WorkflowList::OverdueNotes, makeDay(2025, 3, 17))) == p.expect({1, 3}));
    CHECK(p.query(listFilter(WorkflowList::OverdueNotes, makeDay(2025, 3, 9))) == p.expect({3}));
    // Balance > 0 with a payment known: a2 (30) and a4 (50).
    CHECK(p.query(listFilter(WorkflowList::MissingPayments, makeDay(2025, 3, 10))) == p.expect({1, 3}));
    CHECK(p.query(listFilter(WorkflowList::MissingPayments, makeDay(2025, 3, 3))).empty());
    // Past and still scheduled: a5 (03-03).
    CHECK(p.query(listFilter(WorkflowList::Unmarked, makeDay(2025, 3, 3))) == p.expect({4}));
    CHECK(p.query(listFilter(WorkflowList::Unmarked, makeDay(2025, 3, 2))).empty());
    // A list composes with the other filters.
    AppointmentFilter filter = listFilter(WorkflowList::OverdueNotes, makeDay(2025, 3, 17));
    filter.clinicianId = p.okafor;
    CHECK(p.query(filter) == p.expect({3}));
}

TEST_CASE("appointment totals and balances come with the ids", "[appointment_table]")
{
    PaidPractice p;
    auto all = queryAppointments(p.store.connection(), {}, {}, {true});
    REQUIRE(all.has_value());
    CHECK(all->ids.size() == 5);
    CHECK(all->totals.count == 5);
    CHECK(all->totals.fees == 16000 + 5000 + 20000 + 16000);
    CHECK(all->totals.clientPaid == 2000 + 5000);
    CHECK(all->totals.insurancePaid == 16000 + 10000);
    CHECK(all->totals.paid() == 33000);
    CHECK(all->totals.unpaid == 3000 + 5000);
    CHECK(all->totals.withoutPaymentData == 1); // a5; a3 has no fee
    // a2 (payer "") and a4 (Cigna), both in March 2025, by payer.
    REQUIRE(all->balances.size() == 2);
    CHECK(all->balances[0] == BalanceByMonthAndPayer{2025, 3, "", 1, 3000});
    CHECK(all->balances[1] == BalanceByMonthAndPayer{2025, 3, "Cigna", 1, 5000});

    AppointmentFilter filter;
    filter.clinicianId = p.okafor;
    auto some = queryAppointments(p.store.connection(), filter, {});
    REQUIRE(some.has_value());
    CHECK(some->totals.count == 2);
    CHECK(some->totals.fees == 20000);
    CHECK(some->totals.unpaid == 5000);
    CHECK(some->balances.empty()); // not asked for
}

TEST_CASE("appointment filter choices are the distinct values", "[appointment_table]")
{
    SmallPractice p;
    const AppointmentFilterChoices choices = loadAppointmentFilterChoices(p.store.connection());
    REQUIRE(choices.clinicians.size() == 2);
    CHECK(choices.clinicians[0].name == "Dana Rivera");
    CHECK(choices.clinicians[0].id == p.rivera);
    CHECK(choices.serviceCodes == std::vector<std::string>{"90791", "90834", "90837"});
    CHECK(choices.locations == std::vector<std::string>{"Main St", "Telehealth"});
    CHECK(choices.rawStatuses
          == std::vector<std::string>{"Attended", "Late Canceled", "No Show", "Scheduled", "Show"});
}

namespace {

// An appointment as both sides can name it: the snapshot has no database ids.
using AppointmentKey = std::tuple<int, std::string, std::string, int, Cents>;

AppointmentKey keyOf(const metrics::Snapshot& s, std::size_t row)
{
    const metrics::AppointmentColumns& a = s.appointments;
    return {a.daySerial[row], s.clinicians[a.clinician[row]].name, s.clients[static_cast<std::size_t>(a.client[row])].displayName,
            a.startMinute[row], a.fee[row] == metrics::kUnknownCents ? Cents{-1} : a.fee[row]};
}

AppointmentKey keyOf(const AppointmentRow& row)
{
    return {toSerial(row.date), row.clinicianName, row.clientName, row.startMinute.value_or(-1), row.fee.value_or(-1)};
}

std::vector<AppointmentKey> sqlList(Store& store, WorkflowList list, Day through)
{
    AppointmentFilter filter;
    filter.list = list;
    filter.listThrough = through;
    auto ids = queryAppointmentIds(store.connection(), filter, {AppointmentColumn::Date, SortOrder::Ascending});
    REQUIRE(ids.has_value());
    AppointmentRowReader reader(store.connection());
    std::vector<AppointmentKey> keys;
    for (const AppointmentRow& row : reader.read(*ids))
        keys.push_back(keyOf(row));
    return keys;
}

std::vector<AppointmentKey> engineList(const metrics::Snapshot& s, const std::vector<metrics::AppointmentEntry>& entries)
{
    std::vector<AppointmentKey> keys;
    for (const metrics::AppointmentEntry& entry : entries)
        keys.push_back(keyOf(s, entry.row));
    return keys;
}

// Same appointments, and the same days in the same order (oldest first).
void requireSameList(std::vector<AppointmentKey> sqlKeys, std::vector<AppointmentKey> engineKeys)
{
    REQUIRE(sqlKeys.size() == engineKeys.size());
    for (std::size_t i = 0; i < sqlKeys.size(); ++i)
        CHECK(std::get<0>(sqlKeys[i]) == std::get<0>(engineKeys[i]));
    std::sort(sqlKeys.begin(), sqlKeys.end());
    std::sort(engineKeys.begin(), engineKeys.end());
    CHECK(sqlKeys == engineKeys);
}

} // namespace

TEST_CASE("appointment lists in SQL equal the engine's lists on a demo practice", "[appointment_table]")
{
    Store store = Store::openInMemory();
    DemoOptions options;
    options.seed = 1;
    options.end = makeDay(2026, 11, 23);
    options.years = 2;
    options.clinicians = 6;
    options.clients = 300;
    generateDemoPractice(store, options);
    const metrics::Snapshot snapshot = metrics::loadSnapshot(store);
    metrics::MetricSettings settings;
    const metrics::Scope practice = metrics::Scope::practice();

    for (const Day t : {makeDay(2026, 11, 22), makeDay(2026, 6, 30), makeDay(2026, 12, 31)}) {
        const metrics::OverdueNotes notes = metrics::overdueNotes(snapshot, settings, t, practice);
        requireSameList(sqlList(store, WorkflowList::OverdueNotes, addDays(t, -settings.noteDueDays)),
                        engineList(snapshot, notes.sessions));
        // The count per clinician, from the same scan.
        AppointmentFilter notesFilter;
        notesFilter.list = WorkflowList::OverdueNotes;
        notesFilter.listThrough = addDays(t, -settings.noteDueDays);
        AppointmentQueryOptions byClinician;
        byClinician.countByClinician = true;
        auto counted = queryAppointments(store.connection(), notesFilter, {}, byClinician);
        REQUIRE(counted.has_value());
        std::vector<ClinicianCount> expectedCounts;
        for (std::size_t c = 0; c < snapshot.clinicians.size(); ++c)
            if (notes.perClinician[c] > 0)
                expectedCounts.push_back({snapshot.clinicians[c].id, notes.perClinician[c]});
        CHECK(counted->clinicianCounts == expectedCounts);

        const metrics::MissingPayments payments = metrics::missingPayments(snapshot, settings, t, practice);
        std::vector<metrics::AppointmentEntry> paymentEntries;
        for (const metrics::MissingPayment& entry : payments.sessions)
            paymentEntries.push_back(entry.appointment);
        requireSameList(sqlList(store, WorkflowList::MissingPayments, addDays(t, -settings.paymentLagDays)),
                        engineList(snapshot, paymentEntries));

        // The totals by month and payer, and the grand total, from the same scan.
        AppointmentFilter filter;
        filter.list = WorkflowList::MissingPayments;
        filter.listThrough = addDays(t, -settings.paymentLagDays);
        auto result = queryAppointments(store.connection(), filter, {}, {true});
        REQUIRE(result.has_value());
        CHECK(result->totals.unpaid == payments.balance);
        REQUIRE(result->balances.size() == payments.totals.size());
        for (std::size_t i = 0; i < payments.totals.size(); ++i) {
            CHECK(result->balances[i].year == payments.totals[i].year);
            CHECK(result->balances[i].month == payments.totals[i].month);
            CHECK(result->balances[i].payer == payments.totals[i].payer);
            CHECK(result->balances[i].sessions == payments.totals[i].sessions);
            CHECK(result->balances[i].balance == payments.totals[i].balance);
        }

        requireSameList(sqlList(store, WorkflowList::Unmarked, t),
                        engineList(snapshot, metrics::unmarkedAppointments(snapshot, t, practice)));
    }
    // The demo has entries on every list at the first T, so the comparison says something.
    const Day t = makeDay(2026, 11, 22);
    CHECK_FALSE(metrics::overdueNotes(snapshot, settings, t, practice).sessions.empty());
    CHECK_FALSE(metrics::missingPayments(snapshot, settings, t, practice).sessions.empty());
    CHECK_FALSE(metrics::unmarkedAppointments(snapshot, t, practice).empty());
}
