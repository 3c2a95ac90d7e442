// `migdesk-cli find-items`: "Find migration items". Reads an Alma Analytics CSV export
// (Barcode, Process Type, Internal Note 1, Internal Note 3, ...) and prints the backlog grouped
// by legacy status and planned step, with where each group is best handled (desk, batch, staff,
// a bulk job). --list ROUTE prints that route's barcodes, one per line, for `bulk` or `batch`.
// Exit codes: 0 read, 1 the file could not be read as an export, 2 bad usage. Makes no calls.
#include "CliCommand.h"
#include "CommonOptions.h"

#include "bulk/Backlog.h"
#include "planning/Rules.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace {

using namespace migdesk;
using migdesk::cli::CommonOptions;
using migdesk::cli::kBadUsage;

QString tr(const char *text)
{
    return QCoreApplication::translate("FindCommand", text);
}

void printText(const Backlog &backlog, QTextStream &out)
{
    out << tr("%1 rows, %2 Technical - Migration items (%3 mode)")
               .arg(backlog.rows)
               .arg(backlog.migrationRows)
               .arg(workModeName(backlog.mode))
        << "\n\n";
    out << QStringLiteral("%1  %2  %3  %4\n")
               .arg(tr("count"), 7)
               .arg(tr("route").leftJustified(13))
               .arg(tr("legacy status").leftJustified(30))
               .arg(tr("planned steps"));
    for (const auto &group : backlog.groups) {
        QStringList labels;
        for (const QString &id : group.statusIds)
            labels << (group.route == BacklogRoute::NotMigration ? tr("process type %1").arg(id)
                                                                 : legacyStatusLabel(id));
        out << QStringLiteral("%1  %2  %3  %4\n")
                   .arg(group.barcodes.size(), 7)
                   .arg(backlogRouteName(group.route).leftJustified(13))
                   .arg(labels.join(QStringLiteral(" + ")).leftJustified(30))
                   .arg(group.steps.isEmpty() ? QStringLiteral("-")
                                              : group.steps.join(QStringLiteral(", ")));
    }
    if (!backlog.problems.empty()) {
        out << '\n' << tr("Rows skipped:") << '\n';
        for (const auto &problem : backlog.problems)
            out << QStringLiteral("  line %1: %2 (%3)\n")
                       .arg(problem.line)
                       .arg(problem.text, problem.reason);
    }
    for (const QString &warning : backlog.warnings)
        out << '\n' << tr("Note: %1").arg(warning) << '\n';
}

int runFind(const QStringList &arguments)
{
    CommonOptions common(QStringLiteral("find-items"));
    const QCommandLineOption mode = CommonOptions::modeOption(
        tr("followup (default: the items are not in hand) or desk."), QStringLiteral("followup"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the groups as JSON."));
    const QCommandLineOption list(QStringLiteral("list"),
                                  tr("Print only the barcodes routed to job, batch, staff, desk or "
                                     "not_migration, one per line."),
                                  QStringLiteral("route"));
    const QCommandLineOption source(QStringLiteral("source"),
                                    tr("Source ILS: auto (default), voyager, sierra, koha, "
                                       "symphony."),
                                    QStringLiteral("ils"), QStringLiteral("auto"));
    const QCommandLineOption rules(QStringLiteral("rules"),
                                   tr("Rules file (default: the shipped rules)."),
                                   QStringLiteral("file"));
    QCommandLineParser &cli = common.parser();
    cli.addOptions({common.help, mode, json, list, source, rules});
    cli.addPositionalArgument(QStringLiteral("ANALYTICS_CSV"),
                              tr("An Alma Analytics export with Barcode and internal note "
                                 "columns."));
    if (const auto exit = common.parse(
            arguments,
            tr("Groups an Alma Analytics export of physical items by legacy status and planned "
               "step, so the library sees its whole backlog. Makes no Alma calls."),
            false))
        return *exit;
    const auto inputPath = common.onePositional(QStringLiteral("ANALYTICS_CSV"));
    if (!inputPath)
        return kBadUsage;
    const auto workMode = common.workMode(mode);
    if (!workMode)
        return kBadUsage;
    const auto ils = sourceIlsFromName(cli.value(source));
    if (!ils)
        return common.usageError(tr("unknown source ILS \"%1\".").arg(cli.value(source)));
    std::optional<BacklogRoute> route;
    if (cli.isSet(list)) {
        for (BacklogRoute r : {BacklogRoute::Job, BacklogRoute::Batch, BacklogRoute::Staff,
                               BacklogRoute::Desk, BacklogRoute::NotMigration}) {
            if (backlogRouteName(r) == cli.value(list).trimmed().toLower())
                route = r;
        }
        if (!route)
            return common.usageError(tr("unknown route \"%1\".").arg(cli.value(list)));
    }
    const RulesLoad loadedRules = loadRulesOrDefaults(cli.value(rules));
    if (!loadedRules.warning.isEmpty())
        QTextStream(stderr) << loadedRules.warning << '\n';

    const BacklogReader reader{Planner(loadedRules.rules), NoteParser(*ils)};
    const Backlog backlog = reader.readFile(*inputPath, *workMode);
    QTextStream out(stdout);
    if (!backlog.ok()) {
        QTextStream(stderr) << "find-items: " << backlog.error << '\n';
        return 1;
    }
    if (route) {
        for (const QString &barcode : backlog.barcodesFor(*route))
            out << barcode << '\n';
    } else if (cli.isSet(json)) {
        out << QString::fromStdString(backlog.toJson().dump(2)) << '\n';
    } else {
        printText(backlog, out);
    }
    return 0;
}

const migdesk::cli::CliCommandRegistrar
    registrar(QStringLiteral("find-items"),
              QStringLiteral("Group an Analytics export by legacy status and planned step"),
              runFind);

} // namespace
