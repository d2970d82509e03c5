#include "caseboard/store/sqlite.h"

#include <catch2/catch.hpp>

using namespace caseboard;

TEST_CASE("statements bind, step and read typed columns", "[store][sqlite]")
{
    sql::Connection db(":memory:");
    db.exec("CREATE TABLE t (i INTEGER, r REAL, s TEXT)");
    auto insert = db.prepare("INSERT INTO t VALUES (?, ?, ?)");
    insert.bind(1, std::int64_t{1} << 40).bind(2, 2.5).bind(3, "héllo, \"world\"");
    insert.run();
    insert.bind(1, std::optional<int>{}).bind(2, 0.0).bindTextOrNull(3, "");
    insert.run();
    CHECK(db.changes() == 1);
    CHECK(db.lastInsertRowId() == 2);

    auto select = db.prepare("SELECT i, r, s FROM t ORDER BY rowid");
    REQUIRE(select.step());
    CHECK(select.int64(0) == (std::int64_t{1} << 40));
    CHECK(select.real(1) == 2.5);
    CHECK(select.text(2) == "héllo, \"world\"");
    REQUIRE(select.step());
    CHECK(select.isNull(0));
    CHECK_FALSE(select.optionalInt64(0));
    CHECK(select.isNull(2));
    CHECK(select.text(2).empty());
    CHECK_FALSE(select.step());
    CHECK(select.columnCount() == 3);
}

TEST_CASE("errors name what failed", "[store][sqlite]")
{
    sql::Connection db(":memory:");
    CHECK_THROWS_AS(db.prepare("SELECT * FROM missing"), sql::Error);
    CHECK_THROWS_WITH(db.exec("NOT SQL"), Catch::Contains("syntax error"));
    db.exec("CREATE TABLE u (x INTEGER UNIQUE)");
    db.exec("INSERT INTO u VALUES (1)");
    auto duplicate = db.prepare("INSERT INTO u VALUES (1)");
    CHECK_THROWS_WITH(duplicate.step(), Catch::Contains("UNIQUE"));
}

TEST_CASE("a transaction rolls back unless committed", "[store][sqlite]")
{
    sql::Connection db(":memory:");
    db.exec("CREATE TABLE t (x INTEGER)");
    {
        sql::Transaction transaction(db);
        db.exec("INSERT INTO t VALUES (1)");
    }
    CHECK(db.queryInt("SELECT count(*) FROM t") == 0);
    {
        sql::Transaction transaction(db);
        db.exec("INSERT INTO t VALUES (1)");
        transaction.commit();
    }
    CHECK(db.queryInt("SELECT count(*) FROM t") == 1);
    try {
        sql::Transaction transaction(db);
        db.exec("INSERT INTO t VALUES (2)");
        throw std::runtime_error("import failed midway");
    } catch (const std::runtime_error&) {
    }
    CHECK(db.queryInt("SELECT count(*) FROM t") == 1);
    CHECK_FALSE(db.queryInt("SELECT x FROM t WHERE x = 99"));
}

TEST_CASE("statements and connections move", "[store][sqlite]")
{
    sql::Connection first(":memory:");
    sql::Connection db = std::move(first);
    auto statement = db.prepare("SELECT 41 + 1");
    sql::Statement moved = std::move(statement);
    REQUIRE(moved.step());
    CHECK(moved.integer(0) == 42);
}
