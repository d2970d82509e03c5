#pragma once
// A calm, centred message for a place with nothing to show yet: an icon in a soft
// circle, a title, a few sentences, an optional chip ("Coming in a later release")
// and optional buttons.

#include <QWidget>

class QLabel;
class QHBoxLayout;
class QPushButton;

namespace caseboard::app {

class EmptyStateWidget : public QWidget {
    Q_OBJECT
public:
    EmptyStateWidget(const QString& iconName, const QString& title, const QStringList& paragraphs,
                     QWidget* parent = nullptr);

    void setChip(const QString& text);
    void setTitle(const QString& title);
    void setParagraphs(const QStringList& paragraphs);
    QPushButton* addButton(const QString& text, const QString& iconName = {}, bool primary = false);

    QString title() const;
    QString bodyText() const;

private:
    QLabel* icon_;
    QLabel* title_;
    QLabel* body_;
    QLabel* chip_;
    QHBoxLayout* buttons_;
};

} // namespace caseboard::app
