#include "supervision_packet_pdf.h"

#include "dashboard_format.h"
#include "display_format.h"

#include "caseboard/metrics/pair_facts.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QTextLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace caseboard::app {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("SupervisionPacket", text); }

// Print colours, the same in light and dark app themes. Okabe–Ito hues for meaning.
const QColor kInk(0x1F, 0x23, 0x28);
const QColor kMuted(0x5B, 0x64, 0x70);
const QColor kRule(0xD0, 0xD5, 0xDD);
const QColor kBand(0xF3, 0xF5, 0xF8);
const QColor kLine(0x00, 0x72, 0xB2);
const QColor kReference(0x8A, 0x94, 0xA3);
const QColor kGood(0x00, 0x7A, 0x5A);
const QColor kBad(0xB8, 0x4A, 0x00);

constexpr int kDpi = 300;
double mm(double millimetres) { return millimetres * kDpi / 25.4; }

QFont font(double points, bool bold = false)
{
    QFont f(QStringLiteral("Sans Serif"));
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

QString days(std::int32_t from, std::int32_t to)
{
    if (from == metrics::kNoDay || to == metrics::kNoDay)
        return missingValue();
    return formatCount(to - from);
}

// Draws the values as a line over [low, high] (the reference included), with a dashed
// reference line behind it and a dot on the newest value. Missing values leave gaps.
void drawTrend(QPainter& painter, const QRectF& area, const std::vector<std::optional<double>>& values,
               const std::vector<double>& reference)
{
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    for (const auto& v : values)
        if (v) {
            low = std::min(low, *v);
            high = std::max(high, *v);
        }
    if (low > high)
        return; // nothing to draw
    for (const double r : reference) {
        low = std::min(low, r);
        high = std::max(high, r);
    }
    if (high - low < 1e-9) {
        low -= 1.0;
        high += 1.0;
    }
    const auto point = [&](std::size_t i, double value) {
        const double x = area.left() + area.width() * static_cast<double>(i) / static_cast<double>(values.size() - 1);
        return QPointF(x, area.bottom() - area.height() * (value - low) / (high - low));
    };
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    // A faint baseline so a flat or sparse series still reads as a chart.
    painter.setPen(QPen(kRule, mm(0.2)));
    painter.drawLine(area.bottomLeft(), area.bottomRight());
    if (reference.size() == values.size()) {
        QPainterPath goal;
        for (std::size_t i = 0; i < reference.size(); ++i)
            i == 0 ? goal.moveTo(point(i, reference[i])) : goal.lineTo(point(i, reference[i]));
        painter.setPen(QPen(kReference, mm(0.25), Qt::DashLine));
        painter.drawPath(goal);
    }
    QPainterPath line;
    bool drawing = false;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!values[i]) {
            drawing = false;
            continue;
        }
        drawing ? line.lineTo(point(i, *values[i])) : line.moveTo(point(i, *values[i]));
        drawing = true;
    }
    painter.setPen(QPen(kLine, mm(0.4), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPath(line);
    if (values.back()) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(kLine);
        painter.drawEllipse(point(values.size() - 1, *values.back()), mm(0.7), mm(0.7));
    }
    painter.restore();
}

