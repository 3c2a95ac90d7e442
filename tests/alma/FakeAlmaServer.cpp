// Scripted loopback HTTP server for fault tests (see FakeAlmaServer.h).
#include "FakeAlmaServer.h"

#include <QTcpSocket>

namespace migdesk::test {

FakeResponse FakeResponse::json(int status, const QByteArray &body)
{
    FakeResponse response;
    response.status = status;
    response.body = body;
    response.headers.emplaceBack("Content-Type", "application/json;charset=UTF-8");
    return response;
}

FakeResponse FakeResponse::drop()
{
    FakeResponse response;
    response.action = Action::Drop;
    return response;
}

FakeResponse FakeResponse::hang()
{
    FakeResponse response;
    response.action = Action::Hang;
    return response;
}

FakeResponse &FakeResponse::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.emplaceBack(name, value);
    return *this;
}

FakeAlmaServer::FakeAlmaServer(QObject *parent)
    : QObject(parent)
{
    m_handler = [](const FakeRequest &) { return FakeResponse::json(200, "{}"); };
    connect(&m_server, &QTcpServer::newConnection, this, &FakeAlmaServer::onNewConnection);
}

FakeAlmaServer::~FakeAlmaServer()
{
    // Sockets still open must not call back into this half-destroyed object.
    const auto sockets = m_server.findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        delete socket;
    }
}

bool FakeAlmaServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl FakeAlmaServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

void FakeAlmaServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_connections;
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeAlmaServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        FakeRequest request;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                       lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = request.header("content-length").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        m_requests.push_back(request);

        const FakeResponse response = m_handler(request);
        if (response.action == FakeResponse::Action::Drop) {
            socket->abort();
            return;
        }
        if (response.action == FakeResponse::Action::Hang)
            continue;
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " Fake\r\n";
        for (const auto &[name, value] : response.headers)
            out += name + ": " + value + "\r\n";
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n";
        out += response.body;
        socket->write(out);
    }
}

} // namespace migdesk::test
