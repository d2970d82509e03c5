#include "demo_scheduler.h"

#include "caseboard/core/status.h"
#include "demo_calendar.h"
#include "demo_random.h"
#include "demo_roster.h"
#include "demo_stays.h"
#include "demo_streams.h"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <functional>
#include <optional>
#include <queue>
#include <utility>

namespace caseboard::demo {
namespace {

constexpr int kNever = INT_MIN; // a slot never used yet

enum class TrackKind : std::uint8_t { Individual, Family, Group };

struct Slot {
    int weekday = 0;
    int hourIndex = 0;
    int parity = -1; // -1: both weeks (weekly clients)
};

// A client's recurring appointment with one clinician.
struct Track {
    int clinician = 0;
    TrackKind kind = TrackKind::Individual;
    int weekday = 0;
    int startMinute = 0;
    int every = 1;  // weeks between appointments: 1, 2 or 4
    int parity = 0; // which weeks for every 2 and 4
    int phase = 0;  // which of the two parity weeks for every 4
    bool taper = false;
};

enum class Stop { Count, Horizon, Departed };

struct TrackResult {
    Stop stop = Stop::Count;
    int booked = 0;
    int lastDay = kNever; // the last day the track held its slot
};

struct Attendance {
    double cancel = 0.0;
    double lateCancel = 0.0;
    double noShow = 0.0;
};

// One client while their appointments are planned.
struct ClientState {
    int index = 0;
    Random random{0};
    int payer = -1;
    Cents copay = 0;
    int slidingPercent = 100;
    Attendance attendance;
    bool dropout = false;
    bool telehealth = false;
    bool prefers45 = false;
    bool needsIntake = true;
    int lastPast = kNever;
    bool hasFuture = false;
};

constexpr int kGridDays = 6;  // Monday to Saturday
constexpr int kGridHours = 11; // 8:00 to 18:00 starts
constexpr double kHourWeights[kGridHours] = {0.6, 0.8, 1.0, 1.0, 0.8, 1.0, 1.0, 1.2, 1.5, 1.5, 1.0};

} // namespace

class Scheduler::Impl {
public:
    Impl(std::uint64_t seed, Day end, const DemoCalendar& calendar, const Roster& roster,
         std::vector<PlannedAppointment>& out)
        : seed_(seed), end_(toSerial(end)), horizon_(toSerial(end) + 28), calendar_(calendar),
          staff_(roster.staff), out_(out), loads_(roster.staff.size())
    {
        for (auto status : {RawStatus::Show, RawStatus::Canceled, RawStatus::LateCanceled, RawStatus::NoShow,
                            RawStatus::ClinicianCanceled, RawStatus::Scheduled, RawStatus::Rescheduled})
            categories_[static_cast<std::size_t>(status)] = defaultStatusCategory(rawStatusText(status));

        busy_.assign(staff_.size() * kGridDays * kGridHours * 2, kNever);
        for (std::size_t c = 0; c < staff_.size(); ++c) {
            const Staff& s = staff_[c];
            for (int wd = 0; wd < kGridDays; ++wd)
                for (int h = 0; h < kGridHours; ++h) {
                    const int hour = 8 + h;
                    bool open = (s.workdays & (1u << wd)) != 0;
                    if (wd == 5)
                        open = open && hour >= 9 && hour <= 12;
                    if (s.startOffset == 30)
                        open = open && hour <= 17;
                    if (wd == s.groupWeekday && hour == s.groupHour)
                        open = false; // the group's own hour
                    if (!open) {
                        busy_[cell(static_cast<int>(c), wd, h, 0)] = kForever;
                        busy_[cell(static_cast<int>(c), wd, h, 1)] = kForever;
                    }
                }
        }
    }

