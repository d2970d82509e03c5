#include "action_lists_panel.h"

#include "dashboard_format.h"
#include "display_format.h"
#include "signal_colors.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace caseboard::app {

namespace {

constexpr int kClinicianRole = Qt::UserRole + 1;

QTreeWidgetItem* addRow(QTreeWidget* tree, const QStringList& texts, const QString& clinician,
                        QTreeWidgetItem* parent = nullptr)
{
    auto* item = parent ? new QTreeWidgetItem(parent, texts) : new QTreeWidgetItem(tree, texts);
    item->setData(0, kClinicianRole, clinician);
    for (int column = 1; column < texts.size(); ++column)
        item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

ActionListsPanel::ActionListsPanel(QWidget* parent) : QWidget(parent), grid_(new QGridLayout(this))
{
    setObjectName(QStringLiteral("ActionListsPanel"));
    grid_->setContentsMargins(0, 0, 0, 0);
    grid_->setHorizontalSpacing(16);
    grid_->setVerticalSpacing(16);
    frames_.push_back(makeSection(openingsSection_, {tr("Clinician"), tr("Booked / target"), tr("Openings")},
                                  tr("Every clinician is booked to target for next week."),
                                  tr("Clinicians whose bookings for the next 7 days are below their weekly bookings "
                                     "target. Urgent: below the weekly goal itself.")));
    frames_.push_back(makeSection(followUpsSection_, {tr("Client"), tr("Clinician"), tr("Intake"), tr("Next")},
                                  tr("No new clients in the last 7 days."),
                                  tr("Clients who started with a clinician in the last 7 days, with their next "
                                     "booked appointment, so nobody falls through after a first session.")));
    frames_.push_back(makeSection(newCliniciansSection_,
                                  {tr("Clinician"), tr("Started"), tr("Intakes"), tr("Re-booked")},
                                  tr("No clinician started in the last 90 days."),
                                  tr("Clinicians who started in the last 90 days: how many new clients they took "
                                     "on and how many booked again. Expand to see who has not re-booked.")));
    frames_.push_back(makeSection(notesSection_, {tr("Clinician"), tr("Overdue"), tr("Oldest")},
                                  tr("Every progress note is signed."),
                                  tr("Sessions 3 or more days old whose progress note is not signed yet, per "
                                     "clinician.")));
    setColumns(2);
    openings_ = openingsSection_.tree;
    followUps_ = followUpsSection_.tree;
    newClinicians_ = newCliniciansSection_.tree;
    overdueNotes_ = notesSection_.tree;
    openings_->setObjectName(QStringLiteral("OpeningsList"));
    followUps_->setObjectName(QStringLiteral("FollowUpsList"));
    newClinicians_->setObjectName(QStringLiteral("NewCliniciansList"));
    overdueNotes_->setObjectName(QStringLiteral("OverdueNotesList"));
    rebuild();
}

QWidget* ActionListsPanel::makeSection(Section& section, const QStringList& columns, const QString& emptyText,
                                       const QString& about)
{
    auto* frame = new QFrame(this);
    frame->setObjectName(QStringLiteral("ActionList"));
    section.title = new QLabel(frame);
    section.title->setObjectName(QStringLiteral("SectionTitle"));
    section.title->setToolTip(about);
    section.empty = new QLabel(emptyText, frame);
    section.empty->setObjectName(QStringLiteral("MutedLabel"));
    section.tree = new QTreeWidget(frame);
    section.tree->setColumnCount(static_cast<int>(columns.size()));
    section.tree->setHeaderLabels(columns);
    section.tree->setRootIsDecorated(false);
    section.tree->setUniformRowHeights(true);
    section.tree->setAlternatingRowColors(false);
    section.tree->setSelectionMode(QAbstractItemView::SingleSelection);
    section.tree->setFrameShape(QFrame::NoFrame);
    section.tree->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    section.tree->setToolTip(about);
    QHeaderView* header = section.tree->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < columns.size(); ++column) {
        header->setSectionResizeMode(column, QHeaderView::Fixed);
        section.tree->headerItem()->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    }
    connect(section.tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString name = item->data(0, kClinicianRole).toString();
        if (!name.isEmpty())
            Q_EMIT clinicianActivated(name);
    });

    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->setSpacing(6);
    layout->addWidget(section.title);
    layout->addWidget(section.empty);
    layout->addWidget(section.tree);
    layout->addStretch(1);
    return frame;
}

