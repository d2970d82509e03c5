#include "import_history_view.h"

#include "app_style.h"
#include "data_table.h"
#include "display_format.h"
#include "empty_state_widget.h"
#include "icons.h"
#include "import_file_choice.h"
#include "page_header.h"
#include "signal_colors.h"
#include "table_fit.h"
#include "view_catalog.h"

#include "caseboard/import/importer.h"
#include "caseboard/store/batch_rollback.h"
#include "caseboard/store/database_backup.h"
#include "caseboard/store/store.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace caseboard::app {

namespace {

enum Column { kFile, kLayout, kWhen, kAdded, kUpdated, kUnchanged, kRejected, kSize, kState, kColumnCount };

QString countPhrase(std::int64_t n, const QString& one, const QString& many)
{
    return (n == 1 ? one : many).arg(formatCount(n));
}

} // namespace

ImportHistoryView::ImportHistoryView(QWidget* parent)
    : PracticeView(parent),
      stack_(new QStackedWidget(this)),
      empty_(nullptr),
      table_(new QTableWidget(0, kColumnCount, this)),
      import_(new QPushButton(tr("Import Files\u2026"), this)),
      restore_(new QPushButton(tr("Restore Backup\u2026"), this)),
      rollBack_(new QPushButton(tr("Roll Back\u2026"), this))
{
    const ViewInfo info = viewInfo(ViewId::Import);
    setObjectName(info.key + QStringLiteral("-view"));
    auto* header = new PageHeader(info.title, tr("Every file brought in, newest first. Any import can be rolled back."),
                                  this);
    import_->setObjectName(QStringLiteral("PrimaryButton"));
    import_->setIcon(tintedIcon(QStringLiteral("import"), QColor(Qt::white)));
    restore_->setObjectName(QStringLiteral("SecondaryButton"));
    rollBack_->setObjectName(QStringLiteral("SecondaryButton"));
    rollBack_->setToolTip(tr("Removes what the selected import added and puts back what it changed."));
    auto* top = new QHBoxLayout;
    top->addWidget(header, 1);
    top->addWidget(rollBack_, 0, Qt::AlignBottom);
    top->addWidget(restore_, 0, Qt::AlignBottom);
    top->addWidget(import_, 0, Qt::AlignBottom);

    empty_ = new EmptyStateWidget(info.iconName, tr("No imports yet"),
                                  {tr("Export your appointments, clients or team from your EHR, then drop the files "
                                      "anywhere on this window \u2014 several at once is fine."),
                                   tr("Caseboard shows what each file holds and exactly what will change before it "
                                      "writes anything, and keeps a backup of your database.")},
                                  this);
    connect(empty_->addButton(tr("Import Files\u2026"), QStringLiteral("import"), true), &QPushButton::clicked, this,
            &ImportHistoryView::importRequested);

    table_->setObjectName(QStringLiteral("ImportHistoryTable"));
    table_->setHorizontalHeaderLabels({tr("File"), tr("Read as"), tr("Imported"), tr("Added"), tr("Updated"),
                                       tr("Unchanged"), tr("Not imported"), tr("Size"), tr("State")});
    setUpDataTable(table_, 34);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->horizontalHeader()->setSectionsMovable(false);
    table_->horizontalHeader()->setStretchLastSection(false);
    // The file name is what the admin looks for: it gets its width; the layout's title elides.
    table_->horizontalHeader()->setSectionResizeMode(kLayout, QHeaderView::Stretch);
    table_->setFocusPolicy(Qt::TabFocus); // no focus frame on a cell after a click

    stack_->addWidget(empty_);
    stack_->addWidget(table_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 18);
    layout->setSpacing(12);
    layout->addLayout(top);
    layout->addWidget(stack_, 1);

    connect(import_, &QPushButton::clicked, this, &ImportHistoryView::importRequested);
    connect(restore_, &QPushButton::clicked, this, &ImportHistoryView::restoreRequested);
    connect(rollBack_, &QPushButton::clicked, this, [this] {
        if (const std::optional<RowId> id = selectedBatch())
            askToRollBack(*id);
    });
    connect(table_, &QTableWidget::itemSelectionChanged, this, &ImportHistoryView::updateButtons);
    setDatabase(nullptr);
}

