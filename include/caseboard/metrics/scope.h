#pragma once
// What a metric is computed over (METRICS.md "Scope"): the whole practice, one
// clinician, or the clinicians sharing a location, supervisor or clinician type.

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace caseboard::metrics {

struct Snapshot;

struct Scope {
    enum class Kind { Practice, Clinician, Location, Supervisor, ClinicianType };

    Kind kind = Kind::Practice;
    std::size_t clinician = 0; // Kind::Clinician: index into Snapshot::clinicians
    std::string value;         // the location, supervisor or type (exact match)

    static Scope practice() { return {}; }
    static Scope oneClinician(std::size_t index) { return {Kind::Clinician, index, {}}; }
    static Scope location(std::string name) { return {Kind::Location, 0, std::move(name)}; }
    static Scope supervisor(std::string name) { return {Kind::Supervisor, 0, std::move(name)}; }
    static Scope clinicianType(std::string type) { return {Kind::ClinicianType, 0, std::move(type)}; }
};

// One byte per clinician of the snapshot: 1 when the clinician is in the scope. Bytes,
// not vector<bool>, because hot loops index it once per appointment.
using ClinicianMask = std::vector<std::uint8_t>;
ClinicianMask clinicianMask(const Snapshot& snapshot, const Scope& scope);

} // namespace caseboard::metrics