// A month chart over the trend: bars (or a line with dots) of the values, a dashed
// reference per month, the month under each slot and the scale's top on the left.
void drawMonthChart(QPainter& painter, const QRectF& box, const QString& title, const SupervisionRow& row,
                    const QStringList& months, bool bars)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const QFont titleFont = font(8.5, true);
    const QFont small = font(6.5);
    const double titleHeight = QFontMetricsF(titleFont, painter.device()).height();
    const double labelHeight = QFontMetricsF(small, painter.device()).height();
    painter.setFont(titleFont);
    painter.setPen(kInk);
    painter.drawText(QRectF(box.left(), box.top(), box.width(), titleHeight), Qt::AlignLeft | Qt::AlignVCenter, title);

    const QRectF plot(box.left() + mm(8), box.top() + titleHeight + mm(2), box.width() - mm(8),
                      box.height() - titleHeight - mm(2) - labelHeight - mm(1));
    double high = 0;
    for (const auto& v : row.trend)
        if (v)
            high = std::max(high, *v);
    for (const double r : row.reference)
        high = std::max(high, r);
    if (high <= 0)
        high = 1;
    high *= 1.12; // room for the value over the tallest bar
    const std::size_t n = row.trend.size();
    const double slot = plot.width() / static_cast<double>(std::max<std::size_t>(n, 1));
    const auto yOf = [&](double value) { return plot.bottom() - plot.height() * value / high; };

    painter.setFont(small);
    painter.setPen(kMuted);
    painter.drawText(QRectF(box.left(), plot.top() - labelHeight / 2, mm(7), labelHeight),
                     Qt::AlignRight | Qt::AlignVCenter, formatGoal(std::round(high / 1.12)));
    painter.drawText(QRectF(box.left(), plot.bottom() - labelHeight / 2, mm(7), labelHeight),
                     Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));
    painter.setPen(QPen(kRule, mm(0.2)));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.drawLine(QPointF(plot.left(), yOf(high / 1.12)), QPointF(plot.right(), yOf(high / 1.12)));

    QPainterPath line;
    bool drawing = false;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = plot.left() + slot * static_cast<double>(i);
        const bool last = i + 1 == n;
        if (row.trend[i]) {
            const double y = yOf(*row.trend[i]);
            if (bars) {
                painter.fillRect(QRectF(x + slot * 0.18, y, slot * 0.64, plot.bottom() - y),
                                 last ? kLine : QColor(0x9C, 0xC3, 0xDD));
            } else {
                const QPointF p(x + slot / 2, y);
                drawing ? line.lineTo(p) : line.moveTo(p);
                drawing = true;
            }
            if (last) {
                painter.setFont(font(6.5, true));
                painter.setPen(kInk);
                painter.drawText(QRectF(x - slot, y - labelHeight - mm(0.5), slot * 3, labelHeight),
                                 Qt::AlignHCenter | Qt::AlignBottom, formatGoal(*row.trend[i]));
            }
        } else {
            drawing = false;
        }
        if (i < row.reference.size() && !row.reference.empty()) {
            painter.setPen(QPen(kReference, mm(0.3), Qt::DashLine));
            const double y = yOf(row.reference[i]);
            painter.drawLine(QPointF(x + slot * 0.08, y), QPointF(x + slot * 0.92, y));
        }
        painter.setFont(small);
        painter.setPen(last ? kInk : kMuted);
        painter.drawText(QRectF(x, plot.bottom() + mm(1), slot, labelHeight), Qt::AlignHCenter | Qt::AlignTop,
                         months.value(static_cast<int>(i)));
    }
    if (!bars) {
        painter.setPen(QPen(kLine, mm(0.45), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(line);
        painter.setPen(Qt::NoPen);
        painter.setBrush(kLine);
        for (std::size_t i = 0; i < n; ++i)
            if (row.trend[i])
                painter.drawEllipse(QPointF(plot.left() + slot * (static_cast<double>(i) + 0.5), yOf(*row.trend[i])),
                                    mm(0.6), mm(0.6));
    }
    painter.restore();
}

// The pen position on the current page, new pages with their footer.
class Pager {
public:
    Pager(QPdfWriter& writer, QPainter& painter) : writer_(writer), painter_(painter)
    {
        width_ = writer.width();
        bottom_ = writer.height() - mm(9); // the footer's room
    }

    QPainter& painter() { return painter_; }
    double width() const { return width_; }
    double y = 0;

    void setFooter(const QString& text) { footer_ = text; }
    bool fits(double height) const { return y + height <= bottom_; }
    void ensure(double height)
    {
        if (!fits(height) && y > 0)
            newPage();
    }
    void newPage()
    {
        drawFooter();
        writer_.newPage();
        ++page_;
        y = 0;
    }
    void finish() { drawFooter(); }

    // One line of text in a box of the font's height; returns the height used.
    double text(const QString& text, const QFont& f, const QColor& color, Qt::Alignment align = Qt::AlignLeft,
                double left = 0, double width = -1)
    {
        const double height = QFontMetricsF(f, &writer_).height();
        painter_.setFont(f);
        painter_.setPen(color);
        painter_.drawText(QRectF(left, y, width < 0 ? width_ - left : width, height),
                          int(align | Qt::AlignVCenter) | Qt::TextSingleLine, text);
        return height;
    }

    // Text wrapped to the width, broken across pages between lines; with `bar`, a bar in
    // that colour runs down the left of every line, so a block stays one block over a break.
    void paragraph(const QString& text, const QFont& f, const QColor& color, double indent = 0,
                   const QColor& bar = QColor())
    {
        const QFontMetricsF metrics(f, &writer_);
        painter_.setFont(f);
        painter_.setPen(color);
        const QStringList paragraphs = text.split(QLatin1Char('\n'));
        for (const QString& part : paragraphs) {
            if (part.trimmed().isEmpty()) {
                ensure(metrics.height() * 0.6);
                if (bar.isValid())
                    painter_.fillRect(QRectF(0, y, mm(0.8), metrics.height() * 0.6), bar);
                y += metrics.height() * 0.6;
                continue;
            }
            QTextLayout layout(part, f, &writer_);
            layout.beginLayout();
            for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine())
                line.setLineWidth(width_ - indent);
            layout.endLayout();
            for (int i = 0; i < layout.lineCount(); ++i) {
                const QTextLine line = layout.lineAt(i);
                ensure(line.height());
                if (bar.isValid())
                    painter_.fillRect(QRectF(0, y, mm(0.8), line.height()), bar);
                painter_.setFont(f);
                painter_.setPen(color);
                line.draw(&painter_, QPointF(indent, y - line.y()));
                y += line.height();
            }
        }
    }

    void rule(const QColor& color = kRule)
    {
        painter_.setPen(QPen(color, mm(0.25)));
        painter_.drawLine(QPointF(0, y), QPointF(width_, y));
    }

private:
    void drawFooter()
    {
        const QFont f = font(7.5);
        const double height = QFontMetricsF(f, &writer_).height();
        const double top = writer_.height() - height;
        painter_.setFont(f);
        painter_.setPen(kMuted);
        painter_.drawText(QRectF(0, top, width_ * 0.8, height), Qt::AlignLeft | Qt::AlignVCenter, footer_);
        painter_.drawText(QRectF(0, top, width_, height), Qt::AlignRight | Qt::AlignVCenter,
                          tr("Page %1").arg(page_));
    }

    QPdfWriter& writer_;
    QPainter& painter_;
    double width_ = 0;
    double bottom_ = 0;
    int page_ = 1;
    QString footer_;
};

