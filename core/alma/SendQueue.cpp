// The queue of Alma calls waiting for the rate limiter (see SendQueue.h).
#include "alma/SendQueue.h"

#include "alma/AlmaCall.h"
#include "alma/RateLimiter.h"

#include <QCoreApplication>

#include <cmath>

namespace migdesk {

SendQueue &SendQueue::shared()
{
    // Owned by the application object, so it goes away with the event loop it runs on.
    static QPointer<SendQueue> queue;
    if (!queue)
        queue = new SendQueue(QCoreApplication::instance());
    return *queue;
}

SendQueue::SendQueue(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    // A coarse timer may fire up to 5 % late; a precise one keeps the pace. Firing early is
    // harmless: the limiter is asked again and the timer rearmed.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SendQueue::pump);
}

void SendQueue::enqueue(AlmaCall *call)
{
    m_waiting.emplace_back(call);
    pump();
}

void SendQueue::release()
{
    RateLimiter::shared().finish();
    pump();
}

void SendQueue::pump()
{
    // sendNow() may end a call at once, whose owner may enqueue the next: one loop at a time.
    if (m_pumping)
        return;
    m_pumping = true;
    RateLimiter &limiter = RateLimiter::shared();
    while (!m_waiting.empty()) {
        if (!m_waiting.front()) {
            m_waiting.pop_front(); // the call was deleted while it waited
            continue;
        }
        const double wait = limiter.waitMs();
        if (wait < 0)
            break; // all places in flight: release() pumps again
        if (wait > 0 || !limiter.tryStart()) {
            m_timer.start(std::max(1, int(std::ceil(wait))));
            break;
        }
        m_timer.stop();
        const QPointer<AlmaCall> call = m_waiting.front();
        m_waiting.pop_front();
        call->sendNow();
    }
    m_pumping = false;
}

} // namespace migdesk
