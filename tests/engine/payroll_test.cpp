// Payroll (METRICS.md "Payroll (flat hourly rate)"): pay periods, then a hand-built
// period whose every number is worked out in the comments, then the demo practice,
// where payroll's counted sessions must be the dashboard's.

#include "caseboard/core/day.h"
#include "caseboard/csv/csv_reader.h"
#include "caseboard/demo/demo_practice.h"
#include "caseboard/metrics/goals_and_rates.h"
#include "caseboard/metrics/metric_settings.h"
#include "caseboard/metrics/pay_period.h"
#include "caseboard/metrics/payroll.h"
#include "caseboard/metrics/payroll_settings.h"
#include "caseboard/metrics/snapshot.h"
#include "caseboard/report/payroll_report.h"
#include "caseboard/store/store.h"

#include "fixture_builders.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

using namespace caseboard;
using namespace caseboard::metrics;

namespace {

PayPeriod period(Day first, Day last) { return {first, last}; }

const ClinicianPay& clinicianNamed(const PayrollReport& report, const std::string& name)
{
    for (const ClinicianPay& c : report.clinicians)
        if (c.name == name)
            return c;
    FAIL("no clinician row for " << name);
    return report.clinicians.front();
}

bool hasClinician(const PayrollReport& report, const std::string& name)
{
    for (const ClinicianPay& c : report.clinicians)
        if (c.name == name)
            return true;
    return false;
}

void addStaffHours(Store& store, RowId person, Day day, double hours)
{
    auto insert = store.connection().prepare("INSERT INTO staff_hours (clinician_id, day, hours) VALUES (?, ?, ?)");
    insert.bind(1, person).bind(2, toSerial(day)).bind(3, hours);
    insert.run();
}

} // namespace

TEST_CASE("payroll: semi-monthly periods run 1st-15th and 16th to the month's end", "[payroll]")
{
    const PayPeriodRule rule{PayPeriodKind::SemiMonthly, makeDay(2024, 1, 1)};
    CHECK(rule.containing(makeDay(2025, 1, 1)) == period(makeDay(2025, 1, 1), makeDay(2025, 1, 15)));
    CHECK(rule.containing(makeDay(2025, 1, 15)) == period(makeDay(2025, 1, 1), makeDay(2025, 1, 15)));
    CHECK(rule.containing(makeDay(2025, 1, 16)) == period(makeDay(2025, 1, 16), makeDay(2025, 1, 31)));
    CHECK(rule.containing(makeDay(2025, 1, 31)).days() == 16); // a 31-day month
    CHECK(rule.containing(makeDay(2025, 2, 20)) == period(makeDay(2025, 2, 16), makeDay(2025, 2, 28)));
    CHECK(rule.containing(makeDay(2024, 2, 29)) == period(makeDay(2024, 2, 16), makeDay(2024, 2, 29))); // leap
    CHECK(rule.containing(makeDay(2025, 4, 30)) == period(makeDay(2025, 4, 16), makeDay(2025, 4, 30)));

    const PayPeriod feb = rule.containing(makeDay(2025, 2, 16));
    CHECK(rule.next(feb) == period(makeDay(2025, 3, 1), makeDay(2025, 3, 15)));
    CHECK(rule.previous(feb) == period(makeDay(2025, 2, 1), makeDay(2025, 2, 15)));
    // Across a year end both ways.
    CHECK(rule.next(rule.containing(makeDay(2024, 12, 20))) == period(makeDay(2025, 1, 1), makeDay(2025, 1, 15)));
    CHECK(rule.previous(rule.containing(makeDay(2025, 1, 3))) == period(makeDay(2024, 12, 16), makeDay(2024, 12, 31)));
}

