#include "appointment_filter_bar.h"

#include "app_style.h"
#include "display_format.h"
#include "icons.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTimer>
#include <QVBoxLayout>

namespace caseboard::app {

namespace {

Day fromQDate(const QDate& date)
{
    return makeDay(date.year(), static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

template <typename T>
std::optional<T> selected(const QComboBox* box)
{
    const QVariant value = box->currentData();
    if (!value.isValid())
        return std::nullopt;
    return value.value<T>();
}

std::optional<std::string> selectedText(const QComboBox* box)
{
    const QVariant value = box->currentData();
    if (!value.isValid())
        return std::nullopt;
    return value.toString().toStdString();
}

// Replaces a box's values after its first ("All …") item, keeping the selection when
// the selected value is still offered.
void refill(QComboBox* box, const std::vector<std::pair<QString, QVariant>>& values)
{
    const QSignalBlocker blocker(box);
    const QVariant current = box->currentData();
    while (box->count() > 1)
        box->removeItem(1);
    for (const auto& value : values)
        box->addItem(value.first, value.second);
    const int index = current.isValid() ? box->findData(current) : 0;
    box->setCurrentIndex(std::max(index, 0));
}

std::vector<std::pair<QString, QVariant>> textValues(const std::vector<std::string>& values)
{
    std::vector<std::pair<QString, QVariant>> out;
    out.reserve(values.size());
    for (const std::string& value : values)
        out.emplace_back(toQString(value), toQString(value));
    return out;
}

} // namespace

AppointmentFilterBar::AppointmentFilterBar(QWidget* parent)
    : QWidget(parent),
      search_(new QLineEdit(this)),
      dates_(new QComboBox(this)),
      from_(new QDateEdit(this)),
      to_(new QDateEdit(this)),
      clinician_(makeBox(tr("Clinician"), tr("Only this clinician's appointments"))),
      status_(makeBox(tr("Status"), tr("Status category (METRICS.md): completed, late cancel, no-show, …"))),
      rawStatus_(makeBox(tr("EHR status"), tr("The status exactly as the EHR exported it"))),
      service_(makeBox(tr("Service code"), tr("Service (CPT) code"))),
      location_(makeBox(tr("Location"), tr("Where the appointment took place"))),
      note_(makeBox(tr("Note status"), tr("Progress note: signed, unsigned, or not in the export"))),
      payment_(makeBox(tr("Payment"),
                       tr("Paid: payments cover the fee. Unpaid balance: fee − client paid − insurance paid > 0. "
                          "No payment data: the export carried neither payment column."))),
      clear_(new QPushButton(tr("Clear filters"), this)),
      textDelay_(new QTimer(this))
{
    search_->setObjectName(QStringLiteral("SearchField"));
    search_->setPlaceholderText(tr("Search appointments"));
    search_->setToolTip(tr("Matches client, clinician, service code, EHR status and location. "
                           "Several words must all match."));
    search_->setClearButtonEnabled(true);
    search_->addAction(tintedIcon(QStringLiteral("search"), theme().mutedText), QLineEdit::LeadingPosition);
    search_->setMinimumWidth(220);

    dates_->setAccessibleName(tr("Dates"));
    dates_->setToolTip(tr("Shortcuts count back from the as-of date T"));
    dates_->addItem(tr("Any date"), static_cast<int>(DateRange::Any));
    dates_->addItem(tr("Last 7 days"), static_cast<int>(DateRange::Last7Days));
    dates_->addItem(tr("Last month"), static_cast<int>(DateRange::LastMonth));
    dates_->addItem(tr("Prior quarter"), static_cast<int>(DateRange::PriorQuarter));
    dates_->addItem(tr("Custom range"), static_cast<int>(DateRange::Custom));
    for (QDateEdit* edit : {from_, to_}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setDate(toQDate(addDays(localToday(), -1)));
    }
    from_->setAccessibleName(tr("From"));
    to_->setAccessibleName(tr("To"));
    updateDateEdits();

    clinician_->addItem(tr("All clinicians"));
    status_->addItem(tr("All statuses"));
    for (int k = 0; k < kStatusCategoryCount; ++k)
        status_->addItem(statusLabel(static_cast<StatusCategory>(k)), k);
    rawStatus_->addItem(tr("All EHR statuses"));
    service_->addItem(tr("All services"));
    location_->addItem(tr("All locations"));
    note_->addItem(tr("Any note"));
    note_->addItem(tr("Unsigned note"), static_cast<int>(NoteStatus::Unsigned));
    note_->addItem(tr("Signed note"), static_cast<int>(NoteStatus::Signed));
    note_->addItem(tr("No note status"), static_cast<int>(NoteStatus::Unknown));
    payment_->addItem(tr("Any payment"));
    payment_->addItem(tr("Paid"), static_cast<int>(PaymentState::Paid));
    payment_->addItem(tr("Unpaid balance"), static_cast<int>(PaymentState::UnpaidBalance));
    payment_->addItem(tr("No payment data"), static_cast<int>(PaymentState::NoPaymentData));
    clinician_->setMinimumContentsLength(14);
    rawStatus_->setMinimumContentsLength(12);

    clear_->setToolTip(tr("Show every appointment again"));
    clear_->setEnabled(false);

    auto* first = new QHBoxLayout;
    first->setSpacing(8);
    first->addWidget(search_, 1);
    first->addWidget(dates_);
    first->addWidget(from_);
    first->addWidget(to_);
    first->addWidget(clinician_);
    auto* second = new QHBoxLayout;
    second->setSpacing(8);
    for (QComboBox* box : {status_, rawStatus_, service_, location_, note_, payment_})
        second->addWidget(box);
    second->addStretch(1);
    second->addWidget(clear_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(first);
    layout->addLayout(second);

    // Typing waits for a pause, so a million-row query does not run per keystroke.
    textDelay_->setSingleShot(true);
    textDelay_->setInterval(kTextDelayMs);
    const auto changed = [this] {
        clear_->setEnabled(isFiltering());
        Q_EMIT filterChanged();
    };
    connect(textDelay_, &QTimer::timeout, this, changed);
    connect(search_, &QLineEdit::textChanged, textDelay_, qOverload<>(&QTimer::start));
    connect(search_, &QLineEdit::returnPressed, this, [this, changed] {
        textDelay_->stop();
        changed();
    });
    for (QComboBox* box : {clinician_, status_, rawStatus_, service_, location_, note_, payment_})
        connect(box, &QComboBox::currentIndexChanged, this, changed);
    connect(dates_, &QComboBox::currentIndexChanged, this, [this, changed] {
        updateDateEdits();
        changed();
    });
    for (QDateEdit* edit : {from_, to_})
        connect(edit, &QDateEdit::dateChanged, this, [this, changed] {
            if (dates_->currentData().toInt() == static_cast<int>(DateRange::Custom))
                changed();
        });
    connect(clear_, &QPushButton::clicked, this, &AppointmentFilterBar::clear);
}

QComboBox* AppointmentFilterBar::makeBox(const QString& accessibleName, const QString& toolTip)
{
    auto* box = new QComboBox(this);
    box->setAccessibleName(accessibleName);
    box->setToolTip(toolTip);
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return box;
}

void AppointmentFilterBar::updateDateEdits()
{
    const bool custom = dates_->currentData().toInt() == static_cast<int>(DateRange::Custom);
    from_->setVisible(custom);
    to_->setVisible(custom);
}

std::pair<Day, Day> AppointmentFilterBar::rangeFor(DateRange range, Day asOf)
{
    using namespace std::chrono;
    const year_month month{year_month_day{asOf}.year(), year_month_day{asOf}.month()};
    switch (range) {
    case DateRange::Last7Days: return {addDays(asOf, -6), asOf};
    case DateRange::LastMonth: {
        const year_month previous = month - months{1};
        return {sys_days{previous / 1}, sys_days{previous / last}};
    }
    case DateRange::PriorQuarter: {
        const unsigned quarterStart = (static_cast<unsigned>(month.month()) - 1) / 3 * 3 + 1;
        const year_month thisQuarter{month.year(), std::chrono::month{quarterStart}};
        const year_month first = thisQuarter - months{3};
        const year_month lastMonth = thisQuarter - months{1};
        return {sys_days{first / 1}, sys_days{lastMonth / last}};
    }
    case DateRange::Any:
    case DateRange::Custom: break;
    }
    return {asOf, asOf};
}

AppointmentFilter AppointmentFilterBar::filter(Day asOf) const
{
    AppointmentFilter filter;
    filter.text = search_->text().trimmed().toStdString();
    const auto range = static_cast<DateRange>(dates_->currentData().toInt());
    if (range == DateRange::Custom) {
        filter.from = fromQDate(from_->date());
        filter.to = fromQDate(to_->date());
    } else if (range != DateRange::Any) {
        const auto [first, last] = rangeFor(range, asOf);
        filter.from = first;
        filter.to = last;
    }
    filter.clinicianId = selected<qint64>(clinician_);
    if (const auto status = selected<int>(status_))
        filter.status = static_cast<StatusCategory>(*status);
    filter.rawStatus = selectedText(rawStatus_);
    filter.serviceCode = selectedText(service_);
    filter.location = selectedText(location_);
    if (const auto note = selected<int>(note_))
        filter.noteStatus = static_cast<NoteStatus>(*note);
    if (const auto payment = selected<int>(payment_))
        filter.payment = static_cast<PaymentState>(*payment);
    return filter;
}

bool AppointmentFilterBar::isFiltering() const
{
    if (!search_->text().trimmed().isEmpty() || dates_->currentIndex() != 0)
        return true;
    for (const QComboBox* box : {clinician_, status_, rawStatus_, service_, location_, note_, payment_})
        if (box->currentIndex() > 0)
            return true;
    return false;
}

void AppointmentFilterBar::setChoices(const AppointmentFilterChoices& choices)
{
    std::vector<std::pair<QString, QVariant>> clinicians;
    for (const AppointmentFilterChoices::Clinician& clinician : choices.clinicians)
        clinicians.emplace_back(toQString(clinician.name), QVariant::fromValue<qint64>(clinician.id));
    refill(clinician_, clinicians);
    refill(rawStatus_, textValues(choices.rawStatuses));
    refill(service_, textValues(choices.serviceCodes));
    refill(location_, textValues(choices.locations));
}

bool AppointmentFilterBar::selectClinician(const QString& name)
{
    const int index = clinician_->findText(name, Qt::MatchFixedString);
    if (index <= 0)
        return false;
    clinician_->setCurrentIndex(index);
    return true;
}

void AppointmentFilterBar::setDateRange(DateRange range)
{
    dates_->setCurrentIndex(std::max(0, dates_->findData(static_cast<int>(range))));
}

void AppointmentFilterBar::clear()
{
    textDelay_->stop();
    {
        const QSignalBlocker blockSearch(search_);
        const QSignalBlocker blockDates(dates_);
        search_->clear();
        dates_->setCurrentIndex(0);
        updateDateEdits();
        for (QComboBox* box : {clinician_, status_, rawStatus_, service_, location_, note_, payment_}) {
            const QSignalBlocker blocker(box);
            box->setCurrentIndex(0);
        }
    }
    clear_->setEnabled(false);
    Q_EMIT filterChanged();
}

} // namespace caseboard::app
