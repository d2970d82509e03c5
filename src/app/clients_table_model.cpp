#include "clients_table_model.h"

#include "dashboard_format.h"
#include "display_format.h"
#include "signal_colors.h"

#include "caseboard/core/day.h"

namespace caseboard::app {

namespace {

Signal signalOf(metrics::PairStatus status)
{
    switch (status) {
    case metrics::PairStatus::Retained: return Signal::Good;
    case metrics::PairStatus::AtRisk: return Signal::Watch;
    case metrics::PairStatus::Lost: return Signal::Bad;
    case metrics::PairStatus::InProgress:
    case metrics::PairStatus::NoIntake: break;
    }
    return Signal::Neutral;
}

// Sorting by status reads from good to bad, with "no intake" last.
int statusRank(metrics::PairStatus status)
{
    switch (status) {
    case metrics::PairStatus::Retained: return 0;
    case metrics::PairStatus::InProgress: return 1;
    case metrics::PairStatus::AtRisk: return 2;
    case metrics::PairStatus::Lost: return 3;
    case metrics::PairStatus::NoIntake: break;
    }
    return 4;
}

QString isoDay(std::int32_t serial)
{
    return serial == metrics::kNoDay ? QString() : QString::fromStdString(formatIsoDay(fromSerial(serial)));
}

// Missing dates get a key of their own: ClientsFilterProxy sorts them last.
qlonglong daySortKey(std::int32_t serial)
{
    return serial == metrics::kNoDay ? ClientsTableModel::kMissingDay : serial;
}

} // namespace

ClientsTableModel::ClientsTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ClientsTableModel::setResult(std::shared_ptr<const ClientsResult> result)
{
    beginResetModel();
    result_ = std::move(result);
    endResetModel();
}

void ClientsTableModel::setClientInitials(bool initials)
{
    if (initials_ == initials)
        return;
    initials_ = initials;
    if (rowCount() > 0)
        // Only the display changes: naming the role lets the proxy skip re-sorting and
        // re-filtering 30,000 rows (their sort keys are the names' ranks either way).
        Q_EMIT dataChanged(index(0, static_cast<int>(ClientColumn::Client)),
                           index(rowCount() - 1, static_cast<int>(ClientColumn::Client)), {Qt::DisplayRole});
}

QString ClientsTableModel::pairStatusLabel(metrics::PairStatus status)
{
    switch (status) {
    case metrics::PairStatus::Retained: return tr("Retained");
    case metrics::PairStatus::InProgress: return tr("In progress");
    case metrics::PairStatus::AtRisk: return tr("At risk");
    case metrics::PairStatus::Lost: return tr("Lost");
    case metrics::PairStatus::NoIntake: break;
    }
    return tr("No intake");
}

int ClientsTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !result_ ? 0 : static_cast<int>(result_->snapshot->pairs.size());
}

int ClientsTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kClientColumnCount;
}

QString ClientsTableModel::exportText(int row, ClientColumn column) const
{
    const std::size_t p = pairAt(row);
    const metrics::Snapshot& s = *result_->snapshot;
    const metrics::PairFact& f = result_->facts->pairs[p];
    const metrics::SnapshotPair& pair = s.pairs[p];
    switch (column) {
    case ClientColumn::Intake: return isoDay(f.intakeSerial);
    case ClientColumn::LastSeen: return isoDay(f.lastSeenSerial);
    case ClientColumn::NextAppointment: return isoDay(f.nextScheduledSerial);
    case ClientColumn::Status: return toQString(std::string(metrics::pairStatusName(result_->status[p])));
    case ClientColumn::Client: return clientName(s, static_cast<std::size_t>(pair.client), initials_);
    default: break;
    }
    return data(index(row, static_cast<int>(column))).toString();
}

bool ClientsTableModel::sortLess(int left, int right, ClientColumn column, Qt::SortOrder order) const
{
    const ClientsResult& r = *result_;
    const metrics::Snapshot& s = *r.snapshot;
    const std::size_t a = pairAt(left);
    const std::size_t b = pairAt(right);
    const metrics::PairFact& fa = r.facts->pairs[a];
    const metrics::PairFact& fb = r.facts->pairs[b];
    const auto clinician = [&s](std::size_t p) { return static_cast<qsizetype>(s.pairs[p].clinician); };
    const auto client = [&s](std::size_t p) { return static_cast<qsizetype>(s.pairs[p].client); };
    const auto days = [order](std::int32_t x, std::int32_t y) {
        if ((x == metrics::kNoDay) != (y == metrics::kNoDay))
            return order == Qt::AscendingOrder ? y == metrics::kNoDay : x == metrics::kNoDay;
        return x < y;
    };
    switch (column) {
    case ClientColumn::Client:
        return r.clientRank[static_cast<std::size_t>(client(a))] < r.clientRank[static_cast<std::size_t>(client(b))];
    case ClientColumn::Clinician:
        return r.clinicianRank[static_cast<std::size_t>(clinician(a))]
            < r.clinicianRank[static_cast<std::size_t>(clinician(b))];
    case ClientColumn::Status: return statusRank(r.status[a]) < statusRank(r.status[b]);
    case ClientColumn::Sessions: return fa.qualifyingCount < fb.qualifyingCount;
    case ClientColumn::Intake: return days(fa.intakeSerial, fb.intakeSerial);
    case ClientColumn::LastSeen: return days(fa.lastSeenSerial, fb.lastSeenSerial);
    case ClientColumn::NextAppointment: return days(fa.nextScheduledSerial, fb.nextScheduledSerial);
    case ClientColumn::BillableCancels: return fa.billableCancels12m < fb.billableCancels12m;
    case ClientColumn::ClientStatus: return r.clientStatusKeys[client(a)] < r.clientStatusKeys[client(b)];
    case ClientColumn::Location: return r.locationKeys[clinician(a)] < r.locationKeys[clinician(b)];
    case ClientColumn::Supervisor: return r.supervisorKeys[clinician(a)] < r.supervisorKeys[clinician(b)];
    }
    return false;
}

