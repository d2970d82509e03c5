#include "about_dialog.h"

#include "icons.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <QtGlobal>

namespace caseboard::app {

AboutDialog::AboutDialog(const QString& dataDirectory, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("About Caseboard"));
    setObjectName(QStringLiteral("AboutDialog"));

    auto* icon = new QLabel(this);
    icon->setPixmap(applicationIcon().pixmap(QSize(64, 64)));
    icon->setAlignment(Qt::AlignTop);

    auto* name = new QLabel(QStringLiteral("Caseboard"), this);
    name->setObjectName(QStringLiteral("PageTitle"));
    QFont nameFont = name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.6);
    name->setFont(nameFont);

    auto* version = new QLabel(tr("Version %1").arg(QStringLiteral(CASEBOARD_VERSION)), this);
    version->setObjectName(QStringLiteral("MutedLabel"));

    auto* text = new QLabel(this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    text->setOpenExternalLinks(false);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QString logDirectory = QDir::toNativeSeparators(dataDirectory);
    text->setText(
        QStringLiteral("<p>") + tr("Practice analytics for therapy and allied-health group practices: sessions "
                                   "against goals, cancellations, retention, caseloads and payroll, from your "
                                   "EHR's exports.")
        + QStringLiteral("</p><p>")
        + tr("Your practice's data stays in one database file on this computer. Caseboard never sends it anywhere "
             "and never writes a client's name to its log.")
        + QStringLiteral("</p><p>") + tr("Log and demo data: %1").arg(logDirectory.toHtmlEscaped())
        + QStringLiteral("</p><p>")
        + tr("Free software under the GNU General Public License, version 3 or later. Built with Qt %1.")
              .arg(QString::fromLatin1(qVersion()))
        + QStringLiteral("</p>"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* textColumn = new QVBoxLayout;
    textColumn->setSpacing(4);
    textColumn->addWidget(name);
    textColumn->addWidget(version);
    textColumn->addSpacing(10);
    textColumn->addWidget(text);

    auto* row = new QHBoxLayout;
    row->setSpacing(18);
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addLayout(textColumn, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 16);
    layout->setSpacing(16);
    layout->addLayout(row);
    layout->addWidget(buttons);
    setFixedWidth(520);
}

} // namespace caseboard::app
