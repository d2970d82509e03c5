// Backups taken before an import: a consistent, owner-only copy; the oldest pruned; and
// a restore that puts the whole database back in place, or refuses and changes nothing.

#include "caseboard/import/importer.h"
#include "caseboard/store/database_backup.h"
#include "caseboard/store/schema.h"
#include "caseboard/store/store.h"

#include "database_dump.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>

using namespace caseboard;
using namespace caseboard::import;

namespace {

std::filesystem::path fixture(const std::string& name)
{
    return std::filesystem::path(CASEBOARD_FIXTURES_DIR) / "import" / name;
}

void importOne(Store& store, const std::string& name)
{
    Importer importer(store);
    const FileReport report = importer.importFile(fixture(name));
    INFO(report.error);
    REQUIRE(report.imported());
}

unsigned mode(const std::filesystem::path& path)
{
    struct stat status {};
    REQUIRE(::stat(path.c_str(), &status) == 0);
    return status.st_mode & 0777u;
}

} // namespace

TEST_CASE("a backup is an owner-only copy of the open database", "[backup]")
{
    test::TempDir dir;
    Store store = Store::open(dir.file("practice.db"));
    importOne(store, "caseboard_appointments.csv");
    const auto backups = dir.file("backups");

    const BackupInfo info = backupDatabase(store, backups);
    CHECK(info.path.parent_path() == backups);
    CHECK_THAT(info.path.filename().string(), Catch::Matches(R"(practice-\d{8}-\d{6}\.db)"));
    CHECK_THAT(info.createdAt, Catch::Matches(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"));
    CHECK(info.bytes == std::filesystem::file_size(info.path));
    CHECK(mode(backups) == 0700u);
    CHECK(mode(info.path) == 0600u);
    CHECK_FALSE(std::filesystem::exists(info.path.string() + ".partial"));

    Store copy = Store::open(info.path, Store::Access::ReadOnly);
    CHECK(test::dumpDatabase(copy) == test::dumpDatabase(store));

    const auto listed = listBackups(backups, store.path());
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].path == info.path);
    CHECK(listed[0].createdAt == info.createdAt);
}

TEST_CASE("backups beyond the number kept are deleted, oldest first", "[backup]")
{
    test::TempDir dir;
    Store store = Store::open(dir.file("practice.db"));
    const auto backups = dir.file("backups");
    std::filesystem::create_directories(backups);
    // Not backups of this database: left alone.
    std::ofstream(backups / "notes.txt") << "x";
    std::ofstream(backups / "other-20200101-000000.db") << "x";
    std::ofstream(backups / "practice-20200101-000000.db") << "x"; // an old one of ours

    const BackupInfo first = backupDatabase(store, backups, 2);
    const BackupInfo second = backupDatabase(store, backups, 2);
    const BackupInfo third = backupDatabase(store, backups, 2);
    CHECK(first.path != second.path);
    CHECK(second.path != third.path);

    const auto listed = listBackups(backups, store.path());
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].path == third.path); // newest first
    CHECK(listed[1].path == second.path);
    CHECK_FALSE(std::filesystem::exists(first.path));
    CHECK_FALSE(std::filesystem::exists(backups / "practice-20200101-000000.db"));
    CHECK(std::filesystem::exists(backups / "notes.txt"));

    // Many within one second: each is numbered after the newest, never into a gap a
    // pruned one left, so the newest is always listed first.
    std::vector<BackupInfo> made;
    for (int i = 0; i < 6; ++i)
        made.push_back(backupDatabase(store, backups, 3));
    const auto kept = listBackups(backups, store.path());
    REQUIRE(kept.size() == 3);
    CHECK(kept[0].path == made[5].path);
    CHECK(kept[1].path == made[4].path);
    CHECK(kept[2].path == made[3].path);
    CHECK(std::filesystem::exists(backups / "other-20200101-000000.db"));
}

TEST_CASE("restoring a backup puts the whole database back, in place", "[backup]")
{
    test::TempDir dir;
    Store store = Store::open(dir.file("practice.db"));
    importOne(store, "caseboard_appointments.csv");
    const std::string atBackup = test::dumpDatabase(store);
    const BackupInfo backup = backupDatabase(store, dir.file("backups"));

    importOne(store, "sp_attendance.csv");
    REQUIRE(test::dumpDatabase(store) != atBackup);
    restoreBackup(store, backup.path);
    CHECK(test::dumpDatabase(store) == atBackup);
    CHECK(store.schemaVersion() == kSchemaVersion);
    {
        auto journal = store.connection().prepare("PRAGMA journal_mode");
        REQUIRE(journal.step());
        CHECK(journal.text(0) == "wal");
    }

    // The same open store goes on working, and another connection sees the restore.
    importOne(store, "sp_attendance.csv");
    Store reader = Store::open(store.path(), Store::Access::ReadOnly);
    CHECK(test::dumpDatabase(reader) == test::dumpDatabase(store));
}

TEST_CASE("a file that is not a Caseboard backup is refused and changes nothing", "[backup]")
{
    test::TempDir dir;
    Store store = Store::open(dir.file("practice.db"));
    importOne(store, "caseboard_appointments.csv");
    const std::string before = test::dumpDatabase(store);

    const auto text = dir.file("notes-20260101-000000.db");
    std::ofstream(text) << "not a database at all, just some words to fill a page or two";
    CHECK_THROWS_WITH(restoreBackup(store, text),
                      Catch::Contains("notes-20260101-000000.db") && Catch::Contains("not a Caseboard database"));

    const auto foreign = dir.file("foreign.db");
    {
        sql::Connection other(foreign);
        other.exec("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)");
    }
    CHECK_THROWS_WITH(restoreBackup(store, foreign), Catch::Contains("not a Caseboard database"));
    CHECK_THROWS_WITH(restoreBackup(store, dir.file("missing.db")), Catch::Contains("no such file"));
    CHECK(test::dumpDatabase(store) == before);
}
