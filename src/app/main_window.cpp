#include "main_window.h"

#include "about_dialog.h"
#include "app_settings.h"
#include "appointment_table_model.h"
#include "appointments_view.h"
#include "busy_view.h"
#include "clients_view.h"
#include "dashboard_view.h"
#include "database_status.h"
#include "demo_database.h"
#include "icons.h"
#include "import_history_view.h"
#include "import_wizard.h"
#include "navigation_sidebar.h"
#include "payroll_view.h"
#include "restore_backup_dialog.h"
#include "supervision_view.h"
#include "team_settings_view.h"
#include "trends_view.h"
#include "welcome_view.h"

#include "caseboard/core/day.h"
#include "caseboard/store/store.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

#include <spdlog/spdlog.h>

namespace caseboard::app {

namespace {

const char* const kDatabaseFilter = QT_TRANSLATE_NOOP("MainWindow", "Caseboard databases (*.db *.sqlite *.caseboard)");

QString fileNameOf(const QString& path) { return QFileInfo(path).fileName(); }

} // namespace

MainWindow::MainWindow(AppSettings& settings, Options options, QWidget* parent)
    : QMainWindow(parent),
      settings_(settings),
      options_(std::move(options)),
      sidebar_(new NavigationSidebar(this)),
      stack_(new QStackedWidget(this)),
      welcome_(new WelcomeView(this)),
      busyView_(new BusyView(this)),
      status_(new DatabaseStatus(statusBar()))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(applicationIcon());
    setMinimumSize(1024, 640);
    resize(1280, 800);
    setAcceptDrops(true); // export files dropped on any view start an import

    stack_->setObjectName(QStringLiteral("ContentStack"));
    for (const ViewId id : kAllViews) {
        PracticeView* view = createView(id);
        views_[id] = view;
        stack_->addWidget(view);
        connect(view, &PracticeView::busyChanged, this, &MainWindow::updateBusy);
    }
    stack_->addWidget(welcome_);
    stack_->addWidget(busyView_);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(sidebar_);
    layout->addWidget(stack_, 1);
    setCentralWidget(central);

    connect(sidebar_, &NavigationSidebar::viewSelected, this, &MainWindow::showView);
    connect(welcome_, &WelcomeView::openRequested, this, &MainWindow::chooseDatabaseToOpen);
    connect(welcome_, &WelcomeView::newRequested, this, &MainWindow::chooseNewDatabase);
    connect(welcome_, &WelcomeView::demoRequested, this, &MainWindow::openDemoPractice);
    connect(status_, &DatabaseStatus::busyChanged, this, &MainWindow::updateBusy);

    createMenus();
    connectDashboard();
    // Every saved Team & Settings edit (and its undo) changes numbers: recompute them.
    connect(qobject_cast<TeamSettingsView*>(views_.at(ViewId::TeamSettings)), &TeamSettingsView::practiceDataChanged,
            this, &MainWindow::recomputeViews);

    auto* history = qobject_cast<ImportHistoryView*>(views_.at(ViewId::Import));
    history->setBackupDirectory(backupDirectory());
    connect(history, &ImportHistoryView::importRequested, this, [this] { importFiles(); });
    connect(history, &ImportHistoryView::restoreRequested, this, &MainWindow::showRestoreBackup);
    connect(history, &ImportHistoryView::practiceDataChanged, this, &MainWindow::reloadPracticeData);

    const QString lastView = settings_.lastView();
    for (const ViewId id : kAllViews)
        if (viewInfo(id).key == lastView)
            sidebar_->setCurrentView(id);
    updateContent();
}