void heading(Pager& pager, const QString& text, double spaceAfterFor)
{
    const QFont f = font(11, true);
    // Keep a heading with the start of what it heads.
    pager.ensure(mm(9) + spaceAfterFor);
    pager.y += mm(3.5);
    pager.y += pager.text(text, f, kInk);
    pager.y += mm(1.2);
}

void numbersTable(Pager& pager, const PacketSection& section)
{
    QPainter& painter = pager.painter();
    const double w = pager.width();
    // Measure | this month | previous | last year | change | trend
    const double fractions[] = {0.25, 0.15, 0.135, 0.135, 0.11, 0.22};
    std::vector<double> left{0};
    for (const double f : fractions)
        left.push_back(left.back() + f * w);
    const double headerHeight = mm(9);
    const double rowHeight = mm(7.2);
    const double pad = mm(1.5);

    const auto header = [&] {
        painter.fillRect(QRectF(0, pager.y, w, headerHeight), kBand);
        const QFont f = font(8, true);
        const QStringList titles{tr("Measure"), section.columnMonths.value(0), section.columnMonths.value(1),
                                 section.columnMonths.value(2), tr("Change"), tr("Trend, 13 months")};
        painter.setFont(f);
        painter.setPen(kMuted);
        for (int c = 0; c < titles.size(); ++c) {
            const Qt::Alignment align = c == 0 || c == 5 ? Qt::AlignLeft : Qt::AlignRight;
            painter.drawText(QRectF(left[c] + pad, pager.y, left[c + 1] - left[c] - 2 * pad, headerHeight),
                             int(align | Qt::AlignVCenter) | Qt::TextWordWrap, titles[c]);
        }
        pager.y += headerHeight;
    };

    pager.ensure(headerHeight + 3 * rowHeight);
    header();
    for (std::size_t r = 0; r < section.rows.size(); ++r) {
        const SupervisionRow& row = section.rows[r];
        if (!pager.fits(rowHeight)) {
            pager.newPage();
            header();
        }
        if (r % 2 == 1)
            painter.fillRect(QRectF(0, pager.y, w, rowHeight), QColor(0xFA, 0xFB, 0xFC));
        painter.setPen(QPen(kRule, mm(0.15)));
        painter.drawLine(QPointF(0, pager.y + rowHeight), QPointF(w, pager.y + rowHeight));
        const QStringList cells{row.label, row.current, row.previous, row.lastYear, row.change};
        for (int c = 0; c < cells.size(); ++c) {
            const bool current = c == 1;
            painter.setFont(font(8.5, current));
            QColor color = c == 0 || current ? kInk : kMuted;
            if (c == 4 && row.changeSign != 0)
                color = row.changeSign > 0 ? kGood : kBad;
            painter.setPen(color);
            const Qt::Alignment align = c == 0 ? Qt::AlignLeft : Qt::AlignRight;
            painter.drawText(QRectF(left[c] + pad, pager.y, left[c + 1] - left[c] - 2 * pad, rowHeight),
                             int(align | Qt::AlignVCenter) | Qt::TextSingleLine, cells[c]);
        }
        drawTrend(painter, QRectF(left[5] + pad * 2, pager.y + mm(1.3), left[6] - left[5] - pad * 4, rowHeight - mm(2.6)),
                  row.trend, row.reference);
        pager.y += rowHeight;
    }
    pager.y += mm(1.5);
    pager.paragraph(tr("Change: this month against the previous month; green is better, orange worse. Trend: "
                       "the same month last year to this month; dashed = goal or baseline."),
                    font(7.5), kMuted);
}

