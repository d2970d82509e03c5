#include "client_detail_panel.h"

#include "dashboard_format.h"
#include "display_format.h"
#include "status_pill_delegate.h"

#include "caseboard/metrics/effective_status.h"

#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace caseboard::app {

namespace {

QTableWidgetItem* item(const QString& text, Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto* cell = new QTableWidgetItem(text);
    cell->setTextAlignment(alignment);
    cell->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return cell;
}

} // namespace

ClientDetailPanel::ClientDetailPanel(QWidget* parent)
    : QWidget(parent),
      title_(new QLabel(this)),
      summary_(new QLabel(this)),
      stack_(new QStackedWidget(this)),
      placeholder_(new QLabel(this)),
      table_(new QTableWidget(this))
{
    setObjectName(QStringLiteral("ClientDetailPanel"));
    title_->setObjectName(QStringLiteral("SectionTitle"));
    QFont titleFont = title_->font();
    titleFont.setWeight(QFont::DemiBold);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    title_->setFont(titleFont);
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summary_->setObjectName(QStringLiteral("MutedLabel"));
    summary_->setWordWrap(true);

    placeholder_->setObjectName(QStringLiteral("MutedLabel"));
    placeholder_->setAlignment(Qt::AlignCenter);
    placeholder_->setWordWrap(true);
    placeholder_->setText(tr("Select a row to see the client\u2019s appointments with every clinician."));

    table_->setObjectName(QStringLiteral("ClientHistory"));
    table_->setColumnCount(kColumnCount);
    table_->setHorizontalHeaderLabels(
        {tr("Date"), tr("Clinician"), tr("Status"), tr("Fee"), tr("Paid"), tr("Balance"), tr("Note")});
    table_->setItemDelegateForColumn(static_cast<int>(Column::Status),
                                     new StatusPillDelegate(kStatusCategoryRole, Qt::UserRole + 2, table_));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setShowGrid(false);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->setFrameShape(QFrame::NoFrame);
    table_->verticalHeader()->setVisible(false);
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    QHeaderView* header = table_->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);

    stack_->addWidget(placeholder_);
    stack_->addWidget(table_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(title_);
    layout->addWidget(summary_);
    layout->addSpacing(6);
    layout->addWidget(stack_, 1);
    rebuild();
}

void ClientDetailPanel::showClient(std::shared_ptr<const ClientsResult> result, std::optional<std::size_t> client)
{
    result_ = std::move(result);
    client_ = result_ ? client : std::nullopt;
    rebuild();
}

void ClientDetailPanel::setClientInitials(bool initials)
{
    if (initials_ == initials)
        return;
    initials_ = initials;
    if (result_ && client_)
        title_->setText(clientName(*result_->snapshot, *client_, initials_));
}

QString ClientDetailPanel::titleText() const { return title_->text(); }

QString ClientDetailPanel::summaryText() const { return summary_->text(); }

void ClientDetailPanel::rebuild()
{
    table_->setRowCount(0);
    if (!result_ || !client_ || *client_ >= result_->snapshot->clients.size()) {
        title_->setText(tr("Client history"));
        summary_->clear();
        stack_->setCurrentWidget(placeholder_);
        return;
    }
    const metrics::Snapshot& s = *result_->snapshot;
    const metrics::AppointmentColumns& a = s.appointments;
    const auto client = static_cast<std::int32_t>(*client_);
    const std::int32_t t = toSerial(result_->asOf);

    std::vector<std::size_t> rows;
    for (std::size_t r = 0; r < a.size(); ++r)
        if (a.client[r] == client)
            rows.push_back(r);
    // Newest first; the columns are in day order, so reversing is enough.
    std::reverse(rows.begin(), rows.end());

    std::set<std::uint16_t> clinicians;
    Cents balanceDue = 0;
    table_->setSortingEnabled(false);
    table_->setRowCount(static_cast<int>(rows.size()));
    for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
        const std::size_t r = rows[static_cast<std::size_t>(i)];
        clinicians.insert(a.clinician[r]);
        const StatusCategory status = metrics::effectiveStatus(a.status[r], a.daySerial[r], t);
        const std::optional<Cents> fee = a.feeKnown(r) ? std::optional<Cents>(a.fee[r]) : std::nullopt;
        const bool clientKnown = a.clientPaid[r] != metrics::kUnknownCents;
        const bool insuranceKnown = a.insurancePaid[r] != metrics::kUnknownCents;
        std::optional<Cents> paid;
        if (clientKnown || insuranceKnown)
            paid = (clientKnown ? a.clientPaid[r] : 0) + (insuranceKnown ? a.insurancePaid[r] : 0);
        std::optional<Cents> balance;
        if (fee && paid && isQualifying(status))
            balance = *fee - *paid;
        if (balance && *balance > 0)
            balanceDue += *balance;

        const Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
        table_->setItem(i, static_cast<int>(Column::Date), item(formatDayWithWeekday(a.day(r))));
        table_->setItem(i, static_cast<int>(Column::Clinician), item(clinicianName(s, a.clinician[r])));
        QTableWidgetItem* statusItem = item(statusLabel(status));
        statusItem->setData(kStatusCategoryRole, static_cast<int>(status));
        table_->setItem(i, static_cast<int>(Column::Status), statusItem);
        table_->setItem(i, static_cast<int>(Column::Fee), item(formatMoney(fee), right));
        table_->setItem(i, static_cast<int>(Column::Paid), item(formatMoney(paid), right));
        table_->setItem(i, static_cast<int>(Column::Balance), item(formatMoney(balance), right));
        table_->setItem(i, static_cast<int>(Column::Note), item(noteStatusLabel(a.noteStatus[r])));
    }
    // Widths from samples, not resizeColumnsToContents: the table may be hidden here,
    // and a hidden table measures nothing.
    const QFontMetrics metrics = table_->fontMetrics();
    const auto fit = [&](Column column, const QString& sample, int extra) {
        table_->setColumnWidth(static_cast<int>(column), metrics.horizontalAdvance(sample) + extra);
    };
    fit(Column::Date, QStringLiteral("Wed 2026-11-25"), 24);
    fit(Column::Clinician, QStringLiteral("Rafael Beaumont Jr"), 24);
    fit(Column::Status, QStringLiteral("Clinician cancel"), 30);
    for (const Column money : {Column::Fee, Column::Paid, Column::Balance})
        fit(money, QStringLiteral("$1,250.00"), 14);

    const metrics::SnapshotClient& c = s.clients[*client_];
    title_->setText(clientName(s, *client_, initials_));
    QStringList parts;
    if (!c.status.empty())
        parts << toQString(c.status);
    const auto appointments = static_cast<qint64>(rows.size());
    parts << (appointments == 1 ? tr("1 appointment") : tr("%1 appointments").arg(formatCount(appointments)));
    parts << (clinicians.size() == 1 ? tr("1 clinician")
                                     : tr("%1 clinicians").arg(formatCount(static_cast<qint64>(clinicians.size()))));
    if (balanceDue > 0)
        parts << tr("%1 unpaid").arg(formatMoney(balanceDue));
    summary_->setText(parts.join(QStringLiteral(" \u00b7 ")));
    stack_->setCurrentWidget(rows.empty() ? static_cast<QWidget*>(placeholder_) : table_);
}

} // namespace caseboard::app
