// Year over year as JSON, text and CSV. The CSV cells are the JSON's numbers, so the two
// cannot drift apart.

#include "caseboard/report/trends_report.h"

#include "caseboard/core/day.h"
#include "caseboard/core/money.h"
#include "caseboard/csv/csv_writer.h"
#include "caseboard/metrics/trend_metric.h"
#include "report_support.h"
#include "text_table.h"

#include <cmath>
#include <cstdio>
#include <sstream>
#include <type_traits>
#include <utility>
#include <vector>

namespace caseboard::report {

namespace {

using nlohmann::json;
using namespace caseboard::metrics;

constexpr std::string_view kUndefined = "\u2014"; // an em dash, as the GUI shows it

json valueJson(TrendMetric metric, const std::optional<double>& value)
{
    if (!value)
        return nullptr;
    switch (trendMetricUnit(metric)) {
    case TrendUnit::Count: return static_cast<std::int64_t>(std::llround(*value));
    case TrendUnit::Dollars: return detail::roundToCents(*value);
    case TrendUnit::Rate:
    case TrendUnit::Average: break;
    }
    return *value;
}

template <typename Figures>
json figuresJson(const Figures& figures)
{
    json out = json::object();
    for (TrendMetric metric : kTrendMetrics)
        if constexpr (std::is_same_v<Figures, MonthFigures>) {
            if (hasMonthlyValue(metric))
                out[std::string(trendMetricKey(metric))] = valueJson(metric, trendValue(figures, metric));
        } else {
            out[std::string(trendMetricKey(metric))] = valueJson(metric, trendValue(figures, metric));
        }
    return out;
}

std::string_view groupByKey(Scope::Kind kind)
{
    switch (kind) {
    case Scope::Kind::Location: return "location";
    case Scope::Kind::Supervisor: return "supervisor";
    case Scope::Kind::ClinicianType: return "clinician_type";
    case Scope::Kind::Practice:
    case Scope::Kind::Clinician: break;
    }
    return "practice";
}

json scopeJson(const ScopeTrends& s)
{
    json periods = json::array();
    for (const PeriodFigures& f : s.periods)
        periods.push_back(figuresJson(f));
    json months = json::array();
    for (const MonthFigures& m : s.months) {
        if (m.afterAsOf)
            continue;
        json month = figuresJson(m);
        month["month"] = detail::isoMonth(m.year, m.month);
        months.push_back(std::move(month));
    }
    json intakes = json::array();
    for (const IntakeMonthComparison& c : compareIntakeMonths(s.intakeMonths, 13))
        intakes.push_back({{"month", detail::isoMonth(c.year, c.month)},
                           {"intakes", c.intakes},
                           {"previous_12_average", c.previous12Average ? json(*c.previous12Average) : json(nullptr)},
                           {"same_month_last_year", c.sameMonthLastYear ? json(*c.sameMonthLastYear) : json(nullptr)}});
    json out{{"group_by", std::string(groupByKey(s.scope.kind))},
             {"periods", std::move(periods)},
             {"months", std::move(months)},
             {"intakes_per_month", std::move(intakes)}};
    if (s.scope.kind != Scope::Kind::Practice)
        out["name"] = s.scope.value;
    return out;
}

json groupsJson(const std::vector<ScopeTrends>& groups)
{
    json out = json::array();
    for (const ScopeTrends& g : groups)
        out.push_back(scopeJson(g));
    return out;
}

std::string formatValue(TrendMetric metric, const std::optional<double>& value)
{
    if (!value)
        return std::string(kUndefined);
    char text[32];
    switch (trendMetricUnit(metric)) {
    case TrendUnit::Count: return formatWithThousands(static_cast<std::int64_t>(std::llround(*value)));
    case TrendUnit::Dollars: return formatCentsDisplay(detail::toCents(*value));
    case TrendUnit::Rate: std::snprintf(text, sizeof text, "%.1f%%", *value * 100.0); return text;
    case TrendUnit::Average: std::snprintf(text, sizeof text, "%.1f", *value); return text;
    }
    return {};
}

std::string formatChange(TrendMetric metric, const std::optional<double>& change)
{
    if (!change)
        return std::string(kUndefined);
    char text[32];
    if (trendMetricUnit(metric) == TrendUnit::Rate)
        std::snprintf(text, sizeof text, "%+.1f pts", *change * 100.0);
    else
        std::snprintf(text, sizeof text, "%+.1f%%", *change * 100.0);
    return text;
}

void yearTable(std::string& out, const YearOverYear& y, const ScopeTrends& s)
{
    std::vector<detail::TextColumn> columns{{"", detail::Align::Left}};
    for (const YearPeriod& p : y.periods)
        columns.push_back({periodLabel(p), detail::Align::Right});
    columns.push_back({"Change", detail::Align::Right});
    detail::TextTable table(std::move(columns));
    const std::size_t n = y.periods.size();
    for (TrendMetric metric : kTrendMetrics) {
        std::vector<std::string> row{std::string(trendMetricLabel(metric))};
        for (const PeriodFigures& f : s.periods)
            row.push_back(formatValue(metric, trendValue(f, metric)));
        row.push_back(formatChange(metric, trendChange(metric, trendValue(s.periods[n - 2], metric),
                                                       trendValue(s.periods[n - 1], metric))));
        table.addRow(std::move(row));
    }
    table.render(out, "  ");
}

} // namespace

nlohmann::json trendsJson(const YearOverYear& y)
{
    json periods = json::array();
    for (const YearPeriod& p : y.periods)
        periods.push_back({{"kind", std::string(periodKindKey(p.kind))},
                           {"year", p.year},
                           {"label", periodLabel(p)},
                           {"from", formatIsoDay(p.window.from)},
                           {"to", formatIsoDay(p.window.to)}});
    return {
        {"format_version", 1},
        {"as_of", formatIsoDay(y.asOf)},
        {"periods", std::move(periods)},
        {"practice", scopeJson(y.practice)},
        {"locations", groupsJson(y.locations)},
        {"supervisors", groupsJson(y.supervisors)},
        {"clinician_types", groupsJson(y.clinicianTypes)},
    };
}

std::string trendsText(const YearOverYear& y)
{
    std::string out = "Year over year, as of " + formatIsoDay(y.asOf) + "\n";
    for (const YearPeriod& p : y.periods)
        if (p.partialHistory) {
            out += "* the practice's history starts during this year: the column covers fewer days\n";
            break;
        }
    out += "\nPractice\n";
    yearTable(out, y, y.practice);
    const std::pair<const char*, Scope::Kind> kinds[] = {{"Location", Scope::Kind::Location},
                                                         {"Supervisor", Scope::Kind::Supervisor},
                                                         {"Clinician type", Scope::Kind::ClinicianType}};
    for (const auto& kind : kinds)
        for (const ScopeTrends& g : y.groups(kind.second)) {
            out += "\n" + std::string(kind.first) + ": "
                + (g.scope.value.empty() ? std::string("(none)") : detail::terminalSafe(g.scope.value)) + "\n";
            yearTable(out, y, g);
        }

    out += "\nIntakes per month (practice: clients new to the practice)\n";
    detail::TextTable intakes({{"Month", detail::Align::Left},
                               {"Intakes", detail::Align::Right},
                               {"Previous 12 months, average", detail::Align::Right},
                               {"Same month last year", detail::Align::Right}});
    for (const IntakeMonthComparison& c : compareIntakeMonths(y.practice.intakeMonths, 13)) {
        char average[32] = "\u2014";
        if (c.previous12Average)
            std::snprintf(average, sizeof average, "%.1f", *c.previous12Average);
        intakes.addRow({detail::isoMonth(c.year, c.month), formatWithThousands(c.intakes), average,
                        c.sameMonthLastYear ? formatWithThousands(*c.sameMonthLastYear) : std::string(kUndefined)});
    }
    intakes.render(out, "  ");
    return out;
}

std::string trendsCsv(const YearOverYear& y)
{
    const json report = trendsJson(y);
    std::ostringstream text;
    {
        csv::CsvWriter out(text);
        out.writeText("group_by").writeText("group").writeText("period").writeText("year").writeText("from").writeText(
            "to");
        for (TrendMetric metric : kTrendMetrics)
            out.writeText(trendMetricKey(metric));
        out.endRow();
        const auto writeScope = [&](const json& scope) {
            const json& periods = report.at("periods");
            for (std::size_t p = 0; p < periods.size(); ++p) {
                const json& period = periods[p];
                out.writeText(scope.at("group_by").get<std::string>());
                out.writeText(scope.contains("name") ? scope.at("name").get<std::string>() : std::string());
                out.writeText(period.at("kind").get<std::string>());
                out.writeNumber(period.at("year").get<std::int64_t>());
                out.writeText(period.at("from").get<std::string>());
                out.writeText(period.at("to").get<std::string>());
                const json& figures = scope.at("periods")[p];
                for (TrendMetric metric : kTrendMetrics) {
                    const json& value = figures.at(std::string(trendMetricKey(metric)));
                    if (value.is_null())
                        out.writeText("");
                    else
                        out.writeNumber(value.dump());
                }
                out.endRow();
            }
        };
        writeScope(report.at("practice"));
        for (const char* key : {"locations", "supervisors", "clinician_types"})
            for (const json& g : report.at(key))
                writeScope(g);
    }
    return text.str();
}

} // namespace caseboard::report
