#pragma once
// The filters of the Appointments view: free text, a date range (with shortcuts relative
// to the as-of date), clinician, status category, EHR status, service code, location,
// note status and payment state. They compose: each one narrows the rows further.

#include "caseboard/core/day.h"
#include "caseboard/store/appointment_table.h"

#include <QWidget>

#include <utility>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QPushButton;
class QTimer;

namespace caseboard::app {

class AppointmentFilterBar : public QWidget {
    Q_OBJECT
public:
    static constexpr int kTextDelayMs = 250;

    enum class DateRange { Any, Last7Days, LastMonth, PriorQuarter, Custom };

    explicit AppointmentFilterBar(QWidget* parent = nullptr);

    // The filter the widgets describe; date shortcuts are resolved against `asOf`.
    AppointmentFilter filter(Day asOf) const;
    bool isFiltering() const;

    // Fills the choice lists, keeping what is selected where it still exists.
    void setChoices(const AppointmentFilterChoices& choices);
    // Selects a clinician by name; false when there is none of that name.
    bool selectClinician(const QString& name);
    void setDateRange(DateRange range);
    // Clears every filter, then emits filterChanged once.
    void clear();

    QLineEdit* searchField() const { return search_; }
    QComboBox* clinicianBox() const { return clinician_; }
    QComboBox* statusBox() const { return status_; }
    QComboBox* rawStatusBox() const { return rawStatus_; }
    QComboBox* serviceBox() const { return service_; }
    QComboBox* locationBox() const { return location_; }
    QComboBox* noteBox() const { return note_; }
    QComboBox* paymentBox() const { return payment_; }
    QComboBox* dateRangeBox() const { return dates_; }
    QDateEdit* fromEdit() const { return from_; }
    QDateEdit* toEdit() const { return to_; }

    // [first, last] of a shortcut for the as-of date T (METRICS.md windows): last 7 days
    // [T-6, T], the calendar month before T's, the calendar quarter before T's.
    static std::pair<Day, Day> rangeFor(DateRange range, Day asOf);

Q_SIGNALS:
    // A filter changed (text after a pause in typing).
    void filterChanged();

private:
    QComboBox* makeBox(const QString& accessibleName, const QString& toolTip);
    void updateDateEdits();

    QLineEdit* search_;
    QComboBox* dates_;
    QDateEdit* from_;
    QDateEdit* to_;
    QComboBox* clinician_;
    QComboBox* status_;
    QComboBox* rawStatus_;
    QComboBox* service_;
    QComboBox* location_;
    QComboBox* note_;
    QComboBox* payment_;
    QPushButton* clear_;
    QTimer* textDelay_;
};

} // namespace caseboard::app
