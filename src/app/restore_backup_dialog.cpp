#include "restore_backup_dialog.h"

#include "data_table.h"
#include "import_file_choice.h"
#include "table_fit.h"

#include "caseboard/store/store.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

namespace caseboard::app {

namespace {
enum Column { kTaken, kSize, kFile, kColumnCount };
}

RestoreBackupDialog::RestoreBackupDialog(Store& store, QString backupDirectory, QWidget* parent)
    : QDialog(parent),
      store_(store),
      directory_(std::move(backupDirectory)),
      intro_(new QLabel(this)),
      table_(new QTableWidget(0, kColumnCount, this)),
      restore_(new QPushButton(tr("Restore\u2026"), this))
{
    setObjectName(QStringLiteral("RestoreBackupDialog"));
    setWindowTitle(tr("Restore Backup"));
    resize(640, 420);
    intro_->setWordWrap(true);
    table_->setHorizontalHeaderLabels({tr("Taken"), tr("Size"), tr("File")});
    setUpDataTable(table_, 30);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->horizontalHeader()->setSectionsMovable(false);
    table_->setFocusPolicy(Qt::TabFocus);
    restore_->setObjectName(QStringLiteral("PrimaryButton"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(restore_, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(restore_, &QPushButton::clicked, this, [this] { askToRestore(table_->currentRow()); });
    connect(table_, &QTableWidget::itemSelectionChanged, this,
            [this] { restore_->setEnabled(!table_->selectedItems().isEmpty()); });
    connect(table_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) { askToRestore(row); });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 14);
    layout->setSpacing(12);
    layout->addWidget(intro_);
    layout->addWidget(table_, 1);
    layout->addWidget(buttons);
    reload();
}

void RestoreBackupDialog::reload()
{
    backups_ = listBackups(std::filesystem::path(directory_.toStdU16String()), store_.path());
    intro_->setText(backups_.empty()
                        ? tr("There are no backups yet. Caseboard saves a copy of your database before every import, "
                             "in %1.")
                              .arg(QDir::toNativeSeparators(directory_))
                        : tr("Caseboard saves a copy of your database before every import and keeps the last ten. "
                             "Restoring one puts your data back exactly as it was then; your current data is "
                             "backed up first, so this can be undone too."));
    table_->clearContents();
    table_->setRowCount(static_cast<int>(backups_.size()));
    for (std::size_t i = 0; i < backups_.size(); ++i) {
        const BackupInfo& backup = backups_[i];
        const int row = static_cast<int>(i);
        table_->setItem(row, kTaken, new QTableWidgetItem(localTimeText(backup.createdAt)));
        auto* size = new QTableWidgetItem(fileSizeText(backup.bytes));
        size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table_->setItem(row, kSize, size);
        const QString path = QString::fromStdU16String(backup.path.u16string());
        auto* file = new QTableWidgetItem(QFileInfo(path).fileName());
        file->setToolTip(QDir::toNativeSeparators(path));
        table_->setItem(row, kFile, file);
    }
    fitColumnsToText(table_, {kTaken, kSize});
    if (!backups_.empty())
        table_->selectRow(0);
    restore_->setEnabled(!backups_.empty());
}

QMessageBox* RestoreBackupDialog::askToRestore(int index)
{
    if (index < 0 || index >= static_cast<int>(backups_.size()))
        return nullptr;
    const QString when = localTimeText(backups_[static_cast<std::size_t>(index)].createdAt);
    auto* box = new QMessageBox(QMessageBox::Question, tr("Restore Backup"),
                                tr("Replace all the data in this database with the backup from %1?").arg(when),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("RestoreConfirmation"));
    box->setInformativeText(tr("Everything imported or edited since then is replaced. Caseboard first saves a "
                               "backup of the data as it is now, so you can come back to it from this list."));
    QPushButton* confirm = box->addButton(tr("Restore"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QPushButton::clicked, this, [this, index] { restore(index); });
    box->open();
    return box;
}

bool RestoreBackupDialog::restore(int index)
{
    if (index < 0 || index >= static_cast<int>(backups_.size()))
        return false;
    const BackupInfo chosen = backups_[static_cast<std::size_t>(index)];
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString failure;
    try {
        // Keep every backup there is: trimming to ten now could delete the chosen one.
        backupDatabase(store_, std::filesystem::path(directory_.toStdU16String()), backups_.size() + 1);
        restoreBackup(store_, chosen.path);
        spdlog::info("GUI restored a backup taken {}", chosen.createdAt);
    } catch (const std::exception& error) {
        spdlog::error("restoring a backup failed: {}", error.what());
        failure = QString::fromUtf8(error.what());
    }
    QApplication::restoreOverrideCursor();
    reload();
    if (!failure.isEmpty()) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot Restore Backup"),
                                    tr("Caseboard could not restore this backup. Your data was not changed."),
                                    QMessageBox::Ok, this);
        box->setInformativeText(failure);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return false;
    }
    Q_EMIT restored();
    return true;
}

} // namespace caseboard::app
