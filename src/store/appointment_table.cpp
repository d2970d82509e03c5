#include "caseboard/store/appointment_table.h"

#include "caseboard/store/sqlite.h"

#include <sqlite3.h>

#include <algorithm>
#include <limits>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace caseboard {

namespace {

// Splits the filter text into words at ASCII white space.
std::vector<std::string> filterWords(std::string_view text)
{
    std::vector<std::string> words;
    std::string word;
    for (const char ch : text) {
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            if (!word.empty())
                words.push_back(std::exchange(word, {}));
        } else {
            word += ch;
        }
    }
    if (!word.empty())
        words.push_back(std::move(word));
    return words;
}

// "%word%" with LIKE's wildcards escaped by a backslash.
std::string likePattern(std::string_view word)
{
    std::string pattern = "%";
    for (const char ch : word) {
        if (ch == '%' || ch == '_' || ch == '\\')
            pattern += '\\';
        pattern += ch;
    }
    pattern += '%';
    return pattern;
}

// How a column's values are turned into the integer sort key of a row.
enum class KeyKind { None, Integer, Text, ClientRank, ClinicianRank };

struct SortColumnSql {
    KeyKind kind;
    std::string_view expression; // selected as the fourth column
};

SortColumnSql sortColumnSql(AppointmentColumn column)
{
    switch (column) {
    case AppointmentColumn::Date: return {KeyKind::None, "0"};
    case AppointmentColumn::Start: return {KeyKind::Integer, "a.start_minute"};
    case AppointmentColumn::Client: return {KeyKind::ClientRank, "a.client_id"};
    case AppointmentColumn::Clinician: return {KeyKind::ClinicianRank, "a.clinician_id"};
    case AppointmentColumn::ServiceCode: return {KeyKind::Text, "a.service_code"};
    case AppointmentColumn::Duration: return {KeyKind::Integer, "a.duration_minutes"};
    case AppointmentColumn::Status: return {KeyKind::Integer, "a.status"};
    case AppointmentColumn::Location: return {KeyKind::Text, "a.location"};
    case AppointmentColumn::Fee: return {KeyKind::Integer, "a.fee_cents"};
    case AppointmentColumn::ClientPaid: return {KeyKind::Integer, "a.client_paid_cents"};
    case AppointmentColumn::InsurancePaid: return {KeyKind::Integer, "a.insurance_paid_cents"};
    case AppointmentColumn::Payer: return {KeyKind::Text, "a.payer"};
    case AppointmentColumn::NoteStatus: return {KeyKind::Integer, "a.note_status"};
    }
    return {KeyKind::None, "0"};
}

// SQLite's NOCASE: ASCII letters fold, everything else compares by byte.
int compareNoCase(std::string_view a, std::string_view b)
{
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        unsigned char x = static_cast<unsigned char>(a[i]);
        unsigned char y = static_cast<unsigned char>(b[i]);
        if (x >= 'A' && x <= 'Z')
            x = static_cast<unsigned char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = static_cast<unsigned char>(y - 'A' + 'a');
        if (x != y)
            return x < y ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

// Ranks of the names in `table` by NOCASE order; equal names share a rank, so rows of
// two people with one name are ordered by date, as an ORDER BY on the name would.
std::unordered_map<RowId, std::int64_t> nameRanks(sql::Connection& connection, std::string_view table,
                                                  std::string_view nameColumn)
{
    std::unordered_map<RowId, std::int64_t> ranks;
    sql::Statement statement = connection.prepare("SELECT id, " + std::string(nameColumn) + " FROM "
                                                  + std::string(table) + " ORDER BY 2 COLLATE NOCASE");
    std::string previous;
    std::int64_t rank = -1;
    while (statement.step()) {
        const std::string_view name = statement.textView(1);
        if (rank < 0 || compareNoCase(previous, name) != 0) {
            ++rank;
            previous.assign(name);
        }
        ranks.emplace(statement.int64(0), rank);
    }
    return ranks;
}

// One matching appointment with what it is sorted by. NULL sorts first, as in SQLite.
struct SortRow {
    std::int64_t key;
    std::int32_t day;
    std::int32_t start;
    RowId id;
};

constexpr std::int64_t kNullKey = std::numeric_limits<std::int64_t>::min();

// Installs a progress handler that interrupts the running statement once `stop` is
// requested, and removes it again on destruction.
class InterruptOnStop {
public:
    InterruptOnStop(sqlite3* db, std::stop_token stop) : db_(db), stop_(std::move(stop))
    {
        if (stop_.stop_possible())
            sqlite3_progress_handler(db_, 4000, &InterruptOnStop::check, this);
    }
    ~InterruptOnStop() { sqlite3_progress_handler(db_, 0, nullptr, nullptr); }
    InterruptOnStop(const InterruptOnStop&) = delete;
    InterruptOnStop& operator=(const InterruptOnStop&) = delete;

    bool stopped() const { return stop_.stop_requested(); }

private:
    static int check(void* self) { return static_cast<InterruptOnStop*>(self)->stopped() ? 1 : 0; }

    sqlite3* db_;
    std::stop_token stop_;
};

StatusCategory categoryFromColumn(int value)
{
    if (value < 0 || value >= kStatusCategoryCount)
        return StatusCategory::Other;
    return static_cast<StatusCategory>(value);
}

NoteStatus noteStatusFromColumn(int value)
{
    switch (value) {
    case 1: return NoteStatus::Unsigned;
    case 2: return NoteStatus::Signed;
    default: return NoteStatus::Unknown;
    }
}

} // namespace

