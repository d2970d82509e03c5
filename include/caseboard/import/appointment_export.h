#pragma once
// Writes appointments in the caseboard-appointments layout, the one the generic import
// preset reads, so an export imported into an empty database gives the same
// appointments back. One extra column, "Category", carries the status category, so that
// practice-specific mappings (a charged "Canceled" that is a late cancel) survive.

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace caseboard {
class Store;
}

namespace caseboard::import {

struct ExportOptions {
    // Client names become initials ("Ana Diaz" -> "A. D."), for privacy mode.
    bool maskClientNames = false;
    // Called every few thousand rows with the count so far; return false to stop.
    std::function<bool(std::uint64_t)> progress;
};

// Every appointment, ordered by date and start time. Returns the rows written.
std::uint64_t exportAppointments(Store& store, std::ostream& out, const ExportOptions& options = {});

// "Ana Maria Diaz" -> "A. M. D.": what privacy mode shows instead of a name.
std::string initialsOf(std::string_view name);

} // namespace caseboard::import
