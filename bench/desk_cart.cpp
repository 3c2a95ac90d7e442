// A cart at the desk, as staff work it: 30 items that are applied without a question (15 found
// Missing items, returned; 15 Damaged items, given their condition and returned), scanned at 2 a
// second into the real ScanSession, against `migdesk-cli sandbox --latency-ms L` in its own
// process. Reported per run: the time from the last scan to the last outcome, the most scans in
// flight at once, and Alma calls per item (from the sandbox's own counter). The pipelined desk
// (the default) and the one-at-a-time mode run side by side at 100, 300 and 600 ms.
#include "BenchSupport.h"
#include "SandboxProcess.h"

#include "alma/AlmaClient.h"
#include "desk/ScanSession.h"
#include "journal/Journal.h"
#include "legacy/NoteParser.h"
#include "pipeline/Executor.h"
#include "planning/Planner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

using namespace migdesk;

namespace {

constexpr int kItems = 30;
constexpr int kScanGapMs = 500; // 2 scans a second

QString barcodeOf(int i)
{
    return QStringLiteral("3200000000%1").arg(i, 4, 10, QLatin1Char('0'));
}

QByteArray cartData()
{
    nlohmann::json items = nlohmann::json::array();
    for (int i = 0; i < kItems; ++i) {
        const bool damaged = i % 2 == 1;
        const std::string barcode = barcodeOf(i).toStdString();
        items.push_back(
            {{"bib_data", {{"title", "Cart item " + std::to_string(i)}, {"author", "Author, A"}}},
             {"holding_data", {{"call_number", "QA" + std::to_string(100 + i)}}},
             {"item_data",
              {{"pid", "23" + barcode},
               {"barcode", barcode},
               {"base_status", {{"value", "0"}, {"desc", "Item not in place"}}},
               {"process_type", {{"value", "TECHNICAL"}, {"desc", "Technical - Migration"}}},
               {"library", {{"value", "MAIN"}, {"desc", "Main Library"}}},
               {"location", {{"value", "STACKS"}, {"desc", "Main Stacks"}}},
               {"internal_note_1", damaged ? "Status: Damaged" : "Status: Missing"}}}});
    }
    return QByteArray::fromStdString(nlohmann::json{{"items", items}}.dump());
}

int totalRequests(bench::SandboxProcess &sandbox)
{
    const nlohmann::json counters = sandbox.counters();
    const auto it = counters.find("total_requests");
    return it != counters.end() && it->is_number() ? it->get<int>() : -1;
}

void BM_DeskCart(benchmark::State &state)
{
    const int latencyMs = static_cast<int>(state.range(0));
    const bool oneAtATime = state.range(1) != 0;
    QTemporaryDir dir;
    const QString dataPath = dir.filePath(QStringLiteral("cart.json"));
    {
        QFile file(dataPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(cartData()) < 0) {
            state.SkipWithError("cannot write the cart data");
            return;
        }
    }
    double lastGapS = 0;
    int maxInFlight = 0;
    double callsPerItem = 0;
    int done = 0;
    for (auto _ : state) {
        bench::SandboxProcess sandbox;
        if (!sandbox.start({QStringLiteral("--data"), dataPath, QStringLiteral("--latency-ms"),
                            QString::number(latencyMs)},
                           dir.filePath(QStringLiteral("sandbox.log")))) {
            state.SkipWithError("the sandbox did not start");
            return;
        }
        QNetworkAccessManager network;
        AlmaConfig config;
        config.baseUrl = QUrl(sandbox.url);
        config.apiKey = QStringLiteral("sandbox-demo-key");
        config.rateLimitPerSecond = 25;
        AlmaClient client(&network, config);
        auto journal = Journal::open(dir.filePath(
            QStringLiteral("journal-%1-%2.sqlite").arg(latencyMs).arg(oneAtATime ? 1 : 0)));
        if (!journal.isOk()) {
            state.SkipWithError("cannot open the journal");
            return;
        }
        ExecutorSettings exec;
        exec.library = QStringLiteral("MAIN");
        exec.circDesk = QStringLiteral("DEFAULT_CIRC_DESK");
        Executor executor(&client, journal.value().get(), exec);
        SessionSettings settings;
        settings.library = exec.library;
        settings.circDesk = exec.circDesk;
        settings.oneAtATime = oneAtATime;
        ScanSession session(&client, &executor, journal.value().get(), Planner(), NoteParser(),
                            settings);
        const int before = totalRequests(sandbox);

        QElapsedTimer clock;
        qint64 lastScanMs = 0;
        qint64 lastOutcomeMs = 0;
        int finished = 0;
        QObject::connect(&session, &ScanSession::outcomeReached, &session,
                         [&](qint64, Outcome outcome) {
                             if (outcome == Outcome::Pending)
                                 return;
                             ++finished;
                             lastOutcomeMs = clock.elapsed();
                         });
        QObject::connect(&session, &ScanSession::recordChanged, &session,
                         [&] { maxInFlight = std::max(maxInFlight, session.inFlightCount()); });
        QEventLoop loop;
        clock.start();
        for (int i = 0; i < kItems; ++i) {
            QTimer::singleShot(i * kScanGapMs, &session, [&, i] {
                session.submit(barcodeOf(i));
                lastScanMs = clock.elapsed();
            });
        }
        QTimer deadline;
        QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
        deadline.start(kItems * kScanGapMs + 120000);
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
            if (finished >= kItems)
                loop.quit();
        });
        poll.start(5);
        loop.exec();
        done = finished;
        lastGapS = (lastOutcomeMs - lastScanMs) / 1000.0;
        const int after = totalRequests(sandbox);
        callsPerItem = before >= 0 && after >= 0 ? (after - before) / double(kItems) : -1;
        state.SetIterationTime(lastGapS);
    }
    state.counters["last_outcome_after_last_scan_s"] = lastGapS;
    state.counters["max_in_flight"] = maxInFlight;
    state.counters["calls_per_item"] = callsPerItem;
    state.counters["finished"] = done;
    state.SetLabel(oneAtATime ? "one-at-a-time" : "pipelined");
}

BENCHMARK(BM_DeskCart)
    ->ArgsProduct({{100, 300, 600}, {0, 1}})
    ->ArgNames({"latency_ms", "one_at_a_time"})
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kSecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return migdesk::bench::runBenchmarks(argc, argv);
}
