// Terminal progress line (see ProgressLine.h).
#include "batch/ProgressLine.h"

#include <QCoreApplication>

#include <unistd.h>

namespace migdesk {

QString formatProgress(int done, int total, double perSecond)
{
    QString eta = QStringLiteral("--:--");
    if (perSecond > 0.01 && total >= done) {
        const qint64 seconds = static_cast<qint64>((total - done) / perSecond + 0.5);
        eta = QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    }
    return QCoreApplication::translate("migdesk::ProgressLine", "%1/%2 items  %3/s  ETA %4")
        .arg(done)
        .arg(total)
        .arg(perSecond, 0, 'f', 1)
        .arg(eta);
}

ProgressLine::ProgressLine(std::FILE *stream, bool force)
    : m_stream(stream)
    , m_enabled(force || ::isatty(::fileno(stream)) == 1)
{
    m_clock.start();
}

void ProgressLine::update(int done, int total, int doneAtStart, bool final)
{
    if (!m_enabled)
        return;
    const qint64 now = m_clock.elapsed();
    if (!final && now - m_lastMs < 200)
        return;
    m_lastMs = now;
    const double seconds = std::max<qint64>(now, 1) / 1000.0;
    const double rate = (done - doneAtStart) / seconds;
    const QByteArray line = formatProgress(done, total, rate).toUtf8();
    std::fprintf(m_stream, "\r%s\033[K%s", line.constData(), final ? "\n" : "");
    std::fflush(m_stream);
}

} // namespace migdesk
