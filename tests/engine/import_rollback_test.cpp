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

RowId importFixture(Store& store, const std::string& name)
{
    return test::importAsBatch(store, test::importFixture(name));
}

std::filesystem::path writeFile(const test::TempDir& dir, const std::string& name, const std::string& text)
{
    const auto path = dir.file(name);
    std::ofstream(path) << text;
    return path;
}

// Everything an import or a rollback could touch, the batch journal included; of the
// history, the batches still in force without their rolled_back_at.
std::string dumpAll(Store& store)
{
    std::string dump = test::dumpDatabase(store, false);
    dump += test::dumpTable(store, "staff_hours");
    dump += test::dumpTable(store, "clinician_aliases", "alias");
    dump += test::dumpTable(store, "batch_inserted_ids", "batch_id, table_name");
    for (const char* table : {"appointments_before_batch", "clients_before_batch", "clinicians_before_batch",
                              "goal_periods_before_batch", "staff_hours_before_batch"})
        dump += test::dumpTable(store, table, "batch_id, id");
    auto batches = store.connection().prepare(
        "SELECT id, file_name, sha256, preset, imported_at, rows_added, rows_updated, rows_unchanged, rows_rejected, "
        "file_bytes FROM import_batches WHERE rolled_back_at IS NULL ORDER BY id");
    dump += "[import_batches in force]\n";
    while (batches.step()) {
        for (int i = 0; i < batches.columnCount(); ++i)
            dump += batches.text(i) + '|';
        dump += '\n';
    }
    return dump;
}

std::int64_t count(Store& store, const std::string& sql) { return store.connection().queryInt(sql).value_or(-1); }

// Updates TN-1001 and TN-1002, adds an appointment with a new client and a new clinician.
const char* kSecondExport =
    "Appointment ID,Date,Start Time,Duration,Client ID,Client,Clinician,Service Code,Status,Location,Fee,Client Paid,"
    "Insurance Paid,Payer,Note Status\n"
    "TN-1001,2026-03-02,09:00,53,P-01,Grace Liu,Nora Quinn,90837,No Show,Salem,165.00,25.00,140.00,Blue Cross Blue "
    "Shield (00590),Signed\n"
    "TN-1002,2026-03-02,10:00,45,P-02,Omar Haddad,Nora Quinn,90834,No Show,Salem,130.00,0.00,,Aetna (60054),\n"
    "TN-1003,2026-03-03,1:30 PM,50,P-03,\"Ruiz, Elena\",Nora Quinn,90846,Late Cancellation,Telehealth,$150.00,$50.00,,,"
    "Unsigned\n"
    "TN-2001,2026-03-10,09:00,53,P-09,Tomas Berg,Zara Khan,90837,Attended,Salem,165.00,,,,\n";

} // namespace

TEST_CASE("rolling back an import puts the database back as it was before it", "[import][rollback]")
{
    test::TempDir dir;
    Store store = Store::openInMemory();
    const std::string empty = dumpAll(store);
    const RowId a = importFixture(store, "caseboard_appointments.csv");
    const std::string afterA = dumpAll(store);
    CHECK(count(store, "SELECT count(*) FROM batch_inserted_ids WHERE batch_id = " + std::to_string(a)) == 3);

    const RowId b = test::importAsBatch(store, writeFile(dir, "second.csv", kSecondExport));
    REQUIRE(dumpAll(store) != afterA);
    CHECK(count(store, "SELECT count(*) FROM appointments_before_batch WHERE batch_id = " + std::to_string(b)) == 2);
    // The triggers lived only as long as the import.
    CHECK(count(store, "SELECT count(*) FROM temp.sqlite_master WHERE type = 'trigger'") == 0);

    SECTION("the later batch alone")
    {
        const RollbackPlan plan = planRollback(store, b);
        REQUIRE(plan.batches.size() == 1);
        CHECK(plan.batches[0].id == b);
        CHECK(plan.appointmentsRemoved == 1);
        CHECK(plan.appointmentsRestored == 2);
        CHECK(plan.clientsRemoved == 1);
        CHECK(plan.cliniciansRemoved == 1);
        CHECK(plan.paymentsRemoved == 0);

        const RollbackPlan done = rollBackBatch(store, b);
        CHECK(done.appointmentsRestored == 2);
        CHECK(dumpAll(store) == afterA);
        const auto batches = store.importBatches();
        REQUIRE(batches.size() == 2);
        CHECK(batches[0].inForce());
        CHECK_FALSE(batches[1].inForce());
        CHECK(batches[1].rolledBackAt.size() == 20);

        CHECK_THROWS_AS(rollBackBatch(store, b), std::invalid_argument);
        CHECK_THROWS_WITH(planRollback(store, b), Catch::Contains("already rolled back"));

        // Importing the same file again after the rollback works, and can be undone too.
        const RowId again = test::importAsBatch(store, writeFile(dir, "second.csv", kSecondExport));
        rollBackBatch(store, again);
        CHECK(dumpAll(store) == afterA);
    }
    SECTION("the earlier batch takes the later one with it")
    {
        const RollbackPlan plan = planRollback(store, a);
        REQUIRE(plan.batches.size() == 2);
        CHECK(plan.batches[0].id == b); // newest first
        CHECK(plan.batches[1].id == a);
        CHECK(plan.appointmentsRemoved == 7);
        rollBackBatch(store, a);
        CHECK(dumpAll(store) == empty);
        CHECK(store.importBatches().size() == 2);
    }
    CHECK_THROWS_AS(planRollback(store, 99), std::invalid_argument);
}

