#pragma once
// The weekly to-do lists beside the numbers: clinicians with openings (urgent first),
// new clients to follow up, new clinicians' re-booking, and overdue progress notes.
// Each list has its count in its heading; double-clicking an entry opens its clinician.

#include "dashboard_data.h"

#include <QWidget>

#include <memory>
#include <vector>

class QGridLayout;
class QLabel;
class QTreeWidget;

namespace caseboard::app {

class ActionListsPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kVisibleRows = 7;

    explicit ActionListsPanel(QWidget* parent = nullptr);

    void setResult(std::shared_ptr<const DashboardResult> result);
    void setClientInitials(bool initials);
    // Two columns of two lists below the table; one column beside it.
    void setColumns(int columns);

    QTreeWidget* openings() const { return openings_; }
    QTreeWidget* followUps() const { return followUps_; }
    QTreeWidget* newClinicians() const { return newClinicians_; }
    QTreeWidget* overdueNotes() const { return overdueNotes_; }

Q_SIGNALS:
    void clinicianActivated(const QString& name);

private:
    struct Section {
        QLabel* title = nullptr;
        QLabel* empty = nullptr;
        QTreeWidget* tree = nullptr;
    };
    QWidget* makeSection(Section& section, const QStringList& columns, const QString& emptyText,
                         const QString& about);
    void finishSection(Section& section, const QString& title, int count);
    void rebuild();

    QGridLayout* grid_;
    std::vector<QWidget*> frames_;
    int columns_ = 0;
    std::shared_ptr<const DashboardResult> result_;
    bool initials_ = false;
    Section openingsSection_;
    Section followUpsSection_;
    Section newCliniciansSection_;
    Section notesSection_;
    QTreeWidget* openings_;
    QTreeWidget* followUps_;
    QTreeWidget* newClinicians_;
    QTreeWidget* overdueNotes_;
};

} // namespace caseboard::app
