// Metric settings (metrics/metric_settings.h): METRICS.md's defaults, and overrides read
// from the settings table by snake_case key.

#include "caseboard/metrics/metric_settings.h"
#include "caseboard/store/store.h"

#include <catch2/catch.hpp>

#include <string>

using namespace caseboard;
using namespace caseboard::metrics;

TEST_CASE("metric settings default to METRICS.md", "[metrics]")
{
    Store store = Store::openInMemory();
    const MetricSettings s = loadMetricSettings(store);
    CHECK(s.retentionThreshold == 8);
    CHECK(s.churnThreshold == 4);
    CHECK(s.activeWindowDays == 30);
    CHECK(s.caseloadMultiplier == 2.0);
    CHECK(s.underPerformingUtilization == 0.8);
    CHECK(s.noteDueDays == 3);
    CHECK(s.paymentLagDays == 30);
    CHECK(s.closeOutUnseenDays == 30);
    CHECK(s.closeOutClosedDays == 180);
    CHECK(s.attendancePolicyCount == 3);
    CHECK(s.weekStart == WeekStart::Monday);
    CHECK_FALSE(s.billableCancelsCountAsCompleted);
    CHECK_FALSE(s.countGroupClientsSeparately);
    CHECK(s.revenueBasis == RevenueBasis::Charged);
    CHECK(s.workingWeeksPerYear == 48.0);
    CHECK(s.smallSampleThreshold == 20);
    CHECK(s.retentionStatusMarginPoints == 5.0);
    CHECK_FALSE(s.practiceWeeklyGoal.has_value());
    CHECK_FALSE(s.practiceRetentionGoal.has_value());
    CHECK_FALSE(s.practiceChurnGoal.has_value());
}

TEST_CASE("metric settings read overrides by snake_case key", "[metrics]")
{
    Store store = Store::openInMemory();
    store.setSetting("retention_threshold", std::int64_t{10});
    store.setSetting("churn_threshold", std::int64_t{3});
    store.setSetting("active_window_days", std::int64_t{45});
    store.setSetting("caseload_multiplier", 2.5);
    store.setSetting("under_performing_utilization", 0.75);
    store.setSetting("note_due_days", std::int64_t{5});
    store.setSetting("payment_lag_days", std::int64_t{45});
    store.setSetting("close_out_unseen_days", std::int64_t{60});
    store.setSetting("close_out_closed_days", std::int64_t{365});
    store.setSetting("attendance_policy_count", std::int64_t{2});
    store.setSetting("week_start", std::string("sunday"));
    store.setSetting("billable_cancels_count_as_completed", true);
    store.setSetting("count_group_clients_separately", true);
    store.setSetting("revenue_basis", std::string("collected"));
    store.setSetting("working_weeks_per_year", std::int64_t{46}); // an int where a real is kept: accepted
    store.setSetting("small_sample_threshold", std::int64_t{30});
    store.setSetting("retention_status_margin_points", 7.5);
    store.setSetting("practice_weekly_goal", 120.0);
    store.setSetting("practice_retention_goal", 0.6);
    store.setSetting("practice_churn_goal", 0.2);
    store.setSetting("payroll_one_hour_per_session", true);
    store.setSetting("payroll_pays_billable_cancels", true);

    const MetricSettings s = loadMetricSettings(store);
    CHECK(s.retentionThreshold == 10);
    CHECK(s.churnThreshold == 3);
    CHECK(s.activeWindowDays == 45);
    CHECK(s.caseloadMultiplier == 2.5);
    CHECK(s.underPerformingUtilization == 0.75);
    CHECK(s.noteDueDays == 5);
    CHECK(s.paymentLagDays == 45);
    CHECK(s.closeOutUnseenDays == 60);
    CHECK(s.closeOutClosedDays == 365);
    CHECK(s.attendancePolicyCount == 2);
    CHECK(s.weekStart == WeekStart::Sunday);
    CHECK(s.billableCancelsCountAsCompleted);
    CHECK(s.countGroupClientsSeparately);
    CHECK(s.revenueBasis == RevenueBasis::Collected);
    CHECK(s.workingWeeksPerYear == 46.0);
    CHECK(s.smallSampleThreshold == 30);
    CHECK(s.retentionStatusMarginPoints == 7.5);
    CHECK(s.practiceWeeklyGoal == 120.0);
    CHECK(s.practiceRetentionGoal == 0.6);
    CHECK(s.practiceChurnGoal == 0.2);
    CHECK(s.payrollOneHourPerSession);
    CHECK(s.payrollPaysBillableCancels);
}

TEST_CASE("metric settings keep the default for a value of the wrong type or range", "[metrics]")
{
    Store store = Store::openInMemory();
    store.setSetting("retention_threshold", std::string("eight"));
    store.setSetting("churn_threshold", std::int64_t{0});   // below the minimum of 1
    store.setSetting("caseload_multiplier", -1.0);          // negative
    store.setSetting("week_start", std::string("Tuesday")); // not a choice
    store.setSetting("billable_cancels_count_as_completed", std::int64_t{7});
    store.setSetting("working_weeks_per_year", 0.0);        // would divide by zero
    store.setSetting("practice_retention_goal", 60.0);      // 60 meant as 60%: goals are fractions
    store.setSetting("practice_churn_goal", -0.1);
    const MetricSettings s = loadMetricSettings(store);
    CHECK_FALSE(s.practiceRetentionGoal.has_value());
    CHECK_FALSE(s.practiceChurnGoal.has_value());
    CHECK(s.retentionThreshold == 8);
    CHECK(s.churnThreshold == 4);
    CHECK(s.caseloadMultiplier == 2.0);
    CHECK(s.weekStart == WeekStart::Monday);
    CHECK_FALSE(s.billableCancelsCountAsCompleted);
    CHECK(s.workingWeeksPerYear == 48.0);
}

TEST_CASE("the practice weekly goal: explicit, else annual / working weeks, else none", "[metrics]")
{
    MetricSettings s;
    CHECK_FALSE(explicitPracticeWeeklyGoal(s).has_value()); // the clinicians' sum applies

    // The seed's example: 4,800 completed sessions a year over 48 working weeks = 100 a week.
    s.practiceAnnualGoal = 4800.0;
    CHECK(explicitPracticeWeeklyGoal(s) == 100.0);
    s.workingWeeksPerYear = 50.0;
    CHECK(explicitPracticeWeeklyGoal(s) == 96.0);

    // An explicit weekly goal wins over the annual one.
    s.practiceWeeklyGoal = 90.0;
    CHECK(explicitPracticeWeeklyGoal(s) == 90.0);

    Store store = Store::openInMemory();
    store.setSetting("practice_annual_goal", std::int64_t{2400});
    CHECK(loadMetricSettings(store).practiceAnnualGoal == 2400.0);
    CHECK(explicitPracticeWeeklyGoal(loadMetricSettings(store)) == 50.0);
}
