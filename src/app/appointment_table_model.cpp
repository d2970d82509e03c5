#include "appointment_table_model.h"

#include "app_style.h"
#include "display_format.h"

#include "caseboard/import/appointment_export.h"
#include "caseboard/store/sqlite.h"
#include "caseboard/store/store.h"

#include <QBrush>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <climits>

namespace caseboard::app {

struct AppointmentTableModel::QueryResult {
    std::vector<RowId> ids;
    AppointmentTotals totals;
    std::vector<BalanceByMonthAndPayer> balances;
    std::vector<ClinicianCount> clinicianCounts;
    std::int64_t total = 0;
    bool cancelled = false;
    QString error;
    qint64 milliseconds = 0;
};

namespace {

bool isMoney(AppointmentColumn column)
{
    return column == AppointmentColumn::Fee || column == AppointmentColumn::ClientPaid
        || column == AppointmentColumn::InsurancePaid;
}

bool isRightAligned(AppointmentColumn column) { return isMoney(column) || column == AppointmentColumn::Duration; }

QString columnTitle(AppointmentColumn column)
{
    switch (column) {
    case AppointmentColumn::Date: return AppointmentTableModel::tr("Date");
    case AppointmentColumn::Start: return AppointmentTableModel::tr("Time");
    case AppointmentColumn::Client: return AppointmentTableModel::tr("Client");
    case AppointmentColumn::Clinician: return AppointmentTableModel::tr("Clinician");
    case AppointmentColumn::ServiceCode: return AppointmentTableModel::tr("Service");
    case AppointmentColumn::Duration: return AppointmentTableModel::tr("Length");
    case AppointmentColumn::Status: return AppointmentTableModel::tr("Status");
    case AppointmentColumn::Location: return AppointmentTableModel::tr("Location");
    case AppointmentColumn::Fee: return AppointmentTableModel::tr("Fee");
    case AppointmentColumn::ClientPaid: return AppointmentTableModel::tr("Client paid");
    case AppointmentColumn::InsurancePaid: return AppointmentTableModel::tr("Insurance paid");
    case AppointmentColumn::Payer: return AppointmentTableModel::tr("Payer");
    case AppointmentColumn::NoteStatus: return AppointmentTableModel::tr("Note");
    }
    return {};
}

QString columnToolTip(AppointmentColumn column)
{
    switch (column) {
    case AppointmentColumn::ServiceCode: return AppointmentTableModel::tr("Service (CPT) code");
    case AppointmentColumn::Duration: return AppointmentTableModel::tr("Scheduled length of the appointment");
    case AppointmentColumn::Status:
        return AppointmentTableModel::tr("Status category, with the EHR's own status where it differs");
    case AppointmentColumn::NoteStatus: return AppointmentTableModel::tr("Progress note");
    default: return {};
    }
}

bool hasValue(const AppointmentRow& row, AppointmentColumn column)
{
    switch (column) {
    case AppointmentColumn::Start: return row.startMinute.has_value();
    case AppointmentColumn::Duration: return row.durationMinutes > 0;
    case AppointmentColumn::ServiceCode: return !row.serviceCode.empty();
    case AppointmentColumn::Location: return !row.location.empty();
    case AppointmentColumn::Fee: return row.fee.has_value();
    case AppointmentColumn::ClientPaid: return row.clientPaid.has_value();
    case AppointmentColumn::InsurancePaid: return row.insurancePaid.has_value();
    case AppointmentColumn::Payer: return !row.payer.empty();
    case AppointmentColumn::NoteStatus: return row.noteStatus != NoteStatus::Unknown;
    default: return true;
    }
}

QString displayText(const AppointmentRow& row, AppointmentColumn column)
{
    const auto orMissing = [](const std::string& text) { return text.empty() ? missingValue() : toQString(text); };
    switch (column) {
    case AppointmentColumn::Date: return formatDayWithWeekday(row.date);
    case AppointmentColumn::Start: return formatStartTime(row.startMinute);
    case AppointmentColumn::Client: return toQString(row.clientName);
    case AppointmentColumn::Clinician: return toQString(row.clinicianName);
    case AppointmentColumn::ServiceCode: return orMissing(row.serviceCode);
    case AppointmentColumn::Duration: return formatDuration(row.durationMinutes);
    case AppointmentColumn::Status: return statusLabel(row.status);
    case AppointmentColumn::Location: return orMissing(row.location);
    case AppointmentColumn::Fee: return formatMoney(row.fee);
    case AppointmentColumn::ClientPaid: return formatMoney(row.clientPaid);
    case AppointmentColumn::InsurancePaid: return formatMoney(row.insurancePaid);
    case AppointmentColumn::Payer: return orMissing(row.payer);
    case AppointmentColumn::NoteStatus: return noteStatusLabel(row.noteStatus);
    }
    return {};
}

QVariant optionalValue(const std::optional<std::int64_t>& value)
{
    return value ? QVariant::fromValue<qint64>(*value) : QVariant();
}

QVariant sortValue(const AppointmentRow& row, AppointmentColumn column)
{
    switch (column) {
    case AppointmentColumn::Date: return toSerial(row.date);
    case AppointmentColumn::Start: return row.startMinute ? QVariant(*row.startMinute) : QVariant();
    case AppointmentColumn::Client: return toQString(row.clientName);
    case AppointmentColumn::Clinician: return toQString(row.clinicianName);
    case AppointmentColumn::ServiceCode: return toQString(row.serviceCode);
    case AppointmentColumn::Duration: return row.durationMinutes;
    case AppointmentColumn::Status: return static_cast<int>(row.status);
    case AppointmentColumn::Location: return toQString(row.location);
    case AppointmentColumn::Fee: return optionalValue(row.fee);
    case AppointmentColumn::ClientPaid: return optionalValue(row.clientPaid);
    case AppointmentColumn::InsurancePaid: return optionalValue(row.insurancePaid);
    case AppointmentColumn::Payer: return toQString(row.payer);
    case AppointmentColumn::NoteStatus: return static_cast<int>(row.noteStatus);
    }
    return {};
}

} // namespace

AppointmentTableModel::AppointmentTableModel(QObject* parent) : QAbstractTableModel(parent) {}

AppointmentTableModel::~AppointmentTableModel()
{
    // A worker still running reads its own connection and returns values only; ask it
    // to stop so the application can exit without waiting for it.
    if (running_)
        running_->request_stop();
}

AppointmentColumn AppointmentTableModel::columnAt(int section) { return static_cast<AppointmentColumn>(section); }

void AppointmentTableModel::setStore(Store* store)
{
    beginResetModel();
    store_ = store;
    path_ = store ? store->path() : std::filesystem::path();
    reader_.reset();
    pages_.clear();
    ids_.clear();
    totals_ = {};
    balances_.clear();
    clinicianCounts_.clear();
    total_ = -1;
    if (store_)
        reader_ = std::make_unique<AppointmentRowReader>(store_->connection());
    endResetModel();
    startQuery();
}

void AppointmentTableModel::setFilterText(const QString& text)
{
    AppointmentFilter filter = filter_;
    filter.text = text.trimmed().toStdString();
    setFilter(filter);
}

QString AppointmentTableModel::filterText() const { return toQString(filter_.text); }

void AppointmentTableModel::setFilter(const AppointmentFilter& filter)
{
    if (filter == filter_)
        return;
    filter_ = filter;
    startQuery();
}

void AppointmentTableModel::refresh() { startQuery(); }

void AppointmentTableModel::setClientInitials(bool initials)
{
    if (clientInitials_ == initials)
        return;
    clientInitials_ = initials;
    const int client = static_cast<int>(AppointmentColumn::Client);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, client), index(rowCount() - 1, client), {Qt::DisplayRole});
}

void AppointmentTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= kAppointmentColumnCount)
        return;
    const AppointmentSort sort{columnAt(column),
                               order == Qt::AscendingOrder ? SortOrder::Ascending : SortOrder::Descending};
    if (sort == sort_)
        return;
    sort_ = sort;
    startQuery();
}

void AppointmentTableModel::startQuery()
{
    if (running_)
        running_->request_stop();
    running_.reset();
    const std::uint64_t generation = ++generation_;

    if (!store_ || store_->inMemory()) {
        // The worker needs a file to open; an in-memory store shows nothing.
        setLoading(false);
        return;
    }

    std::stop_source stop;
    running_ = stop;
    setLoading(true);

    QFuture<QueryResult> future = QtConcurrent::run(
        [path = path_, filter = filter_, sort = sort_, token = stop.get_token()]() -> QueryResult {
            QueryResult result;
            QElapsedTimer timer;
            timer.start();
            try {
                sql::Connection connection = openAppointmentQueryConnection(path);
                // The missing-payments list shows its balances by month and payer.
                AppointmentQueryOptions options;
                options.balanceBreakdown = filter.list == WorkflowList::MissingPayments;
                // The overdue-notes list shows its count per clinician.
                options.countByClinician = filter.list == WorkflowList::OverdueNotes;
                std::optional<AppointmentQueryResult> found =
                    queryAppointments(connection, filter, sort, options, token);
                if (!found) {
                    result.cancelled = true;
                    return result;
                }
                result.ids = std::move(found->ids);
                result.totals = found->totals;
                result.balances = std::move(found->balances);
                result.clinicianCounts = std::move(found->clinicianCounts);
                const bool everything = filter == AppointmentFilter{};
                result.total = everything ? static_cast<std::int64_t>(result.ids.size())
                                          : countAllAppointments(connection);
            } catch (const std::exception& error) {
                result.error = QString::fromUtf8(error.what());
            }
            result.milliseconds = timer.elapsed();
            return result;
        });

    auto* watcher = new QFutureWatcher<QueryResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        finishQuery(generation, watcher->future().takeResult());
    });
    watcher->setFuture(future);
}

