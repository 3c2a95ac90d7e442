// ScanQueue: the desk's type-ahead queue. Accepted scans wait here in strict arrival order until
// the session looks them up; nothing is dropped, even while Alma is unreachable. RepeatGuard
// flags the same barcode scanned again within a short window (a double trigger of the scanner).
#pragma once

#include <QHash>
#include <QString>

#include <deque>

namespace migdesk {

class ScanQueue {
public:
    void push(qint64 id) { m_ids.push_back(id); }
    bool isEmpty() const { return m_ids.empty(); }
    int size() const { return static_cast<int>(m_ids.size()); }
    // The oldest waiting scan; 0 when empty.
    qint64 front() const { return m_ids.empty() ? 0 : m_ids.front(); }
    // Removes and returns the oldest waiting scan; 0 when empty.
    qint64 takeFront();
    // Puts a scan back at the head (it could not be looked up: Alma unreachable), keeping order.
    void pushFront(qint64 id) { m_ids.push_front(id); }
    // Puts a scan back in scan order (ids grow with each scan): before the first later scan.
    void putBack(qint64 id);
    bool contains(qint64 id) const;
    // Removes one waiting scan (skipped by staff). False when it was not waiting.
    bool remove(qint64 id);
    const std::deque<qint64> &ids() const { return m_ids; }

private:
    std::deque<qint64> m_ids;
};

class RepeatGuard {
public:
    explicit RepeatGuard(int windowMs = 4000)
        : m_windowMs(windowMs)
    {}
    void setWindow(int windowMs) { m_windowMs = windowMs; }
    int window() const { return m_windowMs; }

    // True when `barcode` was noted less than the window before `nowMs`. Does not note it.
    bool isRepeat(const QString &barcode, qint64 nowMs) const;
    // Remembers the scan time; forgets entries older than the window.
    void note(const QString &barcode, qint64 nowMs);

private:
    int m_windowMs;
    QHash<QString, qint64> m_lastSeen;
};

} // namespace migdesk
