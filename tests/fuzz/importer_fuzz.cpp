// libFuzzer target: the importer on arbitrary files, into a database that already holds
// a small practice. Whatever the bytes, the import either succeeds or leaves the
// database exactly as it was; it never crashes.

#include "caseboard/import/importer.h"
#include "caseboard/store/store.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

std::string dump(caseboard::Store& store)
{
    std::string text;
    for (const char* table : {"clinicians", "goal_periods", "clients", "appointments", "payments", "import_batches"}) {
        auto rows = store.connection().prepare(std::string("SELECT * FROM ") + table + " ORDER BY 1");
        while (rows.step()) {
            for (int i = 0; i < rows.columnCount(); ++i)
                text += rows.text(i) + '|';
            text += '\n';
        }
    }
    return text;
}

const std::filesystem::path& inputFile()
{
    static const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("caseboard-fuzz-" + std::to_string(::getpid()) + ".csv");
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace caseboard;
    {
        std::ofstream out(inputFile(), std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    Store store = Store::openInMemory();
    {
        const std::string seed = inputFile().string() + ".seed";
        std::ofstream out(seed, std::ios::binary | std::ios::trunc);
        out << "Appointment ID,Date,Client,Clinician,Status,Fee\n"
               "S-1,2026-03-02,Grace Liu,Nora Quinn,Attended,165.00\n"
               "S-2,2026-03-03,Omar Haddad,Nora Quinn,No Show,120.00\n";
        out.close();
        import::Importer importer(store);
        importer.importFile(seed);
        std::filesystem::remove(seed);
    }
    const std::string before = dump(store);
    import::Importer importer(store);
    import::ImportOptions options;
    options.skipBadRows = size > 0 && (data[0] & 1);
    const import::FileReport report = importer.importFile(inputFile(), options);
    if (!report.imported() && dump(store) != before)
        __builtin_trap(); // a rejected file changed the database
    if (!report.imported() && report.error.empty())
        __builtin_trap(); // a rejection must say why
    return 0;
}
