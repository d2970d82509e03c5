#include "caseboard/import/appointment_export.h"
#include "caseboard/import/importer.h"
#include "caseboard/store/store.h"

#include "database_dump.h"
#include "import_fixtures.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace caseboard;
using namespace caseboard::import;

namespace {

// An appointment as the practice sees it: names instead of row ids.
struct Seen {
    std::string client;
    std::string clinician;
    Appointment a;
};

std::map<std::string, Seen> appointmentsByKey(Store& store)
{
    std::map<RowId, std::string> clients;
    for (const Client& c : store.clients())
        clients[c.id] = c.displayName;
    std::map<RowId, std::string> clinicians;
    for (const Clinician& c : store.clinicians())
        clinicians[c.id] = c.name;
    std::map<std::string, Seen> result;
    for (const Appointment& a : store.appointments())
        result[a.sourceKey] = {clients[a.clientId], clinicians[a.clinicianId], a};
    return result;
}

FileReport importOne(Store& store, const std::string& name, ImportOptions options = {})
{
    Importer importer(store);
    return importer.importFile(test::importFixture(name), options);
}

} // namespace

TEST_CASE("the generic layout imports every field", "[import]")
{
    Store store = Store::openInMemory();
    const FileReport report = importOne(store, "caseboard_appointments.csv");
    INFO(report.error);
    REQUIRE(report.imported());
    CHECK(report.preset == "caseboard-appointments");
    CHECK(report.confidence == 100);
    CHECK(report.rows == 6);
    CHECK(report.added == 6);
    CHECK(report.rejected == 0);
    CHECK(report.batchId);
    CHECK(report.newClinicians == std::vector<std::string>{"Nora Quinn", "Ivan Petrov"});

    const auto seen = appointmentsByKey(store);
    REQUIRE(seen.size() == 6);
    const Seen& first = seen.at("TN-1001");
    CHECK(first.client == "Grace Liu");
    CHECK(first.clinician == "Nora Quinn");
    CHECK(first.a.date == makeDay(2026, 3, 2));
    CHECK(first.a.startMinute == 9 * 60);
    CHECK(first.a.durationMinutes == 53);
    CHECK(first.a.serviceCode == "90837");
    CHECK(first.a.status == StatusCategory::Completed);
    CHECK(first.a.rawStatus == "Attended");
    CHECK(first.a.location == "Salem");
    CHECK(first.a.fee == 16500);
    CHECK(first.a.clientPaid == 2500);
    CHECK(first.a.insurancePaid == 14000);
    CHECK(first.a.payer == "Blue Cross Blue Shield (00590)");
    CHECK(first.a.noteStatus == NoteStatus::Signed);

    CHECK(seen.at("TN-1002").a.status == StatusCategory::NoShow);
    CHECK_FALSE(seen.at("TN-1002").a.insurancePaid);
    CHECK(seen.at("TN-1002").a.noteStatus == NoteStatus::Unknown);
    CHECK(seen.at("TN-1003").client == "Ruiz, Elena");
    CHECK(seen.at("TN-1003").a.startMinute == 13 * 60 + 30);
    CHECK(seen.at("TN-1003").a.status == StatusCategory::LateCancel);
    CHECK(seen.at("TN-1003").a.noteStatus == NoteStatus::Unsigned);
    CHECK_FALSE(seen.at("TN-1004").a.startMinute);
    CHECK(seen.at("TN-1004").a.noteStatus == NoteStatus::Unsigned); // "Draft"
    CHECK(seen.at("TN-1005").a.date == makeDay(2026, 3, 5));       // US date in an ISO file
    CHECK(seen.at("TN-1006").a.status == StatusCategory::Scheduled);

    // Grace Liu is one client (Client ID P-01) with two clinicians.
    CHECK(store.clients().size() == 4);
    const auto batches = store.importBatches();
    REQUIRE(batches.size() == 1);
    CHECK(batches[0].fileName == "caseboard_appointments.csv");
    CHECK(batches[0].sha256.size() == 64);
    CHECK(batches[0].preset == "caseboard-appointments");
    CHECK(batches[0].added == 6);
}