std::optional<std::vector<RowId>> queryAppointmentIds(sql::Connection& connection,
                                                      const AppointmentFilter& filter,
                                                      const AppointmentSort& sort,
                                                      std::stop_token stop)
{
    // SQLite filters with one scan of the appointments (names are matched in the small
    // clients and clinicians tables first, so no row needs a join); the sort itself runs
    // here on compact integer keys, several times faster than a sorter over a million
    // rows in SQLite.
    const std::vector<std::string> words = filterWords(filter.text);
    const SortColumnSql key = sortColumnSql(sort.column);

    std::string sql = "SELECT a.id, a.day, a.start_minute, ";
    sql += key.expression;
    sql += " FROM appointments a";

    std::vector<std::string> conditions;
    int parameter = 0;
    if (filter.clinicianId)
        conditions.push_back("a.clinician_id = ?" + std::to_string(++parameter));
    if (filter.status)
        conditions.push_back("a.status = ?" + std::to_string(++parameter));
    if (filter.from)
        conditions.push_back("a.day >= ?" + std::to_string(++parameter));
    if (filter.to)
        conditions.push_back("a.day <= ?" + std::to_string(++parameter));
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string p = "?" + std::to_string(++parameter);
        const std::string like = " LIKE " + p + " ESCAPE '\\'";
        conditions.push_back("(a.client_id IN (SELECT id FROM clients WHERE display_name" + like
                             + ") OR a.clinician_id IN (SELECT id FROM clinicians WHERE name" + like
                             + ") OR a.service_code" + like + " OR a.raw_status" + like + " OR a.location" + like
                             + ")");
    }
    for (std::size_t i = 0; i < conditions.size(); ++i)
        sql += (i == 0 ? " WHERE " : " AND ") + conditions[i];

    InterruptOnStop interrupt(connection.handle(), stop);
    std::vector<SortRow> rows;
    try {
        std::unordered_map<RowId, std::int64_t> ranks;
        if (key.kind == KeyKind::ClientRank)
            ranks = nameRanks(connection, "clients", "display_name");
        else if (key.kind == KeyKind::ClinicianRank)
            ranks = nameRanks(connection, "clinicians", "name");

        // Room for every row up front (the largest id bounds the count): growing a
        // vector of a million rows step by step costs more than the sort.
        const std::int64_t largestId = connection.queryInt("SELECT max(id) FROM appointments").value_or(0);
        rows.reserve(static_cast<std::size_t>(std::clamp<std::int64_t>(largestId, 0, 50'000'000)));

        sql::Statement statement = connection.prepare(sql);
        int index = 0;
        if (filter.clinicianId)
            statement.bind(++index, *filter.clinicianId);
        if (filter.status)
            statement.bind(++index, static_cast<int>(*filter.status));
        if (filter.from)
            statement.bind(++index, toSerial(*filter.from));
        if (filter.to)
            statement.bind(++index, toSerial(*filter.to));
        for (const std::string& word : words)
            statement.bind(++index, likePattern(word));

        // Text keys become ranks once their distinct values are known.
        std::vector<std::string> texts;
        std::unordered_map<std::string, std::int64_t> textIndex;

        while (statement.step()) {
            SortRow row{0, statement.integer(1), statement.isNull(2) ? -1 : statement.integer(2), statement.int64(0)};
            switch (key.kind) {
            case KeyKind::None: break;
            case KeyKind::Integer: row.key = statement.isNull(3) ? kNullKey : statement.int64(3); break;
            case KeyKind::ClientRank:
            case KeyKind::ClinicianRank: {
                const auto found = ranks.find(statement.int64(3));
                row.key = found == ranks.end() ? kNullKey : found->second;
                break;
            }
            case KeyKind::Text: {
                const std::string_view text = statement.textView(3);
                auto found = textIndex.find(std::string(text));
                if (found == textIndex.end()) {
                    found = textIndex.emplace(std::string(text), static_cast<std::int64_t>(texts.size())).first;
                    texts.emplace_back(text);
                }
                row.key = found->second;
                break;
            }
            }
            rows.push_back(row);
            if ((rows.size() & 0xffff) == 0 && interrupt.stopped())
                return std::nullopt;
        }

        if (key.kind == KeyKind::Text) {
            std::vector<std::int64_t> order(texts.size());
            for (std::size_t i = 0; i < order.size(); ++i)
                order[i] = static_cast<std::int64_t>(i);
            std::sort(order.begin(), order.end(), [&](std::int64_t a, std::int64_t b) {
                return compareNoCase(texts[static_cast<std::size_t>(a)], texts[static_cast<std::size_t>(b)]) < 0;
            });
            std::vector<std::int64_t> rank(texts.size());
            std::int64_t current = -1;
            for (std::size_t i = 0; i < order.size(); ++i) {
                if (i == 0 || compareNoCase(texts[static_cast<std::size_t>(order[i - 1])],
                                            texts[static_cast<std::size_t>(order[i])]) != 0)
                    ++current;
                rank[static_cast<std::size_t>(order[i])] = current;
            }
            for (SortRow& row : rows)
                row.key = rank[static_cast<std::size_t>(row.key)];
        }
    } catch (const sql::Error&) {
        if (interrupt.stopped())
            return std::nullopt;
        throw;
    }
    if (interrupt.stopped())
        return std::nullopt;

    const auto ascending = [](const SortRow& a, const SortRow& b) {
        return std::tie(a.key, a.day, a.start, a.id) < std::tie(b.key, b.day, b.start, b.id);
    };
    if (sort.order == SortOrder::Ascending)
        std::sort(rows.begin(), rows.end(), ascending);
    else
        std::sort(rows.begin(), rows.end(), [&](const SortRow& a, const SortRow& b) { return ascending(b, a); });
    if (interrupt.stopped())
        return std::nullopt;

    std::vector<RowId> ids;
    ids.reserve(rows.size());
    for (const SortRow& row : rows)
        ids.push_back(row.id);
    return ids;
}

