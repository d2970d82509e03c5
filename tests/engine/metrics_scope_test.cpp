// Scopes (metrics/scope.h) and group sessions without a start time.

#include "caseboard/metrics/goals_and_rates.h"
#include "caseboard/metrics/scope.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/store/store.h"

#include "fixture_builders.h"

#include <catch2/catch.hpp>

#include <string>

using namespace caseboard;
using namespace caseboard::metrics;

namespace {

using test::addClinician;

} // namespace

TEST_CASE("clinician mask of each kind of scope", "[metrics]")
{
    Store store = Store::openInMemory();
    addClinician(store, "Ava", "LCSW", "North", "Sam");
    addClinician(store, "Ben", "LPC", "South", "Sam");
    addClinician(store, "Cleo", "LCSW", "South", "Uma");
    const Snapshot s = loadSnapshot(store);

    CHECK(clinicianMask(s, Scope::practice()) == ClinicianMask{1, 1, 1});
    CHECK(clinicianMask(s, Scope::oneClinician(1)) == ClinicianMask{0, 1, 0});
    CHECK(clinicianMask(s, Scope::location("South")) == ClinicianMask{0, 1, 1});
    CHECK(clinicianMask(s, Scope::supervisor("Sam")) == ClinicianMask{1, 1, 0});
    CHECK(clinicianMask(s, Scope::clinicianType("LCSW")) == ClinicianMask{1, 0, 1});
    CHECK(clinicianMask(s, Scope::location("Nowhere")) == ClinicianMask{0, 0, 0});
    CHECK(clinicianMask(s, Scope::oneClinician(7)) == ClinicianMask{0, 0, 0}); // out of range: nobody
}

TEST_CASE("group sessions without a start time", "[metrics]")
{
    Store store = Store::openInMemory();
    const RowId ava = addClinician(store, "Ava", "LCSW", "North", "Sam");
    RowId clients[5] = {};
    for (int i = 0; i < 5; ++i) {
        Client c;
        c.sourceSystem = "test";
        c.sourceKey = "k" + std::to_string(i);
        c.displayName = "n";
        clients[i] = store.upsertClient(c).id;
    }
    const Day d = makeDay(2025, 5, 5);
    int key = 0;
    auto add = [&](int client, const std::string& code) {
        Appointment a;
        a.sourceSystem = "test";
        a.sourceKey = "a" + std::to_string(++key);
        a.clientId = clients[client];
        a.clinicianId = ava;
        a.date = d;
        a.serviceCode = code;
        a.status = StatusCategory::Completed;
        store.upsertAppointment(a); // no start minute
    };
    // Three 90853 rows with no start time on one day: one group session. Two individual
    // rows with no start time: nothing says they were together, so two sessions. Total 3.
    add(0, "90853");
    add(1, "90837");
    add(2, "90853");
    add(3, "90837");
    add(4, "90853");
    const Snapshot s = loadSnapshot(store);
    const MetricSettings settings;
    CHECK(countedSessions(s, settings, d, Scope::practice(), Window{d, d}) == 3);
    MetricSettings each;
    each.countGroupClientsSeparately = true;
    CHECK(countedSessions(s, each, d, Scope::practice(), Window{d, d}) == 5);
}