TEST_CASE("importing the same file twice leaves no duplicates", "[import]")
{
    Store store = Store::openInMemory();
    REQUIRE(importOne(store, "caseboard_appointments.csv").imported());
    const std::string before = test::dumpDatabase(store, false);
    const FileReport again = importOne(store, "caseboard_appointments.csv");
    REQUIRE(again.imported());
    CHECK(again.added == 0);
    CHECK(again.updated == 0);
    CHECK(again.unchanged == 6);
    CHECK(test::dumpDatabase(store, false) == before);
    CHECK(store.importBatches().size() == 2);
}

TEST_CASE("a later export updates changed rows in place", "[import]")
{
    test::TempDir dir;
    Store store = Store::openInMemory();
    REQUIRE(importOne(store, "caseboard_appointments.csv").imported());
    const RowId idBefore = appointmentsByKey(store).at("TN-1006").a.id;

    // The next week's export overlaps: TN-1006 happened (no-show), TN-1002 got paid, and
    // there is a new appointment.
    const auto later = dir.file("later.csv");
    {
        std::ofstream out(later);
        out << "Appointment ID,Date,Start Time,Duration,Client ID,Client,Clinician,Service Code,Status,Location,Fee,"
               "Client Paid,Insurance Paid,Payer,Note Status\n"
               "TN-1002,2026-03-02,10:00,45,P-02,Omar Haddad,Nora Quinn,90834,No Show,Salem,120.00,0.00,120.00,"
               "Aetna (60054),\n"
               "TN-1006,2026-03-09,09:00,53,P-01,Grace Liu,Nora Quinn,90837,No Show,Salem,165.00,,,,\n"
               "TN-1007,2026-03-10,09:00,53,P-01,Grace Liu,Nora Quinn,90837,Scheduled,Salem,165.00,,,,\n"
               "TN-1005,03/05/2026,11:00,53,P-04,Hannah Berg,Ivan Petrov,90837,Cancelled,Salem,165.00,,,,\n";
    }
    Importer importer(store);
    const FileReport report = importer.importFile(later);
    REQUIRE(report.imported());
    CHECK(report.added == 1);
    CHECK(report.updated == 2);
    CHECK(report.unchanged == 1);
    const auto seen = appointmentsByKey(store);
    CHECK(seen.size() == 7);
    CHECK(seen.at("TN-1006").a.id == idBefore);
    CHECK(seen.at("TN-1006").a.status == StatusCategory::NoShow);
    CHECK(seen.at("TN-1002").a.insurancePaid == 12000);
}

TEST_CASE("strict mode rejects a file with bad rows and changes nothing", "[import]")
{
    Store store = Store::openInMemory();
    REQUIRE(importOne(store, "caseboard_appointments.csv").imported());
    const std::string before = test::dumpDatabase(store);

    const FileReport report = importOne(store, "bad_rows.csv");
    CHECK(report.outcome == FileOutcome::Rejected);
    CHECK(report.rows == 6);
    CHECK(report.rejected == 4);
    CHECK_THAT(report.error, Catch::Contains("bad_rows.csv") && Catch::Contains("4 of 6 rows"));
    REQUIRE(report.issues.size() == 4);
    CHECK(report.issues[0].line == 3);
    CHECK(report.issues[0].column == "Date");
    CHECK_THAT(report.issues[0].reason, Catch::Contains("'2026-02-30' is not a date"));
    CHECK(report.issues[1].line == 4);
    CHECK(report.issues[1].column == "Status");
    CHECK_THAT(report.issues[1].reason, Catch::Contains("unknown status 'Sort of came'"));
    CHECK(report.issues[2].line == 5);
    CHECK(report.issues[2].column == "Duration");
    CHECK_THAT(report.issues[2].reason, Catch::Contains("negative"));
    CHECK(report.issues[3].line == 6);
    CHECK(report.issues[3].column == "Fee");
    CHECK(test::dumpDatabase(store) == before);
}

TEST_CASE("skip-bad-rows imports the good rows and lists the rest", "[import]")
{
    Store store = Store::openInMemory();
    ImportOptions options;
    options.skipBadRows = true;
    const FileReport report = importOne(store, "bad_rows.csv", options);
    REQUIRE(report.imported());
    CHECK(report.added == 2);
    CHECK(report.rejected == 4);
    CHECK(store.counts().appointments == 2);
    CHECK(store.importBatches().at(0).rejected == 4);

    std::ostringstream rejects;
    REQUIRE(writeRejects(rejects, report));
    const std::string text = rejects.str();
    CHECK_THAT(text, Catch::StartsWith("Line,Column,Reason,Appointment ID,Date,"));
    CHECK_THAT(text, Catch::Contains("3,Date,'2026-02-30' is not a date"));
    CHECK_THAT(text, Catch::Contains("B-4,2026-03-04,09:00,'-45,")); // formula-safe: "-45" is neutralised
}

