#pragma once
// The records Caseboard keeps: clinicians with their goal periods, clients, and
// appointments. Plain values; the store reads and writes them.

#include "caseboard/core/day.h"
#include "caseboard/core/money.h"
#include "caseboard/core/note_status.h"
#include "caseboard/core/status.h"

#include <cstdint>
#include <optional>
#include <string>

namespace caseboard {

using RowId = std::int64_t;

struct Clinician {
    RowId id = 0;
    std::string name;          // as it appears in the EHR exports
    std::string clinicianType; // license or role, e.g. "LCSW", "LPC", "Associate", "Intern"
    std::string location;
    std::string supervisor;
    std::optional<Day> startDate;
    std::optional<Day> endDate;
    std::optional<Cents> hourlyRate;
    // clinician, intern, clinical director, intake coordinator or admin: support staff
    // have no sessions but are on payroll.
    std::string role = "clinician";
};

// A weekly goal in force from `from` to `to` (inclusive; no `to` = open-ended).
// Leave is a goal period whose goal is 0.
struct GoalPeriod {
    RowId id = 0;
    RowId clinicianId = 0;
    Day from{};
    std::optional<Day> to;
    double weeklyGoal = 0.0;
};

struct Client {
    RowId id = 0;
    std::string sourceSystem; // which EHR (or "demo", "caseboard") the key belongs to
    std::string sourceKey;    // the client's key in that system
    std::string displayName;  // PHI: shown on screen, never logged
    std::string status;       // e.g. "Active", "Inactive", "Discharged"
    std::optional<Day> dateAdded;
};

// The fields of an appointment that an export may or may not carry. SimplePractice's
// attendance report knows an appointment's status but not its fee, its appointment
// status report the reverse: importing one must never blank out what the other brought.
enum AppointmentField : std::uint32_t {
    kStartTime = 1u << 0,
    kDuration = 1u << 1,
    kServiceCode = 1u << 2,
    kStatus = 1u << 3,
    kLocation = 1u << 4,
    kFee = 1u << 5,
    kClientPaid = 1u << 6,
    kInsurancePaid = 1u << 7,
    kPayer = 1u << 8,
    kNoteStatus = 1u << 9,
    kAllAppointmentFields = (1u << 10) - 1,
};

struct Appointment {
    RowId id = 0;
    std::string sourceSystem;
    std::string sourceKey;
    RowId clientId = 0;
    RowId clinicianId = 0;
    Day date{};
    std::optional<int> startMinute; // minutes after midnight
    int durationMinutes = 0;
    std::string serviceCode;        // CPT code, e.g. "90837"
    StatusCategory status = StatusCategory::Scheduled;
    std::string rawStatus;          // exactly as the EHR wrote it
    std::string location;
    std::optional<Cents> fee;
    std::optional<Cents> clientPaid;
    std::optional<Cents> insurancePaid;
    std::string payer;
    NoteStatus noteStatus = NoteStatus::Unknown;
    std::optional<RowId> importBatchId;
};

} // namespace caseboard
