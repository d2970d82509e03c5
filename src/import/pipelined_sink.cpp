#include "pipelined_sink.h"

namespace caseboard::import {

namespace {
constexpr std::size_t kBatchSize = 512;
constexpr std::size_t kBatchesInFlight = 8; // bounds memory whatever the file's size
} // namespace

PipelinedSink::PipelinedSink(StoreSink& target) : target_(target), filling_(std::make_unique<Batch>())
{
    writer_ = std::thread([this] { run(); });
}

PipelinedSink::~PipelinedSink()
{
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
        abandon_ = true;
    }
    changed_.notify_all();
    writer_.join();
}

void PipelinedSink::appointment(AppointmentRecord& record)
{
    if (filling_->count == filling_->items.size())
        filling_->items.emplace_back();
    Item& item = filling_->items[filling_->count++];
    item.record = record;
    item.maybeRepeated = false;
    item.line = row_ ? row_->line : 0;
    // The filter runs here, on the reading thread: only a possible repeat of an EHR's own
    // key costs the writer a look-up, and only then are the row's cells kept.
    if (!record.sourceKey.empty()) {
        item.maybeRepeated = handedKeys_.mayContain(record.sourceKey);
        handedKeys_.add(record.sourceKey);
        if (item.maybeRepeated && row_)
            item.fields.assign(row_->fields.begin(), row_->fields.end());
    }
    if (filling_->count >= kBatchSize)
        push();
}

void PipelinedSink::push()
{
    if (filling_->count == 0)
        return;
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return full_.size() < kBatchesInFlight || failure_; });
    if (failure_)
        std::rethrow_exception(failure_);
    full_.push_back(std::move(filling_));
    if (!spare_.empty()) {
        filling_ = std::move(spare_.back());
        spare_.pop_back();
    } else {
        filling_ = std::make_unique<Batch>();
    }
    lock.unlock();
    changed_.notify_all();
}

void PipelinedSink::run()
{
    for (;;) {
        std::unique_ptr<Batch> batch;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [this] { return !full_.empty() || stopping_; });
            if (abandon_ || full_.empty())
                return;
            batch = std::move(full_.front());
            full_.pop_front();
            busy_ = true;
        }
        try {
            for (std::size_t i = 0; i < batch->count; ++i) {
                Item& item = batch->items[i];
                target_.duplicateKey = false;
                target_.write(item.record, item.maybeRepeated);
                if (target_.duplicateKey)
                    repeatedKeys.push_back({item.line, std::move(item.fields)});
            }
        } catch (...) {
            const std::lock_guard lock(mutex_);
            failure_ = std::current_exception();
            busy_ = false;
            changed_.notify_all();
            return;
        }
        for (std::size_t i = 0; i < batch->count; ++i)
            batch->items[i].fields.clear();
        batch->count = 0;
        {
            const std::lock_guard lock(mutex_);
            spare_.push_back(std::move(batch));
            busy_ = false;
        }
        changed_.notify_all();
    }
}

void PipelinedSink::drain()
{
    push();
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return (full_.empty() && !busy_) || failure_; });
    if (failure_)
        std::rethrow_exception(failure_);
}

void PipelinedSink::client(const ClientRecord& record)
{
    drain();
    target_.client(record);
}

void PipelinedSink::roster(const RosterRecord& record)
{
    drain();
    target_.roster(record);
}

void PipelinedSink::payment(const PaymentRecord& record)
{
    drain();
    target_.payment(record);
}

void PipelinedSink::staffHours(const StaffHoursRecord& record)
{
    drain();
    target_.staffHours(record);
}

} // namespace caseboard::import
