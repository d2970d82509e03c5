// libFuzzer target: the CSV reader on arbitrary bytes, with options drawn from the first
// bytes (encoding forced or detected, delimiter, chunk size, small caps), so that chunk
// boundaries, encodings and limits all meet malformed input.

#include "caseboard/csv/csv_reader.h"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 2)
        return 0;
    using namespace caseboard::csv;
    ReaderOptions options;
    const std::uint8_t a = data[0];
    const std::uint8_t b = data[1];
    if (a & 0x80)
        options.encoding = static_cast<Encoding>((a >> 5) & 0x3);
    if (a & 0x10)
        options.delimiter = ",;\t|"[a & 0x3];
    options.chunkBytes = 1 + (b % 97);
    options.maxFieldBytes = 16 + (b % 8) * 64;
    options.maxRecordBytes = options.maxFieldBytes * 4;
    options.skipEmptyLines = (b & 1) != 0;

    std::istringstream input(std::string(reinterpret_cast<const char*>(data + 2), size - 2));
    std::uint64_t fields = 0;
    const ReadResult result = readCsv(input, options, [&](const Row& row) {
        for (std::string_view field : row.fields)
            fields += field.size(); // touch every byte the reader hands out
        return RowAction::Continue;
    });
    if (result.outcome == ReadOutcome::Failed && !result.error)
        __builtin_trap(); // a failure must say why
    return 0;
}
