#include "caseboard/metrics/snapshot.h"

#include "caseboard/store/sqlite.h"
#include "caseboard/store/store.h"

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace caseboard::metrics {

namespace {

// Database id -> index. Ids are INTEGER PRIMARY KEYs, nearly always dense, so a table
// indexed by id answers in one load; a hash map covers sparse ids.
class IdIndex {
public:
    template <typename Row>
    explicit IdIndex(const std::vector<Row>& rows)
    {
        RowId maxId = 0;
        for (const Row& row : rows)
            maxId = std::max(maxId, row.id);
        dense_ = maxId >= 0 && static_cast<std::size_t>(maxId) <= 4 * rows.size() + 1024;
        if (dense_)
            table_.assign(static_cast<std::size_t>(maxId) + 1, -1);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (dense_)
                table_[static_cast<std::size_t>(rows[i].id)] = static_cast<std::int32_t>(i);
            else
                map_.emplace(rows[i].id, static_cast<std::int32_t>(i));
        }
    }

    std::int32_t find(RowId id) const
    {
        if (dense_)
            return id >= 0 && static_cast<std::size_t>(id) < table_.size() ? table_[static_cast<std::size_t>(id)] : -1;
        auto it = map_.find(id);
        return it == map_.end() ? -1 : it->second;
    }

private:
    bool dense_ = true;
    std::vector<std::int32_t> table_;
    std::unordered_map<RowId, std::int32_t> map_;
};

std::optional<Day> optionalDay(const sql::Statement& statement, int column)
{
    if (statement.isNull(column))
        return std::nullopt;
    return fromSerial(statement.integer(column));
}

std::vector<SnapshotClinician> loadClinicians(sql::Connection& db)
{
    std::vector<SnapshotClinician> clinicians;
    auto statement = db.prepare(
        "SELECT id, name, clinician_type, location, supervisor, start_day, end_day FROM clinicians ORDER BY id");
    while (statement.step()) {
        SnapshotClinician c;
        c.id = statement.int64(0);
        c.name = statement.text(1);
        c.clinicianType = statement.text(2);
        c.location = statement.text(3);
        c.supervisor = statement.text(4);
        c.startDate = optionalDay(statement, 5);
        c.endDate = optionalDay(statement, 6);
        clinicians.push_back(std::move(c));
    }
    // Appointments keep the clinician index in 16 bits: 65,535 clinicians is far past
    // any group practice (DESIGN.md plans for 200).
    if (clinicians.size() > std::numeric_limits<std::uint16_t>::max())
        throw std::runtime_error("too many clinicians for a snapshot");
    return clinicians;
}

void loadGoalPeriods(sql::Connection& db, std::vector<SnapshotClinician>& clinicians, const IdIndex& index)
{
    auto statement = db.prepare(
        "SELECT clinician_id, from_day, to_day, weekly_goal FROM goal_periods ORDER BY clinician_id, from_day, id");
    while (statement.step()) {
        const std::int32_t clinician = index.find(statement.int64(0));
        if (clinician < 0)
            continue; // a period of a deleted clinician: nothing to attach it to
        GoalSpan span;
        span.fromSerial = statement.integer(1);
        span.toSerial = statement.isNull(2) ? kOpenEndedSerial : statement.integer(2);
        span.weeklyGoal = statement.real(3);
        clinicians[static_cast<std::size_t>(clinician)].goals.push_back(span);
    }
}

std::vector<SnapshotClient> loadClients(sql::Connection& db)
{
    std::vector<SnapshotClient> clients;
    clients.reserve(static_cast<std::size_t>(db.queryInt("SELECT count(*) FROM clients").value_or(0)));
    auto statement = db.prepare("SELECT id, display_name, status FROM clients ORDER BY id");
    while (statement.step()) {
        std::string status = statement.text(2);
        const bool discharged = isDischargedStatus(status);
        clients.push_back({statement.int64(0), statement.text(1), std::move(status), discharged});
    }
    return clients;
}

// Pair numbers by (clinician, client): open addressing over a power-of-two table, since
// a node-based map would allocate per pair and cost a cache miss per appointment.
class PairTable {
public:
    explicit PairTable(std::size_t expected)
    {
        std::size_t capacity = 1024;
        while (capacity < 2 * expected)
            capacity *= 2;
        slots_.assign(capacity, kEmpty);
    }

    // The pair's number, numbering a new pair `next`.
    std::int32_t findOrAdd(std::uint64_t key, std::int32_t next, bool& added)
    {
        if (2 * (count_ + 1) > slots_.size())
            grow();
        std::size_t i = slotOf(key);
        while (slots_[i].key != kEmpty.key) {
            if (slots_[i].key == key) {
                added = false;
                return slots_[i].value;
            }
            i = (i + 1) & (slots_.size() - 1);
        }
        slots_[i] = {key, next};
        ++count_;
        added = true;
        return next;
    }

private:
    struct Slot {
        std::uint64_t key;
        std::int32_t value;
    };
    static constexpr Slot kEmpty{~std::uint64_t{0}, -1};

    std::size_t slotOf(std::uint64_t key) const
    {
        // Fibonacci hashing spreads the packed (clinician, client) keys over the table.
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 20) & (slots_.size() - 1);
    }

    void grow()
    {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(old.size() * 2, kEmpty);
        for (const Slot& slot : old) {
            if (slot.key == kEmpty.key)
                continue;
            std::size_t i = slotOf(slot.key);
            while (slots_[i].key != kEmpty.key)
                i = (i + 1) & (slots_.size() - 1);
            slots_[i] = slot;
        }
    }

    std::vector<Slot> slots_;
    std::size_t count_ = 0;
};

