// A strict rate limiter for Alma calls (generic cell rate algorithm, burst 1 by default).
#include "alma/RateLimiter.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

namespace migdesk {

namespace {

qint64 steadyMs()
{
    static const QElapsedTimer timer = [] {
        QElapsedTimer started;
        started.start();
        return started;
    }();
    return timer.elapsed();
}

double sanitizedRate(double rate)
{
    return std::isfinite(rate) && rate > 0.01 ? rate : 0.01;
}

} // namespace

RateLimiter::RateLimiter(double ratePerSecond, Clock clock, int burst)
    : m_clock(clock ? std::move(clock) : Clock(steadyMs))
    , m_rate(sanitizedRate(ratePerSecond))
    , m_burst(std::max(1, burst))
    , m_nextMs(double(m_clock()))
{}

RateLimiter &RateLimiter::shared()
{
    static RateLimiter limiter;
    return limiter;
}

void RateLimiter::setRate(double ratePerSecond)
{
    std::lock_guard lock(m_mutex);
    m_rate = sanitizedRate(ratePerSecond);
}

double RateLimiter::rate() const
{
    std::lock_guard lock(m_mutex);
    return m_rate;
}

void RateLimiter::setBurst(int burst)
{
    std::lock_guard lock(m_mutex);
    m_burst = std::max(1, burst);
}

int RateLimiter::burst() const
{
    std::lock_guard lock(m_mutex);
    return m_burst;
}

double RateLimiter::intervalMs() const
{
    return 1000.0 / m_rate;
}

qint64 RateLimiter::reserve()
{
    std::lock_guard lock(m_mutex);
    const double now = double(m_clock());
    const double next = std::max(m_nextMs, now);
    // With a burst of b, a call may start (b - 1) intervals ahead of the strict schedule.
    const double start = std::max(now, next - double(m_burst - 1) * intervalMs());
    m_nextMs = next + intervalMs();
    return std::max<qint64>(0, qint64(std::ceil(start - now)));
}

void RateLimiter::pause(qint64 ms)
{
    std::lock_guard lock(m_mutex);
    const double now = double(m_clock());
    // Nothing starts before the pause ends, and no burst is saved up for right after it.
    m_nextMs = std::max(m_nextMs,
                        now + double(std::max<qint64>(0, ms)) + double(m_burst - 1) * intervalMs());
}

} // namespace migdesk
