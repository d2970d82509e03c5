#include "caseboard/store/appointment_table.h"

#include "caseboard/store/sqlite.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <limits>
#include <map>
#include <set>
#include <variant>
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

namespace {

// A bound parameter of the filter's WHERE clause: user text is only ever bound, never
// spliced into the SQL.
using Parameter = std::variant<std::int64_t, std::string>;

struct WhereClause {
    std::string sql; // "" or " WHERE ..."
    std::vector<Parameter> parameters;
};

std::string statusNumber(StatusCategory status) { return std::to_string(static_cast<int>(status)); }

// Qualifying session (METRICS.md): completed or billable cancel.
std::string qualifyingCondition()
{
    return "a.status IN (" + statusNumber(StatusCategory::Completed) + ", " + statusNumber(StatusCategory::LateCancel)
        + ", " + statusNumber(StatusCategory::NoShow) + ")";
}

constexpr std::string_view kPaymentKnown = "(a.client_paid_cents IS NOT NULL OR a.insurance_paid_cents IS NOT NULL)";
constexpr std::string_view kBalance =
    "(coalesce(a.fee_cents, 0) - coalesce(a.client_paid_cents, 0) - coalesce(a.insurance_paid_cents, 0))";

WhereClause whereClause(const AppointmentFilter& filter)
{
    WhereClause where;
    std::vector<std::string> conditions;
    const auto add = [&](std::string condition, Parameter value) {
        where.parameters.push_back(std::move(value));
        const std::string p = "?" + std::to_string(where.parameters.size());
        std::string::size_type at = 0;
        while ((at = condition.find('$', at)) != std::string::npos) {
            condition.replace(at, 1, p);
            at += p.size();
        }
        conditions.push_back(std::move(condition));
    };
    if (filter.clinicianId)
        add("a.clinician_id = $", std::int64_t{*filter.clinicianId});
    if (filter.status)
        add("a.status = $", std::int64_t{static_cast<int>(*filter.status)});
    if (filter.from)
        add("a.day >= $", std::int64_t{toSerial(*filter.from)});
    if (filter.to)
        add("a.day <= $", std::int64_t{toSerial(*filter.to)});
    if (filter.rawStatus)
        add("a.raw_status = $", *filter.rawStatus);
    if (filter.serviceCode)
        add("a.service_code = $", *filter.serviceCode);
    if (filter.location)
        add("a.location = $", *filter.location);
    if (filter.noteStatus)
        add("a.note_status = $", std::int64_t{static_cast<int>(*filter.noteStatus)});
    if (filter.payment) {
        switch (*filter.payment) {
        case PaymentState::Paid:
            conditions.push_back(std::string(kPaymentKnown) + " AND " + std::string(kBalance) + " <= 0");
            break;
        case PaymentState::UnpaidBalance:
            conditions.push_back(std::string(kPaymentKnown) + " AND " + std::string(kBalance) + " > 0");
            break;
        case PaymentState::NoPaymentData:
            conditions.emplace_back("a.client_paid_cents IS NULL AND a.insurance_paid_cents IS NULL");
            break;
        }
    }
    if (filter.list) {
        const std::int64_t through = filter.listThrough ? toSerial(*filter.listThrough) : std::int64_t{INT32_MIN};
        switch (*filter.list) {
        case WorkflowList::OverdueNotes:
            add(qualifyingCondition() + " AND a.note_status = "
                    + std::to_string(static_cast<int>(NoteStatus::Unsigned)) + " AND a.day <= $",
                through);
            break;
        case WorkflowList::MissingPayments:
            add(qualifyingCondition() + " AND a.fee_cents > 0 AND " + std::string(kPaymentKnown) + " AND "
                    + std::string(kBalance) + " > 0 AND a.day <= $",
                through);
            break;
        case WorkflowList::Unmarked:
            add("a.status = " + statusNumber(StatusCategory::Scheduled) + " AND a.day <= $", through);
            break;
        }
    }
    for (const std::string& word : filterWords(filter.text)) {
        add("(a.client_id IN (SELECT id FROM clients WHERE display_name LIKE $ ESCAPE '\\') "
            "OR a.clinician_id IN (SELECT id FROM clinicians WHERE name LIKE $ ESCAPE '\\') "
            "OR a.service_code LIKE $ ESCAPE '\\' OR a.raw_status LIKE $ ESCAPE '\\' "
            "OR a.location LIKE $ ESCAPE '\\')",
            likePattern(word));
    }
    for (std::size_t i = 0; i < conditions.size(); ++i)
        where.sql += (i == 0 ? " WHERE (" : " AND (") + conditions[i] + ")";
    return where;
}

void bindAll(sql::Statement& statement, const std::vector<Parameter>& parameters)
{
    int index = 0;
    for (const Parameter& parameter : parameters) {
        ++index;
        if (const auto* number = std::get_if<std::int64_t>(&parameter))
            statement.bind(index, *number);
        else
            statement.bind(index, std::get<std::string>(parameter));
    }
}

// Adds one row's money to the totals (and the balance breakdown when asked for).
struct TotalsAccumulator {
    AppointmentTotals totals;
    bool breakdown = false;
    std::map<std::tuple<int, unsigned, std::string>, BalanceByMonthAndPayer> balances;

