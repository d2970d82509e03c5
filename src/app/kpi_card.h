#pragma once
// One headline number of the dashboard: what it is, its value, what it is made of, how
// it moved since the previous period (an arrow coloured by whether that is good) and
// a small trend line. Hovering explains the definition in plain words.

#include <QFrame>

#include <optional>
#include <vector>

class QLabel;

namespace caseboard::app {

class Sparkline;

class KpiCard : public QFrame {
    Q_OBJECT
public:
    enum class Better { Higher, Lower, Neither };

    KpiCard(const QString& title, Better better, QWidget* parent = nullptr);

    void setValue(const QString& value, const QString& suffix = {});
    // `alert`: the detail says something needs attention (shown in the "bad" colour).
    void setDetail(const QString& detail, bool alert = false);
    // `delta` decides the arrow and its colour; `text` says it ("12 vs. prior week").
    // No delta: no comparison is possible ("—").
    void setChange(std::optional<double> delta, const QString& text);
    void setTrend(std::vector<std::optional<double>> values, std::vector<double> reference = {});
    void setExplanation(const QString& text);

    QString title() const;
    QString valueText() const;
    QString suffixText() const;
    QString detailText() const;
    QString changeText() const;
    QString explanation() const { return explanation_; }

private:
    QLabel* title_;
    QLabel* help_;
    QLabel* value_;
    QLabel* suffix_;
    QLabel* detail_;
    QLabel* change_;
    Sparkline* trend_;
    Better better_;
    QString explanation_;
};

} // namespace caseboard::app