TEST_CASE("a first import into a file database (the bulk path) rolls back", "[import][rollback]")
{
    test::TempDir dir;
    Store store = Store::open(dir.file("practice.db"));
    const std::string empty = dumpAll(store);
    const RowId a = importFixture(store, "caseboard_appointments.csv");
    CHECK(store.counts().appointments == 6);
    rollBackBatch(store, a);
    CHECK(dumpAll(store) == empty);
    // The key index is still there: the same file imports again without duplicates.
    importFixture(store, "caseboard_appointments.csv");
    importFixture(store, "caseboard_appointments.csv");
    CHECK(store.counts().appointments == 6);
}

TEST_CASE("a roster import that changes clinicians and goal periods rolls back exactly", "[import][rollback][team]")
{
    test::TempDir dir;
    Store store = Store::openInMemory();
    importFixture(store, "caseboard_appointments.csv");
    importFixture(store, "caseboard_team.csv");
    const std::string before = dumpAll(store);

    const RowId roster = test::importAsBatch(
        store, writeFile(dir, "team.csv",
                         "Clinician,Type,Location,Supervisor,Start Date,End Date,Weekly Goal,Hourly Rate\n"
                         "Nora Quinn,LCSW-C,Salem,Dana Whitfield,2026-07-06,,20,$52.00\n" // new period, closes the old
                         "Ivan Petrov,Associate,Salem,Nora Quinn,2026-01-05,,18,35.00\n"  // same period, new goal
                         "Priya Shah,Intern,Portland,Nora Quinn,2026-09-01,,8,20.00\n"));  // new clinician
    REQUIRE(dumpAll(store) != before);
    const RollbackPlan plan = planRollback(store, roster);
    CHECK(plan.cliniciansRemoved == 1);
    CHECK(plan.cliniciansRestored == 1); // Nora; Ivan's row is unchanged, only his goal period
    rollBackBatch(store, roster);
    CHECK(dumpAll(store) == before);
}

TEST_CASE("a payments import rolls back with the appointments' paid amounts", "[import][rollback][simplepractice]")
{
    Store store = Store::openInMemory();
    importFixture(store, "sp_appointment_status_20.csv");
    const std::string before = dumpAll(store);
    const RowId payments = importFixture(store, "sp_income_allocation.csv");
    REQUIRE(dumpAll(store) != before);
    const RollbackPlan plan = planRollback(store, payments);
    CHECK(plan.paymentsRemoved == 3);
    CHECK(plan.appointmentsRestored == 1);
    rollBackBatch(store, payments);
    CHECK(dumpAll(store) == before);
}

TEST_CASE("a client details import rolls back", "[import][rollback][simplepractice]")
{
    Store store = Store::openInMemory();
    importFixture(store, "sp_attendance.csv");
    const std::string before = dumpAll(store);
    const RowId clients = importFixture(store, "sp_client_details.csv");
    const RollbackPlan plan = planRollback(store, clients);
    CHECK(plan.clientsRestored > 0);
    rollBackBatch(store, clients);
    CHECK(dumpAll(store) == before);
}

