#pragma once
// The wizard's look at one file: the layout detected and how sure, the encoding and
// delimiter, the columns that will be ignored, the first rows as they will be stored,
// and, when the layout is unknown or the admin asks, the generic layout's fields
// matched to the file's columns with a live preview, savable as a preset.

#include "import_file_choice.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QGridLayout;
class QGroupBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace caseboard::app {

class ImportFilePanel : public QWidget {
    Q_OBJECT
public:
    ImportFilePanel(import::Importer& importer, QWidget* parent = nullptr);

    // Shows `choice` (nullptr: nothing); the panel edits it in place.
    void setChoice(ImportFileChoice* choice);

    QString detectionText() const;
    QString factsText() const;
    QString ignoredText() const;
    QComboBox* layoutCombo() const { return layout_; }
    QGroupBox* mappingBox() const { return mappingBox_; }
    // The combo of the file's columns for a generic-layout field.
    QComboBox* mappingCombo(const std::string& field) const;
    QTableWidget* previewTable() const { return preview_; }
    // Saves the matched columns as a preset named `name` and reads the file with it.
    bool saveMappingAs(const QString& name);

Q_SIGNALS:
    // The choice changed (and its preview with it).
    void choiceChanged();

private:
    void showChoice(bool refillMapping = true);
    void fillLayoutCombo();
    void fillMapping();
    void fillPreview();
    void layoutChosen(int index);
    void mappingEdited();
    void askPresetName();

    import::Importer& importer_;
    ImportFileChoice* choice_ = nullptr;
    bool filling_ = false;

    QLabel* name_;
    QLabel* facts_;
    QLabel* detection_;
    QComboBox* layout_;
    QPushButton* matchButton_;
    QLabel* ignored_;
    QGroupBox* mappingBox_;
    QGridLayout* mappingGrid_;
    std::vector<QComboBox*> mappingCombos_; // in kCaseboardAppointmentColumns order
    QLabel* mappingHint_;
    QPushButton* savePreset_;
    QLabel* previewTitle_;
    QTableWidget* preview_;
};

} // namespace caseboard::app
