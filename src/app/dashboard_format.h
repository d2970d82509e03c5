#pragma once
// How the dashboard's figures read on screen, shared by its cards, table and lists (and
// by the test that checks them against the engine). Undefined numbers read "—".

#include "caseboard/metrics/caseload.h"
#include "caseboard/metrics/snapshot.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <optional>

namespace caseboard::app {

QString formatPercent(std::optional<double> fraction);    // "21.1%"
QString formatPoints(double fractionDelta);               // "1.2 pts" (unsigned)
QString formatGoal(double sessions);                      // "24", "7.5"
QString formatDecimal(std::optional<double> value);       // "8.2"
QString formatDollars(std::optional<double> dollars);     // "$1,066" (whole dollars)
QString formatSerialDay(std::int32_t serial);             // "Nov 23, 2026"; "—" for kNoDay
QString retentionStatusLabel(metrics::RetentionStatus status); // "On target", "Watch", "Off target"
QString caseloadReadingLabel(metrics::CaseloadReading reading); // "", "Losing clients", "Needs referrals"

QString clinicianName(const metrics::Snapshot& snapshot, std::size_t clinician);
// The client's name, or its initials ("A. D.") when names are hidden.
QString clientName(const metrics::Snapshot& snapshot, std::size_t client, bool initials);

} // namespace caseboard::app
