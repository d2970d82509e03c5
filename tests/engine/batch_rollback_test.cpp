// Rolling back an import puts the database back exactly as it was before it: rows it
// added go, rows it changed come back, later imports go with it, and a rollback that
// cannot finish changes nothing.

#include "caseboard/import/importer.h"
#include "caseboard/store/batch_rollback.h"
#include "caseboard/store/store.h"

#include "database_dump.h"
#include "import_fixtures.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace caseboard;
using namespace caseboard::import;

namespace {

// The practice's data without the import history, which a rollback marks.
std::string content(Store& store) { return test::dumpDatabase(store, false); }

// A later export of caseboard_appointments.csv: one visit changed, one new client seen
// by a new clinician.
std::filesystem::path writeLaterExport(const test::TempDir& dir)
{
    const auto file = dir.file("later.csv");
    std::ofstream out(file);
    out << "Appointment ID,Date,Start Time,Duration,Client ID,Client,Clinician,Service Code,Status,Location,Fee\n"
           "TN-1001,2026-03-02,09:00,53,P-01,Grace Liu,Nora Quinn,90837,No Show,Salem,165.00\n"
           "TN-1002,2026-03-02,10:00,45,P-02,Omar Haddad,Nora Quinn,90834,No Show,Salem,120.00\n"
           "TN-1007,2026-03-10,09:00,53,P-09,Yusuf Kaya,Lena Park,90791,Attended,Portland,200.00\n";
    return file;
}

} // namespace

