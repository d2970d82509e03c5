#include "caseboard/import/importer.h"
#include "caseboard/store/store.h"

#include "temp_dir.h"

#include <catch2/catch.hpp>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>

using namespace caseboard;

TEST_CASE("client names never reach the log", "[logging][privacy]")
{
    // Capture everything the engine logs, at every level, while it imports files full
    // of client names, rejects bad rows and opens a file database.
    std::ostringstream captured;
    auto previous = spdlog::default_logger();
    auto capture = std::make_shared<spdlog::logger>(
        "capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(captured));
    capture->set_level(spdlog::level::trace);
    spdlog::set_default_logger(capture);
    spdlog::set_level(spdlog::level::trace);

    test::TempDir dir;
    {
        Store store = Store::open(dir.file("practice.db"));
        import::Importer importer(store);
        const std::filesystem::path fixtures = std::filesystem::path(CASEBOARD_FIXTURES_DIR) / "import";
        for (const char* file : {"caseboard_appointments.csv", "sp_attendance.csv", "sp_appointment_status_20.csv",
                                 "sp_client_details.csv", "sp_income_allocation.csv", "bad_rows.csv",
                                 "truncated_quote.csv"})
            importer.importFile(fixtures / file);
    }

    spdlog::set_default_logger(previous);
    spdlog::set_level(spdlog::level::warn);

    const std::string log = captured.str();
    CHECK_FALSE(log.empty()); // the imports were logged...
    for (const char* name : {"Grace Liu", "Omar Haddad", "Ruiz", "Ana Diaz", "Jacob", "Mei Tanaka", "Samuel Osei",
                             "Lena Fischer", "Hannah Berg", "ana diaz", "grace liu"}) {
        INFO(name);
        CHECK(log.find(name) == std::string::npos); // ...without a client's name
    }
}