void AppointmentTableModel::finishQuery(std::uint64_t generation, QueryResult result)
{
    if (generation != generation_ || result.cancelled)
        return; // a newer query replaced this one
    running_.reset();

    if (!result.error.isEmpty()) {
        lastError_ = result.error;
        spdlog::error("appointment query failed: {}", result.error.toStdString());
        setLoading(false);
        Q_EMIT queryFailed(result.error);
        return;
    }
    lastError_.clear();
    beginResetModel();
    ids_ = std::move(result.ids);
    totals_ = result.totals;
    balances_ = std::move(result.balances);
    clinicianCounts_ = std::move(result.clinicianCounts);
    pages_.clear();
    total_ = result.total;
    endResetModel();
    lastQueryMs_ = result.milliseconds;
    spdlog::info("appointment query: {} of {} rows in {} ms", ids_.size(), total_, lastQueryMs_);
    setLoading(false);
    Q_EMIT countsChanged(static_cast<qint64>(ids_.size()), total_);
}

void AppointmentTableModel::setLoading(bool loading)
{
    if (loading_ == loading)
        return;
    loading_ = loading;
    Q_EMIT loadingChanged(loading);
}

const AppointmentRow* AppointmentTableModel::rowAt(int row) const
{
    if (row < 0 || static_cast<std::size_t>(row) >= ids_.size())
        return nullptr;
    const int pageIndex = row / kPageSize;
    const std::size_t offset = static_cast<std::size_t>(row % kPageSize);
    for (auto it = pages_.begin(); it != pages_.end(); ++it) {
        if (it->index == pageIndex) {
            if (it != pages_.begin())
                pages_.splice(pages_.begin(), pages_, it);
            return &pages_.front().rows[offset];
        }
    }
    if (!reader_)
        return nullptr;

    const std::size_t first = static_cast<std::size_t>(pageIndex) * kPageSize;
    const std::size_t count = std::min<std::size_t>(kPageSize, ids_.size() - first);
    try {
        Page page{pageIndex, reader_->read(std::span<const RowId>(ids_.data() + first, count))};
        pages_.push_front(std::move(page));
    } catch (const std::exception& error) {
        spdlog::error("reading appointment rows failed: {}", error.what());
        return nullptr;
    }
    while (pages_.size() > static_cast<std::size_t>(kCachedPages))
        pages_.pop_back();
    return &pages_.front().rows[offset];
}

std::vector<AppointmentRow> AppointmentTableModel::readRows(std::span<const RowId> ids) const
{
    return reader_ ? reader_->read(ids) : std::vector<AppointmentRow>(ids.size());
}

int AppointmentTableModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid())
        return 0;
    return static_cast<int>(std::min<std::size_t>(ids_.size(), INT_MAX));
}

int AppointmentTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kAppointmentColumnCount;
}

QVariant AppointmentTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const AppointmentColumn column = columnAt(index.column());
    if (role == Qt::TextAlignmentRole)
        return static_cast<int>(Qt::AlignVCenter | (isRightAligned(column) ? Qt::AlignRight : Qt::AlignLeft));

    const AppointmentRow* row = rowAt(index.row());
    if (!row || row->id == 0)
        return role == Qt::DisplayRole ? QVariant(missingValue()) : QVariant();

    switch (role) {
    case Qt::DisplayRole:
        if (column == AppointmentColumn::Client && clientInitials_)
            return toQString(import::initialsOf(row->clientName));
        return displayText(*row, column);
    case Qt::ForegroundRole:
        if (!hasValue(*row, column))
            return QBrush(theme().mutedText);
        return {};
    case Qt::ToolTipRole:
        if (column == AppointmentColumn::Status)
            return tr("%1 \u2014 in the EHR: \u201c%2\u201d").arg(statusLabel(row->status), toQString(row->rawStatus));
        if (column == AppointmentColumn::NoteStatus && row->noteStatus == NoteStatus::Unknown)
            return tr("The export had no progress-note column");
        return {};
    case StatusCategoryRole: return static_cast<int>(row->status);
    case RawStatusRole: return toQString(row->rawStatus);
    case AppointmentIdRole: return QVariant::fromValue<qint64>(row->id);
    case SortValueRole: return sortValue(*row, column);
    default: return {};
    }
}

QVariant AppointmentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kAppointmentColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    const AppointmentColumn column = columnAt(section);
    switch (role) {
    case Qt::DisplayRole: return columnTitle(column);
    case Qt::ToolTipRole: return columnToolTip(column);
    case Qt::InitialSortOrderRole:
        // Dates and money read best largest first; names and codes from A.
        return static_cast<int>(column == AppointmentColumn::Date || isMoney(column) ? Qt::DescendingOrder
                                                                                     : Qt::AscendingOrder);
    case Qt::TextAlignmentRole:
        return static_cast<int>(Qt::AlignVCenter | (isRightAligned(column) ? Qt::AlignRight : Qt::AlignLeft));
    default: return {};
    }
}

} // namespace caseboard::app
