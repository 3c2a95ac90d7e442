// Process-wide token bucket for Alma calls.
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

RateLimiter::RateLimiter(double ratePerSecond, Clock clock)
    : m_clock(clock ? std::move(clock) : Clock(steadyMs))
    , m_rate(sanitizedRate(ratePerSecond))
    , m_tokens(capacity())
    , m_last(m_clock())
{}

RateLimiter &RateLimiter::shared()
{
    static RateLimiter limiter;
    return limiter;
}

void RateLimiter::setRate(double ratePerSecond)
{
    std::lock_guard lock(m_mutex);
    refill(m_clock());
    m_rate = sanitizedRate(ratePerSecond);
    m_tokens = std::min(m_tokens, capacity());
}

double RateLimiter::rate() const
{
    std::lock_guard lock(m_mutex);
    return m_rate;
}

double RateLimiter::burst() const
{
    std::lock_guard lock(m_mutex);
    return capacity();
}

double RateLimiter::capacity() const
{
    return std::max(1.0, std::floor(m_rate / 4.0));
}

void RateLimiter::refill(qint64 now)
{
    if (now > m_last) {
        m_tokens = std::min(capacity(), m_tokens + double(now - m_last) * m_rate / 1000.0);
        m_last = now;
    }
}

qint64 RateLimiter::reserve()
{
    std::lock_guard lock(m_mutex);
    const qint64 now = m_clock();
    refill(now);
    m_tokens -= 1.0;
    // The token exists at m_last plus the time it takes to earn what is owed.
    const double owed = m_tokens < 0 ? -m_tokens * 1000.0 / m_rate : 0.0;
    return std::max<qint64>(0, m_last - now + qint64(std::ceil(owed)));
}

void RateLimiter::pause(qint64 ms)
{
    std::lock_guard lock(m_mutex);
    const qint64 now = m_clock();
    refill(now);
    // Nothing is earned during the pause and nothing saved up is spent right after it.
    m_tokens = std::min(m_tokens, 0.0);
    m_last = std::max(m_last, now + ms);
}

} // namespace migdesk
