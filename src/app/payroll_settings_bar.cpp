#include "payroll_settings_bar.h"

#include "display_format.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>

namespace caseboard::app {

namespace {

Day dayOf(const QDate& date)
{
    return makeDay(date.year(), static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

} // namespace

PayrollSettingsBar::PayrollSettingsBar(QWidget* parent)
    : QWidget(parent),
      periodKind_(new QComboBox(this)),
      anchorLabel_(new QLabel(tr("Anchor"), this)),
      anchor_(new QDateEdit(this)),
      hoursRule_(new QComboBox(this)),
      payCancels_(new QCheckBox(tr("Pay billable cancels"), this))
{
    setObjectName(QStringLiteral("PayrollSettings"));
    setAttribute(Qt::WA_StyledBackground, true);
    periodKind_->setObjectName(QStringLiteral("PayrollPeriodKind"));
    periodKind_->addItem(tr("Semi-monthly"), static_cast<int>(metrics::PayPeriodKind::SemiMonthly));
    periodKind_->addItem(tr("Bi-weekly"), static_cast<int>(metrics::PayPeriodKind::BiWeekly));
    periodKind_->setAccessibleName(tr("Pay periods"));
    periodKind_->setToolTip(tr("Semi-monthly: the 1st to the 15th and the 16th to the month's end. "
                               "Bi-weekly: 14 days at a time from the anchor. Saved with the practice."));
    periodKind_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    anchor_->setObjectName(QStringLiteral("PayrollAnchor"));
    anchor_->setCalendarPopup(true);
    anchor_->setDisplayFormat(QStringLiteral("MMM d, yyyy"));
    anchor_->setToolTip(tr("The first day of any one bi-weekly pay period; the others follow every 14 days, "
                           "before and after it"));
    anchor_->setAccessibleName(tr("Anchor"));
    anchor_->setMinimumWidth(anchor_->fontMetrics().horizontalAdvance(QStringLiteral("Sep 30, 2026")) + 48);
    anchorLabel_->setBuddy(anchor_);
    hoursRule_->setObjectName(QStringLiteral("PayrollHoursRule"));
    hoursRule_->addItem(tr("Scheduled duration"), false);
    hoursRule_->addItem(tr("One hour per session"), true);
    hoursRule_->setAccessibleName(tr("Hours"));
    hoursRule_->setToolTip(tr("A session's hours: its scheduled duration, or one hour whatever its length. "
                              "A group is one session either way. Saved with the practice."));
    hoursRule_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    payCancels_->setObjectName(QStringLiteral("PayrollPayCancels"));
    payCancels_->setToolTip(tr("Pay late cancels and no-shows as if the session was held. Saved with the practice."));

    auto* periodsLabel = new QLabel(tr("Pay periods"), this);
    periodsLabel->setObjectName(QStringLiteral("MutedLabel"));
    periodsLabel->setBuddy(periodKind_);
    anchorLabel_->setObjectName(QStringLiteral("MutedLabel"));
    auto* hoursLabel = new QLabel(tr("Hours"), this);
    hoursLabel->setObjectName(QStringLiteral("MutedLabel"));
    hoursLabel->setBuddy(hoursRule_);
    auto* savedNote = new QLabel(tr("Saved with the practice"), this);
    savedNote->setObjectName(QStringLiteral("MutedLabel"));

    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(14, 8, 14, 8);
    row->setSpacing(8);
    row->addWidget(periodsLabel);
    row->addWidget(periodKind_);
    row->addSpacing(6);
    row->addWidget(anchorLabel_);
    row->addWidget(anchor_);
    row->addSpacing(18);
    row->addWidget(hoursLabel);
    row->addWidget(hoursRule_);
    row->addSpacing(18);
    row->addWidget(payCancels_);
    row->addStretch(1);
    row->addWidget(savedNote);

    const auto changed = [this] {
        if (!updating_)
            Q_EMIT settingsEdited(settings());
    };
    connect(periodKind_, &QComboBox::currentIndexChanged, this, changed);
    connect(anchor_, &QDateEdit::dateChanged, this, changed);
    connect(hoursRule_, &QComboBox::currentIndexChanged, this, changed);
    connect(payCancels_, &QCheckBox::toggled, this, changed);
}


metrics::PayrollSettings PayrollSettingsBar::settings() const
{
    metrics::PayrollSettings s;
    s.periods.kind = static_cast<metrics::PayPeriodKind>(periodKind_->currentData().toInt());
    s.periods.anchor = dayOf(anchor_->date());
    s.oneHourPerSession = hoursRule_->currentData().toBool();
    s.payBillableCancels = payCancels_->isChecked();
    return s;
}

void PayrollSettingsBar::setSettings(const metrics::PayrollSettings& settings)
{
    updating_ = true;
    periodKind_->setCurrentIndex(periodKind_->findData(static_cast<int>(settings.periods.kind)));
    anchor_->setDate(toQDate(settings.periods.anchor));
    hoursRule_->setCurrentIndex(settings.oneHourPerSession ? 1 : 0);
    payCancels_->setChecked(settings.payBillableCancels);
    // The anchor means nothing to semi-monthly periods: shown only for bi-weekly ones.
    const bool biWeekly = settings.periods.kind == metrics::PayPeriodKind::BiWeekly;
    anchor_->setVisible(biWeekly);
    anchorLabel_->setVisible(biWeekly);
    updating_ = false;
}

} // namespace caseboard::app
