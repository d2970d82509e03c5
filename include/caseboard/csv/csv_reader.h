#pragma once
// The streaming CSV reader: RFC 4180 over bytes in any encoding an EHR export comes in,
// handed to a callback one record at a time. Memory stays bounded whatever the file
// size, it never shows UI, and progress and cancel are interfaces a front end
// implements.
//
//     csv::ReaderOptions options;                 // detect encoding and delimiter
//     auto result = csv::readCsvFile(path, options, [&](const csv::Row& row) {
//         importer.add(row.fields);               // views die when this returns
//         return csv::RowAction::Continue;
//     }, &progressDialogBridge);
//     if (!result.ok()) show(result.error->message);
//
// Error messages name lines and records, never field contents: those are PHI.

#include "caseboard/csv/text_encoding.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace caseboard::csv {

inline constexpr std::size_t kKiB = 1024;
inline constexpr std::size_t kMiB = 1024 * kKiB;

struct ReaderOptions {
    // nullopt detects it (see detectEncoding); a value forces it, and then malformed
    // bytes are an error instead of being read as Windows-1252.
    std::optional<Encoding> encoding;
    // nullopt sniffs comma, semicolon or tab from the first records (sniffDelimiter).
    std::optional<char> delimiter;
    char quote = '"';
    // Longer fields and records fail the read with a clear error rather than eating
    // memory: a stray quote otherwise swallows the rest of the file into one field.
    // Sizes are in UTF-8 bytes after decoding.
    std::size_t maxFieldBytes = 1 * kMiB;
    std::size_t maxRecordBytes = 8 * kMiB;
    // EHR exports have tens of columns; this keeps a line of bare delimiters from
    // costing a view per byte.
    std::size_t maxFieldsPerRecord = 10000;
    // Lines with nothing on them are not records. Off, each is a record of one empty field.
    bool skipEmptyLines = true;
    // How much input is decoded and parsed at a time, and how often progress and cancel
    // are consulted. Detection always looks at the first 64 KiB, whatever this is.
    std::size_t chunkBytes = 64 * kKiB;
};

struct Row {
    // The record's fields as UTF-8, unquoted and unescaped. They point into the reader's
    // buffer and are valid only during the callback: copy what you keep.
    std::span<const std::string_view> fields;
    std::uint64_t record = 0; // 1-based; the header, if any, is record 1
    std::uint64_t line = 0;   // 1-based physical line the record starts on
};

enum class RowAction { Continue, Stop };

// Called once per record, on the reading thread. Exceptions it throws leave the reader.
using RowHandler = std::function<RowAction(const Row&)>;

// What a front end implements to show progress and offer cancel. Both are called on the
// reading thread between chunks, so a GUI forwards them through atomics or a queued
// signal. Defaults do nothing, so implement only what you need.
class ReadObserver {
public:
    virtual ~ReadObserver() = default;
    // Input bytes read so far, rising with each chunk and ending at the input's size;
    // totalBytes is known for files and seekable streams.
    virtual void progressed(std::uint64_t bytesRead, std::optional<std::uint64_t> totalBytes);
    // Polled before each chunk; true stops the read with ReadOutcome::Cancelled.
    virtual bool cancelRequested();
};

enum class ReadOutcome {
    Completed, // every record was read
    Stopped,   // the row handler returned RowAction::Stop
    Cancelled, // the observer asked to stop
    Failed,    // see ReadResult::error
};

enum class ReadErrorKind {
    UnterminatedQuote, // the input ends inside a quoted field
    FieldTooLong,      // over ReaderOptions::maxFieldBytes
    RecordTooLong,     // over ReaderOptions::maxRecordBytes
    TooManyFields,     // over ReaderOptions::maxFieldsPerRecord
    InvalidEncoding,   // bytes malformed in the forced encoding, or in UTF-16
    ReadFailed,        // the file could not be opened or read
};

struct ReadError {
    ReadErrorKind kind = ReadErrorKind::ReadFailed;
    // 1-based physical line where the failing record starts; for InvalidEncoding, the
    // line holding the bad bytes. 0 when no line was reached (the file did not open).
    std::uint64_t line = 0;
    std::uint64_t record = 0; // 1-based number of the failing record; 0 as for line
    // A sentence for people, e.g. "field longer than 1 MiB on line 40 (record 39)".
    std::string message;
};

struct ReadResult {
    ReadOutcome outcome = ReadOutcome::Completed;
    Encoding encoding = Encoding::Utf8; // as forced or detected (ASCII-only input: UTF-8)
    char delimiter = ',';               // as forced or sniffed
    std::uint64_t records = 0;          // records handed to the row handler
    std::uint64_t bytesRead = 0;        // input bytes read
    // Detected UTF-8 only: malformed bytes met later in the file, read as Windows-1252
    // rather than failing the import. Worth a warning when not zero.
    std::uint64_t bytesReadAsWindows1252 = 0;
    std::optional<ReadError> error; // set exactly when outcome is Failed

    bool ok() const { return outcome == ReadOutcome::Completed || outcome == ReadOutcome::Stopped; }
};

// Reads records from `input` until it ends, the handler stops, the observer cancels or
// an error occurs. The stream should be opened in binary mode. Throws
// std::invalid_argument for options that cannot work (the delimiter is the quote, CR
// or LF; a size is zero).
ReadResult readCsv(std::istream& input, const ReaderOptions& options, const RowHandler& onRow,
                   ReadObserver* observer = nullptr);

// The same over a file; a file that does not open is a ReadFailed error.
ReadResult readCsvFile(const std::filesystem::path& path, const ReaderOptions& options,
                       const RowHandler& onRow, ReadObserver* observer = nullptr);

// "1 MiB", "64 KiB", "300 bytes": how limits are named in error messages.
std::string describeByteCount(std::size_t bytes);

} // namespace caseboard::csv
