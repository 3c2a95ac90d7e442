// What every benchmark executable repeats: reading this process's memory from /proc and running
// Google Benchmark once the Qt application object exists.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <benchmark/benchmark.h>

namespace migdesk::bench {

// VmRSS / VmHWM of this process in MB (Linux /proc), 0 when unreadable.
inline double procStatusMb(const char *key)
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

// Runs the registered benchmarks with the command line's options; 1 on an unknown option.
inline int runBenchmarks(int &argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

} // namespace migdesk::bench
