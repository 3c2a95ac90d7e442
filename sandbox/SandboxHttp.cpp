// Raw HTTP/1.1 replies and the request copy for the sandbox (see SandboxHttp.h).
#include "SandboxHttp.h"

#include <QHttpServerRequest>
#include <QUrl>

namespace migdesk::sandbox {

QByteArray SandboxRequest::header(const QByteArray &lowerName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerName)
            return value;
    }
    return {};
}

QString SandboxRequest::queryValue(const QString &key) const
{
    return query.queryItemValue(key, QUrl::FullyDecoded);
}

bool SandboxRequest::hasQuery(const QString &key) const
{
    return query.hasQueryItem(key);
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 415:
        return "Unsupported Media Type";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

void writeReply(QTcpSocket *socket, const SandboxReply &reply, bool closeAfter)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    QByteArray out;
    out.reserve(reply.body.size() + 256);
    out +=
        "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    out += "Server: MigDesk-Sandbox\r\n";
    if (!reply.body.isEmpty())
        out += "Content-Type: " + reply.contentType + "\r\n";
    for (const auto &[name, value] : reply.headers)
        out += name + ": " + value + "\r\n";
    out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    if (closeAfter)
        out += "Connection: close\r\n";
    out += "\r\n";
    out += reply.body;
    socket->write(out);
    if (closeAfter)
        socket->disconnectFromHost();
}

SandboxHttpServer::SandboxHttpServer(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{}

bool SandboxHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    SandboxRequest copy;
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        copy.method = "GET";
        break;
    case QHttpServerRequest::Method::Put:
        copy.method = "PUT";
        break;
    case QHttpServerRequest::Method::Post:
        copy.method = "POST";
        break;
    case QHttpServerRequest::Method::Delete:
        copy.method = "DELETE";
        break;
    case QHttpServerRequest::Method::Head:
        copy.method = "HEAD";
        break;
    default:
        copy.method = "OTHER";
        break;
    }
    const QUrl url = request.url();
    copy.path = url.path(QUrl::FullyDecoded);
    const QStringList raw =
        url.path(QUrl::FullyEncoded).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    copy.segments.reserve(raw.size());
    for (const QString &segment : raw)
        copy.segments.append(QUrl::fromPercentEncoding(segment.toUtf8()));
    copy.query = request.query();
    const auto headers = request.headers();
    copy.headers.reserve(headers.size());
    for (const auto &header : headers)
        copy.headers.emplace_back(header.first.toLower(), header.second);
    copy.body = request.body();
    copy.socket = socket;
    copy.closeAfterReply = copy.header("connection").toLower() == "close";
    m_handler(std::move(copy));
    return true;
}

void SandboxHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Q_UNUSED(request);
    SandboxReply reply;
    reply.status = 404;
    reply.body = R"({"errorsExist":true,"errorList":{"error":[{"errorCode":"INVALID_REQUEST",)"
                 R"("errorMessage":"Not found."}]},"result":null})";
    writeReply(socket, reply, false);
}

} // namespace migdesk::sandbox
