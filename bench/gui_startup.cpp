// The desk window's start to ready (QUALITY.md: under 1 s to a focused scan field, offscreen):
// each iteration starts the desk the way app/gui does (DeskLauncher on the embedded demo
// sandbox) and processes events until the scan field has the keyboard focus. The memory of a
// 10,000-row session is measured by bench/gui_history_memory.cpp.
#include "BenchSupport.h"

#include "DeskLauncher.h"
#include "MainWindow.h"
#include "ScanField.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <functional>
#include <memory>

namespace {

using namespace migdesk;

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
    state.counters["rss_mb"] = bench::procStatusMb("VmRSS");
}
BENCHMARK(BM_DeskStartToFocusedScanField)->UseManualTime()->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("MigDeskBench"));
    return migdesk::bench::runBenchmarks(argc, argv);
}
