#pragma once
// A typed value in the settings table. Settings that change numbers live in the
// database so that the numbers travel with the file.

#include "caseboard/core/day.h"

#include <cstdint>
#include <string>
#include <variant>

namespace caseboard {

using SettingValue = std::variant<bool, std::int64_t, double, std::string, Day>;

} // namespace caseboard
