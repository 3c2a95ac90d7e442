// `migdesk-cli find-items`: "Find migration items". Reads an Alma Analytics CSV export
// (Barcode, Process Type, Internal Note 1, Internal Note 3, ...) and prints the backlog grouped
// by legacy status and planned step, with where each group is best handled (desk, batch, staff,
// a bulk job). --list ROUTE prints that route's barcodes, one per line, for `bulk` or `batch`.
// Exit codes: 0 read, 1 the file could not be read as an export, 2 bad usage. Makes no calls.
#include "CliCommand.h"

#include "bulk/Backlog.h"
#include "planning/Rules.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace {

using namespace migdesk;

QString tr(const char *text)
{
    return QCoreApplication::translate("FindCommand", text);
}

int usageError(const QString &message)
{
    QTextStream(stderr) << "find-items: " << message << '\n'
                        << tr("Run `migdesk-cli find-items --help` for the options.") << '\n';
    return 2;
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
    QCommandLineParser cli;
    cli.setApplicationDescription(
        tr("Groups an Alma Analytics export of physical items by legacy status and planned step, "
           "so the library sees its whole backlog. Makes no Alma calls."));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this help."));
    const QCommandLineOption mode(QStringLiteral("mode"),
                                  tr("followup (default: the items are not in hand) or desk."),
                                  QStringLiteral("mode"), QStringLiteral("followup"));
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
    cli.addOptions({help, mode, json, list, source, rules});
    cli.addPositionalArgument(QStringLiteral("ANALYTICS_CSV"),
                              tr("An Alma Analytics export with Barcode and internal note "
                                 "columns."));
    if (!cli.parse(arguments))
        return usageError(cli.errorText());
    if (cli.isSet(help)) {
        QTextStream(stdout) << cli.helpText();
        return 0;
    }
    if (cli.positionalArguments().size() != 1)
        return usageError(tr("give exactly one ANALYTICS_CSV."));
    const auto workMode = workModeFromName(cli.value(mode));
    if (!workMode)
        return usageError(tr("unknown mode \"%1\" (desk or followup).").arg(cli.value(mode)));
    const auto ils = sourceIlsFromName(cli.value(source));
    if (!ils)
        return usageError(tr("unknown source ILS \"%1\".").arg(cli.value(source)));
    std::optional<BacklogRoute> route;
    if (cli.isSet(list)) {
        for (BacklogRoute r : {BacklogRoute::Job, BacklogRoute::Batch, BacklogRoute::Staff,
                               BacklogRoute::Desk, BacklogRoute::NotMigration}) {
            if (backlogRouteName(r) == cli.value(list).trimmed().toLower())
                route = r;
        }
        if (!route)
            return usageError(tr("unknown route \"%1\".").arg(cli.value(list)));
    }
    const RulesLoad loadedRules = loadRulesOrDefaults(cli.value(rules));
    if (!loadedRules.warning.isEmpty())
        QTextStream(stderr) << loadedRules.warning << '\n';

    const BacklogReader reader{Planner(loadedRules.rules), NoteParser(*ils)};
    const Backlog backlog = reader.readFile(cli.positionalArguments().constFirst(), *workMode);
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
