// `migdesk-cli batch`: works a barcode list (or an Analytics CSV export) through Alma or the
// sandbox, journaled and resumable, and writes a CSV report. The API key comes only from the
// MIGDESK_API_KEY environment variable, never from the command line.
// Exit codes: 0 every row done or needs staff, 1 any row failed or pending, 2 bad usage.
#include "CliCommand.h"

#include "alma/AlmaClient.h"
#include "alma/Region.h"
#include "batch/BarcodeInput.h"
#include "batch/BatchRunner.h"
#include "batch/ProgressLine.h"
#include "journal/Journal.h"
#include "planning/Rules.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <map>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("BatchCommand", text);
}

constexpr double kPaceShare = 0.95;

int usageError(const QString &message)
{
    QTextStream(stderr) << "batch: " << message << '\n'
                        << tr("Run `migdesk-cli batch --help` for the options.") << '\n';
    return 2;
}

int runBatch(const QStringList &arguments)
{
    using namespace migdesk;
    for (const auto &argument : arguments) {
        const QString lower = argument.toLower();
        if (lower.startsWith(QLatin1String("--api-key")) ||
            lower.startsWith(QLatin1String("--apikey")) || lower.startsWith(QLatin1String("--key")))
            return usageError(tr("the API key is never taken from the command line; set "
                                 "MIGDESK_API_KEY in the environment."));
    }
    QCommandLineParser cli;
    cli.setApplicationDescription(
        tr("Applies the safe fixes to every barcode of a list, as the desk's auto-apply would, "
           "and writes a CSV report. The API key is read from MIGDESK_API_KEY."));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this help."));
    const QCommandLineOption mode(QStringLiteral("mode"), tr("desk (default) or followup."),
                                  QStringLiteral("mode"), QStringLiteral("desk"));
    const QCommandLineOption library(QStringLiteral("library"),
                                     tr("Library code for scan-ins (required)."),
                                     QStringLiteral("code"));
    const QCommandLineOption circDesk(QStringLiteral("circ-desk"),
                                      tr("Circulation desk code for scan-ins (required)."),
                                      QStringLiteral("code"));
    const QCommandLineOption almaUrl(QStringLiteral("alma-url"),
                                     tr("Alma base URL (https, or http://127.0.0.1:PORT for the "
                                        "sandbox)."),
                                     QStringLiteral("url"));
    const QCommandLineOption region(QStringLiteral("region"),
                                    tr("Alma region: na, eu, ap, aps, ca or cn."),
                                    QStringLiteral("region"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    tr("Look up and plan only; write nothing."));
    const QCommandLineOption resume(QStringLiteral("resume"),
                                    tr("Continue the journal's interrupted run of this list."));
    const QCommandLineOption journal(QStringLiteral("journal"),
                                     tr("Journal file (default: the batch journal in the user's "
                                        "data folder)."),
                                     QStringLiteral("file"));
    const QCommandLineOption report(QStringLiteral("report"),
                                    tr("Report CSV (default: BARCODES_FILE.report.csv)."),
                                    QStringLiteral("file"));
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
    cli.addOptions({help, mode, library, circDesk, almaUrl, region, dryRun, resume, journal, report,
                    rateLimit, allowWithdraw, source, rules, deadline, concurrency, verbose});
    cli.addPositionalArgument(QStringLiteral("BARCODES_FILE"),
                              tr("One barcode per line, or a CSV with a Barcode column."));
    if (!cli.parse(arguments))
        return usageError(cli.errorText());
    if (cli.isSet(help)) {
        QTextStream(stdout) << cli.helpText();
        return 0;
    }
    if (cli.positionalArguments().size() != 1)
        return usageError(tr("give exactly one BARCODES_FILE."));
    const auto workMode = workModeFromName(cli.value(mode));
    if (!workMode)
        return usageError(tr("unknown mode \"%1\" (desk or followup).").arg(cli.value(mode)));
    if (cli.value(library).isEmpty() || cli.value(circDesk).isEmpty())
        return usageError(tr("--library and --circ-desk are required."));
    if (cli.isSet(almaUrl) == cli.isSet(region))
        return usageError(tr("give either --alma-url or --region."));
    AlmaConfig config;
    if (cli.isSet(region)) {
        const auto parsed = regionFromName(cli.value(region));
        if (!parsed)
            return usageError(tr("unknown region \"%1\".").arg(cli.value(region)));
        config.baseUrl = regionBaseUrl(*parsed);
    } else {
        config.baseUrl = QUrl(cli.value(almaUrl), QUrl::StrictMode);
        if (!config.baseUrl.isValid() || config.baseUrl.host().isEmpty())
            return usageError(tr("--alma-url is not a valid URL."));
    }
    bool numberOk = false;
    const double rate = cli.value(rateLimit).toDouble(&numberOk);
    if (!numberOk || rate <= 0 || rate > 1000)
        return usageError(tr("--rate-limit must be a number between 0 and 1000."));
    const int deadlineMs = cli.value(deadline).toInt(&numberOk);
    if (!numberOk || deadlineMs < 100)
        return usageError(tr("--deadline-ms must be at least 100."));
    int inFlight = std::max(1, static_cast<int>(rate));
    if (cli.isSet(concurrency)) {
        inFlight = cli.value(concurrency).toInt(&numberOk);
        if (!numberOk || inFlight < 1 || inFlight > 256)
            return usageError(tr("--concurrency must be between 1 and 256."));
    }
    const auto ils = sourceIlsFromName(cli.value(source));
    if (!ils)
        return usageError(tr("unknown source ILS \"%1\".").arg(cli.value(source)));
    config.apiKey = qEnvironmentVariable("MIGDESK_API_KEY");
    if (config.apiKey.trimmed().isEmpty())
        return usageError(tr("set the API key in the environment variable MIGDESK_API_KEY."));
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
    const QString inputPath = cli.positionalArguments().constFirst();
    auto input = readBarcodeFile(inputPath);
    if (!input)
        return usageError(input.error().message);
    const RulesLoad loadedRules = loadRulesOrDefaults(cli.value(rules));
    QTextStream err(stderr);
    if (!loadedRules.warning.isEmpty())
        err << loadedRules.warning << '\n';
    for (const auto &duplicate : input.value().duplicates)
        err << tr("Barcode %1 appears more than once; it is worked once.").arg(duplicate) << '\n';

    const QString journalPath =
        cli.isSet(journal) ? cli.value(journal) : Journal::defaultPath(QStringLiteral("batch"));
    auto opened = Journal::open(journalPath);
    if (!opened)
        return usageError(opened.error().message);
    std::unique_ptr<Journal> theJournal = std::move(opened.value());

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

    QNetworkAccessManager network;
    AlmaClient client(&network, config);
    BatchRunner runner(&client, theJournal.get(), Planner(loadedRules.rules), options);
    runner.setParser(NoteParser(*ils));
    auto prepared = runner.prepare(input.value().barcodes);
    if (!prepared)
        return usageError(prepared.error().message);

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
        rows.push_back(row);
    }
    const QString reportPath =
        cli.isSet(report) ? cli.value(report) : inputPath + QStringLiteral(".report.csv");
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
