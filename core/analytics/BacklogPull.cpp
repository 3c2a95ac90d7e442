// One pass over an Analytics report into groups and counts (see BacklogPull.h).
#include "analytics/BacklogPull.h"

#include "alma/ErrorMessages.h"

namespace migdesk {

BacklogPull::BacklogPull(AlmaClient *client, BacklogReader reader, QObject *parent)
    : QObject(parent)
    , m_reader(std::move(reader))
    , m_analytics(new AnalyticsReader(client, this))
{
    connect(m_analytics, &AnalyticsReader::progress, this, &BacklogPull::progress);
    connect(m_analytics, &AnalyticsReader::finished, this, &BacklogPull::onFinished);
}

BacklogPull::~BacklogPull() = default;

void BacklogPull::start(const QString &path, WorkMode mode, int limit)
{
    if (m_analytics->isRunning())
        return;
    m_backlog = Backlog();
    m_snapshot = BacklogSnapshot();
    m_groups = std::make_unique<BacklogRowSink>(m_reader, mode);
    m_tally = std::make_unique<BacklogTally>(m_reader.noteParser());
    m_tee = std::make_unique<TeeRowSink>(m_groups.get(), m_tally.get());
    m_analytics->start(path, m_tee.get(), limit);
}

void BacklogPull::onFinished()
{
    const ApiError &error = m_analytics->error();
    m_backlog = m_groups->finish(error.isError() ? userMessage(error) : QString());
    if (!error.isError())
        m_snapshot = m_tally->snapshot(QDateTime::currentDateTimeUtc(), m_analytics->path());
    m_tee.reset();
    m_tally.reset();
    m_groups.reset();
    Q_EMIT finished();
}

} // namespace migdesk
