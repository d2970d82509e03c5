#pragma once
// The main window: navigation sidebar, one view per area, the database status bar,
// and File > New/Open/Recent/Demo. It owns the open Store (used on the GUI thread only)
// and hands it to the views.

#include "database_opener.h"
#include "view_catalog.h"

#include "caseboard/demo/demo_practice.h"

#include <QMainWindow>

#include <map>
#include <memory>
#include <optional>

class QActionGroup;
class QMenu;
class QStackedWidget;

namespace caseboard { class Store; }

namespace caseboard::app {

class AppSettings;
class BusyView;
class ImportWizard;
class RestoreBackupDialog;
class DatabaseStatus;
class NavigationSidebar;
class PracticeView;
class WelcomeView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        QString dataDirectory;                  // where the demo practice lives
        std::optional<DemoOptions> demoOptions; // default: seed 1, ending today
    };

    MainWindow(AppSettings& settings, Options options, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens `path`, replacing the open database. On failure the open database stays,
    // a message box (window-modal, not blocking) explains why, and the error is returned.
    std::optional<OpenError> openDatabase(const QString& path);
    // Creates a new, empty database at `path` (which must not exist) and opens it.
    std::optional<OpenError> createDatabase(const QString& path);
    // Opens the demo practice, generating it off the GUI thread first when missing.
    void openDemoPractice();
    void closeDatabase();

    void showView(ViewId id);
    ViewId currentView() const;
    PracticeView* view(ViewId id) const;

    Store* store() const { return store_.get(); }
    QString databasePath() const { return databasePath_; }
    bool isBuildingDemo() const { return buildingDemo_; }
    // Anything running off the GUI thread that the window waits for.
    bool isBusy() const;
    DatabaseStatus* databaseStatus() const { return status_; }
    NavigationSidebar* sidebar() const { return sidebar_; }

    void restoreSavedGeometry();

    // File > Import: opens the import wizard on `paths` (asks for files when empty).
    // nullptr when no database is open or the files were not chosen.
    ImportWizard* importFiles(const QStringList& paths = {});
    // File > Restore Backup.
    RestoreBackupDialog* showRestoreBackup();
    // Where the backups taken before imports go: <data directory>/backups.
    QString backupDirectory() const;
    // After an import, a rollback or a restore: every view and the status bar read the
    // practice again.
    PracticeView* createView(ViewId id);
    // After a Team & Settings edit: every view that shows numbers computes them again.
    void recomputeViews();
    // After an import, a rollback or a restored backup: that, and Team & Settings and the
    // import history read everything again.
    void reloadPracticeData();

Q_SIGNALS:
    void databaseOpened(const QString& path);
    void databaseOpenFailed(const QString& path, const QString& message);
    void busyChanged(bool busy);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void connectDashboard();
    void rebuildRecentMenu();
    void chooseDatabaseToOpen();
    void chooseNewDatabase();
    void showAbout();
    void showOpenError(const OpenError& error);
    void adoptStore(std::unique_ptr<Store> store, const QString& path);
    void updateContent();
    void updateBusy();
    void setStoreInUse(bool inUse);
    bool canImport() const;

    AppSettings& settings_;
    Options options_;
    std::unique_ptr<Store> store_;
    QString databasePath_;
    bool buildingDemo_ = false;
    bool busy_ = false;
    // An import's worker holds the store: no view may touch it, so the busy page shows.
    bool storeInUse_ = false;

    NavigationSidebar* sidebar_;
    QStackedWidget* stack_;
    std::map<ViewId, PracticeView*> views_;
    WelcomeView* welcome_;
    BusyView* busyView_;
    DatabaseStatus* status_;
    QMenu* recentMenu_ = nullptr;
    QActionGroup* viewActions_ = nullptr;
    QAction* importAction_ = nullptr;
    QAction* restoreAction_ = nullptr;
};

} // namespace caseboard::app
