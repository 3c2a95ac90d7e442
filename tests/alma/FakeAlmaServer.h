// A tiny scripted HTTP/1.1 server on loopback for the Alma client's fault tests: every request
// is recorded as received, and the test's handler decides to answer, drop the connection after
// reading the request, or hang.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

#include <functional>
#include <vector>

class QTcpSocket;

namespace migdesk::test {

struct FakeRequest {
    QByteArray method;
    QByteArray target; // exactly as on the request line, e.g. "/almaws/v1/items?item_barcode=a%2Bb"
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    QByteArray path() const
    {
        return target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?'));
    }
    QByteArray query() const
    {
        return target.contains('?') ? target.mid(target.indexOf('?') + 1) : QByteArray();
    }
};

struct FakeResponse {
    enum class Action { Reply, Drop, Hang };
    Action action = Action::Reply;
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    static FakeResponse json(int status, const QByteArray &body);
    static FakeResponse drop();
    static FakeResponse hang();
    FakeResponse &withHeader(const QByteArray &name, const QByteArray &value);
};

class FakeAlmaServer : public QObject {
    Q_OBJECT
public:
    using Handler = std::function<FakeResponse(const FakeRequest &)>;

    explicit FakeAlmaServer(QObject *parent = nullptr);
    ~FakeAlmaServer() override;
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QUrl baseUrl() const;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const std::vector<FakeRequest> &requests() const { return m_requests; }
    int connections() const { return m_connections; }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);

    QTcpServer m_server;
    Handler m_handler;
    std::vector<FakeRequest> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_connections = 0;
};

} // namespace migdesk::test
