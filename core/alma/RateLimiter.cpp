// The pacing rule for Alma calls: spacing (generic cell rate algorithm, burst 1 by default,
// booked at the real start) and a cap on requests in flight.
#include "alma/RateLimiter.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

namespace migdesk {

namespace {

double steadyMs()
{
    static const QElapsedTimer timer = [] {
        QElapsedTimer started;
        started.start();
        return started;
    }();
    // Sub-millisecond: a whole-millisecond clock could space two starts up to 1 ms too close.
    return double(timer.nsecsElapsed()) / 1e6;
}

double sanitizedRate(double rate)
{
    return std::isfinite(rate) && rate > 0.01 ? rate : 0.01;
}

} // namespace

RateLimiter::RateLimiter(double ratePerSecond, Clock clock, int burst, int maxInFlight)
    : m_clock(clock ? std::move(clock) : Clock(steadyMs))
    , m_rate(sanitizedRate(ratePerSecond))
    , m_burst(std::max(1, burst))
    , m_maxInFlight(std::max(1, maxInFlight))
    , m_nextMs(m_clock())
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

void RateLimiter::setMaxInFlight(int maxInFlight)
{
    std::lock_guard lock(m_mutex);
    m_maxInFlight = std::max(1, maxInFlight);
}

int RateLimiter::maxInFlight() const
{
    std::lock_guard lock(m_mutex);
    return m_maxInFlight;
}

int RateLimiter::inFlight() const
{
    std::lock_guard lock(m_mutex);
    return m_inFlight;
}

double RateLimiter::intervalMs() const
{
    return 1000.0 / m_rate;
}

double RateLimiter::waitLocked(double now) const
{
    if (m_inFlight >= m_maxInFlight)
        return -1;
    // With a burst of b, a call may start (b - 1) intervals ahead of the strict schedule.
    const double start = m_nextMs - double(m_burst - 1) * intervalMs();
    return std::max(0.0, start - now);
}

double RateLimiter::waitMs() const
{
    std::lock_guard lock(m_mutex);
    return waitLocked(m_clock());
}

bool RateLimiter::tryStart()
{
    std::lock_guard lock(m_mutex);
    const double now = m_clock();
    if (waitLocked(now) != 0)
        return false;
    // Booked from the real start: a start that came late moves the schedule with it, so a
    // late call and the next on-time one never leave closer than one interval apart.
    m_nextMs = std::max(m_nextMs, now) + intervalMs();
    ++m_inFlight;
    return true;
}

void RateLimiter::finish()
{
    std::lock_guard lock(m_mutex);
    m_inFlight = std::max(0, m_inFlight - 1);
}

void RateLimiter::pause(qint64 ms)
{
    std::lock_guard lock(m_mutex);
    const double now = m_clock();
    // Nothing starts before the pause ends, and no burst is saved up for right after it.
    m_nextMs = std::max(m_nextMs,
                        now + double(std::max<qint64>(0, ms)) + double(m_burst - 1) * intervalMs());
}

} // namespace migdesk
