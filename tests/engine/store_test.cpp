#include "caseboard/store/database_lock.h"
#include "caseboard/store/schema.h"
#include "caseboard/store/store.h"

#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

using namespace caseboard;

namespace {

RowId addTestClinician(Store& store, const std::string& name = "Maya Okafor")
{
    Clinician c;
    c.name = name;
    c.clinicianType = "LCSW";
    c.location = "Portland";
    c.supervisor = "Dana Whitfield";
    c.startDate = makeDay(2024, 3, 4);
    c.hourlyRate = 4500;
    return store.addClinician(c);
}

RowId addTestClient(Store& store, const std::string& key = "C1")
{
    Client client;
    client.sourceSystem = "test";
    client.sourceKey = key;
    client.displayName = "Jacob, JJ, or Jake Kelly";
    client.status = "Active";
    client.dateAdded = makeDay(2025, 1, 6);
    return store.upsertClient(client).id;
}

Appointment testAppointment(RowId clientId, RowId clinicianId, const std::string& key = "A1")
{
    Appointment a;
    a.sourceSystem = "test";
    a.sourceKey = key;
    a.clientId = clientId;
    a.clinicianId = clinicianId;
    a.date = makeDay(2025, 10, 6);
    a.startMinute = 12 * 60;
    a.durationMinutes = 53;
    a.serviceCode = "90837";
    a.rawStatus = "Late Canceled";
    a.status = defaultStatusCategory(a.rawStatus);
    a.location = "Video Office";
    a.fee = 16000;
    a.clientPaid = 0;
    a.insurancePaid = -3200;
    a.payer = "Tricare East (99727)";
    a.noteStatus = NoteStatus::Unsigned;
    return a;
}

bool sameAppointment(const Appointment& x, const Appointment& y)
{
    return x.sourceSystem == y.sourceSystem && x.sourceKey == y.sourceKey && x.clientId == y.clientId
        && x.clinicianId == y.clinicianId && x.date == y.date && x.startMinute == y.startMinute
        && x.durationMinutes == y.durationMinutes && x.serviceCode == y.serviceCode && x.status == y.status
        && x.rawStatus == y.rawStatus && x.location == y.location && x.fee == y.fee && x.clientPaid == y.clientPaid
        && x.insurancePaid == y.insurancePaid && x.payer == y.payer && x.noteStatus == y.noteStatus
        && x.importBatchId == y.importBatchId;
}

} // namespace

TEST_CASE("a new store is migrated to the current schema", "[store]")
{
    Store store = Store::openInMemory();
    CHECK(store.schemaVersion() == kSchemaVersion);
    const StoreCounts counts = store.counts();
    CHECK(counts.appointments == 0);
    CHECK(counts.clinicians == 0);
    CHECK_FALSE(counts.firstAppointment);
}

TEST_CASE("clinicians and goal periods round-trip", "[store]")
{
    Store store = Store::openInMemory();
    const RowId id = addTestClinician(store);
    GoalPeriod goal{0, id, makeDay(2024, 3, 4), makeDay(2025, 6, 30), 20.0};
    GoalPeriod leave{0, id, makeDay(2025, 7, 1), makeDay(2025, 7, 14), 0.0};
    GoalPeriod current{0, id, makeDay(2025, 7, 15), std::nullopt, 24.5};
    store.addGoalPeriod(current);
    store.addGoalPeriod(goal);
    store.addGoalPeriod(leave);

    const auto clinicians = store.clinicians();
    REQUIRE(clinicians.size() == 1);
    CHECK(clinicians[0].name == "Maya Okafor");
    CHECK(clinicians[0].startDate == makeDay(2024, 3, 4));
    CHECK_FALSE(clinicians[0].endDate);
    CHECK(clinicians[0].hourlyRate == 4500);

    const auto periods = store.goalPeriods();
    REQUIRE(periods.size() == 3);
    CHECK(periods[0].weeklyGoal == 20.0);
    CHECK(periods[1].weeklyGoal == 0.0);
    CHECK(periods[2].weeklyGoal == 24.5);
    CHECK_FALSE(periods[2].to);

    Clinician edited = clinicians[0];
    edited.endDate = makeDay(2026, 1, 31);
    store.updateClinician(edited);
    CHECK(store.clinicianByName("Maya Okafor")->endDate == makeDay(2026, 1, 31));
    CHECK(store.clinicianByName("maya okafor")); // names match case-insensitively
    CHECK_FALSE(store.clinicianByName("Nobody"));
}

