#include "trends_pdf.h"

#include "chart_colors.h"
#include "display_format.h"
#include "trend_charts.h"
#include "trends_format.h"
#include "year_table_model.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDate>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QImage>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

#include <cmath>
#include <functional>

namespace caseboard::app {

namespace {

using metrics::Scope;
using metrics::TrendMetric;

QString tr(const char* text) { return QCoreApplication::translate("caseboard::app::TrendsPdf", text); }

// Chart sizes in the document's units (1/96 inch): two side by side fill a landscape
// Letter page between half-inch margins.
constexpr int kPageWidth = 960;  // 10 inches: Letter landscape less half-inch margins
constexpr int kPageHeight = 720; // 7.5 inches
constexpr int kHalfWidth = 470;
constexpr int kFullWidth = 950;
constexpr int kChartHeight = 250;
// Pixels per document unit in the images: sharp when printed, small enough to stay light.
constexpr int kImageScale = 3;

// Paper is white whatever the screen's theme: the light theme's chart colours, fixed here.
ChartColors paperColors()
{
    ChartColors c;
    c.background = QColor(0xFF, 0xFF, 0xFF);
    c.text = QColor(0x1D, 0x29, 0x39);
    c.muted = QColor(0x66, 0x70, 0x85);
    c.grid = QColor(0xE4, 0xE7, 0xEC);
    c.counted = QColor(0x00, 0x72, 0xB2);       // blue
    c.countedToDate = QColor(0x8C, 0xC0, 0xDC); // the same blue, faded
    c.goal = QColor(0xE6, 0x9F, 0x00);          // orange
    c.cancelled = QColor(0x56, 0xB4, 0xE9);
    c.lateCancel = QColor(0xE6, 0x9F, 0x00);
    c.noShow = QColor(0xD5, 0x5E, 0x00);
    c.activeClients = QColor(0x00, 0x9E, 0x73);
    return c;
}

// A change's ink on paper: the signal hues darkened for white, as signalInk does in the light theme.
QString changeInk(bool good) { return good ? QStringLiteral("#007756") : QStringLiteral("#A04700"); }

QImage renderChart(const std::function<void(QChart*, const QFont&)>& build, QSize size)
{
    // A real chart view, laid out but never on screen, so the PDF shows exactly what the view does.
    QChartView view;
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.setRenderHint(QPainter::Antialiasing);
    view.setFrameShape(QFrame::NoFrame);
    view.resize(size);
    QFont font = QApplication::font();
    font.setPointSizeF(8.5);
    build(view.chart(), font);
    view.show();
    QCoreApplication::sendPostedEvents();
    QImage image(size * kImageScale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(kImageScale);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    // The scene, not the widget: QWidget::render would scale the image's pixel ratio in
    // twice. The chart fills the scene rectangle the view gave it.
    const QRectF area(QPointF(0, 0), QSizeF(size));
    view.scene()->render(&painter, area, area);
    painter.end();
    view.hide();
    return image;
}

QString escaped(const QString& text) { return text.toHtmlEscaped(); }

// `padding` 4 for the practice's table; the three group tables share a page with 2.
QString tableHtml(const metrics::YearOverYear& trends, const std::vector<YearTableColumn>& columns, int padding = 4)
{
    QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"%1\" "
                                  "style=\"border-collapse: collapse; margin-bottom: 4px;\">")
                       .arg(padding);
    html += QStringLiteral("<tr><th align=\"left\" style=\"border-bottom: 1px solid #98a2b3;\">%1</th>")
                .arg(tr("Figure"));
    for (const YearTableColumn& c : columns)
        html += QStringLiteral("<th align=\"right\" style=\"border-bottom: 1px solid #98a2b3;\">%1</th>")
                    .arg(escaped(c.title));
    html += QStringLiteral("</tr>");
    bool shaded = false;
    for (TrendMetric metric : metrics::kTrendMetrics) {
        html += shaded ? QStringLiteral("<tr style=\"background-color: #f2f4f7;\">") : QStringLiteral("<tr>");
        shaded = !shaded;
        html += QStringLiteral("<td>%1</td>").arg(escaped(trendMetricTitle(metric)));
        for (const YearTableColumn& c : columns) {
            const std::optional<double> value = yearTableValue(trends, c, metric);
            QString text = c.change ? formatTrendChange(metric, value) : formatTrendValue(metric, value);
            QString style;
            if (c.change && value && std::abs(*value) >= 0.0005)
                style = QStringLiteral(" style=\"color: %1;\"").arg(changeInk((*value > 0) == higherIsBetter(metric)));
            html += QStringLiteral("<td align=\"right\"%1>%2</td>").arg(style, escaped(text));
        }
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

// More groups than fit across the page (a practice with thirty supervisors): one row per
// group instead, each figure over its change.
constexpr std::size_t kMaxGroupColumns = 5;

QString groupRowsHtml(const metrics::YearOverYear& trends, Scope::Kind kind, std::size_t period)
{
    QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\" "
                                  "style=\"border-collapse: collapse; margin-bottom: 4px;\"><tr>"
                                  "<th align=\"left\" style=\"border-bottom: 1px solid #98a2b3;\">%1</th>")
                       .arg(escaped(groupKindTitle(kind)));
    for (TrendMetric metric : metrics::kTrendMetrics)
        html += QStringLiteral("<th align=\"right\" style=\"border-bottom: 1px solid #98a2b3;\">%1</th>")
                    .arg(escaped(trendMetricTitle(metric)));
    html += QStringLiteral("</tr>");
    std::vector<const metrics::ScopeTrends*> scopes;
    for (const metrics::ScopeTrends& g : trends.groups(kind))
        scopes.push_back(&g);
    scopes.push_back(&trends.practice);
    bool shaded = false;
    for (const metrics::ScopeTrends* scope : scopes) {
        html += shaded ? QStringLiteral("<tr style=\"background-color: #f2f4f7;\">") : QStringLiteral("<tr>");
        shaded = !shaded;
        html += QStringLiteral("<td>%1</td>").arg(escaped(groupTitle(scope->scope)));
        const YearTableColumn value{scope, period, false, {}, {}};
        const YearTableColumn change{scope, period, true, {}, {}};
        for (TrendMetric metric : metrics::kTrendMetrics) {
            const std::optional<double> delta = yearTableValue(trends, change, metric);
            QString color = QStringLiteral("#667085");
            if (delta && std::abs(*delta) >= 0.0005)
                color = changeInk((*delta > 0) == higherIsBetter(metric));
            html += QStringLiteral("<td align=\"right\">%1<br><span style=\"color: %2; font-size: 7.5pt;\">%3</span>"
                                   "</td>")
                        .arg(escaped(formatTrendValue(metric, yearTableValue(trends, value, metric))), color,
                             escaped(formatTrendChange(metric, delta)));
        }
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

// The charted figure for every group and column: the numbers behind the group charts.
QString metricByGroupHtml(const metrics::YearOverYear& trends, Scope::Kind kind, TrendMetric metric)
{
    QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\" "
                                  "style=\"border-collapse: collapse; margin-top: 6px;\"><tr>"
                                  "<th align=\"left\" style=\"border-bottom: 1px solid #98a2b3;\">%1</th>")
                       .arg(escaped(groupKindTitle(kind)));
    for (const metrics::YearPeriod& p : trends.periods)
        html += QStringLiteral("<th align=\"right\" style=\"border-bottom: 1px solid #98a2b3;\">%1</th>")
                    .arg(escaped(periodTitle(p)));
    html += QStringLiteral("</tr>");
    std::vector<const metrics::ScopeTrends*> scopes;
    for (const metrics::ScopeTrends& g : trends.groups(kind))
        scopes.push_back(&g);
    scopes.push_back(&trends.practice);
    bool shaded = false;
    for (const metrics::ScopeTrends* scope : scopes) {
        html += shaded ? QStringLiteral("<tr style=\"background-color: #f2f4f7;\">") : QStringLiteral("<tr>");
        shaded = !shaded;
        html += QStringLiteral("<td>%1</td>").arg(escaped(groupTitle(scope->scope)));
        for (const metrics::PeriodFigures& f : scope->periods)
            html += QStringLiteral("<td align=\"right\">%1</td>")
                        .arg(escaped(formatTrendValue(metric, metrics::trendValue(f, metric))));
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

QString image(const QString& name, int width, int height)
{
    return QStringLiteral("<img src=\"chart:%1\" width=\"%2\" height=\"%3\">").arg(name).arg(width).arg(height);
}

QString sideBySide(const QString& left, const QString& right)
{
    return QStringLiteral("<table cellspacing=\"0\" cellpadding=\"0\" style=\"margin-top: 10px;\"><tr><td>%1</td>"
                          "<td width=\"10\"></td><td>%2</td></tr></table>")
        .arg(left, right);
}

bool anyPartial(const metrics::YearOverYear& trends)
{
    for (const metrics::YearPeriod& p : trends.periods)
        if (p.partialHistory)
            return true;
    return false;
}

} // namespace

QString trendsReportHtml(const metrics::YearOverYear& trends, const TrendsPdfOptions& options)
{
    const QString h2 = QStringLiteral("<h2 style=\"font-size: 13pt; margin-top: 10px; margin-bottom: 4px;\">");
    const QString h3 = QStringLiteral("<h3 style=\"font-size: 10.5pt; margin-top: 8px; margin-bottom: 2px;\">");
    const QString note = QStringLiteral("<p style=\"color: #667085; font-size: 8pt; margin-top: 2px;\">");
    const std::size_t last = trends.periods.empty() ? 0 : trends.periods.size() - 1;
    const QString ytd = trends.periods.empty() ? QString() : periodTitle(trends.periods[last]);
    const QString lastYear = last == 0 ? QString() : periodTitle(trends.periods[last - 1]);

    QString html = QStringLiteral("<html><body style=\"font-size: 9pt; color: #1d2939;\">");
    html += QStringLiteral("<h1 style=\"font-size: 18pt; margin-bottom: 0px;\">%1</h1>").arg(tr("Year over year"));
    QString subtitle = tr("As of %1").arg(formatDayMedium(trends.asOf));
    if (!options.practiceName.isEmpty())
        subtitle = escaped(options.practiceName) + QStringLiteral(" \u00b7 ") + subtitle;
    html += QStringLiteral("<p style=\"color: #475467; margin-top: 2px;\">%1</p>").arg(subtitle);

    html += h2 + tr("The practice, year by year") + QStringLiteral("</h2>");
    html += tableHtml(trends, yearTableColumns(trends, Scope::Kind::Practice, last));
    QString notes = tr("Change: %1 against %2 (the same days last year); rates in percentage points.")
                        .arg(ytd, lastYear);
    if (anyPartial(trends))
        notes += QStringLiteral(" ") + tr("* The imported history starts during this year, so it covers fewer days.");
    html += note + escaped(notes) + QStringLiteral("</p>");
    html += sideBySide(image(QStringLiteral("years"), kHalfWidth, kChartHeight),
                       image(QStringLiteral("months"), kHalfWidth, kChartHeight));

    html += QStringLiteral("<h2 style=\"font-size: 13pt; page-break-before: always; margin-bottom: 4px;\">%1</h2>")
                .arg(escaped(tr("By location, supervisor and clinician type: %1 against %2").arg(ytd, lastYear)));
    html += note
        + escaped(tr("Intakes of a group are new client\u2013clinician pairs, and a client seen in two groups is "
                     "active in both, so groups may add up to more than the practice."))
        + QStringLiteral("</p>");
    for (Scope::Kind kind : {Scope::Kind::Location, Scope::Kind::Supervisor, Scope::Kind::ClinicianType}) {
        if (trends.groups(kind).empty())
            continue;
        html += h3 + escaped(groupKindTitle(kind)) + QStringLiteral("</h3>");
        html += trends.groups(kind).size() > kMaxGroupColumns
            ? groupRowsHtml(trends, kind, last)
            : tableHtml(trends, yearTableColumns(trends, kind, last), 2);
    }

    html += QStringLiteral("<h2 style=\"font-size: 13pt; page-break-before: always; margin-bottom: 4px;\">%1</h2>")
                .arg(escaped(tr("%1 by %2").arg(trendMetricTitle(options.metric),
                                                  groupKindTitle(options.groupBy).toLower())));
    html += sideBySide(image(QStringLiteral("groupYears"), kHalfWidth, kChartHeight),
                       image(QStringLiteral("groupMonths"), kHalfWidth, kChartHeight));
    html += metricByGroupHtml(trends, options.groupBy, options.metric);

    // The intakes chart, its figures and the definitions make the last page: a chart never
    // fits below the group charts, and QTextDocument cannot keep a table from splitting.
    html += QStringLiteral("<h2 style=\"font-size: 13pt; page-break-before: always; margin-bottom: 4px;\">%1</h2>")
                .arg(tr("Intakes per month"));
    html += note
        + escaped(tr("Clients new to the practice: their first attended, late-cancelled or no-show session with "
                     "anyone. The last month is counted to %1.")
                      .arg(formatDayMedium(trends.asOf)))
        + QStringLiteral("</p>");
    // In a table cell like the other charts: a bare image line gets space above it.
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"0\"><tr><td>%1</td></tr></table>")
                .arg(image(QStringLiteral("intakes"), kFullWidth, kChartHeight));
    html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" style=\"border-collapse: "
                           "collapse;\"><tr><th align=\"left\" style=\"border-bottom: 1px solid #98a2b3;\">%1</th>")
                .arg(tr("Month"));
    const auto months = metrics::compareIntakeMonths(trends.practice.intakeMonths, 13);
    for (const metrics::IntakeMonthComparison& m : months)
        html += QStringLiteral("<th align=\"right\" style=\"border-bottom: 1px solid #98a2b3;\">%1</th>")
                    .arg(QLocale().toString(QDate(m.year, static_cast<int>(m.month), 1), QStringLiteral("MMM yy")));
    const auto row = [&](const QString& title,
                         const std::function<QString(const metrics::IntakeMonthComparison&)>& cell) -> QString {
        QString r = QStringLiteral("<tr><td>%1</td>").arg(escaped(title));
        for (const metrics::IntakeMonthComparison& m : months)
            r += QStringLiteral("<td align=\"right\">%1</td>").arg(cell(m));
        r += QStringLiteral("</tr>");
        return r;
    };
    html += QStringLiteral("</tr>");
    html += row(tr("Intakes"), [](const auto& m) { return formatCount(m.intakes); });
    html += row(tr("Previous 12 months, average"), [](const auto& m) {
        return m.previous12Average ? QLocale().toString(*m.previous12Average, 'f', 1) : missingValue();
    });
    html += row(tr("Same month last year"), [](const auto& m) {
        return m.sameMonthLastYear ? formatCount(*m.sameMonthLastYear) : missingValue();
    });
    html += QStringLiteral("</table>");

    html += h2 + tr("How the figures are counted") + QStringLiteral("</h2><table cellspacing=\"0\" cellpadding=\"2\">");
    for (TrendMetric metric : metrics::kTrendMetrics)
        html += QStringLiteral("<tr><td valign=\"top\" width=\"170\"><b>%1</b></td><td>%2</td></tr>")
                    .arg(escaped(trendMetricTitle(metric)), escaped(trendMetricHelp(metric)));
    html += QStringLiteral("</table>");
    html += note
        + escaped(tr("Each year's figures are taken on its last day (Dec 31, or the as-of date for the year to "
                     "date): nothing that happened later changes them. Retention and churn count the pairs whose "
                     "intake falls in the year early enough to reach the retention threshold by its last day."))
        + QStringLiteral("</p></body></html>");
    return html;
}

bool writeTrendsPdf(const QString& path, const metrics::YearOverYear& trends, const TrendsPdfOptions& options,
                    QString* error)
{
    QTextDocument document;
    const QSize half(kHalfWidth, kChartHeight);
    const ChartColors paper = paperColors();
    const auto add = [&](const QString& name, const QImage& picture) {
        document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("chart:") + name), QVariant(picture));
    };
    add(QStringLiteral("years"), renderChart([&](QChart* c, const QFont& f) {
            buildYearBarChart(c, trends, Scope::Kind::Practice, options.metric, f, paper);
        }, half));
    add(QStringLiteral("months"), renderChart([&](QChart* c, const QFont& f) {
            buildMonthLineChart(c, trends, Scope::Kind::Practice, options.metric, f, paper);
        }, half));
    add(QStringLiteral("groupYears"), renderChart([&](QChart* c, const QFont& f) {
            buildYearBarChart(c, trends, options.groupBy, options.metric, f, paper);
        }, half));
    add(QStringLiteral("groupMonths"), renderChart([&](QChart* c, const QFont& f) {
            buildMonthLineChart(c, trends, options.groupBy, options.metric, f, paper);
        }, half));
    add(QStringLiteral("intakes"), renderChart([&](QChart* c, const QFont& f) {
            buildIntakeMonthChart(c, trends.practice, f, paper);
        }, QSize(kFullWidth, kChartHeight)));
    QFont font = QApplication::font();
    font.setPointSizeF(9.0);
    document.setDefaultFont(font);
    document.setHtml(trendsReportHtml(trends, options));
    // Paginated in the document's own units (1/96 inch) with the printable area's shape:
    // print() then scales each page onto the paper, keeping the charts at the sizes the
    // HTML gives them, and adds no margins or page numbers of its own.
    document.setDocumentMargin(0);
    document.setPageSize(QSizeF(kPageWidth, kPageHeight));

    {
        // The file is complete once the writer is gone.
        QPdfWriter writer(path);
        writer.setTitle(tr("Year over year, as of %1").arg(formatDayMedium(trends.asOf)));
        writer.setCreator(QStringLiteral("Caseboard"));
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::Letter), QPageLayout::Landscape,
                                         QMarginsF(12.7, 12.7, 12.7, 12.7), QPageLayout::Millimeter));
        document.print(&writer);
    }
    // QPdfWriter reports no error of its own: check that the file is there and not empty.
    const QFileInfo written(path);
    if (!written.exists() || written.size() == 0) {
        if (error)
            *error = tr("The PDF could not be written to %1.").arg(path);
        return false;
    }
    return true;
}

} // namespace caseboard::app
