#include "demo_plan.h"

#include "demo_calendar.h"
#include "demo_names.h"
#include "demo_random.h"
#include "demo_referrals.h"
#include "demo_roster.h"
#include "demo_scheduler.h"
#include "demo_streams.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <utility>

namespace caseboard::demo {

std::string_view serviceCodeText(ServiceCode code)
{
    switch (code) {
    case ServiceCode::Intake: return "90791";
    case ServiceCode::Individual45: return "90834";
    case ServiceCode::Individual53: return "90837";
    case ServiceCode::FamilyWithout: return "90846";
    case ServiceCode::FamilyWith: return "90847";
    case ServiceCode::Group: return "90853";
    }
    return "90837";
}

std::string_view rawStatusText(RawStatus status)
{
    switch (status) {
    case RawStatus::Show: return "Show";
    case RawStatus::Canceled: return "Canceled";
    case RawStatus::LateCanceled: return "Late Canceled";
    case RawStatus::NoShow: return "No Show";
    case RawStatus::ClinicianCanceled: return "Clinician Canceled";
    case RawStatus::Scheduled: return "Scheduled";
    case RawStatus::Rescheduled: return "Rescheduled";
    }
    return "Show";
}

namespace {

Day historyStartFor(Day end, int years)
{
    using namespace std::chrono;
    const year_month_day ymd{end};
    year_month_day back{ymd.year() - std::chrono::years{years}, ymd.month(), ymd.day()};
    if (!back.ok()) // 29 February
        back = year_month_day{back.year() / back.month() / last};
    return addDays(Day{back}, 1);
}

} // namespace

DemoPlan planDemoPractice(std::uint64_t seed, Day end, int years, PlanSize size)
{
    years = std::max(1, years);
    const Day historyStart = historyStartFor(end, years);
    const DemoCalendar calendar(addDays(historyStart, -7), addDays(end, 42));

    DemoPlan plan;
    plan.locations.assign(kLocations.begin(), kLocations.end());
    plan.payers.assign(kPayers.begin(), kPayers.end());

    Roster roster = planRoster(seed, historyStart, end, std::max(0, size.clinicians));
    const int clientCount = roster.staff.empty() ? 0 : std::max(0, size.clients);
    const std::vector<int> referrals = planReferrals(seed, roster, calendar, historyStart, end, clientCount);

    plan.appointments.reserve(static_cast<std::size_t>(clientCount) * 48);
    Scheduler scheduler(seed, end, calendar, roster, plan.appointments);
    plan.clients.reserve(static_cast<std::size_t>(clientCount));
    for (int k = 0; k < clientCount; ++k) {
        PlannedClient client;
        Random names(mixKey(seed, kClientStream, static_cast<std::uint64_t>(k), 2));
        client.record.sourceSystem = "demo";
        char key[16];
        std::snprintf(key, sizeof key, "C%06d", k + 1);
        client.record.sourceKey = key;
        client.record.displayName = clientName(names);
        client.record.dateAdded = fromSerial(referrals[static_cast<std::size_t>(k)]);
        const auto outcome = scheduler.scheduleClient(k, referrals[static_cast<std::size_t>(k)]);
        client.record.status = std::string(outcome.status);
        client.payer = outcome.payer;
        plan.clients.push_back(std::move(client));
    }

    std::sort(plan.appointments.begin(), plan.appointments.end(),
              [](const PlannedAppointment& a, const PlannedAppointment& b) {
                  if (a.day != b.day)
                      return a.day < b.day;
                  if (a.startMinute != b.startMinute)
                      return a.startMinute < b.startMinute;
                  if (a.clinician != b.clinician)
                      return a.clinician < b.clinician;
                  if (a.client != b.client)
                      return a.client < b.client;
                  return a.sequence < b.sequence;
              });
    plan.clinicians = std::move(roster.clinicians);
    return plan;
}

} // namespace caseboard::demo
