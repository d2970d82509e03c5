#include "import_file_panel.h"

#include "app_style.h"
#include "data_table.h"
#include "display_format.h"
#include "signal_colors.h"

#include "caseboard/import/mapping_suggestion.h"

#include <QComboBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <stdexcept>

namespace caseboard::app {

namespace {

const QString kMatchByHand = QStringLiteral("#match-by-hand");
constexpr int kMappingPairsPerRow = 3;

QString chipStyle(Signal signal)
{
    const StatusColors colors = signalColors(signal);
    return QStringLiteral("QLabel { background: %1; color: %2; border-radius: 6px; padding: 7px 10px; }")
        .arg(colors.background.name(), colors.text.name());
}

QStringList toStringList(const std::vector<std::string>& values)
{
    QStringList list;
    for (const std::string& value : values)
        list << QString::fromStdString(value);
    return list;
}

} // namespace

ImportFilePanel::ImportFilePanel(import::Importer& importer, QWidget* parent)
    : QWidget(parent),
      importer_(importer),
      name_(new QLabel(this)),
      facts_(new QLabel(this)),
      detection_(new QLabel(this)),
      layout_(new QComboBox(this)),
      matchButton_(new QPushButton(tr("Match Columns Myself\u2026"), this)),
      ignored_(new QLabel(this)),
      mappingBox_(new QGroupBox(tr("Match the columns"), this)),
      mappingGrid_(new QGridLayout),
      mappingHint_(new QLabel(mappingBox_)),
      savePreset_(new QPushButton(tr("Save as Preset\u2026"), mappingBox_)),
      previewTitle_(new QLabel(this)),
      preview_(new QTableWidget(this))
{
    setObjectName(QStringLiteral("ImportFilePanel"));
    QFont nameFont = name_->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.15);
    nameFont.setWeight(QFont::DemiBold);
    name_->setFont(nameFont);
    name_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    facts_->setObjectName(QStringLiteral("MutedLabel"));
    detection_->setWordWrap(true);
    ignored_->setObjectName(QStringLiteral("MutedLabel"));
    ignored_->setWordWrap(true);
    previewTitle_->setStyleSheet(QStringLiteral("font-weight: 600;"));

    auto* readAs = new QHBoxLayout;
    readAs->addWidget(new QLabel(tr("Read it as:"), this));
    readAs->addWidget(layout_, 1);
    readAs->addWidget(matchButton_);
    layout_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    matchButton_->setObjectName(QStringLiteral("SecondaryButton"));
    savePreset_->setObjectName(QStringLiteral("SecondaryButton"));

    mappingHint_->setWordWrap(true);
    mappingHint_->setObjectName(QStringLiteral("MutedLabel"));
    mappingHint_->setText(tr("For each field Caseboard keeps, choose the column of your file that holds it. "
                             "The preview below follows your choices. Save them as a preset and next week's "
                             "file is recognised on its own."));
    for (std::size_t i = 0; i < import::kCaseboardAppointmentColumns.size(); ++i) {
        const QString field = QString::fromStdString(import::kCaseboardAppointmentColumns[i]);
        auto* label = new QLabel(field, mappingBox_);
        auto* combo = new QComboBox(mappingBox_);
        combo->setObjectName(QStringLiteral("mapping:%1").arg(field));
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
        label->setBuddy(combo);
        const int row = static_cast<int>(i) / kMappingPairsPerRow;
        const int column = (static_cast<int>(i) % kMappingPairsPerRow) * 2;
        mappingGrid_->addWidget(label, row, column, Qt::AlignRight);
        mappingGrid_->addWidget(combo, row, column + 1);
        mappingGrid_->setColumnStretch(column + 1, 1);
        mappingCombos_.push_back(combo);
        connect(combo, &QComboBox::currentIndexChanged, this, &ImportFilePanel::mappingEdited);
    }
    mappingGrid_->setHorizontalSpacing(10);
    mappingGrid_->setVerticalSpacing(6);
    auto* saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(savePreset_);
    auto* mappingLayout = new QVBoxLayout(mappingBox_);
    mappingLayout->addWidget(mappingHint_);
    mappingLayout->addLayout(mappingGrid_);
    mappingLayout->addLayout(saveRow);

