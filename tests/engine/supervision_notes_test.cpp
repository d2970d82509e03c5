// The 1:1 goals and notes store (supervision_notes.h): saved per clinician and month,
// read back, replaced by a later save, and "the goals set at the last 1:1".

#include "caseboard/store/store.h"
#include "caseboard/team/supervision_notes.h"

#include "fixture_builders.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>

#include <optional>
#include <stdexcept>
#include <string>

using namespace caseboard;
using namespace caseboard::team;
using namespace caseboard::test;

TEST_CASE("supervision notes save, reload and replace per clinician and month", "[supervision]")
{
    TempDir dir;
    const auto path = dir.file("practice.db");
    RowId ava = 0;
    RowId ben = 0;
    {
        Store store = Store::open(path);
        ava = addClinician(store, "Ava", "LCSW", "North", "Sam", std::nullopt);
        ben = addClinician(store, "Ben", "LPC", "South", "Sam", std::nullopt);
        REQUIRE_FALSE(loadSupervisionNote(store, ava, "2025-05"));

        const SupervisionNote saved = saveSupervisionNote(store, ava, "2025-05", "Re-book every intake", "Good month");
        REQUIRE(saved.clinicianId == ava);
        REQUIRE(saved.month == "2025-05");
        REQUIRE(saved.updatedAt.size() == 20); // 2025-06-01T09:00:00Z
        REQUIRE(saved.updatedAt.back() == 'Z');
        saveSupervisionNote(store, ben, "2025-05", "Ben's goals", "");
    }
    // Stored in the database: a new connection reads them back.
    Store store = Store::open(path);
    const auto note = loadSupervisionNote(store, ava, "2025-05");
    REQUIRE(note);
    REQUIRE(note->goals == "Re-book every intake");
    REQUIRE(note->notes == "Good month");
    REQUIRE(loadSupervisionNote(store, ben, "2025-05")->goals == "Ben's goals");
    REQUIRE_FALSE(loadSupervisionNote(store, ava, "2025-06"));

    // A second save of the same month replaces it.
    saveSupervisionNote(store, ava, "2025-05", "Fewer late cancels", "Revised\nover two lines");
    REQUIRE(loadSupervisionNote(store, ava, "2025-05")->goals == "Fewer late cancels");
    REQUIRE(loadSupervisionNote(store, ava, "2025-05")->notes == "Revised\nover two lines");
    REQUIRE(store.connection().queryInt("SELECT count(*) FROM supervision_notes") == 2);

    const auto month = supervisionNotesOfMonth(store, "2025-05");
    REQUIRE(month.size() == 2);
    REQUIRE(month[0].clinicianId == std::min(ava, ben));
    REQUIRE(supervisionNotesOfMonth(store, "2025-04").empty());
}

TEST_CASE("the goals of the last 1:1 are the latest earlier month with goals", "[supervision]")
{
    Store store = Store::openInMemory();
    const RowId ava = addClinician(store, "Ava", "LCSW", "North", "Sam", std::nullopt);
    const RowId ben = addClinician(store, "Ben", "LPC", "South", "Sam", std::nullopt);

    REQUIRE_FALSE(lastGoalsBefore(store, ava, "2025-06"));
    saveSupervisionNote(store, ava, "2024-12", "December goals", "");
    saveSupervisionNote(store, ava, "2025-03", "March goals", "");
    saveSupervisionNote(store, ava, "2025-04", "  \n ", "notes only, no goals"); // blank goals are skipped
    saveSupervisionNote(store, ava, "2025-06", "June goals", "");               // not earlier
    saveSupervisionNote(store, ben, "2025-05", "Ben's goals", "");              // another clinician

    const auto last = lastGoalsBefore(store, ava, "2025-06");
    REQUIRE(last);
    REQUIRE(last->month == "2025-03");
    REQUIRE(last->goals == "March goals");
    // Across a year boundary.
    REQUIRE(lastGoalsBefore(store, ava, "2025-01")->month == "2024-12");
    REQUIRE_FALSE(lastGoalsBefore(store, ava, "2024-12"));
    REQUIRE(lastGoalsBefore(store, ava, "2025-07")->month == "2025-06");
}

TEST_CASE("supervision notes refuse a month that is not YYYY-MM", "[supervision]")
{
    Store store = Store::openInMemory();
    const RowId ava = addClinician(store, "Ava", "LCSW", "North", "Sam", std::nullopt);
    REQUIRE_THROWS_AS(saveSupervisionNote(store, ava, "2025-6", "g", "n"), std::invalid_argument);
    REQUIRE_THROWS_AS(loadSupervisionNote(store, ava, "June"), std::invalid_argument);
    REQUIRE_THROWS_AS(lastGoalsBefore(store, ava, "2025-13"), std::invalid_argument);
    REQUIRE(store.connection().queryInt("SELECT count(*) FROM supervision_notes") == 0);
}
