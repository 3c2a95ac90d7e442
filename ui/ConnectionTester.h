// ConnectionTester: "Test connection" of the settings dialog. Calls Alma's key check with a GET
// (read) and a POST (write) and reports the rights the key has, in words.
#pragma once

#include "alma/AlmaCodes.h"
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
    // The library whose circulation desks a test reads (empty: none).
    void setLibrary(const QString &library) { m_library = library; }
    // What the last test that could read found in Alma's configuration (empty lists before).
    const AlmaCodes &codes() const { return m_codes; }
    // Starts a test; a test still running is abandoned (its answer is ignored).
    void test(const QUrl &baseUrl, const QString &apiKey);
    bool isRunning() const { return m_client != nullptr; }

Q_SIGNALS:
    // `canRead`/`canWrite`: what Alma accepted; `summary`: translated, one or two lines.
    // After a test that could read, the codes were read too (codes()).
    void finished(bool canRead, bool canWrite, const QString &summary);

private:
    void readDone(bool ok, const QString &problem);
    // Reads libraries, departments, the two code tables and the library's desks, one after the
    // other, then finishes with `summary`.
    void readCodes(bool canWrite, const QString &summary);
    void finish(bool canRead, bool canWrite, const QString &summary);

    QNetworkAccessManager *m_network;
    AlmaClient *m_client = nullptr;
    int m_generation = 0;
    QString m_caFile;
    ProxyChoice m_proxy;
    QString m_library;
    AlmaCodes m_codes;
};

} // namespace migdesk
