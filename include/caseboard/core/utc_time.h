#pragma once
// The wall clock in UTC, as text: when an import ran, when it was rolled back, what a
// backup's file is called. The metrics never read the clock; only these records do.

#include <ctime>
#include <string>

namespace caseboard {

// strftime of `when` in UTC; the default format is ISO 8601, "2026-03-02T09:15:00Z".
std::string formatUtc(std::time_t when, const char* format = "%Y-%m-%dT%H:%M:%SZ");
std::string utcNow();

} // namespace caseboard
