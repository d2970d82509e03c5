#include "supervision_view.h"

#include "app_style.h"
#include "display_format.h"
#include "empty_state_widget.h"
#include "packet_batch.h"
#include "page_header.h"
#include "prepare_all_dialog.h"
#include "signal_colors.h"
#include "sparkline.h"
#include "supervision_notes_editor.h"
#include "supervision_packet_pdf.h"
#include "supervision_rows.h"

#include "caseboard/store/store.h"
#include "caseboard/team/supervision_notes.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QFontMetrics>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace caseboard::app {

namespace {

constexpr int kMonthsOffered = 25;
constexpr int kRowHeight = 30;

enum Column { Measure, ThisMonth, PreviousMonth, LastYear, Change, Trend, ColumnCount };

QString styleSheetFor(const Theme& t)
{
    const auto c = [](const QColor& color) { return color.name(QColor::HexRgb); };
    const StatusColors note = signalColors(Signal::Watch);
    return QStringLiteral(R"css(
#SupervisionPage { background: %1; }
#SupervisionCard { background: %2; border: 1px solid %3; border-radius: 10px; }
#SupervisionCard QLabel { background: transparent; }
QLabel#SectionTitle { color: %4; font-weight: 600; }
QLabel#SectionHint, QLabel#LastGoals:disabled { color: %5; }
QLabel#LastGoals { color: %4; background: %1; border: 1px solid %3; border-radius: 6px; padding: 6px 8px; }
QLabel#Banner { background: %6; color: %7; border-radius: 8px; padding: 5px 12px; }
QTableWidget#SupervisionNumbers { background: %2; border: none; }
QTableWidget#SupervisionNumbers QHeaderView::section { background: %2; color: %5; border: none; border-bottom: 1px solid %3; padding: 4px 8px; font-weight: 600; }
QTreeWidget { background: %2; border: none; }
QTreeWidget::item { padding: 3px 0px; }
QTreeWidget QHeaderView::section { background: %2; color: %5; border: none; border-bottom: 1px solid %3; padding: 4px 6px; font-weight: 600; }
)css")
        .arg(c(t.window), c(t.surface), c(t.border), c(t.text), c(t.mutedText), c(note.background), c(note.text));
}

// A rounded card holding a title row and its content.
QWidget* card(QWidget* parent, QLabel* title, QWidget* content, QWidget* hint = nullptr, bool growContent = true)
{
    auto* frame = new QFrame(parent);
    frame->setObjectName(QStringLiteral("SupervisionCard"));
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->setSpacing(8);
    auto* heading = new QHBoxLayout;
    heading->addWidget(title);
    heading->addStretch(1);
    if (hint)
        heading->addWidget(hint);
    layout->addLayout(heading);
    // A content of fixed height sits under its title; the card's spare height goes below it.
    layout->addWidget(content, growContent ? 1 : 0);
    if (!growContent)
        layout->addStretch(1);
    return frame;
}

QLabel* titleLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("SectionTitle"));
    return label;
}

bool seesClients(const std::string& role) { return role != "intake coordinator" && role != "admin"; }

} // namespace

