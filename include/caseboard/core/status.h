#pragma once
// Appointment status as Caseboard reasons about it: a category (METRICS.md, "Status
// categories") with the EHR's raw status string always kept beside it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace caseboard {

enum class StatusCategory : std::uint8_t {
    Completed = 0,
    LateCancel = 1,
    NoShow = 2,
    Cancelled = 3,
    ClinicianCancelled = 4,
    Scheduled = 5,
    Other = 6,
};

inline constexpr int kStatusCategoryCount = 7;

// Stable lower_snake names ("late_cancel"), used in the database, JSON and CSV.
std::string_view statusCategoryName(StatusCategory category);
std::optional<StatusCategory> statusCategoryFromName(std::string_view name);
// "Late cancel": for people.
std::string_view statusCategoryLabel(StatusCategory category);

// The default mapping from a raw EHR status to a category. Case-insensitive, ignores
// spaces, hyphens and underscores, and treats "Canceled" and "Cancelled" alike.
// Anything it does not know is Other.
StatusCategory defaultStatusCategory(std::string_view rawStatus);
// The same, but nullopt for a status no known EHR uses, so an importer can ask the user
// instead of silently filing it under Other.
std::optional<StatusCategory> knownStatusCategory(std::string_view rawStatus);

// The key under which a raw status is matched: lower case, no spaces, hyphens or
// underscores, "cancelled" spelled "canceled". "Late Cancelled" -> "latecanceled".
std::string statusMatchKey(std::string_view rawStatus);

// Billable cancel = late cancel or no-show.
constexpr bool isBillableCancel(StatusCategory c)
{
    return c == StatusCategory::LateCancel || c == StatusCategory::NoShow;
}
// Qualifying session (counts toward retention) = completed or billable cancel.
constexpr bool isQualifying(StatusCategory c)
{
    return c == StatusCategory::Completed || isBillableCancel(c);
}
// A cancellation of any kind, including the clinician's.
constexpr bool isCancellation(StatusCategory c)
{
    return c == StatusCategory::Cancelled || c == StatusCategory::ClinicianCancelled
        || c == StatusCategory::LateCancel;
}

} // namespace caseboard
