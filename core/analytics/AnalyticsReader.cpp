// Paging through an Analytics report (see AnalyticsReader.h).
#include "analytics/AnalyticsReader.h"

#include "analytics/AnalyticsCalls.h"

namespace migdesk {

AnalyticsReader::AnalyticsReader(AlmaClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

AnalyticsReader::~AnalyticsReader()
{
    if (m_reply)
        m_reply->disconnect(this);
}

void AnalyticsReader::start(const QString &path, AnalyticsRowSink *sink, int limit)
{
    if (m_running || !sink)
        return;
    m_running = true;
    m_sink = sink;
    m_path = path;
    m_limit = analyticsLimit(limit);
    m_parser = AnalyticsPageParser();
    m_rows = 0;
    m_pages = 0;
    m_headingsSent = false;
    m_error = {};
    request(requestAnalyticsFirstPage(m_client, path, m_limit));
}

void AnalyticsReader::cancel()
{
    if (!m_running)
        return;
    finish(ApiError::make(ErrorKind::Cancelled, tr("Reading the Analytics report was cancelled.")));
}

void AnalyticsReader::request(AnalyticsPageReply *reply)
{
    m_reply = reply;
    connect(reply, &AlmaReply::finished, this, [this, reply] { onPage(reply); });
}

void AnalyticsReader::onPage(AnalyticsPageReply *reply)
{
    if (!m_running || reply != m_reply)
        return;
    m_reply = nullptr;
    if (!reply->isOk()) {
        ApiError error = reply->error();
        // Alma may say IsFinished=false on the last page and answer the next one with 420033.
        if (m_pages > 0 && error.code == kAnalyticsNoMoreRows)
            return finish({});
        if (m_pages == 0 && (error.kind == ErrorKind::Alma || error.kind == ErrorKind::Http))
            error.message = tr("Alma could not run the report %1: %2").arg(m_path, error.message);
        return finish(error);
    }
    const ApiError parsed = m_parser.parse(reply->body(), [this](const QStringList &cells) {
        if (!m_headingsSent) {
            m_headingsSent = true;
            m_sink->headings(m_parser.headings());
        }
        ++m_rows;
        m_sink->row(cells);
    });
    if (parsed.isError())
        return finish(parsed);
    ++m_pages;
    Q_EMIT progress(m_rows, m_pages);
    if (!m_running) // cancelled from a progress slot
        return;
    if (m_parser.isFinished())
        return finish({});
    if (m_parser.rowsInLastPage() == 0 && m_pages > 1)
        return finish({}); // an empty page that does not say it is the last: nothing follows
    if (m_parser.resumptionToken().isEmpty())
        return finish(ApiError::make(
            ErrorKind::Parse, tr("Alma's Analytics answer is not finished but has no resumption "
                                 "token to ask for the rest.")));
    request(requestAnalyticsNextPage(m_client, m_parser.resumptionToken(), m_limit));
}

void AnalyticsReader::finish(const ApiError &error)
{
    if (!m_running)
        return;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply = nullptr;
    }
    if (!error.isError() && !m_headingsSent) {
        m_headingsSent = true;
        m_sink->headings(m_parser.headings());
    }
    m_error = error;
    m_running = false;
    m_sink = nullptr;
    Q_EMIT finished();
}

} // namespace migdesk
