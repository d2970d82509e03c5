#include "dashboard_header.h"

#include "display_format.h"
#include "page_header.h"
#include "view_catalog.h"

#include "caseboard/store/import_batch.h"
#include "caseboard/store/store.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace caseboard::app {

namespace {

using metrics::Scope;

QString scopeTitle(const Scope& scope)
{
    const QString value = toQString(scope.value);
    switch (scope.kind) {
    case Scope::Kind::Practice: return DashboardHeader::tr("Whole practice");
    case Scope::Kind::Location: return DashboardHeader::tr("Location: %1").arg(value);
    case Scope::Kind::Supervisor: return DashboardHeader::tr("Supervisor: %1").arg(value);
    case Scope::Kind::ClinicianType: return DashboardHeader::tr("Type: %1").arg(value);
    case Scope::Kind::Clinician: break;
    }
    return {};
}

QString lastImportNote(Store* store)
{
    if (!store)
        return DashboardHeader::tr("No database open");
    QString importedAt;
    try {
        // A rolled-back import no longer dates the data.
        const std::vector<ImportBatch> batches = store->importBatches();
        for (auto batch = batches.rbegin(); batch != batches.rend() && importedAt.isEmpty(); ++batch)
            if (batch->inForce())
                importedAt = toQString(batch->importedAt);
    } catch (const std::exception&) {
        importedAt.clear(); // an unreadable batch table is not worth more than a missing note
    }
    QDateTime when = QDateTime::fromString(importedAt, Qt::ISODate);
    if (importedAt.isEmpty() || !when.isValid())
        return DashboardHeader::tr("No import recorded in this database yet");
    when = when.toLocalTime();
    return DashboardHeader::tr("Data as of the last import on %1 at %2")
        .arg(QLocale().toString(when.date(), QStringLiteral("MMM d, yyyy")),
             QLocale().toString(when.time(), QLocale::ShortFormat));
}

} // namespace

DashboardHeader::DashboardHeader(QWidget* parent)
    : QWidget(parent),
      title_(new PageHeader(viewInfo(ViewId::Dashboard).title, {}, this)),
      importNote_(new QLabel(tr("No database open"), this)),
      status_(new QLabel(this)),
      date_(new QDateEdit(this)),
      scope_(new QComboBox(this)),
      privacyButton_(new QToolButton(this)),
      privacyAction_(new QAction(tr("Hide Client Names"), this)),
      unmarked_(new QLabel(this))
{
    importNote_->setObjectName(QStringLiteral("PageSubtitle"));
    // The header's own subtitle line carries the import note.
    title_->setSubtitle({});

    status_->setObjectName(QStringLiteral("MutedLabel"));
    status_->setVisible(false);

    date_->setObjectName(QStringLiteral("AsOfDate"));
    date_->setCalendarPopup(true);
    date_->setDisplayFormat(QStringLiteral("ddd MMM d, yyyy"));
    date_->setToolTip(tr("The last day the review covers: \u201clast 7 days\u201d ends here and \u201cnext 7 "
                         "days\u201d starts the day after. Default: yesterday."));
    date_->setAccessibleName(tr("As of"));

    scope_->setObjectName(QStringLiteral("ScopeSelector"));
    scope_->setToolTip(tr("Show the whole practice, or only the clinicians of one location, supervisor or type"));
    scope_->setAccessibleName(tr("Scope"));
    scope_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    scope_->setMinimumContentsLength(18);

    privacyAction_->setObjectName(QStringLiteral("HideClientNames"));
    privacyAction_->setCheckable(true);
    privacyAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    privacyAction_->setToolTip(tr("Show client names as initials, for reviewing with a shared screen (Ctrl+Shift+P)"));
    privacyButton_->setObjectName(QStringLiteral("PrivacyButton"));
    privacyButton_->setDefaultAction(privacyAction_);
    privacyButton_->setToolButtonStyle(Qt::ToolButtonTextOnly);

    unmarked_->setObjectName(QStringLiteral("WarningBanner"));
    unmarked_->setWordWrap(true);
    unmarked_->setVisible(false);

    auto* asOfLabel = new QLabel(tr("As of"), this);
    asOfLabel->setObjectName(QStringLiteral("MutedLabel"));
    asOfLabel->setBuddy(date_);
    auto* scopeLabel = new QLabel(tr("Scope"), this);
    scopeLabel->setObjectName(QStringLiteral("MutedLabel"));
    scopeLabel->setBuddy(scope_);

    auto* titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(title_);
    titles->addWidget(importNote_);

    auto* controls = new QHBoxLayout;
    controls->setSpacing(8);
    controls->addWidget(status_);
    controls->addSpacing(8);
    controls->addWidget(asOfLabel);
    controls->addWidget(date_);
    controls->addSpacing(8);
    controls->addWidget(scopeLabel);
    controls->addWidget(scope_);
    controls->addSpacing(8);
    controls->addWidget(privacyButton_);

    // A widget of its own, so the row keeps the style's spacing rather than the column's.
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addLayout(titles);
    row->addStretch(1);
    row->addLayout(controls);
    row->setAlignment(controls, Qt::AlignBottom);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addSpacing(10);
    layout->addWidget(unmarked_);

    connect(date_, &QDateEdit::dateChanged, this, &DashboardHeader::asOfChanged);
    connect(scope_, &QComboBox::currentIndexChanged, this, &DashboardHeader::scopeChanged);
    connect(privacyAction_, &QAction::toggled, this, &DashboardHeader::privacyChanged);
}

