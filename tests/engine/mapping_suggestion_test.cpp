// The mapping step's first guess: another EHR's headers matched to the generic layout.

#include "caseboard/import/mapping_suggestion.h"

#include <catch2/catch.hpp>

using namespace caseboard::import;

TEST_CASE("a TherapyNotes-style header gets the mapping an admin would write", "[import][mapping]")
{
    const ColumnMapping suggested =
        suggestMapping({"Visit #", "Service Date", "Patient", "Therapist", "Visit Status", "Charge Fee", "Amount"});
    CHECK(suggested
          == ColumnMapping{{"Appointment ID", "Visit #"}, {"Date", "Service Date"}, {"Client", "Patient"},
                           {"Clinician", "Therapist"},    {"Status", "Visit Status"}, {"Fee", "Amount"},
                           {"Charge Fee", "Charge Fee"}});
}

TEST_CASE("a suggested mapping uses each header once and leaves unknown ones out", "[import][mapping]")
{
    const ColumnMapping suggested = suggestMapping(
        {"patient_id", "PATIENT NAME", "Provider", "date of service", "Time", "Outcome", "Room", "Colour"});
    CHECK(suggested.at("Client ID") == "patient_id");
    CHECK(suggested.at("Client") == "PATIENT NAME");
    CHECK(suggested.at("Clinician") == "Provider");
    CHECK(suggested.at("Date") == "date of service");
    CHECK(suggested.at("Start Time") == "Time");
    CHECK(suggested.at("Status") == "Outcome");
    CHECK(suggested.at("Location") == "Room");
    CHECK(suggested.size() == 7);

    // The generic layout's own headers map to themselves.
    const ColumnMapping own = suggestMapping(std::vector<std::string>(kCaseboardAppointmentColumns));
    CHECK(own.size() == kCaseboardAppointmentColumns.size());
    for (const auto& [field, header] : own)
        CHECK(field == header);
    CHECK(suggestMapping({}).empty());
}
