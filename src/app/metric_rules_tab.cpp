#include "metric_rules_tab.h"

#include "settings_edit_stack.h"
#include "table_fit.h"

#include "caseboard/store/store.h"
#include "caseboard/team/team_edits.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace caseboard::app {

namespace {

using Kind = MetricRule::Kind;

enum Column { kName, kValue, kDefault, kMeaning, kReset, kColumnCount };

QString qs(const std::string& text) { return QString::fromStdString(text); }

QString defaultText(const MetricRule& rule)
{
    switch (rule.kind) {
    case Kind::Bool: return rule.defaultValue != 0 ? MetricRulesTab::tr("on") : MetricRulesTab::tr("off");
    case Kind::Choice: return qs(rule.choices.front());
    case Kind::OptionalReal: return MetricRulesTab::tr("none");
    default: return QString::number(rule.defaultValue, 'g', 6);
    }
}

double numberOf(const SettingValue& value)
{
    if (const auto* i = std::get_if<std::int64_t>(&value))
        return static_cast<double>(*i);
    if (const auto* d = std::get_if<double>(&value))
        return *d;
    if (const auto* b = std::get_if<bool>(&value))
        return *b ? 1 : 0;
    return 0;
}

} // namespace

const std::vector<MetricRule>& metricRules()
{
    static const std::vector<MetricRule> rules{
        {"retention_threshold", Kind::Int, 1, 100000, 8, {}, QT_TR_NOOP("Retention threshold"),
         QT_TR_NOOP("Qualifying sessions for a pair to count as retained; recent intakes wait 7 × this many days.")},
        {"churn_threshold", Kind::Int, 1, 100000, 4, {}, QT_TR_NOOP("Churn threshold"),
         QT_TR_NOOP("A pair with fewer qualifying sessions than this has churned.")},
        {"active_window_days", Kind::Int, 1, 100000, 30, {}, QT_TR_NOOP("Active window (days)"),
         QT_TR_NOOP("Active clients were seen in the last this-many days (or have a booking); also at risk vs lost.")},
        {"caseload_multiplier", Kind::Real, 0, 1000, 2, {}, QT_TR_NOOP("Caseload multiplier"),
         QT_TR_NOOP("Caseload baseline = this × the weekly goal.")},
        {"under_performing_utilization", Kind::Real, 0, 10, 0.8, {}, QT_TR_NOOP("Under-performing below"),
         QT_TR_NOOP("Last-7-days utilization below this (0.8 = 80%) flags a clinician as under-performing.")},
        {"note_due_days", Kind::Int, 0, 100000, 3, {}, QT_TR_NOOP("Note due (days)"),
         QT_TR_NOOP("Progress notes of sessions this many days old and not signed are overdue.")},
        {"payment_lag_days", Kind::Int, 0, 100000, 30, {}, QT_TR_NOOP("Payment lag (days)"),
         QT_TR_NOOP("Sessions older than this with a balance are missing payments (insurance lag).")},
        {"close_out_unseen_days", Kind::Int, 1, 100000, 30, {}, QT_TR_NOOP("Close-out: unseen (days)"),
         QT_TR_NOOP("Close-out candidates were last seen more than this many days ago…")},
        {"close_out_closed_days", Kind::Int, 1, 100000, 180, {}, QT_TR_NOOP("Close-out: closed (days)"),
         QT_TR_NOOP("… and not more than this many (older counts as already closed).")},
        {"attendance_policy_count", Kind::Int, 1, 100000, 3, {}, QT_TR_NOOP("Attendance policy count"),
         QT_TR_NOOP("Billable cancels in 12 months that put a pair on the attendance-policy list.")},
        {"week_start", Kind::Choice, 0, 0, 0, {"monday", "sunday"}, QT_TR_NOOP("Week starts on"),
         QT_TR_NOOP("First day of a calendar week in the trend charts.")},
        {"billable_cancels_count_as_completed", Kind::Bool, 0, 1, 0, {}, QT_TR_NOOP("Billable cancels count"),
         QT_TR_NOOP("Counted sessions (goals, utilization) include late cancels and no-shows.")},
        {"count_group_clients_separately", Kind::Bool, 0, 1, 0, {}, QT_TR_NOOP("Groups per client"),
         QT_TR_NOOP("A group session counts once per client instead of once for the clinician.")},
        {"revenue_basis", Kind::Choice, 0, 0, 0, {"charged", "collected"}, QT_TR_NOOP("Revenue basis"),
         QT_TR_NOOP("Revenue per session from the fee charged, or from what was collected.")},
        {"working_weeks_per_year", Kind::Real, 1, 53, 48, {}, QT_TR_NOOP("Working weeks a year"),
         QT_TR_NOOP("Annual goal ÷ this = weekly goal.")},
        {"small_sample_threshold", Kind::Int, 0, 100000, 20, {}, QT_TR_NOOP("Small sample"),
         QT_TR_NOOP("A clinician with fewer appointments in 12 weeks gets the practice's cancellation rate (flagged).")},
        {"retention_status_margin_points", Kind::Real, 0, 100, 5, {}, QT_TR_NOOP("Status margin (points)"),
         QT_TR_NOOP("Red when retention or churn misses its target by more than this many points.")},
        {"practice_weekly_goal", Kind::OptionalReal, 0, 100000, 0, {}, QT_TR_NOOP("Practice weekly goal"),
         QT_TR_NOOP("An explicit practice goal; none = from the annual goal, else the sum of the clinicians'.")},
        {"practice_annual_goal", Kind::OptionalReal, 0, 10000000, 0, {}, QT_TR_NOOP("Practice annual goal"),
         QT_TR_NOOP("Completed sessions a year (also on Practice goals).")},
        {"practice_retention_goal", Kind::OptionalReal, 0, 1, 0, {}, QT_TR_NOOP("Retention goal"),
         QT_TR_NOOP("A fraction (0.6 = 60%); none = the practice's own rate.")},
        {"practice_churn_goal", Kind::OptionalReal, 0, 1, 0, {}, QT_TR_NOOP("Churn goal"),
         QT_TR_NOOP("A fraction (0.2 = 20%); none = the practice's own rate.")},
        {"payroll_one_hour_per_session", Kind::Bool, 0, 1, 0, {}, QT_TR_NOOP("Payroll: 1 h a session"),
         QT_TR_NOOP("Payroll hours are one hour per counted session instead of its duration.")},
        {"payroll_pays_billable_cancels", Kind::Bool, 0, 1, 0, {}, QT_TR_NOOP("Payroll pays cancels"),
         QT_TR_NOOP("Payroll pays late cancels and no-shows.")},
    };
    return rules;
}

