// AnalyticsReader: reads a whole Alma Analytics report, page after page, and streams its rows to
// an AnalyticsRowSink. One page is in memory at a time, so a report of a million rows costs no
// more memory than one of a thousand. Paging: the first call by path, then the first page's
// ResumptionToken until IsFinished is true; a 420033 ("No more rows to fetch") after a page
// whose IsFinished was false also ends the report. Emits progress after every page; cancel()
// stops it (the page in flight is dropped).
#pragma once

#include "analytics/AnalyticsPage.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace migdesk {

class AlmaClient;
class AnalyticsPageReply;

class AnalyticsReader : public QObject {
    Q_OBJECT
public:
    AnalyticsReader(AlmaClient *client, QObject *parent = nullptr);
    ~AnalyticsReader() override;

    // Starts reading `path`, `limit` rows per page (rounded to a multiple of 25 in 25..1000).
    // The sink must outlive the read. Ignored while a read is running.
    void start(const QString &path, AnalyticsRowSink *sink, int limit = 1000);
    void cancel();
    bool isRunning() const { return m_running; }

    qint64 rows() const { return m_rows; }
    int pages() const { return m_pages; }
    QStringList headings() const { return m_parser.headings(); }
    const ApiError &error() const { return m_error; }
    QString path() const { return m_path; }

Q_SIGNALS:
    void progress(qint64 rows, int pages);
    // Emitted once per start(): ok when error() is none; Cancelled after cancel().
    void finished();

private:
    void request(AnalyticsPageReply *reply);
    void onPage(AnalyticsPageReply *reply);
    void finish(const ApiError &error);

    AlmaClient *m_client;
    AnalyticsPageParser m_parser;
    AnalyticsRowSink *m_sink = nullptr;
    QPointer<AnalyticsPageReply> m_reply;
    QString m_path;
    int m_limit = 1000;
    qint64 m_rows = 0;
    int m_pages = 0;
    bool m_running = false;
    bool m_headingsSent = false;
    ApiError m_error;
};

} // namespace migdesk
