// BacklogPull: "Find migration items" from Alma Analytics in one pass over the report: the rows
// go to the backlog's groups (BacklogBuilder) and to the dashboard's counts (BacklogTally) as
// they arrive, page by page. Progress after each page; cancel() stops it.
#pragma once

#include "analytics/AnalyticsBacklog.h"
#include "analytics/AnalyticsReader.h"
#include "analytics/BacklogSnapshot.h"

#include <QObject>

#include <memory>

namespace migdesk {

class AlmaClient;

class BacklogPull : public QObject {
    Q_OBJECT
public:
    BacklogPull(AlmaClient *client, BacklogReader reader, QObject *parent = nullptr);
    ~BacklogPull() override;

    void start(const QString &path, WorkMode mode, int limit = 1000);
    void cancel() { m_analytics->cancel(); }
    bool isRunning() const { return m_analytics->isRunning(); }

    // After finished(): the groups (their error set when the read failed), the counts (only
    // when the read succeeded) and the read's error.
    const Backlog &backlog() const { return m_backlog; }
    const BacklogSnapshot &snapshot() const { return m_snapshot; }
    const ApiError &error() const { return m_analytics->error(); }
    QString path() const { return m_analytics->path(); }

Q_SIGNALS:
    void progress(qint64 rows, int pages);
    void finished();

private:
    void onFinished();

    BacklogReader m_reader;
    AnalyticsReader *m_analytics;
    std::unique_ptr<BacklogRowSink> m_groups;
    std::unique_ptr<BacklogTally> m_tally;
    std::unique_ptr<TeeRowSink> m_tee;
    Backlog m_backlog;
    BacklogSnapshot m_snapshot;
};

} // namespace migdesk