TEST_CASE("payroll: bi-weekly periods are 14 days from the anchor, before it too", "[payroll]")
{
    const PayPeriodRule rule{PayPeriodKind::BiWeekly, makeDay(2025, 3, 3)}; // a Monday
    CHECK(rule.containing(makeDay(2025, 3, 3)) == period(makeDay(2025, 3, 3), makeDay(2025, 3, 16)));
    CHECK(rule.containing(makeDay(2025, 3, 16)) == period(makeDay(2025, 3, 3), makeDay(2025, 3, 16)));
    CHECK(rule.containing(makeDay(2025, 3, 17)) == period(makeDay(2025, 3, 17), makeDay(2025, 3, 30)));
    // The day before the anchor ends the period before it; so does 14 days before.
    CHECK(rule.containing(makeDay(2025, 3, 2)) == period(makeDay(2025, 2, 17), makeDay(2025, 3, 2)));
    CHECK(rule.containing(makeDay(2025, 2, 17)) == period(makeDay(2025, 2, 17), makeDay(2025, 3, 2)));
    CHECK(rule.containing(makeDay(2025, 2, 16)) == period(makeDay(2025, 2, 3), makeDay(2025, 2, 16)));
    // Years before the anchor the periods still line up with it.
    const PayPeriod old = rule.containing(makeDay(2023, 7, 4));
    CHECK(old.days() == 14);
    CHECK(daysBetween(old.first, makeDay(2025, 3, 3)) % 14 == 0);
    CHECK(old.contains(makeDay(2023, 7, 4)));
    CHECK(rule.previous(rule.containing(makeDay(2025, 3, 3))) == period(makeDay(2025, 2, 17), makeDay(2025, 3, 2)));
    CHECK(rule.next(rule.containing(makeDay(2025, 3, 2))) == period(makeDay(2025, 3, 3), makeDay(2025, 3, 16)));
    CHECK(describePayPeriodRule(rule) == "Bi-weekly from 2025-03-03");
}

TEST_CASE("payroll settings round-trip through the settings table", "[payroll]")
{
    Store store = Store::openInMemory();
    CHECK(loadPayrollSettings(store) == PayrollSettings{});
    PayrollSettings s;
    s.periods = {PayPeriodKind::BiWeekly, makeDay(2025, 1, 6)};
    s.oneHourPerSession = true;
    s.payBillableCancels = true;
    savePayrollSettings(store, s);
    CHECK(loadPayrollSettings(store) == s);
    // The bool keys are the metric rules' keys: Team & Settings and Payroll agree.
    const MetricSettings metric = loadMetricSettings(store);
    CHECK(metric.payrollOneHourPerSession);
    CHECK(metric.payrollPaysBillableCancels);
    // A wrong value keeps the default.
    store.setSetting("payroll_period", std::string("monthly"));
    CHECK(loadPayrollSettings(store).periods.kind == PayPeriodKind::SemiMonthly);
}