TEST_CASE("file-level problems reject the file and name it", "[import]")
{
    Store store = Store::openInMemory();
    REQUIRE(importOne(store, "caseboard_appointments.csv").imported());
    const std::string before = test::dumpDatabase(store);

    SECTION("truncated inside a quoted field")
    {
        const FileReport report = importOne(store, "truncated_quote.csv");
        CHECK(report.outcome == FileOutcome::Rejected);
        CHECK_THAT(report.error, Catch::Contains("truncated_quote.csv") && Catch::Contains("line 3"));
    }
    SECTION("unknown layout")
    {
        const FileReport report = importOne(store, "unknown_layout.csv");
        CHECK(report.outcome == FileOutcome::Rejected);
        CHECK_THAT(report.error, Catch::Contains("unknown_layout.csv: unknown layout"));
    }
    SECTION("a required column missing")
    {
        const FileReport report = importOne(store, "missing_clinician.csv");
        CHECK(report.outcome == FileOutcome::Rejected);
        CHECK_THAT(report.error, Catch::Contains("Clinician"));
    }
    SECTION("a preset forced on the wrong file")
    {
        ImportOptions options;
        options.preset = "simplepractice-attendance";
        const FileReport report = importOne(store, "caseboard_appointments.csv", options);
        CHECK(report.outcome == FileOutcome::Rejected);
        CHECK_THAT(report.error, Catch::Contains("client_name"));
    }
    SECTION("no such preset")
    {
        ImportOptions options;
        options.preset = "nonsense";
        CHECK_THAT(importOne(store, "caseboard_appointments.csv", options).error, Catch::Contains("no preset named"));
    }
    SECTION("no such file")
    {
        CHECK(importOne(store, "missing.csv").outcome == FileOutcome::Rejected);
    }
    SECTION("not a CSV at all")
    {
        test::TempDir dir;
        const auto binary = dir.file("export.xlsx");
        {
            std::ofstream out(binary, std::ios::binary);
            out << std::string("PK\x03\x04\x14\x00\x06\x00", 8) << std::string(300, '\x01');
        }
        Importer importer(store);
        CHECK(importer.importFile(binary).outcome == FileOutcome::Rejected);
    }
    CHECK(test::dumpDatabase(store) == before);
}

TEST_CASE("a cancelled import leaves the database as it was", "[import]")
{
    struct CancelAtOnce : csv::ReadObserver {
        bool cancelRequested() override { return true; }
    } cancel;
    Store store = Store::openInMemory();
    const std::string before = test::dumpDatabase(store);
    ImportOptions options;
    options.observer = &cancel;
    const FileReport report = importOne(store, "caseboard_appointments.csv", options);
    CHECK(report.outcome == FileOutcome::Cancelled);
    CHECK(test::dumpDatabase(store) == before);
}

TEST_CASE("a dry run reports what would happen and writes nothing", "[import]")
{
    Store store = Store::openInMemory();
    const std::string before = test::dumpDatabase(store);
    ImportOptions options;
    options.dryRun = true;
    const FileReport report = importOne(store, "caseboard_appointments.csv", options);
    CHECK(report.imported());
    CHECK(report.added == 6);
    CHECK_FALSE(report.batchId);
    CHECK(test::dumpDatabase(store) == before);
}

TEST_CASE("an appointment ID twice in one file is a row problem", "[import]")
{
    test::TempDir dir;
    const auto file = dir.file("dup.csv");
    {
        std::ofstream out(file);
        out << "Appointment ID,Date,Client,Clinician,Status\n"
               "X-1,2026-03-02,Grace Liu,Nora Quinn,Attended\n"
               "X-1,2026-03-03,Grace Liu,Nora Quinn,No Show\n";
    }
    Store store = Store::openInMemory();
    Importer importer(store);
    const FileReport report = importer.importFile(file);
    CHECK(report.outcome == FileOutcome::Rejected);
    REQUIRE(report.issues.size() == 1);
    CHECK(report.issues[0].line == 3);
    CHECK_THAT(report.issues[0].reason, Catch::Contains("appears earlier"));
}

