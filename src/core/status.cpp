#include "caseboard/core/status.h"

#include <array>
#include <utility>

namespace caseboard {

namespace {
constexpr std::array<std::string_view, kStatusCategoryCount> kNames{
    "completed", "late_cancel", "no_show", "cancelled", "clinician_cancelled", "scheduled", "other"};
constexpr std::array<std::string_view, kStatusCategoryCount> kLabels{
    "Completed", "Late cancel", "No-show", "Cancelled", "Clinician cancelled", "Scheduled", "Other"};

// The raw statuses METRICS.md and EHR-FORMATS.md name, by match key. Everything
// else is Other; a practice maps its own words in Settings.
constexpr std::pair<std::string_view, StatusCategory> kDefaultMapping[] = {
    {"show", StatusCategory::Completed},
    {"attended", StatusCategory::Completed},
    {"arrived", StatusCategory::Completed},
    {"kept", StatusCategory::Completed},
    {"completed", StatusCategory::Completed},
    {"complete", StatusCategory::Completed},
    {"checkedout", StatusCategory::Completed},
    {"checkedin", StatusCategory::Completed},
    {"firstvisit", StatusCategory::Completed},
    {"roomed", StatusCategory::Completed},
    {"latecanceled", StatusCategory::LateCancel},
    {"latecancel", StatusCategory::LateCancel},
    {"latecancellation", StatusCategory::LateCancel},
    {"noshow", StatusCategory::NoShow},
    {"missed", StatusCategory::NoShow},
    {"didnotattend", StatusCategory::NoShow},
    {"dna", StatusCategory::NoShow},
    {"canceled", StatusCategory::Cancelled},
    {"cancel", StatusCategory::Cancelled},
    {"cancellation", StatusCategory::Cancelled},
    {"clientcanceled", StatusCategory::Cancelled},
    {"canceledbyclient", StatusCategory::Cancelled},
    {"cliniciancanceled", StatusCategory::ClinicianCancelled},
    {"canceledbyprovider", StatusCategory::ClinicianCancelled},
    {"providercanceled", StatusCategory::ClinicianCancelled},
    {"canceledbyclinician", StatusCategory::ClinicianCancelled},
    {"scheduled", StatusCategory::Scheduled},
    {"upcoming", StatusCategory::Scheduled},
    {"confirmed", StatusCategory::Scheduled},
    {"bookedonline", StatusCategory::Scheduled},
    {"booked", StatusCategory::Scheduled},
    {"pending", StatusCategory::Scheduled},
    {"waitingconfirmation", StatusCategory::Scheduled},
    {"rescheduled", StatusCategory::Other},
    {"nonbillable", StatusCategory::Other},
    {"declined", StatusCategory::Other},
    {"neverbooked", StatusCategory::Other},
    {"archived", StatusCategory::Other},
    {"deleted", StatusCategory::Other},
    {"other", StatusCategory::Other},
};

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
} // namespace

std::string_view statusCategoryName(StatusCategory category)
{
    return kNames[static_cast<std::size_t>(category)];
}

std::string_view statusCategoryLabel(StatusCategory category)
{
    return kLabels[static_cast<std::size_t>(category)];
}

std::optional<StatusCategory> statusCategoryFromName(std::string_view name)
{
    for (std::size_t i = 0; i < kNames.size(); ++i)
        if (kNames[i] == name)
            return static_cast<StatusCategory>(i);
    return std::nullopt;
}

std::string statusMatchKey(std::string_view rawStatus)
{
    std::string key;
    key.reserve(rawStatus.size());
    for (char c : rawStatus) {
        if (c == ' ' || c == '-' || c == '_' || c == '\t')
            continue;
        key.push_back(lower(c));
    }
    // One spelling for both: "cancelled" -> "canceled" (also inside "cancellation").
    for (std::size_t at = key.find("cancell"); at != std::string::npos; at = key.find("cancell", at)) {
        if (key.compare(at, 12, "cancellation") == 0) {
            at += 12;
            continue;
        }
        key.erase(at + 6, 1);
    }
    return key;
}

std::optional<StatusCategory> knownStatusCategory(std::string_view rawStatus)
{
    const std::string key = statusMatchKey(rawStatus);
    for (const auto& [known, category] : kDefaultMapping)
        if (known == key)
            return category;
    return std::nullopt;
}

StatusCategory defaultStatusCategory(std::string_view rawStatus)
{
    return knownStatusCategory(rawStatus).value_or(StatusCategory::Other);
}

} // namespace caseboard
