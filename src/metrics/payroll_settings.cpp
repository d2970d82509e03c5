#include "caseboard/metrics/payroll_settings.h"

#include "caseboard/store/store.h"

#include <spdlog/spdlog.h>

#include <string>
#include <variant>

namespace caseboard::metrics {

namespace {

void readBool(Store& store, const char* key, bool& field)
{
    const auto value = store.setting(key);
    if (!value)
        return;
    if (const auto* flag = std::get_if<bool>(&*value))
        field = *flag;
    else if (const auto* number = std::get_if<std::int64_t>(&*value); number && (*number == 0 || *number == 1))
        field = *number == 1;
    else
        spdlog::warn("setting {} has a value of the wrong type; the default is used", key);
}

} // namespace

PayrollSettings loadPayrollSettings(Store& store)
{
    PayrollSettings settings;
    if (const auto value = store.setting("payroll_period")) {
        const auto* text = std::get_if<std::string>(&*value);
        if (const auto kind = text ? payPeriodKindFromKey(*text) : std::nullopt)
            settings.periods.kind = *kind;
        else
            spdlog::warn("setting payroll_period is neither semi_monthly nor bi_weekly; semi_monthly is used");
    }
    if (const auto value = store.setting("payroll_anchor")) {
        if (const auto* day = std::get_if<Day>(&*value))
            settings.periods.anchor = *day;
        else if (const auto* text = std::get_if<std::string>(&*value); text && parseIsoDay(*text))
            settings.periods.anchor = *parseIsoDay(*text);
        else
            spdlog::warn("setting payroll_anchor is not a day; the default anchor is used");
    }
    readBool(store, "payroll_one_hour_per_session", settings.oneHourPerSession);
    readBool(store, "payroll_pays_billable_cancels", settings.payBillableCancels);
    return settings;
}

void savePayrollSettings(Store& store, const PayrollSettings& settings)
{
    store.setSetting("payroll_period", std::string(payPeriodKindKey(settings.periods.kind)));
    store.setSetting("payroll_anchor", settings.periods.anchor);
    store.setSetting("payroll_one_hour_per_session", settings.oneHourPerSession);
    store.setSetting("payroll_pays_billable_cancels", settings.payBillableCancels);
}

} // namespace caseboard::metrics
