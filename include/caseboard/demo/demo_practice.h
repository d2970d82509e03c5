#pragma once
// A deterministic demo practice: the same seed and options always produce the same
// database content. It stands in for a real practice in the first-start experience,
// the screenshots, the tests and the benchmarks (at 1,000,000 appointments).

#include "caseboard/core/day.h"

#include <cstdint>

namespace caseboard {

class Store;

struct DemoOptions {
    std::uint64_t seed = 1;
    Day end{};                 // last day of history; appointments continue ~4 weeks past it
    int years = 4;             // length of the history
    // Size of the practice. With `appointments` > 0 the clinician and client counts are
    // scaled so that the history holds about that many appointments.
    int clinicians = 25;
    int clients = 2500;
    std::int64_t appointments = 0;
};

struct DemoSummary {
    int clinicians = 0;
    int goalPeriods = 0;
    int clients = 0;
    std::int64_t appointments = 0;
    Day first{};
    Day last{};
};

// Writes the practice into an empty store in one transaction.
DemoSummary generateDemoPractice(Store& store, const DemoOptions& options);

} // namespace caseboard