TEST_CASE("SimplePractice appointment status report, all three variants", "[import][simplepractice]")
{
    Store store = Store::openInMemory();
    const FileReport twenty = importOne(store, "sp_appointment_status_20.csv");
    INFO(twenty.error);
    REQUIRE(twenty.imported());
    CHECK(twenty.preset == "simplepractice-appointment-status");
    CHECK(twenty.added == 5);
    auto seen = appointmentsByKey(store);
    const Seen& ana = seen.at("2025-10-06|ana diaz|dr kandice n. cooper");
    CHECK(ana.a.fee == 16000);
    CHECK(ana.a.clientPaid == 2000);     // the first "Paid": the client's
    CHECK(ana.a.insurancePaid == 14000); // the second "Paid": the insurer's
    CHECK(ana.a.startMinute == 12 * 60);
    CHECK(ana.a.serviceCode == "90837");
    CHECK(ana.a.payer == "Tricare East (99727)");
    CHECK(ana.a.noteStatus == NoteStatus::Signed);
    CHECK(ana.a.status == StatusCategory::Scheduled); // unknown until the attendance report
    const Seen& mei = seen.at("2025-10-07|mei tanaka|marcus bell");
    CHECK(mei.a.insurancePaid == 19200);
    CHECK(seen.at("2025-10-06|jacob, jj, or jake kelly|dr kandice n. cooper").client == "Jacob, JJ, or Jake Kelly");
    CHECK(seen.at("2025-10-06|jacob, jj, or jake kelly|dr kandice n. cooper").a.noteStatus == NoteStatus::Unsigned);
    CHECK(seen.at("2025-10-09|samuel osei|marcus bell").a.serviceCode == "90846");
    // A blank Progress Note Status is "not signed" (only LOCKED is signed).
    CHECK(seen.at("2025-10-09|samuel osei|marcus bell").a.noteStatus == NoteStatus::Unsigned);

    const FileReport eighteen = importOne(store, "sp_appointment_status_18.csv");
    REQUIRE(eighteen.imported());
    CHECK(eighteen.unchanged == 1); // Ana on 10/06 again
    CHECK(eighteen.added == 1);
    const FileReport twelve = importOne(store, "sp_appointment_status_12.csv");
    REQUIRE(twelve.imported());
    seen = appointmentsByKey(store);
    const Seen& big = seen.at("2026-06-13|ana diaz|dr kandice n. cooper");
    CHECK(big.a.fee == 125000);
    CHECK_FALSE(big.a.insurancePaid); // the 12-column variant has no insurance share
    CHECK(big.a.clientPaid == 0);
}

TEST_CASE("SimplePractice attendance report, both column orders", "[import][simplepractice]")
{
    Store store = Store::openInMemory();
    const FileReport report = importOne(store, "sp_attendance.csv");
    INFO(report.error);
    REQUIRE(report.imported());
    CHECK(report.preset == "simplepractice-attendance");
    CHECK(report.rows == 6); // the summary row is not data
    CHECK(report.added == 6);
    auto seen = appointmentsByKey(store);
    CHECK(seen.at("2025-10-06|ana diaz|dr kandice n. cooper").a.status == StatusCategory::Completed);
    CHECK(seen.at("2025-10-06|jacob, jj, or jake kelly|dr kandice n. cooper").a.status
          == StatusCategory::LateCancel);
    CHECK(seen.at("2025-10-08|ana diaz|dr kandice n. cooper").a.status == StatusCategory::NoShow);
    CHECK(seen.at("2025-10-09|samuel osei|marcus bell").a.status == StatusCategory::Cancelled);
    CHECK(seen.at("2025-10-10|lena fischer|marcus bell").a.status == StatusCategory::ClinicianCancelled);
    CHECK(seen.at("2025-10-10|lena fischer|marcus bell").a.location.empty()); // "--"
    CHECK(seen.at("2025-10-06|ana diaz|dr kandice n. cooper").a.location == "Video Office");

    const FileReport other = importOne(store, "sp_attendance_order2.csv");
    REQUIRE(other.imported());
    CHECK(other.added == 3);
    seen = appointmentsByKey(store);
    CHECK(seen.at("2026-06-13|priya nair|dr kandice n. cooper").a.status == StatusCategory::LateCancel);
    CHECK(seen.at("2026-06-13|priya nair|dr kandice n. cooper").a.date == makeDay(2026, 6, 13));
}