void listTable(Pager& pager, const PacketList& list)
{
    QPainter& painter = pager.painter();
    const double w = pager.width();
    const double rowHeight = mm(6);
    const double pad = mm(1.5);
    heading(pager, tr("%1 (%2)").arg(list.title).arg(list.rows.size()), rowHeight * 2);
    if (list.rows.empty()) {
        pager.y += pager.text(list.emptyText, font(8.5), kMuted);
        return;
    }
    const int columns = static_cast<int>(list.columns.size());
    const auto columnLeft = [&](int c) { return c == 0 ? 0.0 : w * (0.34 + 0.22 * (c - 1)); };
    const auto columnRight = [&](int c) { return c + 1 >= columns ? w : columnLeft(c + 1); };
    const auto header = [&] {
        painter.fillRect(QRectF(0, pager.y, w, rowHeight), kBand);
        painter.setFont(font(8, true));
        painter.setPen(kMuted);
        for (int c = 0; c < columns; ++c)
            painter.drawText(QRectF(columnLeft(c) + pad, pager.y, columnRight(c) - columnLeft(c) - 2 * pad, rowHeight),
                             Qt::AlignLeft | Qt::AlignVCenter, list.columns[c]);
        pager.y += rowHeight;
    };
    header();
    for (const QStringList& row : list.rows) {
        if (!pager.fits(rowHeight)) {
            pager.newPage();
            pager.y += pager.text(tr("%1, continued").arg(list.title), font(8.5, true), kMuted) + mm(1);
            header();
        }
        painter.setFont(font(8.5));
        painter.setPen(kInk);
        for (int c = 0; c < columns && c < row.size(); ++c)
            painter.drawText(QRectF(columnLeft(c) + pad, pager.y, columnRight(c) - columnLeft(c) - 2 * pad, rowHeight),
                             Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, row[c]);
        painter.setPen(QPen(kRule, mm(0.15)));
        painter.drawLine(QPointF(0, pager.y + rowHeight), QPointF(w, pager.y + rowHeight));
        pager.y += rowHeight;
    }
}

