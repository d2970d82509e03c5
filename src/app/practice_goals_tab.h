#pragma once
// Practice goals tab: the annual completed-sessions goal and working weeks that give the
// weekly goal; the weekly bookings target that goal needs at the current 12-week
// cancellation rate; retention and churn goals for the next 12 months beside the last
// 12 months' values; and a what-if panel that saves nothing.

#include "caseboard/core/day.h"
#include "caseboard/metrics/goals_and_rates.h"

#include <QFutureWatcher>
#include <QWidget>

#include <optional>

class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace caseboard::app {

class SettingsEditStack;

// What the tab shows beside the goals: the last 12 months, computed off the GUI thread.
struct PracticeRates {
    std::optional<double> retention12m;
    std::optional<double> churn12m;
    double caseloadMultiplier = 2.0;
};

class PracticeGoalsTab : public QWidget {
    Q_OBJECT
public:
    explicit PracticeGoalsTab(SettingsEditStack* edits, QWidget* parent = nullptr);

    // Re-reads the settings, the cancellation counts and (off the GUI thread) the rates.
    void reload();
    void setAsOf(Day asOf);
    Day asOf() const { return asOf_; }

    // The practice's weekly goal on T (explicit, from the annual goal, else the sum of
    // the clinicians' goals) and the bookings target at the 12-week rate.
    double weeklyGoal() const { return weeklyGoal_; }
    std::optional<std::int64_t> bookingsTarget() const;
    const metrics::CancellationCounts& cancellationCounts() const { return counts_; }
    bool ratesLoaded() const { return ratesLoaded_; }

    // Saves the annual goal (0 = none) and working weeks as one edit.
    QString saveAnnualGoal(double annualGoal, double workingWeeks);
    // Saves the retention and churn goals (fractions; nullopt = none) as one edit.
    QString saveRetentionGoals(std::optional<double> retention, std::optional<double> churn);

    QLabel* targetLabel() const { return target_; }
    QLabel* whatIfResult() const { return whatIfResult_; }

Q_SIGNALS:
    void ratesLoaded12m();

private:
    void showTarget();
    void showRates();
    void updateWhatIf();

    SettingsEditStack* edits_;
    Day asOf_;
    double weeklyGoal_ = 0;
    bool explicitGoal_ = false;
    metrics::CancellationCounts counts_;
    PracticeRates rates_;
    bool ratesLoaded_ = false;
    QFutureWatcher<PracticeRates>* watcher_;

    QDoubleSpinBox* annual_;
    QDoubleSpinBox* weeks_;
    QLabel* weeklyFromAnnual_;
    QLabel* target_;
    QDoubleSpinBox* retentionGoal_;
    QDoubleSpinBox* churnGoal_;
    QLabel* retentionNow_;
    QLabel* churnNow_;
    QLabel* message_;
    QDoubleSpinBox* whatIfGoal_;
    QDoubleSpinBox* whatIfRate_;
    QSpinBox* whatIfClinicians_;
    QLabel* whatIfResult_;
};

} // namespace caseboard::app