MainWindow::~MainWindow()
{
    // Views hold statements on the store's connection: let go of them first.
    for (auto& [id, view] : views_)
        view->setDatabase(nullptr);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newDatabase = file->addAction(tintedIcon(QStringLiteral("file-plus"), palette().color(QPalette::Text)),
                                           tr("&New Database…"), this, &MainWindow::chooseNewDatabase);
    newDatabase->setShortcut(QKeySequence::New);
    QAction* open = file->addAction(tintedIcon(QStringLiteral("folder-open"), palette().color(QPalette::Text)),
                                    tr("&Open Database…"), this, &MainWindow::chooseDatabaseToOpen);
    open->setShortcut(QKeySequence::Open);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();
    file->addAction(tintedIcon(QStringLiteral("sparkles"), palette().color(QPalette::Text)),
                    tr("Open &Demo Practice"), this, &MainWindow::openDemoPractice);
    file->addSeparator();
    importAction_ = file->addAction(tintedIcon(QStringLiteral("import"), palette().color(QPalette::Text)),
                                    tr("&Import Files…"), this, [this] { importFiles(); });
    importAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    restoreAction_ = file->addAction(tr("Restore &Backup…"), this, &MainWindow::showRestoreBackup);
    file->addSeparator();
    QAction* close = file->addAction(tr("&Close Database"), this, &MainWindow::closeDatabase);
    close->setShortcut(QKeySequence::Close);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    viewActions_ = new QActionGroup(this);
    viewActions_->setExclusive(true);
    int number = 1;
    for (const ViewId id : kAllViews) {
        const ViewInfo info = viewInfo(id);
        QAction* action = viewMenu->addAction(tintedIcon(info.iconName, palette().color(QPalette::Text)), menuText(info));
        action->setCheckable(true);
        action->setData(viewIndex(id));
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + number++)));
        viewActions_->addAction(action);
        connect(action, &QAction::triggered, this, [this, id] { showView(id); });
    }
    viewMenu->addSeparator();
    viewMenu->addAction(qobject_cast<DashboardView*>(views_.at(ViewId::Dashboard))->privacyAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Caseboard"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction* aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::connectDashboard()
{
    auto* dashboard = qobject_cast<DashboardView*>(views_.at(ViewId::Dashboard));
    auto* appointments = qobject_cast<AppointmentsView*>(views_.at(ViewId::Appointments));
    auto* clients = qobject_cast<ClientsView*>(views_.at(ViewId::Clients));
    QAction* privacy = dashboard->privacyAction();
    // Privacy mode covers every view that shows client names.
    connect(privacy, &QAction::toggled, this, [this, appointments, clients](bool hidden) {
        settings_.setHideClientNames(hidden);
        appointments->model()->setClientInitials(hidden);
        clients->setClientInitials(hidden);
    });
    privacy->setChecked(settings_.hideClientNames());
    // A clinician opens as their appointments, through the clinician filter.
    appointments->setAppSettings(&settings_);
    connect(dashboard, &DashboardView::clinicianActivated, this, [this, appointments](const QString& name) {
        showView(ViewId::Appointments);
        appointments->showClinician(name);
    });
}

void MainWindow::rebuildRecentMenu()
{
    recentMenu_->clear();
    const QStringList files = settings_.recentFiles();
    for (const QString& path : files) {
        QAction* action = recentMenu_->addAction(fileNameOf(path), this, [this, path] { openDatabase(path); });
        action->setToolTip(path);
        action->setStatusTip(path);
        action->setEnabled(QFileInfo::exists(path));
    }
    if (files.isEmpty()) {
        recentMenu_->addAction(tr("No recent databases"))->setEnabled(false);
        return;
    }
    recentMenu_->setToolTipsVisible(true);
    recentMenu_->addSeparator();
    recentMenu_->addAction(tr("Clear List"), this, [this] { settings_.clearRecentFiles(); });
}

std::optional<OpenError> MainWindow::openDatabase(const QString& path)
{
    OpenResult result = openDatabaseFile(path, OpenMode::ExistingOnly);
    if (result.error) {
        if (result.error->kind == OpenError::Kind::NotFound)
            settings_.removeRecentFile(path);
        showOpenError(*result.error);
        return result.error;
    }
    adoptStore(std::move(result.store), QFileInfo(path).absoluteFilePath());
    return std::nullopt;
}

std::optional<OpenError> MainWindow::createDatabase(const QString& path)
{
    if (QFileInfo::exists(path)) {
        OpenError error{OpenError::Kind::Other, path,
                        tr("A file with this name already exists. Choose another name, or open it with "
                           "File > Open Database."),
                        {}};
        showOpenError(error);
        return error;
    }
    OpenResult result = openDatabaseFile(path, OpenMode::CreateIfMissing);
    if (result.error) {
        showOpenError(*result.error);
        return result.error;
    }
    adoptStore(std::move(result.store), QFileInfo(path).absoluteFilePath());
    return std::nullopt;
}

void MainWindow::adoptStore(std::unique_ptr<Store> store, const QString& path)
{
    closeDatabase();
    store_ = std::move(store);
    databasePath_ = path;
    spdlog::info("GUI opened database {}", fileNameOf(path).toStdString());

    settings_.setLastDatabase(path);
    settings_.addRecentFile(path);
    setWindowTitle(fileNameOf(path));
    status_->setDatabase(path);
    for (auto& [id, view] : views_)
        view->setDatabase(store_.get());
    updateContent();
    Q_EMIT databaseOpened(path);
}

void MainWindow::closeDatabase()
{
    if (!store_)
        return;
    for (auto& [id, view] : views_)
        view->setDatabase(nullptr);
    store_.reset();
    databasePath_.clear();
    setWindowTitle({});
    status_->setDatabase({});
    updateContent();
}

void MainWindow::openDemoPractice()
{
    const QString path = demoDatabasePath(options_.dataDirectory);
    if (QFileInfo::exists(path)) {
        openDatabase(path);
        return;
    }
    if (buildingDemo_)
        return;

    buildingDemo_ = true;
    busyView_->setMessage(tr("Setting up the demo practice"),
                          tr("Caseboard is creating a fictional group practice, with its clinicians, clients and "
                             "four years of appointments, so you can explore every view. This takes a moment and "
                             "happens only once."));
    updateContent();
    updateBusy();

    const DemoOptions demoOptions = options_.demoOptions.value_or(defaultDemoOptions(localToday()));
    auto* watcher = new QFutureWatcher<DemoBuildResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const DemoBuildResult result = watcher->result();
        buildingDemo_ = false;
        if (result.ok) {
            openDatabase(path);
        } else {
            showOpenError({OpenError::Kind::Other, path, tr("Caseboard could not create the demo practice."),
                           result.error});
            updateContent();
        }
        updateBusy();
    });
    watcher->setFuture(QtConcurrent::run(&buildDemoDatabase, path, demoOptions));
}

