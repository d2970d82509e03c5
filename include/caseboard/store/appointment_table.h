#pragma once
// The appointments table as a browsing front end sees it: a filter and a sort give the
// ordered list of matching appointment ids (cheap to hold even for millions of rows),
// and a reader turns a page of those ids into display rows. The id query is meant to
// run off the GUI thread on a read-only connection of its own (SQLite filters in one
// scan, which also adds up the rows' money; the sort runs in memory on integer keys,
// about 0.3-0.8 s for a million rows); the reader runs on the thread that owns its
// connection.

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

// What is known about an appointment's payments (METRICS.md "Missing payments": a paid
// amount the export did not carry counts as 0, but with neither known nothing is).
enum class PaymentState : std::uint8_t {
    Paid,          // a payment known and nothing left: fee (0 when unknown) - paid <= 0
    UnpaidBalance, // a payment known and fee - client paid - insurance paid > 0
    NoPaymentData, // client paid and insurance paid both unknown
};

// The lists of the weekly workflow (METRICS.md "Lists"), in SQL. Each encodes the same
// definition as its function in metrics/workflow_lists.h, up to the cut-off day
// AppointmentFilter::listThrough (T - note_due_days, T - payment_lag_days, or T):
//  - OverdueNotes: qualifying (completed, late cancel, no-show), note known and unsigned;
//  - MissingPayments: qualifying, fee > 0, a payment known, fee - paid > 0;
//  - Unmarked: status scheduled (as imported: a past appointment keeps its status).
enum class WorkflowList : std::uint8_t { OverdueNotes, MissingPayments, Unmarked };

struct AppointmentFilter {
    // Words separated by white space; every word must occur (case-insensitively, for
    // ASCII letters) in the client name, clinician name, service code, raw status or
    // location. Empty matches everything.
    std::string text;
    std::optional<RowId> clinicianId;
    std::optional<StatusCategory> status;
    std::optional<Day> from; // inclusive
    std::optional<Day> to;   // inclusive
    // Exact matches (case-sensitive, as stored): the choices come from the database's
    // own distinct values (loadAppointmentFilterChoices).
    std::optional<std::string> rawStatus;
    std::optional<std::string> serviceCode;
    std::optional<std::string> location;
    std::optional<NoteStatus> noteStatus;
    std::optional<PaymentState> payment;
    // A workflow list and its last day; `listThrough` is ignored without a list and
    // required with one.
    std::optional<WorkflowList> list;
    std::optional<Day> listThrough;

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

// Money over the matching appointments. Unknown amounts count as 0; `unpaid` sums the
// balances fee - client paid - insurance paid > 0 of appointments with a payment known
// (as the missing-payments list does), and `withoutPaymentData` counts the others whose
// fee > 0, whose balance nobody knows.
struct AppointmentTotals {
    std::int64_t count = 0;
    Cents fees = 0;
    Cents clientPaid = 0;
    Cents insurancePaid = 0;
    Cents unpaid = 0;
    std::int64_t withoutPaymentData = 0;

    Cents paid() const { return clientPaid + insurancePaid; }
    bool operator==(const AppointmentTotals&) const = default;
};

// Unpaid balance by calendar month and payer ("" when unknown), by month then payer.
struct BalanceByMonthAndPayer {
    int year = 0;
    unsigned month = 0; // 1..12
    std::string payer;
    std::int64_t sessions = 0;
    Cents balance = 0;

    bool operator==(const BalanceByMonthAndPayer&) const = default;
};

// How many of the matching appointments a clinician has.
struct ClinicianCount {
    RowId clinicianId = 0;
    std::int64_t count = 0;

    bool operator==(const ClinicianCount&) const = default;
};

struct AppointmentQueryResult {
    std::vector<RowId> ids;
    AppointmentTotals totals;
    // Only with AppointmentQueryOptions::countByClinician: by clinician id.
    std::vector<ClinicianCount> clinicianCounts;
    // Only with AppointmentQueryOptions::balanceBreakdown: the unpaid balances (as
    // `totals.unpaid` counts them) by month and payer.
    std::vector<BalanceByMonthAndPayer> balances;
};

struct AppointmentQueryOptions {
    bool balanceBreakdown = false;
    bool countByClinician = false;
};

// The ids, totals and (optionally) balances of the appointments that pass `filter`, from
// the one scan that filters them. nullopt when `stop` was requested first.
std::optional<AppointmentQueryResult> queryAppointments(sql::Connection& connection, const AppointmentFilter& filter,
                                                        const AppointmentSort& sort,
                                                        AppointmentQueryOptions options = {},
                                                        std::stop_token stop = {});

// The values the filters offer, each sorted (NOCASE) and without "".
struct AppointmentFilterChoices {
    struct Clinician {
        RowId id = 0;
        std::string name;
    };
    std::vector<Clinician> clinicians; // by name
    std::vector<std::string> rawStatuses;
    std::vector<std::string> serviceCodes;
    std::vector<std::string> locations;
};
// One scan of the appointments (plus the clinicians table); meant for a worker thread.
AppointmentFilterChoices loadAppointmentFilterChoices(sql::Connection& connection);

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
