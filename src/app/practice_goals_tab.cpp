#include "practice_goals_tab.h"

#include "settings_edit_stack.h"

#include "caseboard/metrics/dashboard.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/store/store.h"
#include "caseboard/team/team_edits.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <map>

namespace caseboard::app {

namespace {

QString percent(std::optional<double> fraction)
{
    return fraction ? QStringLiteral("%1%").arg(*fraction * 100.0, 0, 'f', 1) : QStringLiteral("—");
}

// At most one decimal: "13.3", "24", never "13.2857".
QString number(double value)
{
    QString text = QString::number(value, 'f', 1);
    if (text.endsWith(QStringLiteral(".0")))
        text.chop(2);
    return text;
}

PracticeRates computeRates(const std::string& path, Day asOf)
{
    // Its own read-only connection: a Store belongs to one thread.
    Store store = Store::open(path, Store::Access::ReadOnly);
    const metrics::Snapshot snapshot = metrics::loadSnapshot(store);
    const metrics::MetricSettings settings = metrics::loadMetricSettings(store);
    const metrics::Dashboard dashboard = metrics::computeDashboard(snapshot, settings, asOf);
    PracticeRates rates;
    rates.retention12m = dashboard.summary.retention12m.retentionRate;
    rates.churn12m = dashboard.summary.retention12m.churnRate;
    rates.caseloadMultiplier = settings.caseloadMultiplier;
    return rates;
}

QDoubleSpinBox* percentBox(QWidget* parent)
{
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(-0.1, 100);
    box->setDecimals(1);
    box->setSingleStep(0.5);
    box->setSuffix(QStringLiteral("%"));
    box->setSpecialValueText(PracticeGoalsTab::tr("not set"));
    box->setMinimumWidth(110);
    return box;
}

} // namespace

PracticeGoalsTab::PracticeGoalsTab(SettingsEditStack* edits, QWidget* parent)
    : QWidget(parent),
      edits_(edits),
      asOf_(addDays(localToday(), -1)),
      watcher_(new QFutureWatcher<PracticeRates>(this)),
      annual_(new QDoubleSpinBox(this)),
      weeks_(new QDoubleSpinBox(this)),
      weeklyFromAnnual_(new QLabel(this)),
      target_(new QLabel(this)),
      retentionGoal_(percentBox(this)),
      churnGoal_(percentBox(this)),
      retentionNow_(new QLabel(this)),
      churnNow_(new QLabel(this)),
      message_(new QLabel(this)),
      whatIfGoal_(new QDoubleSpinBox(this)),
      whatIfRate_(new QDoubleSpinBox(this)),
      whatIfClinicians_(new QSpinBox(this)),
      whatIfResult_(new QLabel(this))
{
    setObjectName(QStringLiteral("PracticeGoalsTab"));
    message_->setWordWrap(true);
    message_->hide();

    annual_->setRange(0, 1000000);
    annual_->setDecimals(0);
    annual_->setSingleStep(100);
    annual_->setSpecialValueText(tr("not set (sum of the clinicians' goals)"));
    annual_->setMinimumWidth(260);
    weeks_->setRange(1, 53);
    weeks_->setDecimals(1);
    weeks_->setValue(48);
    auto* saveAnnual = new QPushButton(tr("Save"), this);
    target_->setObjectName(QStringLiteral("BookingsTarget"));
    target_->setWordWrap(true);
    QFont big = target_->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    target_->setFont(big);
    auto* annualBox = new QGroupBox(tr("Sessions goal"), this);
    auto* annualForm = new QFormLayout(annualBox);
    annualForm->addRow(tr("Completed sessions a year"), annual_);
    annualForm->addRow(tr("Working weeks a year"), weeks_);
    annualForm->addRow(tr("Weekly goal"), weeklyFromAnnual_);
    auto* saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(saveAnnual);
    annualForm->addRow(saveRow);
    annualForm->addRow(target_);
    connect(saveAnnual, &QPushButton::clicked, this, [this] { saveAnnualGoal(annual_->value(), weeks_->value()); });
    connect(annual_, &QDoubleSpinBox::valueChanged, this, [this] {
        weeklyFromAnnual_->setText(annual_->value() > 0
                                       ? tr("%1 a week").arg(number(annual_->value() / weeks_->value()))
                                       : tr("%1 a week (the clinicians' goals on %2)")
                                             .arg(number(weeklyGoal_), QString::fromStdString(formatIsoDay(asOf_))));
    });
    connect(weeks_, &QDoubleSpinBox::valueChanged, annual_, [this] { Q_EMIT annual_->valueChanged(annual_->value()); });

    auto* retentionBox = new QGroupBox(tr("Retention goals for the next 12 months"), this);
    auto* retentionForm = new QFormLayout(retentionBox);
    auto* retentionRow = new QHBoxLayout;
    retentionRow->addWidget(retentionGoal_);
    retentionRow->addWidget(retentionNow_, 1);
    auto* churnRow = new QHBoxLayout;
    churnRow->addWidget(churnGoal_);
    churnRow->addWidget(churnNow_, 1);
    retentionForm->addRow(tr("Retention goal"), retentionRow);
    retentionForm->addRow(tr("Churn goal"), churnRow);
    auto* improveRow = new QHBoxLayout;
    for (const int points : {2, 5}) {
        auto* improve = new QPushButton(tr("Improve by %1 points").arg(points), this);
        improve->setToolTip(tr("Retention %1 points above the last 12 months, churn %1 points below.").arg(points));
        connect(improve, &QPushButton::clicked, this, [this, points] {
            if (rates_.retention12m)
                retentionGoal_->setValue(std::min(100.0, *rates_.retention12m * 100.0 + points));
            if (rates_.churn12m)
                churnGoal_->setValue(std::max(0.0, *rates_.churn12m * 100.0 - points));
        });
        improveRow->addWidget(improve);
    }
    improveRow->addStretch(1);
    auto* saveRetention = new QPushButton(tr("Save"), this);
    improveRow->addWidget(saveRetention);
    retentionForm->addRow(improveRow);
    auto* retentionNote = new QLabel(tr("Clinicians are compared with these goals (green, yellow, red); unset, "
                                        "with the practice's own rates."),
                                     this);
    retentionNote->setWordWrap(true);
    retentionNote->setEnabled(false);
    retentionForm->addRow(retentionNote);
    connect(saveRetention, &QPushButton::clicked, this, [this] {
        auto fraction = [](const QDoubleSpinBox* box) {
            return box->value() < 0 ? std::nullopt : std::optional<double>(box->value() / 100.0);
        };
        saveRetentionGoals(fraction(retentionGoal_), fraction(churnGoal_));
    });

    whatIfGoal_->setRange(0, 10000);
    whatIfGoal_->setDecimals(1);
    whatIfGoal_->setSuffix(tr(" sessions a week"));
    whatIfRate_->setRange(0, 95);
    whatIfRate_->setDecimals(1);
    whatIfRate_->setSuffix(QStringLiteral("%"));
    whatIfClinicians_->setRange(1, 500);
    whatIfResult_->setObjectName(QStringLiteral("WhatIfResult"));
    whatIfResult_->setWordWrap(true);
    whatIfResult_->setTextFormat(Qt::RichText);
    auto* whatIf = new QGroupBox(tr("What if…"), this);
    auto* whatIfForm = new QFormLayout(whatIf);
    whatIfForm->addRow(tr("Weekly goal"), whatIfGoal_);
    whatIfForm->addRow(tr("Cancellation rate"), whatIfRate_);
    whatIfForm->addRow(tr("Clinicians"), whatIfClinicians_);
    whatIfForm->addRow(whatIfResult_);
    auto* whatIfNote = new QLabel(tr("Nothing here is saved."), this);
    whatIfNote->setEnabled(false);
    whatIfForm->addRow(whatIfNote);
    connect(whatIfGoal_, &QDoubleSpinBox::valueChanged, this, &PracticeGoalsTab::updateWhatIf);
    connect(whatIfRate_, &QDoubleSpinBox::valueChanged, this, &PracticeGoalsTab::updateWhatIf);
    connect(whatIfClinicians_, &QSpinBox::valueChanged, this, &PracticeGoalsTab::updateWhatIf);

    auto* left = new QVBoxLayout;
    left->addWidget(annualBox);
    left->addWidget(retentionBox);
    left->addStretch(1);
    auto* right = new QVBoxLayout;
    right->addWidget(whatIf);
    right->addStretch(1);
    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 3);
    columns->addLayout(right, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(message_);
    layout->addLayout(columns, 1);

    connect(watcher_, &QFutureWatcher<PracticeRates>::finished, this, [this] {
        rates_ = watcher_->result();
        ratesLoaded_ = true;
        showRates();
        updateWhatIf();
        Q_EMIT ratesLoaded12m();
    });
}

void PracticeGoalsTab::setAsOf(Day asOf)
{
    asOf_ = asOf;
    reload();
}

void PracticeGoalsTab::reload()
{
    Store* store = edits_->store();
    counts_ = {};
    weeklyGoal_ = 0;
    ratesLoaded_ = false;
    if (!store)
        return;
    const metrics::MetricSettings settings = metrics::loadMetricSettings(*store);

    // The practice goal on T, as METRICS.md defines it: explicit, else the sum of the
    // goal in force for each clinician (the period that starts last wins an overlap).
    explicitGoal_ = false;
    if (const auto explicitGoal = metrics::explicitPracticeWeeklyGoal(settings)) {
        weeklyGoal_ = *explicitGoal;
        explicitGoal_ = true;
    } else {
        std::map<RowId, GoalPeriod> inForce;
        for (const GoalPeriod& p : store->goalPeriods())
            if (p.from <= asOf_ && (!p.to || asOf_ <= *p.to))
                if (auto found = inForce.find(p.clinicianId); found == inForce.end() || found->second.from <= p.from)
                    inForce[p.clinicianId] = p;
        for (const auto& entry : inForce)
            weeklyGoal_ += entry.second.weeklyGoal;
    }

    // The 12-week cancellation counts in one query: past appointments in [T-83, T].
    const metrics::Window window = metrics::trailingTwelveWeeks(asOf_);
    auto query = store->connection().prepare(
        "SELECT status, count(*) FROM appointments WHERE day BETWEEN ? AND ? GROUP BY status");
    query.bind(1, toSerial(window.from)).bind(2, toSerial(window.to));
    while (query.step()) {
        const auto count = query.int64(1);
        switch (static_cast<StatusCategory>(query.integer(0))) {
        case StatusCategory::Completed: counts_.completed += count; break;
        case StatusCategory::Cancelled: counts_.cancelled += count; break;
        case StatusCategory::LateCancel: counts_.lateCancel += count; break;
        case StatusCategory::NoShow: counts_.noShow += count; break;
        default: break;
        }
    }

    {
        const QSignalBlocker a(annual_);
        const QSignalBlocker w(weeks_);
        annual_->setValue(settings.practiceAnnualGoal.value_or(0));
        weeks_->setValue(settings.workingWeeksPerYear);
    }
    Q_EMIT annual_->valueChanged(annual_->value());
    retentionGoal_->setValue(settings.practiceRetentionGoal ? *settings.practiceRetentionGoal * 100.0 : -0.1);
    churnGoal_->setValue(settings.practiceChurnGoal ? *settings.practiceChurnGoal * 100.0 : -0.1);
    rates_.caseloadMultiplier = settings.caseloadMultiplier;
    showTarget();

    {
        const QSignalBlocker g(whatIfGoal_);
        const QSignalBlocker r(whatIfRate_);
        const QSignalBlocker c(whatIfClinicians_);
        whatIfGoal_->setValue(weeklyGoal_);
        const auto rate = metrics::ratesOf(counts_).cancellation;
        whatIfRate_->setValue(rate ? *rate * 100.0 : 0.0);
        int clinicians = 0;
        for (const Clinician& c : store->clinicians())
            if ((c.role == "clinician" || c.role == "intern") && (!c.endDate || *c.endDate >= asOf_))
                ++clinicians;
        whatIfClinicians_->setValue(std::max(1, clinicians));
    }
    updateWhatIf();

    retentionNow_->setText(tr("last 12 months: computing…"));
    churnNow_->setText(tr("last 12 months: computing…"));
    if (store->inMemory()) {
        showRates();
        return;
    }
    watcher_->setFuture(QtConcurrent::run(computeRates, store->path().string(), asOf_));
}

std::optional<std::int64_t> PracticeGoalsTab::bookingsTarget() const
{
    std::optional<metrics::Fraction> rate;
    if (counts_.denominator() > 0)
        rate = metrics::Fraction{counts_.cancellations(), counts_.denominator()};
    return metrics::exactBookingsTarget(weeklyGoal_, rate);
}

void PracticeGoalsTab::showTarget()
{
    const auto target = bookingsTarget();
    const auto rate = metrics::ratesOf(counts_).cancellation;
    if (!rate) {
        target_->setText(tr("To complete %1 a week, book %1: there are no cancellations to allow for in the "
                            "last 12 weeks.")
                             .arg(number(weeklyGoal_)));
    } else if (!target) {
        target_->setText(tr("Every appointment in the last 12 weeks was cancelled: no number of bookings "
                            "reaches the goal."));
    } else {
        target_->setText(tr("To complete %1 a week at a %2 cancellation rate, book %3.")
                             .arg(number(weeklyGoal_), percent(rate))
                             .arg(*target));
    }
    target_->setToolTip(tr("Cancellation rate over %1 to %2: %3 cancelled, late-cancelled or no-show of %4.")
                            .arg(QString::fromStdString(formatIsoDay(addDays(asOf_, -83))),
                                 QString::fromStdString(formatIsoDay(asOf_)))
                            .arg(counts_.cancellations())
                            .arg(counts_.denominator()));
}

void PracticeGoalsTab::showRates()
{
    if (!ratesLoaded_) {
        retentionNow_->setText(tr("last 12 months: open the database from a file to see it"));
        churnNow_->setText(QString());
        return;
    }
    auto beside = [](std::optional<double> now, const QDoubleSpinBox* goal, bool higherIsBetter) {
        QString text = tr("last 12 months: %1").arg(percent(now));
        if (now && goal->value() >= 0) {
            const double change = goal->value() - *now * 100.0;
            const bool better = higherIsBetter ? change > 0 : change < 0;
            text += tr(" · goal %1%2 points %3")
                        .arg(change >= 0 ? QStringLiteral("+") : QString())
                        .arg(change, 0, 'f', 1)
                        .arg(better ? tr("(an improvement)") : tr("(not an improvement)"));
        }
        return text;
    };
    retentionNow_->setText(beside(rates_.retention12m, retentionGoal_, true));
    churnNow_->setText(beside(rates_.churn12m, churnGoal_, false));
}

void PracticeGoalsTab::updateWhatIf()
{
    const double goal = whatIfGoal_->value();
    // The rate as a fraction of ten-thousandths: the spin box's one decimal of a percent.
    const auto tenThousandths = static_cast<std::int64_t>(std::llround(whatIfRate_->value() * 100.0));
    const std::optional<metrics::Fraction> rate =
        tenThousandths > 0 ? std::optional<metrics::Fraction>(metrics::Fraction{tenThousandths, 10000}) : std::nullopt;
    const auto target = metrics::exactBookingsTarget(goal, rate);
    const int clinicians = whatIfClinicians_->value();
    const double caseload = rates_.caseloadMultiplier * goal;
    const auto perClinician = metrics::exactBookingsTarget(goal / clinicians, rate);
    whatIfResult_->setText(
        tr("<p>Book <b>%1</b> a week to complete %2.</p>"
           "<p>Caseload needed: <b>%3</b> active clients (%4 × the weekly goal).</p>"
           "<p>Per clinician (%5): goal %6, book %7, caseload %8.</p>")
            .arg(target ? QString::number(*target) : QStringLiteral("—"), number(goal), number(caseload),
                 number(rates_.caseloadMultiplier))
            .arg(clinicians)
            .arg(number(goal / clinicians), perClinician ? QString::number(*perClinician) : QStringLiteral("—"),
                 number(caseload / clinicians)));
}

QString PracticeGoalsTab::saveAnnualGoal(double annualGoal, double workingWeeks)
{
    Store* store = edits_->store();
    const QString error = edits_->apply(tr("Set the practice goal"), {}, [&] {
        if (annualGoal < 0 || workingWeeks < 1)
            throw team::EditRefused(tr("The annual goal must be 0 or more and working weeks at least 1.").toStdString());
        team::writeSettings(*store, {{"practice_annual_goal",
                                      annualGoal > 0 ? std::optional<SettingValue>(annualGoal) : std::nullopt},
                                     {"working_weeks_per_year", SettingValue{workingWeeks}}});
    });
    message_->setText(error);
    message_->setVisible(!error.isEmpty());
    return error;
}

QString PracticeGoalsTab::saveRetentionGoals(std::optional<double> retention, std::optional<double> churn)
{
    Store* store = edits_->store();
    const QString error = edits_->apply(tr("Set retention goals"), {}, [&] {
        for (const auto* goal : {&retention, &churn})
            if (*goal && (**goal < 0 || **goal > 1))
                throw team::EditRefused(tr("A goal is a share between 0% and 100%.").toStdString());
        team::writeSettings(*store,
                            {{"practice_retention_goal", retention ? std::optional<SettingValue>(*retention) : std::nullopt},
                             {"practice_churn_goal", churn ? std::optional<SettingValue>(*churn) : std::nullopt}});
    });
    message_->setText(error);
    message_->setVisible(!error.isEmpty());
    return error;
}

} // namespace caseboard::app
