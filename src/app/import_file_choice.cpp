#include "import_file_choice.h"

#include "display_format.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace caseboard::app {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("ImportFileChoice", text); }

} // namespace

void ImportFileChoice::refreshPreview(const import::PresetCatalog& catalog, const import::StatusMap& statuses)
{
    import::PreviewOptions options;
    options.preset = preset;
    options.mapping = mapping;
    options.rows = 20;
    preview = import::previewFile(std::filesystem::path(path.toStdU16String()), catalog, statuses, options);
}

import::ImportOptions ImportFileChoice::options() const
{
    import::ImportOptions options;
    if (mapping)
        options.mapping = mapping;
    else if (!preview.preset.empty())
        options.preset = preview.preset; // what the admin saw in the preview, not a second guess
    return options;
}

QString presetTitle(const import::PresetCatalog& catalog, const std::string& name)
{
    if (const import::Preset* preset = catalog.byName(name))
        return QString::fromStdString(preset->title());
    return QString::fromStdString(name);
}

QString recordNoun(const std::string& preset, qint64 count)
{
    const bool one = count == 1;
    if (preset.find("client") != std::string::npos)
        return one ? tr("client") : tr("clients");
    if (preset.find("team") != std::string::npos)
        return one ? tr("team member") : tr("team members");
    if (preset.find("income") != std::string::npos || preset.find("payment") != std::string::npos)
        return one ? tr("payment") : tr("payments");
    if (preset.find("timesheet") != std::string::npos)
        return one ? tr("timesheet entry") : tr("timesheet entries");
    return one ? tr("appointment") : tr("appointments");
}

QString encodingText(csv::Encoding encoding)
{
    const std::string_view name = csv::encodingName(encoding);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

QString delimiterText(char delimiter)
{
    switch (delimiter) {
    case ',':
        return tr("comma-separated");
    case ';':
        return tr("semicolon-separated");
    case '\t':
        return tr("tab-separated");
    default:
        return tr("separated by \u201c%1\u201d").arg(QLatin1Char(delimiter));
    }
}

QString fileSizeText(std::uintmax_t bytes)
{
    return QLocale().formattedDataSize(static_cast<qint64>(bytes), 1, QLocale::DataSizeSIFormat);
}

QString localTimeText(const std::string& isoUtc)
{
    QDateTime time = QDateTime::fromString(QString::fromStdString(isoUtc), Qt::ISODate);
    if (!time.isValid())
        return QString::fromStdString(isoUtc);
    time.setTimeSpec(Qt::UTC);
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

} // namespace caseboard::app
