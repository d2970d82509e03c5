#pragma once
// The current time in UTC as text: import batches, rollbacks and backups are stamped
// with it, so the history reads the same on every machine whatever its time zone.

#include <string>

namespace caseboard {

// The current UTC time through strftime's `format`.
std::string utcNow(const char* format);
// "YYYY-MM-DDTHH:MM:SSZ" (ISO 8601), as import_batches stores it.
inline std::string utcIsoNow() { return utcNow("%Y-%m-%dT%H:%M:%SZ"); }

} // namespace caseboard