    preview_->setObjectName(QStringLiteral("ImportPreviewTable"));
    setUpDataTable(preview_, 28);
    preview_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    preview_->setSelectionMode(QAbstractItemView::NoSelection);
    preview_->horizontalHeader()->setSectionsMovable(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(name_);
    layout->addWidget(facts_);
    layout->addSpacing(4);
    layout->addWidget(detection_);
    layout->addLayout(readAs);
    layout->addWidget(ignored_);
    layout->addWidget(mappingBox_);
    layout->addSpacing(4);
    layout->addWidget(previewTitle_);
    layout->addWidget(preview_, 1);

    connect(layout_, &QComboBox::activated, this, &ImportFilePanel::layoutChosen);
    connect(matchButton_, &QPushButton::clicked, this, [this] {
        const int index = layout_->findData(kMatchByHand);
        layout_->setCurrentIndex(index);
        layoutChosen(index);
    });
    connect(savePreset_, &QPushButton::clicked, this, &ImportFilePanel::askPresetName);
    setChoice(nullptr);
}

void ImportFilePanel::setChoice(ImportFileChoice* choice)
{
    choice_ = choice;
    showChoice();
}

void ImportFilePanel::showChoice(bool refillMapping)
{
    setEnabled(choice_ != nullptr);
    if (!choice_) {
        name_->clear();
        facts_->clear();
        detection_->clear();
        detection_->setStyleSheet({});
        ignored_->clear();
        mappingBox_->hide();
        preview_->clear();
        preview_->setRowCount(0);
        preview_->setColumnCount(0);
        return;
    }
    const import::FilePreview& preview = choice_->preview;
    name_->setText(QFileInfo(choice_->path).fileName());
    name_->setToolTip(QFileInfo(choice_->path).absoluteFilePath());
    QStringList facts{fileSizeText(preview.bytes)};
    if (!preview.header.empty()) {
        facts << encodingText(preview.encoding) << delimiterText(preview.delimiter)
              << (preview.header.size() == 1 ? tr("1 column") : tr("%1 columns").arg(preview.header.size()));
    }
    facts_->setText(facts.join(QStringLiteral("  \u00b7  ")));
    fillLayoutCombo();

    const bool byHand = choice_->mapping.has_value();
    const QString layoutTitle = presetTitle(importer_.catalog(), preview.preset);
    if (!preview.error.empty()) {
        // The engine names the file first; the panel already does.
        QString why = QString::fromStdString(preview.error);
        const QString prefix = QString::fromStdString(preview.file) + QStringLiteral(": ");
        if (why.startsWith(prefix))
            why = why.mid(prefix.size());
        detection_->setText(byHand ? tr("Not ready yet: choose the columns that hold at least the Date, the Client "
                                        "(or Client ID), the Clinician and the Status.")
                                   : tr("Caseboard does not recognise this file\u2019s layout. %1 Match its "
                                        "columns below to import it.")
                                         .arg(why));
        detection_->setStyleSheet(chipStyle(byHand ? Signal::Watch : Signal::Bad));
    } else if (byHand) {
        detection_->setText(tr("Read with the columns you matched. Check the rows below."));
        detection_->setStyleSheet(chipStyle(Signal::Good));
    } else if (choice_->preset) {
        detection_->setText(tr("Read as %1, as you chose.").arg(layoutTitle));
        detection_->setStyleSheet(chipStyle(Signal::Good));
    } else if (preview.confidence >= kSureConfidence) {
        detection_->setText(tr("Recognised as %1 \u2014 %2% sure.").arg(layoutTitle).arg(preview.confidence));
        detection_->setStyleSheet(chipStyle(Signal::Good));
    } else {
        detection_->setText(tr("Probably %1, but only %2% sure. Check the rows below; if they look wrong, "
                               "choose another layout or match the columns yourself.")
                                .arg(layoutTitle)
                                .arg(preview.confidence));
        detection_->setStyleSheet(chipStyle(Signal::Watch));
    }
    matchButton_->setVisible(!byHand && !preview.header.empty());

    const QStringList ignored = toStringList(preview.ignoredColumns);
    ignored_->setVisible(!ignored.isEmpty() && preview.error.empty());
    ignored_->setText(tr("Not imported: %1.").arg(ignored.join(QStringLiteral(", "))));

    mappingBox_->setVisible(byHand);
    if (byHand && refillMapping)
        fillMapping();
    savePreset_->setEnabled(byHand && preview.error.empty());
    fillPreview();
}

void ImportFilePanel::fillLayoutCombo()
{
    filling_ = true;
    layout_->clear();
    const import::FilePreview& preview = choice_->preview;
    for (const import::PresetCandidate& candidate : preview.candidates) {
        if (!candidate.missing.empty())
            continue;
        layout_->addItem(tr("%1 (%2% sure)").arg(QString::fromStdString(candidate.title)).arg(candidate.confidence),
                         QString::fromStdString(candidate.name));
    }
    if (!choice_->mapping && !preview.preset.empty() && layout_->findData(QString::fromStdString(preview.preset)) < 0)
        layout_->addItem(presetTitle(importer_.catalog(), preview.preset), QString::fromStdString(preview.preset));
    if (!preview.header.empty())
        layout_->addItem(tr("My own columns (match them by hand)"), kMatchByHand);
    if (layout_->count() == 0)
        layout_->addItem(tr("Nothing can read this file"));
    const QString current = choice_->mapping ? kMatchByHand : QString::fromStdString(preview.preset);
    layout_->setCurrentIndex(std::max(0, layout_->findData(current)));
    filling_ = false;
}

void ImportFilePanel::layoutChosen(int index)
{
    if (filling_ || !choice_ || index < 0)
        return;
    const QString data = layout_->itemData(index).toString();
    if (data.isEmpty())
        return;
    if (data == kMatchByHand) {
        if (!choice_->mapping)
            choice_->mapping = import::suggestMapping(choice_->preview.header);
        choice_->preset.reset();
    } else {
        choice_->mapping.reset();
        choice_->preset = data.toStdString();
    }
    choice_->refreshPreview(importer_.catalog(), importer_.statuses());
    showChoice();
    Q_EMIT choiceChanged();
}

void ImportFilePanel::fillMapping()
{
    filling_ = true;
    const QStringList header = toStringList(choice_->preview.header);
    for (std::size_t i = 0; i < mappingCombos_.size(); ++i) {
        QComboBox* combo = mappingCombos_[i];
        combo->clear();
        combo->addItem(tr("\u2014 not in this file"), QString());
        for (const QString& column : header)
            combo->addItem(column, column);
        const auto found = choice_->mapping->find(import::kCaseboardAppointmentColumns[i]);
        const int index = found == choice_->mapping->end() ? 0 : combo->findData(QString::fromStdString(found->second));
        combo->setCurrentIndex(std::max(0, index));
    }
    filling_ = false;
}

void ImportFilePanel::mappingEdited()
{
    if (filling_ || !choice_ || !choice_->mapping)
        return;
    import::ColumnMapping mapping;
    for (std::size_t i = 0; i < mappingCombos_.size(); ++i) {
        const QString column = mappingCombos_[i]->currentData().toString();
        if (!column.isEmpty())
            mapping[import::kCaseboardAppointmentColumns[i]] = column.toStdString();
    }
    choice_->mapping = std::move(mapping);
    choice_->refreshPreview(importer_.catalog(), importer_.statuses());
    showChoice(false); // the combos stay as the admin set them; only what follows from them changes
    Q_EMIT choiceChanged();
}

QComboBox* ImportFilePanel::mappingCombo(const std::string& field) const
{
    for (std::size_t i = 0; i < mappingCombos_.size(); ++i)
        if (import::kCaseboardAppointmentColumns[i] == field)
            return mappingCombos_[i];
    return nullptr;
}

void ImportFilePanel::fillPreview()
{
    const import::FilePreview& preview = choice_->preview;
    preview_->clear();
    preview_->clearSpans();
    const QBrush problemInk(signalInk(Signal::Bad));
    if (preview.columns.empty()) {
        // Nothing to interpret yet: show the file as read, so the admin can match it.
        previewTitle_->setText(tr("The first rows as they are in the file"));
        preview_->setColumnCount(static_cast<int>(preview.header.size()));
        preview_->setHorizontalHeaderLabels(toStringList(preview.header));
        preview_->setRowCount(static_cast<int>(preview.rawRows.size()));
        for (std::size_t r = 0; r < preview.rawRows.size(); ++r)
            for (std::size_t c = 0; c < preview.rawRows[r].size() && c < preview.header.size(); ++c)
                preview_->setItem(static_cast<int>(r), static_cast<int>(c),
                                  new QTableWidgetItem(QString::fromStdString(preview.rawRows[r][c])));
    } else {
        previewTitle_->setText(tr("The first rows as Caseboard will store them"));
        QStringList headings{tr("Line")};
        headings << toStringList(preview.columns);
        preview_->setColumnCount(static_cast<int>(headings.size()));
        preview_->setHorizontalHeaderLabels(headings);
        preview_->setRowCount(static_cast<int>(preview.rows.size()));
        for (std::size_t r = 0; r < preview.rows.size(); ++r) {
            const import::PreviewRow& row = preview.rows[r];
            const int at = static_cast<int>(r);
            auto* line = new QTableWidgetItem(QString::number(row.line));
            line->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            line->setForeground(QBrush(theme().mutedText));
            preview_->setItem(at, 0, line);
            if (!row.problem.empty()) {
                auto* problem = new QTableWidgetItem(tr("Will not be imported: %1").arg(QString::fromStdString(row.problem)));
                problem->setForeground(problemInk);
                preview_->setItem(at, 1, problem);
                if (headings.size() > 2)
                    preview_->setSpan(at, 1, 1, static_cast<int>(headings.size()) - 1);
                continue;
            }
            for (std::size_t c = 0; c < row.cells.size(); ++c) {
                QString text = QString::fromStdString(row.cells[c]);
                // The category as the rest of Caseboard names it ("Late cancel", not "late_cancel").
                if (c < preview.columns.size() && preview.columns[c] == "Category")
                    if (const std::optional<StatusCategory> category = statusCategoryFromName(row.cells[c]))
                        text = statusLabel(*category);
                preview_->setItem(at, static_cast<int>(c) + 1, new QTableWidgetItem(text));
            }
        }
    }
    preview_->resizeColumnsToContents();
    for (int c = 0; c < preview_->columnCount(); ++c)
        preview_->setColumnWidth(c, std::min(preview_->columnWidth(c) + 12, 240));
}

void ImportFilePanel::askPresetName()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save as Preset"),
                                               tr("A name for these columns, for example \u201cTherapyNotes "
                                                  "visits\u201d. Files with the same columns are then recognised "
                                                  "on their own."),
                                               QLineEdit::Normal, {}, &ok);
    if (ok && !name.trimmed().isEmpty())
        saveMappingAs(name.trimmed());
}

bool ImportFilePanel::saveMappingAs(const QString& name)
{
    if (!choice_ || !choice_->mapping)
        return false;
    try {
        importer_.saveMapping(name.toStdString(), *choice_->mapping);
        if (!importer_.catalog().byName(name.toStdString()))
            importer_.catalog().addMapping(name.toStdString(), *choice_->mapping);
    } catch (const std::exception& error) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot Save Preset"),
                                    tr("Caseboard could not save the preset \u201c%1\u201d.").arg(name),
                                    QMessageBox::Ok, this);
        box->setInformativeText(QString::fromUtf8(error.what()));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return false;
    }
    choice_->mapping.reset();
    choice_->preset = name.toStdString();
    choice_->refreshPreview(importer_.catalog(), importer_.statuses());
    showChoice();
    Q_EMIT choiceChanged();
    return true;
}

QString ImportFilePanel::detectionText() const { return detection_->text(); }
QString ImportFilePanel::factsText() const { return facts_->text(); }
QString ImportFilePanel::ignoredText() const { return ignored_->isVisibleTo(this) ? ignored_->text() : QString(); }

} // namespace caseboard::app
