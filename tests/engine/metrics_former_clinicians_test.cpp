// A clinician who has left: their row is marked off staff, so views and reports leave
// it out, while their past appointments still count for the practice.

#include "caseboard/metrics/dashboard.h"
#include "caseboard/report/dashboard_report.h"
#include "caseboard/store/store.h"

#include "fixture_builders.h"

#include <catch2/catch.hpp>

using namespace caseboard;
using namespace caseboard::metrics;

TEST_CASE("a former clinician is off staff from the day after the last 7 days", "[metrics][report]")
{
    // T = 2025-06-30; the last 7 days are [06-24, 06-30].
    const Day T = makeDay(2025, 6, 30);
    Store store = Store::openInMemory();
    const RowId stays = test::addClinician(store, "Stays");
    Clinician left;
    left.name = "Left";
    left.endDate = makeDay(2025, 6, 23); // the day before the window: off staff
    const RowId leftId = store.addClinician(left);
    Clinician lastWeek;
    lastWeek.name = "Left this week";
    lastWeek.endDate = makeDay(2025, 6, 24); // inside the window: still shown
    store.addClinician(lastWeek);

    const RowId client = test::addClient(store, "c1", "Client 1");
    test::AppointmentBuilder appointment;
    store.upsertAppointment(appointment(leftId, client, makeDay(2025, 6, 2), 9 * 60, "Show"));
    store.upsertAppointment(appointment(stays, client, makeDay(2025, 6, 26), 9 * 60, "Show"));

    const Snapshot snapshot = loadSnapshot(store);
    const Dashboard d = computeDashboard(snapshot, MetricSettings{}, T);
    REQUIRE(d.clinicians.size() == 3);
    CHECK(d.clinicians[0].onStaff);
    CHECK_FALSE(d.clinicians[1].onStaff);
    CHECK(d.clinicians[2].onStaff);
    // Left's session still counts for the practice: the client is active (06-26 with Stays)
    // and the pair with Left has its intake on 06-02.
    CHECK(d.summary.activeClients == 1);
    CHECK(d.intakesPerMonth.back().count == 1); // the client's first session with anyone: June

    const nlohmann::json json = report::dashboardJson(snapshot, d);
    CHECK(json["clinicians"][1]["on_staff"] == false);
    const std::string text = report::dashboardText(snapshot, d);
    CHECK(text.find("Left this week") != std::string::npos);
    CHECK(text.find("1 former clinician not shown") != std::string::npos);
}
