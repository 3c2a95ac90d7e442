// Batch throughput against `migdesk-cli sandbox --latency-ms 250 --rate-limit 25`: the batch
// (concurrent, paced by the rate limiter) and, side by side in the same run, the sequential
// one-call-at-a-time way (`--concurrency 1`). Counters: Alma calls per second (from the
// sandbox's own request counter), share of the configured limit, speed-up, 429s in the report.
#include "BenchSupport.h"
#include "SandboxProcess.h"

#include <SandboxDemoData.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

namespace {

constexpr int kLatencyMs = 250;
constexpr int kLimit = 25;

QString cli()
{
    return QStringLiteral(MIGDESK_CLI_PATH);
}

struct Measured {
    double callsPerSecond = 0;
    double itemsPerSecond = 0;
    qint64 calls = 0;
    int rateLimitedRows = 0;
    bool ok = false;
};

Measured runBatch(int items, int concurrency)
{
    Measured measured;
    QTemporaryDir dir;
    migdesk::bench::SandboxProcess sandbox;
    if (!sandbox.start({QStringLiteral("--items"), QString::number(items),
                        QStringLiteral("--rate-limit"), QString::number(kLimit),
                        QStringLiteral("--latency-ms"), QString::number(kLatencyMs)},
                       dir.filePath(QStringLiteral("sandbox.log"))))
        return measured;
    QStringList lines;
    const auto demo = migdesk::sandbox::generateDemoData(items, 1);
    for (const auto &record : demo.records)
        lines << QString::fromStdString(record.item["item_data"]["barcode"].get<std::string>());
    QFile list(dir.filePath(QStringLiteral("barcodes.txt")));
    if (!list.open(QIODevice::WriteOnly))
        return measured;
    list.write(lines.join(QLatin1Char('\n')).toUtf8());
    list.close();

    QProcess batch;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MIGDESK_API_KEY"), QStringLiteral("sandbox-demo-key"));
    batch.setProcessEnvironment(env);
    QStringList args{QStringLiteral("batch"),
                     QStringLiteral("--library"),
                     QStringLiteral("MAIN"),
                     QStringLiteral("--circ-desk"),
                     QStringLiteral("DEFAULT_CIRC_DESK"),
                     QStringLiteral("--alma-url"),
                     sandbox.url,
                     QStringLiteral("--rate-limit"),
                     QString::number(kLimit),
                     QStringLiteral("--journal"),
                     dir.filePath(QStringLiteral("journal.sqlite")),
                     QStringLiteral("--report"),
                     dir.filePath(QStringLiteral("report.csv"))};
    if (concurrency > 0)
        args << QStringLiteral("--concurrency") << QString::number(concurrency);
    args << list.fileName();
    QElapsedTimer clock;
    clock.start();
    batch.start(cli(), args);
    batch.waitForFinished(-1);
    const double seconds = clock.elapsed() / 1000.0;
    measured.calls = sandbox.counters().value("total_requests", qint64(0));
    measured.callsPerSecond = measured.calls / seconds;
    measured.itemsPerSecond = items / seconds;
    QFile report(dir.filePath(QStringLiteral("report.csv")));
    if (report.open(QIODevice::ReadOnly))
        measured.rateLimitedRows = int(report.readAll().count("PER_SECOND_THRESHOLD"));
    measured.ok = batch.exitStatus() == QProcess::NormalExit && measured.calls > 0;
    return measured;
}

void BM_BatchVsSequential(benchmark::State &state)
{
    const int items = static_cast<int>(state.range(0));
    const int sequentialItems = static_cast<int>(state.range(1));
    Measured batch;
    Measured sequential;
    for (auto _ : state) {
        batch = runBatch(items, 0);
        sequential = runBatch(sequentialItems, 1);
        if (!batch.ok || !sequential.ok)
            state.SkipWithError("a batch run failed");
    }
    state.counters["batch_calls_per_s"] = batch.callsPerSecond;
    state.counters["batch_share_of_limit"] = batch.callsPerSecond / kLimit;
    state.counters["batch_items_per_s"] = batch.itemsPerSecond;
    state.counters["sequential_calls_per_s"] = sequential.callsPerSecond;
    state.counters["speedup_calls"] =
        sequential.callsPerSecond > 0 ? batch.callsPerSecond / sequential.callsPerSecond : 0;
    state.counters["rate_limited_rows"] = batch.rateLimitedRows;
    state.counters["batch_calls"] = double(batch.calls);
}
BENCHMARK(BM_BatchVsSequential)
    ->Args({150, 20})
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return migdesk::bench::runBenchmarks(argc, argv);
}
