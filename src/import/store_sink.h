#pragma once
// Writes the records of one import into the store, inside the import's transaction:
// clients and clinicians are found (or created) by key, appointments are added, or
// merged field by field into the row the EHR key names.

#include "caseboard/import/preset.h"
#include "caseboard/store/store.h"

#include <cstdint>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace caseboard::import {

// Thrown by finish() when a bulk load met the same appointment key twice: the caller
// rolls back and imports again without bulk mode, which names the line.
class BulkKeyConflict : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Reached through PipelinedSink, which screens repeated keys and owns the thread hand-off.
class StoreSink {
public:
    // `allowBulk`: a first import into an empty appointments table may drop its indexes
    // and build them again at the end.
    StoreSink(sql::Connection& connection, RowId batchId, bool allowBulk);

    // `maybeRepeated`: the caller's key filter has seen the record's key before, so this
    // import may already have written it.
    void write(AppointmentRecord& record, bool maybeRepeated);
    void client(const ClientRecord& record);
    void roster(const RosterRecord& record);
    void payment(const PaymentRecord& record);
    // Summed per person and day over the file, and written by finish().
    void staffHours(const StaffHoursRecord& record);

    // Applies the payments of this import to their appointments, writes its staff hours
    // and rebuilds indexes a bulk load dropped. Call once, at the end.
    void finish();

    std::uint64_t added = 0;
    std::uint64_t updated = 0;
    std::uint64_t unchanged = 0;
    std::vector<std::string> newClinicians;

    // Set when an explicit appointment key occurs twice in one file; the importer turns
    // it into a row problem.
    bool duplicateKey = false;

private:
    void chooseMode();
    bool writtenByThisImport(const Appointment& appointment);
    RowId clinicianId(const std::string& name, const char* role = "clinician");
    void writeStaffHours();
    RowId clientId(const std::string& system, const std::string& key, const std::string& name);
    std::string derivedKey(const AppointmentRecord& record);
    void loadPaidKeys(const std::string& system);

    sql::Connection& db_;
    RowId batchId_;
    AppointmentWriter writer_;
    std::unordered_map<std::string, RowId> clinicians_; // by lower-case name
    std::unordered_map<std::string, RowId> clients_;    // by system + '\x1f' + key
    std::unordered_map<std::string, int> occurrences_;  // derived keys seen in this file
    std::set<std::string> paymentAppointments_;         // appointment keys paid by this file...
    std::string paymentSystem_;                         // ...in this source system
    std::set<std::string> ledgerKeys_;                  // appointment keys with payments on record...
    std::string ledgerSystem_;                          // ...in this system, once loaded
    bool ledgerLoaded_ = false;
    struct DayHours {
        double hours = 0;
        std::uint64_t rows = 0;
    };
    std::map<std::pair<RowId, int>, DayHours> staffHours_; // by (clinician id, day serial)

    bool allowBulk_ = false;
    bool modeChosen_ = false;
    bool bulk_ = false;
    std::optional<sql::Statement> writtenByThisBatch_;
    std::string keyBuffer_;  // reused for cache look-ups, to spare an allocation a row
};

} // namespace caseboard::import
