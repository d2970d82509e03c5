#include "caseboard/metrics/payroll.h"

#include "caseboard/store/sqlite.h"

#include "scope_rows.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace caseboard::metrics {

namespace {

constexpr std::int64_t kMinutesPerHour = 60;

// Sessions and minutes of each clinician over the rows a filter lets through. Groups
// merge as for counted sessions; a merged group lasts as long as its longest row, so a
// group of three 90-minute rows pays 90 minutes, not 270.
class SessionTally {
public:
    SessionTally(std::size_t clinicians, bool mergeGroups, bool oneHourPerSession)
        : counter_(mergeGroups), sessions_(clinicians, 0), minutes_(clinicians, 0), withoutDuration_(clinicians, 0),
          oneHour_(oneHourPerSession)
    {
    }

    void add(const AppointmentColumns& a, std::size_t row)
    {
        const std::size_t clinician = a.clinician[row];
        // An export without durations leaves 0; an hour is the usual session and far
        // closer to the truth than paying nothing.
        const bool unknown = a.durationMinutes[row] <= 0;
        const std::int64_t minutes = (oneHour_ || unknown) ? kMinutesPerHour : a.durationMinutes[row];
        if (counter_.newSession(a, row)) {
            ++sessions_[clinician];
            minutes_[clinician] += minutes;
            if (unknown && !oneHour_)
                ++withoutDuration_[clinician];
            sessionMinutes_ = minutes;
        } else if (minutes > sessionMinutes_) {
            minutes_[clinician] += minutes - sessionMinutes_;
            sessionMinutes_ = minutes;
        }
    }

    std::int64_t sessions(std::size_t c) const { return sessions_[c]; }
    std::int64_t minutes(std::size_t c) const { return minutes_[c]; }
    std::int64_t withoutDuration(std::size_t c) const { return withoutDuration_[c]; }

private:
    detail::SessionCounter counter_;
    std::vector<std::int64_t> sessions_;
    std::vector<std::int64_t> minutes_;
    std::vector<std::int64_t> withoutDuration_;
    std::int64_t sessionMinutes_ = 0;
    bool oneHour_;
};

bool employedDuring(const std::optional<Day>& start, const std::optional<Day>& end, const PayPeriod& period)
{
    return (!start || *start <= period.last) && (!end || *end >= period.first);
}

template <typename Row>
void sortByName(std::vector<Row>& rows)
{
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return a.name != b.name ? a.name < b.name : a.clinicianId < b.clinicianId;
    });
}

} // namespace

bool isSupportRole(std::string_view role) { return role == "intake coordinator" || role == "admin"; }

Cents payForMinutes(std::int64_t minutes, Cents hourlyRate)
{
    const std::int64_t product = minutes * hourlyRate;
    return product >= 0 ? (product + kMinutesPerHour / 2) / kMinutesPerHour
                        : -((-product + kMinutesPerHour / 2) / kMinutesPerHour);
}

std::string formatHours(std::int64_t minutes)
{
    // Hundredths of an hour, rounded half up: 50 minutes = 0.83 h.
    const std::int64_t hundredths = (minutes * 100 + kMinutesPerHour / 2) / kMinutesPerHour;
    std::string fraction = std::to_string(hundredths % 100);
    if (fraction.size() < 2)
        fraction.insert(0, 1, '0');
    return std::to_string(hundredths / 100) + "." + fraction;
}

std::vector<PayrollPerson> loadPayrollPeople(sql::Connection& connection, const PayPeriod& period)
{
    std::vector<PayrollPerson> people;
    std::unordered_map<RowId, std::size_t> byId;
    auto clinicians =
        connection.prepare("SELECT id, name, role, start_day, end_day, hourly_rate_cents FROM clinicians ORDER BY id");
    while (clinicians.step()) {
        PayrollPerson p;
        p.id = clinicians.int64(0);
        p.name = clinicians.text(1);
        p.role = clinicians.text(2);
        if (!clinicians.isNull(3))
            p.startDate = fromSerial(clinicians.integer(3));
        if (!clinicians.isNull(4))
            p.endDate = fromSerial(clinicians.integer(4));
        if (!clinicians.isNull(5))
            p.hourlyRate = clinicians.int64(5);
        byId.emplace(p.id, people.size());
        people.push_back(std::move(p));
    }
    auto hours = connection.prepare("SELECT clinician_id, hours FROM staff_hours WHERE day BETWEEN ? AND ?");
    hours.bind(1, toSerial(period.first)).bind(2, toSerial(period.last));
    while (hours.step()) {
        const auto found = byId.find(hours.int64(0));
        if (found == byId.end())
            continue;
        PayrollPerson& p = people[found->second];
        p.timesheetMinutes += std::llround(hours.real(1) * static_cast<double>(kMinutesPerHour));
        ++p.timesheetDays;
    }
    return people;
}