TEST_CASE("the schema refuses impossible values", "[store]")
{
    Store store = Store::openInMemory();
    const RowId id = addTestClinician(store);
    CHECK_THROWS_AS(store.addGoalPeriod({0, id, makeDay(2025, 1, 1), std::nullopt, -1.0}), sql::Error);
    CHECK_THROWS_AS(store.addGoalPeriod({0, id, makeDay(2025, 1, 10), makeDay(2025, 1, 1), 5.0}), sql::Error);
    CHECK_THROWS_AS(addTestClinician(store), sql::Error); // duplicate name
    CHECK(store.goalPeriods().empty());
}

TEST_CASE("foreign keys are enforced", "[store]")
{
    Store store = Store::openInMemory();
    const RowId clinician = addTestClinician(store);
    const RowId client = addTestClient(store);
    CHECK_THROWS_AS(store.upsertAppointment(testAppointment(client + 100, clinician)), sql::Error);
    CHECK_THROWS_AS(store.upsertAppointment(testAppointment(client, clinician + 100)), sql::Error);
    CHECK_THROWS_AS(store.addGoalPeriod({0, clinician + 100, makeDay(2025, 1, 1), std::nullopt, 5.0}), sql::Error);
    CHECK(store.counts().appointments == 0);
}

TEST_CASE("clients upsert on source system and key", "[store]")
{
    Store store = Store::openInMemory();
    Client client;
    client.sourceSystem = "simplepractice";
    client.sourceKey = "Ana Diaz";
    client.displayName = "Ana Diaz";
    client.status = "Active";
    const UpsertResult first = store.upsertClient(client);
    CHECK(first.outcome == UpsertOutcome::Added);
    CHECK(store.upsertClient(client).outcome == UpsertOutcome::Unchanged);
    client.status = "Discharged";
    const UpsertResult changed = store.upsertClient(client);
    CHECK(changed.outcome == UpsertOutcome::Updated);
    CHECK(changed.id == first.id);
    CHECK(store.client(first.id)->status == "Discharged");
    client.sourceSystem = "theranest"; // the same key in another system is another client
    CHECK(store.upsertClient(client).outcome == UpsertOutcome::Added);
    CHECK(store.clients().size() == 2);
}

TEST_CASE("appointments round-trip and upsert in place", "[store]")
{
    Store store = Store::openInMemory();
    const RowId clinician = addTestClinician(store);
    const RowId client = addTestClient(store);

    Appointment a = testAppointment(client, clinician);
    const UpsertResult added = store.upsertAppointment(a);
    CHECK(added.outcome == UpsertOutcome::Added);
    a.id = added.id;
    REQUIRE(store.appointment(added.id));
    CHECK(sameAppointment(*store.appointment(added.id), a));

    CHECK(store.upsertAppointment(a).outcome == UpsertOutcome::Unchanged);

    a.rawStatus = "No Show"; // the EHR changed its mind
    a.status = defaultStatusCategory(a.rawStatus);
    a.insurancePaid = std::nullopt;
    const UpsertResult updated = store.upsertAppointment(a);
    CHECK(updated.outcome == UpsertOutcome::Updated);
    CHECK(updated.id == added.id);
    const auto all = store.appointments();
    REQUIRE(all.size() == 1);
    CHECK(all[0].status == StatusCategory::NoShow);
    CHECK_FALSE(all[0].insurancePaid);

    Appointment other = testAppointment(client, clinician, "A2");
    other.startMinute = std::nullopt;
    other.fee = std::nullopt;
    other.date = makeDay(2025, 10, 13);
    store.upsertAppointment(other);
    const StoreCounts counts = store.counts();
    CHECK(counts.appointments == 2);
    CHECK(counts.firstAppointment == makeDay(2025, 10, 6));
    CHECK(counts.lastAppointment == makeDay(2025, 10, 13));
}

TEST_CASE("the appointment writer inserts in bulk inside a transaction", "[store]")
{
    Store store = Store::openInMemory();
    const RowId clinician = addTestClinician(store);
    const RowId client = addTestClient(store);
    {
        sql::Transaction transaction(store.connection());
        AppointmentWriter writer(store.connection());
        for (int i = 0; i < 1000; ++i)
            writer.insert(testAppointment(client, clinician, std::string("A").append(std::to_string(i))));
        transaction.commit();
    }
    CHECK(store.counts().appointments == 1000);
    AppointmentWriter writer(store.connection());
    CHECK(writer.upsert(testAppointment(client, clinician, "A7")).outcome == UpsertOutcome::Unchanged);
    CHECK_THROWS_AS(writer.insert(testAppointment(client, clinician, "A7")), sql::Error); // unique key
}

