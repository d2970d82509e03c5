#pragma once
// The Clients view's filters, composed: every set criterion must hold. A plain value, so
// the view builds it from its widgets and the tests build it by hand.

#include "caseboard/metrics/pair_facts.h"
#include "caseboard/metrics/retention.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace caseboard::app {

struct ClientsResult;

struct ClientsFilter {
    std::optional<std::size_t> clinician; // index into Snapshot::clinicians
    std::optional<std::string> location;  // the clinician's location, exact
    std::optional<std::string> supervisor; // the clinician's supervisor, exact
    std::int32_t intakeFrom = metrics::kNoDay; // day serials, inclusive; kNoDay = open
    std::int32_t intakeTo = metrics::kNoDay;
    std::optional<metrics::PairStatus> status;
    bool noNextAppointment = false;
    QString text; // words that must all appear in the client's or clinician's name

    bool operator==(const ClientsFilter&) const = default;
    bool hasIntakeRange() const { return intakeFrom != metrics::kNoDay || intakeTo != metrics::kNoDay; }
};

// True when the pair passes every criterion of the filter.
bool acceptsPair(const ClientsResult& result, const ClientsFilter& filter, const QStringList& words, std::size_t pair);

// The filter's text split into lower-case words.
QStringList filterWords(const QString& text);

} // namespace caseboard::app
