#include "status_mapping_tab.h"

#include "app_style.h"
#include "display_format.h"
#include "settings_edit_stack.h"

#include "caseboard/store/store.h"
#include "caseboard/team/team_edits.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace caseboard::app {

namespace {
enum Column { kRaw, kCategory, kCount, kColumnCount };
}

StatusMappingTab::StatusMappingTab(SettingsEditStack* edits, QWidget* parent)
    : QWidget(parent), edits_(edits), message_(new QLabel(this)), table_(new QTableWidget(0, kColumnCount, this))
{
    setObjectName(QStringLiteral("StatusMappingTab"));
    message_->setWordWrap(true);
    message_->setText(tr("Each status your exports use counts as one category. Changing one re-files the "
                         "appointments that carry it and every later import. A future appointment counts as "
                         "scheduled whatever it says, unless it is a cancellation."));
    table_->setObjectName(QStringLiteral("StatusMappingTable"));
    table_->setHorizontalHeaderLabels({tr("Status in the exports"), tr("Counts as"), tr("Appointments")});
    table_->verticalHeader()->hide();
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->horizontalHeader()->setSectionResizeMode(kRaw, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(kCategory, QHeaderView::Fixed);
    table_->horizontalHeader()->setSectionResizeMode(kCount, QHeaderView::ResizeToContents);
    table_->setColumnWidth(kCategory, 220);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(message_);
    layout->addWidget(table_, 1);
}

void StatusMappingTab::reload()
{
    Store* store = edits_->store();
    // One row per raw status: its category is the one most of its appointments carry
    // (upcoming ones may be filed as scheduled until they happen).
    std::vector<team::RawStatusUse> uses;
    if (store) {
        for (const team::RawStatusUse& use : team::rawStatusUses(*store)) { // most used first
            auto same = std::find_if(uses.begin(), uses.end(),
                                     [&use](const team::RawStatusUse& u) { return u.rawStatus == use.rawStatus; });
            if (same == uses.end())
                uses.push_back(use);
            else
                same->appointments += use.appointments;
        }
        std::stable_sort(uses.begin(), uses.end(), [](const team::RawStatusUse& a, const team::RawStatusUse& b) {
            return a.appointments > b.appointments;
        });
    }
    table_->setRowCount(static_cast<int>(uses.size()));
    for (std::size_t i = 0; i < uses.size(); ++i) {
        const team::RawStatusUse& use = uses[i];
        const int row = static_cast<int>(i);
        auto* raw = new QTableWidgetItem(use.rawStatus.empty() ? tr("(blank)") : QString::fromStdString(use.rawStatus));
        raw->setFlags(Qt::ItemIsEnabled);
        table_->setItem(row, kRaw, raw);
        auto* count = new QTableWidgetItem(formatCount(use.appointments));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        count->setFlags(Qt::ItemIsEnabled);
        table_->setItem(row, kCount, count);

        auto* combo = new QComboBox;
        combo->setObjectName(QStringLiteral("category_%1").arg(row));
        for (int c = 0; c < kStatusCategoryCount; ++c)
            combo->addItem(statusLabel(static_cast<StatusCategory>(c)), c);
        combo->setCurrentIndex(static_cast<int>(use.category));
        const std::string rawStatus = use.rawStatus;
        // Queued: the remap reloads the table, which deletes this combo box.
        connect(
            combo, &QComboBox::activated, this,
            [this, rawStatus](int index) { remap(rawStatus, static_cast<StatusCategory>(index)); },
            Qt::QueuedConnection);
        auto* cell = new QWidget;
        auto* cellLayout = new QHBoxLayout(cell);
        cellLayout->setContentsMargins(6, 2, 6, 2);
        cellLayout->addWidget(combo);
        table_->setCellWidget(row, kCategory, cell);
    }
    table_->resizeRowsToContents();
}

QString StatusMappingTab::remap(const std::string& rawStatus, StatusCategory category)
{
    Store* store = edits_->store();
    if (!store)
        return tr("No database is open.");
    team::AppointmentSelection touched;
    touched.rawStatus = rawStatus;
    const QString error = edits_->apply(
        tr("Count \u201c%1\u201d as %2").arg(QString::fromStdString(rawStatus), statusLabel(category)), touched,
        [&] { team::remapStatus(*store, rawStatus, category); });
    if (!error.isEmpty())
        message_->setText(error);
    return error;
}

} // namespace caseboard::app
