#pragma once
// Hands records to a writer thread in batches, so that parsing one part of a file and
// writing another run on both cores. While it runs, only the writer thread touches the
// database; records other than appointments (small files) are written in place once
// everything before them is.

#include "caseboard/import/preset.h"
#include "key_filter.h"
#include "store_sink.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace caseboard::import {

// A key that repeated in the file, found by the writer.
struct RepeatedKey {
    std::uint64_t line = 0;
    std::vector<std::string> fields;
};

class PipelinedSink final : public RecordSink {
public:
    explicit PipelinedSink(StoreSink& target);
    ~PipelinedSink() override; // abandons what is queued and joins the writer

    // The line and cells of the row being interpreted, for the writer's reports.
    void setRow(const csv::Row& row) { row_ = &row; }

    void appointment(AppointmentRecord& record) override;
    void client(const ClientRecord& record) override;
    void roster(const RosterRecord& record) override;
    void payment(const PaymentRecord& record) override;
    void staffHours(const StaffHoursRecord& record) override;

    // Waits until every record handed over is written. Rethrows what the writer threw.
    void drain();

    std::vector<RepeatedKey> repeatedKeys; // valid after drain()

private:
    struct Item {
        AppointmentRecord record;
        bool maybeRepeated = false;
        std::uint64_t line = 0;
        std::vector<std::string> fields; // kept only when maybeRepeated
    };
    // Items are overwritten in place from one use of a batch to the next, so their
    // strings keep their capacity and a row costs no allocation.
    struct Batch {
        std::vector<Item> items;
        std::size_t count = 0;
    };

    void run();
    void push();
    void rethrowIfFailed();

    StoreSink& target_;
    const csv::Row* row_ = nullptr;
    KeyFilter handedKeys_;

    std::unique_ptr<Batch> filling_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::unique_ptr<Batch>> full_;
    std::vector<std::unique_ptr<Batch>> spare_; // written batches, their strings' capacity kept
    bool busy_ = false;     // the writer holds a batch
    bool stopping_ = false;
    bool abandon_ = false;
    std::exception_ptr failure_;
    std::thread writer_;
};

} // namespace caseboard::import
