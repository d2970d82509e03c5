#pragma once
// The Trends report as a PDF to hand to an owner: the practice's year table with its
// charts, the year to date split by location, supervisor and clinician type with the
// chosen figure's chart, and intakes per month. Made with Qt (QTextDocument printed on a
// QPdfWriter), the charts the view shows drawn in as images.

#include "caseboard/metrics/trend_metric.h"
#include "caseboard/metrics/year_over_year.h"

#include <QString>

namespace caseboard::app {

struct TrendsPdfOptions {
    QString practiceName;                                                  // the title's second line; may be empty
    metrics::Scope::Kind groupBy = metrics::Scope::Kind::Location;         // the groups charted
    metrics::TrendMetric metric = metrics::TrendMetric::CountedSessions;   // the figure charted
};

// The document as HTML with its chart images named "chart:..." (what writeTrendsPdf prints).
QString trendsReportHtml(const metrics::YearOverYear& trends, const TrendsPdfOptions& options);

// Writes the PDF at `path`; false with `error` set when it cannot be written.
bool writeTrendsPdf(const QString& path, const metrics::YearOverYear& trends, const TrendsPdfOptions& options,
                    QString* error);

} // namespace caseboard::app