void ActionListsPanel::setColumns(int columns)
{
    if (columns == columns_ || columns < 1)
        return;
    columns_ = columns;
    for (QWidget* frame : frames_)
        grid_->removeWidget(frame);
    for (std::size_t i = 0; i < frames_.size(); ++i)
        grid_->addWidget(frames_[i], static_cast<int>(i) / columns, static_cast<int>(i) % columns);
    for (int column = 0; column < 2; ++column)
        grid_->setColumnStretch(column, column < columns ? 1 : 0);
}

void ActionListsPanel::setResult(std::shared_ptr<const DashboardResult> result)
{
    result_ = std::move(result);
    rebuild();
}

void ActionListsPanel::setClientInitials(bool initials)
{
    if (initials_ == initials)
        return;
    initials_ = initials;
    rebuild();
}

void ActionListsPanel::finishSection(Section& section, const QString& title, int count)
{
    section.title->setText(count > 0 ? QStringLiteral("%1 \u00b7 %2").arg(title, formatCount(count)) : title);
    section.empty->setVisible(result_ && count == 0);
    section.tree->setVisible(count > 0);
    // Every column but the first as wide as its widest text; the first takes the rest.
    QTreeWidget* tree = section.tree;
    QFont headerFont = tree->header()->font();
    headerFont.setWeight(QFont::DemiBold);
    const QFontMetrics headerMetrics(headerFont);
    const QFontMetrics metrics = tree->fontMetrics();
    for (int column = 1; column < tree->columnCount(); ++column) {
        int width = headerMetrics.horizontalAdvance(tree->headerItem()->text(column));
        for (QTreeWidgetItemIterator it(tree); *it; ++it)
            width = std::max(width, metrics.horizontalAdvance((*it)->text(column)));
        tree->header()->resizeSection(column, width + 20);
    }
    // As tall as its rows, up to kVisibleRows; longer lists scroll inside.
    const int rows = std::min(section.tree->topLevelItemCount(), kVisibleRows);
    const int rowHeight = section.tree->topLevelItemCount() > 0
        ? section.tree->visualItemRect(section.tree->topLevelItem(0)).height()
        : 0;
    const int row = std::max(rowHeight, section.tree->fontMetrics().height() + 8);
    section.tree->setFixedHeight(section.tree->header()->sizeHint().height() + rows * row + 4);
}

