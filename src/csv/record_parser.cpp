#include "record_parser.h"

#include <utility>

namespace caseboard::csv::detail {

namespace {

bool isLineEnd(char c) { return c == '\n' || c == '\r'; }

} // namespace

RecordParser::RecordParser(char delimiter, const ReaderOptions& options, const RowHandler& onRow)
    : delimiter_(delimiter)
    , quote_(options.quote)
    , maxFieldBytes_(options.maxFieldBytes)
    , maxRecordBytes_(options.maxRecordBytes)
    , maxFields_(options.maxFieldsPerRecord)
    , skipEmptyLines_(options.skipEmptyLines)
    , onRow_(onRow)
{
    // The inner loops only look a byte up in a table to find where a run of ordinary
    // bytes ends.
    for (const char c : {delimiter, '\r', '\n'})
        endsUnquotedRun_[static_cast<unsigned char>(c)] = true;
    for (const char c : {options.quote, '\r', '\n'})
        endsQuotedRun_[static_cast<unsigned char>(c)] = true;
}

RecordParser::Status RecordParser::feed(std::string_view text)
{
    const char* p = text.data();
    const char* const end = p + text.size();
    while (p != end) {
        switch (state_) {
        case State::RecordStart:
            recordLine_ = line_;
            if (isLineEnd(*p)) {
                const char c = *p++;
                ++line_;
                state_ = c == '\r' ? State::AfterCr : State::RecordStart;
                if (!skipEmptyLines_) {
                    spanBegin_ = spanEnd_ = p;
                    if (!endField())
                        return Status::Failed;
                    if (const Status s = endRecord(); s != Status::Ok)
                        return s;
                }
                continue;
            }
            state_ = State::FieldStart;
            [[fallthrough]];

        case State::FieldStart:
            if (Status status = Status::Ok; readSimpleFields(p, end, status)) {
                if (status != Status::Ok)
                    return status;
                continue;
            }
            // Anything the fast path would not take, from the field's first byte on.
            fieldLine_ = line_;
            if (*p == quote_) {
                ++p;
                spanBegin_ = spanEnd_ = p;
                state_ = State::Quoted;
                continue;
            }
            spanBegin_ = spanEnd_ = p;
            state_ = State::Unquoted;
            [[fallthrough]];

        case State::Unquoted: {
            // Lenient like Excel: a quote inside an unquoted field is just a character.
            const char* run = p;
            while (p != end && !endsUnquotedRun_[static_cast<unsigned char>(*p)])
                ++p;
            if (!extend(run, p))
                return Status::Failed;
            if (p == end)
                break;
            const char c = *p++;
            if (!endField())
                return Status::Failed;
            if (c == delimiter_) {
                state_ = State::FieldStart;
                continue;
            }
            ++line_;
            state_ = c == '\r' ? State::AfterCr : State::RecordStart;
            if (const Status s = endRecord(); s != Status::Ok)
                return s;
            continue;
        }

        case State::Quoted: {
            // Line ends inside quotes belong to the field, but still count as lines so
            // the records after them are numbered by the line a text editor shows.
            const char* run = p;
            bool crAtEnd = false;
            for (;;) {
                while (p != end && !endsQuotedRun_[static_cast<unsigned char>(*p)])
                    ++p;
                if (p == end || *p == quote_)
                    break;
                const char c = *p++;
                ++line_;
                if (c == '\r') {
                    if (p == end) {
                        crAtEnd = true;
                        break;
                    }
                    if (*p == '\n')
                        ++p;
                }
            }
            if (!extend(run, p))
                return Status::Failed;
            if (p == end) {
                state_ = crAtEnd ? State::QuotedAfterCr : State::Quoted;
                break;
            }
            ++p;
            state_ = State::QuoteInQuoted;
            continue;
        }

        case State::QuotedAfterCr:
            state_ = State::Quoted;
            if (*p == '\n') {
                if (!extend(p, p + 1))
                    return Status::Failed;
                ++p;
            }
            continue;

        case State::QuoteInQuoted:
            if (*p == quote_) {
                // "" is one quote. Keep the second: the first may lie in the text fed
                // before, and the rest of the field follows the second directly.
                if (!extend(p, p + 1))
                    return Status::Failed;
                ++p;
                state_ = State::Quoted;
                continue;
            }
            // The field closed. Text up to the next delimiter joins it, as Excel reads
            // "abc"def; a delimiter or line end is handled where unquoted fields end.
            state_ = State::Unquoted;
            continue;

        case State::AfterCr:
            state_ = State::RecordStart;
            if (*p == '\n')
                ++p;
            continue;
        }
    }
    spill();
    return Status::Ok;
}

RecordParser::Status RecordParser::finish()
{
    switch (state_) {
    case State::RecordStart:
    case State::AfterCr:
        return Status::Ok;
    case State::Quoted:
    case State::QuotedAfterCr:
        return fail(ReadErrorKind::UnterminatedQuote,
                    "unterminated quoted field starting on line " + std::to_string(fieldLine_) + " (record " +
                        std::to_string(records_ + 1) + "): the file ends inside quotes");
    case State::FieldStart:
        spanBegin_ = spanEnd_ = nullptr; // the empty field after a final delimiter
        break;
    case State::Unquoted:
    case State::QuoteInQuoted:
        break;
    }
    if (!endField())
        return Status::Failed;
    const Status s = endRecord();
    state_ = State::RecordStart;
    return s;
}

bool RecordParser::extend(const char* begin, const char* end)
{
    if (begin == spanEnd_) {
        spanEnd_ = end;
    } else {
        current_.append(spanBegin_, spanEnd_);
        spanBegin_ = begin;
        spanEnd_ = end;
    }
    const std::size_t fieldBytes = current_.size() + static_cast<std::size_t>(spanEnd_ - spanBegin_);
    if (fieldBytes <= maxFieldBytes_ && recordBytes_ + fieldBytes <= maxRecordBytes_)
        return true;
    // Report the limit the field's bytes cross first, as if read one at a time, so the
    // error does not depend on how the input was cut into chunks.
    const std::size_t recordRoom = maxRecordBytes_ > recordBytes_ ? maxRecordBytes_ - recordBytes_ : 0;
    return recordRoom < maxFieldBytes_ ? failRecordTooLong() : failFieldTooLong();
}

bool RecordParser::readSimpleFields(const char*& p, const char* end, Status& status)
{
    for (;;) {
        std::string_view field;
        const char* terminator;
        if (*p == quote_) {
            const char* q = p + 1;
            while (q != end && !endsQuotedRun_[static_cast<unsigned char>(*q)])
                ++q;
            if (q == end || *q != quote_ || q + 1 == end)
                return false;
            terminator = q + 1;
            if (*terminator != delimiter_ && !isLineEnd(*terminator))
                return false; // "" inside, or text after the closing quote
            field = std::string_view(p + 1, static_cast<std::size_t>(q - p - 1));
        } else {
            terminator = p;
            while (terminator != end && !endsUnquotedRun_[static_cast<unsigned char>(*terminator)])
                ++terminator;
            if (terminator == end)
                return false;
            field = std::string_view(p, static_cast<std::size_t>(terminator - p));
        }
        // Over a limit: the general path reads the field again and reports it.
        if (field.size() > maxFieldBytes_ || recordBytes_ + field.size() > maxRecordBytes_ ||
            fields_.size() == maxFields_)
            return false;

        fields_.push_back(field);
        recordBytes_ += field.size() + 1;
        const char c = *terminator;
        p = terminator + 1;
        if (c == delimiter_) {
            if (p == end) {
                state_ = State::FieldStart;
                return true;
            }
            continue;
        }
        ++line_;
        state_ = c == '\r' ? State::AfterCr : State::RecordStart;
        status = endRecord();
        return true;
    }
}

bool RecordParser::endField()
{
    if (fields_.size() == maxFields_)
        return failTooManyFields();
    const std::size_t spanBytes = static_cast<std::size_t>(spanEnd_ - spanBegin_);
    std::size_t fieldBytes = spanBytes;
    if (current_.empty()) {
        fields_.emplace_back(spanBegin_, spanBytes);
    } else {
        current_.append(spanBegin_, spanBytes);
        fieldBytes = current_.size();
        copiedFields_.push_back({fields_.size(), copied_.size(), fieldBytes});
        fields_.emplace_back();
        copied_.append(current_);
        current_.clear();
    }
    spanBegin_ = spanEnd_ = nullptr;
    // Each field brings a delimiter or the line end, so endless empty fields count too.
    recordBytes_ += fieldBytes + 1;
    if (recordBytes_ > maxRecordBytes_ + 1)
        return failRecordTooLong();
    return true;
}

RecordParser::Status RecordParser::endRecord()
{
    for (const CopiedField& copy : copiedFields_)
        fields_[copy.index] = std::string_view(copied_.data() + copy.offset, copy.size);
    ++records_;
    const RowAction action = onRow_(Row{fields_, records_, recordLine_});
    fields_.clear();
    copiedFields_.clear();
    copied_.clear();
    recordBytes_ = 0;
    return action == RowAction::Continue ? Status::Ok : Status::Stopped;
}

void RecordParser::spill()
{
    if (!fields_.empty() && copiedFields_.size() != fields_.size()) {
        std::vector<CopiedField> all;
        all.reserve(fields_.size());
        auto copied = copiedFields_.begin();
        for (std::size_t i = 0; i < fields_.size(); ++i) {
            if (copied != copiedFields_.end() && copied->index == i) {
                all.push_back(*copied++);
                continue;
            }
            all.push_back({i, copied_.size(), fields_[i].size()});
            copied_.append(fields_[i]);
        }
        copiedFields_.swap(all);
    }
    current_.append(spanBegin_, spanEnd_);
    spanBegin_ = spanEnd_ = nullptr;
}

bool RecordParser::failFieldTooLong()
{
    fail(ReadErrorKind::FieldTooLong, "field longer than " + describeByteCount(maxFieldBytes_) + " on line " +
                                          std::to_string(fieldLine_) + " (record " + std::to_string(records_ + 1) +
                                          ")");
    return false;
}

bool RecordParser::failRecordTooLong()
{
    fail(ReadErrorKind::RecordTooLong, "record longer than " + describeByteCount(maxRecordBytes_) +
                                           " starting on line " + std::to_string(recordLine_) + " (record " +
                                           std::to_string(records_ + 1) + ")");
    return false;
}

bool RecordParser::failTooManyFields()
{
    fail(ReadErrorKind::TooManyFields, "more than " + std::to_string(maxFields_) + " fields on line " +
                                           std::to_string(recordLine_) + " (record " + std::to_string(records_ + 1) +
                                           ")");
    return false;
}

RecordParser::Status RecordParser::fail(ReadErrorKind kind, std::string message)
{
    error_.kind = kind;
    error_.line = recordLine_;
    error_.record = records_ + 1;
    error_.message = std::move(message);
    return Status::Failed;
}

} // namespace caseboard::csv::detail
