// Team & Settings edits: clinicians with roles and aliases (merging duplicates), goal
// periods by id with validation, status re-mapping, undo through captured state, and the
// version-3 migration of files older Caseboards wrote.

#include "caseboard/import/importer.h"
#include "caseboard/store/schema.h"
#include "caseboard/store/store.h"
#include "caseboard/team/team_edits.h"
#include "caseboard/team/roster_export.h"
#include "caseboard/team/team_state.h"

#include "database_dump.h"
#include "fixture_builders.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace caseboard;
using namespace caseboard::team;

namespace {

std::string dumpTeam(Store& store)
{
    return test::dumpDatabase(store) + test::dumpTable(store, "clinician_aliases", "alias");
}

std::int64_t appointmentsOf(Store& store, RowId clinician)
{
    auto statement = store.connection().prepare("SELECT count(*) FROM appointments WHERE clinician_id = ?");
    statement.bind(1, clinician);
    statement.step();
    return statement.int64(0);
}

GoalPeriod period(RowId clinician, Day from, std::optional<Day> to, double goal, RowId id = 0)
{
    GoalPeriod p;
    p.id = id;
    p.clinicianId = clinician;
    p.from = from;
    p.to = to;
    p.weeklyGoal = goal;
    return p;
}

// Kandice Cooper with 3 appointments, and the duplicate row an export spelled
// "Dr Kandice N. Cooper" with 2.
struct Duplicates {
    Store store = Store::openInMemory();
    RowId kandice = 0;
    RowId duplicate = 0;
    Duplicates()
    {
        kandice = test::addClinician(store, "Kandice Cooper", "LPC");
        duplicate = test::addClinician(store, "Dr Kandice N. Cooper");
        const RowId client = test::addClient(store, "c1", "Client 1");
        test::AppointmentBuilder make;
        for (int i = 0; i < 3; ++i)
            store.upsertAppointment(make(kandice, client, makeDay(2025, 1, 6 + i), 600, "Show"));
        for (int i = 0; i < 2; ++i)
            store.upsertAppointment(make(duplicate, client, makeDay(2025, 2, 3 + i), 600, "Late Cancel"));
        test::addGoalPeriod(store, kandice, makeDay(2025, 1, 1), std::nullopt, 20);
    }
};

} // namespace

TEST_CASE("a clinician's role and aliases are saved and read back", "[team]")
{
    Store store = Store::openInMemory();
    Clinician c;
    c.name = "  Ana Ruiz ";
    c.role = "intern";
    c.hourlyRate = 4500;
    const SavedClinician saved = saveClinician(store, c, {"Dr. Ana Ruiz", "", "ana ruiz", "A. Ruiz", "a. ruiz"});
    const auto all = store.clinicians();
    REQUIRE(all.size() == 1);
    CHECK(all[0].name == "Ana Ruiz");
    CHECK(all[0].role == "intern");
    CHECK(all[0].hourlyRate == 4500);
    // The own name and repeated spellings are dropped.
    CHECK(aliasesOf(store, saved.id) == std::vector<std::string>{"A. Ruiz", "Dr. Ana Ruiz"});
}

TEST_CASE("a refused clinician edit changes nothing", "[team]")
{
    Duplicates d;
    saveClinician(d.store, *d.store.clinicianByName("Kandice Cooper"), {"K. Cooper"});
    const std::string before = dumpTeam(d.store);

    Clinician bad = *d.store.clinicianByName("Kandice Cooper");
    bad.startDate = makeDay(2025, 3, 1);
    bad.endDate = makeDay(2025, 2, 1);
    CHECK_THROWS_WITH(saveClinician(d.store, bad, {}), Catch::Contains("Kandice Cooper")
                                                           && Catch::Contains("2025-02-01 is before the start date 2025-03-01"));
    Clinician badRole = *d.store.clinicianByName("Kandice Cooper");
    badRole.role = "wizard";
    CHECK_THROWS_AS(saveClinician(d.store, badRole, {}), EditRefused);
    Clinician other = *d.store.clinicianByName("Dr Kandice N. Cooper");
    CHECK_THROWS_WITH(saveClinician(d.store, other, {"k. cooper"}), Catch::Contains("already an alias of Kandice Cooper"));
    Clinician sameName;
    sameName.name = "kandice  cooper";
    CHECK_THROWS_WITH(saveClinician(d.store, sameName, {}), Catch::Contains("already a clinician named"));
    CHECK(dumpTeam(d.store) == before);
}

TEST_CASE("an alias naming another clinician merges their appointments into one", "[team]")
{
    Duplicates d;
    REQUIRE(appointmentsOf(d.store, d.duplicate) == 2);
    CHECK(mergeCandidates(d.store, d.kandice, {"dr kandice n. cooper"}) == std::vector<RowId>{d.duplicate});

    const SavedClinician saved =
        saveClinician(d.store, *d.store.clinicianByName("Kandice Cooper"), {"Dr Kandice N. Cooper"});
    CHECK(saved.merged == std::vector<std::string>{"Dr Kandice N. Cooper"});
    CHECK(saved.appointmentsMoved == 2);
    CHECK(appointmentsOf(d.store, d.kandice) == 5);
    CHECK(d.store.clinicians().size() == 1);
    CHECK(aliasesOf(d.store, d.kandice) == std::vector<std::string>{"Dr Kandice N. Cooper"});
}

