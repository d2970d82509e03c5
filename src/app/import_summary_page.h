#pragma once
// The wizard's last step: what the import did, per file and in sentences, where the
// backup went, and the rows it could not take.

#include "import_worker.h"

#include "caseboard/import/preset.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace caseboard::app {

class ImportSummaryPage : public QWidget {
    Q_OBJECT
public:
    explicit ImportSummaryPage(QWidget* parent = nullptr);

    void showResult(const ImportRunResult& result, const import::PresetCatalog& catalog);

    QString headline() const;
    QStringList sentences() const { return sentences_; }
    QTableWidget* table() const { return table_; }
    QPushButton* rejectsButton() const { return rejects_; }

Q_SIGNALS:
    void rejectsRequested(int reportIndex);

private:
    QLabel* headline_;
    QLabel* body_;
    QTableWidget* table_;
    QLabel* backup_;
    QPushButton* rejects_;
    QStringList sentences_;
    std::vector<bool> hasRejects_;
};

} // namespace caseboard::app