TEST_CASE("import batches and typed settings are stored", "[store]")
{
    Store store = Store::openInMemory();
    ImportBatch batch;
    batch.fileName = "client_attendance_report.csv";
    batch.sha256 = std::string(64, 'a');
    batch.preset = "simplepractice-attendance";
    batch.importedAt = "2026-11-23T09:00:00Z";
    batch.added = 800;
    batch.updated = 7;
    batch.unchanged = 12;
    batch.rejected = 1;
    const RowId id = store.recordImportBatch(batch);
    const auto batches = store.importBatches();
    REQUIRE(batches.size() == 1);
    CHECK(batches[0].id == id);
    CHECK(batches[0].preset == "simplepractice-attendance");
    CHECK(batches[0].added == 800);
    CHECK(batches[0].rejected == 1);

    store.setSetting("retention_threshold", std::int64_t{8});
    store.setSetting("billable_cancels_count_as_completed", false);
    store.setSetting("caseload_multiplier", 2.0);
    store.setSetting("revenue_basis", std::string("charged"));
    store.setSetting("pay_period_anchor", makeDay(2026, 1, 5));
    CHECK(std::get<std::int64_t>(*store.setting("retention_threshold")) == 8);
    CHECK(std::get<bool>(*store.setting("billable_cancels_count_as_completed")) == false);
    CHECK(std::get<double>(*store.setting("caseload_multiplier")) == 2.0);
    CHECK(std::get<std::string>(*store.setting("revenue_basis")) == "charged");
    CHECK(std::get<Day>(*store.setting("pay_period_anchor")) == makeDay(2026, 1, 5));
    store.setSetting("retention_threshold", std::int64_t{10});
    CHECK(std::get<std::int64_t>(*store.setting("retention_threshold")) == 10);
    CHECK_FALSE(store.setting("missing"));
}

TEST_CASE("a file database is created owner-only, migrated and reopened", "[store]")
{
    test::TempDir dir;
    const auto path = dir.file("practice.db");
    {
        Store store = Store::open(path);
        CHECK(store.schemaVersion() == kSchemaVersion);
        addTestClinician(store);
    }
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);

    Store reopened = Store::open(path);
    CHECK(reopened.counts().clinicians == 1);
    CHECK(reopened.connection().queryInt("PRAGMA foreign_keys") == 1);

    Store reader = Store::open(path, Store::Access::ReadOnly);
    CHECK(reader.counts().clinicians == 1);
    CHECK_THROWS_AS(addTestClinician(reader), sql::Error);
}

TEST_CASE("a file that is not a database is refused without being changed", "[store]")
{
    test::TempDir dir;
    const auto path = dir.file("notes.db");
    {
        std::ofstream out(path);
        out << "Date,Client,Clinician\nthis is a CSV file, not a database\n";
    }
    const auto before = std::filesystem::file_size(path);
    CHECK_THROWS_WITH(Store::open(path), Catch::Contains("not a Caseboard database"));
    CHECK(std::filesystem::file_size(path) == before);
}

TEST_CASE("a database from a newer Caseboard is refused", "[store]")
{
    test::TempDir dir;
    const auto path = dir.file("future.db");
    {
        sql::Connection db(path);
        db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion + 1));
    }
    CHECK_THROWS_WITH(Store::open(path), Catch::Contains("newer Caseboard"));
}

TEST_CASE("migrations run from an empty file and are idempotent", "[store]")
{
    test::TempDir dir;
    const auto path = dir.file("empty.db");
    { sql::Connection db(path); } // a zero-byte file, as an interrupted first start leaves
    sql::Connection db(path);
    CHECK(schemaVersionOf(db) == 0);
    migrateSchema(db);
    CHECK(schemaVersionOf(db) == kSchemaVersion);
    migrateSchema(db);
    CHECK(schemaVersionOf(db) == kSchemaVersion);
    CHECK(db.queryInt("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'appointments'") == 1);
}

TEST_CASE("a second process cannot open the database for writing", "[store]")
{
    test::TempDir dir;
    const auto path = dir.file("shared.db");
    Store store = Store::open(path);
    Store sameProcess = Store::open(path); // connections of one process share the lock
    CHECK(sameProcess.counts().clinicians == 0);

    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        int code = 3;
        try {
            Store other = Store::open(path);
            code = 1; // opened: the lock did not hold
        } catch (const DatabaseInUseError& error) {
            code = std::string(error.what()).find("in use by another Caseboard") != std::string::npos ? 0 : 2;
        } catch (...) {
            code = 4;
        }
        ::_exit(code);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}
