// What the resolution stamp costs a bulk run, against `migdesk-cli sandbox --latency-ms 250
// --rate-limit 25`: the same Damaged run of full item records (about 2.5 KB each, 10 % of them
// with text in statistics_note_3) with and without `--stamp-note statistics_note_3`, side by
// side. Counters: wall seconds, Alma calls (the sandbox's own counter), items per second, and
// the ratios stamped / plain. A stamped run reads every item first (two calls each) and updates
// the items whose note held text one by one; the job still does the rest.
#include "BenchSupport.h"
#include "FullItemRecords.h"
#include "SandboxProcess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <random>

namespace {

constexpr int kLatencyMs = 250;
constexpr int kLimit = 25;

struct Measured {
    double seconds = 0;
    qint64 calls = 0;
    bool ok = false;
};

// `count` full records, every one in Technical - Migration; every tenth holds a note in
// statistics_note_3. Writes the sandbox data file and the barcode list.
bool writeData(const QTemporaryDir &dir, int count)
{
    std::mt19937 random(7);
    nlohmann::json items = nlohmann::json::array();
    QStringList barcodes;
    for (int i = 0; i < count; ++i) {
        nlohmann::json record = nlohmann::json::parse(migdesk::bench::fullItemRecord(random, i));
        nlohmann::json item = record.contains("item") ? record["item"] : record;
        item["item_data"]["process_type"] = {{"value", "TECHNICAL"},
                                             {"desc", "Technical - Migration"}};
        item["item_data"]["base_status"] = {{"value", "0"}, {"desc", "Item not in place"}};
        item["item_data"]["statistics_note_3"] = i % 10 == 0 ? "Inventory 2025: shelf 4" : "";
        barcodes << QString::fromStdString(item["item_data"]["barcode"].get<std::string>());
        items.push_back(std::move(item));
    }
    QFile data(dir.filePath(QStringLiteral("items.json")));
    QFile list(dir.filePath(QStringLiteral("barcodes.txt")));
    if (!data.open(QIODevice::WriteOnly) || !list.open(QIODevice::WriteOnly))
        return false;
    data.write(QByteArray::fromStdString(nlohmann::json{{"items", items}}.dump()));
    list.write(barcodes.join(QLatin1Char('\n')).toUtf8());
    return true;
}

Measured runBulk(int count, bool stamp)
{
    Measured measured;
    QTemporaryDir dir;
    if (!writeData(dir, count))
        return measured;
    migdesk::bench::SandboxProcess sandbox;
    if (!sandbox.start({QStringLiteral("--data"), dir.filePath(QStringLiteral("items.json")),
                        QStringLiteral("--rate-limit"), QString::number(kLimit),
                        QStringLiteral("--latency-ms"), QString::number(kLatencyMs),
                        QStringLiteral("--job-seconds"), QStringLiteral("3")},
                       dir.filePath(QStringLiteral("sandbox.log"))))
        return measured;
    QProcess bulk;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MIGDESK_API_KEY"), QStringLiteral("sandbox-demo-key"));
    bulk.setProcessEnvironment(env);
    QStringList args{QStringLiteral("bulk"),
                     QStringLiteral("--status"),
                     QStringLiteral("DAMAGED"),
                     QStringLiteral("--alma-url"),
                     sandbox.url,
                     QStringLiteral("--rate-limit"),
                     QString::number(kLimit),
                     QStringLiteral("--poll-ms"),
                     QStringLiteral("500"),
                     QStringLiteral("--operator"),
                     QStringLiteral("Bench"),
                     QStringLiteral("--journal"),
                     dir.filePath(QStringLiteral("journal.sqlite")),
                     QStringLiteral("--report"),
                     dir.filePath(QStringLiteral("report.csv"))};
    if (stamp)
        args << QStringLiteral("--stamp-note") << QStringLiteral("statistics_note_3");
    args << dir.filePath(QStringLiteral("barcodes.txt"));
    QElapsedTimer clock;
    clock.start();
    bulk.start(QStringLiteral(MIGDESK_CLI_PATH), args);
    bulk.waitForFinished(-1);
    measured.seconds = clock.elapsed() / 1000.0;
    measured.calls = sandbox.counters().value("total_requests", qint64(0));
    // Exit 0: every item done (the stamped run included its one-by-one items).
    measured.ok = bulk.exitStatus() == QProcess::NormalExit && bulk.exitCode() == 0;
    return measured;
}

void BM_BulkWithAndWithoutStamp(benchmark::State &state)
{
    const int items = static_cast<int>(state.range(0));
    Measured plain;
    Measured stamped;
    for (auto _ : state) {
        plain = runBulk(items, false);
        stamped = runBulk(items, true);
        if (!plain.ok || !stamped.ok)
            state.SkipWithError("a bulk run did not finish with every item done");
    }
    state.counters["plain_s"] = plain.seconds;
    state.counters["stamped_s"] = stamped.seconds;
    state.counters["plain_calls"] = double(plain.calls);
    state.counters["stamped_calls"] = double(stamped.calls);
    state.counters["plain_items_per_s"] = plain.seconds > 0 ? items / plain.seconds : 0;
    state.counters["stamped_items_per_s"] = stamped.seconds > 0 ? items / stamped.seconds : 0;
    state.counters["ratio_time"] = plain.seconds > 0 ? stamped.seconds / plain.seconds : 0;
    state.counters["ratio_calls"] = plain.calls > 0 ? double(stamped.calls) / plain.calls : 0;
}
BENCHMARK(BM_BulkWithAndWithoutStamp)
    ->Arg(400)
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return migdesk::bench::runBenchmarks(argc, argv);
}
