#pragma once
// Small builders the engine tests share for hand-made practices.

#include "caseboard/store/store.h"

#include <string>

namespace caseboard::test {

inline RowId addClinician(Store& store, const std::string& name, const std::string& type = {},
                          const std::string& location = {}, const std::string& supervisor = {})
{
    Clinician c;
    c.name = name;
    c.clinicianType = type;
    c.location = location;
    c.supervisor = supervisor;
    return store.addClinician(c);
}

} // namespace caseboard::test