TEST_CASE("undo of a merge restores the duplicate and its appointments exactly", "[team]")
{
    Duplicates d;
    const std::string before = dumpTeam(d.store);
    // What a merge touches: the duplicate's appointments, followed by id after the edit.
    AppointmentSelection touched;
    touched.clinicians = mergeCandidates(d.store, d.kandice, {"Dr Kandice N. Cooper"});
    const TeamState state = captureTeamState(d.store, touched);
    CHECK(state.appointments.size() == 2);
    saveClinician(d.store, *d.store.clinicianByName("Kandice Cooper"), {"Dr Kandice N. Cooper"});
    const TeamState after = captureTeamState(d.store, sameAppointments(state));
    CHECK(after.appointments.size() == 2);
    REQUIRE(dumpTeam(d.store) != before);

    restoreTeamState(d.store, state);
    CHECK(dumpTeam(d.store) == before);
    restoreTeamState(d.store, after); // redo
    CHECK(appointmentsOf(d.store, d.kandice) == 5);
    CHECK(d.store.clinicians().size() == 1);
}

TEST_CASE("an import resolves a clinician's alias to the clinician", "[team][import]")
{
    Store store = Store::openInMemory();
    Clinician kandice;
    kandice.name = "Kandice Cooper";
    const RowId id = saveClinician(store, kandice, {"Dr Kandice N. Cooper"}).id;

    test::TempDir dir;
    const auto file = dir.file("appointments.csv");
    {
        std::ofstream out(file);
        out << "Appointment ID,Date,Client ID,Client,Clinician,Status\n"
               "A1,2025-03-03,c1,Client 1,Dr Kandice N. Cooper,Show\n"
               "A2,2025-03-04,c1,Client 1,DR KANDICE N.  COOPER,No Show\n"
               "A3,2025-03-05,c2,Client 2,Kandice Cooper,Show\n";
    }
    import::ImportOptions options;
    options.preset = "caseboard-appointments";
    const import::FileReport report = import::Importer(store).importFile(file, options);
    REQUIRE(report.outcome == import::FileOutcome::Imported);
    CHECK(report.newClinicians.empty());
    CHECK(store.clinicians().size() == 1);
    CHECK(appointmentsOf(store, id) == 3);
}

TEST_CASE("goal periods are added, changed and deleted by id", "[team]")
{
    Store store = Store::openInMemory();
    const RowId c = test::addClinician(store, "Ana Ruiz");
    const RowId first = saveGoalPeriod(store, period(c, makeDay(2025, 1, 1), makeDay(2025, 6, 30), 20));
    const RowId leave = saveGoalPeriod(store, period(c, makeDay(2025, 7, 1), makeDay(2025, 7, 14), 0));
    saveGoalPeriod(store, period(c, makeDay(2025, 1, 1), makeDay(2025, 6, 30), 22, first));
    auto periods = store.goalPeriods();
    REQUIRE(periods.size() == 2);
    CHECK(periods[0].id == first);
    CHECK(periods[0].weeklyGoal == 22);
    CHECK(periods[1].weeklyGoal == 0);
    deleteGoalPeriod(store, leave);
    CHECK(store.goalPeriods().size() == 1);
    CHECK_THROWS_AS(deleteGoalPeriod(store, leave), EditRefused);
}

TEST_CASE("invalid goal periods are refused with the clinician and dates, and change nothing", "[team]")
{
    Store store = Store::openInMemory();
    const RowId c = test::addClinician(store, "Ana Ruiz");
    const RowId other = test::addClinician(store, "Ben Ode");
    const RowId open = saveGoalPeriod(store, period(c, makeDay(2025, 1, 1), std::nullopt, 20));
    saveGoalPeriod(store, period(other, makeDay(2025, 3, 1), std::nullopt, 15)); // others never clash
    const std::string before = dumpTeam(store);

    CHECK_THROWS_WITH(saveGoalPeriod(store, period(c, makeDay(2025, 3, 3), makeDay(2025, 3, 16), 0)),
                      Catch::Equals("Ana Ruiz: 2025-03-03 to 2025-03-16 overlaps the period 2025-01-01 onwards "
                                    "(weekly goal 20). End that period first, or change the dates."));
    CHECK_THROWS_WITH(saveGoalPeriod(store, period(c, makeDay(2024, 3, 3), makeDay(2024, 3, 1), 10)),
                      Catch::Equals("Ana Ruiz: the period ends on 2024-03-01, before it starts on 2024-03-03."));
    CHECK_THROWS_WITH(saveGoalPeriod(store, period(c, makeDay(2024, 3, 3), makeDay(2024, 3, 9), -1)),
                      Catch::Contains("Ana Ruiz: the weekly goal must be 0 (leave) or more"));
    CHECK_THROWS_AS(saveGoalPeriod(store, period(c, makeDay(2024, 3, 3), std::nullopt, 5, 9999)), EditRefused);
    CHECK(dumpTeam(store) == before);

    // Its own row is not an overlap; ending the open period makes room for leave.
    saveGoalPeriod(store, period(c, makeDay(2025, 1, 1), makeDay(2025, 3, 2), 20, open));
    CHECK_NOTHROW(saveGoalPeriod(store, period(c, makeDay(2025, 3, 3), makeDay(2025, 3, 16), 0)));
    CHECK_FALSE(goalPeriodProblem(store, period(c, makeDay(2025, 3, 17), std::nullopt, 20)));
}