TEST_CASE("rolling back an import removes what it added and restores what it changed", "[rollback]")
{
    test::TempDir dir;
    Store store = Store::openInMemory();
    const RowId first = test::importAsBatch(store, test::importFixture("caseboard_appointments.csv"));
    const std::string afterFirst = content(store);
    const RowId second = test::importAsBatch(store, writeLaterExport(dir));
    REQUIRE(content(store) != afterFirst);

    const RollbackPlan plan = planRollback(store, second);
    REQUIRE(plan.batches.size() == 1);
    CHECK(plan.batches[0].id == second);
    CHECK(plan.appointmentsRemoved == 1);  // TN-1007
    CHECK(plan.appointmentsRestored == 1); // TN-1001 (TN-1002 was unchanged)
    CHECK(plan.clientsRemoved == 1);
    CHECK(plan.clientsRestored == 0);
    CHECK(plan.cliniciansRemoved == 1);
    CHECK(plan.paymentsRemoved == 0);
    CHECK(content(store) != afterFirst); // planning changes nothing

    const RollbackPlan done = rollBackBatch(store, second);
    CHECK(done.appointmentsRemoved == 1);
    CHECK(content(store) == afterFirst);

    const auto batches = store.importBatches();
    REQUIRE(batches.size() == 2);
    CHECK(batches[0].inForce());
    CHECK_FALSE(batches[1].inForce());
    CHECK_THAT(batches[1].rolledBackAt, Catch::Matches(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"));

    CHECK_THROWS_WITH(rollBackBatch(store, second), Catch::Contains("already rolled back"));
    CHECK_THROWS_AS(planRollback(store, 99), std::invalid_argument);
    CHECK(first != second);
}

TEST_CASE("rolling back an import also rolls back every later one, newest first", "[rollback]")
{
    test::TempDir dir;
    Store store = Store::openInMemory();
    const std::string empty = content(store);
    const RowId first = test::importAsBatch(store, test::importFixture("caseboard_appointments.csv"));
    test::importAsBatch(store, writeLaterExport(dir));

    const RollbackPlan plan = planRollback(store, first);
    REQUIRE(plan.batches.size() == 2);
    CHECK(plan.batches[0].id > plan.batches[1].id);
    // TN-1001 is added by the first and changed by the second: it goes, once.
    CHECK(plan.appointmentsRemoved == 7);
    CHECK(plan.appointmentsRestored == 0);
    CHECK(plan.clientsRemoved == 5);
    CHECK(plan.cliniciansRemoved == 3);

    rollBackBatch(store, first);
    CHECK(content(store) == empty);
    for (const ImportBatch& batch : store.importBatches())
        CHECK_FALSE(batch.inForce());

    SECTION("the same files import again afterwards, and roll back again")
    {
        const RowId again = test::importAsBatch(store, test::importFixture("caseboard_appointments.csv"));
        const std::string reimported = content(store);
        const RowId later = test::importAsBatch(store, writeLaterExport(dir));
        rollBackBatch(store, later);
        CHECK(content(store) == reimported);
        rollBackBatch(store, again);
        CHECK(content(store) == empty);
    }
}

TEST_CASE("rolling back payments puts the paid amounts back", "[rollback]")
{
    Store store = Store::openInMemory();
    test::importAsBatch(store, test::importFixture("sp_attendance.csv"));
    test::importAsBatch(store, test::importFixture("sp_appointment_status_20.csv"));
    const std::string beforePayments = content(store);
    const RowId payments = test::importAsBatch(store, test::importFixture("sp_income_allocation.csv"));
    REQUIRE(content(store) != beforePayments);

    const RollbackPlan plan = planRollback(store, payments);
    CHECK(plan.paymentsRemoved > 0);
    CHECK(plan.appointmentsRestored > 0);
    rollBackBatch(store, payments);
    CHECK(content(store) == beforePayments);
}

TEST_CASE("rolling back a roster import restores clinicians and goal periods", "[rollback]")
{
    test::TempDir dir;
    Store store = Store::openInMemory();
    test::importAsBatch(store, test::importFixture("caseboard_team.csv"));
    const std::string before = content(store);
    const auto file = dir.file("team_later.csv");
    {
        std::ofstream out(file);
        out << "Clinician,Type,Location,Supervisor,Start Date,End Date,Weekly Goal,Hourly Rate\n"
               "Nora Quinn,LCSW,Portland,Dana Whitfield,2026-04-06,,20,$50.00\n"
               "Lena Park,LPC,Portland,Nora Quinn,2026-04-06,,18,40.00\n";
    }
    const RowId later = test::importAsBatch(store, file);
    const RollbackPlan plan = planRollback(store, later);
    CHECK(plan.cliniciansRemoved == 1);
    CHECK(plan.cliniciansRestored == 1);
    rollBackBatch(store, later);
    CHECK(content(store) == before);
}

TEST_CASE("a rollback that cannot finish changes nothing", "[rollback]")
{
    Store store = Store::openInMemory();
    const RowId batch = test::importAsBatch(store, test::importFixture("caseboard_appointments.csv"));
    // An appointment written outside any import, for a client the import added: the
    // client cannot go while it refers to them.
    Appointment manual = store.appointments().at(0);
    manual.id = 0;
    manual.sourceKey = "hand-made";
    manual.importBatchId.reset();
    store.upsertAppointment(manual);
    const std::string before = test::dumpDatabase(store);

    CHECK_THROWS_AS(rollBackBatch(store, batch), sql::Error);
    CHECK_THROWS_WITH(rollBackBatch(store, batch),
                      Catch::Contains("cannot be rolled back") && Catch::Contains("still refer"));
    CHECK(test::dumpDatabase(store) == before);
    CHECK(store.importBatches().at(0).inForce());
}

TEST_CASE("an import made before the journal existed is refused, with every earlier one", "[rollback]")
{
    Store store = Store::openInMemory();
    const RowId journaled = test::importAsBatch(store, test::importFixture("caseboard_appointments.csv"));
    CHECK(store.connection().queryInt("SELECT count(*) FROM batch_inserted_ids") == 3);
    // As schema version 3 left one: counts, but no record of what it changed.
    ImportBatch old;
    old.fileName = "old.csv";
    old.importedAt = "2026-01-05T10:00:00Z";
    old.added = 12;
    const RowId unjournaled = store.recordImportBatch(old);
    const std::string before = test::dumpDatabase(store);

    CHECK_THROWS_WITH(planRollback(store, unjournaled), Catch::Contains("cannot be rolled back"));
    // Rolling back an earlier batch takes the later one along, and so is refused too.
    CHECK_THROWS_WITH(rollBackBatch(store, journaled),
                      Catch::Contains("cannot be rolled back") && Catch::Contains("old.csv"));
    CHECK(test::dumpDatabase(store) == before);

    // One that changed nothing has nothing to undo.
    ImportBatch quiet = old;
    quiet.added = 0;
    quiet.unchanged = 12;
    CHECK(rollBackBatch(store, store.recordImportBatch(quiet)).batches.size() == 1);
}

TEST_CASE("a rolled-back batch leaves no journal behind", "[rollback]")
{
    test::TempDir dir;
    Store store = Store::openInMemory();
    const RowId first = test::importAsBatch(store, test::importFixture("caseboard_appointments.csv"));
    test::importAsBatch(store, writeLaterExport(dir));
    rollBackBatch(store, first);
    for (const char* table : {"batch_inserted_ids", "appointments_before_batch", "clients_before_batch"})
        CHECK(store.connection().queryInt(std::string("SELECT count(*) FROM ") + table) == 0);
    CHECK(store.connection().queryInt("SELECT count(*) FROM temp.sqlite_master WHERE type = 'trigger'") == 0);
}

TEST_CASE("dry runs and rejected files leave nothing to roll back", "[rollback]")
{
    Store store = Store::openInMemory();
    Importer importer(store);
    ImportOptions dryRun;
    dryRun.dryRun = true;
    CHECK(importer.importFile(test::importFixture("caseboard_appointments.csv"), dryRun).imported());
    CHECK(importer.importFile(test::importFixture("bad_rows.csv")).outcome == FileOutcome::Rejected);
    CHECK(store.importBatches().empty());
    for (const char* table : {"batch_inserted_ids", "appointments_before_batch", "clients_before_batch"})
        CHECK(store.connection().queryInt(std::string("SELECT count(*) FROM ") + table) == 0);
}

TEST_CASE("an import into a file database is journalled like any other", "[rollback]")
{
    test::TempDir dir;
    Store store = Store::open(dir.file("practice.db"));
    const std::string empty = content(store);
    const RowId first = test::importAsBatch(store, test::importFixture("caseboard_appointments.csv")); // the bulk path
    const std::string afterFirst = content(store);
    const RowId second = test::importAsBatch(store, writeLaterExport(dir));
    rollBackBatch(store, second);
    CHECK(content(store) == afterFirst);
    rollBackBatch(store, first);
    CHECK(content(store) == empty);
}
