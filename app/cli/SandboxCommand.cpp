// `migdesk-cli sandbox`: serves the local Alma simulator on loopback until interrupted.
// Prints "MigDesk sandbox listening on http://127.0.0.1:PORT" once ready (scripts parse it).
#include "CliCommand.h"

#include "SandboxServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace {

using migdesk::sandbox::SandboxOptions;
using migdesk::sandbox::SandboxServer;

QString tr(const char *text)
{
    return QCoreApplication::translate("SandboxCommand", text);
}

int runSandbox(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Serve the MigDesk Alma sandbox on loopback."));
    parser.addHelpOption();
    auto value = [&](const char *name, const char *help, const char *placeholder,
                     const char *fallback) {
        QCommandLineOption option(QString::fromLatin1(name), tr(help),
                                  QString::fromLatin1(placeholder), QString::fromLatin1(fallback));
        parser.addOption(option);
        return option;
    };
    auto flag = [&](const char *name, const char *help) {
        QCommandLineOption option(QString::fromLatin1(name), tr(help));
        parser.addOption(option);
        return option;
    };
    const auto port = value("port", "Port to listen on (0: any free port).", "N", "8080");
    const auto host = value("host", "Loopback address to listen on.", "ADDRESS", "127.0.0.1");
    const auto demo = flag("demo", "Serve the generated demo data (the default without --data).");
    const auto items = value("items", "Number of demo items.", "N", "400");
    const auto seed = value("seed", "Seed of the demo data and of the fault dice.", "S", "1");
    const auto data =
        value("data", "Serve items, loans and requests from a JSON file.", "FILE", "");
    const auto apiKey = value("api-key",
                              "API key to require (default: $MIGDESK_SANDBOX_API_KEY or the "
                              "demo key sandbox-demo-key).",
                              "KEY", "");
    const auto rateLimit = value("rate-limit", "Calls per second before 429.", "N", "25");
    const auto dailyBudget = value("daily-budget", "Calls per day (-1: unlimited).", "N", "-1");
    const auto latency = value("latency-ms", "Delay every answer by this much.", "MS", "0");
    const auto jitter = value("jitter-ms", "Add a random delay up to this much.", "MS", "0");
    const auto f429 = value("fault-429", "Probability of an injected 429.", "P", "0");
    const auto f5xx = value("fault-5xx", "Probability of a 503 with an XML body.", "P", "0");
    const auto fDrop =
        value("fault-drop", "Probability of applying, then closing unanswered.", "P", "0");
    const auto fMalformed =
        value("fault-malformed", "Probability of a broken JSON answer.", "P", "0");
    const auto fHang = value("fault-hang", "Probability of never answering.", "P", "0");
    const auto writable =
        flag("process-type-writable", "Let an item PUT set process_type (default: ignored).");
    const auto singleError =
        flag("single-error-object", "Send a lone error as \"error\": {...} instead of an array.");
    const auto jobId = value(
        "job-id", "Id of the sandbox's Change Physical items job (Alma's is M18).", "ID", "M18");
    const auto jobSeconds = value("job-seconds", "How long a job run takes.", "S", "3");
    parser.process(arguments);

    SandboxOptions options;
    QString key = parser.value(apiKey);
    if (key.isEmpty())
        key = qEnvironmentVariable("MIGDESK_SANDBOX_API_KEY");
    if (!key.isEmpty())
        options.apiKey = key;
    options.rateLimit = parser.value(rateLimit).toInt();
    options.dailyBudget = parser.value(dailyBudget).toLongLong();
    options.processTypeWritable = parser.isSet(writable);
    options.singleErrorObject = parser.isSet(singleError);
    options.jobId = parser.value(jobId);
    options.jobSeconds = parser.value(jobSeconds).toInt();
    options.seed = parser.value(seed).toUInt();
    options.faults.latencyMs = parser.value(latency).toInt();
    options.faults.jitterMs = parser.value(jitter).toInt();
    options.faults.p429 = parser.value(f429).toDouble();
    options.faults.p5xx = parser.value(f5xx).toDouble();
    options.faults.pDrop = parser.value(fDrop).toDouble();
    options.faults.pMalformed = parser.value(fMalformed).toDouble();
    options.faults.pHang = parser.value(fHang).toDouble();

    const QHostAddress address(parser.value(host));
    if (address.isNull() || !address.isLoopback()) {
        err << tr("migdesk-cli sandbox: --host must be a loopback address, e.g. 127.0.0.1.")
            << Qt::endl;
        return 2;
    }
    bool portOk = false;
    const uint portNumber = parser.value(port).toUInt(&portOk);
    if (!portOk || portNumber > 65535) {
        err << tr("migdesk-cli sandbox: --port must be a number from 0 to 65535.") << Qt::endl;
        return 2;
    }

    auto *server = new SandboxServer(options, QCoreApplication::instance());
    if (parser.isSet(data) && !parser.value(data).isEmpty()) {
        QString error;
        if (!server->loadDataFile(parser.value(data), &error)) {
            err << tr("migdesk-cli sandbox: %1").arg(error) << Qt::endl;
            return 2;
        }
    } else {
        server->loadDemo(parser.value(items).toInt(), options.seed);
    }
    Q_UNUSED(demo);
    if (!server->listen(address, quint16(portNumber))) {
        err << tr("migdesk-cli sandbox: cannot listen on %1:%2.")
                   .arg(address.toString())
                   .arg(portNumber)
            << Qt::endl;
        return 1;
    }
    QUrl url = server->baseUrl();
    url.setHost(address.toString());
    out << "MigDesk sandbox listening on " << url.toString() << Qt::endl;
    if (key.isEmpty())
        err << tr("API key: the demo key \"%1\".").arg(options.apiKey) << Qt::endl;
    const auto examples = server->demoExamples();
    for (size_t i = 0; i < examples.size() && i < 6; ++i)
        err << tr("Try %1: %2").arg(examples[i].barcode, examples[i].scenario) << Qt::endl;
    return QCoreApplication::exec();
}

const migdesk::cli::CliCommandRegistrar registrar(QStringLiteral("sandbox"),
                                                  QStringLiteral("Serve the local Alma sandbox"),
                                                  runSandbox);

} // namespace
