#include "caseboard/metrics/metric_settings.h"

#include "caseboard/store/store.h"

#include <spdlog/spdlog.h>

#include <limits>
#include <string>
#include <variant>

namespace caseboard::metrics {

namespace {

// Reads one override. Each reader keeps the default on a missing key and on a value of
// the wrong type or range, logging the latter so a typo in a settings file shows up.
class SettingsReader {
public:
    explicit SettingsReader(Store& store) : store_(store) {}

    void readInt(const char* key, int& field, int minimum)
    {
        auto value = store_.setting(key);
        if (!value)
            return;
        if (const auto* number = std::get_if<std::int64_t>(&*value); number && *number >= minimum && *number <= 100000)
            field = static_cast<int>(*number);
        else
            ignored(key);
    }

    void readReal(const char* key, double& field, double minimum)
    {
        if (auto number = realValue(key, minimum, kNoMaximum))
            field = *number;
    }

    void readOptionalReal(const char* key, std::optional<double>& field, double minimum,
                          double maximum = kNoMaximum)
    {
        if (auto number = realValue(key, minimum, maximum))
            field = *number;
    }

    void readBool(const char* key, bool& field)
    {
        auto value = store_.setting(key);
        if (!value)
            return;
        if (const auto* flag = std::get_if<bool>(&*value))
            field = *flag;
        else if (const auto* number = std::get_if<std::int64_t>(&*value); number && (*number == 0 || *number == 1))
            field = *number == 1;
        else
            ignored(key);
    }

    // A text setting naming one of two choices.
    template <typename Enum>
    void readChoice(const char* key, Enum& field, const char* firstName, Enum first, const char* secondName, Enum second)
    {
        auto value = store_.setting(key);
        if (!value)
            return;
        const auto* text = std::get_if<std::string>(&*value);
        if (text && *text == firstName)
            field = first;
        else if (text && *text == secondName)
            field = second;
        else
            ignored(key);
    }

private:
    static constexpr double kNoMaximum = std::numeric_limits<double>::infinity();

    std::optional<double> realValue(const char* key, double minimum, double maximum)
    {
        auto value = store_.setting(key);
        if (!value)
            return std::nullopt;
        std::optional<double> number;
        if (const auto* real = std::get_if<double>(&*value))
            number = *real;
        else if (const auto* integer = std::get_if<std::int64_t>(&*value))
            number = static_cast<double>(*integer);
        // `!(x >= minimum)` also rejects NaN.
        if (!number || !(*number >= minimum) || *number > maximum) {
            ignored(key);
            return std::nullopt;
        }
        return number;
    }

    static void ignored(const char* key)
    {
        spdlog::warn("setting '{}' has a value of the wrong type or range; using the default", key);
    }

    Store& store_;
};

} // namespace

std::optional<double> explicitPracticeWeeklyGoal(const MetricSettings& settings)
{
    if (settings.practiceWeeklyGoal)
        return settings.practiceWeeklyGoal;
    if (settings.practiceAnnualGoal && settings.workingWeeksPerYear > 0.0)
        return *settings.practiceAnnualGoal / settings.workingWeeksPerYear;
    return std::nullopt;
}

MetricSettings loadMetricSettings(Store& store)
{
    MetricSettings s;
    SettingsReader r(store);
    r.readInt("retention_threshold", s.retentionThreshold, 1);
    r.readInt("churn_threshold", s.churnThreshold, 1);
    r.readInt("active_window_days", s.activeWindowDays, 1);
    r.readReal("caseload_multiplier", s.caseloadMultiplier, 0.0);
    r.readReal("under_performing_utilization", s.underPerformingUtilization, 0.0);
    r.readInt("note_due_days", s.noteDueDays, 0);
    r.readInt("payment_lag_days", s.paymentLagDays, 0);
    r.readInt("close_out_unseen_days", s.closeOutUnseenDays, 1);
    r.readInt("close_out_closed_days", s.closeOutClosedDays, 1);
    r.readInt("attendance_policy_count", s.attendancePolicyCount, 1);
    r.readChoice("week_start", s.weekStart, "monday", WeekStart::Monday, "sunday", WeekStart::Sunday);
    r.readBool("billable_cancels_count_as_completed", s.billableCancelsCountAsCompleted);
    r.readBool("count_group_clients_separately", s.countGroupClientsSeparately);
    r.readChoice("revenue_basis", s.revenueBasis, "charged", RevenueBasis::Charged, "collected",
                 RevenueBasis::Collected);
    r.readReal("working_weeks_per_year", s.workingWeeksPerYear, 1.0);
    r.readInt("small_sample_threshold", s.smallSampleThreshold, 0);
    r.readReal("retention_status_margin_points", s.retentionStatusMarginPoints, 0.0);
    r.readOptionalReal("practice_weekly_goal", s.practiceWeeklyGoal, 0.0);
    r.readOptionalReal("practice_annual_goal", s.practiceAnnualGoal, 0.0);
    // Fractions: a goal of "60" meant as 60% would otherwise read as 6000%.
    r.readOptionalReal("practice_retention_goal", s.practiceRetentionGoal, 0.0, 1.0);
    r.readOptionalReal("practice_churn_goal", s.practiceChurnGoal, 0.0, 1.0);
    r.readBool("payroll_one_hour_per_session", s.payrollOneHourPerSession);
    r.readBool("payroll_pays_billable_cancels", s.payrollPaysBillableCancels);
    return s;
}

} // namespace caseboard::metrics
