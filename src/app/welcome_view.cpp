#include "welcome_view.h"

#include "empty_state_widget.h"

#include <QPushButton>
#include <QVBoxLayout>

namespace caseboard::app {

WelcomeView::WelcomeView(QWidget* parent) : QWidget(parent)
{
    auto* state = new EmptyStateWidget(
        QStringLiteral("database"), tr("No database open"),
        {tr("Caseboard keeps a practice's appointments, clients and team in one database file on this computer. "
            "Nothing is sent anywhere."),
         tr("Open your practice's database, start a new one and import your EHR's exports into it, or explore "
            "the demo practice, a fictional group practice.")},
        this);
    connect(state->addButton(tr("Open Database…"), QStringLiteral("folder-open"), true), &QPushButton::clicked, this,
            &WelcomeView::openRequested);
    connect(state->addButton(tr("New Database…"), QStringLiteral("file-plus")), &QPushButton::clicked, this,
            &WelcomeView::newRequested);
    connect(state->addButton(tr("Open the Demo"), QStringLiteral("sparkles")), &QPushButton::clicked, this,
            &WelcomeView::demoRequested);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(state);
}

} // namespace caseboard::app
