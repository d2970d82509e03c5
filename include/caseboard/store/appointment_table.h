#pragma once
// The appointments table as a browsing front end sees it: a filter and a sort give the
// ordered list of matching appointment ids (cheap to hold even for millions of rows),
// and a reader turns a page of those ids into display rows. The id query is meant to
// run off the GUI thread on a read-only connection of its own (SQLite filters in one
// scan; the sort runs in memory on integer keys, about 0.3-0.6 s for a million rows);
// the reader runs on the thread that owns its connection.

#include "caseboard/core/domain.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <stop_token>
#include <string>
#include <vector>

namespace caseboard::sql { class Connection; }

namespace caseboard {

enum class AppointmentColumn : std::uint8_t {
    Date = 0,
    Start,
    Client,
    Clinician,
    ServiceCode,
    Duration,
    Status,
    Location,
    Fee,
    ClientPaid,
    InsurancePaid,
    Payer,
    NoteStatus,
};

inline constexpr int kAppointmentColumnCount = 13;

enum class SortOrder : std::uint8_t { Ascending, Descending };

struct AppointmentFilter {
    // Words separated by white space; every word must occur (case-insensitively, for
    // ASCII letters) in the client name, clinician name, service code, raw status or
    // location. Empty matches everything.
    std::string text;
    std::optional<RowId> clinicianId;
    std::optional<StatusCategory> status;
    std::optional<Day> from; // inclusive
    std::optional<Day> to;   // inclusive

    bool operator==(const AppointmentFilter&) const = default;
};

struct AppointmentSort {
    AppointmentColumn column = AppointmentColumn::Date;
    SortOrder order = SortOrder::Descending;

    bool operator==(const AppointmentSort&) const = default;
};

// One appointment as a table shows it. Names are PHI: display them, never log them.
struct AppointmentRow {
    RowId id = 0; // 0 when the requested id no longer exists
    std::string clientName;
    std::string clinicianName;
    Day date{};
    std::optional<int> startMinute;
    int durationMinutes = 0;
    std::string serviceCode;
    StatusCategory status = StatusCategory::Other;
    std::string rawStatus;
    std::string location;
    std::optional<Cents> fee;
    std::optional<Cents> clientPaid;
    std::optional<Cents> insurancePaid;
    std::string payer;
    NoteStatus noteStatus = NoteStatus::Unknown;
};

// The ids of the appointments that pass `filter`, ordered by `sort` (ties broken by
// date, start time and id, so the order is total and stable). Returns nullopt when
// `stop` was requested before the query finished.
std::optional<std::vector<RowId>> queryAppointmentIds(sql::Connection& connection,
                                                      const AppointmentFilter& filter,
                                                      const AppointmentSort& sort,
                                                      std::stop_token stop = {});

// A read-only connection tuned for the id queries (sorting in memory), for a worker
// thread to own.
sql::Connection openAppointmentQueryConnection(const std::filesystem::path& database);

// Every appointment in the table.
std::int64_t countAllAppointments(sql::Connection& connection);

// Reads display rows by id through one statement prepared once.
class AppointmentRowReader {
public:
    explicit AppointmentRowReader(sql::Connection& connection);
    ~AppointmentRowReader();
    AppointmentRowReader(AppointmentRowReader&&) noexcept;
    AppointmentRowReader& operator=(AppointmentRowReader&&) noexcept;

    // One row per id, in the order given; an id that no longer exists yields a row
    // whose id is 0.
    std::vector<AppointmentRow> read(std::span<const RowId> ids);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace caseboard