void MainWindow::showOpenError(const OpenError& error)
{
    spdlog::warn("could not open database {}", fileNameOf(error.path).toStdString());
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot Open Database"),
                                tr("Caseboard could not open \u201c%1\u201d.").arg(fileNameOf(error.path)),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("OpenErrorBox"));
    box->setInformativeText(error.message + QStringLiteral("\n\n")
                            + QDir::toNativeSeparators(QFileInfo(error.path).absoluteFilePath()));
    if (!error.detail.isEmpty())
        box->setDetailedText(error.detail);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // window-modal; does not block the caller
    Q_EMIT databaseOpenFailed(error.path, error.message);
}

void MainWindow::chooseDatabaseToOpen()
{
    const QString start = databasePath_.isEmpty() ? QDir::homePath() : QFileInfo(databasePath_).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Database"), start, tr(kDatabaseFilter) + QStringLiteral(";;")
                                              + tr("All files (*)"));
    if (!path.isEmpty())
        openDatabase(path);
}

void MainWindow::chooseNewDatabase()
{
    QString path = QFileDialog::getSaveFileName(this, tr("New Database"),
                                                QDir(QDir::homePath()).filePath(tr("practice.db")),
                                                tr(kDatabaseFilter), nullptr,
                                                QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".db");
    createDatabase(path);
}

