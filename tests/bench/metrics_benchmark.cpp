// Metrics benchmark (issue: "the dashboard from a snapshot, not from SQL").
//
// On the 1,000,000-appointment demo practice: loading the snapshot from the database,
// one pass over the database rows, the same dashboard numbers computed by SQL queries
// (the baseline), the whole practice dashboard from the snapshot, and one clinician's
// full view. Prints median / min / max of each, the ratios and the targets (informational:
// benchmarks assert nothing about time, machines are noisy).
//
// It also cross-checks the SQL numbers against the engine's. A difference is a
// correctness bug in one of the two: it is printed as MISMATCH and the exit status is 1.
//
//   metrics_benchmark [--db PATH] [--appointments N] [--runs R] [--end YYYY-MM-DD]
//                     [--as-of YYYY-MM-DD] [--seed S] [--keep PATH] [--skip-sql]
//
// --keep PATH writes the demo practice to PATH and leaves it there (reuse it with --db);
// --skip-sql leaves out the SQL baseline and the cross-check (for profiling the engine).

#include "caseboard/core/day.h"
#include "caseboard/core/money.h"
#include "caseboard/demo/demo_practice.h"
#include "caseboard/metrics/caseload.h"
#include "caseboard/metrics/dashboard.h"
#include "caseboard/metrics/goals_and_rates.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/pair_facts.h"
#include "caseboard/metrics/retention.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/metrics/weekly_series.h"
#include "caseboard/metrics/workflow_lists.h"
#include "caseboard/store/sqlite.h"
#include "caseboard/store/store.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <time.h>
#include <unistd.h>
#include <unordered_map>
#include <utility>
#include <vector>

namespace {

using namespace caseboard;
using namespace caseboard::metrics;
using Clock = std::chrono::steady_clock;

// Results are folded in here so the optimiser cannot drop a timed computation.
volatile std::int64_t g_sink = 0;

// ---------------------------------------------------------------------------------------
// Arguments

struct Arguments {
    std::string db;
    std::int64_t appointments = 1'000'000;
    int runs = 5;
    std::uint64_t seed = 1;
    Day end = makeDay(2026, 11, 23);
    std::optional<Day> asOf;
    std::string keep; // write the generated demo here and leave it
    bool skipSql = false; // no SQL baseline, no cross-check: for profiling the engine
};

[[noreturn]] void usage(const std::string& problem)
{
    std::fprintf(stderr,
                 "metrics_benchmark: %s\n"
                 "usage: metrics_benchmark [--db PATH] [--appointments N] [--runs R] [--end YYYY-MM-DD]\n"
                 "                         [--as-of YYYY-MM-DD] [--seed S] [--keep PATH] [--skip-sql]\n",
                 problem.c_str());
    std::exit(2);
}

Day parseDayArgument(const std::string& option, const std::string& text)
{
    const std::optional<Day> day = parseIsoDay(text);
    if (!day)
        usage(option + " expects YYYY-MM-DD, got '" + text + "'");
    return *day;
}

std::int64_t parseIntArgument(const std::string& option, const std::string& text, std::int64_t minimum)
{
    char* end = nullptr;
    const long long value = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || value < minimum)
        usage(option + " expects a whole number >= " + std::to_string(minimum) + ", got '" + text + "'");
    return value;
}

Arguments parseArguments(int argc, char** argv)
{
    Arguments args;
    for (int i = 1; i < argc; ++i) {
        const std::string option = argv[i];
        if (option == "--help" || option == "-h")
            usage("help");
        if (option == "--skip-sql") {
            args.skipSql = true;
            continue;
        }
        if (i + 1 >= argc)
            usage(option + " needs a value");
        const std::string value = argv[++i];
        if (option == "--db")
            args.db = value;
        else if (option == "--appointments")
            args.appointments = parseIntArgument(option, value, 1);
        else if (option == "--runs")
            args.runs = static_cast<int>(parseIntArgument(option, value, 1));
        else if (option == "--seed")
            args.seed = static_cast<std::uint64_t>(parseIntArgument(option, value, 0));
        else if (option == "--end")
            args.end = parseDayArgument(option, value);
        else if (option == "--as-of")
            args.asOf = parseDayArgument(option, value);
        else if (option == "--keep")
            args.keep = value;
        else
            usage("unknown option " + option);
    }
    return args;
}

// ---------------------------------------------------------------------------------------
// Timing

struct Stats {
    double median = 0.0;
    double min = 0.0;
    double max = 0.0;
};