TEST_CASE("payroll over a hand-built semi-monthly period", "[payroll]")
{
    // The period 2025-02-16 .. 2025-02-28 (the 16th to the end of February), T after it.
    const PayPeriod feb{makeDay(2025, 2, 16), makeDay(2025, 2, 28)};
    const Day T = makeDay(2025, 3, 5);
    Store store = Store::openInMemory();
    test::AppointmentBuilder appointment;
    appointment.durationMinutes = 53;

    // Ana: $120/h. Two 53-minute sessions, one 90-minute group of three clients (one of
    // whom no-showed), one late cancel (53 min), one session the day before the period
    // and one the day after it.
    Clinician ana;
    ana.name = "Ana";
    ana.hourlyRate = 12000;
    const RowId anaId = store.addClinician(ana);
    // Bo: on leave 02-17 .. 02-23 inside the period (a goal of 0): leave touches goals,
    // not pay. One 45-minute session before the leave, one after. No rate.
    const RowId boId = test::addClinician(store, "Bo");
    test::addGoalPeriod(store, boId, makeDay(2025, 1, 1), std::nullopt, 20);
    test::addGoalPeriod(store, boId, makeDay(2025, 2, 17), makeDay(2025, 2, 23), 0);
    // Cy left on 2025-01-31 and has nothing in the period: left out.
    Clinician cy;
    cy.name = "Cy";
    cy.endDate = makeDay(2025, 1, 31);
    cy.hourlyRate = 9000;
    const RowId cyId = store.addClinician(cy);
    // Dee: intake coordinator at $25/h with a timesheet; Eve: admin, no timesheet rows.
    Clinician dee;
    dee.name = "Dee";
    dee.role = "intake coordinator";
    dee.hourlyRate = 2500;
    const RowId deeId = store.addClinician(dee);
    Clinician eve;
    eve.name = "Eve";
    eve.role = "admin";
    eve.hourlyRate = 2200;
    store.addClinician(eve);

    const auto clients = test::addClients(store, 6);
    auto add = [&](RowId clinician, int client, Day day, int start, const std::string& status, int minutes,
                   const std::string& code = "90837") {
        appointment.durationMinutes = minutes;
        appointment.serviceCode = code;
        store.upsertAppointment(appointment(clinician, clients[static_cast<std::size_t>(client)], day, start, status));
    };
    add(anaId, 1, makeDay(2025, 2, 15), 540, "Show", 53); // before the period
    add(anaId, 1, makeDay(2025, 2, 17), 540, "Show", 53);
    add(anaId, 2, makeDay(2025, 2, 18), 600, "Show", 53);
    add(anaId, 3, makeDay(2025, 2, 19), 1080, "Show", 90, "90853"); // the group
    add(anaId, 4, makeDay(2025, 2, 19), 1080, "Show", 90, "90853");
    add(anaId, 5, makeDay(2025, 2, 19), 1080, "No Show", 90, "90853");
    add(anaId, 6, makeDay(2025, 2, 25), 660, "Late Cancel", 53);
    add(anaId, 1, makeDay(2025, 2, 26), 540, "Canceled", 53); // in advance: never paid
    add(anaId, 1, makeDay(2025, 3, 1), 540, "Show", 53);  // after the period
    add(boId, 2, makeDay(2025, 2, 16), 540, "Show", 45);
    add(boId, 2, makeDay(2025, 2, 24), 540, "Show", 45);
    add(cyId, 3, makeDay(2025, 1, 20), 540, "Show", 50); // before the period, before leaving

    // Dee's timesheet: 7.5 + 8 + 6.25 h in the period, 8 h outside it.
    addStaffHours(store, deeId, makeDay(2025, 2, 14), 8);
    addStaffHours(store, deeId, makeDay(2025, 2, 17), 7.5);
    addStaffHours(store, deeId, makeDay(2025, 2, 18), 8);
    addStaffHours(store, deeId, makeDay(2025, 2, 28), 6.25);
    // Bo also logged 2 h of admin work: anyone with timesheet hours is on the staff table.
    addStaffHours(store, boId, makeDay(2025, 2, 20), 2);

    const Snapshot snapshot = loadSnapshot(store);
    const MetricSettings metricSettings;
    const auto people = loadPayrollPeople(store.connection(), feb);

    SECTION("durations, billable cancels not paid")
    {
        const PayrollReport r = computePayroll(snapshot, metricSettings, PayrollSettings{}, people, feb, T);
        REQUIRE(r.clinicians.size() == 2);
        CHECK_FALSE(hasClinician(r, "Cy"));
        const ClinicianPay& a = clinicianNamed(r, "Ana");
        // Counted: 02-17, 02-18, the group once = 3. Billable cancel: the late cancel (the
        // group's no-show shares a held slot, so it is not a cancelled session).
        CHECK(a.countedSessions == 3);
        CHECK(a.billableCancels == 1);
        CHECK_FALSE(a.billableCancelsPaid);
        CHECK(a.paidSessions == 3);
        CHECK(a.paidMinutes == 53 + 53 + 90); // the group is paid once, 90 minutes
        CHECK(a.pay == Cents{39200});         // 196 min x $120/h = $392.00
        const ClinicianPay& b = clinicianNamed(r, "Bo");
        CHECK(b.countedSessions == 2); // leave inside the period changes nothing
        CHECK(b.paidMinutes == 90);
        CHECK(b.missingRate());
        CHECK_FALSE(b.pay.has_value());

        REQUIRE(r.staff.size() == 3);
        CHECK(r.staff[0].name == "Bo");
        CHECK(r.staff[0].minutes == 120);
        CHECK(r.staff[1].name == "Dee");
        CHECK(r.staff[1].minutes == (7 * 60 + 30) + 8 * 60 + (6 * 60 + 15)); // 21.75 h
        CHECK(r.staff[1].days == 3);
        CHECK(r.staff[1].pay == Cents{54375}); // 21.75 h x $25 = $543.75
        CHECK(r.staff[2].name == "Eve");       // admin on staff, no timesheet: 0 h
        CHECK(r.staff[2].minutes == 0);
        CHECK(r.staff[2].pay == Cents{0});

        CHECK(r.totals.countedSessions == 5);
        CHECK(r.totals.billableCancels == 1);
        CHECK(r.totals.clinicianMinutes == 196 + 90);
        CHECK(r.totals.staffMinutes == 120 + 1305);
        CHECK(r.totals.clinicianPay == 39200);
        CHECK(r.totals.staffPay == 54375);
        CHECK(r.totals.pay() == 93575);
        CHECK(r.totals.missingRates == 2); // Bo, twice: sessions and timesheet
        CHECK(r.periodComplete());
        CHECK(formatHours(r.totals.clinicianMinutes) == "4.77");
    }

    SECTION("billable cancels paid")
    {
        PayrollSettings s;
        s.payBillableCancels = true;
        const PayrollReport r = computePayroll(snapshot, metricSettings, s, people, feb, T);
        const ClinicianPay& a = clinicianNamed(r, "Ana");
        CHECK(a.countedSessions == 3); // the metric's count does not move
        CHECK(a.billableCancelsPaid);
        CHECK(a.paidSessions == 4);
        CHECK(a.paidMinutes == 196 + 53);
        CHECK(a.pay == Cents{49800}); // 249 min x $120/h
    }

    SECTION("one hour per session")
    {
        PayrollSettings s;
        s.oneHourPerSession = true;
        const PayrollReport r = computePayroll(snapshot, metricSettings, s, people, feb, T);
        CHECK(clinicianNamed(r, "Ana").paidMinutes == 3 * 60);
        CHECK(clinicianNamed(r, "Ana").pay == Cents{36000});
        CHECK(clinicianNamed(r, "Bo").paidMinutes == 2 * 60);
        s.payBillableCancels = true;
        CHECK(clinicianNamed(computePayroll(snapshot, metricSettings, s, people, feb, T), "Ana").pay == Cents{48000});
    }

    SECTION("a group counted per client when the practice says so")
    {
        MetricSettings perClient;
        perClient.countGroupClientsSeparately = true;
        const PayrollReport r = computePayroll(snapshot, perClient, PayrollSettings{}, people, feb, T);
        CHECK(clinicianNamed(r, "Ana").countedSessions == 4);
        // The no-show in the group is its own session now, and a billable cancel.
        CHECK(clinicianNamed(r, "Ana").billableCancels == 2);
    }

    SECTION("an unfinished period counts sessions up to T only")
    {
        const Day midPeriod = makeDay(2025, 2, 18);
        const PayrollReport r = computePayroll(snapshot, metricSettings, PayrollSettings{}, people, feb, midPeriod);
        CHECK_FALSE(r.periodComplete());
        CHECK(r.sessionsThrough == midPeriod);
        CHECK(clinicianNamed(r, "Ana").countedSessions == 2);
        CHECK(clinicianNamed(r, "Bo").countedSessions == 1);
    }

    SECTION("the CSV for the payroll provider: one row per person, the engine's numbers")
    {
        PayrollSettings s;
        s.payBillableCancels = true;
        const PayrollReport r = computePayroll(snapshot, metricSettings, s, people, feb, T);
        std::istringstream in(report::payrollCsv(r));
        std::vector<std::vector<std::string>> rows;
        const auto result = csv::readCsv(in, {}, [&](const csv::Row& row) {
            rows.emplace_back(row.fields.begin(), row.fields.end());
            return csv::RowAction::Continue;
        });
        CHECK(result.outcome == csv::ReadOutcome::Completed);
        REQUIRE(rows.size() == 1 + 4); // Ana, Bo (sessions and timesheet on one row), Dee, Eve
        CHECK(rows[0] == report::payrollCsvHeader());
        CHECK(rows[1] == std::vector<std::string>{"Ana", "clinician", "2025-02-16", "2025-02-28", "3", "1", "yes",
                                                  "4.15", "0.00", "4.15", "120.00", "498.00"});
        CHECK(rows[2] == std::vector<std::string>{"Bo", "clinician", "2025-02-16", "2025-02-28", "2", "0", "yes",
                                                  "1.50", "2.00", "3.50", "", ""});
        CHECK(rows[3] == std::vector<std::string>{"Dee", "intake coordinator", "2025-02-16", "2025-02-28", "0", "0",
                                                  "", "0.00", "21.75", "21.75", "25.00", "543.75"});
        CHECK(rows[4][0] == "Eve");
        Cents total = 0;
        for (const report::PayrollLine& line : report::payrollLines(r))
            total += line.pay.value_or(0);
        CHECK(total == r.totals.pay());

        const std::string text = report::payrollText(r);
        CHECK(text.find("Payroll 2025-02-16 to 2025-02-28 (13 days)") != std::string::npos);
        CHECK(text.find("$498.00") != std::string::npos);
        CHECK(text.find("no rate") != std::string::npos);
        CHECK(text.find(formatCentsDisplay(r.totals.pay())) != std::string::npos);
    }

    SECTION("a name that looks like a formula is written as text")
    {
        std::vector<PayrollPerson> tricky = people;
        for (PayrollPerson& p : tricky)
            if (p.name == "Dee")
                p.name = "=HYPERLINK(\"x\")";
        const PayrollReport r = computePayroll(snapshot, metricSettings, PayrollSettings{}, tricky, feb, T);
        CHECK(report::payrollCsv(r).find("'=HYPERLINK") != std::string::npos);
    }

    SECTION("a period after T counts nothing yet; timesheet hours still show")
    {
        const Day before = makeDay(2025, 2, 10);
        const PayrollReport r = computePayroll(snapshot, metricSettings, PayrollSettings{}, people, feb, before);
        CHECK_FALSE(r.periodStarted());
        CHECK(r.totals.countedSessions == 0);
        CHECK(r.totals.clinicianMinutes == 0);
        CHECK(r.totals.staffMinutes == 120 + 1305); // a timesheet is what was submitted, not a schedule
        CHECK(report::payrollText(r).find("no sessions are counted yet") != std::string::npos);
    }

    SECTION("counted sessions equal countedSessionsByClinician")
    {
        const PayrollReport r = computePayroll(snapshot, metricSettings, PayrollSettings{}, people, feb, T);
        const auto expected = countedSessionsByClinician(snapshot, metricSettings, T, Window{feb.first, feb.last});
        for (const ClinicianPay& c : r.clinicians)
            CHECK(c.countedSessions == expected[*snapshot.clinicianIndex(c.clinicianId)]);
    }
}