// Storage for n values that is not zero-filled: the buffers below are written in full
// before they are read, and at a million rows zero-filling them costs as much as using them.
template <typename T>
std::unique_ptr<T[]> uninitialised(std::size_t n)
{
    return std::unique_ptr<T[]>(new T[n]);
}

// The order that sorts rows by (day, clinician, start minute), rows in read order
// breaking ties so the result is deterministic. A counting sort by (day, clinician) does
// nearly all the work in two linear passes; each bucket's few rows are then sorted by
// start minute. When days x clinicians would be far more buckets than rows (a sparse
// history), the buckets are days and the clinician joins the within-bucket key.
std::vector<std::uint32_t> sortOrder(const AppointmentColumns& c, std::size_t clinicianCount)
{
    const std::size_t n = c.size();
    std::vector<std::uint32_t> order;
    bool sorted = true;
    for (std::size_t i = 1; i < n && sorted; ++i)
        sorted = std::tie(c.daySerial[i - 1], c.clinician[i - 1], c.startMinute[i - 1])
            <= std::tie(c.daySerial[i], c.clinician[i], c.startMinute[i]);
    if (sorted)
        return order; // empty: already in order

    // Plain variables, not a structured binding: clang 14 cannot capture those in a lambda.
    const auto extremes = std::minmax_element(c.daySerial.begin(), c.daySerial.end());
    const auto minDay = extremes.first;
    const auto maxDay = extremes.second;
    const auto days = static_cast<std::size_t>(static_cast<std::int64_t>(*maxDay) - *minDay + 1);
    const bool byClinician = days * clinicianCount <= 2 * n + 65536;
    const std::size_t perDay = byClinician ? clinicianCount : 1;
    const std::size_t buckets = days * perDay;
    auto bucketOf = [&](std::size_t i) {
        const auto day = static_cast<std::size_t>(c.daySerial[i] - *minDay);
        return byClinician ? day * perDay + c.clinician[i] : day;
    };

    std::vector<std::uint32_t> bucketStart(buckets + 1, 0);
    for (std::size_t i = 0; i < n; ++i)
        ++bucketStart[bucketOf(i) + 1];
    for (std::size_t b = 1; b <= buckets; ++b)
        bucketStart[b] += bucketStart[b - 1];

    // Within a bucket: clinician (16 bits, when the buckets are days), start + 1
    // (11 bits), row (37 bits).
    const std::unique_ptr<std::uint64_t[]> keys = uninitialised<std::uint64_t>(n);
    std::vector<std::uint32_t> fill(bucketStart.begin(), bucketStart.end() - 1);
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t clinician = byClinician ? 0 : c.clinician[i];
        const std::uint64_t key = (clinician << 48) | (static_cast<std::uint64_t>(c.startMinute[i] + 1) << 37) | i;
        keys[fill[bucketOf(i)]++] = key;
    }
    for (std::size_t b = 0; b < buckets; ++b)
        if (bucketStart[b + 1] - bucketStart[b] > 1)
            std::sort(keys.get() + bucketStart[b], keys.get() + bucketStart[b + 1]);

    order.resize(n);
    constexpr std::uint64_t rowMask = (std::uint64_t{1} << 37) - 1;
    for (std::size_t i = 0; i < n; ++i)
        order[i] = static_cast<std::uint32_t>(keys[i] & rowMask);
    return order;
}

