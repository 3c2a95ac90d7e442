// The sandbox's own thin HTTP layer: a request copied out of Qt HttpServer (so it can be
// answered later from a timer), a reply value, and raw HTTP/1.1 writing on the socket.
#pragma once

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTcpSocket>
#include <QUrlQuery>

#include <functional>
#include <utility>
#include <vector>

namespace migdesk::sandbox {

struct SandboxRequest {
    QByteArray method;    // "GET", "PUT", ...
    QString path;         // decoded path, e.g. "/almaws/v1/items"
    QStringList segments; // decoded path segments, empty ones dropped
    QUrlQuery query;      // use queryValue() for decoded values
    std::vector<std::pair<QByteArray, QByteArray>> headers; // names lower-case
    QByteArray body;
    QPointer<QTcpSocket> socket;
    bool closeAfterReply = false;

    QByteArray header(const QByteArray &lowerName) const;
    QString queryValue(const QString &key) const;
    bool hasQuery(const QString &key) const;
};

struct SandboxReply {
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json;charset=UTF-8";
    std::vector<std::pair<QByteArray, QByteArray>> headers;
};

// Writes a complete HTTP/1.1 response; does nothing when the socket is gone or closed.
void writeReply(QTcpSocket *socket, const SandboxReply &reply, bool closeAfter);
QByteArray reasonPhrase(int status);

// Qt's abstract server with every request handed to one function, copied and owned.
class SandboxHttpServer : public QAbstractHttpServer {
    Q_OBJECT
public:
    using Handler = std::function<void(SandboxRequest &&)>;
    explicit SandboxHttpServer(Handler handler, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
};

} // namespace migdesk::sandbox
