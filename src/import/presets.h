#pragma once
// The built-in presets, one file each. Private to the importer: the rest of the program
// reaches them through PresetCatalog.

#include "caseboard/import/preset.h"

#include <initializer_list>
#include <memory>

namespace caseboard::import {

std::unique_ptr<Preset> makeCaseboardAppointmentsPreset(std::string name, ColumnMapping mapping);
std::unique_ptr<Preset> makeCaseboardTeamPreset();
std::unique_ptr<Preset> makeSimplePracticeAttendancePreset();
std::unique_ptr<Preset> makeSimplePracticeAppointmentStatusPreset();
std::unique_ptr<Preset> makeSimplePracticeClientDetailsPreset();
std::unique_ptr<Preset> makeSimplePracticeIncomeAllocationPreset();
std::unique_ptr<Preset> makeStaffTimesheetPreset();

// Scores a header against a layout's typical columns: the share of them present, with
// the required ones (each a list of acceptable names) reported when missing.
HeaderMatch scoreHeader(const ColumnLayout& header, std::initializer_list<std::string_view> typical,
                        std::initializer_list<std::initializer_list<std::string_view>> required);

// The source system SimplePractice rows are stored under.
inline constexpr const char* kSimplePractice = "simplepractice";

} // namespace caseboard::import