Stats statsOf(std::vector<double> ms)
{
    Stats s;
    if (ms.empty())
        return s;
    std::sort(ms.begin(), ms.end());
    const std::size_t n = ms.size();
    s.median = n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2.0;
    s.min = ms.front();
    s.max = ms.back();
    return s;
}

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// CPU time of this (single-threaded) process: on a shared machine the wall time also
// holds the time other processes had the core.
double cpuMilliseconds()
{
    timespec now{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

struct Measured {
    Stats wall; // steady_clock
    Stats cpu;
};

// `warmups` untimed calls, then `runs` timed ones.
Measured timeRuns(int warmups, int runs, const std::function<void()>& work)
{
    for (int i = 0; i < warmups; ++i)
        work();
    std::vector<double> wall;
    std::vector<double> cpu;
    for (int i = 0; i < runs; ++i) {
        const double cpuStart = cpuMilliseconds();
        const auto start = Clock::now();
        work();
        wall.push_back(millisecondsSince(start));
        cpu.push_back(cpuMilliseconds() - cpuStart);
    }
    return {statsOf(std::move(wall)), statsOf(std::move(cpu))};
}

void printStats(const char* label, const Measured& m)
{
    std::printf("  %-44s median %9.3f ms (min %9.3f, max %9.3f)   cpu %9.3f ms\n", label, m.wall.median, m.wall.min,
                m.wall.max, m.cpu.median);
}

// ---------------------------------------------------------------------------------------
// The SQL baseline: the dashboard's numbers computed by SQL queries on the database, as a
// reporting tool without a snapshot would. One statement per metric (GROUP BY clinician
// where the dashboard has a per-clinician column), pair facts gathered once into a
// temporary table that the retention and list queries share.

struct SqlNumbers {
    double weeklyGoal = 0.0;
    std::int64_t countedSessions7d = 0;     // groups merged
    std::int64_t countedAppointments7d = 0; // every client of a group
    CancellationCounts cancellation12w;
    std::int64_t upcomingAppointments = 0;
    std::int64_t upcomingSessions = 0;
    std::int64_t activeClients = 0;
    std::int64_t cohort = 0;
    std::int64_t retained = 0;
    std::int64_t churned = 0;
    std::int64_t cohortSessions = 0;
    Cents revenue = 0;
    std::int64_t revenueSessions = 0;
    std::int64_t intakes7d = 0;
    std::int64_t overdueNotes = 0;
    std::int64_t openings = 0;
};

struct SqlAppointment {
    RowId id = 0;
    RowId clinician = 0;
    RowId client = 0;
    std::int32_t day = 0;
};

struct SqlPair {
    RowId clinician = 0;
    RowId client = 0;
    std::int32_t intake = kNoDay;
    std::int32_t lastQualifying = kNoDay;
    std::int32_t nextScheduled = kNoDay;
    std::int64_t count = 0; // billable cancels for the attendance list
};

struct SqlMissingPayment {
    SqlAppointment appointment;
    Cents fee = 0;
    Cents paid = 0;
    std::string payer;
};

struct SqlPaymentTotal {
    std::string month; // YYYY-MM
    std::string payer;
    std::int64_t sessions = 0;
    Cents balance = 0;
};

struct SqlNewClinician {
    RowId clinician = 0;
    std::int32_t start = kNoDay;
    std::int64_t intakes = 0;
    std::int64_t rebooked = 0;
};

struct SqlWeek {
    std::int32_t start = 0;
    std::int32_t end = 0;
    std::int64_t counted = 0;
    CancellationCounts cancellation;
    std::int64_t activeClients = 0;
    double goal = 0.0;
};

struct SqlDashboard {
    std::vector<RowId> clinicianIds; // by id
    std::vector<SqlNumbers> clinicians;
    SqlNumbers practice;
    std::vector<std::size_t> openings; // positions in clinicianIds
    std::vector<SqlPair> followUps;
    std::vector<SqlNewClinician> newClinicians;
    std::vector<SqlPair> atRisk;
    std::vector<SqlPair> closeOut;
    std::vector<SqlPair> attendance;
    std::vector<SqlAppointment> overdueNotes;
    std::vector<SqlMissingPayment> missingPayments;
    std::vector<SqlPaymentTotal> paymentTotals;
    Cents missingBalance = 0;
    std::vector<SqlAppointment> unmarked;
    std::vector<SqlWeek> series;
    std::vector<std::int64_t> intakesPerMonth; // 25 months ending with T's month
};

struct SqlStage {
    std::string group; // "numbers", "lists", "series"
    std::string name;
    double ms = 0.0;
};

// Week start and month arithmetic on day serials (1970-01-01, serial 0, was a Thursday).
std::int32_t weekStartSerial(std::int32_t day, WeekStart start)
{
    const int offset = start == WeekStart::Monday ? 3 : 4; // days since the week's first day on serial 0
    return day - ((day + offset) % 7 + 7) % 7;
}

std::chrono::year_month monthOf(Day day)
{
    const std::chrono::year_month_day ymd{day};
    return ymd.year() / ymd.month();
}

std::string monthKey(std::chrono::year_month ym)
{
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(ym.year()), static_cast<unsigned>(ym.month()));
    return text;
}

std::int32_t firstDayOf(std::chrono::year_month ym) { return toSerial(Day{ym / std::chrono::day{1}}); }

class SqlBaseline {
public:
    SqlBaseline(sql::Connection& db, const MetricSettings& settings, Day asOf)
        : db_(db), settings_(settings), asOf_(asOf)
    {
        const std::int32_t t = toSerial(asOf);
        const std::chrono::year_month month = monthOf(asOf);
        const std::int32_t weekStart = weekStartSerial(t, settings.weekStart);
        auto set = [this](std::string name, std::int64_t value) { tokens_.emplace_back(std::move(name), std::to_string(value)); };
        set("T", t);
        set("ACTIVE_FROM", t - (settings.activeWindowDays - 1));
        set("ACTIVE_AHEAD", settings.activeWindowDays);
        set("ACTIVE_BACK", settings.activeWindowDays - 1);
        set("RET", settings.retentionThreshold);
        set("CHURN", settings.churnThreshold);
        set("Y_FROM", t - 364);
        set("COHORT_END", std::min(t, t - 7 * settings.retentionThreshold));
        set("NOTE_TO", t - settings.noteDueDays);
        set("PAY_TO", t - settings.paymentLagDays);
        set("CLOSE_FROM", t - settings.closeOutClosedDays);
        set("CLOSE_TO", t - (settings.closeOutUnseenDays + 1));
        set("ATTEND", settings.attendancePolicyCount);
        set("PREV_FROM", firstDayOf(month - std::chrono::months{1}));
        set("PREV_TO", firstDayOf(month) - 1);
        set("NEW_FROM", t - 89);
        set("WS0", weekStart - 7 * 51);
        set("MONTH0", firstDayOf(month - std::chrono::months{24}));
        tokens_.emplace_back("COUNTED", settings.billableCancelsCountAsCompleted ? "0, 1, 2" : "0");
        tokens_.emplace_back("FEE", settings.revenueBasis == RevenueBasis::Charged
                                        ? "fee_cents"
                                        : "coalesce(client_paid_cents, 0) + coalesce(insurance_paid_cents, 0)");
        // A group (one clinician, one known start time, one day; or the 90853 rows of a day
        // without start times) is one session.
        tokens_.emplace_back(
            "SESSIONS", settings.countGroupClientsSeparately
                            ? std::string("count(*)")
                            : std::string("count(DISTINCT CASE WHEN start_minute IS NOT NULL OR service_code = '90853' "
                                          "THEN (clinician_id << 32) + day * 1442 + coalesce(start_minute, -1) + 1 END) "
                                          "+ sum(start_minute IS NULL AND service_code <> '90853')"));
    }

    SqlDashboard run(std::vector<SqlStage>* stages)
    {
        stages_ = stages;
        SqlDashboard d;
        const std::int32_t t = toSerial(asOf_);

        std::unordered_map<RowId, std::size_t> position;
        query("clinicians", "SELECT id FROM clinicians ORDER BY id", [&](const sql::Statement& s) {
            position.emplace(s.int64(0), d.clinicianIds.size());
            d.clinicianIds.push_back(s.int64(0));
        });
        d.clinicians.assign(d.clinicianIds.size(), SqlNumbers{});
        auto of = [&](const sql::Statement& s) -> SqlNumbers& { return d.clinicians[position.at(s.int64(0))]; };

        query("weekly goals on T",
              "SELECT clinician_id, weekly_goal FROM goal_periods WHERE from_day <= {T} AND coalesce(to_day, {T}) >= {T} "
              "ORDER BY clinician_id, from_day, id",
              [&](const sql::Statement& s) { of(s).weeklyGoal = s.real(1); }); // the last period starting wins

        query("counted sessions, last 7 days",
              "SELECT clinician_id, {SESSIONS}, count(*) FROM appointments "
              "WHERE day BETWEEN {T} - 6 AND {T} AND status IN ({COUNTED}) GROUP BY clinician_id",
              [&](const sql::Statement& s) {
                  of(s).countedSessions7d = s.int64(1);
                  of(s).countedAppointments7d = s.int64(2);
              });

        query("cancellation counts, 12 weeks",
              "SELECT clinician_id, sum(status = 0), sum(status = 3), sum(status = 1), sum(status = 2) "
              "FROM appointments WHERE day BETWEEN {T} - 83 AND {T} GROUP BY clinician_id",
              [&](const sql::Statement& s) {
                  CancellationCounts& c = of(s).cancellation12w;
                  c.completed = s.int64(1);
                  c.cancelled = s.int64(2);
                  c.lateCancel = s.int64(3);
                  c.noShow = s.int64(4);
              });

        query("upcoming bookings, next 7 days",
              "SELECT clinician_id, count(*), {SESSIONS} FROM appointments "
              "WHERE day BETWEEN {T} + 1 AND {T} + 7 AND status NOT IN (1, 3, 4) GROUP BY clinician_id",
              [&](const sql::Statement& s) {
                  of(s).upcomingAppointments = s.int64(1);
                  of(s).upcomingSessions = s.int64(2);
              });

        static constexpr const char* kActiveWhere =
            "WHERE (day BETWEEN {ACTIVE_FROM} AND {T} AND status IN (0, 1, 2)) OR (day > {T} AND status NOT IN (1, 3, 4))";
        query("active clients per clinician",
              std::string("SELECT clinician_id, count(DISTINCT client_id) FROM appointments ") + kActiveWhere
                  + " GROUP BY clinician_id",
              [&](const sql::Statement& s) { of(s).activeClients = s.int64(1); });
        query("active clients, practice", std::string("SELECT count(DISTINCT client_id) FROM appointments ") + kActiveWhere,
              [&](const sql::Statement& s) { d.practice.activeClients = s.int64(0); });

        exec("pair facts (temp table)", "DROP TABLE IF EXISTS temp.pf; CREATE TEMP TABLE pf AS SELECT "
             "clinician_id, client_id, "
             "min(CASE WHEN day <= {T} AND status IN (0, 1, 2) THEN day END) AS intake, "
             "max(CASE WHEN day <= {T} AND status IN (0, 1, 2) THEN day END) AS last_q, "
             "min(CASE WHEN day > {T} AND status NOT IN (1, 3, 4) THEN day END) AS next_sched, "
             "min(day) AS first_day, "
             "sum(day <= {T} AND status IN (0, 1, 2)) AS q_count, "
             "sum(day BETWEEN {Y_FROM} AND {T} AND status IN (1, 2)) AS bc_12m, "
             "sum(CASE WHEN day BETWEEN {Y_FROM} AND {T} AND status IN (0, 1, 2) AND fee_cents IS NOT NULL "
             "    THEN {FEE} ELSE 0 END) AS revenue, "
             "sum(day BETWEEN {Y_FROM} AND {T} AND status IN (0, 1, 2) AND fee_cents IS NOT NULL) AS revenue_sessions, "
             "max(CASE WHEN (day <= {T} AND status IN (0, 1, 2, 5)) OR (day > {T} AND status NOT IN (1, 3, 4)) "
             "    THEN day END) AS last_live "
             "FROM appointments GROUP BY clinician_id, client_id");

        query("retention, 12 months",
              "SELECT clinician_id, "
              "sum(intake BETWEEN {Y_FROM} AND {COHORT_END}), "
              "sum(intake BETWEEN {Y_FROM} AND {COHORT_END} AND q_count >= {RET}), "
              "sum(intake BETWEEN {Y_FROM} AND {COHORT_END} AND q_count < {CHURN}), "
              "sum(CASE WHEN intake BETWEEN {Y_FROM} AND {COHORT_END} THEN q_count ELSE 0 END), "
              "sum(revenue), sum(revenue_sessions), "
              "sum(intake BETWEEN {T} - 6 AND {T}) "
              "FROM pf GROUP BY clinician_id",
              [&](const sql::Statement& s) {
                  SqlNumbers& n = of(s);
                  n.cohort = s.int64(1);
                  n.retained = s.int64(2);
                  n.churned = s.int64(3);
                  n.cohortSessions = s.int64(4);
                  n.revenue = s.int64(5);
                  n.revenueSessions = s.int64(6);
                  n.intakes7d = s.int64(7);
              });
        query("practice intakes, last 7 days",
              "SELECT count(*) FROM (SELECT min(intake) AS first FROM pf GROUP BY client_id) "
              "WHERE first BETWEEN {T} - 6 AND {T}",
              [&](const sql::Statement& s) { d.practice.intakes7d = s.int64(0); });

        group_ = "lists";
        auto pairRow = [](const sql::Statement& s) {
            SqlPair p;
            p.clinician = s.int64(0);
            p.client = s.int64(1);
            p.intake = s.isNull(2) ? kNoDay : s.integer(2);
            p.lastQualifying = s.isNull(3) ? kNoDay : s.integer(3);
            p.nextScheduled = s.isNull(4) ? kNoDay : s.integer(4);
            p.count = s.int64(5);
            return p;
        };
        query("new client follow-ups",
              "SELECT clinician_id, client_id, intake, last_q, next_sched, 0 FROM pf "
              "WHERE intake BETWEEN {T} - 6 AND {T} ORDER BY intake, clinician_id, client_id",
              [&](const sql::Statement& s) { d.followUps.push_back(pairRow(s)); });
        query("at-risk clients",
              "SELECT clinician_id, client_id, intake, last_q, next_sched, 0 FROM pf "
              "WHERE intake BETWEEN {PREV_FROM} AND {PREV_TO} AND next_sched IS NULL ORDER BY last_q, clinician_id",
              [&](const sql::Statement& s) { d.atRisk.push_back(pairRow(s)); });
        query("close-out candidates",
              "SELECT pf.clinician_id, pf.client_id, intake, last_q, next_sched, 0 FROM pf "
              "JOIN clients c ON c.id = pf.client_id "
              "WHERE last_q BETWEEN {CLOSE_FROM} AND {CLOSE_TO} AND next_sched IS NULL "
              "AND lower(trim(c.status)) NOT IN ('discharged', 'closed') ORDER BY last_q, pf.clinician_id",
              [&](const sql::Statement& s) { d.closeOut.push_back(pairRow(s)); });
        query("attendance policy",
              "SELECT clinician_id, client_id, intake, last_q, next_sched, bc_12m FROM pf "
              "WHERE bc_12m >= {ATTEND} ORDER BY bc_12m DESC, clinician_id",
              [&](const sql::Statement& s) { d.attendance.push_back(pairRow(s)); });
        query("new clinicians",
              "WITH starts AS (SELECT c.id AS clinician_id, coalesce(c.start_day, f.first_day) AS start "
              "  FROM clinicians c LEFT JOIN (SELECT clinician_id, min(first_day) AS first_day FROM pf "
              "  GROUP BY clinician_id) f ON f.clinician_id = c.id) "
              "SELECT s.clinician_id, s.start, count(pf.intake), coalesce(sum(pf.last_live > pf.intake), 0) "
              "FROM starts s LEFT JOIN pf ON pf.clinician_id = s.clinician_id AND pf.intake BETWEEN s.start AND {T} "
              "WHERE s.start BETWEEN {NEW_FROM} AND {T} GROUP BY s.clinician_id ORDER BY s.clinician_id",
              [&](const sql::Statement& s) {
                  d.newClinicians.push_back({s.int64(0), s.integer(1), s.int64(2), s.int64(3)});
              });

        auto appointmentRow = [](const sql::Statement& s) {
            return SqlAppointment{s.int64(0), s.int64(1), s.int64(2), s.integer(3)};
        };
        query("overdue progress notes",
              "SELECT id, clinician_id, client_id, day FROM appointments "
              "WHERE status IN (0, 1, 2) AND day <= {NOTE_TO} AND note_status = 1 ORDER BY day, clinician_id, id",
              [&](const sql::Statement& s) {
                  d.overdueNotes.push_back(appointmentRow(s));
                  ++d.clinicians[position.at(s.int64(1))].overdueNotes;
              });
        static constexpr const char* kUnpaid =
            "FROM appointments WHERE status IN (0, 1, 2) AND day <= {PAY_TO} AND fee_cents > 0 "
            "AND (client_paid_cents IS NOT NULL OR insurance_paid_cents IS NOT NULL) "
            "AND fee_cents - coalesce(client_paid_cents, 0) - coalesce(insurance_paid_cents, 0) > 0";
        query("missing payments",
              std::string("SELECT id, clinician_id, client_id, day, fee_cents, "
                          "coalesce(client_paid_cents, 0) + coalesce(insurance_paid_cents, 0), payer ")
                  + kUnpaid + " ORDER BY day, clinician_id, id",
              [&](const sql::Statement& s) {
                  SqlMissingPayment p{appointmentRow(s), s.int64(4), s.int64(5), s.text(6)};
                  d.missingBalance += p.fee - p.paid;
                  d.missingPayments.push_back(std::move(p));
              });
        query("missing payments by month and payer",
              std::string("SELECT strftime('%Y-%m', day * 86400, 'unixepoch') AS month, payer, count(*), "
                          "sum(fee_cents - coalesce(client_paid_cents, 0) - coalesce(insurance_paid_cents, 0)) ")
                  + kUnpaid + " GROUP BY month, payer ORDER BY month, payer",
              [&](const sql::Statement& s) {
                  d.paymentTotals.push_back({s.text(0), s.text(1), s.int64(2), s.int64(3)});
              });
        query("unmarked appointments",
              "SELECT id, clinician_id, client_id, day FROM appointments WHERE day <= {T} AND status = 5 "
              "ORDER BY day, clinician_id, id",
              [&](const sql::Statement& s) { d.unmarked.push_back(appointmentRow(s)); });

        // The 52-week series (the practice's): weeks in a small temporary table, each
        // appointment joined to the week ends it makes its client active on.
        group_ = "series";
        d.series.resize(52);
        exec("series: weeks table",
             "DROP TABLE IF EXISTS temp.weeks; "
             "CREATE TEMP TABLE weeks (k INTEGER PRIMARY KEY, ws INTEGER NOT NULL, we INTEGER NOT NULL); "
             "WITH RECURSIVE w(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM w WHERE k < 51) "
             "INSERT INTO weeks SELECT k, {WS0} + 7 * k, min({WS0} + 7 * k + 6, {T}) FROM w; "
             "CREATE INDEX temp.weeks_by_end ON weeks(we)");
        for (std::size_t k = 0; k < d.series.size(); ++k) {
            const std::int32_t start = weekStartSerial(t, settings_.weekStart) - 7 * (51 - static_cast<std::int32_t>(k));
            d.series[k].start = start;
            d.series[k].end = std::min(start + 6, t);
        }
        query("series: counted and cancellations per week",
              "SELECT (day - {WS0}) / 7 AS k, "
              + std::string(settings_.countGroupClientsSeparately
                                ? "sum(status IN ({COUNTED}))"
                                : "count(DISTINCT CASE WHEN status IN ({COUNTED}) AND (start_minute IS NOT NULL OR "
                                  "service_code = '90853') THEN (clinician_id << 32) + day * 1442 + "
                                  "coalesce(start_minute, -1) + 1 END) "
                                  "+ sum(status IN ({COUNTED}) AND start_minute IS NULL AND service_code <> '90853')")
                  + ", sum(status = 0), sum(status = 3), sum(status = 1), sum(status = 2) "
                    "FROM appointments WHERE day BETWEEN {WS0} AND {T} GROUP BY k",
              [&](const sql::Statement& s) {
                  SqlWeek& w = d.series.at(static_cast<std::size_t>(s.int64(0)));
                  w.counted = s.int64(1);
                  w.cancellation.completed = s.int64(2);
                  w.cancellation.cancelled = s.int64(3);
                  w.cancellation.lateCancel = s.int64(4);
                  w.cancellation.noShow = s.int64(5);
              });
        query("series: active clients per week end",
              "WITH hits AS ("
              "  SELECT w.k, a.client_id FROM appointments a CROSS JOIN weeks w "
              "  WHERE a.status IN (0, 1, 2) AND a.day BETWEEN {WS0} - {ACTIVE_BACK} AND {T} "
              "    AND w.we BETWEEN a.day AND a.day + {ACTIVE_BACK} "
              "  UNION ALL "
              "  SELECT w.k, a.client_id FROM appointments a CROSS JOIN weeks w "
              "  WHERE a.status NOT IN (1, 3, 4) AND a.day BETWEEN {WS0} + 1 AND {T} + {ACTIVE_AHEAD} "
              "    AND w.we BETWEEN a.day - {ACTIVE_AHEAD} AND a.day - 1 AND w.we < {T} "
              "  UNION ALL "
              "  SELECT 51, client_id FROM appointments WHERE day > {T} AND status NOT IN (1, 3, 4)) "
              "SELECT k, count(DISTINCT client_id) FROM hits GROUP BY k",
              [&](const sql::Statement& s) {
                  d.series.at(static_cast<std::size_t>(s.int64(0))).activeClients = s.int64(1);
              });
        if (const std::optional<double> practiceGoal = explicitPracticeWeeklyGoal(settings_)) {
            for (SqlWeek& w : d.series)
                w.goal = *practiceGoal * (w.end - w.start + 1) / 7.0;
        } else {
            query("series: goal per week",
                  "SELECT w.k, sum(g.weekly_goal * (min(coalesce(g.to_day, w.we), w.we) - max(g.from_day, w.ws) + 1)) "
                  "FROM weeks w JOIN goal_periods g ON g.from_day <= w.we AND coalesce(g.to_day, w.we) >= w.ws "
                  "GROUP BY w.k",
                  [&](const sql::Statement& s) {
                      d.series.at(static_cast<std::size_t>(s.int64(0))).goal = s.real(1) / 7.0;
                  });
        }

        d.intakesPerMonth.assign(25, 0);
        {
            std::unordered_map<std::string, std::size_t> slot;
            const std::chrono::year_month last = monthOf(asOf_);
            for (int m = 0; m < 25; ++m)
                slot.emplace(monthKey(last - std::chrono::months{24 - m}), static_cast<std::size_t>(m));
            query("intakes per month (practice: clients)",
                  "SELECT strftime('%Y-%m', first * 86400, 'unixepoch') AS month, count(*) "
                  "FROM (SELECT min(intake) AS first FROM pf WHERE intake IS NOT NULL GROUP BY client_id) "
                  "WHERE first BETWEEN {MONTH0} AND {T} GROUP BY month",
                  [&](const sql::Statement& s) {
                      const auto it = slot.find(s.text(0));
                      if (it != slot.end())
                          d.intakesPerMonth[it->second] = s.int64(1);
                  });
        }

        // Practice totals of the additive numbers, then what follows from the counts.
        group_ = "numbers";
        const auto derivedStart = Clock::now();
        SqlNumbers& p = d.practice;
        for (const SqlNumbers& c : d.clinicians) {
            p.weeklyGoal += c.weeklyGoal;
            p.countedSessions7d += c.countedSessions7d;
            p.countedAppointments7d += c.countedAppointments7d;
            p.cancellation12w += c.cancellation12w;
            p.upcomingAppointments += c.upcomingAppointments;
            p.upcomingSessions += c.upcomingSessions;
            p.cohort += c.cohort;
            p.retained += c.retained;
            p.churned += c.churned;
            p.cohortSessions += c.cohortSessions;
            p.revenue += c.revenue;
            p.revenueSessions += c.revenueSessions;
            p.overdueNotes += c.overdueNotes;
        }
        if (const std::optional<double> practiceGoal = explicitPracticeWeeklyGoal(settings_))
            p.weeklyGoal = *practiceGoal;
        auto rateOf = [](const CancellationCounts& c) -> std::optional<Fraction> {
            if (c.denominator() == 0)
                return std::nullopt;
            return Fraction{c.cancellations(), c.denominator()};
        };
        for (std::size_t i = 0; i < d.clinicians.size(); ++i) {
            SqlNumbers& c = d.clinicians[i];
            const bool own = c.cancellation12w.denominator() >= settings_.smallSampleThreshold;
            const std::optional<std::int64_t> target =
                exactBookingsTarget(c.weeklyGoal, rateOf(own ? c.cancellation12w : p.cancellation12w));
            if (target && c.upcomingSessions < *target) {
                c.openings = *target - c.upcomingSessions;
                d.openings.push_back(i);
            }
        }
        record("derived in C++ (totals, targets)", derivedStart);
        stages_ = nullptr;
        group_ = "numbers";
        return d;
    }

private:
    std::string expand(std::string_view text) const
    {
        std::string out;
        out.reserve(text.size() + 64);
        std::size_t i = 0;
        while (i < text.size()) {
            const std::size_t open = text.find('{', i);
            if (open == std::string_view::npos) {
                out.append(text.substr(i));
                break;
            }
            out.append(text.substr(i, open - i));
            const std::size_t close = text.find('}', open);
            const std::string_view name = text.substr(open + 1, close - open - 1);
            const auto it = std::find_if(tokens_.begin(), tokens_.end(),
                                         [&](const auto& token) { return token.first == name; });
            if (close == std::string_view::npos || it == tokens_.end())
                throw std::runtime_error("metrics_benchmark: unknown SQL token {" + std::string(name) + "}");
            // A token's value may hold tokens itself ({SESSIONS}, {COUNTED} inside series SQL).
            out.append(expand(it->second));
            i = close + 1;
        }
        return out;
    }

    void record(const std::string& name, Clock::time_point start)
    {
        if (stages_)
            stages_->push_back({group_, name, millisecondsSince(start)});
    }

    template <typename OnRow>
    void query(const std::string& name, const std::string& text, OnRow onRow)
    {
        const auto start = Clock::now();
        auto statement = db_.prepare(expand(text));
        while (statement.step())
            onRow(statement);
        record(name, start);
    }

    void exec(const std::string& name, const std::string& text)
    {
        const auto start = Clock::now();
        db_.exec(expand(text));
        record(name, start);
    }

    sql::Connection& db_;
    const MetricSettings& settings_;
    Day asOf_;
    std::vector<std::pair<std::string, std::string>> tokens_;
    std::vector<SqlStage>* stages_ = nullptr;
    std::string group_ = "numbers";
};

// ---------------------------------------------------------------------------------------
// Cross-check: the SQL numbers against the engine's

class Checker {
public:
    void check(const std::string& what, std::int64_t sqlValue, std::int64_t engineValue)
    {
        ++checks_;
        if (sqlValue == engineValue)
            return;
        report(what, std::to_string(sqlValue), std::to_string(engineValue));
    }

    void checkReal(const std::string& what, double sqlValue, double engineValue)
    {
        ++checks_;
        if (std::abs(sqlValue - engineValue) <= 1e-6 * std::max(1.0, std::abs(sqlValue)))
            return;
        report(what, std::to_string(sqlValue), std::to_string(engineValue));
    }

    int mismatches() const { return mismatches_; }
    int checks() const { return checks_; }

private:
    void report(const std::string& what, const std::string& sqlValue, const std::string& engineValue)
    {
        ++mismatches_;
        // The first few of each kind; a per-clinician bug would otherwise print hundreds.
        const std::string kind = what.substr(0, what.find(" ["));
        if (++printedByKind_[kind] <= 5)
            std::printf("  *** MISMATCH %s: SQL %s, engine %s\n", what.c_str(), sqlValue.c_str(), engineValue.c_str());
        else if (printedByKind_[kind] == 6)
            std::printf("  *** MISMATCH %s: (further mismatches of this kind not printed)\n", kind.c_str());
    }

    int checks_ = 0;
    int mismatches_ = 0;
    std::unordered_map<std::string, int> printedByKind_;
};

void checkRetention(Checker& checker, const std::string& where, const SqlNumbers& sql, const Retention& engine,
                    bool checkRevenue)
{
    checker.check("retention cohort" + where, sql.cohort, engine.cohort);
    checker.check("retention retained" + where, sql.retained, engine.retained);
    checker.check("retention churned" + where, sql.churned, engine.churned);
    checker.check("retention cohort sessions" + where, sql.cohortSessions, engine.cohortSessions);
    if (checkRevenue) {
        checker.check("retention revenue (cents)" + where, sql.revenue, engine.revenue);
        checker.check("retention revenue sessions" + where, sql.revenueSessions, engine.revenueSessions);
    }
}

void checkCancellations(Checker& checker, const std::string& what, const CancellationCounts& sql,
                        const CancellationCounts& engine)
{
    checker.check(what + " completed", sql.completed, engine.completed);
    checker.check(what + " cancelled", sql.cancelled, engine.cancelled);
    checker.check(what + " late cancel", sql.lateCancel, engine.lateCancel);
    checker.check(what + " no-show", sql.noShow, engine.noShow);
}

int crossCheck(const SqlDashboard& sql, const Dashboard& dashboard, const Snapshot& snapshot,
               const MetricSettings& settings, Day asOf)
{
    Checker checker;
    const bool revenue = settings.revenueBasis == RevenueBasis::Charged;
    const ScopeSummary& s = dashboard.summary;
    const SqlNumbers& p = sql.practice;

    if (!explicitPracticeWeeklyGoal(settings))
        checker.checkReal("practice weekly goal on T", p.weeklyGoal, s.weeklyGoal);
    checker.check("practice counted sessions last 7 days (groups merged)", p.countedSessions7d, s.countedLast7d);
    MetricSettings perClient = settings;
    perClient.countGroupClientsSeparately = true;
    checker.check("practice counted appointments last 7 days (each client of a group)", p.countedAppointments7d,
                  countedSessions(snapshot, perClient, asOf, Scope::practice(), lastDays(asOf, 7)));
    checkCancellations(checker, "practice cancellation counts 12 weeks", p.cancellation12w, s.cancellation12w.counts);
    checker.check("practice upcoming next 7 days (appointments)", p.upcomingAppointments, s.upcomingNext7d.appointments);
    checker.check("practice upcoming next 7 days (sessions)", p.upcomingSessions, s.upcomingNext7d.sessions);
    checker.check("practice active clients", p.activeClients, s.activeClients);
    checkRetention(checker, " (practice)", p, s.retention12m, revenue);
    checker.check("practice intakes last 7 days (clients)", p.intakes7d, s.intakesLast7d);
    checker.check("practice overdue notes", p.overdueNotes, s.overdueNotes);
    checker.check("practice unmarked past appointments", static_cast<std::int64_t>(sql.unmarked.size()),
                  s.unmarkedPast);

    // One row per clinician of the practice.
    checker.check("clinician rows", static_cast<std::int64_t>(sql.clinicians.size()),
                  static_cast<std::int64_t>(dashboard.clinicians.size()));
    for (const ClinicianSummary& c : dashboard.clinicians) {
        const RowId id = snapshot.clinicians.at(c.clinician).id;
        const auto it = std::lower_bound(sql.clinicianIds.begin(), sql.clinicianIds.end(), id);
        if (it == sql.clinicianIds.end() || *it != id) {
            checker.check("clinician id " + std::to_string(id) + " known to SQL", 1, 0);
            continue;
        }
        const SqlNumbers& n = sql.clinicians[static_cast<std::size_t>(it - sql.clinicianIds.begin())];
        const std::string where = " [clinician id " + std::to_string(id) + "]";
        checker.checkReal("weekly goal on T" + where, n.weeklyGoal, c.weeklyGoal);
        checker.check("counted sessions last 7 days" + where, n.countedSessions7d, c.countedLast7d);
        checkCancellations(checker, "cancellation counts 12 weeks" + where, n.cancellation12w, c.cancellation12w.counts);
        checker.check("upcoming appointments" + where, n.upcomingAppointments, c.upcomingNext7d.appointments);
        checker.check("upcoming sessions" + where, n.upcomingSessions, c.upcomingNext7d.sessions);
        checker.check("openings" + where, n.openings, c.openings);
        checker.check("active clients" + where, n.activeClients, c.activeClients);
        checkRetention(checker, where, n, c.retention12m, revenue);
        checker.check("overdue notes" + where, n.overdueNotes, c.overdueNotes);
        checker.check("intakes last 7 days (pairs)" + where, n.intakes7d, c.intakesLast7d);
    }

    // The lists.
    const DashboardLists& l = dashboard.lists;
    auto size = [](const auto& v) { return static_cast<std::int64_t>(v.size()); };
    checker.check("list: clinicians with openings", size(sql.openings), size(l.openings));
    checker.check("list: new client follow-ups", size(sql.followUps), size(l.newClientFollowUps));
    checker.check("list: new clinicians", size(sql.newClinicians), size(l.newClinicians));
    for (std::size_t i = 0; i < std::min(sql.newClinicians.size(), l.newClinicians.size()); ++i) {
        const SqlNewClinician& a = sql.newClinicians[i];
        const NewClinician& b = l.newClinicians[i];
        const std::string where = " [new clinician id " + std::to_string(a.clinician) + "]";
        checker.check("new clinician id" + where, a.clinician, snapshot.clinicians.at(b.clinician).id);
        checker.check("new clinician start" + where, a.start, b.startSerial);
        checker.check("new clinician intakes" + where, a.intakes, b.intakes);
        checker.check("new clinician re-booked" + where, a.rebooked, b.rebooked);
    }
    checker.check("list: at-risk clients", size(sql.atRisk), size(l.atRiskClients));
    checker.check("list: close-out candidates", size(sql.closeOut), size(l.closeOutCandidates));
    checker.check("list: attendance policy", size(sql.attendance), size(l.attendancePolicy));
    checker.check("list: overdue notes", size(sql.overdueNotes), size(l.overdueNotes.sessions));
    if (!sql.overdueNotes.empty() && !l.overdueNotes.sessions.empty())
        checker.check("list: overdue notes, oldest day", sql.overdueNotes.front().day,
                      l.overdueNotes.sessions.front().daySerial);
    checker.check("list: missing payments", size(sql.missingPayments), size(l.missingPayments.sessions));
    checker.check("list: missing payments balance (cents)", sql.missingBalance, l.missingPayments.balance);
    checker.check("list: missing payments totals (month x payer rows)", size(sql.paymentTotals),
                  size(l.missingPayments.totals));
    checker.check("list: unmarked appointments", size(sql.unmarked), size(l.unmarked));

    // The 52-week series.
    checker.check("series: weeks", size(sql.series), size(dashboard.series));
    for (std::size_t k = 0; k < std::min(sql.series.size(), dashboard.series.size()); ++k) {
        const SqlWeek& a = sql.series[k];
        const WeekPoint& b = dashboard.series[k];
        const std::string where = " [week of " + formatIsoDay(fromSerial(a.start)) + "]";
        checker.check("series week start" + where, a.start, toSerial(b.weekStart));
        checker.check("series week end" + where, a.end, toSerial(b.weekEnd));
        checker.check("series counted" + where, a.counted, b.counted);
        checkCancellations(checker, "series cancellation counts" + where, a.cancellation, b.cancellation.counts);
        checker.check("series active clients" + where, a.activeClients, b.activeClients);
        checker.checkReal("series goal" + where, a.goal, b.goal);
    }

    checker.check("intakes per month: months", size(sql.intakesPerMonth), size(dashboard.intakesPerMonth));
    for (std::size_t m = 0; m < std::min(sql.intakesPerMonth.size(), dashboard.intakesPerMonth.size()); ++m) {
        const MonthCount& b = dashboard.intakesPerMonth[m];
        char where[48];
        std::snprintf(where, sizeof where, " [%04d-%02u]", b.year, b.month);
        checker.check(std::string("intakes per month") + where, sql.intakesPerMonth[m], b.count);
    }

    std::printf("  %d numbers compared, %d mismatches\n", checker.checks(), checker.mismatches());
    return checker.mismatches();
}

// ---------------------------------------------------------------------------------------

void removeDatabase(const std::filesystem::path& db)
{
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal", ".lock"}) {
        std::filesystem::path file = db;
        file += suffix;
        std::filesystem::remove(file, ignored);
    }
}

