#pragma once
// File > Restore Backup: the copies taken before each import, newest first, with their
// time and size. Restoring asks first, and backs up the current state before it
// replaces it, so a restore can be undone the same way.

#include "caseboard/store/database_backup.h"

#include <QDialog>

#include <vector>

class QPushButton;
class QTableWidget;
class QMessageBox;
class QLabel;

namespace caseboard { class Store; }

namespace caseboard::app {

class RestoreBackupDialog : public QDialog {
    Q_OBJECT
public:
    RestoreBackupDialog(Store& store, QString backupDirectory, QWidget* parent = nullptr);

    void reload();
    const std::vector<BackupInfo>& backups() const { return backups_; }
    QTableWidget* table() const { return table_; }
    QPushButton* restoreButton() const { return restore_; }

    // Shows the confirmation for restoring backup `index` (non-blocking).
    QMessageBox* askToRestore(int index);
    // Backs up the current state, then restores backup `index`; false on failure.
    bool restore(int index);

Q_SIGNALS:
    // The database's content was replaced: views reload.
    void restored();

private:
    Store& store_;
    QString directory_;
    std::vector<BackupInfo> backups_;
    QLabel* intro_;
    QTableWidget* table_;
    QPushButton* restore_;
};

} // namespace caseboard::app
