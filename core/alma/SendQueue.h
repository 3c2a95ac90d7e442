// The one queue of Alma calls waiting to be sent, in the order they asked. It hands each call
// to the network at the moment the shared RateLimiter allows it (spacing and in-flight cap),
// with one timer for the whole queue, so calls never leave bunched after a late timer.
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>

namespace migdesk {

class AlmaCall;

class SendQueue : public QObject {
    Q_OBJECT
public:
    // The queue of the process (main thread; Alma calls run there).
    static SendQueue &shared();

    // `call` waits its turn; the queue then calls AlmaCall::sendNow() with a started place of
    // the RateLimiter, which the call returns with release() when its request ends.
    void enqueue(AlmaCall *call);
    void release();
    int waiting() const { return int(m_waiting.size()); }

private:
    explicit SendQueue(QObject *parent);
    void pump();

    std::deque<QPointer<AlmaCall>> m_waiting;
    QTimer m_timer;
    bool m_pumping = false;
};

} // namespace migdesk
