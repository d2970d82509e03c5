#include "caseboard/team/supervision_notes.h"

#include "caseboard/metrics/clinician_month.h"
#include "caseboard/store/sqlite.h"
#include "caseboard/store/store.h"

#include <stdexcept>

namespace caseboard::team {

namespace {

void requireMonth(std::string_view month)
{
    if (!metrics::CalendarMonth::parse(month))
        throw std::invalid_argument("supervision month must be YYYY-MM");
}

SupervisionNote noteFrom(sql::Statement& statement)
{
    SupervisionNote note;
    note.clinicianId = statement.int64(0);
    note.month = statement.text(1);
    note.goals = statement.text(2);
    note.notes = statement.text(3);
    note.updatedAt = statement.text(4);
    return note;
}

constexpr std::string_view kColumns = "SELECT clinician_id, month, goals, notes, updated_at FROM supervision_notes ";

} // namespace

std::optional<SupervisionNote> loadSupervisionNote(Store& store, RowId clinician, std::string_view month)
{
    requireMonth(month);
    auto statement = store.connection().prepare(std::string(kColumns) + "WHERE clinician_id = ? AND month = ?");
    statement.bind(1, clinician).bind(2, month);
    if (!statement.step())
        return std::nullopt;
    return noteFrom(statement);
}

std::optional<SupervisionNote> lastGoalsBefore(Store& store, RowId clinician, std::string_view month)
{
    requireMonth(month);
    // "YYYY-MM" sorts as the months do, so the text comparison is the date comparison.
    auto statement = store.connection().prepare(
        std::string(kColumns)
        + "WHERE clinician_id = ? AND month < ? AND trim(goals, ' ' || char(9, 10, 13)) <> '' "
          "ORDER BY month DESC LIMIT 1");
    statement.bind(1, clinician).bind(2, month);
    if (!statement.step())
        return std::nullopt;
    return noteFrom(statement);
}

std::vector<SupervisionNote> supervisionNotesOfMonth(Store& store, std::string_view month)
{
    requireMonth(month);
    auto statement = store.connection().prepare(std::string(kColumns) + "WHERE month = ? ORDER BY clinician_id");
    statement.bind(1, month);
    std::vector<SupervisionNote> notes;
    while (statement.step())
        notes.push_back(noteFrom(statement));
    return notes;
}

SupervisionNote saveSupervisionNote(Store& store, RowId clinician, std::string_view month, std::string_view goals,
                                    std::string_view notes)
{
    requireMonth(month);
    sql::Transaction transaction(store.connection());
    auto upsert = store.connection().prepare(
        "INSERT INTO supervision_notes (clinician_id, month, goals, notes, updated_at) "
        "VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) "
        "ON CONFLICT (clinician_id, month) DO UPDATE SET goals = excluded.goals, notes = excluded.notes, "
        "updated_at = excluded.updated_at");
    upsert.bind(1, clinician).bind(2, month).bind(3, goals).bind(4, notes);
    upsert.run();
    auto saved = loadSupervisionNote(store, clinician, month);
    transaction.commit();
    if (!saved)
        throw std::logic_error("supervision note vanished while being saved");
    return *saved;
}

} // namespace caseboard::team
