// Sandbox throughput on loopback: item GETs per second with several requests in flight, the
// sandbox in this process and as `migdesk-cli sandbox` in another. Target: >= 2,000/s.
#include "SandboxServer.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>

#include <benchmark/benchmark.h>

#include <memory>

#include <unistd.h>

namespace {

using migdesk::sandbox::SandboxOptions;
using migdesk::sandbox::SandboxServer;

// Sends `total` GETs of `url`, keeping `inFlight` outstanding; returns the number of 200s.
int pump(QNetworkAccessManager &manager, const QUrl &url, int total, int inFlight)
{
    QEventLoop loop;
    int started = 0;
    int done = 0;
    int ok = 0;
    std::function<void()> next = [&] {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "apikey sandbox-demo-key");
        request.setRawHeader("Accept", "application/json");
        QNetworkReply *reply = manager.get(request);
        ++started;
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            ok += reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
            reply->readAll();
            reply->deleteLater();
            if (++done == total)
                loop.quit();
            else if (started < total)
                next();
        });
    };
    for (int i = 0; i < inFlight && started < total; ++i)
        next();
    loop.exec();
    return ok;
}

// CPU seconds (user + system) used so far by process `pid`, from /proc.
double processCpuSeconds(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = file.readAll();
    // Fields after the command name (which is in parentheses and may contain spaces).
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return (fields[11].toDouble() + fields[12].toDouble()) / ticks; // utime, stime
}

QUrl itemUrl(const QUrl &base, const SandboxServer &server)
{
    const auto examples = server.demoExamples();
    const auto item = server.itemJson(examples.front().barcode);
    QUrl url = base;
    url.setPath(QUrl(QString::fromStdString(item["link"].get<std::string>())).path());
    return url;
}

void BM_SandboxInProcess(benchmark::State &state)
{
    SandboxOptions options;
    options.rateLimit = 0;
    SandboxServer server(options);
    server.loadDemo(1000, 1);
    server.listen();
    QNetworkAccessManager manager;
    const QUrl url = itemUrl(server.baseUrl(), server);
    const int batch = 1000;
    int ok = 0;
    for (auto _ : state)
        ok += pump(manager, url, batch, int(state.range(0)));
    state.counters["requests_per_second"] =
        benchmark::Counter(double(state.iterations()) * batch, benchmark::Counter::kIsRate);
    state.counters["ok"] = ok;
}
BENCHMARK(BM_SandboxInProcess)
    ->Arg(1)
    ->Arg(6)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();

void BM_SandboxCliProcess(benchmark::State &state)
{
    QProcess process;
    process.start(QStringLiteral(MIGDESK_CLI_PATH),
                  {QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0"),
                   QStringLiteral("--rate-limit"), QStringLiteral("0"), QStringLiteral("--items"),
                   QStringLiteral("1000")});
    QByteArray line;
    while (!line.contains('\n') && process.waitForReadyRead(20000))
        line += process.readAllStandardOutput();
    const auto match =
        QRegularExpression(QStringLiteral("listening on (\\S+)")).match(QString::fromUtf8(line));
    if (!match.hasMatch()) {
        state.SkipWithError("migdesk-cli sandbox did not start");
        return;
    }
    // The in-process demo with the same seed has the same items, so its paths are valid there.
    SandboxServer twin;
    twin.loadDemo(1000, 1);
    const QUrl url = itemUrl(QUrl(match.captured(1)), twin);
    QNetworkAccessManager manager;
    const int batch = 1000;
    int ok = 0;
    const double cpuBefore = processCpuSeconds(process.processId());
    for (auto _ : state)
        ok += pump(manager, url, batch, int(state.range(0)));
    const double serverCpu = processCpuSeconds(process.processId()) - cpuBefore;
    const double requests = double(state.iterations()) * batch;
    state.counters["requests_per_second"] =
        benchmark::Counter(requests, benchmark::Counter::kIsRate);
    state.counters["ok"] = ok;
    // Server CPU per request: what one core could serve if the machine were idle.
    state.counters["server_cpu_us_per_request"] = serverCpu * 1e6 / requests;
    state.counters["server_capacity_per_core"] = serverCpu > 0 ? requests / serverCpu : 0;
    process.terminate();
    process.waitForFinished(5000);
}
BENCHMARK(BM_SandboxCliProcess)->Arg(6)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_SandboxLoadDemo(benchmark::State &state)
{
    for (auto _ : state) {
        SandboxServer server;
        server.loadDemo(int(state.range(0)), 1);
        benchmark::DoNotOptimize(server.demoExamples());
    }
}
BENCHMARK(BM_SandboxLoadDemo)->Arg(10000)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
