#pragma once
// The dashboard's six headline numbers, each a KpiCard with its change since the
// previous week and, for sessions, cancellations and active clients, a trend line.
// They stand in two rows of three, or in one row on wide screens.

#include "dashboard_data.h"

#include <QWidget>

#include <array>

class QGridLayout;

namespace caseboard::app {

class KpiCard;

class DashboardCards : public QWidget {
    Q_OBJECT
public:
    enum class Card { Sessions, Cancellations, Bookings, ActiveClients, Retention, LifetimeValue };
    static constexpr int kCardCount = 6;
    static constexpr int kTrendWeeks = 26;

    explicit DashboardCards(QWidget* parent = nullptr);

    // A result without a snapshot shows every card empty.
    void showResult(const DashboardResult& result);
    void setColumns(int columns);

    KpiCard* card(Card card) const { return cards_[static_cast<std::size_t>(card)]; }

private:
    std::array<KpiCard*, kCardCount> cards_{};
    QGridLayout* grid_;
    int columns_ = 0;
};

} // namespace caseboard::app
