// `migdesk-cli bulk`: hands a barcode list to Alma's Change Physical Items job (a set, the job,
// verification) instead of one call per item, journaled and resumable, with the batch's report
// CSV and exit codes. The API key comes from MIGDESK_API_KEY or the keychain entry of --profile.
// Exit codes: 0 every item done, 1 any item failed or pending, 2 bad usage.
#include "CliCommand.h"
#include "CommonOptions.h"

#include "alma/AlmaClient.h"
#include "batch/BarcodeInput.h"
#include "batch/BatchReport.h"
#include "batch/ProgressLine.h"
#include "bulk/BulkRunner.h"
#include "journal/Journal.h"
#include "planning/Rules.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <map>

namespace {

using namespace migdesk;
using migdesk::cli::CommonOptions;
using migdesk::cli::kBadUsage;

QString tr(const char *text)
{
    return QCoreApplication::translate("BulkCommand", text);
}

BatchRow rowFor(const BulkItemResult &item, BulkAction action)
{
    BatchRow row;
    row.barcode = item.barcode;
    row.title = item.title;
    row.plannedSteps = QStringList{action == BulkAction::Missing ? QStringLiteral("MARK_MISSING")
                                                                 : QStringLiteral("SET_CONDITION")};
    row.outcome = item.outcome;
    row.message = item.message;
    row.errorCode = item.errorCode;
    if (!item.errorCode.isEmpty())
        row.errorMessage = item.message;
    row.afterProcessType = item.processTypeAfter;
    row.afterCondition = item.conditionAfter;
    return row;
}

struct Options {
    QCommandLineOption status{QStringLiteral("status"), tr("MISSING or DAMAGED (required)."),
                              QStringLiteral("status")};
    QCommandLineOption jobTemplate{QStringLiteral("job-template"),
                                   tr("The job template JSON (docs/BULK_JOBS.md); default: "
                                      "Change Physical items, M18."),
                                   QStringLiteral("file")};
    QCommandLineOption verify{QStringLiteral("verify"),
                              tr("Re-read all items or a sample after the job: all or sample:N "
                                 "(default sample:50)."),
                              QStringLiteral("how"), QStringLiteral("sample:50")};
    QCommandLineOption session{QStringLiteral("session"),
                               tr("Session name used in the set's name (default \"CLI\")."),
                               QStringLiteral("name"), QStringLiteral("CLI")};
    QCommandLineOption resume{QStringLiteral("resume"),
                              tr("Continue the journal's unfinished bulk run (no BARCODES_FILE).")};
    QCommandLineOption rateLimit{QStringLiteral("rate-limit"),
                                 tr("Alma calls per second (default 25)."), QStringLiteral("n"),
                                 QStringLiteral("25")};
    QCommandLineOption pollMs{QStringLiteral("poll-ms"),
                              tr("How often the job is polled, in ms (default 5000)."),
                              QStringLiteral("ms"), QStringLiteral("5000")};
    QCommandLineOption rules{QStringLiteral("rules"),
                             tr("Rules file (its Damaged condition code; default: shipped)."),
                             QStringLiteral("file")};
    QCommandLineOption keepSet{QStringLiteral("keep-set"),
                               tr("Keep the set in Alma after the run (default: deleted once the "
                                  "items are verified).")};
};

int runBulk(const QStringList &arguments)
{
    // The client's per-request debug lines would bury the progress line and the summary.
    QLoggingCategory::setFilterRules(QStringLiteral("migdesk.alma.debug=false"));
    CommonOptions common(QStringLiteral("bulk"));
    Options o;
    QCommandLineParser &cli = common.parser();
    cli.addOptions({common.help, o.status, o.jobTemplate, common.almaUrl, common.region,
                    common.journal, common.report, common.caFile, common.proxy, o.verify, o.session,
                    o.resume, o.rateLimit, o.pollMs, o.rules, o.keepSet, common.operatorName,
                    common.stampNote});
    cli.addPositionalArgument(QStringLiteral("BARCODES_FILE"),
                              tr("One barcode per line, or a CSV with a Barcode column."));
    if (const auto exit = common.parse(
            arguments,
            tr("Sets Missing (or a physical condition) on every barcode of a list with Alma's "
               "Change Physical Items job: an itemized set, the job, then a check of the items."),
            true))
        return *exit;
    const bool resuming = cli.isSet(o.resume);
    std::optional<QString> inputPath;
    if (resuming) {
        if (!cli.positionalArguments().isEmpty())
            return common.usageError(tr("--resume takes no BARCODES_FILE."));
    } else {
        inputPath = common.onePositional(QStringLiteral("BARCODES_FILE"));
        if (!inputPath)
            return kBadUsage;
    }
    const auto action = bulkActionFromName(cli.value(o.status));
    if (!resuming && !action)
        return common.usageError(tr("--status must be MISSING or DAMAGED."));
    const auto verify = VerifyPolicy::fromText(cli.value(o.verify));
    if (!verify)
        return common.usageError(tr("--verify must be all or sample:N."));
    auto connection = common.almaConnection();
    if (!connection)
        return kBadUsage;
    AlmaConfig config = *connection;
    bool numberOk = false;
    const double rate = cli.value(o.rateLimit).toDouble(&numberOk);
    if (!numberOk || rate <= 0 || rate > 1000)
        return common.usageError(tr("--rate-limit must be a number between 0 and 1000."));
    const int pollInterval = cli.value(o.pollMs).toInt(&numberOk);
    if (!numberOk || pollInterval < 50)
        return common.usageError(tr("--poll-ms must be at least 50."));
    const auto operatorName = common.operatorValue();
    if (!operatorName)
        return kBadUsage;
    const auto stampField = common.stampField();
    if (!stampField)
        return kBadUsage;
    if (resuming && !stampField->isEmpty())
        return common.usageError(tr("--resume takes the stamp the run started with; leave out "
                                    "--stamp-note."));
    const auto apiKey = common.apiKey();
    if (!apiKey)
        return kBadUsage;
    config.apiKey = *apiKey;
    config.rateLimitPerSecond = rate;

    // The same default against Alma and the sandbox: Change Physical items, M18.
    JobTemplate jobTemplate = JobTemplate::changePhysicalItems();
    if (cli.isSet(o.jobTemplate)) {
        auto loaded = JobTemplate::loadFile(cli.value(o.jobTemplate));
        if (!loaded)
            return common.usageError(loaded.error().message);
        jobTemplate = loaded.value();
    }
    const RulesLoad loadedRules = loadRulesOrDefaults(cli.value(o.rules));
    QTextStream err(stderr);
    if (!loadedRules.warning.isEmpty())
        err << loadedRules.warning << '\n';

    auto opened = Journal::open(common.journalPath());
    if (!opened)
        return common.usageError(opened.error().message);
    std::unique_ptr<Journal> journal = std::move(opened.value());
    journal->setOperator(*operatorName);
    const auto unfinished = findUnfinishedBulkRuns(*journal);

    BulkRequest request;
    request.verify = *verify;
    request.keepSet = cli.isSet(o.keepSet);
    request.stamp = {*stampField, QString(), *operatorName};
    request.pollIntervalMs = pollInterval;
    request.jobTemplate = jobTemplate;
    request.sessionName = cli.value(o.session);
    request.conditionCode = loadedRules.rules.conditionCode().isEmpty()
                                ? QStringLiteral("DAMAGED")
                                : loadedRules.rules.conditionCode();
    std::vector<BarcodeInput::Rejected> rejected;
    QString reportPath;
    if (resuming) {
        if (unfinished.empty()) {
            QTextStream(stdout) << tr("bulk: the journal has no unfinished bulk run.") << '\n';
            return 0;
        }
        err << tr("Resuming: %1").arg(unfinished.front().describe()) << '\n';
        reportPath = common.reportPath(journal->path() + QStringLiteral(".bulk-report.csv"));
    } else {
        if (!unfinished.empty())
            return common.usageError(
                tr("the journal has an unfinished bulk run (%1); finish it with "
                   "--resume before starting another, so no job runs twice.")
                    .arg(unfinished.front().describe()));
        auto input = readBarcodeFile(*inputPath);
        if (!input)
            return common.usageError(input.error().message);
        for (const auto &duplicate : input.value().duplicates)
            err << tr("Barcode %1 appears more than once; it is handed once.").arg(duplicate)
                << '\n';
        rejected = input.value().rejected;
        request.action = *action;
        for (const QString &barcode : input.value().barcodes)
            request.items.push_back({barcode, 0});
        reportPath = common.reportPath(*inputPath + QStringLiteral(".report.csv"));
        const BulkConfirmation confirmation = BulkRunner::confirmation(request);
        if (!confirmation.problems.isEmpty())
            return common.usageError(confirmation.problems.join(QLatin1Char(' ')));
        err << confirmation.text() << '\n';
    }

    QNetworkAccessManager network;
    AlmaClient client(&network, config);
    BulkRunner runner(&client, journal.get());
    ProgressLine progress;
    BulkPhase shownPhase = BulkPhase::Idle;
    QObject::connect(&runner, &BulkRunner::progress, &runner, [&](const BulkProgress &p) {
        if (!progress.isEnabled() || p.phase == BulkPhase::Finished)
            return; // the summary goes to stdout once the run is over
        if (p.phase != shownPhase) {
            shownPhase = p.phase;
            err << '\n' << p.message << '\n';
            err.flush();
        }
        if (p.phase == BulkPhase::Running) {
            // The job's own percent and status, not an item count.
            err << '\r' << p.message.leftJustified(60);
            err.flush();
            return;
        }
        progress.update(p.done, p.total, 0, p.phase == BulkPhase::Finished);
    });
    BulkSummary summary;
    QObject::connect(&runner, &BulkRunner::finished, &runner, [&](const BulkSummary &s) {
        summary = s;
        QCoreApplication::exit(0);
    });
    if (resuming)
        runner.resume(unfinished.front(), request);
    else
        runner.start(request);
    if (runner.isRunning())
        QCoreApplication::exec();

    const BulkAction done = resuming ? unfinished.front().state.action : *action;
    std::vector<BatchRow> rows;
    for (const auto &item : summary.items)
        rows.push_back(rowFor(item, done));
    for (const auto &line : rejected) {
        BatchRow row;
        row.barcode = line.text;
        row.outcome = Outcome::Error;
        row.errorCode = QStringLiteral("validation");
        row.errorMessage = tr("line %1: %2").arg(line.line).arg(line.reason);
        row.message = tr("Not a valid barcode; nothing was sent to Alma.");
        rows.push_back(row);
    }
    for (auto &row : rows)
        row.operatorName = *operatorName; // who ran the job, on every row of its report
    const QString writeError = writeBatchReport(reportPath, rows);
    if (!writeError.isEmpty())
        err << tr("The report %1 could not be written: %2").arg(reportPath, writeError) << '\n';
    std::map<QString, int> counts;
    bool failed = !writeError.isEmpty() || summary.error.isError();
    for (const auto &row : rows) {
        ++counts[outcomeName(row.outcome)];
        failed = failed || row.outcome != Outcome::Done;
    }
    QStringList parts;
    for (const auto &[name, count] : counts)
        parts << QStringLiteral("%1 %2").arg(name).arg(count);
    QTextStream out(stdout);
    out << summary.message << '\n'
        << tr("bulk: %1 items (%2); set \"%3\" (%4), job %5 instance %6; report %7")
               .arg(rows.size())
               .arg(parts.join(QStringLiteral(", ")), summary.setName, summary.setId, summary.jobId,
                    summary.instanceId, reportPath)
        << '\n';
    return failed ? 1 : 0;
}

const migdesk::cli::CliCommandRegistrar
    registrar(QStringLiteral("bulk"),
              QStringLiteral("Set Missing/Damaged on a barcode list with Alma's job"), runBulk);

} // namespace
