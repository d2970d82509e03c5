#pragma once
// Small builders the engine tests share for hand-made practices.

#include "caseboard/core/day.h"
#include "caseboard/core/domain.h"
#include "caseboard/core/status.h"
#include "caseboard/store/store.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace caseboard::test {

inline RowId addClinician(Store& store, const std::string& name, const std::string& type = {},
                          const std::string& location = {}, const std::string& supervisor = {},
                          std::optional<Day> startDate = std::nullopt)
{
    Clinician c;
    c.name = name;
    c.clinicianType = type;
    c.location = location;
    c.supervisor = supervisor;
    c.startDate = startDate;
    return store.addClinician(c);
}

// A weekly goal of a clinician from `from` to `to` (open-ended without it).
inline void addGoalPeriod(Store& store, RowId clinicianId, Day from, std::optional<Day> to, double weeklyGoal)
{
    GoalPeriod p;
    p.clinicianId = clinicianId;
    p.from = from;
    p.to = to;
    p.weeklyGoal = weeklyGoal;
    store.addGoalPeriod(p);
}

// A client of source system "test".
inline RowId addClient(Store& store, const std::string& key, const std::string& name,
                       const std::string& status = "Active")
{
    Client c;
    c.sourceSystem = "test";
    c.sourceKey = key;
    c.displayName = name;
    c.status = status;
    return store.upsertClient(c).id;
}

// Clients c1..cN named "Client 1".."Client N", "Active" unless statusOf(n) says otherwise.
// The id of cn is at [n]; [0] stays 0.
inline std::vector<RowId> addClients(Store& store, int count,
                                     const std::function<std::string(int)>& statusOf = nullptr)
{
    std::vector<RowId> ids(static_cast<std::size_t>(count) + 1, 0);
    for (int n = 1; n <= count; ++n)
        ids[static_cast<std::size_t>(n)] = addClient(store, "c" + std::to_string(n), "Client " + std::to_string(n),
                                                     statusOf ? statusOf(n) : "Active");
    return ids;
}

// Appointments of source system "test" with running keys (keyPrefix 1, 2, ...) and the
// status category their raw status maps to. A fixture sets its defaults once (length,
// service code, fee) and adjusts what else a row needs on the appointment handed back.
struct AppointmentBuilder {
    std::string keyPrefix = "a";
    int durationMinutes = 53;
    std::string serviceCode = "90837";
    std::optional<Cents> fee = std::nullopt;
    int made = 0; // how many appointments this builder has handed out

    Appointment operator()(RowId clinicianId, RowId clientId, Day day, std::optional<int> startMinute,
                           const std::string& rawStatus)
    {
        Appointment a;
        a.sourceSystem = "test";
        a.sourceKey = keyPrefix + std::to_string(++made);
        a.clientId = clientId;
        a.clinicianId = clinicianId;
        a.date = day;
        a.startMinute = startMinute;
        a.durationMinutes = durationMinutes;
        a.serviceCode = serviceCode;
        a.rawStatus = rawStatus;
        a.status = defaultStatusCategory(rawStatus);
        a.fee = fee;
        return a;
    }
};

} // namespace caseboard::test