void MainWindow::showAbout()
{
    auto* dialog = new AboutDialog(options_.dataDirectory, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showView(ViewId id)
{
    sidebar_->setCurrentView(id);
    for (QAction* action : viewActions_->actions())
        if (action->data().toInt() == viewIndex(id))
            action->setChecked(true);
    settings_.setLastView(viewInfo(id).key);
    updateContent();
}

ViewId MainWindow::currentView() const { return sidebar_->currentView(); }

PracticeView* MainWindow::view(ViewId id) const { return views_.at(id); }

void MainWindow::updateContent()
{
    const bool ready = store_ && !buildingDemo_ && !storeInUse_;
    sidebar_->setNavigationEnabled(ready);
    viewActions_->setEnabled(ready);
    importAction_->setEnabled(ready);
    restoreAction_->setEnabled(ready);
    if (buildingDemo_ || storeInUse_)
        stack_->setCurrentWidget(busyView_);
    else if (!store_)
        stack_->setCurrentWidget(welcome_);
    else
        stack_->setCurrentWidget(views_.at(currentView()));
    for (QAction* action : viewActions_->actions())
        action->setChecked(action->data().toInt() == viewIndex(currentView()));
}

bool MainWindow::isBusy() const
{
    if (buildingDemo_ || storeInUse_ || status_->isBusy())
        return true;
    for (const auto& [id, view] : views_)
        if (view->isBusy())
            return true;
    return false;
}

void MainWindow::updateBusy()
{
    const bool busy = isBusy();
    if (busy == busy_)
        return;
    busy_ = busy;
    Q_EMIT busyChanged(busy);
}

void MainWindow::restoreSavedGeometry()
{
    const QByteArray geometry = settings_.windowGeometry();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = settings_.windowState();
    if (!state.isEmpty())
        restoreState(state);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (storeInUse_) { // an import holds the database; the wizard cancels it first
        event->ignore();
        return;
    }
    settings_.setWindowGeometry(saveGeometry());
    settings_.setWindowState(saveState());
    QMainWindow::closeEvent(event);
}

QString MainWindow::backupDirectory() const
{
    return QDir(options_.dataDirectory).filePath(QStringLiteral("backups"));
}

bool MainWindow::canImport() const { return store_ && !store_->inMemory() && !buildingDemo_ && !storeInUse_; }

ImportWizard* MainWindow::importFiles(const QStringList& paths)
{
    if (!canImport() || findChild<ImportWizard*>())
        return nullptr;
    QStringList files = paths;
    if (files.isEmpty())
        files = QFileDialog::getOpenFileNames(this, tr("Import Files"), QDir::homePath(),
                                              tr("Exports (*.csv *.txt);;All files (*)"));
    if (files.isEmpty())
        return nullptr;
    auto* wizard = new ImportWizard(*store_, backupDirectory(), files, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &ImportWizard::storeInUse, this, &MainWindow::setStoreInUse);
    connect(wizard, &ImportWizard::practiceDataChanged, this, &MainWindow::reloadPracticeData);
    wizard->open(); // window-modal: the window behind takes no input while it is open
    return wizard;
}

RestoreBackupDialog* MainWindow::showRestoreBackup()
{
    if (!canImport())
        return nullptr;
    auto* dialog = new RestoreBackupDialog(*store_, backupDirectory(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RestoreBackupDialog::restored, this, &MainWindow::reloadPracticeData);
    dialog->open();
    return dialog;
}

void MainWindow::setStoreInUse(bool inUse)
{
    if (inUse == storeInUse_)
        return;
    storeInUse_ = inUse;
    if (inUse)
        busyView_->setMessage(tr("Importing"),
                              tr("Caseboard is reading your files. The views come back, with the new numbers, as "
                                 "soon as it is done."));
    updateContent();
    updateBusy();
}

PracticeView* MainWindow::createView(ViewId id)
{
    switch (id) {
    case ViewId::Dashboard: return new DashboardView(stack_);
    case ViewId::Clients: return new ClientsView(&settings_, stack_);
    case ViewId::Appointments: return new AppointmentsView(stack_);
    case ViewId::TeamSettings: return new TeamSettingsView(stack_);
    case ViewId::Supervision: return new SupervisionView(stack_);
    case ViewId::Trends: return new TrendsView(stack_);
    case ViewId::Payroll: return new PayrollView(stack_);
    case ViewId::Import: return new ImportHistoryView(stack_);
    }
    Q_UNREACHABLE();
}

void MainWindow::recomputeViews()
{
    qobject_cast<DashboardView*>(views_.at(ViewId::Dashboard))->reload();
    qobject_cast<ClientsView*>(views_.at(ViewId::Clients))->reload();
    qobject_cast<AppointmentsView*>(views_.at(ViewId::Appointments))->reload();
    qobject_cast<SupervisionView*>(views_.at(ViewId::Supervision))->reload();
    qobject_cast<TrendsView*>(views_.at(ViewId::Trends))->reload();
    qobject_cast<PayrollView*>(views_.at(ViewId::Payroll))->reload();
}

void MainWindow::reloadPracticeData()
{
    if (!store_)
        return;
    recomputeViews();
    qobject_cast<TeamSettingsView*>(views_.at(ViewId::TeamSettings))->reloadReplacedData();
    qobject_cast<ImportHistoryView*>(views_.at(ViewId::Import))->reload();
    status_->setDatabase(databasePath_);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (canImport() && !localFilesOf(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent* event)
{
    if (canImport() && !localFilesOf(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QStringList files = localFilesOf(event->mimeData());
    if (!canImport() || files.isEmpty())
        return;
    event->acceptProposedAction();
    importFiles(files);
}

} // namespace caseboard::app