void ImportHistoryView::setDatabase(Store* store)
{
    store_ = store;
    reload();
}

void ImportHistoryView::reload()
{
    batches_ = store_ ? store_->importBatches() : std::vector<ImportBatch>{};
    std::sort(batches_.begin(), batches_.end(), [](const ImportBatch& a, const ImportBatch& b) { return a.id > b.id; });
    std::optional<import::Importer> importer;
    if (store_)
        importer.emplace(*store_); // for the layouts' titles, saved presets included

    const QSignalBlocker blocker(table_);
    table_->clearContents();
    table_->setRowCount(static_cast<int>(batches_.size()));
    for (std::size_t i = 0; i < batches_.size(); ++i) {
        const ImportBatch& batch = batches_[i];
        const int row = static_cast<int>(i);
        const auto set = [this, row](int column, const QString& text, bool number = false) {
            auto* item = new QTableWidgetItem(text);
            if (number)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table_->setItem(row, column, item);
            return item;
        };
        set(kFile, QString::fromStdString(batch.fileName))->setData(Qt::UserRole, static_cast<qlonglong>(batch.id));
        set(kLayout, importer ? presetTitle(importer->catalog(), batch.preset) : QString::fromStdString(batch.preset));
        set(kWhen, localTimeText(batch.importedAt));
        set(kAdded, formatCount(batch.added), true);
        set(kUpdated, formatCount(batch.updated), true);
        set(kUnchanged, formatCount(batch.unchanged), true);
        QTableWidgetItem* rejected = set(kRejected, formatCount(batch.rejected), true);
        if (batch.rejected > 0)
            rejected->setForeground(QBrush(signalInk(Signal::Bad)));
        set(kSize, fileSizeText(batch.fileBytes), true);
        QTableWidgetItem* state = set(kState, batch.inForce() ? tr("In force") : tr("Rolled back"));
        if (!batch.inForce()) {
            state->setToolTip(tr("Rolled back %1").arg(localTimeText(batch.rolledBackAt)));
            state->setForeground(QBrush(theme().mutedText));
            for (int c = 0; c < kColumnCount; ++c)
                if (QTableWidgetItem* item = table_->item(row, c); item && c != kState)
                    item->setForeground(QBrush(theme().mutedText));
        }
    }
    fitColumnsToText(table_, {kFile, kWhen, kAdded, kUpdated, kUnchanged, kRejected, kSize, kState});
    table_->setColumnWidth(kFile, std::clamp(table_->columnWidth(kFile), 160, 320));
    stack_->setCurrentWidget(batches_.empty() ? static_cast<QWidget*>(empty_) : table_);
    import_->setEnabled(store_ != nullptr);
    // An empty history has its own button in the middle: one is enough.
    import_->setVisible(!batches_.empty());
    rollBack_->setVisible(!batches_.empty());
    restore_->setEnabled(store_ != nullptr);
    updateButtons();
}

bool ImportHistoryView::isShowingEmptyState() const { return stack_->currentWidget() == empty_; }

std::optional<RowId> ImportHistoryView::selectedBatch() const
{
    const int row = table_->currentRow();
    if (row < 0 || row >= static_cast<int>(batches_.size()) || table_->selectedItems().isEmpty())
        return std::nullopt;
    return batches_[static_cast<std::size_t>(row)].id;
}

void ImportHistoryView::updateButtons()
{
    const std::optional<RowId> id = selectedBatch();
    bool inForce = false;
    for (const ImportBatch& batch : batches_)
        if (id && batch.id == *id)
            inForce = batch.inForce();
    rollBack_->setEnabled(store_ && inForce);
}

