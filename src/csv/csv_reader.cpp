#include "caseboard/csv/csv_reader.h"

#include "caseboard/csv/delimiter_sniffer.h"
#include "record_parser.h"
#include "text_decoder.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <istream>
#include <stdexcept>
#include <system_error>
#include <vector>

namespace caseboard::csv {

void ReadObserver::progressed(std::uint64_t, std::optional<std::uint64_t>) {}
bool ReadObserver::cancelRequested() { return false; }

std::string describeByteCount(std::size_t bytes)
{
    if (bytes >= kMiB && bytes % kMiB == 0)
        return std::to_string(bytes / kMiB) + " MiB";
    if (bytes >= kKiB && bytes % kKiB == 0)
        return std::to_string(bytes / kKiB) + " KiB";
    return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

namespace {

// Encoding and delimiter are decided on this much of the file's start, whatever the
// chunk size, so the decision does not depend on how the input is cut.
constexpr std::size_t kSampleBytes = 64 * kKiB;
// The longest character a chunk boundary can cut: a UTF-16 surrogate pair minus a byte.
constexpr std::size_t kMaxCarry = 3;

void validate(const ReaderOptions& options)
{
    if (options.delimiter) {
        const char d = *options.delimiter;
        if (d == options.quote || d == '\r' || d == '\n')
            throw std::invalid_argument("CSV delimiter cannot be the quote character, CR or LF");
    }
    if (options.quote == '\r' || options.quote == '\n')
        throw std::invalid_argument("CSV quote character cannot be CR or LF");
    if (options.maxFieldBytes == 0 || options.maxRecordBytes == 0 || options.maxFieldsPerRecord == 0 ||
        options.chunkBytes == 0)
        throw std::invalid_argument("CSV reader limits and chunk size must be positive");
}

// The input's size from the current position, for streams that can tell.
std::optional<std::uint64_t> remainingSize(std::istream& input)
{
    const std::streampos start = input.tellg();
    if (start == std::streampos(-1))
        return std::nullopt;
    input.seekg(0, std::ios::end);
    const std::streampos end = input.tellg();
    input.clear();
    input.seekg(start);
    if (end == std::streampos(-1) || end < start)
        return std::nullopt;
    return static_cast<std::uint64_t>(end - start);
}

// Serves the input in chunks: first the sample already read for detection, then the
// rest of the stream.
class ChunkSource {
public:
    ChunkSource(std::istream& input, std::string_view head, bool headIsAll)
        : input_(input), head_(head), streamEnded_(headIsAll)
    {
    }

    std::size_t read(char* into, std::size_t size)
    {
        const std::size_t fromHead = std::min(size, head_.size());
        std::memcpy(into, head_.data(), fromHead);
        head_.remove_prefix(fromHead);
        std::size_t got = fromHead;
        if (got < size && !streamEnded_) {
            input_.read(into + got, static_cast<std::streamsize>(size - got));
            got += static_cast<std::size_t>(input_.gcount());
            if (input_.eof())
                streamEnded_ = true;
            else if (input_.fail())
                failed_ = streamEnded_ = true;
        }
        return got;
    }

    bool ended() const { return head_.empty() && streamEnded_; }
    bool failed() const { return failed_; }

private:
    std::istream& input_;
    std::string_view head_;
    bool streamEnded_;
    bool failed_ = false;
};

ReadError readFailure(std::string message) { return {ReadErrorKind::ReadFailed, 0, 0, std::move(message)}; }

} // namespace

ReadResult readCsv(std::istream& input, const ReaderOptions& options, const RowHandler& onRow,
                   ReadObserver* observer)
{
    validate(options);
    ReadObserver noObserver;
    ReadObserver& watch = observer ? *observer : noObserver;
    ReadResult result;
    const auto fail = [&result](ReadError error) -> ReadResult& {
        result.outcome = ReadOutcome::Failed;
        result.error = std::move(error);
        return result;
    };

    const std::optional<std::uint64_t> totalBytes = remainingSize(input);
    if (watch.cancelRequested()) {
        result.outcome = ReadOutcome::Cancelled;
        return result;
    }
    std::string head(kSampleBytes, '\0');
    input.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(input.gcount()));
    if (input.fail() && !input.eof())
        return fail(readFailure("the file could not be read"));
    const bool headIsAll = input.eof();

    std::size_t bomSize = 0;
    std::optional<detail::TextDecoder> decoder;
    if (options.encoding) {
        const std::string_view bom = byteOrderMark(*options.encoding);
        bomSize = std::string_view(head).starts_with(bom) ? bom.size() : 0;
        decoder = detail::TextDecoder::forced(*options.encoding);
    } else {
        const EncodingGuess guess = detectEncoding(head, headIsAll);
        bomSize = guess.bomSize;
        decoder = detail::TextDecoder::detected(guess);
    }
    const std::string_view content = std::string_view(head).substr(bomSize);

    char delimiter = options.delimiter.value_or(',');
    if (!options.delimiter) {
        detail::TextDecoder sampleDecoder = *decoder; // a copy: the real one starts afresh
        const auto step = sampleDecoder.decode(content, headIsAll);
        const bool wholeFile = headIsAll && !step.error && step.consumed == content.size();
        delimiter = sniffDelimiter(step.text, wholeFile, options.quote);
    }
    result.delimiter = delimiter;

    detail::RecordParser parser(delimiter, options, onRow);
    ChunkSource source(input, content, headIsAll);
    std::vector<char> buffer(options.chunkBytes + kMaxCarry);
    std::size_t carry = 0;
    result.bytesRead = bomSize;
    bool reported = false;
    for (;;) {
        if (watch.cancelRequested()) {
            result.outcome = ReadOutcome::Cancelled;
            break;
        }
        const std::size_t got = source.read(buffer.data() + carry, options.chunkBytes);
        if (source.failed()) {
            fail(readFailure("the file could not be read past byte " + std::to_string(result.bytesRead + got)));
            break;
        }
        result.bytesRead += got;
        const bool isLast = source.ended();
        const std::string_view bytes(buffer.data(), carry + got);
        const detail::TextDecoder::Step step = decoder->decode(bytes, isLast);

        detail::RecordParser::Status status = parser.feed(step.text);
        if (status == detail::RecordParser::Status::Ok && step.error) {
            // The parser has taken everything before the bad bytes, so its line is theirs.
            std::string message = *step.error + " on line " + std::to_string(parser.line()) + " (record " +
                                  std::to_string(parser.records() + 1) + ")";
            if (decoder->encoding() == Encoding::Utf8)
                message += "; if the file was saved from Excel, choose Windows-1252";
            fail({ReadErrorKind::InvalidEncoding, parser.line(), parser.records() + 1, std::move(message)});
            break;
        }
        if (status == detail::RecordParser::Status::Ok && isLast)
            status = parser.finish();
        if (status == detail::RecordParser::Status::Stopped) {
            result.outcome = ReadOutcome::Stopped;
            break;
        }
        if (status == detail::RecordParser::Status::Failed) {
            fail(parser.error());
            break;
        }

        carry = bytes.size() - step.consumed;
        std::memmove(buffer.data(), buffer.data() + step.consumed, carry);
        if (got > 0 || !reported) {
            watch.progressed(result.bytesRead, totalBytes);
            reported = true;
        }
        if (isLast)
            break;
    }

    result.records = parser.records();
    result.encoding = decoder->encoding();
    result.bytesReadAsWindows1252 = decoder->bytesReadAsWindows1252();
    return result;
}

ReadResult readCsvFile(const std::filesystem::path& path, const ReaderOptions& options, const RowHandler& onRow,
                       ReadObserver* observer)
{
    validate(options);
    errno = 0;
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        // The path stays out of the message: a file name can carry a client's name.
        std::string message = "the file could not be opened";
        if (errno != 0)
            message += " (" + std::generic_category().message(errno) + ")";
        ReadResult result;
        result.outcome = ReadOutcome::Failed;
        result.error = readFailure(std::move(message));
        return result;
    }
    return readCsv(file, options, onRow, observer);
}

} // namespace caseboard::csv