SupervisionView::SupervisionView(QWidget* parent)
    : PracticeView(parent),
      data_(new SupervisionData(this)),
      stack_(new QStackedWidget(this)),
      scroll_(new QScrollArea(this)),
      noData_(new EmptyStateWidget(
          QStringLiteral("supervision"), tr("Nothing to review yet"),
          {tr("Supervision fills in once appointments are imported: each clinician's month against the month "
              "before and last year, their follow-ups, and the goals you set together.")},
          this)),
      clinicians_(new QComboBox(this)),
      months_(new QComboBox(this)),
      status_(new QLabel(this)),
      banner_(new QLabel(this)),
      packetInitials_(new QCheckBox(tr("Initials in PDFs"), this)),
      export_(new QPushButton(tr("Export packet\u2026"), this)),
      prepare_(new QPushButton(tr("Prepare all\u2026"), this)),
      tableTitle_(titleLabel(tr("The month in numbers"), this)),
      table_(new QTableWidget(this)),
      editor_(new SupervisionNotesEditor(this))
{
    setObjectName(QStringLiteral("supervision-view"));
    setStyleSheet(styleSheetFor(theme()));

    auto* page = new QWidget;
    page->setObjectName(QStringLiteral("SupervisionPage"));
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(22, 18, 22, 24);
    layout->setSpacing(12);

    auto* header = new PageHeader(tr("Supervision"),
                                  tr("Prepare each clinician's monthly 1:1: their month against the month before "
                                     "and last year, their follow-ups, and the goals you set together."),
                                  page);
    layout->addWidget(header);

    clinicians_->setObjectName(QStringLiteral("SupervisionClinician"));
    clinicians_->setMinimumWidth(200);
    clinicians_->setAccessibleName(tr("Clinician"));
    months_->setObjectName(QStringLiteral("SupervisionMonth"));
    months_->setMinimumWidth(170);
    months_->setAccessibleName(tr("Month"));
    status_->setObjectName(QStringLiteral("MutedLabel"));
    packetInitials_->setObjectName(QStringLiteral("PacketInitials"));
    packetInitials_->setChecked(true);
    packetInitials_->setToolTip(tr("Client names in exported packets as initials (\"J. D.\"), for packets that "
                                   "are handed over"));
    export_->setObjectName(QStringLiteral("ExportPacket"));
    export_->setToolTip(tr("Save this clinician's month as a PDF to hand over"));
    prepare_->setObjectName(QStringLiteral("PrepareAll"));
    prepare_->setToolTip(tr("Write the month's packet of every clinician, or of every supervisor's team"));
    auto* controls = new QHBoxLayout;
    controls->setSpacing(8);
    controls->addWidget(new QLabel(tr("Clinician:"), page));
    controls->addWidget(clinicians_);
    controls->addSpacing(10);
    controls->addWidget(new QLabel(tr("Month:"), page));
    controls->addWidget(months_);
    controls->addSpacing(10);
    controls->addWidget(status_, 1);
    controls->addWidget(packetInitials_);
    controls->addWidget(export_);
    controls->addWidget(prepare_);
    layout->addLayout(controls);

    banner_->setObjectName(QStringLiteral("Banner"));
    banner_->setWordWrap(true);
    banner_->hide();
    layout->addWidget(banner_);

    // The numbers table: one row per measure, a sparkline in the last column.
    table_->setObjectName(QStringLiteral("SupervisionNumbers"));
    table_->setColumnCount(ColumnCount);
    table_->setHorizontalHeaderLabels(
        {tr("Measure"), tr("This month"), tr("Previous"), tr("Last year"), tr("Change"), tr("Trend")});
    alignHeaders();
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(kRowHeight);
    table_->setShowGrid(false);
    table_->setAlternatingRowColors(true);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setFocusPolicy(Qt::NoFocus);
    table_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QHeaderView* columns = table_->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Fixed);
    columns->setSectionResizeMode(Measure, QHeaderView::Stretch);
    columns->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // Wide enough for the longest figure, "101 / 107.1" (sessions against goal), so no
    // month's figure is cut to "101 / ..."; this month's column is bold.
    const QString widest = QStringLiteral("000 / 000.0");
    QFont bold = table_->font();
    bold.setBold(true);
    table_->setColumnWidth(ThisMonth, std::max(90, QFontMetrics(bold).horizontalAdvance(widest) + 18));
    const int figureWidth = std::max(80, table_->fontMetrics().horizontalAdvance(widest) + 24);
    table_->setColumnWidth(PreviousMonth, figureWidth);
    table_->setColumnWidth(LastYear, figureWidth);
    table_->setColumnWidth(Change, std::max(80, table_->fontMetrics().horizontalAdvance(QStringLiteral("\u221222.2 pts")) + 24));
    table_->setColumnWidth(Trend, 96);
    table_->setMinimumWidth(640);
    auto* tableHint = new QLabel(tr("trend: same month last year \u2192 this month"), page);
    tableHint->setObjectName(QStringLiteral("SectionHint"));

    auto* notesTitle = titleLabel(tr("1:1 goals and notes"), page);
    auto* privateHint = new QLabel(tr("private"), page);
    privateHint->setObjectName(QStringLiteral("SectionHint"));
    privateHint->setToolTip(tr("Kept in this practice's database only; in a packet only when you export one"));

    auto* upper = new QHBoxLayout;
    upper->setSpacing(16);
    tableCard_ = card(page, tableTitle_, table_, tableHint, false);
    upper->addWidget(tableCard_, 1);
    // The notes take what the table leaves, within reason: the numbers need their width.
    notesCard_ = card(page, notesTitle, editor_, privateHint);
    notesCard_->setMinimumWidth(300);
    notesCard_->setMaximumWidth(440);
    upper->addWidget(notesCard_, 0);
    layout->addLayout(upper);

    // The three follow-up lists, one under the other at full width: names and dates
    // need the room, and each list is only as tall as its rows.
    auto* lower = new QVBoxLayout;
    lower->setSpacing(16);
    for (int i = 0; i < 3; ++i) {
        auto* title = titleLabel(QString(), page);
        auto* tree = new QTreeWidget(page);
        tree->setObjectName(QStringLiteral("SupervisionList%1").arg(i));
        tree->setRootIsDecorated(false);
        tree->setSelectionMode(QAbstractItemView::NoSelection);
        tree->setFocusPolicy(Qt::NoFocus);
        tree->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        tree->header()->setStretchLastSection(true);
        listTitles_.push_back(title);
        lists_.push_back(tree);
        lower->addWidget(card(page, title, tree, nullptr, false));
    }
    layout->addLayout(lower);
    layout->addStretch(1);

    scroll_->setObjectName(QStringLiteral("SupervisionScroll"));
    scroll_->setWidget(page);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    stack_->addWidget(scroll_);
    stack_->addWidget(noData_);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(stack_);

    connect(clinicians_, &QComboBox::currentIndexChanged, this, &SupervisionView::requestCompute);
    connect(months_, &QComboBox::currentIndexChanged, this, &SupervisionView::requestCompute);
    connect(export_, &QPushButton::clicked, this, &SupervisionView::chooseExportPath);
    connect(prepare_, &QPushButton::clicked, this, [this] { openPrepareAll(); });
    connect(data_, &SupervisionData::snapshotLoaded, this, &SupervisionView::rebuildPickers);
    connect(data_, &SupervisionData::resultReady, this, &SupervisionView::showResult);
    connect(data_, &SupervisionData::busyChanged, this, [this](bool busy) {
        status_->setText(busy ? tr("Computing\u2026") : QString());
        Q_EMIT busyChanged(busy);
    });
    connect(data_, &SupervisionData::failed, this,
            [this](const QString& message) { status_->setText(tr("Could not compute: %1").arg(message)); });

    asOf_ = localToday() - std::chrono::days{1};
    showResult(nullptr);
}