// Puts `column` into `order`, through one scratch buffer shared by all columns rather
// than a fresh vector per column (each would be page-faulted in and zero-filled anew).
template <typename T>
void permute(std::vector<T>& column, const std::vector<std::uint32_t>& order, std::uint64_t* scratch)
{
    static_assert(sizeof(T) <= sizeof(std::uint64_t) && alignof(T) <= alignof(std::uint64_t));
    T* sorted = reinterpret_cast<T*>(scratch);
    for (std::size_t i = 0; i < order.size(); ++i)
        sorted[i] = column[order[i]];
    std::copy(sorted, sorted + order.size(), column.begin());
}

void loadAppointments(sql::Connection& db, Snapshot& snapshot, const IdIndex& clinicianIndex,
                      const IdIndex& clientIndex)
{
    const auto count = static_cast<std::size_t>(db.queryInt("SELECT count(*) FROM appointments").value_or(0));
    if (count > std::numeric_limits<std::uint32_t>::max())
        throw std::runtime_error("too many appointments for a snapshot");
    AppointmentColumns& c = snapshot.appointments;
    c.daySerial.reserve(count);
    c.clinician.reserve(count);
    c.client.reserve(count);
    c.status.reserve(count);
    c.startMinute.reserve(count);
    c.durationMinutes.reserve(count);
    c.fee.reserve(count);
    c.clientPaid.reserve(count);
    c.insurancePaid.reserve(count);
    c.noteStatus.reserve(count);
    c.groupCode.reserve(count);
    c.payer.reserve(count);
    // Payers are interned; only unpaid rows carry one (see the query), so this stays small.
    std::unordered_map<std::string, std::uint16_t> payerIndex;

    // In table order; see snapshotAppointmentsQuery for what each column holds.
    auto statement = db.prepare(snapshotAppointmentsQuery());
    while (statement.step()) {
        const std::int32_t clinician = clinicianIndex.find(statement.int64(0));
        const std::int32_t client = clientIndex.find(statement.int64(1));
        if (clinician < 0 || client < 0)
            continue; // foreign keys hold in a Caseboard database; skip rather than index out of range
        c.clinician.push_back(static_cast<std::uint16_t>(clinician));
        c.client.push_back(client);
        c.daySerial.push_back(statement.integer(2));
        const auto packed = static_cast<std::uint64_t>(statement.int64(3));
        c.status.push_back(static_cast<StatusCategory>(packed & 7u));
        c.noteStatus.push_back(static_cast<NoteStatus>((packed >> 3) & 3u));
        c.groupCode.push_back(static_cast<std::uint8_t>((packed >> 5) & 1u));
        c.startMinute.push_back(static_cast<std::int16_t>(static_cast<int>((packed >> 6) & 0x7FFu) - 1));
        c.durationMinutes.push_back(static_cast<std::int16_t>((packed >> 17) & 0x7FFFu));
        c.fee.push_back(statement.int64(4));
        c.clientPaid.push_back(statement.int64(5));
        c.insurancePaid.push_back(statement.int64(6));
        std::uint16_t payer = 0;
        if (!statement.isNull(7)) {
            const auto [it, added] = payerIndex.try_emplace(statement.text(7), 0);
            if (added) {
                if (snapshot.payers.size() > std::numeric_limits<std::uint16_t>::max())
                    throw std::runtime_error("too many distinct payers for a snapshot");
                it->second = static_cast<std::uint16_t>(snapshot.payers.size());
                snapshot.payers.push_back(it->first);
            }
            payer = it->second;
        }
        c.payer.push_back(payer);
    }

    const std::vector<std::uint32_t> order = sortOrder(c, snapshot.clinicians.size());
    if (!order.empty()) {
        const std::unique_ptr<std::uint64_t[]> scratch = uninitialised<std::uint64_t>(order.size());
        permute(c.daySerial, order, scratch.get());
        permute(c.clinician, order, scratch.get());
        permute(c.client, order, scratch.get());
        permute(c.status, order, scratch.get());
        permute(c.startMinute, order, scratch.get());
        permute(c.durationMinutes, order, scratch.get());
        permute(c.fee, order, scratch.get());
        permute(c.clientPaid, order, scratch.get());
        permute(c.insurancePaid, order, scratch.get());
        permute(c.noteStatus, order, scratch.get());
        permute(c.groupCode, order, scratch.get());
        permute(c.payer, order, scratch.get());
    }

    // Pairs are numbered in order of their first appointment.
    const std::size_t n = c.size();
    c.pair.reserve(n);
    PairTable pairs(snapshot.clients.size() + snapshot.clinicians.size());
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t key = (static_cast<std::uint64_t>(c.clinician[i]) << 32)
            | static_cast<std::uint32_t>(c.client[i]);
        bool added = false;
        c.pair.push_back(pairs.findOrAdd(key, static_cast<std::int32_t>(snapshot.pairs.size()), added));
        if (added)
            snapshot.pairs.push_back({c.clinician[i], c.client[i]});
    }
}

} // namespace

