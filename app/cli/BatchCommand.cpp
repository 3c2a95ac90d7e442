// `migdesk-cli batch`: works a barcode list (or an Analytics CSV export) through Alma or the
// sandbox, journaled and resumable, and writes a CSV report. The API key comes from MIGDESK_API_KEY
// or the keychain entry of --profile (CommonOptions), never from the command line.
// Exit codes: 0 every row done or needs staff, 1 any row failed or pending, 2 bad usage.
#include "CliCommand.h"
#include "CommonOptions.h"

#include "alma/AlmaClient.h"
#include "batch/BarcodeInput.h"
#include "batch/BatchRunner.h"
#include "batch/ProgressLine.h"
#include "journal/Journal.h"
#include "planning/Rules.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <map>

namespace {

using migdesk::cli::CommonOptions;
using migdesk::cli::kBadUsage;

QString tr(const char *text)
{
    return QCoreApplication::translate("BatchCommand", text);
}

constexpr double kPaceShare = 0.95;

int runBatch(const QStringList &arguments)
{
    using namespace migdesk;
    CommonOptions common(QStringLiteral("batch"));
    const QCommandLineOption mode =
        CommonOptions::modeOption(tr("desk (default) or followup."), QStringLiteral("desk"));
    const QCommandLineOption library(QStringLiteral("library"),
                                     tr("Library code for scan-ins (required)."),
                                     QStringLiteral("code"));
    const QCommandLineOption circDesk(QStringLiteral("circ-desk"),
                                      tr("Circulation desk code for scan-ins (required)."),
                                      QStringLiteral("code"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    tr("Look up and plan only; write nothing."));
    const QCommandLineOption resume(QStringLiteral("resume"),
                                    tr("Continue the journal's interrupted run of this list."));
    const QCommandLineOption rateLimit(
        QStringLiteral("rate-limit"),
        tr("The institution's Alma calls per second (default 25); MigDesk uses 80 % of it."),
        QStringLiteral("n"), QStringLiteral("25"));
    const QCommandLineOption allowWithdraw(QStringLiteral("allow-withdraw"),
                                           tr("Apply WITHDRAW (delete) steps too."));
    const QCommandLineOption source(QStringLiteral("source"),
                                    tr("Source ILS: auto (default), voyager, sierra, koha, "
                                       "symphony."),
                                    QStringLiteral("ils"), QStringLiteral("auto"));
    const QCommandLineOption rules(QStringLiteral("rules"),
                                   tr("Rules file (default: the shipped rules)."),
                                   QStringLiteral("file"));
    const QCommandLineOption deadline(QStringLiteral("deadline-ms"),
                                      tr("Hard deadline of one Alma call (default 30000)."),
                                      QStringLiteral("ms"), QStringLiteral("30000"));
    const QCommandLineOption verbose(QStringLiteral("verbose"),
                                     tr("Log every Alma call to stderr (the key never is)."));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"),
                                         tr("Items in flight at once (default: the rate limit)."),
                                         QStringLiteral("n"));
    QCommandLineParser &cli = common.parser();
    cli.addOptions({common.help,
                    mode,
                    library,
                    circDesk,
                    common.almaUrl,
                    common.region,
                    dryRun,
                    resume,
                    common.journal,
                    common.report,
                    common.caFile,
                    common.proxy,
                    rateLimit,
                    allowWithdraw,
                    source,
                    rules,
                    deadline,
                    concurrency,
                    common.operatorName,
                    common.stampNote,
                    verbose});
    cli.addPositionalArgument(QStringLiteral("BARCODES_FILE"),
                              tr("One barcode per line, or a CSV with a Barcode column."));
    if (const auto exit = common.parse(
            arguments,
            tr("Applies the safe fixes to every barcode of a list, as the desk's auto-apply "
               "would, and writes a CSV report."),
            true))
        return *exit;
    const auto inputPath = common.onePositional(QStringLiteral("BARCODES_FILE"));
    if (!inputPath)
        return kBadUsage;
    const auto workMode = common.workMode(mode);
    if (!workMode)
        return kBadUsage;
    if (cli.value(library).isEmpty() || cli.value(circDesk).isEmpty())
        return common.usageError(tr("--library and --circ-desk are required."));
    auto connection = common.almaConnection();
    if (!connection)
        return kBadUsage;
    AlmaConfig config = *connection;
    bool numberOk = false;
    const double rate = cli.value(rateLimit).toDouble(&numberOk);
    if (!numberOk || rate <= 0 || rate > 1000)
        return common.usageError(tr("--rate-limit must be a number between 0 and 1000."));
    const int deadlineMs = cli.value(deadline).toInt(&numberOk);
    if (!numberOk || deadlineMs < 100)
        return common.usageError(tr("--deadline-ms must be at least 100."));
    int inFlight = std::max(1, static_cast<int>(rate));
    if (cli.isSet(concurrency)) {
        inFlight = cli.value(concurrency).toInt(&numberOk);
        if (!numberOk || inFlight < 1 || inFlight > 256)
            return common.usageError(tr("--concurrency must be between 1 and 256."));
    }
    const auto operatorName = common.operatorValue();
    if (!operatorName)
        return kBadUsage;
    const auto stampField = common.stampField();
    if (!stampField)
        return kBadUsage;
    const auto ils = sourceIlsFromName(cli.value(source));
    if (!ils)
        return common.usageError(tr("unknown source ILS \"%1\".").arg(cli.value(source)));
    const auto apiKey = common.apiKey();
    if (!apiKey)
        return kBadUsage;
    config.apiKey = *apiKey;
    // Pace at 95 % of the institution's limit: the client's limiter spaces every call (retries
    // included) 1/rate apart with no burst, so no one-second window holds more than the rate;
    // the 5 % margin absorbs network and scheduling jitter between client and Alma.
    config.rateLimitPerSecond = rate * kPaceShare;
    config.deadlineMs = deadlineMs;
    config.transferTimeoutMs = std::min(config.transferTimeoutMs, deadlineMs);

    // Quiet unless asked: the per-call log is for diagnosis, the report is the record.
    if (!cli.isSet(verbose))
        QLoggingCategory::setFilterRules(
            QStringLiteral("migdesk.*.debug=false\nmigdesk.*.info=false"));
    auto input = readBarcodeFile(*inputPath);
    if (!input)
        return common.usageError(input.error().message);
    const RulesLoad loadedRules = loadRulesOrDefaults(cli.value(rules));
    QTextStream err(stderr);
    if (!loadedRules.warning.isEmpty())
        err << loadedRules.warning << '\n';
    for (const auto &duplicate : input.value().duplicates)
        err << tr("Barcode %1 appears more than once; it is worked once.").arg(duplicate) << '\n';

    auto opened = Journal::open(common.journalPath());
    if (!opened)
        return common.usageError(opened.error().message);
    std::unique_ptr<Journal> theJournal = std::move(opened.value());
    theJournal->setOperator(*operatorName);

    BatchOptions options;
    options.mode = *workMode;
    options.resume = cli.isSet(resume);
    options.allowWithdraw = cli.isSet(allowWithdraw);
    options.maxInFlight = inFlight;
    options.executor.library = cli.value(library);
    options.executor.circDesk = cli.value(circDesk);
    options.executor.dryRun = cli.isSet(dryRun);
    options.executor.conditionCode = loadedRules.rules.conditionCode();
    options.executor.missingStrategy = loadedRules.rules.missingStrategy();
    options.executor.withdrawHoldings = loadedRules.rules.withdrawHoldings();
    options.executor.withdrawBib = loadedRules.rules.withdrawBib();
    options.executor.stampField = *stampField;
    options.executor.operatorName = *operatorName;

    QNetworkAccessManager network;
    AlmaClient client(&network, config);
    BatchRunner runner(&client, theJournal.get(), Planner(loadedRules.rules), options);
    runner.setParser(NoteParser(*ils));
    auto prepared = runner.prepare(input.value().barcodes);
    if (!prepared)
        return common.usageError(prepared.error().message);

    ProgressLine progress;
    const int doneAtStart = runner.resumedCount();
    QObject::connect(&runner, &BatchRunner::rowFinished, &runner, [&](int) {
        progress.update(runner.finishedCount(), runner.total(), doneAtStart);
    });
    QObject::connect(&runner, &BatchRunner::finished, &runner, [&] {
        progress.update(runner.finishedCount(), runner.total(), doneAtStart, true);
        QCoreApplication::exit(0);
    });
    runner.start();
    QCoreApplication::exec();

    std::vector<BatchRow> rows = runner.rows();
    for (const auto &rejected : input.value().rejected) {
        BatchRow row;
        row.barcode = rejected.text;
        row.outcome = Outcome::Error;
        row.errorCode = QStringLiteral("validation");
        row.errorMessage = tr("line %1: %2").arg(rejected.line).arg(rejected.reason);
        row.message = tr("Not a valid barcode; nothing was sent to Alma.");
        row.operatorName = *operatorName;
        rows.push_back(row);
    }
    const QString reportPath = common.reportPath(*inputPath + QStringLiteral(".report.csv"));
    // Items left for Alma's bulk Missing job: listed beside the report for `migdesk-cli bulk`
    // (docs/BULK_JOBS.md says why the batch does not start the job itself).
    const QStringList jobItems = bulkJobBarcodes(rows);
    if (!jobItems.isEmpty()) {
        const QString listPath = reportPath + QStringLiteral(".missing-job.txt");
        const QString listError = writeBulkJobList(listPath, jobItems);
        if (listError.isEmpty()) {
            noteBulkJobRows(rows, listPath);
            err << tr("%1 items wait for Alma's bulk Missing job: run migdesk-cli bulk --status "
                      "MISSING %2")
                       .arg(jobItems.size())
                       .arg(listPath)
                << '\n';
        } else {
            err << tr("The bulk job list %1 could not be written: %2").arg(listPath, listError)
                << '\n';
        }
    }
    const QString writeError = writeBatchReport(reportPath, rows);
    if (!writeError.isEmpty())
        err << tr("The report %1 could not be written: %2").arg(reportPath, writeError) << '\n';

    std::map<QString, int> counts;
    bool failed = !writeError.isEmpty();
    for (const auto &row : rows) {
        ++counts[outcomeName(row.outcome)];
        failed = failed || !row.isSuccess();
    }
    QTextStream out(stdout);
    QStringList parts;
    for (const auto &[name, count] : counts)
        parts << QStringLiteral("%1 %2").arg(name).arg(count);
    out << tr("batch: %1 rows (%2); report %3")
               .arg(rows.size())
               .arg(parts.join(QStringLiteral(", ")), reportPath)
        << '\n';
    return failed ? 1 : 0;
}

const migdesk::cli::CliCommandRegistrar
    registrar(QStringLiteral("batch"),
              QStringLiteral("Apply the safe fixes to a barcode list (journaled)"), runBatch);

} // namespace
