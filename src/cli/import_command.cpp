// caseboard-cli import: brings export files into a database, one transaction per file.
// Exit 0 when every file was imported, 2 when any file was rejected (and then that file
// changed nothing).

#include "caseboard/import/importer.h"
#include "caseboard/store/database_backup.h"
#include "caseboard/store/store.h"
#include "commands.h"

#include <fstream>
#include <iostream>
#include <memory>

namespace caseboard::cli {

namespace {

struct ImportArguments {
    std::string db;
    std::vector<std::string> files;
    std::string preset;
    std::string map;
    std::string saveMapping;
    std::string encoding;
    std::string rejects;
    std::string backupDir;
    bool skipBadRows = false;
    bool dryRun = false;
};

constexpr std::size_t kIssuesShown = 20;

void printReport(const import::FileReport& report)
{
    const std::string name = std::filesystem::path(report.file).filename().string();
    if (report.imported()) {
        std::cout << name << ": " << summarise(report) << " (" << csv::encodingName(report.encoding) << ", "
                  << report.seconds << " s)\n";
        if (!report.newClinicians.empty()) {
            constexpr std::size_t kNamesShown = 8;
            std::cout << "  new clinicians (" << report.newClinicians.size() << "):";
            for (std::size_t i = 0; i < report.newClinicians.size() && i < kNamesShown; ++i)
                std::cout << (i ? ", " : " ") << report.newClinicians[i];
            if (report.newClinicians.size() > kNamesShown)
                std::cout << " and " << report.newClinicians.size() - kNamesShown << " more";
            std::cout << (report.preset == "caseboard-timesheet"
                              ? " (added as admin staff; set their roles in Team & Settings)\n"
                              : " (set their weekly goals in Team & Settings)\n");
        }
        if (!report.ignoredColumns.empty()) {
            std::cout << "  columns not imported:";
            for (const std::string& column : report.ignoredColumns)
                std::cout << " " << column << (&column == &report.ignoredColumns.back() ? "" : ",");
            std::cout << "\n";
        }
    } else {
        std::cout << summarise(report) << "\n";
    }
    std::size_t shown = 0;
    for (const import::RowIssue& issue : report.issues) {
        if (shown++ == kIssuesShown)
            break;
        std::cout << "  line " << issue.line << (issue.column.empty() ? "" : ", " + issue.column) << ": "
                  << issue.reason << "\n";
    }
    if (report.rejected > kIssuesShown)
        std::cout << "  ... and more: " << report.rejected << " rows in all (--rejects FILE writes every one)\n";
}

std::filesystem::path rejectsPathFor(const std::string& base, const std::string& file, bool several)
{
    std::filesystem::path path = base;
    if (!several)
        return path;
    const std::string stem = std::filesystem::path(file).stem().string();
    return path.parent_path() / (path.stem().string() + "-" + stem + path.extension().string());
}

int runImport(const ImportArguments& args)
{
    Store store = Store::open(args.db);
    import::Importer importer(store);

    import::ImportOptions options;
    options.skipBadRows = args.skipBadRows;
    options.dryRun = args.dryRun;
    options.maxIssuesKept = args.rejects.empty() ? kIssuesShown + 1 : 1'000'000;
    if (!args.preset.empty())
        options.preset = args.preset;
    if (!args.encoding.empty()) {
        options.reader.encoding = csv::encodingFromName(args.encoding);
        if (!options.reader.encoding) {
            std::cerr << "caseboard-cli: unknown encoding '" << args.encoding
                      << "' (UTF-8, UTF-16LE, UTF-16BE or Windows-1252)\n";
            return kExitFailure;
        }
    }
    if (!args.map.empty()) {
        std::string error;
        const auto mapping = import::parseColumnMapping(args.map, &error);
        if (!mapping) {
            std::cerr << "caseboard-cli: --map: " << error << "\n";
            return kExitFailure;
        }
        const std::string name = args.saveMapping.empty() ? "command-line mapping" : args.saveMapping;
        if (args.saveMapping.empty())
            importer.catalog().addMapping(name, *mapping);
        else
            importer.saveMapping(name, *mapping);
        options.preset = name;
    }

    if (!args.backupDir.empty() && !args.dryRun) {
        const BackupInfo backup = backupDatabase(store, args.backupDir);
        std::cout << "backed up the database to " << backup.path.string() << "\n";
    }

    bool allImported = true;
    const bool several = args.files.size() > 1;
    for (const std::string& file : args.files) {
        const import::FileReport report = importer.importFile(file, options);
        printReport(report);
        allImported = allImported && report.imported();
        if (!args.rejects.empty() && !report.issues.empty()) {
            const auto path = rejectsPathFor(args.rejects, file, several);
            std::ofstream out(path, std::ios::binary);
            if (!out || !import::writeRejects(out, report)) {
                std::cerr << "caseboard-cli: cannot write " << path.string() << "\n";
                return kExitFailure;
            }
            std::cout << "  rejected rows written to " << path.string() << "\n";
        }
    }
    if (args.dryRun)
        std::cout << "dry run: nothing was written\n";
    return allImported ? kExitOk : kExitRejected;
}

} // namespace

Command addImportCommand(CLI::App& parent)
{
    auto args = std::make_shared<ImportArguments>();
    CLI::App* app = parent.add_subcommand("import", "Import EHR export files (one transaction per file)");
    app->add_option("--db", args->db, "Database file (created if missing)")->required();
    app->add_option("--preset", args->preset,
                    "Layout of the files: simplepractice-appointment-status, simplepractice-attendance, "
                    "simplepractice-client-details, simplepractice-income-allocation, caseboard-appointments, "
                    "caseboard-team, caseboard-timesheet, or a saved mapping (default: detected from the header)");
    app->add_option("--map", args->map,
                    "Column mapping for the caseboard-appointments layout, e.g. \"Date=Service Date;Client=Patient\"");
    app->add_option("--save-mapping", args->saveMapping, "Save --map under this name for later imports")
        ->needs(app->get_option("--map"));
    app->add_option("--encoding", args->encoding, "Force the encoding (default: detected)");
    app->add_flag("--skip-bad-rows", args->skipBadRows,
                  "Import the good rows of a file with bad rows (default: reject the whole file)");
    app->add_option("--rejects", args->rejects, "Write the rejected rows, with line and reason, to this CSV");
    app->add_flag("--dry-run", args->dryRun, "Check and count everything, then write nothing");
    app->add_option("--backup-dir", args->backupDir,
                    "Back up the database into this folder before importing (the newest 10 are kept)");
    app->add_option("files", args->files, "Export files")->required()->check(CLI::ExistingFile);
    return {app, [args] { return runImport(*args); }};
}

} // namespace caseboard::cli
