#include "payroll_pdf.h"

#include "display_format.h"
#include "payroll_table_model.h"

#include <QCoreApplication>
#include <QFile>
#include <QFont>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QAbstractTextDocumentLayout>
#include <QTextDocument>

namespace caseboard::app {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("PayrollPdf", text); }

QString escaped(const std::string& text) { return toQString(text).toHtmlEscaped(); }

QString cell(const QString& text, bool number = false)
{
    return number ? QStringLiteral("<td class=\"n\">%1</td>").arg(text) : QStringLiteral("<td>%1</td>").arg(text);
}

// The section title is the table's first header row, not a heading above it: the layout
// keeps header rows with the table (and repeats them on a new page), so a title never
// ends a page alone.
QString tableStart(const QString& title, const QStringList& columns, int textColumns)
{
    QString head = QStringLiteral("<table width=\"100%\" cellspacing=\"0\"><thead>"
                                  "<tr><td class=\"title\" colspan=\"%1\">%2</td></tr><tr>")
                       .arg(columns.size())
                       .arg(title);
    for (int i = 0; i < columns.size(); ++i) {
        // The name column wide enough for a first and last name on one line.
        const QString width = i == 0 ? QStringLiteral(" width=\"26%\"") : QString();
        head += i < textColumns ? QStringLiteral("<th%1>%2</th>").arg(width, columns[i])
                                : QStringLiteral("<th class=\"n\">%1</th>").arg(columns[i]);
    }
    return head + QStringLiteral("</tr></thead>");
}

QString rateText(const std::optional<Cents>& rate)
{
    return rate ? QStringLiteral("%1/h").arg(formatMoney(rate)) : QStringLiteral("<b>%1</b>").arg(tr("no rate"));
}

QString payText(const std::optional<Cents>& pay) { return pay ? formatMoney(pay) : missingValue(); }

} // namespace

QString payrollHtml(const metrics::PayrollReport& report, const QString& practice, Day generated)
{
    const metrics::PayrollSettings& s = report.settings;
    QString html = QStringLiteral(
        "<html><head><style>"
        "body { font-family: sans-serif; color: #1f2328; }"
        "h1 { font-size: 16pt; margin: 0; }"
        "h2 { font-size: 11.5pt; margin-top: 16px; margin-bottom: 4px; }"
        "p { margin: 2px 0; }"
        ".muted { color: #57606a; }"
        "table { border-collapse: collapse; }"
        "th { background: #eef1f4; text-align: left; font-weight: 600; }"
        "th, td { border-bottom: 1px solid #d0d7de; padding: 4px 8px; }"
        ".n { text-align: right; }"
        ".total td { font-weight: 600; border-top: 1px solid #57606a; }"
        "td.title { font-size: 11.5pt; font-weight: 700; border: none; padding: 14px 0 4px 0; }"
        "</style></head><body>");
    html += QStringLiteral("<h1>%1</h1>").arg(tr("Payroll"));
    html += QStringLiteral("<p>%1: <b>%2</b></p>").arg(tr("Practice"), practice.toHtmlEscaped());
    html += QStringLiteral("<p>%1: <b>%2 – %3</b> (%4)</p>")
                .arg(tr("Pay period"), formatDayMedium(report.period.first), formatDayMedium(report.period.last),
                     tr("%1 days").arg(report.period.days()));
    html += QStringLiteral("<p class=\"muted\">%1 · %2 · %3</p>")
                .arg(toQString(metrics::describePayPeriodRule(s.periods)).toHtmlEscaped(),
                     s.oneHourPerSession ? tr("hours: one hour per session")
                                         : tr("hours: the scheduled duration of each session"),
                     s.payBillableCancels ? tr("billable cancels paid") : tr("billable cancels not paid"));
    if (!report.periodStarted())
        html += QStringLiteral("<p><b>%1</b></p>")
                    .arg(tr("No sessions counted: the period starts after %1.")
                             .arg(formatDayMedium(report.sessionsThrough)));
    else if (!report.periodComplete())
        html += QStringLiteral("<p><b>%1</b></p>")
                    .arg(tr("Sessions counted through %1 only: the period is not over.")
                             .arg(formatDayMedium(report.sessionsThrough)));

    const metrics::PayrollTotals& t = report.totals;
    html += QStringLiteral("<h2>%1</h2>").arg(tr("Summary"));
    html += QStringLiteral("<table cellspacing=\"0\">");
    html += QStringLiteral("<tr>") + cell(tr("Clinician hours")) + cell(formatPayrollHours(t.clinicianMinutes), true)
        + cell(tr("Clinician pay")) + cell(formatMoney(t.clinicianPay), true) + QStringLiteral("</tr>");
    html += QStringLiteral("<tr>") + cell(tr("Support staff hours")) + cell(formatPayrollHours(t.staffMinutes), true)
        + cell(tr("Support staff pay")) + cell(formatMoney(t.staffPay), true) + QStringLiteral("</tr>");
    html += QStringLiteral("<tr class=\"total\">") + cell(tr("Total hours"))
        + cell(formatPayrollHours(t.minutes()), true)
        + cell(tr("Total pay")) + cell(formatMoney(t.pay()), true) + QStringLiteral("</tr></table>");
    if (t.missingRates > 0)
        html += QStringLiteral("<p><b>%1</b></p>")
                    .arg(t.missingRates == 1
                             ? tr("One row below has hours but no hourly rate (\u201cno rate\u201d); its pay is "
                                  "not in these totals.")
                             : tr("%1 rows below have hours but no hourly rate (\u201cno rate\u201d); their pay "
                                  "is not in these totals.")
                                   .arg(t.missingRates));

    html += tableStart(tr("Clinicians"), {tr("Clinician"), tr("Role"), tr("Counted sessions"), tr("Billable cancels"),
                                          tr("Hours"), tr("Rate"), tr("Pay")},
                       2);
    for (const metrics::ClinicianPay& c : report.clinicians) {
        QString cancels = formatCount(c.billableCancels);
        if (c.billableCancels > 0)
            cancels += c.billableCancelsPaid ? tr(" (paid)") : tr(" (not paid)");
        html += QStringLiteral("<tr>") + cell(escaped(c.name)) + cell(roleLabel(c.role).toHtmlEscaped())
            + cell(formatCount(c.countedSessions), true) + cell(cancels, true)
            + cell(formatPayrollHours(c.paidMinutes), true) + cell(rateText(c.hourlyRate), true)
            + cell(payText(c.pay), true) + QStringLiteral("</tr>");
    }
    html += QStringLiteral("<tr class=\"total\">") + cell(tr("Total")) + cell({})
        + cell(formatCount(t.countedSessions), true) + cell(formatCount(t.billableCancels), true)
        + cell(formatPayrollHours(t.clinicianMinutes), true) + cell({}, true)
        + cell(formatMoney(t.clinicianPay), true) + QStringLiteral("</tr></table>");

    const QString staffTitle = tr("Support staff (timesheet hours)");
    if (report.staff.empty()) {
        html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\"><thead><tr><td class=\"title\">%1</td></tr>"
                               "</thead><tr><td class=\"muted\">%2</td></tr></table>")
                    .arg(staffTitle, tr("No support staff or timesheet hours in this period."));
    } else {
        html += tableStart(staffTitle,
                           {tr("Name"), tr("Role"), tr("Days on timesheet"), tr("Hours"), tr("Rate"), tr("Pay")}, 2);
        for (const metrics::StaffPay& st : report.staff)
            html += QStringLiteral("<tr>") + cell(escaped(st.name)) + cell(roleLabel(st.role).toHtmlEscaped())
                + cell(formatCount(st.days), true) + cell(formatPayrollHours(st.minutes), true)
                + cell(rateText(st.hourlyRate), true) + cell(payText(st.pay), true) + QStringLiteral("</tr>");
        html += QStringLiteral("<tr class=\"total\">") + cell(tr("Total")) + cell({}) + cell({}, true)
            + cell(formatPayrollHours(t.staffMinutes), true) + cell({}, true) + cell(formatMoney(t.staffPay), true)
            + QStringLiteral("</tr></table>");
    }

    html += QStringLiteral("<p class=\"muted\" style=\"margin-top: 18px;\">%1</p>")
                .arg(tr("Generated by Caseboard on %1. Hours are the sessions held in the period (a group is one "
                        "session) at each person's flat hourly rate; support staff hours come from the imported "
                        "timesheet.")
                         .arg(formatDayMedium(generated)));
    html += QStringLiteral("</body></html>");
    return html;
}

