#pragma once
// Shared by the import GUI tests: fixture paths, a whole-database dump, export files
// written on the spot, and a screenshot of a dialog over its window.

#include "gui_test_support.h"

#include "caseboard/store/store.h"

#include <QFile>
#include <QPainter>
#include <QPixmap>
#include <QString>
#include <QTextStream>

#include <string>
#include <vector>

namespace caseboard::gui_test {

inline QString fixture(const char* name)
{
    return QDir(QStringLiteral(CASEBOARD_FIXTURES_DIR "/import")).filePath(QString::fromLatin1(name));
}

// Every row of every table, as text; `skip` leaves out tables whose name contains it
// (the import history, which a rollback marks rather than deletes).
inline QString dumpDatabase(Store& store, const QString& skip = {})
{
    std::vector<std::string> tables;
    {
        auto names = store.connection().prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        while (names.step())
            tables.push_back(names.text(0));
    }
    QString dump;
    for (const std::string& table : tables) {
        if (!skip.isEmpty() && QString::fromStdString(table).contains(skip))
            continue;
        auto rows = store.connection().prepare("SELECT * FROM \"" + table + "\" ORDER BY 1");
        dump += QStringLiteral("[%1]\n").arg(QString::fromStdString(table));
        while (rows.step()) {
            for (int i = 0; i < rows.columnCount(); ++i)
                dump += (rows.isNull(i) ? QStringLiteral("NULL") : QString::fromStdString(rows.text(i)))
                      + QLatin1Char('|');
            dump += QLatin1Char('\n');
        }
    }
    return dump;
}

inline constexpr const char* kGenericHeader = "Appointment ID,Date,Start Time,Duration,Client ID,Client,Clinician,"
                                              "Service Code,Status,Location,Fee,Client Paid,Insurance Paid,Payer,"
                                              "Note Status";

// A generic-layout export of `rows` appointments; `status` for every row.
inline QString writeAppointments(const QString& path, int rows, const QString& status = QStringLiteral("Attended"),
                                 const QString& idPrefix = QStringLiteral("W"))
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    QTextStream out(&file);
    out << kGenericHeader << '\n';
    for (int i = 0; i < rows; ++i) {
        const int day = 1 + i % 28;
        out << idPrefix << '-' << i << ",2026-02-" << (day < 10 ? "0" : "") << day << ",09:00,53,WP-" << i % 500
            << ",Client " << i % 500 << ",Nora Quinn,90837," << status << ",Salem,165.00,25.00,140.00,Aetna,Signed\n";
    }
    return path;
}

// The window with `dialog` drawn over its centre, as the user sees them.
inline QString saveDialogScreenshot(QWidget& window, QWidget& dialog, const QString& fileName)
{
    QTest::qWait(100); // layouts and queued shows settle first
    QPixmap picture = window.grab();
    {
        QPainter painter(&picture);
        painter.fillRect(picture.rect(), QColor(0, 0, 0, 40));
        const QPixmap front = dialog.grab();
        painter.drawPixmap((picture.width() - front.width()) / 2, (picture.height() - front.height()) / 2, front);
    }
    const QString path = QDir(QStringLiteral(CASEBOARD_GUI_TEST_OUTPUT_DIR)).filePath(fileName);
    if (picture.save(path))
        qInfo("screenshot: %s", qPrintable(path));
    return path;
}

} // namespace caseboard::gui_test