QMessageBox* ImportHistoryView::askToRollBack(RowId batchId)
{
    if (!store_)
        return nullptr;
    RollbackPlan plan;
    try {
        plan = planRollback(*store_, batchId);
    } catch (const std::exception& error) {
        spdlog::warn("cannot plan rollback of batch {}: {}", batchId, error.what());
        return nullptr;
    }
    const auto asked = std::find_if(plan.batches.begin(), plan.batches.end(),
                                    [batchId](const ImportBatch& b) { return b.id == batchId; });
    const QString name = asked == plan.batches.end() ? QString() : QString::fromStdString(asked->fileName);
    const QString when = asked == plan.batches.end() ? QString() : localTimeText(asked->importedAt);

    QStringList effects;
    const auto add = [&effects](std::int64_t n, const QString& one, const QString& many) {
        if (n > 0)
            effects << countPhrase(n, one, many);
    };
    add(plan.appointmentsRemoved, tr("%1 appointment that was imported is removed"),
        tr("%1 appointments that were imported are removed"));
    add(plan.appointmentsRestored, tr("%1 appointment that was changed gets its previous values back"),
        tr("%1 appointments that were changed get their previous values back"));
    add(plan.clientsRemoved, tr("%1 client that was imported is removed"), tr("%1 clients that were imported are removed"));
    add(plan.clientsRestored, tr("%1 client that was changed is put back as before"),
        tr("%1 clients that were changed are put back as before"));
    add(plan.cliniciansRemoved, tr("%1 clinician that was imported is removed"),
        tr("%1 clinicians that were imported are removed"));
    add(plan.cliniciansRestored, tr("%1 clinician that was changed is put back as before"),
        tr("%1 clinicians that were changed are put back as before"));
    add(plan.paymentsRemoved, tr("%1 payment is removed"), tr("%1 payments are removed"));
    add(plan.staffHoursRemoved, tr("%1 timesheet entry is removed"), tr("%1 timesheet entries are removed"));
    add(plan.staffHoursRestored, tr("%1 timesheet entry is put back as before"),
        tr("%1 timesheet entries are put back as before"));
    if (effects.isEmpty())
        effects << tr("Nothing in your data changes: these rows were already there as they are");

    QString text;
    for (const QString& effect : effects)
        text += QStringLiteral("\u2022 %1\n").arg(effect);
    if (plan.batches.size() > 1) {
        QStringList later;
        for (const ImportBatch& b : plan.batches)
            if (b.id != batchId)
                later << QStringLiteral("    %1 (%2)").arg(QString::fromStdString(b.fileName), localTimeText(b.importedAt));
        text += QStringLiteral("\n")
              + (later.size() == 1
                     ? tr("A later import may have changed the same rows, so it is rolled back too:")
                     : tr("Later imports may have changed the same rows, so these %1 are rolled back too:")
                           .arg(later.size()))
              + QStringLiteral("\n") + later.join(QStringLiteral("\n")) + QStringLiteral("\n");
    }
    text += QStringLiteral("\n")
          + tr("A backup of your database is taken first. The imports stay in this list, marked as rolled back.");

    auto* box = new QMessageBox(QMessageBox::Question, tr("Roll Back Import"),
                                tr("Roll back the import of \u201c%1\u201d from %2?").arg(name, when),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("RollBackConfirmation"));
    box->setInformativeText(text);
    QPushButton* confirm = box->addButton(plan.batches.size() > 1 ? tr("Roll Back %1 Imports").arg(plan.batches.size())
                                                                  : tr("Roll Back"),
                                          QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QPushButton::clicked, this, [this, batchId] { rollBack(batchId); });
    box->open();
    return box;
}

bool ImportHistoryView::rollBack(RowId batchId)
{
    if (!store_)
        return false;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QString failure;
    try {
        if (!backupDirectory_.isEmpty())
            backupDatabase(*store_, std::filesystem::path(backupDirectory_.toStdU16String()), 10);
        const RollbackPlan plan = rollBackBatch(*store_, batchId);
        spdlog::info("GUI rolled back {} import batch(es)", plan.batches.size());
    } catch (const std::exception& error) {
        spdlog::error("rollback of batch {} failed: {}", batchId, error.what());
        failure = QString::fromUtf8(error.what());
    }
    QApplication::restoreOverrideCursor();
    reload();
    if (!failure.isEmpty()) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot Roll Back"),
                                    tr("Caseboard could not roll back this import. Nothing was changed."),
                                    QMessageBox::Ok, this);
        box->setInformativeText(failure);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return false;
    }
    Q_EMIT practiceDataChanged();
    return true;
}

} // namespace caseboard::app