const char* mark(double value, double limit) { return value <= limit ? "ok" : "OVER"; }

int run(const Arguments& args)
{
    spdlog::set_level(spdlog::level::warn);
    const int runs = args.runs;

    // The database: a demo practice in a temporary file, or the one given.
    std::filesystem::path dbPath;
    bool temporary = false;
    Day asOf{};
    if (!args.db.empty()) {
        dbPath = args.db;
        if (!std::filesystem::exists(dbPath))
            usage("no database at " + args.db);
    } else {
        if (!args.keep.empty()) {
            dbPath = args.keep;
            removeDatabase(dbPath);
        } else {
            dbPath = std::filesystem::temp_directory_path()
                / ("caseboard-metrics-benchmark-" + std::to_string(::getpid()) + ".db");
            temporary = true;
        }
        std::printf("== generating the demo practice (%lld appointments requested, end %s)\n",
                    static_cast<long long>(args.appointments), formatIsoDay(args.end).c_str());
        const auto start = Clock::now();
        Store store = Store::open(dbPath);
        DemoOptions options;
        options.seed = args.seed;
        options.end = args.end;
        options.appointments = args.appointments;
        const DemoSummary summary = generateDemoPractice(store, options);
        // Move everything out of the WAL into the database file, as a practice's file is
        // between sessions.
        store.connection().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        std::printf("  %d clinicians, %s clients, %s appointments from %s to %s, in %.1f s\n", summary.clinicians,
                    formatWithThousands(summary.clients).c_str(), formatWithThousands(summary.appointments).c_str(),
                    formatIsoDay(summary.first).c_str(), formatIsoDay(summary.last).c_str(),
                    millisecondsSince(start) / 1000.0);
        asOf = args.end;
    }
    struct Cleanup {
        std::filesystem::path path;
        bool active;
        ~Cleanup()
        {
            if (active)
                removeDatabase(path);
        }
    } cleanup{dbPath, temporary};

    Store store = Store::open(dbPath, Store::Access::ReadOnly);
    sql::Connection& db = store.connection();
    db.exec("PRAGMA temp_store = MEMORY");
    if (args.asOf) {
        asOf = *args.asOf;
    } else if (!args.db.empty()) {
        // A demo's history ends four weeks before its last booking.
        asOf = fromSerial(static_cast<int>(db.queryInt("SELECT max(day) FROM appointments").value_or(0)) - 28);
    }
    const MetricSettings settings = loadMetricSettings(store);
    const std::int64_t rows = db.queryInt("SELECT count(*) FROM appointments").value_or(0);
    std::printf("== metrics benchmark: %s, %s appointments, as of %s, %d runs each (median / min / max)\n",
                dbPath.string().c_str(), formatWithThousands(rows).c_str(), formatIsoDay(asOf).c_str(), runs);

    // 1. The snapshot, from the file.
    Snapshot snapshot;
    const Measured load = timeRuns(1, runs, [&] {
        snapshot = loadSnapshot(store);
        g_sink = g_sink + static_cast<std::int64_t>(snapshot.appointments.size());
    });
    printStats("loadSnapshot", load);
    std::printf("  snapshot: %zu clinicians, %zu clients, %zu pairs, %zu appointments\n", snapshot.clinicians.size(),
                snapshot.clients.size(), snapshot.pairs.size(), snapshot.appointments.size());

    // 2. One pass over the database rows: the floor for anything that reads them.
    const Measured onePass = timeRuns(1, runs, [&] {
        auto statement = db.prepare("SELECT clinician_id, client_id, day, status, fee_cents FROM appointments");
        std::int64_t sum = 0;
        while (statement.step())
            sum += statement.int64(0) + statement.int64(1) + statement.int64(2) + statement.int64(3)
                + statement.int64(4);
        g_sink = g_sink + sum;
    });
    printStats("one pass over the rows (5 columns)", onePass);
    // The same pass over the columns loadSnapshot reads (its query): the SQLite floor
    // under the load, before any sorting or pair numbering.
    const Measured snapshotPass = timeRuns(0, runs, [&] {
        auto statement = db.prepare(snapshotAppointmentsQuery());
        std::int64_t sum = 0;
        while (statement.step())
            for (int column = 0; column < 7; ++column)
                sum += statement.int64(column);
        g_sink = g_sink + sum;
    });
    printStats("one pass, loadSnapshot's query", snapshotPass);

    // 3. The SQL baseline.
    SqlBaseline baseline(db, settings, asOf);
    SqlDashboard sqlDashboard;
    Measured sqlStats;
    if (!args.skipSql) {
        std::vector<SqlStage> stages;
        // No warm-up run: the loads and the pass above have the file in the page cache.
        sqlStats = timeRuns(0, runs, [&] {
            stages.clear();
            sqlDashboard = baseline.run(&stages);
            g_sink = g_sink + sqlDashboard.practice.activeClients;
        });
        printStats("SQL baseline (the dashboard by SQL queries)", sqlStats);
        std::printf("    its statements (wall ms, last run):\n");
        for (const SqlStage& stage : stages)
            std::printf("      %8.1f  %-8s %s\n", stage.ms, stage.group.c_str(), stage.name.c_str());
        for (const char* group : {"numbers", "lists", "series"}) {
            double total = 0.0;
            for (const SqlStage& stage : stages)
                total += stage.group == group ? stage.ms : 0.0;
            std::printf("      %8.1f  subtotal: %s\n", total, group);
        }
    }

    // 4. The whole practice dashboard from the snapshot.
    const int engineRuns = std::max(runs, 9);
    Dashboard dashboard;
    const Measured dashboardStats = timeRuns(2, engineRuns, [&] {
        dashboard = computeDashboard(snapshot, settings, asOf);
        g_sink = g_sink + dashboard.summary.activeClients;
    });
    printStats("computeDashboard, practice", dashboardStats);
    {
        const ScopeSummary& s = dashboard.summary;
        const DashboardLists& l = dashboard.lists;
        std::printf("    practice on %s: counted last 7 days %lld (goal %.1f), cancellation rate 12 weeks %.1f%% "
                    "(%lld / %lld), upcoming %lld appointments / %lld sessions, active clients %lld,\n"
                    "    retention cohort %lld: %lld retained, %lld churned; lists: %zu openings, %zu follow-ups, "
                    "%zu new clinicians, %zu at risk, %zu close-out, %zu attendance, %zu overdue notes, "
                    "%zu missing payments, %zu unmarked\n",
                    formatIsoDay(asOf).c_str(), static_cast<long long>(s.countedLast7d), s.goalLast7d,
                    100.0 * s.cancellation12w.cancellation.value_or(0.0),
                    static_cast<long long>(s.cancellation12w.counts.cancellations()),
                    static_cast<long long>(s.cancellation12w.counts.denominator()),
                    static_cast<long long>(s.upcomingNext7d.appointments),
                    static_cast<long long>(s.upcomingNext7d.sessions), static_cast<long long>(s.activeClients),
                    static_cast<long long>(s.retention12m.cohort), static_cast<long long>(s.retention12m.retained),
                    static_cast<long long>(s.retention12m.churned), l.openings.size(), l.newClientFollowUps.size(),
                    l.newClinicians.size(), l.atRiskClients.size(), l.closeOutCandidates.size(),
                    l.attendancePolicy.size(), l.overdueNotes.sessions.size(), l.missingPayments.sessions.size(),
                    l.unmarked.size());
    }

    // 5. One clinician's full view: a clinician in the middle, then each clinician once.
    // A view computes the pair facts once per as-of date and reuses them as the user
    // moves from clinician to clinician, so the target is measured that way; the cost
    // with the facts computed afresh is printed beside it.
    const std::size_t mid = snapshot.clinicians.size() / 2;
    const PairFacts factsOfT = computePairFacts(snapshot, asOf);
    Measured clinicianStats;
    Measured clinicianFreshStats;
    Stats sweep;
    if (!snapshot.clinicians.empty()) {
        clinicianStats = timeRuns(2, engineRuns, [&] {
            const Dashboard one = computeDashboard(snapshot, factsOfT, settings, Scope::oneClinician(mid));
            g_sink = g_sink + one.summary.activeClients;
        });
        clinicianFreshStats = timeRuns(1, engineRuns, [&] {
            const Dashboard one = computeDashboard(snapshot, settings, asOf, Scope::oneClinician(mid));
            g_sink = g_sink + one.summary.activeClients;
        });
        printStats("computeDashboard, clinician, facts computed too", clinicianFreshStats);
        char label[64];
        std::snprintf(label, sizeof label, "computeDashboard, clinician #%zu", mid);
        printStats(label, clinicianStats);
        std::vector<double> each;
        for (std::size_t i = 0; i < snapshot.clinicians.size(); ++i) {
            const auto start = Clock::now();
            const Dashboard one = computeDashboard(snapshot, factsOfT, settings, Scope::oneClinician(i));
            each.push_back(millisecondsSince(start));
            g_sink = g_sink + one.summary.activeClients;
        }
        sweep = statsOf(each);
        std::printf("  %-44s median %9.3f ms (min %9.3f, max %9.3f)   over %zu clinicians\n",
                    "computeDashboard, every clinician once", sweep.median, sweep.min, sweep.max, each.size());
    }

    // Where the dashboard's time goes: its main pieces, each on its own.
    std::printf("== engine pieces (median of %d runs; cpu ms)\n", engineRuns);
    auto piece = [&](const char* label, const std::function<void()>& work) {
        const Measured m = timeRuns(1, engineRuns, work);
        std::printf("  %-52s %9.3f ms\n", label, m.cpu.median);
    };
    auto add = [](std::size_t n) { g_sink = g_sink + static_cast<std::int64_t>(n); };
    const Scope practice = Scope::practice();
    const Scope one = Scope::oneClinician(mid);
    piece("computePairFacts", [&] { add(computePairFacts(snapshot, asOf).pairs.size()); });
    const PairFacts facts = computePairFacts(snapshot, asOf);
    piece("countedSessions, practice, last 7 days",
          [&] { add(static_cast<std::size_t>(countedSessions(snapshot, settings, asOf, practice, lastDays(asOf, 7)))); });
    piece("cancellationCountsByClinician, 12 weeks",
          [&] { add(cancellationCountsByClinician(snapshot, asOf, trailingTwelveWeeks(asOf)).size()); });
    piece("goalForWindow, practice, 7 days", [&] {
        add(static_cast<std::size_t>(goalForWindow(snapshot, settings, practice, lastDays(asOf, 7))));
    });
    piece("goalForWindow x every clinician, 7 days", [&] {
        for (std::size_t i = 0; i < snapshot.clinicians.size(); ++i)
            add(static_cast<std::size_t>(goalForWindow(snapshot, settings, Scope::oneClinician(i), lastDays(asOf, 7))));
    });
    piece("intakesIn x every clinician, 7 days", [&] {
        for (std::size_t i = 0; i < snapshot.clinicians.size(); ++i)
            add(static_cast<std::size_t>(
                intakesIn(snapshot, facts, Scope::oneClinician(i), toSerial(asOf) - 6, toSerial(asOf))));
    });
    piece("activeClients, practice",
          [&] { add(static_cast<std::size_t>(activeClients(snapshot, settings, asOf, practice))); });
    piece("retentionByClinician, 12 months",
          [&] { add(retentionByClinician(snapshot, facts, settings, trailingTwelveMonths(asOf)).size()); });
    piece("retention, one clinician, 12 months", [&] {
        add(static_cast<std::size_t>(retention(snapshot, facts, settings, one, trailingTwelveMonths(asOf)).cohort));
    });
    piece("openings, practice", [&] { add(openings(snapshot, settings, asOf, practice).size()); });
    piece("openings, one clinician", [&] { add(openings(snapshot, settings, asOf, one).size()); });
    piece("newClientFollowUps + newClinicians + atRiskClients", [&] {
        add(newClientFollowUps(snapshot, facts, practice).size() + newClinicians(snapshot, facts, practice).size()
            + atRiskClients(snapshot, facts, practice).size());
    });
    piece("closeOutCandidates + attendancePolicy", [&] {
        add(closeOutCandidates(snapshot, facts, settings, practice).size()
            + attendancePolicy(snapshot, facts, settings, practice).size());
    });
    piece("overdueNotes, practice", [&] { add(overdueNotes(snapshot, settings, asOf, practice).sessions.size()); });
    piece("overdueNotes, one clinician", [&] { add(overdueNotes(snapshot, settings, asOf, one).sessions.size()); });
    piece("missingPayments, practice", [&] { add(missingPayments(snapshot, settings, asOf, practice).sessions.size()); });
    piece("missingPayments, one clinician", [&] { add(missingPayments(snapshot, settings, asOf, one).sessions.size()); });
    piece("unmarkedAppointments, practice", [&] { add(unmarkedAppointments(snapshot, asOf, practice).size()); });
    piece("weeklySeries, practice, 52 weeks", [&] { add(weeklySeries(snapshot, settings, asOf, practice, 52).size()); });
    piece("weeklySeries, one clinician, 52 weeks", [&] { add(weeklySeries(snapshot, settings, asOf, one, 52).size()); });
    piece("intakesPerMonth, practice, 25 months", [&] { add(intakesPerMonth(snapshot, facts, practice, 25).size()); });
    piece("intakesPerMonth, one clinician, 25 months", [&] { add(intakesPerMonth(snapshot, facts, one, 25).size()); });

    // The cross-check.
    int mismatches = 0;
    if (!args.skipSql) {
        std::printf("== cross-check: SQL baseline against the engine\n");
        mismatches = crossCheck(sqlDashboard, dashboard, snapshot, settings, asOf);
    }

    // Summary.
    std::printf("== summary, medians (targets are informational; the exit status reflects only the cross-check)\n");
    std::printf("                                  wall ms     cpu ms   target\n");
    auto line = [](const char* label, const Measured& m, double target) {
        std::printf("  %-28s %9.3f  %9.3f   <= %3.0f ms  %s\n", label, m.wall.median, m.cpu.median, target,
                    mark(m.wall.median, target));
    };
    line("load snapshot", load, 500.0);
    line("practice dashboard", dashboardStats, 50.0);
    char label[48];
    std::snprintf(label, sizeof label, "one clinician (#%zu)", mid);
    line(label, clinicianStats, 5.0);
    std::printf("  %-28s %9.3f  %9.3f   (pair facts of T computed afresh)\n", "one clinician, fresh",
                clinicianFreshStats.wall.median, clinicianFreshStats.cpu.median);
    std::printf("  %-28s %9.3f  %9s   <= %3.0f ms  %s (slowest %.3f ms)\n", "one clinician, all (median)", sweep.median,
                "", 5.0, mark(sweep.median, 5.0), sweep.max);
    std::printf("  %-28s %9.3f  %9.3f\n", "one pass over the rows", onePass.wall.median, onePass.cpu.median);
    const double dWall = std::max(dashboardStats.wall.median, 1e-6);
    const double dCpu = std::max(dashboardStats.cpu.median, 1e-6);
    if (!args.skipSql) {
        std::printf("  %-28s %9.3f  %9.3f\n", "SQL baseline", sqlStats.wall.median, sqlStats.cpu.median);
        std::printf("  ratio SQL baseline / dashboard          %8.1f x wall   %8.1f x cpu\n", sqlStats.wall.median / dWall,
                    sqlStats.cpu.median / dCpu);
    }
    std::printf("  ratio one pass over rows / dashboard    %8.1f x wall   %8.1f x cpu\n", onePass.wall.median / dWall,
                onePass.cpu.median / dCpu);
    if (!args.skipSql)
        std::printf("  ratio SQL baseline / (load + dashboard) %8.1f x wall   %8.1f x cpu\n",
                    sqlStats.wall.median / (load.wall.median + dWall), sqlStats.cpu.median / (load.cpu.median + dCpu));
    if (mismatches > 0) {
        std::printf("*** %d MISMATCH(ES) between the SQL baseline and the engine: see above ***\n", mismatches);
        return 1;
    }
    if (!args.skipSql)
        std::printf("  cross-check: the SQL baseline and the engine agree\n");
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    try {
        return run(parseArguments(argc, argv));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "metrics_benchmark: %s\n", e.what());
        return 2;
    }
}