QVariant ClientsTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !result_)
        return {};
    const std::size_t p = pairAt(index.row());
    const metrics::Snapshot& s = *result_->snapshot;
    const metrics::PairFact& f = result_->facts->pairs[p];
    const metrics::SnapshotPair& pair = s.pairs[p];
    const auto clinician = static_cast<std::size_t>(pair.clinician);
    const auto client = static_cast<std::size_t>(pair.client);
    const metrics::PairStatus status = result_->status[p];
    const auto column = static_cast<ClientColumn>(index.column());

    if (role == PairRole)
        return static_cast<qulonglong>(p);
    if (role == PairStatusRole)
        return column == ClientColumn::Status ? QVariant(static_cast<int>(status)) : QVariant();
    if (role == SignalRole)
        return column == ClientColumn::Status ? QVariant(static_cast<int>(signalOf(status))) : QVariant();
    if (role == Qt::TextAlignmentRole) {
        if (column == ClientColumn::Sessions || column == ClientColumn::BillableCancels)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == SortRole) {
        switch (column) {
        case ClientColumn::Client: return result_->clientRank[client];
        case ClientColumn::Clinician: return result_->clinicianRank[clinician];
        case ClientColumn::Intake: return daySortKey(f.intakeSerial);
        case ClientColumn::LastSeen: return daySortKey(f.lastSeenSerial);
        case ClientColumn::NextAppointment: return daySortKey(f.nextScheduledSerial);
        case ClientColumn::Sessions: return f.qualifyingCount;
        case ClientColumn::Status: return statusRank(status);
        case ClientColumn::BillableCancels: return f.billableCancels12m;
        case ClientColumn::ClientStatus: return result_->clientStatusKeys[static_cast<qsizetype>(client)];
        case ClientColumn::Location: return result_->locationKeys[static_cast<qsizetype>(clinician)];
        case ClientColumn::Supervisor: return result_->supervisorKeys[static_cast<qsizetype>(clinician)];
        }
        return {};
    }
    if (role == Qt::ToolTipRole && column == ClientColumn::Status)
        return tr("Pair retention on %1: %2 qualifying sessions (retained at %3)")
            .arg(formatDayMedium(result_->asOf))
            .arg(f.qualifyingCount)
            .arg(result_->settings.retentionThreshold);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case ClientColumn::Client: return clientName(s, client, initials_);
    case ClientColumn::Clinician: return clinicianName(s, clinician);
    case ClientColumn::Intake: return formatSerialDay(f.intakeSerial);
    case ClientColumn::LastSeen: return formatSerialDay(f.lastSeenSerial);
    case ClientColumn::NextAppointment:
        return f.nextScheduledSerial == metrics::kNoDay ? tr("None") : formatSerialDay(f.nextScheduledSerial);
    case ClientColumn::Sessions: return f.qualifyingCount;
    case ClientColumn::Status: return pairStatusLabel(status);
    case ClientColumn::BillableCancels: return f.billableCancels12m;
    case ClientColumn::ClientStatus: return toQString(s.clients[client].status);
    case ClientColumn::Location: return toQString(s.clinicians[clinician].location);
    case ClientColumn::Supervisor: return toQString(s.clinicians[clinician].supervisor);
    }
    return {};
}

QVariant ClientsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    const auto column = static_cast<ClientColumn>(section);
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case ClientColumn::Intake: return tr("The pair's first qualifying session (completed, late cancel or no-show)");
        case ClientColumn::LastSeen: return tr("The last completed session on or before the as-of date");
        case ClientColumn::NextAppointment: return tr("The first appointment after the as-of date still scheduled");
        case ClientColumn::Sessions: return tr("Qualifying sessions on or before the as-of date");
        case ClientColumn::Status:
            return tr("Retained: reached the retention threshold. In progress: below it, with an appointment "
                      "scheduled. At risk: nothing scheduled, seen within the active window. Lost: nothing "
                      "scheduled, not seen within it.");
        case ClientColumn::BillableCancels: return tr("Late cancels and no-shows in the last 12 months");
        case ClientColumn::ClientStatus: return tr("The client's status in the EHR");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case ClientColumn::Client: return tr("Client");
    case ClientColumn::Clinician: return tr("Clinician");
    case ClientColumn::Intake: return tr("Intake");
    case ClientColumn::LastSeen: return tr("Last seen");
    case ClientColumn::NextAppointment: return tr("Next session");
    case ClientColumn::Sessions: return tr("Sessions");
    case ClientColumn::Status: return tr("Retention");
    case ClientColumn::BillableCancels: return tr("Billable cancels");
    case ClientColumn::ClientStatus: return tr("Client status");
    case ClientColumn::Location: return tr("Location");
    case ClientColumn::Supervisor: return tr("Supervisor");
    }
    return {};
}

} // namespace caseboard::app
