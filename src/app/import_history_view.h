#pragma once
// The Import view: every import batch, newest first, with its file, layout, time,
// counts, size and whether it is still in force; rolling a batch back (and every later
// one still in force) after a confirmation that says exactly what it will do. With no
// imports yet, it says how to bring files in.

#include "practice_view.h"

#include "caseboard/core/domain.h"
#include "caseboard/store/import_batch.h"

#include <optional>
#include <vector>

class QMessageBox;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace caseboard::app {

class EmptyStateWidget;

class ImportHistoryView : public PracticeView {
    Q_OBJECT
public:
    explicit ImportHistoryView(QWidget* parent = nullptr);

    void setDatabase(Store* store) override;
    // Where the copy taken before a rollback goes.
    void setBackupDirectory(const QString& directory) { backupDirectory_ = directory; }
    void reload();

    QTableWidget* table() const { return table_; }
    const std::vector<ImportBatch>& batches() const { return batches_; }
    QPushButton* rollBackButton() const { return rollBack_; }
    const EmptyStateWidget* emptyState() const { return empty_; }
    bool isShowingEmptyState() const;

    // Shows the confirmation for rolling back `batchId` (non-blocking); its Roll Back
    // button does it. nullptr when the batch cannot be rolled back.
    QMessageBox* askToRollBack(RowId batchId);
    // Rolls back without asking (after a backup); false and a message on failure.
    bool rollBack(RowId batchId);

Q_SIGNALS:
    void importRequested();
    void restoreRequested();
    // A rollback changed the practice's data.
    void practiceDataChanged();

private:
    void updateButtons();
    std::optional<RowId> selectedBatch() const;

    Store* store_ = nullptr;
    QString backupDirectory_;
    std::vector<ImportBatch> batches_; // newest first
    QStackedWidget* stack_;
    EmptyStateWidget* empty_;
    QTableWidget* table_;
    QPushButton* import_;
    QPushButton* restore_;
    QPushButton* rollBack_;
};

} // namespace caseboard::app