SupervisionView::~SupervisionView() = default;

void SupervisionView::hideEvent(QHideEvent* event)
{
    // Leaving the view saves what was typed, as changing the clinician or month does.
    // (Not in the destructor: the main window's store may already be gone by then.)
    if (editor_->isDirty())
        editor_->save();
    // An import or a Team & Settings edit may change the data while the view is away.
    stale_ = true;
    PracticeView::hideEvent(event);
}

void SupervisionView::reload()
{
    data_->reload();
}

void SupervisionView::showEvent(QShowEvent* event)
{
    PracticeView::showEvent(event);
    // Coming back to the view reads the data again (off the GUI thread), so numbers
    // changed by an import or a Team & Settings edit meanwhile are never shown stale.
    if (stale_ && store_ && data_->snapshot())
        reload();
    stale_ = false;
    // Privacy mode lives in the main window (View > Hide Client Names): follow it.
    if (QWidget* top = window()) {
        if (auto* privacy = top->findChild<QAction*>(QStringLiteral("HideClientNames"))) {
            connect(privacy, &QAction::toggled, this, &SupervisionView::setClientInitials, Qt::UniqueConnection);
            if (privacy->isChecked() != initials_)
                setClientInitials(privacy->isChecked());
        }
    }
}

void SupervisionView::setDatabase(Store* store)
{
    if (editor_->isDirty())
        editor_->save();
    store_ = store;
    result_.reset();
    editor_->setContext(nullptr, 0, {});
    sessionRoles_.clear();
    const QSignalBlocker blockClinicians(clinicians_);
    clinicians_->clear();
    showResult(nullptr);
    stack_->setCurrentWidget(scroll_);
    data_->setStore(store);
    if (store && store->inMemory())
        rebuildPickers();
}

