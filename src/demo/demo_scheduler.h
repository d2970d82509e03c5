#pragma once
// Books every appointment of the demo practice, client by client in the order they were
// referred: a clinician with room, a free weekly hour, then week after week until the
// client stops, with the statuses, notes and payments an EHR export would show.

#include "caseboard/core/day.h"
#include "demo_plan.h"

#include <array>
#include <memory>
#include <string_view>
#include <vector>

namespace caseboard::demo {

class DemoCalendar;
struct Roster;

inline constexpr std::array<std::string_view, 6> kPayers{
    "Aetna (60054)",
    "Blue Cross Blue Shield (00590)",
    "Tricare East (99727)",
    "UnitedHealthcare (87726)",
    "Cigna (62308)",
    "PacificSource (93029)",
};
// Self-pay first, then kPayers in order.
inline constexpr double kPayerWeights[] = {0.22, 0.16, 0.20, 0.08, 0.14, 0.10, 0.10};

class Scheduler {
public:
    // Appends to `out`; the calendar and the roster must outlive the scheduler.
    Scheduler(std::uint64_t seed, Day end, const DemoCalendar& calendar, const Roster& roster,
              std::vector<PlannedAppointment>& out);
    ~Scheduler();
    Scheduler(const Scheduler&) = delete;
    Scheduler& operator=(const Scheduler&) = delete;

    struct Outcome {
        std::string_view status; // the client's record status at the end of the history
        int payer = -1;          // index into kPayers; -1 = self-pay
    };

    // Plans every appointment of client `index`, referred on day `referral` (a serial).
    // Clients must come in order of referral.
    Outcome scheduleClient(int index, int referral);

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace caseboard::demo
