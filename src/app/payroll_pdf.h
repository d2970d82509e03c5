#pragma once
// The payroll of one period as a PDF for the practice's records: practice, period and
// rule, both tables, the totals and the day it was made. An HTML QTextDocument printed
// onto a QPdfWriter, so it paginates and the text stays selectable.

#include "caseboard/core/day.h"
#include "caseboard/metrics/payroll.h"

#include <QString>

namespace caseboard::app {

// The document's HTML (for the PDF and for tests that read what it says).
QString payrollHtml(const metrics::PayrollReport& report, const QString& practice, Day generated);

// Writes the PDF; returns an error message, empty on success.
QString writePayrollPdf(const metrics::PayrollReport& report, const QString& practice, Day generated,
                        const QString& path);

} // namespace caseboard::app
