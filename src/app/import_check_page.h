#pragma once
// The wizard's dry-run step: what importing will do, before anything is written, in
// plain sentences and per file; the clinicians and statuses that appear for the first
// time, each new status with a choice of category right there.

#include "import_worker.h"

#include "caseboard/core/status.h"
#include "caseboard/import/preset.h"

#include <QWidget>

#include <map>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QGroupBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace caseboard::app {

class ImportCheckPage : public QWidget {
    Q_OBJECT
public:
    explicit ImportCheckPage(QWidget* parent = nullptr);

    void showChecking(int files);
    void showResult(const ImportRunResult& result, const import::PresetCatalog& catalog);

    bool skipBadRows() const;
    QStringList sentences() const { return sentences_; }
    QString newCliniciansText() const;
    QComboBox* statusCombo(const QString& rawStatus) const;
    QTableWidget* table() const { return table_; }
    QPushButton* rejectsButton() const { return rejects_; }

Q_SIGNALS:
    void statusMapped(const QString& rawStatus, caseboard::StatusCategory category);
    void skipBadRowsChanged(bool skip);
    void rejectsRequested(int reportIndex);

private:
    QStackedWidget* stack_;
    QLabel* checkingText_;
    QLabel* intro_;
    QLabel* sentencesLabel_;
    QLabel* clinicians_;
    QGroupBox* statusesBox_;
    QGridLayout* statusesGrid_;
    std::map<QString, QComboBox*> statusCombos_;
    QTableWidget* table_;
    QCheckBox* skip_;
    QPushButton* rejects_;
    QStringList sentences_;
    std::vector<std::uint64_t> rejectedPerReport_;
};

} // namespace caseboard::app
