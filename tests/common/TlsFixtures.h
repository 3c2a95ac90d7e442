// Test fixtures for TLS and proxies, made at test time (no certificate or key is committed):
// - TestCertificates: a test CA and server certificates made with the openssl command: trusted
//   (signed by the test CA for localhost, 127.0.0.1 and alma.test), self-signed, expired (2020),
//   and one for another host name (alma.example.org);
// - TlsFront: a QSslServer that terminates TLS with one of them and relays the decrypted bytes to
//   a plain backend (the sandbox), recording everything it decrypted;
// - ConnectProxy: a tiny HTTP CONNECT proxy that maps a host:port to a local port and records
//   every byte the client sent it.
#pragma once

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QMap>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <initializer_list>
#include <memory>

namespace migdesk::test {

class TestCertificates {
public:
    enum class Kind { Trusted, SelfSigned, Expired, WrongHost };

    TestCertificates() { m_ok = m_dir.isValid() && makeAll(); }

    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    QString caFile() const { return path(QStringLiteral("ca.pem")); }
    QString certFile(Kind kind) const { return path(name(kind)); }
    QString keyFile() const { return path(QStringLiteral("server.key")); }
    QString dir() const { return m_dir.path(); }

    QSslConfiguration serverConfiguration(Kind kind) const
    {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(QSslCertificate::fromPath(certFile(kind)).value(0));
        QFile key(keyFile());
        if (key.open(QIODevice::ReadOnly))
            config.setPrivateKey(QSslKey(&key, QSsl::Ec));
        config.setPeerVerifyMode(QSslSocket::VerifyNone); // clients present no certificate
        return config;
    }

private:
    static QString name(Kind kind)
    {
        switch (kind) {
        case Kind::Trusted:
            return QStringLiteral("trusted.pem");
        case Kind::SelfSigned:
            return QStringLiteral("self-signed.pem");
        case Kind::Expired:
            return QStringLiteral("expired.pem");
        case Kind::WrongHost:
            return QStringLiteral("wrong-host.pem");
        }
        return {};
    }

    QString path(const QString &file) const { return m_dir.filePath(file); }

    bool run(std::initializer_list<const char *> words)
    {
        QStringList arguments;
        for (const char *word : words)
            arguments << QString::fromLatin1(word);
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty()) {
            m_error = QStringLiteral("the openssl command is not installed "
                                     "(scripts/install-deps.sh installs it)");
            return false;
        }
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        process.start(openssl, arguments);
        if (!process.waitForFinished(60000) || process.exitCode() != 0) {
            m_error = QStringLiteral("openssl %1 failed: %2")
                          .arg(arguments.join(QLatin1Char(' ')),
                               QString::fromLocal8Bit(process.readAllStandardError()));
            return false;
        }
        return true;
    }

    bool write(const QString &file, const QByteArray &text)
    {
        QFile out(path(file));
        return out.open(QIODevice::WriteOnly) && out.write(text) == text.size();
    }

    bool makeAll()
    {
        const char *ec = "ec_paramgen_curve:prime256v1";
        QDir(m_dir.path()).mkdir(QStringLiteral("db"));
        const QByteArray extensions =
            "[trusted]\nsubjectAltName=DNS:localhost,DNS:alma.test,IP:127.0.0.1\n"
            "basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
            "[wronghost]\nsubjectAltName=DNS:alma.example.org\n"
            "basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n";
        // `openssl ca` is the one way OpenSSL 3.0 sets a past validity (the expired server).
        const QByteArray caConfig = "[ca]\ndefault_ca=test\n[test]\ndatabase=db/index.txt\n"
                                    "new_certs_dir=db\nserial=db/serial\ndefault_md=sha256\n"
                                    "policy=anything\nunique_subject=no\n"
                                    "[anything]\ncommonName=supplied\n" +
                                    extensions;
        return write(QStringLiteral("ext.cnf"), extensions) &&
               write(QStringLiteral("ca.cnf"), caConfig) &&
               write(QStringLiteral("db/index.txt"), QByteArray()) &&
               write(QStringLiteral("db/serial"), "10\n") &&
               run({"req", "-x509", "-newkey", "ec", "-pkeyopt", ec, "-nodes", "-keyout", "ca.key",
                    "-out", "ca.pem", "-days", "3650", "-subj", "/CN=MigDesk Test CA", "-addext",
                    "basicConstraints=critical,CA:TRUE", "-addext",
                    "keyUsage=critical,keyCertSign,cRLSign"}) &&
               run({"genpkey", "-algorithm", "EC", "-pkeyopt", ec, "-out", "server.key"}) &&
               run({"req", "-new", "-key", "server.key", "-subj", "/CN=localhost", "-out",
                    "server.csr"}) &&
               run({"x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                    "-set_serial", "2", "-days", "3650", "-extfile", "ext.cnf", "-extensions",
                    "trusted", "-out", "trusted.pem"}) &&
               run({"x509",       "-req",          "-in",
                    "server.csr", "-CA",           "ca.pem",
                    "-CAkey",     "ca.key",        "-set_serial",
                    "3",          "-days",         "3650",
                    "-extfile",   "ext.cnf",       "-extensions",
                    "wronghost",  "-subj",         "/CN=alma.example.org",
                    "-out",       "wrong-host.pem"}) &&
               run({"req", "-x509", "-key", "server.key", "-subj", "/CN=localhost", "-addext",
                    "subjectAltName=DNS:localhost,DNS:alma.test,IP:127.0.0.1", "-days", "3650",
                    "-out", "self-signed.pem"}) &&
               run({"ca", "-batch", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key",
                    "-in", "server.csr", "-startdate", "20200101000000Z", "-enddate",
                    "20210101000000Z", "-extensions", "trusted", "-notext", "-out", "expired.pem"});
    }

