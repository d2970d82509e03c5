#pragma once
// The RFC 4180 state machine over UTF-8 text (private to src/csv). Text arrives in
// pieces cut anywhere, even inside a CRLF or a doubled quote; records leave through the
// row handler as views into the text itself where a field is contiguous in it, which
// is nearly always, so a record costs neither a copy nor an allocation.

#include "caseboard/csv/csv_reader.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace caseboard::csv::detail {

class RecordParser {
public:
    RecordParser(char delimiter, const ReaderOptions& options, const RowHandler& onRow);

    enum class Status { Ok, Stopped, Failed };
    Status feed(std::string_view text);
    // The input has ended: delivers a last record without a line end, or fails on an
    // open quote.
    Status finish();

    std::uint64_t records() const { return records_; }
    // The physical line the next byte fed would be on.
    std::uint64_t line() const { return line_; }
    // Valid after Status::Failed.
    const ReadError& error() const { return error_; }

private:
    enum class State {
        RecordStart,   // before a record; empty lines are skipped here
        FieldStart,    // after a delimiter, or at a record's first byte
        Unquoted,      // inside a field that did not open with a quote
        Quoted,        // inside a quoted field
        QuotedAfterCr, // inside a quoted field, right after a CR that may pair with an LF
        QuoteInQuoted, // after a quote inside a quoted field: closing, or the first of ""
        AfterCr,       // after a record ended by CR; an LF here belongs to the same line end
    };

    // The field being read is current_ (what had to be copied) followed by the span
    // [spanBegin_, spanEnd_) of the text being fed; extend() grows the span while the
    // field stays contiguous in that text, which is all of most fields.
    bool extend(const char* begin, const char* end);
    bool endField();
    // The common case, in one tight loop: fields that end, within the text, in a
    // delimiter or line end, unquoted or quoted without "" or a line break inside.
    // Returns at the first field that is anything else, in the state to go on with.
    bool readSimpleFields(const char*& p, const char* end, Status& status);
    Status endRecord();
    // Before the text being fed goes away, copies what the record in progress still
    // points to in it.
    void spill();
    Status fail(ReadErrorKind kind, std::string message);
    bool failFieldTooLong();
    bool failRecordTooLong();
    bool failTooManyFields();

    const char delimiter_;
    const char quote_;
    const std::size_t maxFieldBytes_;
    const std::size_t maxRecordBytes_;
    const std::size_t maxFields_;
    const bool skipEmptyLines_;
    const RowHandler& onRow_;
    std::array<bool, 256> endsUnquotedRun_{};
    std::array<bool, 256> endsQuotedRun_{};

    State state_ = State::RecordStart;
    std::uint64_t line_ = 1;
    std::uint64_t recordLine_ = 1;
    std::uint64_t fieldLine_ = 1;
    std::uint64_t records_ = 0;

    // Finished fields, as the handler will see them. Most are views into the text being
    // fed; the rest live in copied_, which may move as it grows, so their views are
    // only made in endRecord().
    std::vector<std::string_view> fields_;
    struct CopiedField {
        std::size_t index;  // into fields_
        std::size_t offset; // into copied_
        std::size_t size;
    };
    std::vector<CopiedField> copiedFields_;
    std::string copied_;  // finished fields of the record that could not stay views
    std::string current_; // the copied part of the field being read
    const char* spanBegin_ = nullptr;
    const char* spanEnd_ = nullptr;
    std::size_t recordBytes_ = 0; // finished fields plus one delimiter or line end each
    ReadError error_;
};

} // namespace caseboard::csv::detail
