#pragma once
// The title block at the top of every view: the view's name and one line under it.

#include <QWidget>

class QLabel;

namespace caseboard::app {

class PageHeader : public QWidget {
    Q_OBJECT
public:
    PageHeader(const QString& title, const QString& subtitle, QWidget* parent = nullptr);

    void setSubtitle(const QString& subtitle);
    QString title() const;

private:
    QLabel* title_;
    QLabel* subtitle_;
};

} // namespace caseboard::app