std::optional<std::size_t> Snapshot::clinicianIndex(RowId id) const
{
    auto it = std::lower_bound(clinicians.begin(), clinicians.end(), id,
                               [](const SnapshotClinician& c, RowId value) { return c.id < value; });
    if (it == clinicians.end() || it->id != id)
        return std::nullopt;
    return static_cast<std::size_t>(it - clinicians.begin());
}

std::optional<std::size_t> Snapshot::clientIndex(RowId id) const
{
    auto it = std::lower_bound(clients.begin(), clients.end(), id,
                               [](const SnapshotClient& c, RowId value) { return c.id < value; });
    if (it == clients.end() || it->id != id)
        return std::nullopt;
    return static_cast<std::size_t>(it - clients.begin());
}

// Read straight into the columns in table order. Each column read costs about as much as
// the row step itself, so only what the metrics use is selected; NULLs become the
// sentinels in SQL (one call per column instead of two); the small columns come packed in
// one integer — status 3 bits, note status 2, group flag 1, start minute + 1 11, duration
// 15, each kept in its bits by the schema's CHECK constraints (SQLite's << and | share one
// precedence, hence the parentheses); and the payer is read only
// for rows with an unpaid balance, the missing-payments list being its one reader.
std::string_view snapshotAppointmentsQuery()
{
    static_assert(kUnknownCents == -9223372036854775807 - 1 && kUnknownStartMinute == -1,
                  "the sentinels in the query below");
    return "SELECT clinician_id, client_id, day, "
        "status | (note_status << 3) | ((service_code = '90853') << 5) | ((coalesce(start_minute, -1) + 1) << 6) "
        "| (min(duration_minutes, 32767) << 17), "
        "coalesce(fee_cents, -9223372036854775808), "
        "coalesce(client_paid_cents, -9223372036854775808), coalesce(insurance_paid_cents, -9223372036854775808), "
        "CASE WHEN fee_cents > coalesce(client_paid_cents, 0) + coalesce(insurance_paid_cents, 0) "
        "AND payer <> '' THEN payer END FROM appointments";
}

Snapshot::RowRange Snapshot::listBetween(const std::vector<std::uint32_t>& rows, std::size_t first,
                                         std::size_t last, std::int32_t fromSerial, std::int32_t toSerial) const
{
    if (toSerial < fromSerial)
        return {first, first};
    const auto& days = appointments.daySerial;
    const auto begin = rows.begin() + static_cast<std::ptrdiff_t>(first);
    const auto end = rows.begin() + static_cast<std::ptrdiff_t>(last);
    const auto from = std::partition_point(begin, end, [&](std::uint32_t row) { return days[row] < fromSerial; });
    const auto to = std::partition_point(from, end, [&](std::uint32_t row) { return days[row] <= toSerial; });
    return {static_cast<std::size_t>(from - rows.begin()), static_cast<std::size_t>(to - rows.begin())};
}

