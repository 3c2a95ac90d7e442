// ScanQueue and RepeatGuard: see the header.
#include "desk/ScanQueue.h"

#include <algorithm>

namespace migdesk {

qint64 ScanQueue::takeFront()
{
    if (m_ids.empty())
        return 0;
    const qint64 id = m_ids.front();
    m_ids.pop_front();
    return id;
}

void ScanQueue::putBack(qint64 id)
{
    auto it = m_ids.begin();
    while (it != m_ids.end() && *it < id)
        ++it;
    m_ids.insert(it, id);
}

bool ScanQueue::contains(qint64 id) const
{
    return std::find(m_ids.begin(), m_ids.end(), id) != m_ids.end();
}

bool ScanQueue::remove(qint64 id)
{
    const auto it = std::find(m_ids.begin(), m_ids.end(), id);
    if (it == m_ids.end())
        return false;
    m_ids.erase(it);
    return true;
}

bool RepeatGuard::isRepeat(const QString &barcode, qint64 nowMs) const
{
    const auto it = m_lastSeen.constFind(barcode);
    if (it == m_lastSeen.constEnd())
        return false;
    const qint64 age = nowMs - it.value();
    return age >= 0 && age < m_windowMs;
}

void RepeatGuard::note(const QString &barcode, qint64 nowMs)
{
    for (auto it = m_lastSeen.begin(); it != m_lastSeen.end();) {
        if (nowMs - it.value() >= m_windowMs)
            it = m_lastSeen.erase(it);
        else
            ++it;
    }
    m_lastSeen.insert(barcode, nowMs);
}

} // namespace migdesk
