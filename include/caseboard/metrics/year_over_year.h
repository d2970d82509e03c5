#pragma once
// Year over year (METRICS.md "Year over year and groups"): each calendar year's figures,
// the year to date against the same days last year, for the practice and side by side for
// each location, supervisor and clinician type. See docs/trends.md for the choices.

#include "caseboard/core/money.h"
#include "caseboard/metrics/goals_and_rates.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/monthly_series.h"
#include "caseboard/metrics/retention.h"
#include "caseboard/metrics/scope.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/metrics/window.h"
#include "caseboard/metrics/workflow_lists.h"

#include <cstdint>
#include <string>
#include <vector>

namespace caseboard::metrics {

// A span a column of the year table covers. Every figure of it is the contract's metric
// with T = the span's last day, so a past year never reads what happened after it.
struct YearPeriod {
    enum class Kind {
        CalendarYear,     // [Jan 1, Dec 31] of a year before T's year
        SameDaysLastYear, // [Jan 1, T - 1 year] of last year (Feb 29 -> Feb 28)
        YearToDate,       // [Jan 1, T] of T's year
    };
    Kind kind = Kind::CalendarYear;
    int year = 0;
    Window window; // the figures' T is window.to
    // The practice's first appointment is later than the window's first day: the column
    // covers less than its days (the first year of imported history), so views mark it.
    bool partialHistory = false;
};

// The same calendar day a year earlier; Feb 29 becomes Feb 28.
Day sameDayLastYear(Day day);

// The columns for T: each calendar year from the first appointment's year (at most
// `maxYears` back) to the year before T's year, oldest first, then the same days last year,
// then the year to date. Without appointments: just the two year-to-date columns.
std::vector<YearPeriod> yearOverYearPeriods(const Snapshot& snapshot, Day asOf, int maxYears = 10);

// One column's figures for one scope.
struct PeriodFigures {
    std::int64_t countedSessions = 0; // countedSessions over the window, T = window.to
    // The practice: clients whose first qualifying session with anyone is in the window;
    // any other scope: pair intakes of its clinicians (intakesIn).
    std::int64_t intakes = 0;
    CancellationRates cancellation;   // cancellationRates over the window
    // retention() with the window as timeframe [A, B] and T = window.to: cohort = pair
    // intakes in [A, min(B, T - 7 x threshold)], counts to T. Retention, churn, average
    // sessions per client and LTV come from here.
    Retention retention;
    // Over qualifying sessions dated in the window with a known fee (the sessions average
    // revenue per session reads): charged = sum of fees; collected = sum of client paid +
    // insurance paid, an unknown payment counting as 0.
    Cents revenueCharged = 0;
    Cents revenueCollected = 0;
    std::int64_t revenueSessions = 0;
    // Distinct clients active at window.to: exact for the year to date (T itself); for a
    // past day, an appointment after it counts only within the active window, as for the
    // weekly trend chart (activeClientsOn).
    std::int64_t activeClients = 0;
};

// A scope's columns, months and intakes per month.
struct ScopeTrends {
    Scope scope;
    std::vector<PeriodFigures> periods;    // index = YearOverYear::periods
    std::vector<MonthFigures> months;      // Jan of last year .. Dec of T's year (24)
    std::vector<MonthCount> intakeMonths;  // 37 months ending with T's month, oldest first
};

struct YearOverYear {
    Day asOf{};
    MetricSettings settings;
    std::vector<YearPeriod> periods;
    ScopeTrends practice;
    // One per distinct value among the clinicians, sorted; "" when some clinician has none.
    // Each kind splits the clinicians, so every pair-level figure of a kind adds up to the
    // practice's; intakes and active clients count distinct clients at the practice and may not.
    std::vector<ScopeTrends> locations;
    std::vector<ScopeTrends> supervisors;
    std::vector<ScopeTrends> clinicianTypes;

    const std::vector<ScopeTrends>& groups(Scope::Kind kind) const;
};

// The figures of one scope over one period, straight from the engine's functions: what
// computeYearOverYear must equal.
PeriodFigures periodFigures(const Snapshot& snapshot, const MetricSettings& settings, const Scope& scope,
                            const YearPeriod& period);

// Everything the Trends view and `caseboard-cli trends` show.
YearOverYear computeYearOverYear(const Snapshot& snapshot, const MetricSettings& settings, Day asOf);

// The change from `before` to `now` as a fraction of `before`; undefined when before is 0.
std::optional<double> relativeChange(double before, double now);

} // namespace caseboard::metrics
