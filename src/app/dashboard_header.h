#pragma once
// The top of the dashboard: its title with the time of the last import under it, the
// as-of date, the scope, the privacy switch and a busy note; under them a warning while
// past appointments are still unmarked (they are left out of every rate).

#include "caseboard/core/day.h"
#include "caseboard/metrics/scope.h"

#include <QWidget>

#include <cstdint>
#include <vector>

class QAction;
class QComboBox;
class QDateEdit;
class QLabel;
class QToolButton;

namespace caseboard { class Store; }

namespace caseboard::app {

class PageHeader;

class DashboardHeader : public QWidget {
    Q_OBJECT
public:
    explicit DashboardHeader(QWidget* parent = nullptr);

    void setAsOf(Day day);
    Day asOf() const;

    // The scopes on offer; the first is the whole practice. The selector's items hold
    // their index in this list as data (the selector also has separators). Replacing
    // them keeps the chosen scope if it is still on offer; neither emits scopeChanged.
    void setScopes(std::vector<metrics::Scope> scopes);
    void clearScopes();
    const std::vector<metrics::Scope>& scopes() const { return scopes_; }
    metrics::Scope currentScope() const;
    // An index of the selector, separators included.
    void setScopeIndex(int index);
    int scopeIndex() const;

    // Reads the store's import batches: one row per imported file, a few hundred at most.
    void showLastImport(Store* store);
    void setStatus(const QString& text, bool visible);
    void setUnmarkedPast(std::int64_t count);

    // Checkable; Ctrl+Shift+P.
    QAction* privacyAction() const { return privacyAction_; }

    QLabel* importNote() const { return importNote_; }
    QLabel* unmarkedWarning() const { return unmarked_; }
    QComboBox* scopeSelector() const { return scope_; }
    QDateEdit* dateEdit() const { return date_; }

Q_SIGNALS:
    void asOfChanged();
    void scopeChanged();
    void privacyChanged(bool hidden);

private:
    PageHeader* title_;
    QLabel* importNote_;
    QLabel* status_;
    QDateEdit* date_;
    QComboBox* scope_;
    QToolButton* privacyButton_;
    QAction* privacyAction_;
    QLabel* unmarked_;
    std::vector<metrics::Scope> scopes_;
};

} // namespace caseboard::app