void DashboardHeader::setAsOf(Day day) { date_->setDate(toQDate(day)); }

Day DashboardHeader::asOf() const
{
    const QDate date = date_->date();
    return makeDay(date.year(), static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

void DashboardHeader::setScopes(std::vector<Scope> scopes)
{
    const QVariant chosen = scope_->currentData();
    const Scope previous = chosen.isValid() && chosen.toInt() < static_cast<int>(scopes_.size())
        ? scopes_[static_cast<std::size_t>(chosen.toInt())]
        : Scope::practice();
    scopes_ = std::move(scopes);

    int selected = 0;
    const QSignalBlocker blocker(scope_);
    scope_->clear();
    for (std::size_t i = 0; i < scopes_.size(); ++i) {
        const Scope& s = scopes_[i];
        if (i > 0 && s.kind != scopes_[i - 1].kind)
            scope_->insertSeparator(scope_->count());
        scope_->addItem(scopeTitle(s), static_cast<int>(i));
        if (s.kind == previous.kind && s.value == previous.value)
            selected = scope_->count() - 1;
    }
    scope_->setCurrentIndex(selected);
}

void DashboardHeader::clearScopes()
{
    scopes_.clear();
    const QSignalBlocker blocker(scope_);
    scope_->clear();
}

Scope DashboardHeader::currentScope() const
{
    const QVariant data = scope_->currentData();
    const std::size_t index = data.isValid() ? static_cast<std::size_t>(data.toInt()) : 0;
    return index < scopes_.size() ? scopes_[index] : Scope::practice();
}

void DashboardHeader::setScopeIndex(int index) { scope_->setCurrentIndex(index); }

int DashboardHeader::scopeIndex() const { return std::max(0, scope_->currentIndex()); }

void DashboardHeader::showLastImport(Store* store) { importNote_->setText(lastImportNote(store)); }

void DashboardHeader::setStatus(const QString& text, bool visible)
{
    status_->setText(text);
    status_->setVisible(visible);
}

void DashboardHeader::setUnmarkedPast(std::int64_t count)
{
    unmarked_->setVisible(count > 0);
    unmarked_->setText(
        count == 1
            ? tr("1 past appointment is still \u201cscheduled\u201d \u2014 mark it in your EHR; it is left out of "
                 "every rate until then.")
            : tr("%1 past appointments are still \u201cscheduled\u201d \u2014 mark them in your EHR; they are left "
                 "out of every rate until then.")
                  .arg(formatCount(count)));
}

} // namespace caseboard::app