void buildRowIndexes(Snapshot& snapshot)
{
    const AppointmentColumns& a = snapshot.appointments;
    const std::size_t n = a.size();
    const std::size_t clinicians = snapshot.clinicians.size();
    snapshot.clinicianRowStart.assign(clinicians + 1, 0);
    for (std::size_t row = 0; row < n; ++row)
        ++snapshot.clinicianRowStart[a.clinician[row] + 1u];
    for (std::size_t c = 1; c <= clinicians; ++c)
        snapshot.clinicianRowStart[c] += snapshot.clinicianRowStart[c - 1];
    snapshot.clinicianRows.resize(n);
    std::vector<std::uint32_t> fill(snapshot.clinicianRowStart.begin(), snapshot.clinicianRowStart.end() - 1);
    snapshot.unsignedNoteRows.clear();
    snapshot.unpaidRows.clear();
    snapshot.scheduledRows.clear();
    for (std::size_t row = 0; row < n; ++row) {
        const auto r = static_cast<std::uint32_t>(row);
        snapshot.clinicianRows[fill[a.clinician[row]]++] = r;
        const StatusCategory status = a.status[row];
        if (status == StatusCategory::Scheduled)
            snapshot.scheduledRows.push_back(r);
        if (!isQualifying(status))
            continue;
        if (a.noteStatus[row] == NoteStatus::Unsigned)
            snapshot.unsignedNoteRows.push_back(r);
        // kUnknownCents is negative, so an unknown fee is never > 0.
        const bool paymentKnown = a.clientPaid[row] != kUnknownCents || a.insurancePaid[row] != kUnknownCents;
        if (a.fee[row] > 0 && paymentKnown && a.fee[row] - knownOrZero(a.clientPaid[row]) - knownOrZero(a.insurancePaid[row]) > 0)
            snapshot.unpaidRows.push_back(r);
    }
}

bool isDischargedStatus(std::string_view clientStatus)
{
    const auto containsIgnoringCase = [&](std::string_view word) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        return std::search(clientStatus.begin(), clientStatus.end(), word.begin(), word.end(),
                           [&](char x, char y) { return lower(x) == lower(y); })
            != clientStatus.end();
    };
    return containsIgnoringCase("discharg") || containsIgnoringCase("closed");
}

Snapshot::RowRange Snapshot::rowsBetween(std::int32_t fromSerial, std::int32_t toSerial) const
{
    const auto& days = appointments.daySerial;
    if (toSerial < fromSerial)
        return {};
    const auto first = std::lower_bound(days.begin(), days.end(), fromSerial);
    const auto last = std::upper_bound(first, days.end(), toSerial);
    return {static_cast<std::size_t>(first - days.begin()), static_cast<std::size_t>(last - days.begin())};
}

Snapshot loadSnapshot(sql::Connection& connection)
{
    Snapshot snapshot;
    // One read transaction, so the tables agree with each other even while an import
    // commits on another connection.
    // A savepoint rather than BEGIN, so a caller already inside a transaction can load too.
    connection.exec("SAVEPOINT load_snapshot");
    try {
        snapshot.clinicians = loadClinicians(connection);
        const IdIndex clinicianIndex(snapshot.clinicians);
        loadGoalPeriods(connection, snapshot.clinicians, clinicianIndex);
        snapshot.clients = loadClients(connection);
        const IdIndex clientIndex(snapshot.clients);
        loadAppointments(connection, snapshot, clinicianIndex, clientIndex);
        buildRowIndexes(snapshot);
    } catch (...) {
        connection.exec("ROLLBACK TO load_snapshot; RELEASE load_snapshot");
        throw;
    }
    connection.exec("RELEASE load_snapshot");
    return snapshot;
}

Snapshot loadSnapshot(Store& store) { return loadSnapshot(store.connection()); }

} // namespace caseboard::metrics
