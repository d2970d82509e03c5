#include "app_settings.h"

#include <QSettings>

namespace caseboard::app {

namespace {
const QString kLastDatabase = QStringLiteral("database/last");
const QString kRecentFiles = QStringLiteral("database/recent");
const QString kWindowGeometry = QStringLiteral("window/geometry");
const QString kWindowState = QStringLiteral("window/state");
const QString kLastView = QStringLiteral("window/view");
const QString kHideClientNames = QStringLiteral("privacy/hideClientNames");
const QString kTableState = QStringLiteral("tables/%1/header");
const QString kSplitterState = QStringLiteral("tables/%1/splitter");
} // namespace

AppSettings::AppSettings()
    : settings_(std::make_unique<QSettings>(QStringLiteral("Caseboard"), QStringLiteral("Caseboard")))
{
}

AppSettings::AppSettings(std::unique_ptr<QSettings> settings) : settings_(std::move(settings)) {}

AppSettings::~AppSettings() = default;

QString AppSettings::lastDatabase() const { return settings_->value(kLastDatabase).toString(); }

void AppSettings::setLastDatabase(const QString& path)
{
    if (persistent_)
        settings_->setValue(kLastDatabase, path);
}

QStringList AppSettings::recentFiles() const { return settings_->value(kRecentFiles).toStringList(); }

void AppSettings::addRecentFile(const QString& path)
{
    if (!persistent_ || path.isEmpty())
        return;
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    settings_->setValue(kRecentFiles, files);
}

void AppSettings::removeRecentFile(const QString& path)
{
    if (!persistent_)
        return;
    QStringList files = recentFiles();
    files.removeAll(path);
    settings_->setValue(kRecentFiles, files);
}

void AppSettings::clearRecentFiles()
{
    if (persistent_)
        settings_->remove(kRecentFiles);
}

QByteArray AppSettings::windowGeometry() const { return settings_->value(kWindowGeometry).toByteArray(); }

void AppSettings::setWindowGeometry(const QByteArray& geometry)
{
    if (persistent_)
        settings_->setValue(kWindowGeometry, geometry);
}

QByteArray AppSettings::windowState() const { return settings_->value(kWindowState).toByteArray(); }

void AppSettings::setWindowState(const QByteArray& state)
{
    if (persistent_)
        settings_->setValue(kWindowState, state);
}

QString AppSettings::lastView() const { return settings_->value(kLastView).toString(); }

void AppSettings::setLastView(const QString& key)
{
    if (persistent_)
        settings_->setValue(kLastView, key);
}

bool AppSettings::hideClientNames() const { return settings_->value(kHideClientNames, false).toBool(); }

void AppSettings::setHideClientNames(bool hide)
{
    if (persistent_)
        settings_->setValue(kHideClientNames, hide);
}

QByteArray AppSettings::tableState(const QString& view) const
{
    return settings_->value(kTableState.arg(view)).toByteArray();
}

void AppSettings::setTableState(const QString& view, const QByteArray& state)
{
    if (persistent_)
        settings_->setValue(kTableState.arg(view), state);
}

QByteArray AppSettings::splitterState(const QString& view) const
{
    return settings_->value(kSplitterState.arg(view)).toByteArray();
}

void AppSettings::setSplitterState(const QString& view, const QByteArray& state)
{
    if (persistent_)
        settings_->setValue(kSplitterState.arg(view), state);
}

} // namespace caseboard::app