TEST_CASE("SimplePractice's two reports merge in either order", "[import][simplepractice]")
{
    Store statusFirst = Store::openInMemory();
    REQUIRE(importOne(statusFirst, "sp_appointment_status_20.csv").imported());
    REQUIRE(importOne(statusFirst, "sp_attendance.csv").imported());

    Store attendanceFirst = Store::openInMemory();
    REQUIRE(importOne(attendanceFirst, "sp_attendance.csv").imported());
    const FileReport merge = importOne(attendanceFirst, "sp_appointment_status_20.csv");
    REQUIRE(merge.imported());
    CHECK(merge.updated == 5);
    CHECK(merge.added == 0);

    const auto a = appointmentsByKey(statusFirst);
    const auto b = appointmentsByKey(attendanceFirst);
    REQUIRE(a.size() == 6);
    REQUIRE(b.size() == 6);
    for (const auto& [key, seen] : a) {
        INFO(key);
        const Seen& other = b.at(key);
        CHECK(seen.client == other.client);
        CHECK(seen.clinician == other.clinician);
        CHECK(seen.a.status == other.a.status);
        CHECK(seen.a.rawStatus == other.a.rawStatus);
        CHECK(seen.a.fee == other.a.fee);
        CHECK(seen.a.clientPaid == other.a.clientPaid);
        CHECK(seen.a.insurancePaid == other.a.insurancePaid);
        CHECK(seen.a.noteStatus == other.a.noteStatus);
        CHECK(seen.a.location == other.a.location);
        CHECK(seen.a.startMinute == other.a.startMinute);
        CHECK(seen.a.serviceCode == other.a.serviceCode);
    }
    const Seen& ana = a.at("2025-10-06|ana diaz|dr kandice n. cooper");
    CHECK(ana.a.status == StatusCategory::Completed); // from attendance
    CHECK(ana.a.fee == 16000);                        // from the status report
    CHECK(ana.a.location == "Video Office");
    CHECK(ana.a.noteStatus == NoteStatus::Signed);
    CHECK(ana.a.startMinute == 12 * 60);
}

TEST_CASE("SimplePractice client details keep only what metrics need", "[import][simplepractice]")
{
    Store store = Store::openInMemory();
    REQUIRE(importOne(store, "sp_attendance.csv").imported());
    const FileReport report = importOne(store, "sp_client_details.csv");
    INFO(report.error);
    REQUIRE(report.imported());
    CHECK(report.preset == "simplepractice-client-details");
    CHECK(report.updated == 3); // the clients the attendance report created
    CHECK(std::find(report.ignoredColumns.begin(), report.ignoredColumns.end(), "Email")
          != report.ignoredColumns.end());
    const std::string dump = test::dumpDatabase(store);
    CHECK(dump.find("example.com") == std::string::npos);
    CHECK(dump.find("503-555") == std::string::npos);
    CHECK(dump.find("Elm St") == std::string::npos);
    bool found = false;
    for (const Client& c : store.clients()) {
        if (c.displayName == "Mei Tanaka") {
            found = true;
            CHECK(c.status == "Inactive");
            CHECK(c.dateAdded == makeDay(2025, 10, 1));
        }
    }
    CHECK(found);
}

TEST_CASE("SimplePractice payments are a ledger summed into appointments", "[import][simplepractice]")
{
    Store store = Store::openInMemory();
    REQUIRE(importOne(store, "sp_appointment_status_20.csv").imported());
    const FileReport payments = importOne(store, "sp_income_allocation.csv");
    INFO(payments.error);
    REQUIRE(payments.imported());
    CHECK(payments.preset == "simplepractice-income-allocation");
    CHECK(payments.added == 3);
    auto ana = appointmentsByKey(store).at("2025-10-08|ana diaz|dr kandice n. cooper");
    CHECK(ana.a.insurancePaid == 14000);
    CHECK(ana.a.clientPaid == 2000);

    const std::string before = test::dumpDatabase(store, false);
    const FileReport again = importOne(store, "sp_income_allocation.csv");
    CHECK(again.unchanged == 3);
    CHECK(test::dumpDatabase(store, false) == before);
    // The status report, imported again, does not undo the payments.
    REQUIRE(importOne(store, "sp_appointment_status_20.csv").imported());
    ana = appointmentsByKey(store).at("2025-10-08|ana diaz|dr kandice n. cooper");
    CHECK(ana.a.insurancePaid == 14000);
}

