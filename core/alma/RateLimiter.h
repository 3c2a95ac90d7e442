// A token bucket shared by every AlmaClient of the process, so that all calls together stay
// under Alma's per-second limit (25 per institution).
#pragma once

#include <QtGlobal>

#include <functional>
#include <mutex>

namespace migdesk {

class RateLimiter {
public:
    using Clock = std::function<qint64()>; // monotonic milliseconds

    explicit RateLimiter(double ratePerSecond = 20, Clock clock = {});

    // The one bucket of the process (thread-safe).
    static RateLimiter &shared();

    // Every AlmaClient sets its configured rate here on construction and setConfig(): the
    // last one set applies to all.
    void setRate(double ratePerSecond);
    double rate() const;
    // At most this many calls may leave at once after an idle spell: a quarter of a second's
    // worth, so that no one-second window sees more than 1.25 x the rate.
    double burst() const;

    // Takes one token and says how many milliseconds to wait before using it (0: go now).
    // Tokens are reserved in order, so concurrent callers are spaced 1/rate apart.
    qint64 reserve();
    // After a 429 (someone else is spending the institution's allowance): nobody starts a call
    // for the next `ms` milliseconds.
    void pause(qint64 ms);

private:
    void refill(qint64 now);
    double capacity() const;

    mutable std::mutex m_mutex;
    Clock m_clock;
    double m_rate;
    double m_tokens;
    qint64 m_last; // time of the last refill; in the future while paused
};

} // namespace migdesk
