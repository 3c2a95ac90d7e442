// `migdesk-cli find-items`: "Find migration items". Reads an Alma Analytics CSV export
// (Barcode, Process Type, Internal Note 1, Internal Note 3, ...), or with --analytics-path the
// report itself straight from Alma Analytics (paged, streamed, the key as for `batch`), and
// prints the backlog grouped by legacy status and planned step, with where each group is best
// handled (desk, batch, staff, a bulk job); a report and a CSV export of it give the same groups.
// --list ROUTE prints that route's barcodes, one per line, for `bulk` or `batch`.
// Exit codes: 0 read, 1 the export or report could not be read, 2 bad usage.
#include "CliCommand.h"
#include "CommonOptions.h"

#include "alma/AlmaClient.h"
#include "alma/ErrorMessages.h"
#include "analytics/AnalyticsBacklog.h"
#include "analytics/AnalyticsCalls.h"
#include "analytics/AnalyticsReader.h"
#include "bulk/Backlog.h"
#include "planning/Rules.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

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

// Reads the report at `path` page by page into the backlog's groups; a failed read comes back
// as the backlog's error.
Backlog readAnalytics(const BacklogReader &reader, WorkMode mode, AlmaConfig config,
                      const QString &path, int limit)
{
    QNetworkAccessManager network;
    AlmaClient client(&network, std::move(config));
    AnalyticsReader analytics(&client);
    BacklogRowSink sink(reader, mode);
    const bool showProgress = isatty(fileno(stderr)) != 0;
    QObject::connect(
        &analytics, &AnalyticsReader::progress, &analytics, [showProgress](qint64 rows, int pages) {
            if (showProgress)
                QTextStream(stderr) << '\r' << tr("%1 rows read (%2 pages)").arg(rows).arg(pages);
        });
    QObject::connect(&analytics, &AnalyticsReader::finished, &analytics, [showProgress] {
        if (showProgress)
            QTextStream(stderr) << '\n';
        QCoreApplication::exit(0);
    });
    analytics.start(path, &sink, limit);
    QCoreApplication::exec();
    const ApiError &error = analytics.error();
    return sink.finish(error.isError() ? userMessage(error) : QString());
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
    const QCommandLineOption analyticsPath(
        QStringLiteral("analytics-path"),
        tr("Read the report straight from Alma Analytics instead of a CSV export: its full "
           "catalog path, e.g. \"/shared/<Institution>/Reports/Migration items\". Needs "
           "--alma-url or --region."),
        QStringLiteral("path"));
    const QCommandLineOption limit(QStringLiteral("limit"),
                                   tr("Rows per Analytics page: 25 to 1000, a multiple of 25 "
                                      "(default 1000)."),
                                   QStringLiteral("rows"), QStringLiteral("1000"));
    QCommandLineParser &cli = common.parser();
    cli.addOptions({common.help, mode, json, list, source, rules, analyticsPath, common.almaUrl,
                    common.region, common.caFile, common.proxy, limit});
    cli.addPositionalArgument(QStringLiteral("ANALYTICS_CSV"),
                              tr("An Alma Analytics export with Barcode and internal note "
                                 "columns (not with --analytics-path)."));
    if (const auto exit = common.parse(
            arguments,
            tr("Groups an Alma Analytics export of physical items by legacy status and planned "
               "step, so the library sees its whole backlog. Makes no Alma calls, except with "
               "--analytics-path, which reads the report from Alma Analytics."),
            true))
        return *exit;
    const bool fromAnalytics = cli.isSet(analyticsPath);
    std::optional<QString> inputPath;
    if (fromAnalytics) {
        if (!cli.positionalArguments().isEmpty())
            return common.usageError(
                tr("give either an ANALYTICS_CSV file or --analytics-path, not both."));
        if (const QString problem = checkAnalyticsPath(cli.value(analyticsPath));
            !problem.isEmpty())
            return common.usageError(problem);
    } else {
        if (cli.isSet(common.almaUrl) || cli.isSet(common.region) || cli.isSet(limit))
            return common.usageError(
                tr("--alma-url, --region and --limit go with --analytics-path."));
        inputPath = common.onePositional(QStringLiteral("ANALYTICS_CSV"));
        if (!inputPath)
            return kBadUsage;
    }
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
    Backlog backlog;
    if (fromAnalytics) {
        bool limitOk = false;
        const int rows = cli.value(limit).toInt(&limitOk);
        if (!limitOk || rows < kAnalyticsMinLimit || rows > kAnalyticsMaxLimit ||
            rows % kAnalyticsMinLimit != 0)
            return common.usageError(tr("--limit must be 25 to 1000, a multiple of 25."));
        auto connection = common.almaConnection();
        if (!connection)
            return kBadUsage;
        AlmaConfig config = *connection;
        const auto apiKey = common.apiKey();
        if (!apiKey)
            return kBadUsage;
        config.apiKey = *apiKey;
        backlog = readAnalytics(reader, *workMode, config, cli.value(analyticsPath), rows);
    } else {
        backlog = reader.readFile(*inputPath, *workMode);
    }
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
