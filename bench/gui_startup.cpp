// The desk window's start to ready (QUALITY.md: under 1 s to a focused scan field, offscreen):
// each iteration starts the desk the way app/gui does (DeskLauncher on the embedded demo
// sandbox) and processes events until the scan field has the keyboard focus. A second
// benchmark measures the resident memory of a desk window holding 10,000 history rows.
#include "DeskLauncher.h"
#include "DeskStack.h"
#include "HistoryModel.h"
#include "MainWindow.h"
#include "ScanField.h"
#include "desk/ScanRecord.h"
#include "desk/ScanSession.h"
#include "settings/SecretStore.h"
#include "settings/Settings.h"

#include <SandboxServer.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <functional>
#include <memory>
#include <string>

namespace {

using namespace migdesk;

// VmRSS / VmHWM of this process in MB (Linux /proc), 0 when unreadable.
double procStatusMb(const char *key)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray prefix = QByteArray(key) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

// Processes events until `done` or `timeoutMs`; false on timeout.
bool processUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

// Start to ready: DeskLauncher (the bootstrap of app/gui) with no configuration, so it starts
// the embedded sandbox, loads the demo, builds the DeskStack and shows the MainWindow; the clock
// stops when QApplication::focusWidget() is the scan field.
void BM_DeskStartToFocusedScanField(benchmark::State &state)
{
    QTemporaryDir dir;
    LaunchOptions options;
    options.settingsFile = dir.filePath(QStringLiteral("empty.ini")); // nothing configured
    int activatedByBench = 0;
    for (auto _ : state) {
        QElapsedTimer clock;
        clock.start();
        auto launcher = std::make_unique<DeskLauncher>(options);
        bool ready = false;
        QObject::connect(launcher.get(), &DeskLauncher::ready, launcher.get(),
                         [&ready] { ready = true; });
        launcher->start();
        if (!processUntil([&] { return ready; }, 10000)) {
            state.SkipWithError("the launcher did not become ready");
            break;
        }
        MainWindow *window = launcher->window();
        auto focused = [&] { return QApplication::focusWidget() == window->scanField(); };
        // The offscreen platform has no window manager; activate the window as one would if it
        // has not been activated by itself after a short while.
        if (!processUntil(focused, 200)) {
            ++activatedByBench;
            QApplication::setActiveWindow(window);
            if (!processUntil(focused, 5000)) {
                state.SkipWithError("the scan field did not get the focus");
                break;
            }
        }
        state.SetIterationTime(double(clock.nsecsElapsed()) / 1e9);
        launcher.reset();
        QCoreApplication::processEvents();
    }
    state.counters["activated_by_bench"] = activatedByBench;
    state.counters["rss_mb"] = procStatusMb("VmRSS");
}
BENCHMARK(BM_DeskStartToFocusedScanField)->UseManualTime()->Unit(benchmark::kMillisecond);

// The demo's barcodes: the sandbox numbers items from a base per seed with a Luhn check digit.
QString demoBarcode(quint32 seed, int index)
{
    const quint64 n = 10000000ULL + quint64(seed % 80) * 1000000ULL + quint64(index);
    std::string digits =
        "39015" +
        QString::number(n % 100000000ULL).rightJustified(8, QLatin1Char('0')).toStdString();
    int sum = 0;
    bool twice = true;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int d = *it - '0';
        if (twice)
            d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        sum += d;
        twice = !twice;
    }
    digits += char('0' + (10 - sum % 10) % 10);
    return QString::fromStdString(digits);
}

// Memory with a long session: a desk window (auto-apply on, as at a desk) on a sandbox of
// 10,000 demo items scans each of them once; items waiting for staff (decisions, withdraw,
// guided steps, reviews) are skipped with Esc as staff would. Reports RSS before and after and
// the peak; run under /usr/bin/time -v for the process's maximum resident set.
void BM_DeskHistoryMemory(benchmark::State &state)
{
    const int rows = int(state.range(0));
    for (auto _ : state) {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("settings.ini")));
        settings.setSoundsEnabled(false);
        sandbox::SandboxOptions sandboxOptions;
        sandboxOptions.rateLimit = 0;
        sandbox::SandboxServer sandbox(sandboxOptions);
        if (!sandbox.listen(QHostAddress::LocalHost, 0)) {
            state.SkipWithError("the sandbox could not listen");
            break;
        }
        sandbox.loadDemo(rows, 1);
        if (sandbox.itemJson(demoBarcode(1, rows - 1)).empty()) {
            state.SkipWithError("demo barcodes are not numbered as expected");
            break;
        }
        DeskConnection connection;
        connection.baseUrl = sandbox.baseUrl();
        connection.apiKey = sandboxOptions.apiKey;
        connection.sandbox = true;
        connection.library = QStringLiteral("MAIN");
        connection.circDesk = QStringLiteral("DEFAULT_CIRC_DESK");
        connection.rateLimit = 1000;
        InMemorySecretStore secrets;
        DeskStack stack(settings, connection);
        MainWindow window(&stack, &settings, &secrets, {});
        window.resize(1366, 768);
        window.show();
        QCoreApplication::processEvents();
        const double before = procStatusMb("VmRSS");
        ScanSession *session = stack.session();
        QObject::connect(session, &ScanSession::recordChanged, &window, [session](qint64 id) {
            const ScanRecord *record = session->record(id);
            if (record && record->stage == ScanStage::Planned)
                QMetaObject::invokeMethod(
                    session, [session, id] { session->skip(id); }, Qt::QueuedConnection);
        });
        for (int i = 0; i < rows; ++i)
            session->submit(demoBarcode(1, i));
        auto allFinished = [&] {
            const std::vector<qint64> ids = session->recordIds();
            if (int(ids.size()) < rows)
                return false;
            const ScanRecord *last = session->record(ids.back());
            return last && last->stage == ScanStage::Finished;
        };
        if (!processUntil(allFinished, 900000)) {
            state.SkipWithError("the scans did not finish in 15 minutes");
            break;
        }
        QCoreApplication::processEvents();
        state.counters["history_rows"] = window.historyModel()->rowCount();
        state.counters["rss_mb_window_ready"] = before;
        state.counters["rss_mb_after_scans"] = procStatusMb("VmRSS");
        state.counters["rss_mb_peak"] = procStatusMb("VmHWM");
    }
}
BENCHMARK(BM_DeskHistoryMemory)->Arg(10000)->Iterations(1)->Unit(benchmark::kSecond);

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("MigDeskBench"));
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