TEST_CASE("payroll: pay rounds to the nearest cent", "[payroll]")
{
    CHECK(payForMinutes(50, 12000) == 10000);
    CHECK(payForMinutes(53, 10000) == 8833); // 8833.33
    CHECK(payForMinutes(1, 10) == 0);        // 0.1667
    CHECK(payForMinutes(3, 10) == 1);        // 0.5 rounds up
    CHECK(formatHours(50) == "0.83");
    CHECK(formatHours(0) == "0.00");
    CHECK(formatHours(605) == "10.08");
}

TEST_CASE("demo practice: payroll's counted sessions are the dashboard's in every period", "[payroll]")
{
    Store store = Store::openInMemory();
    DemoOptions options;
    options.end = makeDay(2025, 6, 15);
    options.years = 1;
    options.clinicians = 8;
    options.clients = 400;
    generateDemoPractice(store, options);
    const Snapshot snapshot = loadSnapshot(store);
    const Day T = options.end;

    for (const PayPeriodKind kind : {PayPeriodKind::SemiMonthly, PayPeriodKind::BiWeekly}) {
        for (const bool merge : {true, false}) {
            PayrollSettings settings;
            settings.periods = {kind, makeDay(2024, 1, 1)};
            MetricSettings metricSettings;
            metricSettings.countGroupClientsSeparately = !merge;
            PayPeriod p = settings.periods.containing(T);
            for (int back = 0; back < 8; ++back, p = settings.periods.previous(p)) {
                const auto people = loadPayrollPeople(store.connection(), p);
                const PayrollReport r = computePayroll(snapshot, metricSettings, settings, people, p, T);
                const auto expected = countedSessionsByClinician(snapshot, metricSettings, T, Window{p.first, p.last});
                std::int64_t expectedTotal = 0;
                for (std::size_t c = 0; c < expected.size(); ++c) {
                    expectedTotal += expected[c];
                    if (expected[c] > 0)
                        CHECK(hasClinician(r, snapshot.clinicians[c].name));
                }
                for (const ClinicianPay& c : r.clinicians) {
                    CHECK(c.countedSessions == expected[*snapshot.clinicianIndex(c.clinicianId)]);
                    CHECK(c.paidSessions == c.countedSessions); // default: no billable cancel is counted
                    if (c.hourlyRate)
                        CHECK(c.pay == payForMinutes(c.paidMinutes, *c.hourlyRate));
                }
                CHECK(r.totals.countedSessions == expectedTotal);
            }
        }
    }
}