    QTemporaryDir m_dir;
    QString m_error;
    bool m_ok = false;
};

// Relays bytes both ways between two connected (or connecting) sockets; `record` (may be null)
// receives what `client` sent. Bytes `client` already holds are relayed at once.
inline void relay(QTcpSocket *client, QTcpSocket *server, QByteArray *record)
{
    auto forward = [client, server, record] {
        const QByteArray data = client->readAll();
        if (record)
            record->append(data);
        server->write(data);
    };
    QObject::connect(client, &QTcpSocket::readyRead, server, forward);
    if (client->bytesAvailable() > 0)
        forward();
    QObject::connect(server, &QTcpSocket::readyRead, client,
                     [client, server] { client->write(server->readAll()); });
    QObject::connect(client, &QTcpSocket::disconnected, server, &QTcpSocket::disconnectFromHost);
    QObject::connect(server, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
}

class TlsFront {
public:
    // Serves TLS with `certificates`' certificate of `kind` on 127.0.0.1 and relays to
    // 127.0.0.1:`backendPort`.
    TlsFront(const TestCertificates &certificates, TestCertificates::Kind kind, quint16 backendPort)
    {
        m_server.setSslConfiguration(certificates.serverConfiguration(kind));
        QObject::connect(&m_server, &QSslServer::startedEncryptionHandshake, &m_server,
                         [this](QSslSocket *) { ++m_handshakes; });
        QObject::connect(&m_server, &QTcpServer::pendingConnectionAvailable, &m_server,
                         [this, backendPort] {
                             while (QTcpSocket *client = m_server.nextPendingConnection()) {
                                 ++m_encrypted;
                                 auto *backend = new QTcpSocket(client);
                                 backend->connectToHost(QHostAddress::LocalHost, backendPort);
                                 relay(client, backend, &m_decrypted);
                             }
                         });
        m_listening = m_server.listen(QHostAddress::LocalHost);
    }

    bool isListening() const { return m_listening; }
    quint16 port() const { return m_server.serverPort(); }
    int handshakes() const { return m_handshakes; }             // TLS handshakes begun
    int encryptedConnections() const { return m_encrypted; }    // handshakes completed
    const QByteArray &decrypted() const { return m_decrypted; } // every byte clients sent

private:
    QSslServer m_server;
    QByteArray m_decrypted;
    int m_handshakes = 0;
    int m_encrypted = 0;
    bool m_listening = false;
};

class ConnectProxy {
public:
    // `targets`: "host:port" as the client names it in CONNECT -> a port on 127.0.0.1.
    explicit ConnectProxy(QMap<QByteArray, quint16> targets)
        : m_targets(std::move(targets))
    {
        QObject::connect(&m_server, &QTcpServer::pendingConnectionAvailable, &m_server, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection())
                accept(client);
        });
        m_listening = m_server.listen(QHostAddress::LocalHost);
    }

    bool isListening() const { return m_listening; }
    quint16 port() const { return m_server.serverPort(); }
    const QByteArray &received() const { return m_received; } // every byte clients sent
    QList<QByteArray> connectTargets() const { return m_connects; }

private:
    void accept(QTcpSocket *client)
    {
        auto head = std::make_shared<QByteArray>();
        QObject::connect(client, &QTcpSocket::readyRead, client, [this, client, head] {
            const QByteArray data = client->readAll();
            m_received += data;
            head->append(data);
            const qsizetype end = head->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            QObject::disconnect(client, &QTcpSocket::readyRead, client, nullptr);
            const QList<QByteArray> words = head->left(head->indexOf("\r\n")).split(' ');
            const QByteArray target = words.value(1);
            m_connects << target;
            if (words.value(0) != "CONNECT" || !m_targets.contains(target)) {
                client->write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
                client->disconnectFromHost();
                return;
            }
            const QByteArray rest = head->mid(end + 4);
            auto *server = new QTcpSocket(client);
            QObject::connect(server, &QTcpSocket::connected, client, [this, client, server, rest] {
                client->write("HTTP/1.1 200 Connection established\r\n\r\n");
                server->write(rest);
                relay(client, server, &m_received);
            });
            server->connectToHost(QHostAddress::LocalHost, m_targets.value(target));
        });
    }

    QTcpServer m_server;
    QMap<QByteArray, quint16> m_targets;
    QByteArray m_received;
    QList<QByteArray> m_connects;
    bool m_listening = false;
};

} // namespace migdesk::test
