#pragma once
// One clinician's goal periods as bars on a strip of months: the height of a bar is its
// weekly goal, leave (goal 0) is a highlighted band, and a line marks the as-of date.
// Gaps (no period: goal 0 without being leave) show as empty track.

#include "caseboard/core/domain.h"

#include <QWidget>

#include <vector>

namespace caseboard::app {

class GoalTimeline : public QWidget {
    Q_OBJECT
public:
    explicit GoalTimeline(QWidget* parent = nullptr);

    void setPeriods(std::vector<GoalPeriod> periods, Day today);
    const std::vector<GoalPeriod>& periods() const { return periods_; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<GoalPeriod> periods_;
    Day today_{};
};

} // namespace caseboard::app
