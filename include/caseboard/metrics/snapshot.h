#pragma once
// The in-memory snapshot every metric reads: the practice's clinicians, goal periods,
// clients, pairs and appointments as compact column arrays. Metrics are pure functions
// of a snapshot (DESIGN.md), so they never touch the database, and a million
// appointments fit in a few tens of megabytes that a pass over costs milliseconds.

#include "caseboard/core/day.h"
#include "caseboard/core/domain.h"
#include "caseboard/core/money.h"
#include "caseboard/core/note_status.h"
#include "caseboard/core/status.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caseboard {
class Store;
namespace sql { class Connection; }
} // namespace caseboard

namespace caseboard::metrics {

// A money column's value when the export did not carry it. Never a real amount: fees
// are cents and no practice charges -9.2e16 dollars.
inline constexpr Cents kUnknownCents = std::numeric_limits<Cents>::min();
// A paid amount the export did not carry counts as nothing received.
constexpr Cents knownOrZero(Cents cents) { return cents == kUnknownCents ? Cents{0} : cents; }
// A start-minute column's value when the appointment has no start time.
inline constexpr std::int16_t kUnknownStartMinute = -1;
// A goal period's last day when it is open-ended.
inline constexpr std::int32_t kOpenEndedSerial = std::numeric_limits<std::int32_t>::max();

// A weekly goal in force from `fromSerial` to `toSerial`, both inclusive day serials.
struct GoalSpan {
    std::int32_t fromSerial = 0;
    std::int32_t toSerial = kOpenEndedSerial;
    double weeklyGoal = 0.0;
};

struct SnapshotClinician {
    RowId id = 0;
    std::string name;
    std::string clinicianType;
    std::string location;
    std::string supervisor;
    std::optional<Day> startDate;
    std::optional<Day> endDate;
    std::vector<GoalSpan> goals; // by fromSerial
};

struct SnapshotClient {
    RowId id = 0;
    std::string displayName; // PHI: for display only, never logged
    std::string status;
    bool discharged = false; // the status says the file is closed (isDischargedStatus)
};

// One clinician with one client (METRICS.md "Pair"): a client seen by two clinicians is
// two pairs.
struct SnapshotPair {
    std::int32_t clinician = 0; // index into Snapshot::clinicians
    std::int32_t client = 0;    // index into Snapshot::clients
};

// Appointments as parallel columns, sorted by (day, clinician, start minute), so a
// window is a contiguous range found by binary search and the appointments of one
// clinician at one start time (a group) are adjacent. Row i of every column is the
// same appointment.
struct AppointmentColumns {
    std::vector<std::int32_t> daySerial;       // toSerial(day)
    std::vector<std::uint16_t> clinician;      // index into Snapshot::clinicians
    std::vector<std::int32_t> client;          // index into Snapshot::clients
    std::vector<std::int32_t> pair;            // index into Snapshot::pairs
    std::vector<StatusCategory> status;        // as imported; see effective_status.h for future rows
    std::vector<std::int16_t> startMinute;     // kUnknownStartMinute when unknown
    std::vector<std::int16_t> durationMinutes;
    std::vector<Cents> fee;                    // kUnknownCents when unknown
    std::vector<Cents> clientPaid;             // kUnknownCents when unknown
    std::vector<Cents> insurancePaid;          // kUnknownCents when unknown
    std::vector<NoteStatus> noteStatus;
    std::vector<std::uint8_t> groupCode;       // 1 when the service code is 90853 (group psychotherapy)
    // Index into Snapshot::payers. Read only for appointments with an unpaid balance (the
    // missing-payments list is the one reader); 0 ("") for every other row.
    std::vector<std::uint16_t> payer;

    std::size_t size() const { return daySerial.size(); }
    bool feeKnown(std::size_t row) const { return fee[row] != kUnknownCents; }
    Day day(std::size_t row) const { return fromSerial(daySerial[row]); }
};

struct Snapshot {
    std::vector<SnapshotClinician> clinicians; // by id
    std::vector<SnapshotClient> clients;       // by id
    std::vector<SnapshotPair> pairs;           // in order of each pair's first appointment
    std::vector<std::string> payers{""};        // distinct payers of unpaid appointments; 0 = unknown
    AppointmentColumns appointments;

    // Row lists built once at load (buildRowIndexes), each in row order, so that a
    // one-clinician view or a list over years of history reads only the rows it needs.
    std::vector<std::uint32_t> clinicianRowStart; // clinician c's rows: clinicianRows[start[c] .. start[c+1])
    std::vector<std::uint32_t> clinicianRows;
    std::vector<std::uint32_t> unsignedNoteRows; // qualifying as imported, note known and unsigned
    std::vector<std::uint32_t> unpaidRows;       // qualifying as imported, fee > 0, a payment known, balance > 0
    std::vector<std::uint32_t> scheduledRows;    // imported status scheduled (unmarked once past)

    // Index of a clinician or client by database id; nullopt when absent.
    std::optional<std::size_t> clinicianIndex(RowId id) const;
    std::optional<std::size_t> clientIndex(RowId id) const;

    // The rows [first, last) of appointments dated in [from, to] (day serials).
    struct RowRange {
        std::size_t first = 0;
        std::size_t last = 0;
    };
    RowRange rowsBetween(std::int32_t fromSerial, std::int32_t toSerial) const;
    // The part of a row list (one of the above) dated in [from, to], as positions in it.
    RowRange listBetween(const std::vector<std::uint32_t>& rows, std::size_t first, std::size_t last,
                         std::int32_t fromSerial, std::int32_t toSerial) const;
};

// The statement loadSnapshot reads the appointments with; the benchmark times it alone.
std::string_view snapshotAppointmentsQuery();

// Builds the row lists above from the appointment columns; loadSnapshot calls it.
void buildRowIndexes(Snapshot& snapshot);

// A client whose EHR status says their file is closed: it contains "discharg" or
// "closed", ignoring case ("Discharged", "Closed"). Close-out candidates leave them out.
bool isDischargedStatus(std::string_view clientStatus);

// Reads the whole practice in one pass per table. The appointments are scanned in table
// order and sorted in memory: the table has no day index (see schema.cpp) and sorting
// a million small keys beats SQLite's ORDER BY on wide rows. Works on a read-only
// connection; takes no write lock.
Snapshot loadSnapshot(sql::Connection& connection);
Snapshot loadSnapshot(Store& store);

} // namespace caseboard::metrics