sql::Connection openAppointmentQueryConnection(const std::filesystem::path& database)
{
    sql::Connection connection(database, sql::Connection::Mode::ReadOnly);
    // The id queries scan the table once and sort in memory: reading the file through
    // a memory map spares copying every page into a page cache that a connection
    // opened per query would have to fill afresh each time.
    connection.exec("PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 1073741824");
    return connection;
}

std::int64_t countAllAppointments(sql::Connection& connection)
{
    return connection.queryInt("SELECT count(*) FROM appointments").value_or(0);
}

struct AppointmentRowReader::Impl {
    sql::Statement select;
};

AppointmentRowReader::AppointmentRowReader(sql::Connection& connection)
    : impl_(std::make_unique<Impl>(Impl{connection.prepare(
          "SELECT a.id, c.display_name, k.name, a.day, a.start_minute, a.duration_minutes, a.service_code, "
          "a.status, a.raw_status, a.location, a.fee_cents, a.client_paid_cents, a.insurance_paid_cents, "
          "a.payer, a.note_status "
          "FROM appointments a "
          "LEFT JOIN clients c ON c.id = a.client_id "
          "LEFT JOIN clinicians k ON k.id = a.clinician_id "
          "WHERE a.id = ?1")}))
{
}

AppointmentRowReader::~AppointmentRowReader() = default;
AppointmentRowReader::AppointmentRowReader(AppointmentRowReader&&) noexcept = default;
AppointmentRowReader& AppointmentRowReader::operator=(AppointmentRowReader&&) noexcept = default;

std::vector<AppointmentRow> AppointmentRowReader::read(std::span<const RowId> ids)
{
    std::vector<AppointmentRow> rows(ids.size());
    sql::Statement& select = impl_->select;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        select.reset();
        select.bind(1, ids[i]);
        if (!select.step())
            continue;
        AppointmentRow& row = rows[i];
        int column = 0;
        row.id = select.int64(column++);
        row.clientName = select.text(column++);
        row.clinicianName = select.text(column++);
        row.date = fromSerial(select.integer(column++));
        if (!select.isNull(column))
            row.startMinute = select.integer(column);
        ++column;
        row.durationMinutes = select.integer(column++);
        row.serviceCode = select.text(column++);
        row.status = categoryFromColumn(select.integer(column++));
        row.rawStatus = select.text(column++);
        row.location = select.text(column++);
        row.fee = select.optionalInt64(column++);
        row.clientPaid = select.optionalInt64(column++);
        row.insurancePaid = select.optionalInt64(column++);
        row.payer = select.text(column++);
        row.noteStatus = noteStatusFromColumn(select.integer(column++));
    }
    select.reset();
    return rows;
}

} // namespace caseboard
