// ConnectionTester: "Test connection" of the settings dialog. Calls Alma's key check with a GET
// (read) and a POST (write) and reports the rights the key has, in words.
#pragma once

#include "alma/ProxyChoice.h"

#include <QObject>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace migdesk {

class AlmaClient;

class ConnectionTester : public QObject {
    Q_OBJECT
public:
    explicit ConnectionTester(QObject *parent = nullptr);
    ~ConnectionTester() override;

    // The extra trusted CA and the proxy the next test() uses (default: none, the system's).
    void setNetwork(const QString &caFile, const ProxyChoice &proxy);
    // Starts a test; a test still running is abandoned (its answer is ignored).
    void test(const QUrl &baseUrl, const QString &apiKey);
    bool isRunning() const { return m_client != nullptr; }

Q_SIGNALS:
    // `canRead`/`canWrite`: what Alma accepted; `summary`: translated, one or two lines.
    void finished(bool canRead, bool canWrite, const QString &summary);

private:
    void readDone(bool ok, const QString &problem);
    void finish(bool canRead, bool canWrite, const QString &summary);

    QNetworkAccessManager *m_network;
    AlmaClient *m_client = nullptr;
    int m_generation = 0;
    QString m_caFile;
    ProxyChoice m_proxy;
};

} // namespace migdesk