TEST_CASE("settings are written and reset to their default", "[team]")
{
    Store store = Store::openInMemory();
    writeSetting(store, "retention_threshold", SettingValue{std::int64_t{10}});
    CHECK(store.setting("retention_threshold") == SettingValue{std::int64_t{10}});
    writeSetting(store, "retention_threshold", std::nullopt);
    CHECK_FALSE(store.setting("retention_threshold"));
}

TEST_CASE("re-mapping a raw status re-categorises its appointments and saves the mapping", "[team]")
{
    Store store = Store::openInMemory();
    const RowId c = test::addClinician(store, "Ana Ruiz");
    const RowId client = test::addClient(store, "c1", "Client 1");
    test::AppointmentBuilder make;
    store.upsertAppointment(make(c, client, makeDay(2025, 1, 6), 600, "Telehealth no-show"));
    store.upsertAppointment(make(c, client, makeDay(2025, 1, 7), 600, "TELEHEALTH NO SHOW"));
    store.upsertAppointment(make(c, client, makeDay(2025, 1, 8), 600, "Show"));
    const std::string before = dumpTeam(store);
    AppointmentSelection touched;
    touched.rawStatus = "Telehealth no-show";
    const TeamState state = captureTeamState(store, touched);
    CHECK(state.appointments.size() == 2);

    CHECK(remapStatus(store, "Telehealth no-show", StatusCategory::NoShow) == 2);
    std::int64_t noShows = 0;
    for (const RawStatusUse& use : rawStatusUses(store))
        if (use.category == StatusCategory::NoShow)
            noShows += use.appointments;
    CHECK(noShows == 2);
    CHECK(import::StatusMap::load(store).categoryOf("telehealth noshow") == StatusCategory::NoShow);

    restoreTeamState(store, state);
    CHECK(dumpTeam(store) == before);
}

TEST_CASE("a database written by schema version 2 opens and gains roles and aliases", "[team][store]")
{
    test::TempDir dir;
    const auto path = dir.file("v2.db");
    {
        sql::Connection db(path);
        migrateSchemaTo(db, 2);
        REQUIRE(schemaVersionOf(db) == 2);
        db.exec("INSERT INTO clinicians (name, clinician_type) VALUES ('Ana Ruiz', 'LCSW')");
        db.exec("INSERT INTO goal_periods (clinician_id, from_day, weekly_goal) VALUES (1, 20000, 20)");
    }
    Store store = Store::open(path);
    CHECK(store.schemaVersion() == kSchemaVersion);
    const auto clinicians = store.clinicians();
    REQUIRE(clinicians.size() == 1);
    CHECK(clinicians[0].clinicianType == "LCSW");
    CHECK(clinicians[0].role == "clinician");
    CHECK(aliasesOf(store, clinicians[0].id).empty());
    CHECK(store.goalPeriods().size() == 1);
    Clinician ana = clinicians[0];
    CHECK(saveClinician(store, ana, {"Dr Ana Ruiz"}).id == ana.id);
}

TEST_CASE("an exported roster imports into an empty database as the same team", "[team][import]")
{
    Store store = Store::openInMemory();
    Clinician ana;
    ana.name = "Ana Ruiz";
    ana.clinicianType = "LCSW";
    ana.location = "North, Suite 2";
    ana.supervisor = "Kim Lee";
    ana.startDate = makeDay(2024, 2, 1);
    ana.hourlyRate = 5250;
    const RowId id = saveClinician(store, ana, {}).id;
    saveGoalPeriod(store, period(id, makeDay(2024, 2, 1), std::nullopt, 22.5));

    test::TempDir dir;
    const auto file = dir.file("team.csv");
    {
        std::ofstream out(file);
        REQUIRE(writeRoster(store, out));
    }
    Store copy = Store::openInMemory();
    import::ImportOptions options;
    options.preset = "caseboard-team";
    REQUIRE(import::Importer(copy).importFile(file, options).outcome == import::FileOutcome::Imported);
    const auto clinicians = copy.clinicians();
    REQUIRE(clinicians.size() == 1);
    CHECK(clinicians[0].name == "Ana Ruiz");
    CHECK(clinicians[0].location == "North, Suite 2");
    CHECK(clinicians[0].supervisor == "Kim Lee");
    CHECK(clinicians[0].startDate == makeDay(2024, 2, 1));
    CHECK(clinicians[0].hourlyRate == 5250);
    const auto periods = copy.goalPeriods();
    REQUIRE(periods.size() == 1);
    CHECK(periods[0].weeklyGoal == 22.5);
    CHECK(periods[0].from == makeDay(2024, 2, 1));
}
