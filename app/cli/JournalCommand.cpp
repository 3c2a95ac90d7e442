// `migdesk-cli journal list|show|export|undo`: reads a journal for people (who did what, when,
// with which result), exports it as CSV (one row per item, or --summary per operator and day),
// and undoes the newest field change MigDesk made to an item. Only undo talks to Alma; it takes
// the API key and the Alma target as `batch` does.
// Exit codes: 0 done, 1 nothing to undo or the undo failed or was refused, 2 bad usage.
#include "CliCommand.h"
#include "CommonOptions.h"

#include "alma/AlmaClient.h"
#include "journal/Journal.h"
#include "journal/JournalReport.h"
#include "pipeline/Executor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QTextStream>

namespace {

using migdesk::cli::CommonOptions;
using migdesk::cli::kBadUsage;

QString tr(const char *text)
{
    return QCoreApplication::translate("JournalCommand", text);
}

QString outcomeText(const migdesk::JournalIntent &intent)
{
    return intent.outcome ? migdesk::outcomeName(*intent.outcome) : QStringLiteral("unfinished");
}

void printIntent(QTextStream &out, const migdesk::JournalIntent &intent)
{
    out << QStringLiteral("#%1  %2  %3  %4  %5  %6")
               .arg(intent.id)
               .arg(intent.createdAt.toLocalTime().toString(Qt::ISODate),
                    intent.operatorName.isEmpty() ? QStringLiteral("-") : intent.operatorName,
                    intent.barcode, outcomeText(intent), intent.title)
        << '\n';
}

void printDetails(QTextStream &out, const migdesk::JournalIntent &intent)
{
    using namespace migdesk;
    printIntent(out, intent);
    out << "    "
        << tr("source: %1, legacy status: %2, steps: %3")
               .arg(intent.source, intent.statusIds.join(QLatin1Char(' ')), plannedSteps(intent))
        << '\n';
    if (!intent.message.isEmpty())
        out << "    " << intent.message << '\n';
    for (const JournalWrite &write : intent.writes) {
        out << "    "
            << tr("write #%1 %2 %3 by %4: %5")
                   .arg(write.id)
                   .arg(write.kind, write.status,
                        write.operatorName.isEmpty() ? QStringLiteral("-") : write.operatorName,
                        write.requestSummary);
        if (write.undoOf)
            out << ' ' << tr("(undoes write #%1)").arg(write.undoOf);
        out << '\n';
    }
    const QString changes = describeChanges(intentChanges(intent));
    if (!changes.isEmpty())
        out << "    " << tr("changed: %1").arg(changes) << '\n';
}

int runUndo(CommonOptions &common, migdesk::Journal &journal, const QString &barcode, bool yes)
{
    using namespace migdesk;
    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto change = journal.lastFieldChange(barcode);
    if (!change) {
        err << tr("journal: %1 has no field change MigDesk could undo (scan-ins, withdrawals and "
                  "changes already undone cannot be undone).")
                   .arg(barcode)
            << '\n';
        return 1;
    }
    const QString fields = describeChanges(
        changedFields(change->before, change->hasAfter ? change->after : change->before));
    out << tr("Undo write #%1 of %2 (%3, by %4): %5")
               .arg(change->writeId)
               .arg(barcode, change->at.toLocalTime().toString(Qt::ISODate),
                    change->operatorName.isEmpty() ? QStringLiteral("-") : change->operatorName,
                    fields.isEmpty() ? change->requestSummary : fields)
        << '\n';
    if (!yes) {
        out << tr("Restore the fields as they were? Type yes: ") << Qt::flush;
        const QString answer = QTextStream(stdin).readLine().trimmed().toLower();
        if (answer != QLatin1String("yes") && answer != QLatin1String("y")) {
            out << tr("Nothing was changed.") << '\n';
            return 1;
        }
    }
    auto connection = common.almaConnection();
    if (!connection)
        return kBadUsage;
    AlmaConfig config = *connection;
    const auto apiKey = common.apiKey();
    if (!apiKey)
        return kBadUsage;
    config.apiKey = *apiKey;
    QNetworkAccessManager network;
    AlmaClient client(&network, config);
    Executor executor(&client, &journal, {});
    ExecutionResult result;
    ExecutionJob *job = executor.undo(change->intentId, *change);
    QObject::connect(job, &ExecutionJob::finished, &executor, [&result, job] {
        result = job->result();
        QCoreApplication::exit(0);
    });
    QCoreApplication::exec();
    if (result.outcome != Outcome::Done) {
        err << tr("journal: the undo was not made: %1")
                   .arg(result.error.message.isEmpty() ? result.message : result.error.message)
            << '\n';
        return 1;
    }
    out << tr("Undone: %1 is back as it was.").arg(barcode) << '\n';
    return 0;
}

int runJournal(const QStringList &arguments)
{
    using namespace migdesk;
    CommonOptions common(QStringLiteral("journal"));
    const QCommandLineOption barcode(QStringLiteral("barcode"),
                                     tr("The item (show: its records; undo: required)."),
                                     QStringLiteral("barcode"));
    const QCommandLineOption limit(QStringLiteral("limit"),
                                   tr("list: the newest N items only (default: all)."),
                                   QStringLiteral("n"));
    const QCommandLineOption summary(QStringLiteral("summary"),
                                     tr("export: per operator and day instead of per item."));
    const QCommandLineOption yes(QStringLiteral("yes"), tr("undo: do not ask before undoing."));
    const QCommandLineOption journalFile(
        QStringLiteral("journal"),
        tr("The journal to read (required): the desk's, or one written by batch or bulk."),
        QStringLiteral("file"));
    QCommandLineParser &cli = common.parser();
    cli.addOptions({common.help, journalFile, barcode, limit, summary, yes, common.almaUrl,
                    common.region, common.caFile, common.proxy, common.operatorName});
    cli.addPositionalArgument(QStringLiteral("ACTION"),
                              tr("list, show, export (CSV on stdout) or undo."));
    const bool undo = arguments.size() > 2 && arguments.at(2) == QLatin1String("undo");
    if (const auto exit = common.parse(
            arguments,
            tr("Reads a MigDesk journal: who did what, when, with which result. undo restores "
               "the fields of an item's newest change made by MigDesk, after checking that "
               "Alma's record has not changed since."),
            undo))
        return *exit;
    const auto action = common.onePositional(QStringLiteral("ACTION"));
    if (!action)
        return kBadUsage;
    const QStringList actions = {QStringLiteral("list"), QStringLiteral("show"),
                                 QStringLiteral("export"), QStringLiteral("undo")};
    if (!actions.contains(*action))
        return common.usageError(
            tr("unknown action \"%1\" (list, show, export or undo).").arg(*action));
    if (!cli.isSet(journalFile))
        return common.usageError(tr("--journal FILE is required."));
    if (*action == QLatin1String("undo") && cli.value(barcode).trimmed().isEmpty())
        return common.usageError(tr("undo needs --barcode."));
    int newest = -1;
    if (cli.isSet(limit)) {
        bool ok = false;
        newest = cli.value(limit).toInt(&ok);
        if (!ok || newest < 1)
            return common.usageError(tr("--limit must be a whole number of at least 1."));
    }
    const auto operatorName = common.operatorValue();
    if (!operatorName)
        return kBadUsage;
    auto opened = Journal::open(cli.value(journalFile));
    if (!opened)
        return common.usageError(opened.error().message);
    Journal &journal = *opened.value();
    journal.setOperator(*operatorName);

    QTextStream out(stdout);
    if (*action == QLatin1String("undo"))
        return runUndo(common, journal, cli.value(barcode).trimmed(), cli.isSet(yes));
    if (*action == QLatin1String("export")) {
        const auto intents = journal.intents();
        out << (cli.isSet(summary) ? operatorDaysCsv(operatorDays(intents))
                                   : journalExportCsv(intents));
        return 0;
    }
    JournalQuery query;
    query.newestFirst = true;
    query.limit = newest;
    std::vector<JournalIntent> intents = journal.intents(query);
    std::reverse(intents.begin(), intents.end());
    const QString wanted = cli.value(barcode).trimmed();
    for (const JournalIntent &intent : intents) {
        if (intent.barcode.isEmpty() || (!wanted.isEmpty() && intent.barcode != wanted))
            continue;
        if (*action == QLatin1String("show"))
            printDetails(out, intent);
        else
            printIntent(out, intent);
    }
    return 0;
}

const migdesk::cli::CliCommandRegistrar
    registrar(QStringLiteral("journal"),
              QStringLiteral("List, show, export or undo what a journal recorded"), runJournal);

} // namespace