QString writePayrollPdf(const metrics::PayrollReport& report, const QString& practice, Day generated,
                        const QString& path)
{
    {
        QPdfWriter writer(path);
        if (!writer.setPageLayout(QPageLayout(QPageSize(QPageSize::Letter), QPageLayout::Portrait,
                                              QMarginsF(16, 14, 16, 12), QPageLayout::Millimeter)))
            return tr("The page layout could not be set.");
        writer.setResolution(300);
        const QString periodText = tr("Payroll %1 – %2")
                                       .arg(formatDayMedium(report.period.first), formatDayMedium(report.period.last));
        writer.setTitle(periodText);
        writer.setCreator(QStringLiteral("Caseboard"));

        // Laid out on the writer itself, so point sizes are printed points, and cut into
        // pages of the body's height: the layout moves a table row that would cross a
        // page edge onto the next page, and <thead> rows repeat there.
        const QRectF paper(QPointF(0, 0), QSizeF(writer.pageLayout().paintRectPixels(writer.resolution()).size()));
        QFont footerFont(QStringLiteral("Sans Serif"));
        footerFont.setPointSizeF(7.5);
        const qreal footerHeight = QFontMetricsF(footerFont, &writer).height() * 2.5;
        const QSizeF body(paper.width(), paper.height() - footerHeight);

        QTextDocument document;
        document.documentLayout()->setPaintDevice(&writer);
        QFont font(QStringLiteral("Sans Serif"));
        font.setPointSizeF(9.5);
        document.setDefaultFont(font);
        document.setDocumentMargin(0);
        document.setPageSize(body);
        document.setHtml(payrollHtml(report, practice, generated));

        // Every page says what it is part of and where it falls, for a loose page in a file.
        QPainter painter(&writer);
        const int pages = document.pageCount();
        for (int page = 0; page < pages; ++page) {
            if (page > 0)
                writer.newPage();
            painter.save();
            painter.translate(0, -page * body.height());
            document.drawContents(&painter, QRectF(QPointF(0, page * body.height()), body));
            painter.restore();

            painter.setFont(footerFont);
            painter.setPen(QColor(0x57, 0x60, 0x6a));
            const QRectF footer(0, paper.height() - footerHeight * 0.6, paper.width(), footerHeight * 0.6);
            painter.drawText(footer, Qt::AlignLeft | Qt::AlignBottom,
                             tr("%1 · %2 · generated %3").arg(practice, periodText, formatDayMedium(generated)));
            painter.drawText(footer, Qt::AlignRight | Qt::AlignBottom, tr("Page %1 of %2").arg(page + 1).arg(pages));
        }
        if (!painter.end())
            return tr("Could not write the file (is the folder writable?).");
    }
    // QPdfWriter reports no errors of its own: a file that is missing or empty means the
    // folder was not writable.
    if (QFile(path).size() == 0)
        return tr("Could not write the file (is the folder writable?).");
    return {};
}

} // namespace caseboard::app
