#include "team_tab.h"

#include "app_style.h"
#include "display_format.h"
#include "goal_timeline.h"
#include "settings_edit_stack.h"
#include "table_fit.h"

#include "caseboard/import/importer.h"
#include "caseboard/store/store.h"
#include "caseboard/team/roster_export.h"
#include "caseboard/team/team_edits.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <fstream>

namespace caseboard::app {

namespace {

QString isoText(const std::optional<Day>& day)
{
    return day ? QString::fromStdString(formatIsoDay(*day)) : QString();
}

QDate qdateOf(Day day) { return QDate(1970, 1, 1).addDays(toSerial(day)); }
Day dayOf(const QDate& date) { return fromSerial(static_cast<int>(QDate(1970, 1, 1).daysTo(date))); }

bool needsGoal(const Clinician& c) { return c.role == "clinician" || c.role == "intern" || c.role == "clinical director"; }

QString goalText(double goal) { return goal == 0 ? QObject::tr("0 (leave)") : QString::number(goal); }

QTableWidgetItem* item(const QString& text)
{
    auto* cell = new QTableWidgetItem(text);
    cell->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return cell;
}

} // namespace

TeamTab::TeamTab(SettingsEditStack* edits, QWidget* parent)
    : QWidget(parent),
      edits_(edits),
      message_(new QLabel(this)),
      prompt_(new QLabel(this)),
      clinicians_(new QTableWidget(0, 5, this)),
      name_(new QLineEdit(this)),
      aliases_(new QLineEdit(this)),
      role_(new QComboBox(this)),
      type_(new QLineEdit(this)),
      location_(new QLineEdit(this)),
      supervisor_(new QLineEdit(this)),
      start_(new QLineEdit(this)),
      end_(new QLineEdit(this)),
      rate_(new QDoubleSpinBox(this)),
      save_(new QPushButton(tr("Save clinician"), this)),
      timeline_(new GoalTimeline(this)),
      periods_(new QTableWidget(0, 3, this)),
      periodFrom_(new QDateEdit(this)),
      periodTo_(new QDateEdit(this)),
      openEnded_(new QCheckBox(tr("Open-ended"), this)),
      periodGoal_(new QDoubleSpinBox(this))
{
    setObjectName(QStringLiteral("TeamTab"));
    message_->setObjectName(QStringLiteral("TeamMessage"));
    message_->setWordWrap(true);
    message_->hide();
    prompt_->setObjectName(QStringLiteral("GoalPrompt"));
    prompt_->setWordWrap(true);
    prompt_->setStyleSheet(QStringLiteral("QLabel { background: #FFF4D6; color: #6B4E00; border-radius: 6px; padding: 6px 10px; }"));
    prompt_->hide();

    clinicians_->setObjectName(QStringLiteral("ClinicianTable"));
    clinicians_->setHorizontalHeaderLabels({tr("Name"), tr("Role"), tr("Type"), tr("Location"), tr("Weekly goal")});
    clinicians_->setSelectionBehavior(QAbstractItemView::SelectRows);
    clinicians_->setSelectionMode(QAbstractItemView::SingleSelection);
    clinicians_->verticalHeader()->hide();
    clinicians_->horizontalHeader()->setStretchLastSection(true);
    clinicians_->setWordWrap(false);

    auto* newButton = new QPushButton(tr("New clinician"), this);
    auto* importButton = new QPushButton(tr("Import roster…"), this);
    auto* exportButton = new QPushButton(tr("Export roster…"), this);
    importButton->setToolTip(tr("A CSV in the caseboard-team layout: Clinician, Type, Location, Supervisor, "
                                "Start Date, End Date, Weekly Goal, Hourly Rate"));
    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(newButton);
    listButtons->addStretch(1);
    listButtons->addWidget(importButton);
    listButtons->addWidget(exportButton);

    auto* left = new QVBoxLayout;
    left->addWidget(prompt_);
    left->addWidget(clinicians_, 1);
    left->addLayout(listButtons);

    // The clinician's record.
    for (const std::string& role : team::clinicianRoles())
        role_->addItem(QString::fromStdString(role));
    aliases_->setPlaceholderText(tr("Other spellings in exports, comma-separated"));
    aliases_->setToolTip(tr("An alias that is another clinician's name merges that clinician into this one: "
                            "their appointments move here."));
    type_->setPlaceholderText(tr("LCSW, LPC, Associate…"));
    start_->setPlaceholderText(tr("YYYY-MM-DD"));
    end_->setPlaceholderText(tr("YYYY-MM-DD, blank while on staff"));
    rate_->setRange(0, 10000);
    rate_->setDecimals(2);
    rate_->setPrefix(QStringLiteral("$"));
    rate_->setSpecialValueText(tr("not set"));
    save_->setObjectName(QStringLiteral("SaveClinician"));
    save_->setDefault(true);
    auto* record = new QGroupBox(tr("Clinician"), this);
    auto* form = new QFormLayout(record);
    form->addRow(tr("Name"), name_);
    form->addRow(tr("Aliases"), aliases_);
    form->addRow(tr("Role"), role_);
    form->addRow(tr("License / type"), type_);
    form->addRow(tr("Location"), location_);
    form->addRow(tr("Supervisor"), supervisor_);
    auto* dates = new QHBoxLayout;
    dates->addWidget(start_);
    dates->addWidget(new QLabel(tr("to"), this));
    dates->addWidget(end_);
    form->addRow(tr("Start / end"), dates);
    form->addRow(tr("Hourly rate"), rate_);
    auto* saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(save_);
    form->addRow(saveRow);

    // Goal periods.
    periods_->setObjectName(QStringLiteral("GoalPeriodTable"));
    periods_->setHorizontalHeaderLabels({tr("From"), tr("To"), tr("Weekly goal")});
    periods_->setSelectionBehavior(QAbstractItemView::SelectRows);
    periods_->setSelectionMode(QAbstractItemView::SingleSelection);
    periods_->verticalHeader()->hide();
    periods_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    periodFrom_->setCalendarPopup(true);
    periodFrom_->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    periodTo_->setCalendarPopup(true);
    periodTo_->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    periodFrom_->setDate(QDate::currentDate());
    periodTo_->setDate(QDate::currentDate().addDays(13));
    openEnded_->setChecked(true);
    periodTo_->setEnabled(false);
    periodGoal_->setRange(0, 200);
    periodGoal_->setDecimals(1);
    periodGoal_->setValue(20);
    periodGoal_->setSuffix(tr(" a week"));
    connect(openEnded_, &QCheckBox::toggled, periodTo_, [this](bool open) { periodTo_->setEnabled(!open); });
    auto* add = new QPushButton(tr("Add"), this);
    auto* leave = new QPushButton(tr("Add leave"), this);
    leave->setToolTip(tr("A period with goal 0 from–to: utilization is not expected while on leave."));
    auto* update = new QPushButton(tr("Update selected"), this);
    auto* remove = new QPushButton(tr("Delete selected"), this);
    auto* editor = new QHBoxLayout;
    editor->addWidget(new QLabel(tr("From"), this));
    editor->addWidget(periodFrom_);
    editor->addWidget(new QLabel(tr("to"), this));
    editor->addWidget(periodTo_);
    editor->addWidget(openEnded_);
    editor->addWidget(periodGoal_);
    editor->addStretch(1);
    auto* periodButtons = new QHBoxLayout;
    periodButtons->addWidget(add);
    periodButtons->addWidget(leave);
    periodButtons->addStretch(1);
    periodButtons->addWidget(update);
    periodButtons->addWidget(remove);
    auto* goals = new QGroupBox(tr("Weekly goal over time"), this);
    auto* goalsLayout = new QVBoxLayout(goals);
    goalsLayout->addWidget(timeline_);
    goalsLayout->addWidget(periods_, 1);
    goalsLayout->addLayout(editor);
    goalsLayout->addLayout(periodButtons);

    auto* right = new QVBoxLayout;
    right->addWidget(record);
    right->addWidget(goals, 1);

    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(message_);
    layout->addLayout(columns, 1);

    connect(clinicians_, &QTableWidget::itemSelectionChanged, this, [this] {
        const int row = clinicians_->currentRow();
        selected_ = row >= 0 && row < static_cast<int>(team_.size()) ? team_[static_cast<std::size_t>(row)].id : 0;
        fillForm();
        fillPeriods();
    });
    connect(periods_, &QTableWidget::itemSelectionChanged, this, [this] {
        const int row = periods_->currentRow();
        if (row < 0)
            return;
        const RowId id = periods_->item(row, 0)->data(Qt::UserRole).toLongLong();
        for (const GoalPeriod& p : allPeriods_) {
            if (p.id != id)
                continue;
            periodFrom_->setDate(qdateOf(p.from));
            openEnded_->setChecked(!p.to);
            if (p.to)
                periodTo_->setDate(qdateOf(*p.to));
            periodGoal_->setValue(p.weeklyGoal);
        }
    });
    connect(newButton, &QPushButton::clicked, this, [this] {
        clinicians_->clearSelection();
        selected_ = 0;
        fillForm();
        fillPeriods();
        name_->setFocus();
    });
    connect(save_, &QPushButton::clicked, this, &TeamTab::saveFromForm);
    connect(add, &QPushButton::clicked, this, [this] { addPeriodFromForm(false); });
    connect(leave, &QPushButton::clicked, this, [this] { addPeriodFromForm(true); });
    connect(update, &QPushButton::clicked, this, &TeamTab::updateSelectedPeriod);
    connect(remove, &QPushButton::clicked, this, &TeamTab::deleteSelectedPeriod);
    connect(importButton, &QPushButton::clicked, this, &TeamTab::chooseRosterToImport);
    connect(exportButton, &QPushButton::clicked, this, &TeamTab::chooseRosterExport);
}

void TeamTab::showMessage(const QString& text, bool error)
{
    message_->setText(text);
    message_->setStyleSheet(error ? QStringLiteral("QLabel { background: #FDE2E1; color: #8A1C17; border-radius: 6px; padding: 6px 10px; }")
                                  : QStringLiteral("QLabel { background: #E3F4EA; color: #1F5E3A; border-radius: 6px; padding: 6px 10px; }"));
    message_->setVisible(!text.isEmpty());
}

void TeamTab::reload()
{
    Store* store = edits_->store();
    team_ = store ? store->clinicians() : std::vector<Clinician>{};
    allPeriods_ = store ? store->goalPeriods() : std::vector<GoalPeriod>{};
    const Day today = localToday();
    const RowId keep = selected_;
    const QSignalBlocker blocker(clinicians_);
    clinicians_->setRowCount(static_cast<int>(team_.size()));
    int selectRow = -1;
    for (std::size_t i = 0; i < team_.size(); ++i) {
        const Clinician& c = team_[i];
        const int row = static_cast<int>(i);
        std::optional<double> goalToday;
        bool anyPeriod = false;
        for (const GoalPeriod& p : allPeriods_) {
            if (p.clinicianId != c.id)
                continue;
            anyPeriod = true;
            if (p.from <= today && (!p.to || today <= *p.to))
                goalToday = p.weeklyGoal;
        }
        clinicians_->setItem(row, 0, item(QString::fromStdString(c.name)));
        clinicians_->setItem(row, 1, item(QString::fromStdString(c.role)));
        clinicians_->setItem(row, 2, item(QString::fromStdString(c.clinicianType)));
        clinicians_->setItem(row, 3, item(QString::fromStdString(c.location)));
        QTableWidgetItem* goal = item(goalToday ? goalText(*goalToday) : missingValue());
        if (!anyPeriod && needsGoal(c)) {
            goal->setText(tr("Set a weekly goal"));
            goal->setForeground(QColor(0xB2, 0x5E, 0x00));
            goal->setToolTip(tr("Found in an import without a goal: select and add a goal period."));
        }
        clinicians_->setItem(row, 4, goal);
        if (c.id == keep)
            selectRow = row;
    }
    // Sized to the names and words they hold; the last column takes what is left.
    fitColumnsToText(clinicians_, {0, 1, 2, 3, 4});
    const QStringList missing = cliniciansWithoutGoal();
    prompt_->setText(missing.isEmpty() ? QString()
                                       : tr("Set a weekly goal for %1: new in an import, they count toward no "
                                            "goal until they have one.")
                                             .arg(missing.join(QStringLiteral(", "))));
    prompt_->setVisible(!missing.isEmpty());
    if (selectRow >= 0) {
        clinicians_->selectRow(selectRow);
    } else {
        selected_ = 0;
    }
    fillForm();
    fillPeriods();
}

QStringList TeamTab::cliniciansWithoutGoal() const
{
    QStringList names;
    for (const Clinician& c : team_) {
        if (!needsGoal(c) || c.endDate)
            continue;
        const bool any = std::any_of(allPeriods_.begin(), allPeriods_.end(),
                                     [&c](const GoalPeriod& p) { return p.clinicianId == c.id; });
        if (!any)
            names << QString::fromStdString(c.name);
    }
    return names;
}

void TeamTab::selectClinician(RowId id)
{
    for (std::size_t i = 0; i < team_.size(); ++i)
        if (team_[i].id == id)
            clinicians_->selectRow(static_cast<int>(i));
}

void TeamTab::fillForm()
{
    const Clinician* c = nullptr;
    for (const Clinician& candidate : team_)
        if (candidate.id == selected_)
            c = &candidate;
    const Clinician blank;
    const Clinician& shown = c ? *c : blank;
    name_->setText(QString::fromStdString(shown.name));
    QStringList aliases;
    if (c && edits_->store())
        for (const std::string& alias : team::aliasesOf(*edits_->store(), c->id))
            aliases << QString::fromStdString(alias);
    aliases_->setText(aliases.join(QStringLiteral(", ")));
    role_->setCurrentText(QString::fromStdString(shown.role));
    type_->setText(QString::fromStdString(shown.clinicianType));
    location_->setText(QString::fromStdString(shown.location));
    supervisor_->setText(QString::fromStdString(shown.supervisor));
    start_->setText(isoText(shown.startDate));
    end_->setText(isoText(shown.endDate));
    rate_->setValue(shown.hourlyRate ? static_cast<double>(*shown.hourlyRate) / 100.0 : 0.0);
    save_->setText(c ? tr("Save clinician") : tr("Add clinician"));
}

void TeamTab::fillPeriods()
{
    std::vector<GoalPeriod> mine;
    for (const GoalPeriod& p : allPeriods_)
        if (p.clinicianId == selected_)
            mine.push_back(p);
    timeline_->setPeriods(mine, localToday());
    const QSignalBlocker blocker(periods_);
    periods_->setRowCount(static_cast<int>(mine.size()));
    for (std::size_t i = 0; i < mine.size(); ++i) {
        const int row = static_cast<int>(i);
        QTableWidgetItem* from = item(QString::fromStdString(formatIsoDay(mine[i].from)));
        from->setData(Qt::UserRole, static_cast<qlonglong>(mine[i].id));
        periods_->setItem(row, 0, from);
        periods_->setItem(row, 1, item(mine[i].to ? isoText(mine[i].to) : tr("open-ended")));
        periods_->setItem(row, 2, item(goalText(mine[i].weeklyGoal)));
    }
}

Clinician TeamTab::formClinician() const
{
    Clinician c;
    for (const Clinician& existing : team_)
        if (existing.id == selected_)
            c = existing;
    c.name = name_->text().trimmed().toStdString();
    c.role = role_->currentText().toStdString();
    c.clinicianType = type_->text().trimmed().toStdString();
    c.location = location_->text().trimmed().toStdString();
    c.supervisor = supervisor_->text().trimmed().toStdString();
    c.startDate = parseIsoDay(start_->text().trimmed().toStdString());
    c.endDate = parseIsoDay(end_->text().trimmed().toStdString());
    c.hourlyRate = rate_->value() > 0 ? std::optional<Cents>(static_cast<Cents>(rate_->value() * 100.0 + 0.5))
                                      : std::nullopt;
    return c;
}

void TeamTab::saveFromForm()
{
    for (QLineEdit* date : {start_, end_}) {
        const QString text = date->text().trimmed();
        if (!text.isEmpty() && !parseIsoDay(text.toStdString())) {
            showMessage(tr("\"%1\" is not a date: write it as YYYY-MM-DD.").arg(text), true);
            return;
        }
    }
    QStringList aliases;
    for (const QString& alias : aliases_->text().split(QLatin1Char(',')))
        if (!alias.trimmed().isEmpty())
            aliases << alias.trimmed();
    const QString error = saveClinician(formClinician(), aliases);
    if (error.isEmpty())
        showMessage(tr("Saved. Ctrl+Z undoes it."), false);
}

QString TeamTab::saveClinician(const Clinician& clinician, const QStringList& aliases)
{
    Store* store = edits_->store();
    if (!store)
        return tr("No database is open.");
    std::vector<std::string> list;
    for (const QString& alias : aliases)
        list.push_back(alias.toStdString());
    // What a merge touches: the appointments of the clinicians it folds in.
    team::AppointmentSelection touched;
    touched.clinicians = team::mergeCandidates(*store, clinician.id, list);
    RowId saved = clinician.id;
    const QString text = clinician.id == 0 ? tr("Add %1").arg(QString::fromStdString(clinician.name))
                                           : tr("Edit %1").arg(QString::fromStdString(clinician.name));
    const QString error = edits_->apply(text, touched, [&] { saved = team::saveClinician(*store, clinician, list).id; });
    if (!error.isEmpty()) {
        showMessage(error, true);
        return error;
    }
    selected_ = saved;
    reload();
    if (!touched.clinicians.empty())
        showMessage(tr("Merged %n other clinician record(s) into %1; their appointments moved with them. "
                       "Ctrl+Z undoes it.", nullptr, static_cast<int>(touched.clinicians.size()))
                        .arg(QString::fromStdString(clinician.name)),
                    false);
    return {};
}

std::optional<GoalPeriod> TeamTab::formPeriod(QString* error) const
{
    if (selected_ == 0) {
        *error = tr("Select a clinician first (or save the new one).");
        return std::nullopt;
    }
    GoalPeriod p;
    p.clinicianId = selected_;
    p.from = dayOf(periodFrom_->date());
    if (!openEnded_->isChecked())
        p.to = dayOf(periodTo_->date());
    p.weeklyGoal = periodGoal_->value();
    return p;
}

void TeamTab::addPeriodFromForm(bool leave)
{
    QString error;
    std::optional<GoalPeriod> p = formPeriod(&error);
    if (!p) {
        showMessage(error, true);
        return;
    }
    if (leave) {
        p->weeklyGoal = 0;
        if (!p->to) {
            showMessage(tr("Leave needs an end date: untick Open-ended and choose the last day of leave."), true);
            return;
        }
    }
    if (saveGoalPeriod(*p).isEmpty())
        showMessage(leave ? tr("Leave added. Ctrl+Z undoes it.") : tr("Goal period added. Ctrl+Z undoes it."), false);
}

void TeamTab::updateSelectedPeriod()
{
    const int row = periods_->currentRow();
    QString error;
    std::optional<GoalPeriod> p = formPeriod(&error);
    if (row < 0 || !p) {
        showMessage(row < 0 ? tr("Select the goal period to change.") : error, true);
        return;
    }
    p->id = periods_->item(row, 0)->data(Qt::UserRole).toLongLong();
    if (saveGoalPeriod(*p).isEmpty())
        showMessage(tr("Goal period changed. Ctrl+Z undoes it."), false);
}

void TeamTab::deleteSelectedPeriod()
{
    const int row = periods_->currentRow();
    if (row < 0) {
        showMessage(tr("Select the goal period to delete."), true);
        return;
    }
    if (deleteGoalPeriod(periods_->item(row, 0)->data(Qt::UserRole).toLongLong()).isEmpty())
        showMessage(tr("Goal period deleted. Ctrl+Z undoes it."), false);
}

QString TeamTab::saveGoalPeriod(const GoalPeriod& period)
{
    Store* store = edits_->store();
    if (!store)
        return tr("No database is open.");
    const QString text = period.weeklyGoal == 0 ? tr("Add leave") : tr("Set weekly goal %1").arg(period.weeklyGoal);
    const QString error = edits_->apply(text, {}, [&] { team::saveGoalPeriod(*store, period); });
    if (!error.isEmpty()) {
        showMessage(error, true);
        return error;
    }
    reload();
    return {};
}

QString TeamTab::deleteGoalPeriod(RowId period)
{
    Store* store = edits_->store();
    if (!store)
        return tr("No database is open.");
    const QString error = edits_->apply(tr("Delete goal period"), {}, [&] { team::deleteGoalPeriod(*store, period); });
    if (!error.isEmpty()) {
        showMessage(error, true);
        return error;
    }
    reload();
    return {};
}

QString TeamTab::importRoster(const QString& path)
{
    Store* store = edits_->store();
    if (!store)
        return tr("No database is open.");
    import::ImportOptions options;
    options.preset = "caseboard-team";
    const import::FileReport report = import::Importer(*store).importFile(path.toStdString(), options);
    if (report.outcome != import::FileOutcome::Imported) {
        QString error = QString::fromStdString(report.error.empty() ? import::summarise(report) : report.error);
        if (!report.issues.empty()) // the first problem says what to fix
            error += tr(" — line %1, %2: %3")
                         .arg(report.issues.front().line)
                         .arg(QString::fromStdString(report.issues.front().column),
                              QString::fromStdString(report.issues.front().reason));
        showMessage(error, true);
        return error;
    }
    // An import is its own transaction, outside the undo history: what came before it
    // cannot be put back over it.
    edits_->undoStack()->clear();
    Q_EMIT edits_->changed();
    reload();
    showMessage(QString::fromStdString(import::summarise(report)), false);
    return {};
}

QString TeamTab::exportRoster(const QString& path)
{
    Store* store = edits_->store();
    if (!store)
        return tr("No database is open.");
    std::ofstream out(path.toStdString(), std::ios::binary);
    if (!out || !team::writeRoster(*store, out)) {
        const QString error = tr("Could not write %1.").arg(path);
        showMessage(error, true);
        return error;
    }
    showMessage(tr("Roster exported to %1.").arg(path), false);
    return {};
}

void TeamTab::chooseRosterToImport()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Team Roster"), QString(),
                                                      tr("CSV files (*.csv *.txt)"));
    if (!path.isEmpty())
        importRoster(path);
}

void TeamTab::chooseRosterExport()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Team Roster"), tr("team.csv"),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportRoster(path);
}

} // namespace caseboard::app
