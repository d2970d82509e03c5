#include "empty_state_widget.h"

#include "app_style.h"
#include "icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace caseboard::app {

namespace {

constexpr int kBadgeSize = 72;
constexpr int kIconSize = 32;

QPixmap badge(const QString& iconName)
{
    const qreal ratio = 2.0;
    QPixmap pixmap(QSize(kBadgeSize, kBadgeSize) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(theme().accentSoft);
    painter.drawEllipse(QRectF(0, 0, kBadgeSize, kBadgeSize));
    const QPixmap icon = tintedPixmap(iconName, kIconSize, theme().accent, ratio);
    const qreal offset = (kBadgeSize - kIconSize) / 2.0;
    painter.drawPixmap(QPointF(offset, offset), icon);
    return pixmap;
}

} // namespace

EmptyStateWidget::EmptyStateWidget(const QString& iconName, const QString& title, const QStringList& paragraphs,
                                   QWidget* parent)
    : QWidget(parent),
      icon_(new QLabel(this)),
      title_(new QLabel(title, this)),
      body_(new QLabel(this)),
      chip_(new QLabel(this)),
      buttons_(new QHBoxLayout)
{
    icon_->setPixmap(badge(iconName));
    icon_->setAlignment(Qt::AlignHCenter);

    title_->setObjectName(QStringLiteral("EmptyStateTitle"));
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    title_->setFont(titleFont);
    title_->setAlignment(Qt::AlignHCenter);
    title_->setWordWrap(true);

    body_->setObjectName(QStringLiteral("EmptyStateBody"));
    body_->setAlignment(Qt::AlignHCenter);
    body_->setWordWrap(true);
    body_->setTextFormat(Qt::RichText);
    setParagraphs(paragraphs);

    chip_->setObjectName(QStringLiteral("EmptyStateChip"));
    chip_->setVisible(false);

    buttons_->setSpacing(10);
    buttons_->addStretch();
    buttons_->addStretch();

    auto* column = new QVBoxLayout;
    column->setSpacing(0);
    column->addWidget(icon_, 0, Qt::AlignHCenter);
    column->addSpacing(18);
    column->addWidget(title_);
    column->addSpacing(10);
    column->addWidget(body_);
    column->addSpacing(18);
    column->addWidget(chip_, 0, Qt::AlignHCenter);
    column->addLayout(buttons_);

    auto* content = new QWidget(this);
    content->setLayout(column);
    content->setFixedWidth(540);

    // Centred by stretches, not by alignment: an aligned widget gets its size hint,
    // which would cut the wrapped text short; a box layout passes height-for-width on.
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(content);
    row->addStretch(1);

    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(32, 24, 32, 48);
    outer->addStretch(2);
    outer->addLayout(row);
    outer->addStretch(3);
}

void EmptyStateWidget::setChip(const QString& text)
{
    chip_->setText(text);
    chip_->setVisible(!text.isEmpty());
}

void EmptyStateWidget::setTitle(const QString& title) { title_->setText(title); }

void EmptyStateWidget::setParagraphs(const QStringList& paragraphs)
{
    QString html;
    for (const QString& paragraph : paragraphs)
        html += QStringLiteral("<p style=\"line-height: 135%; margin: 0 0 10px 0;\">") + paragraph.toHtmlEscaped()
            + QStringLiteral("</p>");
    body_->setText(html);
    body_->setVisible(!paragraphs.isEmpty());
}

QPushButton* EmptyStateWidget::addButton(const QString& text, const QString& iconName, bool primary)
{
    auto* button = new QPushButton(text, this);
    if (!iconName.isEmpty())
        button->setIcon(tintedIcon(iconName, primary ? QColor(Qt::white) : theme().accent));
    button->setObjectName(primary ? QStringLiteral("PrimaryButton") : QStringLiteral("SecondaryButton"));
    button->setCursor(Qt::PointingHandCursor);
    button->setDefault(primary);
    buttons_->insertWidget(buttons_->count() - 1, button);
    return button;
}

QString EmptyStateWidget::title() const { return title_->text(); }

QString EmptyStateWidget::bodyText() const { return body_->text(); }

} // namespace caseboard::app