MetricRulesTab::MetricRulesTab(SettingsEditStack* edits, QWidget* parent)
    : QWidget(parent), edits_(edits), message_(new QLabel(this)), table_(new QTableWidget(0, kColumnCount, this))
{
    setObjectName(QStringLiteral("MetricRulesTab"));
    message_->setWordWrap(true);
    message_->setText(tr("Every number Caseboard shows follows these rules. A change is saved at once, "
                         "recomputes every view and can be undone with Ctrl+Z."));
    table_->setObjectName(QStringLiteral("MetricRulesTable"));
    table_->setHorizontalHeaderLabels({tr("Rule"), tr("Value"), tr("Default"), tr("What it does"), QString()});
    table_->verticalHeader()->hide();
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    // One line a rule: the explanations are written to fit, and rows stay even.
    table_->setWordWrap(false);
    table_->verticalHeader()->setDefaultSectionSize(40);
    table_->horizontalHeader()->setSectionResizeMode(kMeaning, QHeaderView::Stretch);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(message_);
    layout->addWidget(table_, 1);
    buildRows();
}

void MetricRulesTab::buildRows()
{
    const auto& rules = metricRules();
    table_->setRowCount(static_cast<int>(rules.size()));
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const MetricRule& rule = rules[i];
        const int row = static_cast<int>(i);
        auto* name = new QTableWidgetItem(tr(rule.label));
        name->setToolTip(qs(rule.key));
        table_->setItem(row, kName, name);
        table_->setItem(row, kDefault, new QTableWidgetItem(defaultText(rule)));
        table_->setItem(row, kMeaning, new QTableWidgetItem(tr(rule.meaning)));
        for (const int column : {kName, kDefault, kMeaning})
            table_->item(row, column)->setFlags(Qt::ItemIsEnabled);

        const std::string key = rule.key;
        QWidget* editor = nullptr;
        switch (rule.kind) {
        case Kind::Int: {
            auto* box = new QSpinBox;
            box->setRange(static_cast<int>(rule.minimum), static_cast<int>(rule.maximum));
            connect(box, &QSpinBox::editingFinished, this, [this, box, key] {
                if (!loading_)
                    setRule(key, SettingValue{static_cast<std::int64_t>(box->value())});
            });
            editor = box;
            break;
        }
        case Kind::Real:
        case Kind::OptionalReal: {
            auto* box = new QDoubleSpinBox;
            const bool optional = rule.kind == Kind::OptionalReal;
            const bool fraction = rule.maximum <= 1;
            box->setDecimals(fraction || rule.maximum <= 10 ? 2 : 1);
            box->setSingleStep(fraction ? 0.01 : (rule.maximum <= 10 ? 0.05 : 1));
            box->setRange(optional ? -1 : rule.minimum, rule.maximum);
            if (optional)
                box->setSpecialValueText(tr("none"));
            connect(box, &QDoubleSpinBox::editingFinished, this, [this, box, key, optional] {
                if (loading_)
                    return;
                if (optional && box->value() < 0)
                    setRule(key, std::nullopt);
                else
                    setRule(key, SettingValue{box->value()});
            });
            editor = box;
            break;
        }
        case Kind::Bool: {
            auto* box = new QCheckBox;
            connect(box, &QCheckBox::toggled, this, [this, key](bool on) {
                if (!loading_)
                    setRule(key, SettingValue{on});
            });
            editor = box;
            break;
        }
        case Kind::Choice: {
            auto* box = new QComboBox;
            for (const std::string& choice : rule.choices)
                box->addItem(qs(choice));
            connect(box, &QComboBox::activated, this, [this, box, key] {
                if (!loading_)
                    setRule(key, SettingValue{box->currentText().toStdString()});
            });
            editor = box;
            break;
        }
        }
        editor->setObjectName(qs(key));
        // A cell widget fills the cell; a margin keeps the editor its natural height.
        auto* cell = new QWidget;
        auto* cellLayout = new QHBoxLayout(cell);
        cellLayout->setContentsMargins(6, 2, 6, 2);
        cellLayout->addWidget(editor);
        table_->setCellWidget(row, kValue, cell);

        auto* reset = new QPushButton(tr("Reset"));
        reset->setToolTip(tr("Back to the default, %1").arg(defaultText(rule)));
        reset->setObjectName(qs(key + "_reset"));
        connect(reset, &QPushButton::clicked, this, [this, key] { setRule(key, std::nullopt); });
        auto* resetCell = new QWidget;
        auto* resetLayout = new QHBoxLayout(resetCell);
        resetLayout->setContentsMargins(6, 2, 6, 2);
        resetLayout->addWidget(reset);
        table_->setCellWidget(row, kReset, resetCell);
    }
    fitColumnsToText(table_, {kName, kDefault});
    table_->setColumnWidth(kValue, 140);
    table_->setColumnWidth(kReset, 96);
}