void ActionListsPanel::rebuild()
{
    for (QTreeWidget* tree : {openingsSection_.tree, followUpsSection_.tree, newCliniciansSection_.tree,
                              notesSection_.tree})
        tree->clear();
    if (!result_) {
        finishSection(openingsSection_, tr("Clinicians with openings"), 0);
        finishSection(followUpsSection_, tr("New client follow-ups"), 0);
        finishSection(newCliniciansSection_, tr("New clinicians' re-booking"), 0);
        finishSection(notesSection_, tr("Overdue progress notes"), 0);
        return;
    }
    const metrics::Snapshot& snapshot = *result_->snapshot;
    const metrics::DashboardLists& lists = result_->current.lists;
    const QBrush bad(signalInk(Signal::Bad));
    const QBrush muted(theme().mutedText);

    std::vector<metrics::Opening> openings = lists.openings;
    std::stable_sort(openings.begin(), openings.end(),
                     [](const metrics::Opening& a, const metrics::Opening& b) { return a.urgent && !b.urgent; });
    for (const metrics::Opening& o : openings) {
        const QString name = clinicianName(snapshot, o.clinician);
        const QString target = o.target.target ? formatCount(*o.target.target) : missingValue();
        QTreeWidgetItem* item = addRow(
            openingsSection_.tree,
            {name, QStringLiteral("%1 / %2").arg(formatCount(o.bookings), target),
             o.urgent ? tr("%1 urgent").arg(formatCount(o.openings)) : formatCount(o.openings)},
            name);
        if (o.urgent) {
            item->setForeground(2, bad);
            item->setToolTip(2, tr("Booked below the weekly goal of %1").arg(formatGoal(o.target.weeklyGoal)));
        }
    }
    finishSection(openingsSection_, tr("Clinicians with openings"), static_cast<int>(openings.size()));

    for (const metrics::PairEntry& e : lists.newClientFollowUps) {
        const QString name = clinicianName(snapshot, e.clinician);
        const bool none = e.nextScheduledSerial == metrics::kNoDay;
        QTreeWidgetItem* item = addRow(followUpsSection_.tree,
                                       {clientName(snapshot, e.client, initials_), name,
                                        formatSerialDay(e.intakeSerial),
                                        none ? tr("none") : formatSerialDay(e.nextScheduledSerial)},
                                       name);
        item->setTextAlignment(1, Qt::AlignLeft | Qt::AlignVCenter);
        if (none) {
            item->setForeground(3, bad);
            item->setToolTip(3, tr("Nothing booked: reach out"));
        }
    }
    finishSection(followUpsSection_, tr("New client follow-ups"), static_cast<int>(lists.newClientFollowUps.size()));

    newCliniciansSection_.tree->setRootIsDecorated(false);
    for (const metrics::NewClinician& n : lists.newClinicians) {
        const QString name = clinicianName(snapshot, n.clinician);
        const QString rebooked = n.intakes == 0
            ? missingValue()
            : QStringLiteral("%1 of %2 (%3)").arg(formatCount(n.rebooked), formatCount(n.intakes),
                                                  formatPercent(n.rebookingRate));
        QTreeWidgetItem* item = addRow(newCliniciansSection_.tree,
                                       {name, formatSerialDay(n.startSerial), formatCount(n.intakes), rebooked}, name);
        if (n.rebooked < n.intakes)
            item->setForeground(3, bad);
        for (const metrics::PairEntry& e : n.notRebooked) {
            QTreeWidgetItem* child = addRow(nullptr,
                                            {clientName(snapshot, e.client, initials_),
                                             formatSerialDay(e.intakeSerial), {}, tr("not re-booked")},
                                            name, item);
            child->setForeground(1, muted);
            child->setToolTip(1, tr("Intake date"));
            child->setForeground(3, bad);
        }
        if (!n.notRebooked.empty())
            newCliniciansSection_.tree->setRootIsDecorated(true);
    }
    finishSection(newCliniciansSection_, tr("New clinicians' re-booking"),
                  static_cast<int>(lists.newClinicians.size()));

    // Sessions come oldest first, so the first one seen per clinician is their oldest.
    std::map<std::size_t, std::int32_t> oldest;
    for (const metrics::AppointmentEntry& e : lists.overdueNotes.sessions)
        oldest.try_emplace(e.clinician, e.daySerial);
    std::vector<std::pair<std::size_t, std::int64_t>> perClinician;
    for (std::size_t c = 0; c < lists.overdueNotes.perClinician.size(); ++c)
        if (lists.overdueNotes.perClinician[c] > 0)
            perClinician.emplace_back(c, lists.overdueNotes.perClinician[c]);
    std::stable_sort(perClinician.begin(), perClinician.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [clinician, count] : perClinician) {
        const QString name = clinicianName(snapshot, clinician);
        const auto first = oldest.find(clinician);
        addRow(notesSection_.tree,
               {name, formatCount(count), first == oldest.end() ? missingValue() : formatSerialDay(first->second)},
               name);
    }
    finishSection(notesSection_, tr("Overdue progress notes"), static_cast<int>(perClinician.size()));
}

} // namespace caseboard::app
