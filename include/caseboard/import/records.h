#pragma once
// What a preset makes of one data row, before the sink writes it. A record says which
// fields its file provides (AppointmentField, in domain.h), so that merging one EHR
// report never blanks out what another brought.

#include "caseboard/core/domain.h"

#include <cstdint>
#include <optional>
#include <string>

namespace caseboard::import {

struct AppointmentRecord {
    std::string sourceSystem;
    // The appointment's key in its EHR. Empty when the export has none: the sink then
    // keys it by (date, client, clinician), which is how SimplePractice's two reports
    // describe the same appointment.
    std::string sourceKey;
    std::string clientKey;  // the client's key in the EHR: an id, or the name when there is none
    std::string clientName; // PHI: stored, never logged
    std::string clinicianName;
    std::uint32_t fields = 0; // AppointmentField bits this file provides
    // Values; only the fields named in `fields` are read (and date, always).
    Appointment values;
};

struct ClientRecord {
    std::string sourceSystem;
    std::string clientKey;
    std::string clientName;
    std::string status;
    std::optional<Day> dateAdded;
};

// A row of the team roster (caseboard-team layout).
struct RosterRecord {
    Clinician clinician;          // id unused; matched by name
    std::optional<double> weeklyGoal; // becomes a goal period from the start date
};

// One payment from SimplePractice's income allocation report.
struct PaymentRecord {
    std::string sourceSystem;
    std::string clientKey;
    std::string clientName;
    std::string clinicianName;
    Day serviceDay{};
    bool fromInsurance = false;
    Cents amount = 0;
};

// A day's hours of one member of staff, from a timesheet (caseboard-timesheet layout).
struct StaffHoursRecord {
    std::string staffName; // matched by name or alias like a clinician's
    Day day{};
    double hours = 0;
};

} // namespace caseboard::import
