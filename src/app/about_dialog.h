#pragma once
// Help > About Caseboard: version, what Caseboard does with the practice's data, where
// it keeps its log, the licence and the Qt it runs on.

#include <QDialog>

namespace caseboard::app {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    AboutDialog(const QString& dataDirectory, QWidget* parent = nullptr);
};

} // namespace caseboard::app
