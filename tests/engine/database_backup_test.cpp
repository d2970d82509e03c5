#include "caseboard/import/importer.h"
#include "caseboard/store/database_backup.h"
#include "caseboard/store/schema.h"
#include "caseboard/store/store.h"

#include "database_dump.h"
#include "import_fixtures.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace caseboard;

namespace {

void importFixture(Store& store, const std::string& name)
{
    import::Importer importer(store);
    const import::FileReport report = importer.importFile(test::importFixture(name));
    INFO(report.error);
    REQUIRE(report.imported());
}

} // namespace

TEST_CASE("a backup restored gives back the database exactly", "[store][backup]")
{
    test::TempDir dir;
    Store store = Store::open(dir.file("practice.db"));
    importFixture(store, "caseboard_appointments.csv");
    const std::string before = test::dumpDatabase(store);

    const BackupInfo backup = backupDatabase(store, dir.file("backups"));
    REQUIRE(std::filesystem::is_regular_file(backup.path));
    CHECK(backup.path.parent_path() == dir.file("backups"));
    CHECK_THAT(backup.path.filename().string(), Catch::StartsWith("practice-") && Catch::EndsWith(".db"));
    CHECK(backup.createdAt.size() == 20);
    CHECK(backup.bytes > 0);
    using std::filesystem::perms;
    CHECK((std::filesystem::status(backup.path).permissions() & perms::all) == (perms::owner_read | perms::owner_write));
    CHECK((std::filesystem::status(dir.file("backups")).permissions() & perms::all) == perms::owner_all);
    CHECK_FALSE(std::filesystem::exists(std::filesystem::path(backup.path).concat(".partial")));

    const auto listed = listBackups(dir.file("backups"), store.path());
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].path == backup.path);
    CHECK(listed[0].createdAt == backup.createdAt);

    importFixture(store, "caseboard_team.csv");
    store.setSetting("practice_name", SettingValue(std::string("Changed")));
    REQUIRE(test::dumpDatabase(store) != before);

    restoreBackup(store, backup.path);
    CHECK(test::dumpDatabase(store) == before);
    CHECK(store.schemaVersion() == kSchemaVersion);
    {
        auto mode = store.connection().prepare("PRAGMA journal_mode");
        REQUIRE(mode.step());
        CHECK(mode.text(0) == "wal"); // the backup's own mode does not come with it
    }

    // The store goes on working on the restored content.
    importFixture(store, "caseboard_team.csv");
    CHECK(store.clinicians().size() == 3);
}

TEST_CASE("backups beyond the number kept are deleted, oldest first", "[store][backup]")
{
    test::TempDir dir;
    Store store = Store::open(dir.file("practice.db"));
    std::vector<BackupInfo> made;
    for (int i = 0; i < 12; ++i)
        made.push_back(backupDatabase(store, dir.file("backups"), 10));
    const auto listed = listBackups(dir.file("backups"), store.path());
    REQUIRE(listed.size() == 10);
    CHECK(listed.front().path == made.back().path); // newest first
    CHECK(listed.back().path == made[2].path);
    CHECK_FALSE(std::filesystem::exists(made[0].path));
    CHECK_FALSE(std::filesystem::exists(made[1].path));

    // Another database's backups in the same folder are neither listed nor deleted.
    Store other = Store::open(dir.file("other.db"));
    backupDatabase(other, dir.file("backups"), 1);
    CHECK(listBackups(dir.file("backups"), store.path()).size() == 10);
    CHECK(listBackups(dir.file("backups"), other.path()).size() == 1);
}

TEST_CASE("a file that is not a Caseboard database is refused and changes nothing", "[store][backup]")
{
    test::TempDir dir;
    Store store = Store::open(dir.file("practice.db"));
    importFixture(store, "caseboard_appointments.csv");
    const std::string before = test::dumpDatabase(store);

    SECTION("not SQLite")
    {
        const auto file = dir.file("practice-20260101-000000.db");
        std::ofstream(file) << "Appointment ID,Date\nnot a database at all, padded to look like one\n";
        CHECK_THROWS_WITH(restoreBackup(store, file), Catch::Contains("not a Caseboard database"));
    }
    SECTION("SQLite, but another program's")
    {
        const auto file = dir.file("other.db");
        {
            sql::Connection other(file);
            other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); PRAGMA user_version = 2");
        }
        CHECK_THROWS_WITH(restoreBackup(store, file), Catch::Contains("not a Caseboard database"));
    }
    SECTION("written by a newer Caseboard")
    {
        const BackupInfo backup = backupDatabase(store, dir.file("backups"));
        {
            sql::Connection copy(backup.path);
            copy.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion + 1));
        }
        CHECK_THROWS_WITH(restoreBackup(store, backup.path), Catch::Contains("newer Caseboard"));
    }
    SECTION("missing")
    {
        CHECK_THROWS_WITH(restoreBackup(store, dir.file("nothing.db")), Catch::Contains("no such file"));
    }
    CHECK(test::dumpDatabase(store) == before);
}
