#include "rejects_dialog.h"

#include "data_table.h"
#include "display_format.h"
#include "rejects_table_model.h"

#include "caseboard/import/importer.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <fstream>

namespace caseboard::app {

RejectsDialog::RejectsDialog(import::FileReport report, QWidget* parent)
    : QDialog(parent), report_(std::move(report)), model_(new RejectsTableModel(this)), table_(new QTableView(this))
{
    setObjectName(QStringLiteral("RejectsDialog"));
    const QString fileName = QFileInfo(QString::fromStdString(report_.file)).fileName();
    setWindowTitle(tr("Rows Not Imported \u2014 %1").arg(fileName));
    resize(900, 520);

    auto* intro = new QLabel(this);
    intro->setWordWrap(true);
    const auto kept = static_cast<qint64>(report_.issues.size());
    const auto total = static_cast<qint64>(report_.rejected);
    QString text = (total == 1 ? tr("1 row of \u201c%1\u201d could not be imported.").arg(fileName)
                               : tr("%1 rows of \u201c%2\u201d could not be imported.").arg(formatCount(total), fileName))
                 + QLatin1Char(' ')
                 + tr("The line numbers are those a text editor shows; fix the rows in your EHR and export again, "
                      "or save this list to work through it.");
    if (kept < total)
        text += QLatin1Char(' ') + tr("The first %1 are listed here.").arg(formatCount(kept));
    intro->setText(text);

    model_->setIssues(report_.issues);
    table_->setModel(model_);
    setUpDataTable(table_, 30);
    table_->horizontalHeader()->resizeSection(RejectsTableModel::kLine, 70);
    table_->horizontalHeader()->resizeSection(RejectsTableModel::kColumn, 150);
    table_->horizontalHeader()->resizeSection(RejectsTableModel::kReason, 400);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* save = buttons->addButton(tr("Save as CSV\u2026"), QDialogButtonBox::ActionRole);
    save->setEnabled(!report_.issues.empty());
    connect(save, &QPushButton::clicked, this, &RejectsDialog::chooseFileAndSave);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 14);
    layout->setSpacing(12);
    layout->addWidget(intro);
    layout->addWidget(table_, 1);
    layout->addWidget(buttons);
}

void RejectsDialog::chooseFileAndSave()
{
    const QFileInfo source(QString::fromStdString(report_.file));
    const QString suggested = source.dir().filePath(source.completeBaseName() + tr("-not-imported") + QStringLiteral(".csv"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Rows Not Imported"), suggested,
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        saveCsv(path);
}

bool RejectsDialog::saveCsv(const QString& path)
{
    std::ofstream out(std::filesystem::path(path.toStdU16String()), std::ios::binary | std::ios::trunc);
    const bool ok = out && import::writeRejects(out, report_) && (out.flush(), bool(out));
    if (!ok) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot Save"),
                                    tr("Caseboard could not write \u201c%1\u201d.").arg(QFileInfo(path).fileName()),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    return ok;
}

} // namespace caseboard::app
