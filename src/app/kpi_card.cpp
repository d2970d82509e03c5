#include "kpi_card.h"

#include "app_style.h"
#include "signal_colors.h"
#include "sparkline.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace caseboard::app {

KpiCard::KpiCard(const QString& title, Better better, QWidget* parent)
    : QFrame(parent),
      title_(new QLabel(title, this)),
      help_(new QLabel(QStringLiteral("?"), this)),
      value_(new QLabel(QStringLiteral("\u2014"), this)),
      suffix_(new QLabel(this)),
      detail_(new QLabel(this)),
      change_(new QLabel(this)),
      trend_(new Sparkline(this)),
      better_(better)
{
    setObjectName(QStringLiteral("KpiCard"));
    setAccessibleName(title);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    title_->setObjectName(QStringLiteral("KpiTitle"));
    help_->setObjectName(QStringLiteral("KpiHelp"));
    help_->setAlignment(Qt::AlignCenter);
    const int helpSize = fontMetrics().height();
    trend_->setFixedSize(helpSize * 5, helpSize * 2);
    help_->setFixedSize(helpSize, helpSize);
    value_->setObjectName(QStringLiteral("KpiValue"));
    suffix_->setObjectName(QStringLiteral("KpiSuffix"));
    detail_->setObjectName(QStringLiteral("KpiDetail"));
    change_->setObjectName(QStringLiteral("KpiChange"));

    QFont titleFont = font();
    titleFont.setWeight(QFont::DemiBold);
    title_->setFont(titleFont);
    QFont valueFont = font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.9);
    valueFont.setWeight(QFont::Bold);
    value_->setFont(valueFont);
    QFont smallFont = font();
    smallFont.setPointSizeF(smallFont.pointSizeF() * 0.92);
    detail_->setFont(smallFont);
    change_->setFont(smallFont);
    suffix_->setFont(smallFont);
    detail_->setWordWrap(true);
    detail_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    for (QLabel* label : {title_, value_, suffix_, detail_, change_})
        label->setTextInteractionFlags(Qt::NoTextInteraction);

    auto* top = new QHBoxLayout;
    top->setSpacing(6);
    top->addWidget(title_, 1);
    top->addWidget(help_);

    auto* valueRow = new QHBoxLayout;
    valueRow->setSpacing(6);
    valueRow->addWidget(value_, 0, Qt::AlignBottom);
    valueRow->addWidget(suffix_, 0, Qt::AlignBottom);
    valueRow->addStretch(1);
    valueRow->addWidget(trend_, 0, Qt::AlignBottom);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addLayout(valueRow);
    layout->addWidget(detail_);
    layout->addStretch(1);
    layout->addWidget(change_);
}

void KpiCard::setValue(const QString& value, const QString& suffix)
{
    value_->setText(value);
    suffix_->setText(suffix);
    suffix_->setVisible(!suffix.isEmpty());
}

void KpiCard::setDetail(const QString& detail, bool alert)
{
    detail_->setText(detail);
    detail_->setStyleSheet(alert ? QStringLiteral("color: %1;").arg(signalInk(Signal::Bad).name()) : QString());
}

void KpiCard::setChange(std::optional<double> delta, const QString& text)
{
    Signal signal = Signal::Neutral;
    QString arrow;
    if (delta && *delta > 1e-9) {
        arrow = QStringLiteral("\u25B2 ");
        signal = better_ == Better::Higher ? Signal::Good : better_ == Better::Lower ? Signal::Bad : Signal::Neutral;
    } else if (delta && *delta < -1e-9) {
        arrow = QStringLiteral("\u25BC ");
        signal = better_ == Better::Lower ? Signal::Good : better_ == Better::Higher ? Signal::Bad : Signal::Neutral;
    }
    change_->setText(arrow + text);
    // A style sheet, not the palette: the view's style sheet would override a palette colour.
    change_->setStyleSheet(QStringLiteral("color: %1;").arg(signalInk(signal).name()));
}

void KpiCard::setTrend(std::vector<std::optional<double>> values, std::vector<double> reference)
{
    trend_->setValues(std::move(values), std::move(reference));
}

void KpiCard::setExplanation(const QString& text)
{
    explanation_ = text;
    const QString tip = QStringLiteral("<p style='white-space:normal'>%1</p>").arg(text.toHtmlEscaped());
    setToolTip(tip);
    help_->setToolTip(tip);
}

QString KpiCard::title() const { return title_->text(); }
QString KpiCard::valueText() const { return value_->text(); }
QString KpiCard::suffixText() const { return suffix_->text(); }
QString KpiCard::detailText() const { return detail_->text(); }
QString KpiCard::changeText() const { return change_->text(); }

} // namespace caseboard::app
