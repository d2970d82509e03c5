#include "store_sink.h"

#include "cell_reader.h"

#include "caseboard/store/schema.h"

namespace caseboard::import {

namespace {
std::string clientCacheKey(const std::string& system, const std::string& key) { return system + '\x1f' + key; }

// (date, client, clinician): what SimplePractice's reports and payments share.
std::string appointmentKey(Day day, const std::string& clientKey, const std::string& clinicianName)
{
    return formatIsoDay(day) + '|' + clientKey + '|' + nameKey(clinicianName);
}
} // namespace

StoreSink::StoreSink(sql::Connection& connection, RowId batchId, bool allowBulk)
    : db_(connection), batchId_(batchId), writer_(connection), allowBulk_(allowBulk)
{
    auto clinicians = db_.prepare("SELECT id, name FROM clinicians");
    while (clinicians.step())
        clinicians_.emplace(nameKey(clinicians.textView(1)), clinicians.int64(0));
    // Other spellings of a clinician's name (Team settings) resolve to the same row;
    // emplace keeps a real name ahead of an alias that happens to equal it.
    auto aliases = db_.prepare("SELECT alias, clinician_id FROM clinician_aliases");
    while (aliases.step())
        clinicians_.emplace(nameKey(aliases.textView(0)), aliases.int64(1));
    auto clients = db_.prepare("SELECT id, source_system, source_key FROM clients");
    while (clients.step())
        clients_.emplace(clientCacheKey(clients.text(1), clients.text(2)), clients.int64(0));
}

RowId StoreSink::clinicianId(const std::string& name, const char* role)
{
    keyBuffer_ = nameKey(name);
    if (const auto found = clinicians_.find(keyBuffer_); found != clinicians_.end())
        return found->second;
    auto insert = db_.prepare("INSERT INTO clinicians (name, role) VALUES (?, ?)");
    insert.bind(1, name).bind(2, role);
    insert.run();
    const RowId id = db_.lastInsertRowId();
    clinicians_.emplace(keyBuffer_, id);
    newClinicians.push_back(name); // a clinician's name is staff data, not PHI
    return id;
}

RowId StoreSink::clientId(const std::string& system, const std::string& key, const std::string& name)
{
    keyBuffer_.assign(system).append(1, '\x1f').append(key); // clientCacheKey, without an allocation
    if (const auto found = clients_.find(keyBuffer_); found != clients_.end())
        return found->second;
    Client client;
    client.sourceSystem = system;
    client.sourceKey = key;
    client.displayName = name.empty() ? key : name;
    const RowId id = upsertClient(db_, client).id;
    clients_.emplace(keyBuffer_, id);
    return id;
}

std::string StoreSink::derivedKey(const AppointmentRecord& record)
{
    // (date, client, clinician) is what SimplePractice's reports share; a second
    // appointment of the same pair on the same day in one file is told apart by its
    // place, "#2", which both reports give in the same order.
    std::string key = appointmentKey(record.values.date, record.clientKey, record.clinicianName);
    const int occurrence = ++occurrences_[key];
    if (occurrence > 1)
        key += '#' + std::to_string(occurrence);
    return key;
}

void StoreSink::loadPaidKeys(const std::string& system)
{
    if (ledgerLoaded_ && ledgerSystem_ == system)
        return;
    ledgerKeys_.clear();
    auto keys = db_.prepare("SELECT DISTINCT appointment_key FROM payments WHERE source_system = ?");
    keys.bind(1, system);
    while (keys.step())
        ledgerKeys_.insert(keys.text(0));
    ledgerSystem_ = system;
    ledgerLoaded_ = true;
}

void StoreSink::chooseMode()
{
    modeChosen_ = true;
    bulk_ = allowBulk_ && !db_.queryInt("SELECT 1 FROM appointments LIMIT 1");
    if (!bulk_)
        return;
    // Dropped inside the import's transaction: a rollback brings them back.
    for (const AppointmentIndex& index : appointmentIndexes())
        db_.exec("DROP INDEX " + index.name);
    // Appending touches only the table's last pages: a small cache does, and keeps the
    // import's memory bounded.
    db_.exec("PRAGMA cache_size = -8192");
}

void StoreSink::write(AppointmentRecord& record, bool maybeRepeated)
{
    if (!modeChosen_)
        chooseMode();
    Appointment& a = record.values;
    a.id = 0;
    a.sourceSystem = record.sourceSystem;
    const bool derived = record.sourceKey.empty();
    a.sourceKey = derived ? derivedKey(record) : record.sourceKey;
    a.clientId = clientId(record.sourceSystem, record.clientKey, record.clientName);
    a.clinicianId = clinicianId(record.clinicianName);
    a.importBatchId = batchId_;

    if (bulk_) { // an empty table: nothing to merge with, keys checked when indexed
        writer_.insert(a);
        ++added;
        return;
    }
    if (maybeRepeated && writtenByThisImport(a)) {
        duplicateKey = true; // the earlier row stands; this one is reported
        return;
    }

    std::uint32_t fields = record.fields;
    if (derived && (fields & (kClientPaid | kInsurancePaid))) {
        // Payments on record (income allocation) own the paid amounts.
        loadPaidKeys(record.sourceSystem);
        if (ledgerKeys_.count(a.sourceKey))
            fields &= ~static_cast<std::uint32_t>(kClientPaid | kInsurancePaid);
    }

    switch (writer_.merge(a, fields)) {
    case UpsertOutcome::Added: ++added; break;
    case UpsertOutcome::Updated: ++updated; break;
    case UpsertOutcome::Unchanged: ++unchanged; break;
    }
}

bool StoreSink::writtenByThisImport(const Appointment& a)
{
    // Derived keys cannot repeat (derivedKey numbers them); an EHR's own key can, in a
    // broken export. A key filter upstream sends only possible repeats here.
    if (!writtenByThisBatch_)
        writtenByThisBatch_.emplace(db_.prepare(
            "SELECT 1 FROM appointments WHERE source_system = ? AND source_key = ? AND import_batch_id = ?"));
    sql::Statement& query = *writtenByThisBatch_;
    query.bindStatic(1, a.sourceSystem).bindStatic(2, a.sourceKey).bind(3, batchId_);
    const bool found = query.step();
    query.reset();
    return found;
}

void StoreSink::client(const ClientRecord& record)
{
    Client client;
    client.sourceSystem = record.sourceSystem;
    client.sourceKey = record.clientKey;
    client.displayName = record.clientName;
    client.status = record.status;
    client.dateAdded = record.dateAdded;
    const UpsertResult result = upsertClient(db_, client);
    clients_.emplace(clientCacheKey(record.sourceSystem, record.clientKey), result.id);
    switch (result.outcome) {
    case UpsertOutcome::Added: ++added; break;
    case UpsertOutcome::Updated: ++updated; break;
    case UpsertOutcome::Unchanged: ++unchanged; break;
    }
}

void StoreSink::roster(const RosterRecord& record)
{
    const Clinician& c = record.clinician;
    auto optionalSerial = [](const std::optional<Day>& day) {
        return day ? std::optional<int>(toSerial(*day)) : std::nullopt;
    };
    const std::string key = nameKey(c.name);
    RowId id = 0;
    bool isNew = false;
    bool changed = false;
    if (const auto found = clinicians_.find(key); found != clinicians_.end()) {
        id = found->second;
        auto update = db_.prepare(
            "UPDATE clinicians SET clinician_type = ?, location = ?, supervisor = ?, start_day = ?, end_day = ?, "
            "hourly_rate_cents = ? WHERE id = ? AND (clinician_type IS NOT ? OR location IS NOT ? OR supervisor IS NOT ? "
            "OR start_day IS NOT ? OR end_day IS NOT ? OR hourly_rate_cents IS NOT ?)");
        update.bind(1, c.clinicianType).bind(2, c.location).bind(3, c.supervisor).bind(4, optionalSerial(c.startDate));
        update.bind(5, optionalSerial(c.endDate)).bind(6, c.hourlyRate).bind(7, id);
        update.bind(8, c.clinicianType).bind(9, c.location).bind(10, c.supervisor).bind(11, optionalSerial(c.startDate));
        update.bind(12, optionalSerial(c.endDate)).bind(13, c.hourlyRate);
        update.run();
        changed = db_.changes() > 0;
    } else {
        auto insert = db_.prepare("INSERT INTO clinicians (name, clinician_type, location, supervisor, start_day, "
                                  "end_day, hourly_rate_cents) VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, c.name).bind(2, c.clinicianType).bind(3, c.location).bind(4, c.supervisor);
        insert.bind(5, optionalSerial(c.startDate)).bind(6, optionalSerial(c.endDate)).bind(7, c.hourlyRate);
        insert.run();
        id = db_.lastInsertRowId();
        clinicians_.emplace(key, id);
        isNew = true;
    }

    if (record.weeklyGoal && c.startDate) {
        // The goal starts a period on the start date: an existing period from that day
        // takes the new goal; otherwise the open period before it ends the day before.
        const int from = toSerial(*c.startDate);
        auto same = db_.prepare("SELECT id, weekly_goal FROM goal_periods WHERE clinician_id = ? AND from_day = ?");
        same.bind(1, id).bind(2, from);
        if (same.step()) {
            if (same.real(1) != *record.weeklyGoal) {
                auto update = db_.prepare("UPDATE goal_periods SET weekly_goal = ? WHERE id = ?");
                update.bind(1, *record.weeklyGoal).bind(2, same.int64(0));
                update.run();
                changed = true;
            }
        } else {
            auto close = db_.prepare("UPDATE goal_periods SET to_day = ? WHERE clinician_id = ? AND from_day < ? "
                                     "AND (to_day IS NULL OR to_day >= ?)");
            close.bind(1, from - 1).bind(2, id).bind(3, from).bind(4, from);
            close.run();
            auto insert = db_.prepare(
                "INSERT INTO goal_periods (clinician_id, from_day, to_day, weekly_goal) VALUES (?, ?, ?, ?)");
            insert.bind(1, id).bind(2, from).bind(3, optionalSerial(c.endDate)).bind(4, *record.weeklyGoal);
            insert.run();
            changed = true;
        }
    }
    if (isNew)
        ++added;
    else if (changed)
        ++updated;
    else
        ++unchanged;
}

void StoreSink::payment(const PaymentRecord& record)
{
    // The key of the appointment paid for, without counting it as an occurrence.
    const std::string paidFor = appointmentKey(record.serviceDay, record.clientKey, record.clinicianName);
    std::string paymentKey = paidFor + '|' + (record.fromInsurance ? "insurance" : "client") + '|'
        + std::to_string(record.amount);
    const int occurrence = ++occurrences_[paymentKey];
    paymentKey += '#' + std::to_string(occurrence);

    auto insert = db_.prepare("INSERT INTO payments (source_system, source_key, appointment_key, from_insurance, "
                              "amount_cents, import_batch_id) VALUES (?, ?, ?, ?, ?, ?) "
                              "ON CONFLICT (source_system, source_key) DO NOTHING");
    insert.bind(1, record.sourceSystem).bind(2, paymentKey).bind(3, paidFor);
    insert.bind(4, record.fromInsurance ? 1 : 0).bind(5, record.amount).bind(6, batchId_);
    insert.run();
    if (db_.changes() > 0) {
        ++added;
        paymentAppointments_.insert(paidFor);
        paymentSystem_ = record.sourceSystem;
    } else {
        ++unchanged;
    }
}

void StoreSink::staffHours(const StaffHoursRecord& record)
{
    // Someone on a timesheet but unknown to the team is support staff: they have no
    // sessions, or an appointment export would have brought them in already.
    const RowId id = clinicianId(record.staffName, "admin");
    DayHours& day = staffHours_[{id, toSerial(record.day)}];
    day.hours += record.hours;
    ++day.rows;
}

void StoreSink::writeStaffHours()
{
    auto find = db_.prepare("SELECT hours FROM staff_hours WHERE clinician_id = ? AND day = ?");
    auto insert =
        db_.prepare("INSERT INTO staff_hours (clinician_id, day, hours, import_batch_id) VALUES (?, ?, ?, ?)");
    auto update = db_.prepare(
        "UPDATE staff_hours SET hours = ?, import_batch_id = ? WHERE clinician_id = ? AND day = ?");
    for (const auto& [key, day] : staffHours_) {
        find.bind(1, key.first).bind(2, key.second);
        const std::optional<double> before = find.step() ? std::optional<double>(find.real(0)) : std::nullopt;
        find.reset();
        if (!before) {
            insert.bind(1, key.first).bind(2, key.second).bind(3, day.hours).bind(4, batchId_);
            insert.run();
            added += day.rows;
        } else if (*before != day.hours) {
            update.bind(1, day.hours).bind(2, batchId_).bind(3, key.first).bind(4, key.second);
            update.run();
            updated += day.rows;
        } else {
            unchanged += day.rows;
        }
    }
}

void StoreSink::finish()
{
    writeStaffHours();
    if (bulk_) {
        // Sorting a million keys once beats a million B-tree inserts; two sorter threads
        // use the second core. The sorter sizes its in-memory runs by the page cache,
        // per thread, so the cache shrinks meanwhile to keep the import's memory bounded.
        db_.exec("PRAGMA cache_size = -4096; PRAGMA threads = 2");
        auto restore = [this] { db_.exec("PRAGMA threads = 0; PRAGMA cache_size = -32768"); };
        try {
            for (const AppointmentIndex& index : appointmentIndexes())
                db_.exec(index.create);
        } catch (const sql::Error& error) {
            restore();
            if ((error.code() & 0xFF) == 19) // SQLITE_CONSTRAINT: a key repeats in the file
                throw BulkKeyConflict(error.what());
            throw;
        }
        restore();
    }
    if (paymentAppointments_.empty())
        return;
    // Each side with payments on record becomes their sum; a side with none is left as
    // the appointment status report had it.
    auto apply = db_.prepare(R"sql(
UPDATE appointments SET
    client_paid_cents = coalesce((SELECT sum(amount_cents) FROM payments p
        WHERE p.source_system = appointments.source_system AND p.appointment_key = appointments.source_key
          AND p.from_insurance = 0), client_paid_cents),
    insurance_paid_cents = coalesce((SELECT sum(amount_cents) FROM payments p
        WHERE p.source_system = appointments.source_system AND p.appointment_key = appointments.source_key
          AND p.from_insurance = 1), insurance_paid_cents)
WHERE source_system = ? AND source_key = ?)sql");
    for (const std::string& key : paymentAppointments_) {
        apply.bind(1, paymentSystem_).bind(2, key);
        apply.run();
    }
}

} // namespace caseboard::import
