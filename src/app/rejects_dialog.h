#pragma once
// The rejected rows of one imported file, in a table (line, column, reason, the row),
// with "Save as CSV…" so the admin can fix them in the EHR or a spreadsheet.

#include "caseboard/import/import_report.h"

#include <QDialog>

class QTableView;

namespace caseboard::app {

class RejectsTableModel;

class RejectsDialog : public QDialog {
    Q_OBJECT
public:
    RejectsDialog(import::FileReport report, QWidget* parent = nullptr);

    QTableView* table() const { return table_; }
    RejectsTableModel* model() const { return model_; }
    // Writes the rejects file; false (and a message box) when it could not be written.
    bool saveCsv(const QString& path);

private:
    void chooseFileAndSave();

    import::FileReport report_;
    RejectsTableModel* model_;
    QTableView* table_;
};

} // namespace caseboard::app