    // Plans every appointment of one client.
    Outcome scheduleClient(int index, int referral)
    {
        ClientState client;
        client.index = index;
        clientBookings_.clear();
        client.random = Random(mixKey(seed_, kClientStream, static_cast<std::uint64_t>(index), 1));
        Random& r = client.random;

        client.payer = static_cast<int>(r.weighted(kPayerWeights)) - 1;
        static constexpr Cents kCopays[] = {0, 2000, 2500, 3000, 4000};
        client.copay = client.payer >= 0 ? kCopays[r.below(5)] : 0;
        if (client.payer < 0 && r.chance(0.25))
            client.slidingPercent = r.between(12, 17) * 5; // sliding scale, 60–85%

        // Most clients are reliable; some cancel a lot.
        static constexpr double kAttendanceWeights[] = {0.45, 0.35, 0.20};
        static constexpr Attendance kAttendance[] = {{0.05, 0.02, 0.015}, {0.09, 0.035, 0.03}, {0.15, 0.07, 0.06}};
        client.attendance = kAttendance[r.weighted(kAttendanceWeights)];

        const Stay stay = drawStay(r);
        const int planned = stay.planned;
        const int every = stay.every;
        const bool taper = stay.taper;
        client.dropout = stay.kind == kDropout;
        client.telehealth = r.chance(0.25);
        client.prefers45 = r.chance(0.4);
        int switchAfter = stay.kind >= 2 && r.chance(0.025) ? r.between(4, 10) : 0;

        // The primary track, moving to another clinician when theirs leaves or the
        // client asks for a change.
        const int firstClinician = pickClinician(referral, -1, std::nullopt, true, r);
        int clinician = firstClinician;
        int from = referral + r.between(1, 10);
        int remaining = planned;
        int primaryWeekday = -1;
        int primaryBooked = 0;
        while (remaining > 0 && clinician >= 0) {
            const auto slot = chooseSlot(clinician, from, every, -1, r);
            if (!slot)
                break;
            Track track = trackFor(clinician, *slot, every, TrackKind::Individual, r);
            track.taper = taper;
            if (primaryWeekday < 0)
                primaryWeekday = track.weekday;
            const int limit = switchAfter > 0 ? std::min(remaining, switchAfter) : remaining;
            const TrackResult result = runTrack(client, track, from, limit, remaining);
            release(clinician, *slot, result.lastDay);
            remaining -= result.booked;
            primaryBooked += result.booked;
            if (result.stop == Stop::Horizon || remaining <= 0)
                break;
            if (result.stop == Stop::Departed) {
                if (!r.chance(0.75))
                    break; // some clients stop when their clinician leaves
                from = staff_[static_cast<std::size_t>(clinician)].lastDay + r.between(3, 14);
            } else { // asked for another clinician
                switchAfter = 0;
                from = result.lastDay + 7;
            }
            clinician = pickClinician(from, clinician, std::nullopt, false, r);
        }

        // Some clients of a group-running clinician join the group for a few weeks.
        if (firstClinician >= 0) {
            const Staff& s = staff_[static_cast<std::size_t>(firstClinician)];
            if (s.groupWeekday >= 0 && primaryBooked >= 3 && r.chance(0.3)) {
                Track group;
                group.clinician = firstClinician;
                group.kind = TrackKind::Group;
                group.weekday = s.groupWeekday;
                group.startMinute = s.groupHour * 60;
                const int count = r.between(6, 14);
                runTrack(client, group, referral + r.between(21, 56), count, count);
            }
        }

        // A few see a family therapist as well: a second pair.
        if (firstClinician >= 0 && primaryBooked >= 6 && r.chance(0.035)) {
            const int familyFrom = referral + r.between(21, 42);
            const int therapist = pickClinician(familyFrom, firstClinician, License::LMFT, false, r);
            if (therapist >= 0) {
                if (const auto slot = chooseSlot(therapist, familyFrom, 2, primaryWeekday, r)) {
                    const Track family = trackFor(therapist, *slot, 2, TrackKind::Family, r);
                    const int count = r.between(5, 12);
                    const TrackResult result = runTrack(client, family, familyFrom, count, count);
                    release(therapist, *slot, result.lastDay);
                }
            }
        }

        return {clientStatus(client, referral), client.payer};
    }

private:
    std::size_t cell(int clinician, int weekday, int hourIndex, int parity) const
    {
        return ((static_cast<std::size_t>(clinician) * kGridDays + static_cast<std::size_t>(weekday)) * kGridHours
                + static_cast<std::size_t>(hourIndex)) * 2 + static_cast<std::size_t>(parity);
    }

