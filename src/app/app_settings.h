#pragma once
// The application's own preferences (not the practice's settings, which live in the
// database): last database, recent files, window geometry. Typed accessors over one
// QSettings, so no key string appears anywhere else.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace caseboard::app {

class AppSettings {
public:
    static constexpr int kMaxRecentFiles = 8;

    // The user's settings: organisation "Caseboard", application "Caseboard".
    AppSettings();
    // Settings kept in `settings` (tests pass one on a temporary file).
    explicit AppSettings(std::unique_ptr<QSettings> settings);
    ~AppSettings();
    AppSettings(const AppSettings&) = delete;
    AppSettings& operator=(const AppSettings&) = delete;

    // When not persistent, reads still work and writes are ignored (screenshot runs
    // must not change what the user's next session opens).
    void setPersistent(bool persistent) { persistent_ = persistent; }
    bool persistent() const { return persistent_; }

    QString lastDatabase() const;
    void setLastDatabase(const QString& path);

    QStringList recentFiles() const;
    void addRecentFile(const QString& path); // moves it to the front; keeps kMaxRecentFiles
    void removeRecentFile(const QString& path);
    void clearRecentFiles();

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);

    QString lastView() const;
    void setLastView(const QString& key);

    // Privacy mode: client names shown as initials (View > Hide Client Names).
    bool hideClientNames() const;
    void setHideClientNames(bool hide);

    // A table's column widths, order and visibility (QHeaderView::saveState) and a
    // splitter's sizes, by a key naming the view ("clients").
    QByteArray tableState(const QString& view) const;
    void setTableState(const QString& view, const QByteArray& state);
    QByteArray splitterState(const QString& view) const;
    void setSplitterState(const QString& view, const QByteArray& state);

private:
    std::unique_ptr<QSettings> settings_;
    bool persistent_ = true;
};

} // namespace caseboard::app