bool SupervisionView::isBusy() const { return data_->isBusy(); }

void SupervisionView::alignHeaders()
{
    // Text columns read from the left, numbers from the right.
    for (const int column : {int(Measure), int(Trend)})
        if (QTableWidgetItem* item = table_->horizontalHeaderItem(column))
            item->setTextAlignment(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    table_->horizontalHeaderItem(Trend)->setToolTip(tr("The same month last year to this month; dashed: goal or "
                                                       "baseline"));
}

void SupervisionView::setAsOf(Day day)
{
    asOf_ = day;
    rebuildPickers();
}

void SupervisionView::setClientInitials(bool initials)
{
    initials_ = initials;
    showLists();
}

bool SupervisionView::setClinician(std::size_t clinician)
{
    const int index = clinicians_->findData(static_cast<qulonglong>(clinician));
    if (index < 0)
        return false;
    clinicians_->setCurrentIndex(index);
    return true;
}

bool SupervisionView::setMonth(metrics::CalendarMonth month)
{
    const int index = months_->findData(QString::fromStdString(month.iso()));
    if (index < 0)
        return false;
    months_->setCurrentIndex(index);
    return true;
}

std::optional<std::size_t> SupervisionView::clinician() const
{
    if (clinicians_->currentIndex() < 0)
        return std::nullopt;
    return static_cast<std::size_t>(clinicians_->currentData().toULongLong());
}

std::optional<metrics::CalendarMonth> SupervisionView::month() const
{
    return metrics::CalendarMonth::parse(months_->currentData().toString().toStdString());
}

RowId SupervisionView::clinicianId(std::size_t clinician) const
{
    const auto snapshot = data_->snapshot();
    return snapshot && clinician < snapshot->clinicians.size() ? snapshot->clinicians[clinician].id : 0;
}

void SupervisionView::rebuildPickers()
{
    const auto snapshot = data_->snapshot();
    const std::optional<std::size_t> keepClinician = clinician();
    const std::optional<metrics::CalendarMonth> keepMonth = month();
    {
        const QSignalBlocker blockClinicians(clinicians_);
        const QSignalBlocker blockMonths(months_);
        months_->clear();
        // The as-of date's month (to date) first, then the 24 months before it.
        const metrics::CalendarMonth latest = metrics::CalendarMonth::of(asOf_);
        for (int i = 0; i < kMonthsOffered; ++i) {
            const metrics::CalendarMonth m = latest.plus(-i);
            const bool toDate = i == 0 && asOf_ < m.last();
            months_->addItem(toDate ? tr("%1 (to date)").arg(monthName(m)) : monthName(m),
                             QString::fromStdString(m.iso()));
        }
        // The month to review is the last complete one.
        const metrics::CalendarMonth review = metrics::CalendarMonth::of(asOf_ + std::chrono::days{1}).plus(-1);
        const int monthIndex = months_->findData(QString::fromStdString((keepMonth ? *keepMonth : review).iso()));
        months_->setCurrentIndex(std::max(monthIndex, 0));

        clinicians_->clear();
        sessionRoles_.clear();
        if (snapshot) {
            sessionRoles_.assign(snapshot->clinicians.size(), true);
            if (store_) {
                for (const Clinician& c : store_->clinicians())
                    if (const auto index = snapshot->clinicianIndex(c.id))
                        sessionRoles_[*index] = seesClients(c.role);
            }
            std::vector<std::size_t> order;
            for (std::size_t c = 0; c < snapshot->clinicians.size(); ++c)
                if (sessionRoles_[c])
                    order.push_back(c);
            std::sort(order.begin(), order.end(), [&snapshot](std::size_t a, std::size_t b) {
                return snapshot->clinicians[a].name < snapshot->clinicians[b].name;
            });
            for (const std::size_t c : order) {
                const metrics::SnapshotClinician& clinician = snapshot->clinicians[c];
                QString label = toQString(clinician.name);
                if (clinician.endDate && *clinician.endDate < asOf_)
                    label = tr("%1 (former)").arg(label);
                clinicians_->addItem(label, static_cast<qulonglong>(c));
            }
            const int index = keepClinician ? clinicians_->findData(static_cast<qulonglong>(*keepClinician)) : 0;
            clinicians_->setCurrentIndex(std::max(index, 0));
            stack_->setCurrentWidget(snapshot->appointments.size() == 0 || clinicians_->count() == 0
                                         ? static_cast<QWidget*>(noData_)
                                         : scroll_);
        }
    }
    requestCompute();
}

void SupervisionView::requestCompute()
{
    const auto c = clinician();
    const auto m = month();
    if (!store_ || !c || !m)
        return;
    editor_->setContext(store_, clinicianId(*c), QString::fromStdString(m->iso()));
    data_->request(*c, *m, asOf_);
}

void SupervisionView::showResult(std::shared_ptr<const SupervisionResult> result)
{
    result_ = std::move(result);
    export_->setEnabled(result_ != nullptr);
    prepare_->setEnabled(result_ != nullptr);
    table_->clearContents();
    if (!result_) {
        table_->setRowCount(0);
        banner_->hide();
        showLists();
        return;
    }
    const metrics::ClinicianMonth& month = result_->month;
    const std::vector<SupervisionRow> rows = supervisionRows(month);
    table_->setHorizontalHeaderLabels({tr("Measure"), monthLabel(month.current()), monthLabel(month.previous()),
                                       monthLabel(month.sameMonthLastYear()), tr("Change"), tr("Trend")});
    alignHeaders();
    table_->setRowCount(static_cast<int>(rows.size()));
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
        const SupervisionRow& row = rows[static_cast<std::size_t>(r)];
        const QStringList cells{row.label, row.current, row.previous, row.lastYear, row.change};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setTextAlignment(c == Measure ? Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter)
                                                : Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
            item->setToolTip(row.help);
            if (c == ThisMonth) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            if (c == PreviousMonth || c == LastYear)
                item->setForeground(theme().mutedText);
            if (c == Change && row.changeSign != 0)
                item->setForeground(signalInk(row.changeSign > 0 ? Signal::Good : Signal::Bad));
            table_->setItem(r, c, item);
        }
        auto* sparkline = new Sparkline(table_);
        sparkline->setValues(row.trend, row.reference);
        sparkline->setToolTip(row.help);
        table_->setCellWidget(r, Trend, sparkline);
    }
    table_->setFixedHeight(table_->horizontalHeader()->sizeHint().height() + kRowHeight * table_->rowCount() + 4);
    // The notes card as tall as the numbers beside it: its text boxes scroll rather than
    // push the row taller.
    notesCard_->setMaximumHeight(std::max(tableCard_->sizeHint().height(), notesCard_->minimumSizeHint().height()));

    const metrics::MonthNumbers& now = month.current();
    const QString name = clinicians_->currentText();
    QString banner;
    if (now.afterAsOf)
        banner = tr("This month starts after the data ends (%1): nothing to review yet.")
                     .arg(formatDayMedium(asOf_));
    else if (now.beforeStart)
        banner = tr("%1 had not started by the end of this month.").arg(name);
    else if (now.partial)
        banner = tr("This month is not over: its numbers run to %1.").arg(formatDayMedium(now.asOf));
    banner_->setText(banner);
    banner_->setVisible(!banner.isEmpty());
    tableTitle_->setText(tr("The month in numbers"));
    showLists();
    Q_EMIT resultShown();
}