    int load(int clinician, int day, bool advance)
    {
        auto& heap = loads_[static_cast<std::size_t>(clinician)];
        // Referrals come in date order, so ended clients can be dropped for good; a
        // look at a later day (a transfer) must not drop what earlier days still need.
        if (advance)
            while (!heap.empty() && heap.top() < day)
                heap.pop();
        return static_cast<int>(heap.size());
    }

    // The best of four random clinicians working that day: the one whose caseload is
    // furthest below its target in proportion, with new hires first in line.
    int pickClinician(int day, int exclude, std::optional<License> license, bool advance, Random& r)
    {
        candidates_.clear();
        for (std::size_t c = 0; c < staff_.size(); ++c) {
            const Staff& s = staff_[c];
            if (static_cast<int>(c) == exclude || day < s.firstDay || s.onLeave(day))
                continue;
            if (s.lastDay != kForever && day + 45 >= s.lastDay)
                continue;
            if (license && s.license != *license)
                continue;
            candidates_.push_back(static_cast<int>(c));
        }
        if (candidates_.empty())
            return -1;
        int best = -1;
        double bestScore = 0.0;
        for (int n = 0; n < 4; ++n) {
            const int c = candidates_[r.below(static_cast<std::uint32_t>(candidates_.size()))];
            const Staff& s = staff_[static_cast<std::size_t>(c)];
            double score = 1.0 - load(c, day, advance) / std::max(1.0, s.targetCaseload);
            if (day - s.firstDay < 90)
                score += 0.3;
            if (best < 0 || score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    // A free weekly hour from `from` on, preferring the late afternoon as clients do.
    std::optional<Slot> chooseSlot(int clinician, int from, int every, int excludeWeekday, Random& r)
    {
        slots_.clear();
        weights_.clear();
        for (int wd = 0; wd < kGridDays; ++wd) {
            if (wd == excludeWeekday)
                continue;
            for (int h = 0; h < kGridHours; ++h) {
                const int even = busy_[cell(clinician, wd, h, 0)];
                const int odd = busy_[cell(clinician, wd, h, 1)];
                const double w = kHourWeights[h] * (wd == 5 ? 0.6 : 1.0);
                if (every == 1) {
                    if (even < from && odd < from) {
                        slots_.push_back({wd, h, -1});
                        weights_.push_back(w);
                    }
                    continue;
                }
                if (even < from) {
                    slots_.push_back({wd, h, 0});
                    weights_.push_back(w);
                }
                if (odd < from) {
                    slots_.push_back({wd, h, 1});
                    weights_.push_back(w);
                }
            }
        }
        if (slots_.empty())
            return std::nullopt;
        double total = 0.0;
        for (double w : weights_)
            total += w;
        double x = r.uniform() * total;
        for (std::size_t i = 0; i < slots_.size(); ++i) {
            if (x < weights_[i])
                return slots_[i];
            x -= weights_[i];
        }
        return slots_.back();
    }

    void release(int clinician, const Slot& slot, int lastDay)
    {
        for (int p = 0; p < 2; ++p) {
            if (slot.parity >= 0 && p != slot.parity)
                continue;
            int& busy = busy_[cell(clinician, slot.weekday, slot.hourIndex, p)];
            busy = std::max(busy, lastDay);
        }
        loads_[static_cast<std::size_t>(clinician)].push(lastDay);
    }

    Track trackFor(int clinician, const Slot& slot, int every, TrackKind kind, Random& r) const
    {
        const Staff& s = staff_[static_cast<std::size_t>(clinician)];
        Track track;
        track.clinician = clinician;
        track.kind = kind;
        track.weekday = slot.weekday;
        track.startMinute = (8 + slot.hourIndex) * 60 + (slot.weekday == 5 ? 0 : s.startOffset);
        track.every = every;
        track.parity = slot.parity < 0 ? 0 : slot.parity;
        track.phase = every == 4 ? static_cast<int>(r.below(2)) : 0;
        return track;
    }

    // Books the track week by week from `from` until `limit` appointments are booked,
    // the schedule horizon is reached, or the clinician leaves. `remaining` is how many
    // the client still has in them overall (a dropout's last visit is often missed).
    TrackResult runTrack(ClientState& client, Track track, int from, int limit, int remaining)
    {
        const Staff& s = staff_[static_cast<std::size_t>(track.clinician)];
        TrackResult result;
        for (Day monday = weekStart(fromSerial(from));; monday = addDays(monday, 7)) {
            const int day = toSerial(monday) + track.weekday;
            if (day < from)
                continue;
            if (day > horizon_) {
                result.stop = Stop::Horizon;
                break;
            }
            if (day > s.lastDay) {
                result.stop = Stop::Departed;
                break;
            }
            result.lastDay = day;
            const int week = weekNumber(monday);
            if (track.taper && track.every == 1 && result.booked >= kTaperAfter)
                track.every = 2; // long-term clients step down to every other week
            if (track.every == 2 && (week & 1) != track.parity)
                continue;
            if (track.every == 4 && (week & 3) != track.parity + 2 * track.phase)
                continue;
            const Day date = fromSerial(day);
            if (calendar_.closed(date) || s.onLeave(day))
                continue;
            // Group and family sessions come on top of the individual ones, and a client
            // is in one room at a time.
            if (track.kind != TrackKind::Individual && overlapsBooking(day, track.startMinute))
                continue;
            // A week off now and then, and many more around the holidays and in summer.
            const double away = 1.0 - (1.0 - kWeeksOff) * (1.0 - calendar_.seasonalAbsence(date));
            if (client.random.chance(away))
                continue;
            book(client, track, day, client.dropout && result.booked + 1 == remaining);
            if (++result.booked >= limit) {
                result.stop = Stop::Count;
                break;
            }
        }
        return result;
    }

    bool overlapsBooking(int day, int startMinute) const
    {
        for (const auto& [bookedDay, bookedStart] : clientBookings_)
            if (bookedDay == day && std::abs(bookedStart - startMinute) < 60)
                return true;
        return false;
    }

    bool sickDay(int clinician, int day) const
    {
        return unitFromBits(mixKey(seed_, kSickDayStream, static_cast<std::uint64_t>(clinician),
                                   static_cast<std::uint64_t>(static_cast<std::int64_t>(day))))
            < 0.012;
    }

    Cents sessionFee(ServiceCode code, int day, const ClientState& client) const
    {
        Cents base = 17500;
        switch (code) {
        case ServiceCode::Intake: base = 20000; break;
        case ServiceCode::Individual45: base = 14000; break;
        case ServiceCode::Individual53: base = 17500; break;
        case ServiceCode::FamilyWithout: base = 15000; break;
        case ServiceCode::FamilyWith: base = 16000; break;
        case ServiceCode::Group: base = 7500; break;
        }
        // Fees went up $5 every January.
        const int yearsBefore = std::max(0, yearOf(fromSerial(end_)) - yearOf(fromSerial(day)));
        Cents fee = base - 500 * yearsBefore;
        if (client.slidingPercent != 100 && code != ServiceCode::Group)
            fee = (fee * client.slidingPercent / 100 + 250) / 500 * 500;
        return fee;
    }

    static double unsignedChance(int age)
    {
        if (age <= 2)
            return 0.65;
        if (age <= 7)
            return 0.25;
        if (age <= 14)
            return 0.08;
        if (age <= 45)
            return 0.01;
        return 0.0005; // a few forgotten for good
    }

    void book(ClientState& client, const Track& track, int day, bool lastOfDropout)
    {
        Random& r = client.random;
        const Staff& s = staff_[static_cast<std::size_t>(track.clinician)];
        PlannedAppointment a;
        a.day = day;
        a.client = client.index;
        a.clinician = track.clinician;
        a.sequence = static_cast<std::uint32_t>(out_.size());
        a.startMinute = static_cast<std::int16_t>(track.startMinute);

        switch (track.kind) {
        case TrackKind::Group:
            a.code = ServiceCode::Group;
            a.durationMinutes = 60;
            break;
        case TrackKind::Family:
            a.code = r.chance(0.2) ? ServiceCode::FamilyWithout : ServiceCode::FamilyWith;
            a.durationMinutes = static_cast<std::uint8_t>(s.sessionMinutes);
            break;
        case TrackKind::Individual:
            if (client.needsIntake) {
                a.code = ServiceCode::Intake;
                a.durationMinutes = 60;
            } else if (client.prefers45 != r.chance(0.1)) {
                a.code = ServiceCode::Individual45;
                a.durationMinutes = 45;
            } else {
                a.code = ServiceCode::Individual53;
                a.durationMinutes = static_cast<std::uint8_t>(s.sessionMinutes);
            }
            break;
        }

        a.location = s.location == kTelehealth || client.telehealth || r.chance(0.06) ? kTelehealth : s.location;

        const bool past = day <= end_;
        if (past) {
            const double u = r.uniform();
            const Attendance& at = client.attendance;
            if (sickDay(track.clinician, day) || u < 0.012)
                a.raw = RawStatus::ClinicianCanceled;
            else if (day > end_ - 14 && r.chance(0.03 * s.unmarked))
                a.raw = RawStatus::Scheduled; // nobody marked it yet
            else if (lastOfDropout && r.chance(0.4))
                a.raw = r.chance(0.6) ? RawStatus::NoShow : RawStatus::Canceled;
            else {
                const double v = r.uniform();
                if (v < at.cancel)
                    a.raw = RawStatus::Canceled;
                else if (v < at.cancel + at.lateCancel)
                    a.raw = RawStatus::LateCanceled;
                else if (v < at.cancel + at.lateCancel + at.noShow)
                    a.raw = RawStatus::NoShow;
                else if (v < at.cancel + at.lateCancel + at.noShow + 0.002)
                    a.raw = RawStatus::Rescheduled;
                else
                    a.raw = RawStatus::Show;
            }
            a.status = categories_[static_cast<std::size_t>(a.raw)];
        } else {
            const double u = r.uniform();
            if (u < 0.03)
                a.raw = RawStatus::Canceled;
            else if (u < 0.036)
                a.raw = RawStatus::ClinicianCanceled;
            else
                a.raw = r.chance(0.55) ? RawStatus::Show : RawStatus::Scheduled; // SimplePractice says "Show"
            a.status = isCancellation(categories_[static_cast<std::size_t>(a.raw)])
                ? categories_[static_cast<std::size_t>(a.raw)]
                : StatusCategory::Scheduled;
        }

        if (isQualifying(a.status)) {
            const double weight = a.status == StatusCategory::Completed ? 1.0 : 0.5; // a no-show note is short
            const double p = unsignedChance(end_ - day) * s.noteLag * weight;
            a.note = r.chance(std::min(p, 0.95)) ? NoteStatus::Unsigned : NoteStatus::Signed;
        }

        const Cents fee = sessionFee(a.code, day, client);
        const int age = end_ - day;
        switch (a.status) {
        case StatusCategory::Completed:
            a.fee = static_cast<std::int32_t>(fee);
            if (client.payer >= 0) {
                const bool copayOpen = (age <= 7 && r.chance(0.25)) || r.chance(0.01);
                a.clientPaid = static_cast<std::int32_t>(copayOpen ? 0 : client.copay);
                const Cents due = fee - client.copay;
                // Insurers pay weeks later, a few only in part, and some claims are
                // never paid at all.
                const int lag = 10 + static_cast<int>(r.below(35)) + (r.chance(0.12) ? r.between(20, 60) : 0);
                Cents paid = due;
                if (r.chance(0.006) || day + lag > end_)
                    paid = 0;
                else if (r.chance(0.005))
                    paid = due * r.between(50, 85) / 100;
                a.insurancePaid = static_cast<std::int32_t>(paid);
            } else {
                const bool open = (age <= 7 && r.chance(0.15)) || r.chance(0.01);
                a.clientPaid = static_cast<std::int32_t>(open ? 0 : fee);
                a.insurancePaid = 0;
            }
            break;
        case StatusCategory::LateCancel:
        case StatusCategory::NoShow:
            // The cancellation fee is the client's to pay; some are waived.
            a.fee = r.chance(0.2) ? 0 : 7500;
            a.clientPaid = a.fee > 0 && r.chance(0.9) ? a.fee : 0;
            a.insurancePaid = 0;
            break;
        case StatusCategory::Scheduled:
            a.fee = static_cast<std::int32_t>(fee);
            break;
        default:
            a.fee = 0;
            if (past)
                a.clientPaid = a.insurancePaid = 0;
            break;
        }

        if (a.status == StatusCategory::Scheduled && past) {
            // Unmarked: as if nothing is known yet.
        } else if (isQualifying(a.status) || a.status == StatusCategory::Scheduled) {
            client.needsIntake = client.needsIntake && track.kind != TrackKind::Individual;
        }
        if (past)
            client.lastPast = std::max(client.lastPast, day);
        else if (a.status == StatusCategory::Scheduled)
            client.hasFuture = true;
        out_.push_back(a);
        clientBookings_.emplace_back(day, track.startMinute);
    }

    std::string_view clientStatus(ClientState& client, int referral) const
    {
        Random& r = client.random;
        if (client.hasFuture || (client.lastPast != kNever && client.lastPast >= end_ - 30))
            return "Active";
        if (client.lastPast == kNever)
            return referral > end_ - 60 ? "Active" : "Inactive";
        if (client.lastPast >= end_ - 180) {
            // Admins close files late: recently lost clients are often still open.
            static constexpr double kWeights[] = {0.3, 0.6, 0.1};
            static constexpr std::string_view kStatuses[] = {"Active", "Inactive", "Discharged"};
            return kStatuses[r.weighted(kWeights)];
        }
        return r.chance(0.7) ? "Discharged" : "Inactive";
    }

    std::uint64_t seed_;
    int end_;
    int horizon_;
    const DemoCalendar& calendar_;
    const std::vector<Staff>& staff_;
    std::vector<PlannedAppointment>& out_;
    std::vector<std::priority_queue<int, std::vector<int>, std::greater<int>>> loads_;
    std::vector<int> busy_; // per clinician, weekday, hour and week parity: last day taken
    std::array<StatusCategory, 7> categories_{};
    std::vector<int> candidates_;
    std::vector<Slot> slots_;
    std::vector<double> weights_;
    std::vector<std::pair<int, int>> clientBookings_; // day and start of the current client's
};

Scheduler::Scheduler(std::uint64_t seed, Day end, const DemoCalendar& calendar, const Roster& roster,
                     std::vector<PlannedAppointment>& out)
    : impl_(std::make_unique<Impl>(seed, end, calendar, roster, out))
{
}

Scheduler::~Scheduler() = default;

Scheduler::Outcome Scheduler::scheduleClient(int index, int referral) { return impl_->scheduleClient(index, referral); }

} // namespace caseboard::demo
