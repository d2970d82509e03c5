// Team & Settings on a small demo practice: editing a goal and adding leave change
// utilization and bookings targets exactly as METRICS.md defines them (checked against
// the engine's computeDashboard); overlapping periods are refused with a clear message
// and change nothing; undo restores every table; an alias merges a clinician's
// appointments; a changed status mapping changes the cancellation rate. Saves a
// screenshot of each tab at 1280x800.

#include "gui_test_support.h"

#include "dashboard_view.h"
#include "goal_timeline.h"
#include "main_window.h"
#include "view_catalog.h"
#include "metric_rules_tab.h"
#include "practice_goals_tab.h"
#include "settings_edit_stack.h"
#include "status_mapping_tab.h"
#include "team_settings_view.h"
#include "team_tab.h"

#include "caseboard/import/importer.h"
#include "caseboard/metrics/dashboard.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/team/team_edits.h"

#include <QAction>
#include <QFile>
#include <QCheckBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QUndoStack>

#include <cmath>
#include <map>

using namespace caseboard;
using namespace caseboard::app;

namespace {

// Every table an edit here may change, as text.
QString dumpTables(Store& store)
{
    QString dump;
    for (const char* table : {"clinicians", "clinician_aliases", "goal_periods", "settings", "appointments"}) {
        auto rows = store.connection().prepare(std::string("SELECT * FROM ") + table + " ORDER BY 1");
        dump += QStringLiteral("[%1]\n").arg(QString::fromLatin1(table));
        while (rows.step()) {
            for (int i = 0; i < rows.columnCount(); ++i)
                dump += (rows.isNull(i) ? QStringLiteral("NULL") : QString::fromStdString(rows.text(i)))
                    + QLatin1Char('|');
            dump += QLatin1Char('\n');
        }
    }
    return dump;
}

// METRICS.md: the weekly goal in force on a day is the goal period covering it (the one
// that starts last when periods overlap); no period = 0.
double goalOn(const std::vector<GoalPeriod>& periods, RowId clinician, Day day)
{
    const GoalPeriod* inForce = nullptr;
    for (const GoalPeriod& p : periods)
        if (p.clinicianId == clinician && p.from <= day && (!p.to || day <= *p.to)
            && (!inForce || inForce->from <= p.from))
            inForce = &p;
    return inForce ? inForce->weeklyGoal : 0.0;
}

// Goal for a window = sum over its days of (weekly goal that day / 7).
double goalForLast7Days(const std::vector<GoalPeriod>& periods, RowId clinician, Day asOf)
{
    double goal = 0;
    for (int d = -6; d <= 0; ++d)
        goal += goalOn(periods, clinician, addDays(asOf, d)) / 7.0;
    return goal;
}

} // namespace

class TeamSettingsViewTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir directory_;
    QString path_;
    std::optional<Store> store_;
    std::unique_ptr<TeamSettingsView> view_;
    const Day asOf_ = makeDay(2026, 11, 20);

    metrics::Dashboard dashboard()
    {
        const metrics::Snapshot snapshot = metrics::loadSnapshot(*store_);
        return metrics::computeDashboard(snapshot, metrics::loadMetricSettings(*store_), asOf_);
    }
    // The clinician summary of the clinician with this id.
    static const metrics::ClinicianSummary* summaryOf(const metrics::Dashboard& d, const metrics::Snapshot& s, RowId id)
    {
        for (const metrics::ClinicianSummary& c : d.clinicians)
            if (s.clinicians[c.clinician].id == id)
                return &c;
        return nullptr;
    }
    RowId firstClinicianWithGoal()
    {
        for (const Clinician& c : store_->clinicians())
            if (goalOn(store_->goalPeriods(), c.id, asOf_) > 0 && goalOn(store_->goalPeriods(), c.id, addDays(asOf_, -6)) > 0)
                return c.id;
        return 0;
    }
    std::optional<GoalPeriod> periodInForce(RowId clinician, Day day)
    {
        std::optional<GoalPeriod> found;
        for (const GoalPeriod& p : store_->goalPeriods())
            if (p.clinicianId == clinician && p.from <= day && (!p.to || day <= *p.to))
                found = p;
        return found;
    }
    std::int64_t appointmentsOf(RowId clinician)
    {
        auto count = store_->connection().prepare("SELECT count(*) FROM appointments WHERE clinician_id = ?");
        count.bind(1, clinician);
        count.step();
        return count.int64(0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(directory_.isValid());
        path_ = directory_.filePath(QStringLiteral("practice.db"));
        gui_test::createPractice(path_);
        store_.emplace(Store::open(path_.toStdString()));
        view_ = std::make_unique<TeamSettingsView>();
        view_->resize(1280, 800);
        view_->setDatabase(&*store_);
        view_->practiceGoalsTab()->setAsOf(asOf_);
        view_->show();
        QVERIFY(QTest::qWaitForWindowExposed(view_.get()));
    }

    void cleanupTestCase()
    {
        view_->setDatabase(nullptr);
        view_.reset();
        store_.reset();
    }

    void editingAGoalChangesUtilizationAndTargetAsDefined()
    {
        const RowId id = firstClinicianWithGoal();
        QVERIFY(id != 0);
        const metrics::Dashboard before = dashboard();
        std::optional<GoalPeriod> period = periodInForce(id, asOf_);
        QVERIFY(period);

        QSignalSpy changed(view_.get(), &TeamSettingsView::practiceDataChanged);
        GoalPeriod raised = *period;
        raised.weeklyGoal = period->weeklyGoal + 4;
        QCOMPARE(view_->teamTab()->saveGoalPeriod(raised), QString());
        QCOMPARE(changed.count(), 1);

        const metrics::Snapshot snapshot = metrics::loadSnapshot(*store_);
        const metrics::Dashboard after = dashboard();
        const auto* mine = summaryOf(after, snapshot, id);
        QVERIFY(mine);
        const auto periods = store_->goalPeriods();
        QCOMPARE(mine->weeklyGoal, raised.weeklyGoal);
        QVERIFY(std::abs(mine->goalLast7d - goalForLast7Days(periods, id, asOf_)) < 1e-9);
        QVERIFY(mine->utilizationLast7d);
        QVERIFY(std::abs(*mine->utilizationLast7d - static_cast<double>(mine->countedLast7d) / mine->goalLast7d) < 1e-9);
        // Bookings target = ceil(goal / (1 - rate)) on the clinician's (or, flagged, the practice's) rate.
        const metrics::CancellationCounts counts =
            mine->bookingsTarget.usesPracticeRate ? after.summary.cancellation12w.counts : mine->cancellation12w.counts;
        const auto rate = counts.denominator() > 0
            ? std::optional<metrics::Fraction>(metrics::Fraction{counts.cancellations(), counts.denominator()})
            : std::nullopt;
        QCOMPARE(mine->bookingsTarget.target, metrics::exactBookingsTarget(raised.weeklyGoal, rate));
        // The practice goal is the sum, and the Practice goals tab shows the dashboard's target.
        QCOMPARE(after.summary.weeklyGoal, before.summary.weeklyGoal + 4);
        PracticeGoalsTab* goals = view_->practiceGoalsTab();
        QCOMPARE(goals->weeklyGoal(), after.summary.weeklyGoal);
        QCOMPARE(goals->cancellationCounts().denominator(), after.summary.cancellation12w.counts.denominator());
        QCOMPARE(goals->cancellationCounts().cancellations(), after.summary.cancellation12w.counts.cancellations());
        QCOMPARE(goals->bookingsTarget(), after.summary.bookingsTarget.target);
        QVERIFY(goals->targetLabel()->text().contains(QString::number(*after.summary.bookingsTarget.target)));
    }

    void leaveRemovesTheGoalForItsDays()
    {
        const RowId id = firstClinicianWithGoal();
        std::optional<GoalPeriod> period = periodInForce(id, asOf_);
        QVERIFY(period);
        const double goal = period->weeklyGoal;
        const metrics::Dashboard before = dashboard();

        // End the goal the day before leave [T-2, T+4], and resume it after.
        GoalPeriod ended = *period;
        ended.to = addDays(asOf_, -3);
        QCOMPARE(view_->teamTab()->saveGoalPeriod(ended), QString());
        GoalPeriod leave;
        leave.clinicianId = id;
        leave.from = addDays(asOf_, -2);
        leave.to = addDays(asOf_, 4);
        leave.weeklyGoal = 0;
        QCOMPARE(view_->teamTab()->saveGoalPeriod(leave), QString());
        if (!period->to || *period->to >= addDays(asOf_, 5)) {
            GoalPeriod resumed;
            resumed.clinicianId = id;
            resumed.from = addDays(asOf_, 5);
            resumed.to = period->to;
            resumed.weeklyGoal = goal;
            QCOMPARE(view_->teamTab()->saveGoalPeriod(resumed), QString());
        }

        const metrics::Snapshot snapshot = metrics::loadSnapshot(*store_);
        const metrics::Dashboard after = dashboard();
        const auto* mine = summaryOf(after, snapshot, id);
        QVERIFY(mine);
        QCOMPARE(mine->weeklyGoal, 0.0);
        // Four of the last seven days still had the goal.
        const double expected = goalForLast7Days(store_->goalPeriods(), id, asOf_);
        QVERIFY(std::abs(expected - 4.0 * goal / 7.0) < 1e-9);
        QVERIFY(std::abs(mine->goalLast7d - expected) < 1e-9);
        QVERIFY(std::abs(*mine->utilizationLast7d - static_cast<double>(mine->countedLast7d) / expected) < 1e-9);
        QCOMPARE(mine->bookingsTarget.target, std::optional<std::int64_t>(0));
        QCOMPARE(after.summary.weeklyGoal, before.summary.weeklyGoal - goal);
        QCOMPARE(view_->practiceGoalsTab()->bookingsTarget(), after.summary.bookingsTarget.target);
        // The timeline shows the leave for the selected clinician.
        view_->teamTab()->selectClinician(id);
        bool leaveShown = false;
        for (const GoalPeriod& p : view_->teamTab()->timeline()->periods())
            leaveShown = leaveShown || p.weeklyGoal == 0;
        QVERIFY(leaveShown);
    }

    void overlappingPeriodsAreRefusedAndChangeNothing()
    {
        const RowId id = firstClinicianWithGoal();
        std::string clinicianName;
        for (const Clinician& c : store_->clinicians())
            if (c.id == id)
                clinicianName = c.name;
        const QString before = dumpTables(*store_);
        const int commands = view_->edits()->undoStack()->count();
        QSignalSpy changed(view_.get(), &TeamSettingsView::practiceDataChanged);

        GoalPeriod overlap;
        overlap.clinicianId = id;
        // The clinician has a goal on T-6: any period over that day overlaps.
        overlap.from = addDays(asOf_, -8);
        overlap.to = addDays(asOf_, -6);
        overlap.weeklyGoal = 10;
        const QString error = view_->teamTab()->saveGoalPeriod(overlap);
        QVERIFY(error.startsWith(QString::fromStdString(clinicianName) + QStringLiteral(": ")));
        QVERIFY(error.contains(QString::fromStdString(formatIsoDay(overlap.from))));
        QVERIFY(error.contains(QStringLiteral("overlaps the period")));
        QVERIFY(view_->teamTab()->messageLabel()->isVisible());
        QCOMPARE(view_->teamTab()->messageLabel()->text(), error);

        GoalPeriod backwards = overlap;
        backwards.from = addDays(asOf_, 400);
        backwards.to = addDays(asOf_, 390);
        QVERIFY(view_->teamTab()->saveGoalPeriod(backwards).contains(QStringLiteral("before it starts")));

        QCOMPARE(dumpTables(*store_), before);
        QCOMPARE(view_->edits()->undoStack()->count(), commands);
        QCOMPARE(changed.count(), 0);
    }

    void aliasMergesAClinicianAppointments()
    {
        // An export spelled one clinician two ways: a duplicate row holds some of their appointments.
        const Clinician real = store_->clinicians().front();
        const std::int64_t all = appointmentsOf(real.id);
        Clinician duplicate;
        duplicate.name = "Dr " + real.name + " (export)";
        const RowId duplicateId = store_->addClinician(duplicate);
        auto move = store_->connection().prepare(
            "UPDATE appointments SET clinician_id = ? WHERE id IN "
            "(SELECT id FROM appointments WHERE clinician_id = ? ORDER BY id LIMIT 25)");
        move.bind(1, duplicateId).bind(2, real.id);
        move.run();
        view_->reload();
        QCOMPARE(appointmentsOf(real.id), all - 25);
        const QString before = dumpTables(*store_);

        QCOMPARE(view_->teamTab()->saveClinician(real, {QString::fromStdString(duplicate.name)}), QString());
        QCOMPARE(appointmentsOf(real.id), all);
        QVERIFY(!store_->clinicianByName(duplicate.name));
        QCOMPARE(team::aliasesOf(*store_, real.id), std::vector<std::string>{duplicate.name});

        view_->undoAction()->trigger();
        QCOMPARE(dumpTables(*store_), before);
        view_->redoAction()->trigger();
        QCOMPARE(appointmentsOf(real.id), all);
    }

    void changedStatusMappingChangesTheCancellationRate()
    {
        const metrics::Dashboard before = dashboard();
        const metrics::CancellationCounts counts = before.summary.cancellation12w.counts;
        QVERIFY(counts.cancelled > 0);
        // The raw status most cancellations carry, and how many of them fall in the 12 weeks.
        std::string raw;
        for (const team::RawStatusUse& use : team::rawStatusUses(*store_))
            if (use.category == StatusCategory::Cancelled && raw.empty())
                raw = use.rawStatus;
        QVERIFY(!raw.empty());
        auto inWindow = store_->connection().prepare(
            "SELECT count(*) FROM appointments WHERE raw_status = ? AND status = ? AND day BETWEEN ? AND ?");
        inWindow.bind(1, raw).bind(2, static_cast<int>(StatusCategory::Cancelled));
        inWindow.bind(3, toSerial(addDays(asOf_, -83))).bind(4, toSerial(asOf_));
        inWindow.step();
        const std::int64_t moved = inWindow.int64(0);
        QVERIFY(moved > 0);

        QCOMPARE(view_->statusMappingTab()->remap(raw, StatusCategory::Other), QString());
        const metrics::Dashboard after = dashboard();
        const metrics::CancellationCounts now = after.summary.cancellation12w.counts;
        QCOMPARE(now.cancelled, counts.cancelled - moved);
        QCOMPARE(now.denominator(), counts.denominator() - moved);
        QVERIFY(after.summary.cancellation12w.cancellation < before.summary.cancellation12w.cancellation);
        QCOMPARE(view_->practiceGoalsTab()->bookingsTarget(), after.summary.bookingsTarget.target);

        view_->undoAction()->trigger();
        QCOMPARE(dashboard().summary.cancellation12w.counts.cancelled, counts.cancelled);
    }

    void metricRuleChangesAndResets()
    {
        QCOMPARE(view_->metricRulesTab()->setRule("retention_threshold", SettingValue{std::int64_t{10}}), QString());
        QCOMPARE(metrics::loadMetricSettings(*store_).retentionThreshold, 10);
        auto* box = qobject_cast<QSpinBox*>(view_->metricRulesTab()->editorFor("retention_threshold"));
        QVERIFY(box);
        QCOMPARE(box->value(), 10);
        QCOMPARE(view_->metricRulesTab()->setRule("retention_threshold", std::nullopt), QString());
        QCOMPARE(metrics::loadMetricSettings(*store_).retentionThreshold, 8);
        QCOMPARE(box->value(), 8);
        QCOMPARE(view_->metricRulesTab()->table()->rowCount(), static_cast<int>(metricRules().size()));
    }

    void undoRestoresThePreviousState()
    {
        QUndoStack* undo = view_->edits()->undoStack();
        const QString before = dumpTables(*store_);
        const int base = undo->index();

        // One edit of each kind.
        Clinician first = store_->clinicians().front();
        first.location = "Annex";
        first.role = "clinical director";
        QCOMPARE(view_->teamTab()->saveClinician(first, {QStringLiteral("Someone Else Entirely")}), QString());
        GoalPeriod changedGoal = store_->goalPeriods().front();
        changedGoal.weeklyGoal += 1;
        QCOMPARE(view_->teamTab()->saveGoalPeriod(changedGoal), QString());
        QCOMPARE(view_->metricRulesTab()->setRule("caseload_multiplier", SettingValue{2.5}), QString());
        QCOMPARE(view_->practiceGoalsTab()->saveAnnualGoal(1200, 46), QString());
        QCOMPARE(view_->practiceGoalsTab()->saveRetentionGoals(0.6, 0.2), QString());
        QCOMPARE(view_->statusMappingTab()->remap(team::rawStatusUses(*store_).front().rawStatus, StatusCategory::Other),
                 QString());
        QCOMPARE(undo->index(), base + 6);
        const QString edited = dumpTables(*store_);
        QVERIFY(edited != before);

        QCOMPARE(view_->undoAction()->shortcut(), QKeySequence(QKeySequence::Undo));
        while (undo->index() > base)
            view_->undoAction()->trigger();
        QCOMPARE(dumpTables(*store_), before);
        while (undo->canRedo())
            view_->redoAction()->trigger();
        QCOMPARE(dumpTables(*store_), edited);
        while (undo->index() > base)
            view_->undoAction()->trigger();
    }

    void importedClinicianIsPromptedForAGoalAndTheRosterRoundTrips()
    {
        const QString file = directory_.filePath(QStringLiteral("new-clinician.csv"));
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("Appointment ID,Date,Client ID,Client,Clinician,Status\n"
                      "N1,2026-11-18,c1,Client 1,Priya Natarajan,Show\n");
        }
        import::ImportOptions options;
        options.preset = "caseboard-appointments";
        QCOMPARE(import::Importer(*store_).importFile(file.toStdString(), options).newClinicians,
                 std::vector<std::string>{"Priya Natarajan"});
        view_->reload();
        QVERIFY(view_->teamTab()->cliniciansWithoutGoal().contains(QStringLiteral("Priya Natarajan")));
        QVERIFY(view_->teamTab()->goalPrompt()->isVisibleTo(view_.get()));
        QVERIFY(view_->teamTab()->goalPrompt()->text().contains(QStringLiteral("Set a weekly goal for Priya Natarajan")));

        // The roster goes out in the caseboard-team layout and comes back unchanged.
        const QString roster = directory_.filePath(QStringLiteral("team.csv"));
        QCOMPARE(view_->teamTab()->exportRoster(roster), QString());
        const QString before = dumpTables(*store_);
        QCOMPARE(view_->teamTab()->importRoster(roster), QString());
        QCOMPARE(dumpTables(*store_), before);

        // A goal ends the prompt.
        GoalPeriod goal;
        goal.clinicianId = store_->clinicianByName("Priya Natarajan")->id;
        goal.from = makeDay(2026, 11, 1);
        goal.weeklyGoal = 12;
        QCOMPARE(view_->teamTab()->saveGoalPeriod(goal), QString());
        QVERIFY(!view_->teamTab()->cliniciansWithoutGoal().contains(QStringLiteral("Priya Natarajan")));
    }

    void mainWindowRecomputesTheDashboardAfterAnEdit()
    {
        // Its own copy of the practice: the main window opens it for writing itself.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("window.db"));
        gui_test::createPractice(path);
        auto settings = gui_test::temporarySettings(dir);
        MainWindow window(*settings, MainWindow::Options{dir.path(), gui_test::smallPractice()});
        window.resize(1280, 800);
        window.show();
        QVERIFY(!window.openDatabase(path).has_value());
        auto* dashboard = qobject_cast<DashboardView*>(window.view(ViewId::Dashboard));
        auto* team = qobject_cast<TeamSettingsView*>(window.view(ViewId::TeamSettings));
        QVERIFY(dashboard);
        QVERIFY(team);
        QTRY_VERIFY_WITH_TIMEOUT(dashboard->result() && !dashboard->isBusy(), 20000);
        window.showView(ViewId::TeamSettings);
        QVERIFY(team->isVisible());

        QSignalSpy shown(dashboard, &DashboardView::resultShown);
        QCOMPARE(team->metricRulesTab()->setRule("caseload_multiplier", SettingValue{3.0}), QString());
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() > 0 && dashboard->result()
                                     && dashboard->result()->current.settings.caseloadMultiplier == 3.0,
                                 20000);
        shown.clear();
        team->undoAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() > 0 && dashboard->result()->current.settings.caseloadMultiplier == 2.0,
                                 20000);
    }

    void screenshotsOfEachTab()
    {
        view_->resize(1280, 800);
        const char* names[] = {"team", "practice-goals", "metric-rules", "status-mapping"};
        PracticeGoalsTab* goals = view_->practiceGoalsTab();
        if (!goals->ratesLoaded()) {
            QSignalSpy loaded(goals, &PracticeGoalsTab::ratesLoaded12m);
            QVERIFY(loaded.wait(20000));
        }
        view_->teamTab()->selectClinician(firstClinicianWithGoal());
        for (int i = 0; i < view_->tabs()->count(); ++i) {
            view_->tabs()->setCurrentIndex(i);
            QTest::qWait(50);
            QVERIFY(!gui_test::saveScreenshot(*view_, QStringLiteral("team-settings-%1-1280x800.png")
                                                          .arg(QString::fromLatin1(names[i])))
                         .isEmpty());
        }
    }
};

CASEBOARD_GUI_TEST_MAIN(TeamSettingsViewTest)
#include "team_settings_view_test.moc"