PayrollReport computePayroll(const Snapshot& snapshot, const MetricSettings& metricSettings,
                             const PayrollSettings& settings, const std::vector<PayrollPerson>& people,
                             const PayPeriod& period, Day asOf)
{
    PayrollReport report;
    report.period = period;
    report.settings = settings;
    report.sessionsThrough = std::min(period.last, asOf);

    const AppointmentColumns& a = snapshot.appointments;
    const std::size_t count = snapshot.clinicians.size();
    const bool merge = !metricSettings.countGroupClientsSeparately;
    // Three tallies over the same past rows: the metric's counted sessions (so payroll
    // shows the number the dashboard shows), the sessions held, and the sessions held or
    // billably cancelled. The last two differ by the billable cancels that would be paid.
    SessionTally counted(count, merge, settings.oneHourPerSession);
    SessionTally held(count, merge, settings.oneHourPerSession);
    SessionTally heldOrCancelled(count, merge, settings.oneHourPerSession);
    std::vector<bool> anyRow(count, false);

    const Snapshot::RowRange past = snapshot.rowsBetween(toSerial(period.first), toSerial(report.sessionsThrough));
    for (std::size_t row = past.first; row < past.last; ++row) {
        const StatusCategory status = a.status[row];
        if (detail::isCounted(status, metricSettings))
            counted.add(a, row);
        if (status == StatusCategory::Completed)
            held.add(a, row);
        if (status == StatusCategory::Completed || isBillableCancel(status))
            heldOrCancelled.add(a, row);
    }
    const Snapshot::RowRange all = snapshot.rowsBetween(toSerial(period.first), toSerial(period.last));
    for (std::size_t row = all.first; row < all.last; ++row)
        anyRow[a.clinician[row]] = true;

    std::unordered_map<RowId, const PayrollPerson*> personById;
    for (const PayrollPerson& p : people)
        personById.emplace(p.id, &p);

    for (std::size_t c = 0; c < count; ++c) {
        const SnapshotClinician& clinician = snapshot.clinicians[c];
        const auto found = personById.find(clinician.id);
        const PayrollPerson* person = found == personById.end() ? nullptr : found->second;
        const std::string role = person ? person->role : std::string("clinician");
        const bool onTeam = !isSupportRole(role) && employedDuring(clinician.startDate, clinician.endDate, period);
        if (!anyRow[c] && !onTeam)
            continue;
        ClinicianPay pay;
        pay.clinicianId = clinician.id;
        pay.name = clinician.name;
        pay.role = role;
        pay.countedSessions = counted.sessions(c);
        pay.billableCancels = heldOrCancelled.sessions(c) - held.sessions(c);
        pay.billableCancelsPaid = settings.payBillableCancels;
        const SessionTally& paid = settings.payBillableCancels ? heldOrCancelled : held;
        pay.paidSessions = paid.sessions(c);
        pay.paidMinutes = paid.minutes(c);
        pay.sessionsWithoutDuration = paid.withoutDuration(c);
        if (person)
            pay.hourlyRate = person->hourlyRate;
        if (pay.hourlyRate)
            pay.pay = payForMinutes(pay.paidMinutes, *pay.hourlyRate);
        report.clinicians.push_back(std::move(pay));
    }

    for (const PayrollPerson& p : people) {
        const bool support = isSupportRole(p.role) && employedDuring(p.startDate, p.endDate, period);
        if (!support && p.timesheetDays == 0)
            continue;
        StaffPay staff;
        staff.clinicianId = p.id;
        staff.name = p.name;
        staff.role = p.role;
        staff.minutes = p.timesheetMinutes;
        staff.days = p.timesheetDays;
        staff.hourlyRate = p.hourlyRate;
        if (staff.hourlyRate)
            staff.pay = payForMinutes(staff.minutes, *staff.hourlyRate);
        report.staff.push_back(std::move(staff));
    }
    sortByName(report.clinicians);
    sortByName(report.staff);

    PayrollTotals& totals = report.totals;
    for (const ClinicianPay& c : report.clinicians) {
        totals.countedSessions += c.countedSessions;
        totals.billableCancels += c.billableCancels;
        totals.paidSessions += c.paidSessions;
        totals.clinicianMinutes += c.paidMinutes;
        totals.clinicianPay += c.pay.value_or(0);
        if (c.missingRate() && c.paidMinutes > 0)
            ++totals.missingRates;
    }
    for (const StaffPay& s : report.staff) {
        totals.staffMinutes += s.minutes;
        totals.staffPay += s.pay.value_or(0);
        if (s.missingRate() && s.minutes > 0)
            ++totals.missingRates;
    }
    return report;
}

} // namespace caseboard::metrics
