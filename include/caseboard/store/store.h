#pragma once
// The practice's database: one SQLite file that holds clinicians, goal periods,
// clients, appointments, import batches and settings. A Store is one connection and
// belongs to one thread; other threads open their own (read-only ones take no lock).

#include "caseboard/core/domain.h"
#include "caseboard/store/import_batch.h"
#include "caseboard/store/settings_value.h"
#include "caseboard/store/sqlite.h"

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace caseboard {

class DatabaseLock;

struct StoreCounts {
    std::int64_t clinicians = 0;
    std::int64_t clients = 0;
    std::int64_t appointments = 0;
    std::int64_t importBatches = 0;
    std::optional<Day> firstAppointment;
    std::optional<Day> lastAppointment;
};

enum class UpsertOutcome { Added, Updated, Unchanged };

struct UpsertResult {
    RowId id = 0;
    UpsertOutcome outcome = UpsertOutcome::Added;
};

class Store {
public:
    enum class Access { ReadWrite, ReadOnly };

    // Opens (and for ReadWrite creates, with owner-only permissions) the database,
    // takes the inter-process write lock and migrates the schema. Throws
    // DatabaseInUseError when another Caseboard has it open for writing, sql::Error
    // when the file is not a usable database.
    static Store open(const std::filesystem::path& path, Access access = Access::ReadWrite);
    static Store openInMemory();

    ~Store();
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;

    sql::Connection& connection() { return connection_; }
    const std::filesystem::path& path() const { return path_; }
    bool inMemory() const { return path_.empty(); }
    int schemaVersion();

    // Clinicians and goal periods.
    RowId addClinician(const Clinician& clinician);
    void updateClinician(const Clinician& clinician);
    std::vector<Clinician> clinicians();
    std::optional<Clinician> clinicianByName(const std::string& name);
    RowId addGoalPeriod(const GoalPeriod& period);
    std::vector<GoalPeriod> goalPeriods(); // all, by clinician then start

    // Clients: upserted on (source system, source key).
    UpsertResult upsertClient(const Client& client);
    std::vector<Client> clients();
    std::optional<Client> client(RowId id);

    // Appointments: upserted on (source system, source key).
    UpsertResult upsertAppointment(const Appointment& appointment);
    std::vector<Appointment> appointments(); // every row: for tests and small practices
    void forEachAppointment(const std::function<void(const Appointment&)>& visit);
    std::optional<Appointment> appointment(RowId id);

    RowId recordImportBatch(const ImportBatch& batch);
    std::vector<ImportBatch> importBatches();

    void setSetting(const std::string& key, const SettingValue& value);
    std::optional<SettingValue> setting(const std::string& key);

    StoreCounts counts();

private:
    Store(std::filesystem::path path, sql::Connection connection, std::shared_ptr<DatabaseLock> lock);

    std::filesystem::path path_;
    std::shared_ptr<DatabaseLock> lock_; // released after the connection closes
    sql::Connection connection_;
};

// Adds the client, or updates the row with its (source system, source key) when a value
// differs: the one client upsert, used by Store and by imports holding only a connection.
UpsertResult upsertClient(sql::Connection& connection, const Client& client);

// True when two appointments say the same thing: every field an import can change
// (not the row id, nor the batch that last wrote it).
bool sameAppointmentContent(const Appointment& a, const Appointment& b);

// Writes many appointments fast through statements prepared once: the demo generator
// and the importer use it inside a transaction of their own.
class AppointmentWriter {
public:
    explicit AppointmentWriter(sql::Connection& connection);
    RowId insert(const Appointment& appointment);
    UpsertResult upsert(const Appointment& appointment);
    std::optional<Appointment> find(std::string_view sourceSystem, std::string_view sourceKey);
    void update(const Appointment& appointment); // by id
    // Adds the appointment, or writes into the row with its key the client, clinician and
    // date and the `fields` (AppointmentField bits): one statement, compared in SQL, so
    // an unchanged row costs one index probe.
    UpsertOutcome merge(const Appointment& appointment, std::uint32_t fields);

private:
    sql::Connection* connection_;
    sql::Statement insert_;
    sql::Statement find_;
    sql::Statement update_;
    std::map<std::uint32_t, sql::Statement> merges_; // by field set
};

} // namespace caseboard