QWidget* MetricRulesTab::editorFor(const std::string& key) const
{
    return table_->findChild<QWidget*>(qs(key));
}

void MetricRulesTab::reload()
{
    Store* store = edits_->store();
    loading_ = true;
    const auto& rules = metricRules();
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const MetricRule& rule = rules[i];
        const std::optional<SettingValue> stored = store ? store->setting(rule.key) : std::nullopt;
        QWidget* editor = editorFor(rule.key);
        if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
            spin->setValue(static_cast<int>(stored ? numberOf(*stored) : rule.defaultValue));
        } else if (auto* real = qobject_cast<QDoubleSpinBox*>(editor)) {
            real->setValue(stored ? numberOf(*stored) : (rule.kind == Kind::OptionalReal ? -1 : rule.defaultValue));
        } else if (auto* check = qobject_cast<QCheckBox*>(editor)) {
            check->setChecked(stored ? numberOf(*stored) != 0 : rule.defaultValue != 0);
        } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
            const auto* text = stored ? std::get_if<std::string>(&*stored) : nullptr;
            combo->setCurrentText(text ? qs(*text) : qs(rule.choices.front()));
        }
        // A changed rule's name is bold, so the practice's own rules stand out.
        QFont font = table_->item(static_cast<int>(i), kName)->font();
        font.setBold(stored.has_value());
        table_->item(static_cast<int>(i), kName)->setFont(font);
    }
    fitColumnsToText(table_, {kName});
    loading_ = false;
}

QString MetricRulesTab::setRule(const std::string& key, const std::optional<SettingValue>& value)
{
    Store* store = edits_->store();
    if (!store)
        return tr("No database is open.");
    const std::optional<SettingValue> stored = store->setting(key);
    if (stored == value)
        return {}; // nothing changed: no empty undo step
    // Leaving an untouched editor (editingFinished on focus loss) must not turn the
    // default into an override.
    if (!stored && value) {
        for (const MetricRule& rule : metricRules()) {
            if (rule.key != key)
                continue;
            const auto* text = std::get_if<std::string>(&*value);
            if (rule.kind == Kind::Choice ? (text && *text == rule.choices.front())
                                          : (rule.kind != Kind::OptionalReal && numberOf(*value) == rule.defaultValue))
                return {};
        }
    }
    QString label = qs(key);
    for (const MetricRule& rule : metricRules())
        if (rule.key == key)
            label = tr(rule.label);
    const QString text = value ? tr("Change %1").arg(label) : tr("Reset %1").arg(label);
    const QString error = edits_->apply(text, {}, [&] { team::writeSetting(*store, key, value); });
    if (!error.isEmpty()) {
        message_->setText(error);
        return error;
    }
    return {};
}

} // namespace caseboard::app