void SupervisionView::showLists()
{
    const QStringList titles{tr("At-risk clients"), tr("Close-out candidates"), tr("Overdue notes")};
    if (!result_) {
        for (std::size_t i = 0; i < lists_.size(); ++i) {
            lists_[i]->clear();
            listTitles_[i]->setText(titles[static_cast<int>(i)]);
        }
        return;
    }
    const PacketSection section = packetSection(*result_->snapshot, result_->month, {}, initials_);
    for (std::size_t i = 0; i < lists_.size() && i < section.lists.size(); ++i) {
        const PacketList& list = section.lists[i];
        QTreeWidget* tree = lists_[i];
        tree->clear();
        listTitles_[i]->setText(tr("%1 (%2)").arg(list.title).arg(list.rows.size()));
        const int columns = static_cast<int>(list.columns.size());
        tree->setColumnCount(columns);
        tree->setHeaderLabels(list.columns);
        if (list.rows.empty()) {
            auto* item = new QTreeWidgetItem(tree, {list.emptyText});
            item->setForeground(0, theme().mutedText);
            item->setFirstColumnSpanned(true);
        }
        for (const QStringList& row : list.rows)
            new QTreeWidgetItem(tree, row);
        for (int c = 0; c < columns - 1; ++c)
        {
            tree->resizeColumnToContents(c);
            tree->setColumnWidth(c, std::max(tree->columnWidth(c) + 24, c == 0 ? 260 : 160));
        }
        fitListHeight(tree);
    }
}

