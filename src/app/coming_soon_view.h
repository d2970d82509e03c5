#pragma once
// An honest placeholder for a view that is not built yet: it says what the view will
// show and whom it serves. No fake numbers.

#include "practice_view.h"
#include "view_catalog.h"

namespace caseboard::app {

class EmptyStateWidget;

class ComingSoonView : public PracticeView {
    Q_OBJECT
public:
    explicit ComingSoonView(ViewId id, QWidget* parent = nullptr);

    void setDatabase(Store*) override {}
    const EmptyStateWidget* emptyState() const { return emptyState_; }

private:
    EmptyStateWidget* emptyState_;
};

} // namespace caseboard::app
