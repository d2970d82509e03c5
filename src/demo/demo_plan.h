#pragma once
// The demo practice planned in memory: who works there, who comes, and every
// appointment, before anything touches the database. Planning is a pure function of its
// inputs, so the writer can plan, measure and re-plan to reach a requested size.

#include "caseboard/core/day.h"
#include "caseboard/core/domain.h"
#include "caseboard/core/note_status.h"
#include "caseboard/core/status.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace caseboard::demo {

struct PlanSize {
    int clinicians = 0;
    int clients = 0;
};

enum class ServiceCode : std::uint8_t {
    Intake,          // 90791 psychiatric diagnostic evaluation
    Individual45,    // 90834
    Individual53,    // 90837
    FamilyWithout,   // 90846 family therapy without the client
    FamilyWith,      // 90847 family therapy with the client
    Group,           // 90853
};
std::string_view serviceCodeText(ServiceCode code);

// The raw statuses the demo writes, spelled the way SimplePractice exports them.
enum class RawStatus : std::uint8_t {
    Show,
    Canceled,
    LateCanceled,
    NoShow,
    ClinicianCanceled,
    Scheduled,
    Rescheduled,
};
std::string_view rawStatusText(RawStatus status);

inline constexpr std::int32_t kNoAmount = -1; // an amount the export leaves empty

// One appointment, compact: a million of them are sorted before they are written.
struct PlannedAppointment {
    std::int32_t day = 0;       // toSerial()
    std::int32_t client = 0;    // index into DemoPlan::clients
    std::int32_t clinician = 0; // index into DemoPlan::clinicians
    std::int32_t fee = 0;       // cents
    std::int32_t clientPaid = kNoAmount;
    std::int32_t insurancePaid = kNoAmount;
    std::uint32_t sequence = 0; // order of planning: the last tie-break, so sorting is total
    std::int16_t startMinute = 0;
    std::uint8_t durationMinutes = 0;
    ServiceCode code = ServiceCode::Individual53;
    RawStatus raw = RawStatus::Show;
    StatusCategory status = StatusCategory::Completed;
    NoteStatus note = NoteStatus::Unknown;
    std::uint8_t location = 0; // index into DemoPlan::locations
};

struct PlannedClinician {
    Clinician record;                    // id 0 until written
    std::vector<GoalPeriod> goalPeriods; // clinicianId 0 until written
};

struct PlannedClient {
    Client record;  // id 0 until written
    int payer = -1; // index into DemoPlan::payers; -1 = self-pay
};

struct DemoPlan {
    std::vector<std::string_view> locations;
    std::vector<std::string_view> payers;
    std::vector<PlannedClinician> clinicians;
    std::vector<PlannedClient> clients;
    std::vector<PlannedAppointment> appointments; // sorted by day, start, clinician, client
};

// Plans a practice whose history runs for `years` years up to `end`, with appointments
// booked four weeks past it.
DemoPlan planDemoPractice(std::uint64_t seed, Day end, int years, PlanSize size);

} // namespace caseboard::demo
