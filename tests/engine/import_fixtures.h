#pragma once
// Shared by the import tests: where the export fixtures live, and a strict import of one
// file that fails the test unless it lands as one batch.

#include "caseboard/import/importer.h"
#include "caseboard/store/store.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

namespace caseboard::test {

inline std::filesystem::path importFixture(const std::string& name)
{
    return std::filesystem::path(CASEBOARD_FIXTURES_DIR) / "import" / name;
}

// Imports `path` with the default options and returns its batch.
inline RowId importAsBatch(Store& store, const std::filesystem::path& path)
{
    import::Importer importer(store);
    const import::FileReport report = importer.importFile(path);
    INFO(report.error);
    REQUIRE(report.imported());
    REQUIRE(report.batchId);
    return *report.batchId;
}

} // namespace caseboard::test