void textBlock(Pager& pager, const QString& title, const QString& text)
{
    heading(pager, title, mm(5));
    if (text.trimmed().isEmpty())
        pager.paragraph(tr("None recorded."), font(9), kMuted, mm(3), kRule);
    else
        pager.paragraph(text.trimmed(), font(9.5), kInk, mm(3), kLine);
}

void drawSection(Pager& pager, const PacketDocument& document, const PacketSection& section)
{
    pager.setFooter(tr("Supervision packet \u00b7 %1 \u00b7 %2 \u00b7 %3")
                        .arg(section.clinician, document.month, document.generated));
    // The name on the left, the month on the right of the same line.
    const double titleHeight = pager.text(section.clinician, font(17, true), kInk, Qt::AlignLeft, 0,
                                          pager.width() * 0.62);
    const double monthTop = pager.y;
    pager.y += (titleHeight - QFontMetricsF(font(13), pager.painter().device()).height()) / 2;
    pager.text(document.month, font(13), kInk, Qt::AlignRight);
    pager.y = monthTop + titleHeight + mm(1);
    pager.y += pager.text(section.details, font(9.5), kMuted);
    pager.paragraph(section.periodNote, font(8.5), kMuted);
    if (document.namesMasked)
        pager.y += pager.text(tr("Client names are shown as initials."), font(8.5), kMuted);
    pager.y += mm(2);
    pager.rule(kInk);
    pager.y += mm(1);

    heading(pager, tr("The month in numbers"), mm(20));
    numbersTable(pager, section);

    // Two larger charts of what a 1:1 most often turns on: sessions and caseload.
    const auto rowOf = [&section](SupervisionRowId id) -> const SupervisionRow* {
        for (const SupervisionRow& row : section.rows)
            if (row.id == id)
                return &row;
        return nullptr;
    };
    const SupervisionRow* sessions = rowOf(SupervisionRowId::CountedSessions);
    const SupervisionRow* active = rowOf(SupervisionRowId::ActiveClients);
    if (sessions && active) {
        const double chartHeight = mm(44);
        pager.ensure(chartHeight + mm(6));
        pager.y += mm(5);
        const double half = (pager.width() - mm(10)) / 2;
        drawMonthChart(pager.painter(), QRectF(0, pager.y, half, chartHeight),
                       tr("Counted sessions by month (dashed: goal)"), *sessions, section.trendMonths, true);
        drawMonthChart(pager.painter(), QRectF(half + mm(10), pager.y, half, chartHeight),
                       tr("Active clients at month end (dashed: baseline)"), *active, section.trendMonths, false);
        pager.y += chartHeight;
    }
    for (const PacketList& list : section.lists)
        listTable(pager, list);
    textBlock(pager, section.lastGoalsTitle, section.lastGoals);
    textBlock(pager, tr("This month's goals"), section.goals);
    textBlock(pager, tr("Notes"), section.notes);
}

} // namespace

