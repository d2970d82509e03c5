#pragma once
// A first guess at the generic layout's column mapping for a file from a system without
// a preset ("Service Date" for Date, "Patient" for Client, "Therapist" for Clinician),
// so the wizard's mapping step opens filled in and the admin only corrects it.

#include "caseboard/import/preset.h"

#include <string>
#include <vector>

namespace caseboard::import {

// Field -> the header that most likely holds it; fields with no likely header are left
// out. A header is used for one field at most.
ColumnMapping suggestMapping(const std::vector<std::string>& header);

} // namespace caseboard::import