TEST_CASE("the team roster sets clinicians and goal periods", "[import][team]")
{
    Store store = Store::openInMemory();
    REQUIRE(importOne(store, "caseboard_appointments.csv").imported()); // creates Nora and Ivan
    const FileReport report = importOne(store, "caseboard_team.csv");
    INFO(report.error);
    REQUIRE(report.imported());
    CHECK(report.preset == "caseboard-team");
    CHECK(report.added == 1);   // Dana
    CHECK(report.updated == 2); // Nora, Ivan
    const auto nora = store.clinicianByName("Nora Quinn");
    REQUIRE(nora);
    CHECK(nora->clinicianType == "LCSW");
    CHECK(nora->supervisor == "Dana Whitfield");
    CHECK(nora->startDate == makeDay(2024, 1, 8));
    CHECK(nora->hourlyRate == 4800);
    const auto periods = store.goalPeriods();
    REQUIRE(periods.size() == 3);
    CHECK(periods[0].weeklyGoal == 24.0);
    CHECK(periods[0].from == makeDay(2024, 1, 8));

    CHECK(importOne(store, "caseboard_team.csv").unchanged == 3);
    CHECK(store.goalPeriods().size() == 3);

    // A new goal from a later date closes the open period the day before.
    test::TempDir dir;
    const auto later = dir.file("team.csv");
    {
        std::ofstream out(later);
        out << "Clinician,Type,Location,Supervisor,Start Date,End Date,Weekly Goal,Hourly Rate\n"
               "Nora Quinn,LCSW,Salem,Dana Whitfield,2026-07-06,,20,$48.00\n";
    }
    Importer importer(store);
    REQUIRE(importer.importFile(later).imported());
    std::vector<GoalPeriod> nora2;
    for (const GoalPeriod& p : store.goalPeriods())
        if (p.clinicianId == nora->id)
            nora2.push_back(p);
    REQUIRE(nora2.size() == 2);
    CHECK(nora2[0].to == makeDay(2026, 7, 5));
    CHECK(nora2[1].weeklyGoal == 20.0);
}

TEST_CASE("a saved column mapping reads another EHR's layout", "[import][mapping]")
{
    Store store = Store::openInMemory();
    {
        Importer importer(store);
        const auto mapping = parseColumnMapping("Appointment ID=Visit #; Date=Service Date; Client=Patient; "
                                                "Clinician=Therapist; Status=Visit Status; Fee=Amount; "
                                                "Charge Fee=Charge Fee");
        REQUIRE(mapping);
        importer.saveMapping("therapynotes", *mapping);
    }
    Importer importer(store); // the mapping comes back from the database
    REQUIRE(importer.catalog().byName("therapynotes"));
    const FileReport report = importer.importFile(test::importFixture("therapynotes_mapped.csv"));
    INFO(report.error);
    REQUIRE(report.imported());
    CHECK(report.preset == "therapynotes");
    const auto seen = appointmentsByKey(store);
    CHECK(seen.at("V-1").a.status == StatusCategory::Completed);
    CHECK(seen.at("V-1").a.startMinute == 9 * 60);
    CHECK(seen.at("V-2").a.status == StatusCategory::LateCancel); // cancelled, fee charged
    CHECK(seen.at("V-3").a.status == StatusCategory::Cancelled);  // missed, fee waived
    CHECK(seen.at("V-4").a.status == StatusCategory::Cancelled);
    CHECK(seen.at("V-2").a.fee == 16500);

    std::string error;
    CHECK_FALSE(parseColumnMapping("Colour=Hue", &error));
    CHECK_THAT(error, Catch::Contains("not a field"));
}