    void add(std::int32_t day, std::optional<Cents> fee, std::optional<Cents> clientPaid,
             std::optional<Cents> insurancePaid, std::string_view payer)
    {
        ++totals.count;
        totals.fees += fee.value_or(0);
        totals.clientPaid += clientPaid.value_or(0);
        totals.insurancePaid += insurancePaid.value_or(0);
        if (!clientPaid && !insurancePaid) {
            totals.withoutPaymentData += fee.value_or(0) > 0 ? 1 : 0;
            return;
        }
        const Cents balance = fee.value_or(0) - clientPaid.value_or(0) - insurancePaid.value_or(0);
        if (balance <= 0)
            return;
        totals.unpaid += balance;
        if (!breakdown)
            return;
        const std::chrono::year_month_day date{fromSerial(day)};
        const int year = static_cast<int>(date.year());
        const unsigned month = static_cast<unsigned>(date.month());
        auto found = balances.find(std::make_tuple(year, month, std::string(payer)));
        if (found == balances.end())
            found = balances
                        .emplace(std::make_tuple(year, month, std::string(payer)),
                                 BalanceByMonthAndPayer{year, month, std::string(payer), 0, 0})
                        .first;
        ++found->second.sessions;
        found->second.balance += balance;
    }
};

} // namespace

std::optional<AppointmentQueryResult> queryAppointments(sql::Connection& connection, const AppointmentFilter& filter,
                                                        const AppointmentSort& sort, AppointmentQueryOptions options,
                                                        std::stop_token stop)
{
    // SQLite filters with one scan of the appointments (names are matched in the small
    // clients and clinicians tables first, so no row needs a join), and the totals are
    // added up from the same rows; the sort itself runs here on compact integer keys,
    // several times faster than a sorter over a million rows in SQLite.
    const SortColumnSql key = sortColumnSql(sort.column);
    const WhereClause where = whereClause(filter);

    std::string sql = "SELECT a.id, a.day, a.start_minute, ";
    sql += key.expression;
    sql += ", a.fee_cents, a.client_paid_cents, a.insurance_paid_cents";
    sql += options.balanceBreakdown ? ", a.payer" : ", ''";
    sql += ", a.clinician_id";
    sql += " FROM appointments a";
    sql += where.sql;

    InterruptOnStop interrupt(connection.handle(), stop);
    std::vector<SortRow> rows;
    TotalsAccumulator totals;
    totals.breakdown = options.balanceBreakdown;
    std::map<RowId, std::int64_t> clinicianCounts;
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
        bindAll(statement, where.parameters);

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
            totals.add(row.day, statement.optionalInt64(4), statement.optionalInt64(5), statement.optionalInt64(6),
                       statement.textView(7));
            if (options.countByClinician)
                ++clinicianCounts[statement.int64(8)];
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

    AppointmentQueryResult result;
    result.ids.reserve(rows.size());
    for (const SortRow& row : rows)
        result.ids.push_back(row.id);
    result.totals = totals.totals;
    for (auto& entry : totals.balances)
        result.balances.push_back(std::move(entry.second));
    for (const auto& entry : clinicianCounts)
        result.clinicianCounts.push_back({entry.first, entry.second});
    return result;
}

std::optional<std::vector<RowId>> queryAppointmentIds(sql::Connection& connection,
                                                      const AppointmentFilter& filter,
                                                      const AppointmentSort& sort,
                                                      std::stop_token stop)
{
    std::optional<AppointmentQueryResult> result = queryAppointments(connection, filter, sort, {}, std::move(stop));
    if (!result)
        return std::nullopt;
    return std::move(result->ids);
}

AppointmentFilterChoices loadAppointmentFilterChoices(sql::Connection& connection)
{
    AppointmentFilterChoices choices;
    {
        sql::Statement statement =
            connection.prepare("SELECT id, name FROM clinicians ORDER BY name COLLATE NOCASE, id");
        while (statement.step())
            choices.clinicians.push_back({statement.int64(0), statement.text(1)});
    }
    // One scan for the three columns; the distinct combinations are few, so sets here
    // are cheaper than three scans.
    std::set<std::string> raw;
    std::set<std::string> codes;
    std::set<std::string> locations;
    sql::Statement statement =
        connection.prepare("SELECT DISTINCT raw_status, service_code, location FROM appointments");
    while (statement.step()) {
        raw.emplace(statement.textView(0));
        codes.emplace(statement.textView(1));
        locations.emplace(statement.textView(2));
    }
    const auto sorted = [](std::set<std::string>& values) {
        values.erase(std::string());
        std::vector<std::string> out(values.begin(), values.end());
        std::stable_sort(out.begin(), out.end(),
                         [](const std::string& a, const std::string& b) { return compareNoCase(a, b) < 0; });
        return out;
    };
    choices.rawStatuses = sorted(raw);
    choices.serviceCodes = sorted(codes);
    choices.locations = sorted(locations);
    return choices;
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
