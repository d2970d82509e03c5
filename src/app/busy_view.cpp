#include "busy_view.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace caseboard::app {

BusyView::BusyView(QWidget* parent) : QWidget(parent), title_(new QLabel(this)), detail_(new QLabel(this))
{
    title_->setObjectName(QStringLiteral("EmptyStateTitle"));
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    title_->setFont(titleFont);
    title_->setAlignment(Qt::AlignHCenter);

    detail_->setObjectName(QStringLiteral("EmptyStateBody"));
    detail_->setAlignment(Qt::AlignHCenter);
    detail_->setWordWrap(true);

    auto* bar = new QProgressBar(this);
    bar->setObjectName(QStringLiteral("BusyBar"));
    bar->setRange(0, 0); // indeterminate
    bar->setTextVisible(false);
    bar->setFixedWidth(280);
    bar->setFixedHeight(6);

    auto* column = new QVBoxLayout;
    column->setSpacing(14);
    column->addWidget(title_);
    column->addWidget(bar, 0, Qt::AlignHCenter);
    column->addWidget(detail_);

    auto* content = new QWidget(this);
    content->setLayout(column);
    content->setFixedWidth(520);

    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(content);
    row->addStretch(1);

    auto* outer = new QVBoxLayout(this);
    outer->addStretch(2);
    outer->addLayout(row);
    outer->addStretch(3);
}

void BusyView::setMessage(const QString& title, const QString& detail)
{
    title_->setText(title);
    detail_->setText(detail);
}

QString BusyView::title() const { return title_->text(); }

} // namespace caseboard::app
