// The pacing rule for Alma calls, shared by every AlmaClient of the process so that all calls
// together stay under Alma's per-second limit (25 per institution) in every one-second window.
// Two rules, both checked at the moment a request is really handed to the network:
// - spacing: a call starts at least 1/rate after the previous start (burst 1 by default);
// - in flight: at most maxInFlight requests are out at once (6 by default: the HTTP/1
//   connections Qt opens per host, so a request handed over is on the wire at once and never
//   waits in Qt's own queue, to leave later bunched with others).
// Together they bound what Alma can count in any one-second window (t - 1000, t]: a request it
// counted there either started in that window (at most ceil(rate) starts) or was in flight at
// its beginning (at most maxInFlight), whatever the delays between this process and Alma.
// See docs/PERFORMANCE.md ("Client") for the numbers.
#pragma once

#include <QtGlobal>

#include <functional>
#include <mutex>

namespace migdesk {

class RateLimiter {
public:
    using Clock = std::function<double()>; // monotonic milliseconds
    static constexpr int kDefaultMaxInFlight = 6;

    // `burst` calls may leave at once after an idle spell. The default of 1 spaces every call
    // 1/rate apart, so that no one-second window ever holds more than ceil(rate) starts.
    explicit RateLimiter(double ratePerSecond = 20, Clock clock = {}, int burst = 1,
                         int maxInFlight = kDefaultMaxInFlight);

    // The one limiter of the process (thread-safe).
    static RateLimiter &shared();

    // Every AlmaClient sets its configured rate here on construction and setConfig(): the
    // last one set applies to all.
    void setRate(double ratePerSecond);
    double rate() const;
    void setBurst(int burst); // at least 1
    int burst() const;
    void setMaxInFlight(int maxInFlight); // at least 1
    int maxInFlight() const;
    int inFlight() const;

    // Milliseconds until a call may start: 0 now, -1 while maxInFlight requests are out (the
    // next finish() frees a place). Takes nothing.
    double waitMs() const;
    // Starts a call now if waitMs() is 0: books the start time and takes an in-flight place.
    // Every send, a retry or a followed redirect included, needs one.
    bool tryStart();
    // A started request ended (its reply arrived, or it failed or was aborted).
    void finish();
    // After a 429 with Retry-After (someone else is spending the institution's allowance):
    // nobody starts a call for the next `ms` milliseconds.
    void pause(qint64 ms);

private:
    double intervalMs() const;
    double waitLocked(double now) const;

    mutable std::mutex m_mutex;
    Clock m_clock;
    double m_rate;
    int m_burst;
    int m_maxInFlight;
    int m_inFlight = 0;
    // The theoretical time at which the next call may start if no burst were allowed (GCRA);
    // a call may start up to (burst - 1) intervals before it. Booked only by a real start.
    double m_nextMs;
};

} // namespace migdesk
