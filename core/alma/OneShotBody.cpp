// Non-rewindable request body (see OneShotBody.h).
#include "alma/OneShotBody.h"

#include <cstring>

namespace migdesk {

OneShotBody::OneShotBody(QByteArray data, QObject *parent)
    : QIODevice(parent)
    , m_data(std::move(data))
{
    open(QIODevice::ReadOnly);
}

bool OneShotBody::atEnd() const
{
    return m_position >= m_data.size() && QIODevice::bytesAvailable() == 0;
}

qint64 OneShotBody::bytesAvailable() const
{
    return m_data.size() - m_position + QIODevice::bytesAvailable();
}

qint64 OneShotBody::readData(char *data, qint64 maxSize)
{
    const qint64 count = qMin(maxSize, qint64(m_data.size()) - m_position);
    if (count <= 0)
        return 0;
    std::memcpy(data, m_data.constData() + m_position, size_t(count));
    m_position += count;
    return count;
}

} // namespace migdesk
