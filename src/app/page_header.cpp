#include "page_header.h"

#include <QLabel>
#include <QVBoxLayout>

namespace caseboard::app {

PageHeader::PageHeader(const QString& title, const QString& subtitle, QWidget* parent)
    : QWidget(parent), title_(new QLabel(title, this)), subtitle_(new QLabel(subtitle, this))
{
    title_->setObjectName(QStringLiteral("PageTitle"));
    subtitle_->setObjectName(QStringLiteral("PageSubtitle"));

    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    title_->setFont(titleFont);
    title_->setAccessibleName(title);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(title_);
    layout->addWidget(subtitle_);
}

void PageHeader::setSubtitle(const QString& subtitle) { subtitle_->setText(subtitle); }

QString PageHeader::title() const { return title_->text(); }

} // namespace caseboard::app