TEST_CASE("a rollback that fails half way changes nothing", "[import][rollback]")
{
    test::TempDir dir;
    Store store = Store::openInMemory();
    const RowId a = importFixture(store, "caseboard_appointments.csv");
    test::importAsBatch(store, writeFile(dir, "second.csv", kSecondExport));
    const std::string before = test::dumpDatabase(store) + dumpAll(store);

    // Fails on the last step of the older batch, after the newer one is undone.
    store.connection().exec("CREATE TEMP TRIGGER refuse BEFORE DELETE ON main.clinicians "
                            "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
    CHECK_THROWS_WITH(rollBackBatch(store, a), Catch::Contains("refused by the test"));
    CHECK(test::dumpDatabase(store) + dumpAll(store) == before);

    store.connection().exec("DROP TRIGGER temp.refuse");
    rollBackBatch(store, a);
    CHECK(store.counts().appointments == 0);
}

TEST_CASE("failed, cancelled and dry-run imports leave no journal behind", "[import][rollback]")
{
    Store store = Store::openInMemory();
    importFixture(store, "caseboard_appointments.csv");
    const std::string before = dumpAll(store);
    Importer importer(store);
    CHECK(importer.importFile(test::importFixture("bad_rows.csv")).outcome == FileOutcome::Rejected);
    ImportOptions dryRun;
    dryRun.dryRun = true;
    CHECK(importer.importFile(test::importFixture("caseboard_team.csv"), dryRun).imported());
    struct CancelAtOnce : csv::ReadObserver {
        bool cancelRequested() override { return true; }
    } cancel;
    ImportOptions cancelled;
    cancelled.observer = &cancel;
    CHECK(importer.importFile(test::importFixture("caseboard_team.csv"), cancelled).outcome == FileOutcome::Cancelled);
    CHECK(dumpAll(store) == before);
    CHECK(count(store, "SELECT count(*) FROM temp.sqlite_master WHERE type = 'trigger'") == 0);
}

TEST_CASE("a batch imported before the journal existed cannot be rolled back", "[import][rollback]")
{
    Store store = Store::openInMemory();
    importFixture(store, "caseboard_appointments.csv");
    // As an import under schema version 3 left it: counts, but no journal.
    ImportBatch old;
    old.fileName = "old.csv";
    old.importedAt = "2026-01-05T10:00:00Z";
    old.added = 12;
    const RowId id = store.recordImportBatch(old);
    const std::string before = dumpAll(store);
    CHECK_THROWS_WITH(rollBackBatch(store, id), Catch::Contains("cannot be rolled back"));
    CHECK(dumpAll(store) == before);

    // One that changed nothing has nothing to undo, and rolls back.
    ImportBatch unchanged = old;
    unchanged.added = 0;
    unchanged.unchanged = 12;
    const RowId quiet = store.recordImportBatch(unchanged);
    CHECK_THROWS(rollBackBatch(store, id)); // still takes the old one's successor along, and refuses
    CHECK(rollBackBatch(store, quiet).batches.size() == 1);
}

TEST_CASE("a first import that falls back from the bulk path rolls back", "[import][rollback]")
{
    test::TempDir dir;
    Store store = Store::open(dir.file("practice.db"));
    const std::string empty = dumpAll(store);
    ImportOptions skip;
    skip.skipBadRows = true;
    Importer importer(store);
    // A repeated appointment ID: the bulk load meets it, and the import starts again row by row.
    const FileReport report = importer.importFile(
        writeFile(dir, "repeated.csv",
                  "Appointment ID,Date,Client,Clinician,Status\n"
                  "R-1,2026-03-02,Grace Liu,Nora Quinn,Attended\n"
                  "R-2,2026-03-03,Grace Liu,Nora Quinn,Attended\n"
                  "R-1,2026-03-04,Grace Liu,Nora Quinn,Attended\n"),
        skip);
    INFO(report.error);
    REQUIRE(report.imported());
    CHECK(report.added == 2);
    CHECK(report.rejected == 1);
    rollBackBatch(store, *report.batchId);
    CHECK(dumpAll(store) == empty);
}
