// The batch's progress line for a terminal: count, rate and ETA, rewritten in place ("\r").
// Shown only when stderr is a terminal; silent otherwise (logs and pipes stay clean).
#pragma once

#include <QElapsedTimer>
#include <QString>

#include <cstdio>

namespace migdesk {

// "120/500 items  24.3/s  ETA 0:16" (rate over the items done in this process).
QString formatProgress(int done, int total, double perSecond);

class ProgressLine {
public:
    explicit ProgressLine(std::FILE *stream = stderr, bool force = false);
    bool isEnabled() const { return m_enabled; }
    // Updates at most ~5 times a second unless `final`.
    void update(int done, int total, int doneAtStart, bool final = false);

private:
    std::FILE *m_stream;
    bool m_enabled;
    QElapsedTimer m_clock;
    qint64 m_lastMs = -1000;
};

} // namespace migdesk
