#pragma once
// The monthly 1:1 (docs/supervision.md): pick a clinician and a month; see their numbers
// against the previous month and the same month last year with a 13-month trend each,
// their at-risk clients, close-out candidates and overdue notes, the goals set at the
// last 1:1, and record this month's goals and notes. "Export packet…" writes the page as
// a PDF; "Prepare all…" writes every clinician's (or every team's). Numbers are computed
// off the GUI thread (SupervisionData).

#include "practice_view.h"
#include "supervision_data.h"

#include "caseboard/core/domain.h"

#include <QPointer>

#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTableWidget;
class QTreeWidget;

namespace caseboard::app {

class EmptyStateWidget;
class PrepareAllDialog;
class SupervisionNotesEditor;

class SupervisionView : public PracticeView {
    Q_OBJECT
public:
    explicit SupervisionView(QWidget* parent = nullptr);
    ~SupervisionView() override;

    void setDatabase(Store* store) override;
    bool isBusy() const override;
    // Loads the data again, after an import or a Team & Settings edit changed it.
    void reload();

    // The last day of data the months are cut at (default: yesterday).
    void setAsOf(Day day);
    Day asOf() const { return asOf_; }
    // Selects by snapshot index / month; false when not offered.
    bool setClinician(std::size_t clinician);
    bool setMonth(metrics::CalendarMonth month);
    std::optional<std::size_t> clinician() const;
    std::optional<metrics::CalendarMonth> month() const;
    void setClientInitials(bool initials);

    std::shared_ptr<const SupervisionResult> result() const { return result_; }
    SupervisionData* data() const { return data_; }
    QComboBox* clinicianSelector() const { return clinicians_; }
    QComboBox* monthSelector() const { return months_; }
    QTableWidget* numbersTable() const { return table_; }
    QTreeWidget* list(int index) const { return lists_.at(static_cast<std::size_t>(index)); }
    SupervisionNotesEditor* notesEditor() const { return editor_; }
    QCheckBox* packetInitialsBox() const { return packetInitials_; }

    // Writes this clinician's packet for the month to `path`; false with the reason shown.
    bool exportPacket(const QString& path);
    // Opens the Prepare all dialog (window-modal, not blocking) and returns it.
    PrepareAllDialog* openPrepareAll();

Q_SIGNALS:
    void resultShown();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void alignHeaders();
    void rebuildPickers();
    void requestCompute();
    void showResult(std::shared_ptr<const SupervisionResult> result);
    void showLists();
    static void fitListHeight(QTreeWidget* tree);
    void chooseExportPath();
    RowId clinicianId(std::size_t clinician) const;

    SupervisionData* data_;
    std::shared_ptr<const SupervisionResult> result_;
    Store* store_ = nullptr;
    Day asOf_{};
    bool initials_ = false;
    bool stale_ = false; // hidden since the last load
    std::vector<bool> sessionRoles_; // by snapshot index: a role that sees clients
    QPointer<PrepareAllDialog> prepareAll_;

    QStackedWidget* stack_;
    QScrollArea* scroll_;
    EmptyStateWidget* noData_;
    QComboBox* clinicians_;
    QComboBox* months_;
    QLabel* status_;
    QLabel* banner_;
    QCheckBox* packetInitials_;
    QPushButton* export_;
    QPushButton* prepare_;
    QLabel* tableTitle_;
    QTableWidget* table_;
    QWidget* tableCard_ = nullptr;
    QWidget* notesCard_ = nullptr;
    std::vector<QLabel*> listTitles_;
    std::vector<QTreeWidget*> lists_;
    SupervisionNotesEditor* editor_;
};

} // namespace caseboard::app