void SupervisionView::fitListHeight(QTreeWidget* tree)
{
    // Every row shown up to a dozen; a longer list scrolls inside its card.
    constexpr int kMostRows = 12;
    const int rows = std::min(tree->topLevelItemCount(), kMostRows);
    const int rowHeight = std::max(tree->sizeHintForRow(0), 24);
    tree->setFixedHeight(tree->header()->sizeHint().height() + rowHeight * std::max(rows, 1) + 2 * tree->frameWidth()
                         + 4);
}

bool SupervisionView::exportPacket(const QString& path)
{
    if (!result_)
        return false;
    PacketSection section = packetSection(*result_->snapshot, result_->month, editor_->packetNotes(),
                                          packetInitials_->isChecked());
    const QString practice = store_ && !store_->inMemory()
                               ? QFileInfo(QString::fromStdString(store_->path().string())).completeBaseName()
                               : QString();
    std::vector<PacketSection> sections;
    sections.push_back(std::move(section));
    QString error;
    const bool written = writePacketPdf(
        path, packetDocument(practice, result_->month.month, localToday(), packetInitials_->isChecked(),
                             std::move(sections)),
        &error);
    status_->setText(written ? tr("Packet saved to %1").arg(QDir::toNativeSeparators(path)) : error);
    if (!written)
        spdlog::error("supervision: exporting a packet failed");
    return written;
}

void SupervisionView::chooseExportPath()
{
    if (!result_)
        return;
    if (editor_->isDirty())
        editor_->save();
    const QString suggested = QDir::home().filePath(packetFileName(result_->month.month, clinicians_->currentText()));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export supervision packet"), suggested, tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        exportPacket(path);
}

PrepareAllDialog* SupervisionView::openPrepareAll()
{
    const auto snapshot = data_->snapshot();
    const auto m = month();
    if (!snapshot || !m || !store_)
        return nullptr;
    if (editor_->isDirty())
        editor_->save();
    PacketJob job;
    job.snapshot = snapshot;
    job.settings = data_->settings();
    job.month = *m;
    job.asOf = asOf_;
    job.clinicians = packetClinicians(*snapshot, sessionRoles_, *m, asOf_);
    std::sort(job.clinicians.begin(), job.clinicians.end(), [&snapshot](std::size_t a, std::size_t b) {
        return snapshot->clinicians[a].name < snapshot->clinicians[b].name;
    });
    // The notes are read here, on the GUI thread that owns the store; the worker gets copies.
    const std::string iso = m->iso();
    try {
        for (const team::SupervisionNote& note : team::supervisionNotesOfMonth(*store_, iso)) {
            PacketNotes& notes = job.notes[note.clinicianId];
            notes.goals = QString::fromStdString(note.goals);
            notes.notes = QString::fromStdString(note.notes);
        }
        for (const std::size_t c : job.clinicians) {
            const RowId id = snapshot->clinicians[c].id;
            if (const auto last = team::lastGoalsBefore(*store_, id, iso)) {
                job.notes[id].lastGoalsMonth = QString::fromStdString(last->month);
                job.notes[id].lastGoals = QString::fromStdString(last->goals);
            }
        }
    } catch (const std::exception& error) {
        spdlog::error("supervision: reading notes for the packets failed: {}", error.what());
    }
    job.practice = store_->inMemory()
                     ? QString()
                     : QFileInfo(QString::fromStdString(store_->path().string())).completeBaseName();
    job.folder = QDir::home().filePath(QStringLiteral("Supervision %1").arg(QString::fromStdString(iso)));
    job.initials = packetInitials_->isChecked();

    if (prepareAll_)
        prepareAll_->close();
    prepareAll_ = new PrepareAllDialog(std::move(job), this);
    prepareAll_->setAttribute(Qt::WA_DeleteOnClose);
    prepareAll_->open();
    return prepareAll_;
}

} // namespace caseboard::app
