#pragma once
// The selected client's appointment history with every clinician, newest first: date,
// clinician, status, fee, paid, balance and note status, read from the snapshot's
// columns (one pass over the appointments per selection: milliseconds at a million).

#include "clients_data.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QStackedWidget;
class QTableWidget;

namespace caseboard::app {

class ClientDetailPanel : public QWidget {
    Q_OBJECT
public:
    enum class Column { Date, Clinician, Status, Fee, Paid, Balance, Note };
    static constexpr int kColumnCount = static_cast<int>(Column::Note) + 1;
    static constexpr int kStatusCategoryRole = Qt::UserRole + 1;

    explicit ClientDetailPanel(QWidget* parent = nullptr);

    // Shows `client` (index into the snapshot's clients), or nothing.
    void showClient(std::shared_ptr<const ClientsResult> result, std::optional<std::size_t> client);
    void setClientInitials(bool initials);

    std::optional<std::size_t> client() const { return client_; }
    QTableWidget* table() const { return table_; }
    QString titleText() const;
    QString summaryText() const;

private:
    void rebuild();

    std::shared_ptr<const ClientsResult> result_;
    std::optional<std::size_t> client_;
    bool initials_ = false;

    QLabel* title_;
    QLabel* summary_;
    QStackedWidget* stack_;
    QLabel* placeholder_;
    QTableWidget* table_;
};

} // namespace caseboard::app
