#include "dashboard_cards.h"

#include "dashboard_format.h"
#include "display_format.h"
#include "kpi_card.h"

#include <QGridLayout>
#include <QLocale>

#include <cmath>
#include <functional>

namespace caseboard::app {

namespace {

using Card = DashboardCards::Card;
using metrics::ScopeSummary;
using metrics::WeekPoint;

QString tr(const char* text) { return DashboardCards::tr(text); }

const struct {
    const char* title;
    KpiCard::Better better;
    const char* explanation;
} kCardSpecs[DashboardCards::kCardCount] = {
    {QT_TR_NOOP("Sessions, last 7 days"), KpiCard::Better::Higher,
     QT_TR_NOOP("How many sessions the clinicians delivered in the last 7 days (completed; a group session "
                "counts once), against the goal for those days. Utilization is that share of the goal; "
                "below 80% is under-performing. The change compares with the 7 days before.")},
    {QT_TR_NOOP("Cancellation rate, 12 weeks"), KpiCard::Better::Lower,
     QT_TR_NOOP("The share of booked client visits in the last 12 weeks that did not happen because the client "
                "cancelled or did not come: (cancelled + late cancels + no-shows) / (those + completed). "
                "Clinician cancellations and unmarked appointments are left out.")},
    {QT_TR_NOOP("Bookings, next 7 days"), KpiCard::Better::Higher,
     QT_TR_NOOP("How many sessions are already booked for the next 7 days, against the weekly bookings target: "
                "how many to book so that, after the usual share of cancellations, the weekly goal is still "
                "met (goal / (1 \u2212 cancellation rate), rounded up).")},
    {QT_TR_NOOP("Active clients"), KpiCard::Better::Higher,
     QT_TR_NOOP("How many clients are currently in care: seen in the last 30 days or booked ahead. The caseload "
                "baseline is 2 \u00d7 the weekly goal: the caseload needed to sustain it.")},
    {QT_TR_NOOP("Retention, 12 months"), KpiCard::Better::Higher,
     QT_TR_NOOP("The share of new clients (intake in the last 12 months, at least 8 weeks ago) who stayed for at "
                "least 8 sessions with their clinician. Churn is the share who came to fewer than 4.")},
    {QT_TR_NOOP("Client lifetime value"), KpiCard::Better::Higher,
     QT_TR_NOOP("What a new client is worth to the practice over their whole course of care: average sessions "
                "per client \u00d7 average revenue per session, over the last 12 months.")},
};

// The weeks a sparkline shows: the last kTrendWeeks full weeks (a current week cut off
// at T would always look like a drop).
std::vector<WeekPoint> fullWeeks(const std::vector<WeekPoint>& series, int weeks)
{
    std::vector<WeekPoint> out = series;
    if (!out.empty() && out.back().weekEnd - out.back().weekStart < std::chrono::days{6})
        out.pop_back();
    if (out.size() > static_cast<std::size_t>(weeks))
        out.erase(out.begin(), out.end() - weeks);
    return out;
}

std::vector<std::optional<double>> trendOf(const std::vector<WeekPoint>& weeks,
                                           const std::function<std::optional<double>(const WeekPoint&)>& value)
{
    std::vector<std::optional<double>> values;
    for (const WeekPoint& week : weeks)
        values.push_back(value(week));
    return values;
}

QString noChange(const QString& period) { return tr("no change vs. %1").arg(period); }

void showCountChange(KpiCard* card, std::int64_t now, std::int64_t before, const QString& period)
{
    const std::int64_t delta = now - before;
    card->setChange(static_cast<double>(delta),
                    delta == 0 ? noChange(period)
                               : tr("%1 vs. %2").arg(formatCount(delta < 0 ? -delta : delta), period));
}

// Rates move in points; under a twentieth of a point reads as no change.
void showRateChange(KpiCard* card, std::optional<double> now, std::optional<double> before, const QString& period)
{
    if (!now || !before) {
        card->setChange(std::nullopt, {});
        return;
    }
    const double delta = *now - *before;
    const bool same = std::fabs(delta) < 0.0005;
    card->setChange(same ? 0.0 : delta, same ? noChange(period) : tr("%1 vs. %2").arg(formatPoints(delta), period));
}

// Sessions against the goal for the same 7 days.
void showSessions(KpiCard* card, const DashboardResult& result, const std::vector<WeekPoint>& weeks)
{
    const ScopeSummary& s = result.current.summary;
    card->setValue(formatCount(s.countedLast7d), tr("of %1 goal").arg(formatGoal(std::round(s.goalLast7d))));
    const bool under = s.underPerforming.value_or(false);
    const QString threshold = QLocale().toString(result.current.settings.underPerformingUtilization * 100.0, 'g', 3);
    card->setDetail(tr("%1 utilization%2")
                        .arg(formatPercent(s.utilizationLast7d),
                             under ? tr(" \u00b7 below %1%").arg(threshold) : QString()),
                    under);
    showCountChange(card, s.countedLast7d, result.previous.summary.countedLast7d, tr("prior 7 days"));
    std::vector<double> goal;
    for (const WeekPoint& week : weeks)
        goal.push_back(week.goal);
    card->setTrend(trendOf(weeks, [](const WeekPoint& w) { return static_cast<double>(w.counted); }), std::move(goal));
}

void showCancellations(KpiCard* card, const ScopeSummary& s, const ScopeSummary& p,
                       const std::vector<WeekPoint>& weeks)
{
    const auto& rate = s.cancellation12w;
    card->setValue(formatPercent(rate.cancellation));
    card->setDetail(tr("Late cancels %1 \u00b7 no-shows %2").arg(formatPercent(rate.lateCancel),
                                                                formatPercent(rate.noShow)));
    showRateChange(card, rate.cancellation, p.cancellation12w.cancellation, tr("a week ago"));
    card->setTrend(trendOf(weeks, [](const WeekPoint& w) { return w.cancellation.cancellation; }));
}

void showBookings(KpiCard* card, const ScopeSummary& s, const ScopeSummary& p)
{
    const auto& target = s.bookingsTarget.target;
    card->setValue(formatCount(s.upcomingNext7d.sessions),
                   target ? tr("of %1 target").arg(formatCount(*target)) : tr("no target"));
    if (target && *target > s.upcomingNext7d.sessions)
        card->setDetail(tr("%1 more to book \u00b7 goal %2 a week").arg(formatCount(*target - s.upcomingNext7d.sessions),
                                                                       formatGoal(s.weeklyGoal)));
    else if (target)
        card->setDetail(tr("On target \u00b7 goal %1 a week").arg(formatGoal(s.weeklyGoal)));
    else
        card->setDetail(tr("Every appointment was cancelled: no target"));
    showCountChange(card, s.upcomingNext7d.sessions, p.upcomingNext7d.sessions, tr("a week ago"));
    card->setTrend({});
}

void showActiveClients(KpiCard* card, const ScopeSummary& s, const ScopeSummary& p,
                       const std::vector<WeekPoint>& weeks)
{
    card->setValue(formatCount(s.activeClients), tr("of %1 baseline").arg(formatGoal(s.caseloadBaseline)));
    if (static_cast<double>(s.activeClients) < s.caseloadBaseline)
        card->setDetail(tr("%1 below the baseline (2 \u00d7 weekly goal)")
                            .arg(formatGoal(std::ceil(s.caseloadBaseline - static_cast<double>(s.activeClients)))));
    else
        card->setDetail(tr("At or above the baseline (2 \u00d7 weekly goal)"));
    showCountChange(card, s.activeClients, p.activeClients, tr("a week ago"));
    card->setTrend(trendOf(weeks, [](const WeekPoint& w) { return static_cast<double>(w.activeClients); }));
}

void showRetention(KpiCard* card, const ScopeSummary& s, const ScopeSummary& p)
{
    const metrics::Retention& r = s.retention12m;
    card->setValue(formatPercent(r.retentionRate), tr("retained"));
    card->setDetail(tr("Churn %1 \u00b7 %2 new clients in the cohort").arg(formatPercent(r.churnRate),
                                                                            formatCount(r.cohort)));
    showRateChange(card, r.retentionRate, p.retention12m.retentionRate, tr("a week ago"));
    card->setTrend({});
}

void showLifetimeValue(KpiCard* card, const ScopeSummary& s, const ScopeSummary& p)
{
    const metrics::Retention& r = s.retention12m;
    card->setValue(formatDollars(r.lifetimeValue));
    card->setDetail(tr("%1 sessions \u00d7 %2 a session")
                        .arg(formatDecimal(r.avgSessionsPerClient),
                             r.avgRevenuePerSession
                                 ? formatMoney(static_cast<Cents>(std::llround(*r.avgRevenuePerSession * 100.0)))
                                 : missingValue()));
    if (r.lifetimeValue && p.retention12m.lifetimeValue) {
        // Whole dollars, as the value shows them.
        const double delta = std::round(*r.lifetimeValue) - std::round(*p.retention12m.lifetimeValue);
        const QString period = tr("a week ago");
        card->setChange(delta, delta == 0.0 ? noChange(period)
                                            : tr("%1 vs. %2").arg(formatDollars(std::fabs(delta)), period));
    } else {
        card->setChange(std::nullopt, {});
    }
    card->setTrend({});
}

} // namespace

DashboardCards::DashboardCards(QWidget* parent) : QWidget(parent), grid_(new QGridLayout(this))
{
    grid_->setContentsMargins(0, 0, 0, 0);
    grid_->setHorizontalSpacing(12);
    grid_->setVerticalSpacing(12);
    for (int i = 0; i < kCardCount; ++i) {
        auto* card = new KpiCard(tr(kCardSpecs[i].title), kCardSpecs[i].better, this);
        QString explanation = tr(kCardSpecs[i].explanation);
        const auto kind = static_cast<Card>(i);
        if (kind == Card::Sessions || kind == Card::Cancellations || kind == Card::ActiveClients)
            explanation += tr(" The small line shows the last %1 full weeks%2.")
                               .arg(kTrendWeeks)
                               .arg(kind == Card::Sessions ? tr(" (dashed: the goal)") : QString());
        card->setExplanation(explanation);
        cards_[static_cast<std::size_t>(i)] = card;
    }
    setColumns(3);
}

void DashboardCards::showResult(const DashboardResult& result)
{
    if (!result.snapshot) {
        for (KpiCard* c : cards_) {
            c->setValue(missingValue());
            c->setDetail({});
            c->setChange(std::nullopt, {});
            c->setTrend({});
        }
        return;
    }
    const ScopeSummary& s = result.current.summary;
    const ScopeSummary& p = result.previous.summary;
    const auto weeks = fullWeeks(result.current.series, kTrendWeeks);
    showSessions(card(Card::Sessions), result, weeks);
    showCancellations(card(Card::Cancellations), s, p, weeks);
    showBookings(card(Card::Bookings), s, p);
    showActiveClients(card(Card::ActiveClients), s, p, weeks);
    showRetention(card(Card::Retention), s, p);
    showLifetimeValue(card(Card::LifetimeValue), s, p);
}

void DashboardCards::setColumns(int columns)
{
    if (columns == columns_)
        return;
    columns_ = columns;
    for (KpiCard* card : cards_)
        grid_->removeWidget(card);
    for (int i = 0; i < kCardCount; ++i)
        grid_->addWidget(cards_[static_cast<std::size_t>(i)], i / columns, i % columns);
    for (int column = 0; column < kCardCount; ++column)
        grid_->setColumnStretch(column, column < columns ? 1 : 0);
}

} // namespace caseboard::app
