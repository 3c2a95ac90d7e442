// A strict rate limiter shared by every AlmaClient of the process, so that all calls together
// stay under Alma's per-second limit (25 per institution) in every one-second window.
#pragma once

#include <QtGlobal>

#include <functional>
#include <mutex>

namespace migdesk {

class RateLimiter {
public:
    using Clock = std::function<qint64()>; // monotonic milliseconds

    // `burst` calls may leave at once after an idle spell. The default of 1 spaces every call
    // 1/rate apart, so that no one-second window ever holds more than `rate` starts.
    explicit RateLimiter(double ratePerSecond = 20, Clock clock = {}, int burst = 1);

    // The one limiter of the process (thread-safe).
    static RateLimiter &shared();

    // Every AlmaClient sets its configured rate here on construction and setConfig(): the
    // last one set applies to all.
    void setRate(double ratePerSecond);
    double rate() const;
    void setBurst(int burst); // at least 1
    int burst() const;

    // Takes one slot and says how many milliseconds to wait before using it (0: go now).
    // Slots are reserved in order, so concurrent callers are spaced 1/rate apart. Every send,
    // a retry or a followed redirect included, takes one.
    qint64 reserve();
    // After a 429 (someone else is spending the institution's allowance): nobody starts a call
    // for the next `ms` milliseconds.
    void pause(qint64 ms);

private:
    double intervalMs() const;

    mutable std::mutex m_mutex;
    Clock m_clock;
    double m_rate;
    int m_burst;
    // The theoretical time at which the next call may start if no burst were allowed (GCRA);
    // a call may start up to (burst - 1) intervals before it.
    double m_nextMs;
};

} // namespace migdesk