TEST_CASE("a practice's own status mapping is used", "[import][mapping]")
{
    test::TempDir dir;
    const auto file = dir.file("custom.csv");
    {
        std::ofstream out(file);
        out << "Date,Client,Clinician,Status\n2026-03-02,Grace Liu,Nora Quinn,Telehealth no-show\n";
    }
    Store store = Store::openInMemory();
    {
        Importer importer(store);
        CHECK(importer.importFile(file).outcome == FileOutcome::Rejected);
    }
    StatusMap map;
    map.set("Telehealth no-show", StatusCategory::NoShow);
    map.save(store);
    Importer importer(store);
    const FileReport report = importer.importFile(file);
    REQUIRE(report.imported());
    CHECK(store.appointments().at(0).status == StatusCategory::NoShow);
    CHECK(store.appointments().at(0).rawStatus == "Telehealth no-show");
}

TEST_CASE("an export imported into an empty database gives the same appointments", "[import][export]")
{
    test::TempDir dir;
    Store original = Store::openInMemory();
    REQUIRE(importOne(original, "caseboard_appointments.csv").imported());
    REQUIRE(importOne(original, "sp_attendance.csv").imported());
    REQUIRE(importOne(original, "sp_appointment_status_20.csv").imported());

    const auto file = dir.file("export.csv");
    {
        std::ofstream out(file, std::ios::binary);
        CHECK(exportAppointments(original, out) == 12);
    }
    Store copy = Store::openInMemory();
    Importer importer(copy);
    const FileReport report = importer.importFile(file);
    INFO(report.error);
    REQUIRE(report.imported());
    CHECK(report.preset == "caseboard-appointments");
    CHECK(report.added == 12);

    auto describe = [](Store& store) {
        std::multiset<std::string> rows;
        std::map<RowId, std::string> clients;
        for (const Client& c : store.clients())
            clients[c.id] = c.displayName;
        std::map<RowId, std::string> clinicians;
        for (const Clinician& c : store.clinicians())
            clinicians[c.id] = c.name;
        for (const Appointment& a : store.appointments()) {
            std::ostringstream row;
            row << formatIsoDay(a.date) << '|' << a.startMinute.value_or(-1) << '|' << a.durationMinutes << '|'
                << clients[a.clientId] << '|' << clinicians[a.clinicianId] << '|' << a.serviceCode << '|'
                << statusCategoryName(a.status) << '|' << a.rawStatus << '|' << a.location << '|'
                << a.fee.value_or(-1) << '|' << a.clientPaid.value_or(-1) << '|' << a.insurancePaid.value_or(-1)
                << '|' << a.payer << '|' << noteStatusName(a.noteStatus);
            rows.insert(row.str());
        }
        return rows;
    };
    CHECK(describe(copy) == describe(original));
}

TEST_CASE("initials stand in for names in privacy mode", "[import][export]")
{
    CHECK(initialsOf("Ana Maria Diaz") == "A. M. D.");
    CHECK(initialsOf("Jacob, JJ, or Jake Kelly") == "J. J. o. J. K.");
    CHECK(initialsOf("Zoë Ångström") == "Z. Å.");
    CHECK(initialsOf("") == "");
}

TEST_CASE("a first import into a file database leaves it in WAL mode", "[import]")
{
    test::TempDir dir;
    const auto path = dir.file("practice.db");
    {
        Store store = Store::open(path);
        Importer importer(store);
        REQUIRE(importer.importFile(test::importFixture("caseboard_appointments.csv")).imported());
        auto mode = store.connection().prepare("PRAGMA journal_mode");
        REQUIRE(mode.step());
        CHECK(mode.text(0) == "wal");
        CHECK(store.connection().queryInt("PRAGMA page_size") == 16384);
    }
    {
        // With a second connection open, the journal mode cannot change: still imported.
        Store store = Store::open(path);
        Store reader = Store::open(path, Store::Access::ReadOnly);
        CHECK(reader.counts().appointments == 6);
        store.connection().exec("DELETE FROM appointments");
        Importer importer(store);
        REQUIRE(importer.importFile(test::importFixture("caseboard_appointments.csv")).imported());
        CHECK(reader.counts().appointments == 6);
    }
    Store reopened = Store::open(path);
    CHECK(reopened.counts().appointments == 6);
    auto check = reopened.connection().prepare("PRAGMA integrity_check");
    REQUIRE(check.step());
    CHECK(check.text(0) == "ok");
}
