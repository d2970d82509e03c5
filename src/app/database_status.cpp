#include "database_status.h"

#include "app_style.h"
#include "display_format.h"
#include "icons.h"

#include "caseboard/store/store.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

namespace caseboard::app {

namespace {

struct CountsResult {
    std::optional<StoreCounts> counts;
    QString error;
};

QString countNoun(qint64 count, const char* singular, const char* plural)
{
    return formatCount(count) + QLatin1Char(' ')
        + QCoreApplication::translate("DatabaseStatus", count == 1 ? singular : plural);
}

} // namespace

DatabaseStatus::DatabaseStatus(QStatusBar* statusBar)
    : QObject(statusBar), file_(new QLabel(statusBar)), counts_(new QLabel(statusBar)), range_(new QLabel(statusBar))
{
    auto* icon = new QLabel(statusBar);
    icon->setPixmap(tintedPixmap(QStringLiteral("database"), 14, theme().mutedText));
    icon->setContentsMargins(8, 0, 0, 0);
    statusBar->addWidget(icon);
    statusBar->addWidget(file_);
    statusBar->addWidget(counts_, 1);
    statusBar->addPermanentWidget(range_);
    statusBar->setSizeGripEnabled(false);
    setDatabase({});
}

void DatabaseStatus::setDatabase(const QString& path)
{
    const std::uint64_t generation = ++generation_;
    counts_->clear();
    range_->clear();
    if (path.isEmpty()) {
        file_->setText(tr("No database open"));
        file_->setToolTip({});
        setBusy(false);
        return;
    }
    file_->setText(QFileInfo(path).fileName());
    file_->setToolTip(QFileInfo(path).absoluteFilePath());
    counts_->setText(tr("Counting…"));
    setBusy(true);

    auto* watcher = new QFutureWatcher<CountsResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != generation_)
            return;
        const CountsResult result = watcher->result();
        if (result.counts) {
            const StoreCounts& c = *result.counts;
            counts_->setText(countNoun(c.clinicians, "clinician", "clinicians") + QStringLiteral("  \u00b7  ")
                             + countNoun(c.clients, "client", "clients") + QStringLiteral("  \u00b7  ")
                             + countNoun(c.appointments, "appointment", "appointments"));
            if (c.firstAppointment && c.lastAppointment)
                range_->setText(tr("Appointments from %1 to %2")
                                    .arg(formatDayMedium(*c.firstAppointment), formatDayMedium(*c.lastAppointment)));
        } else {
            counts_->setText(tr("Could not count the records: %1").arg(result.error));
        }
        setBusy(false);
    });
    const std::filesystem::path file = QFileInfo(path).absoluteFilePath().toStdString();
    watcher->setFuture(QtConcurrent::run([file]() -> CountsResult {
        CountsResult result;
        try {
            Store store = Store::open(file, Store::Access::ReadOnly);
            result.counts = store.counts();
        } catch (const std::exception& error) {
            result.error = QString::fromUtf8(error.what());
        }
        return result;
    }));
}

QString DatabaseStatus::fileText() const { return file_->text(); }
QString DatabaseStatus::countsText() const { return counts_->text(); }
QString DatabaseStatus::rangeText() const { return range_->text(); }

void DatabaseStatus::setBusy(bool busy)
{
    if (busy_ == busy)
        return;
    busy_ = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace caseboard::app