PacketSection packetSection(const metrics::Snapshot& snapshot, const metrics::ClinicianMonth& month,
                            const PacketNotes& notes, bool initials)
{
    PacketSection section;
    const metrics::SnapshotClinician& c = snapshot.clinicians.at(month.clinician);
    section.clinician = toQString(c.name);
    section.supervisor = toQString(c.supervisor);
    QStringList details;
    if (!c.clinicianType.empty())
        details << toQString(c.clinicianType);
    if (!c.location.empty())
        details << toQString(c.location);
    details << tr("Supervisor: %1").arg(c.supervisor.empty() ? tr("none set") : toQString(c.supervisor));
    section.details = details.join(QStringLiteral(" \u00b7 "));

    const metrics::MonthNumbers& now = month.current();
    section.periodNote = now.afterAsOf
                           ? tr("This month has not started yet: nothing to show.")
                           : tr("Numbers from %1 to %2; retention, churn, sessions per client and lifetime value over "
                                "the 12 months to %2.")
                                 .arg(formatDayMedium(now.window.from), formatDayMedium(now.asOf));
    section.columnMonths << monthLabel(now) << monthLabel(month.previous()) << monthLabel(month.sameMonthLastYear());
    section.rows = supervisionRows(month);
    for (const metrics::MonthNumbers& n : month.trend)
        section.trendMonths << QLocale().standaloneMonthName(static_cast<int>(n.month.month), QLocale::ShortFormat);

    const std::int32_t t = toSerial(now.asOf);
    const auto client = [&](std::size_t index) { return clientName(snapshot, index, initials); };
    PacketList atRisk{tr("At-risk clients"), tr("No client started last month without a next appointment."),
                      {tr("Client"), tr("Intake"), tr("Last seen"), tr("Next appointment")}, {}};
    for (const metrics::PairEntry& e : month.atRiskClients)
        atRisk.rows.push_back({client(e.client), formatSerialDay(e.intakeSerial), formatSerialDay(e.lastSeenSerial),
                               tr("none booked")});
    PacketList closeOut{tr("Close-out candidates"), tr("No client to close out."),
                        {tr("Client"), tr("Last session"), tr("Days unseen"), tr("Intake")}, {}};
    for (const metrics::PairEntry& e : month.closeOutCandidates)
        closeOut.rows.push_back({client(e.client), formatSerialDay(e.lastQualifyingSerial),
                                 days(e.lastQualifyingSerial, t), formatSerialDay(e.intakeSerial)});
    PacketList overdue{tr("Overdue notes"), tr("No note overdue."),
                       {tr("Client"), tr("Session"), tr("Days since")}, {}};
    for (const metrics::AppointmentEntry& e : month.overdueNotes)
        overdue.rows.push_back({client(e.client), formatSerialDay(e.daySerial), days(e.daySerial, t)});
    section.lists = {std::move(atRisk), std::move(closeOut), std::move(overdue)};

    section.lastGoalsTitle = notes.lastGoalsMonth.isEmpty()
                               ? tr("Goals set at the last 1:1")
                               : tr("Goals set at the last 1:1 (%1)")
                                     .arg(metrics::CalendarMonth::parse(notes.lastGoalsMonth.toStdString())
                                              ? monthName(*metrics::CalendarMonth::parse(notes.lastGoalsMonth.toStdString()))
                                              : notes.lastGoalsMonth);
    section.lastGoals = notes.lastGoals;
    section.goals = notes.goals;
    section.notes = notes.notes;
    return section;
}

bool writePacketPdf(const QString& path, const PacketDocument& document, QString* error)
{
    QPdfWriter writer(path);
    writer.setResolution(kDpi);
    writer.setTitle(document.title);
    writer.setCreator(QStringLiteral("Caseboard"));
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::Letter), QPageLayout::Portrait,
                                     QMarginsF(16, 14, 16, 12), QPageLayout::Millimeter));
    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = tr("Could not write %1.").arg(path);
        return false;
    }
    Pager pager(writer, painter);
    bool first = true;
    for (const PacketSection& section : document.sections) {
        if (!first)
            pager.newPage();
        first = false;
        drawSection(pager, document, section);
    }
    if (document.sections.empty())
        pager.text(tr("No clinician to report on."), font(10), kMuted);
    pager.finish();
    if (!painter.end()) {
        if (error)
            *error = tr("Could not finish %1.").arg(path);
        return false;
    }
    return true;
}

} // namespace caseboard::app
