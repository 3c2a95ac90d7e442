// ConnectionTester: a throw-away AlmaClient per test, so the desk's client and its rate limiter
// are never touched by a key that is still being tried.
#include "ConnectionTester.h"

#include "alma/AlmaClient.h"
#include "alma/ErrorMessages.h"

#include <QNetworkAccessManager>

namespace migdesk {

ConnectionTester::ConnectionTester(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{}

ConnectionTester::~ConnectionTester() = default;

void ConnectionTester::setNetwork(const QString &caFile, const ProxyChoice &proxy)
{
    m_caFile = caFile;
    m_proxy = proxy;
}

void ConnectionTester::test(const QUrl &baseUrl, const QString &apiKey)
{
    if (m_client)
        m_client->deleteLater();
    const int generation = ++m_generation;
    if (!baseUrl.isValid() || baseUrl.host().isEmpty()) {
        finish(false, false, tr("The Alma address is not a valid URL."));
        return;
    }
    if (apiKey.trimmed().isEmpty()) {
        finish(false, false, tr("Enter an API key first."));
        return;
    }
    AlmaConfig config;
    config.baseUrl = baseUrl;
    config.apiKey = apiKey.trimmed();
    config.maxRetries = 1;
    config.deadlineMs = 15000;
    config.caFile = m_caFile;
    config.proxy = m_proxy;
    m_client = new AlmaClient(m_network, config, this);
    JsonReply *read = m_client->testKey(false);
    connect(read, &AlmaReply::finished, this, [this, read, generation] {
        if (generation != m_generation)
            return;
        readDone(read->isOk(), read->isOk() ? QString() : userMessage(read->error()));
    });
}

void ConnectionTester::readDone(bool ok, const QString &problem)
{
    if (!ok) {
        finish(false, false, tr("No connection or no read rights: %1").arg(problem));
        return;
    }
    const int generation = m_generation;
    JsonReply *write = m_client->testKey(true);
    connect(write, &AlmaReply::finished, this, [this, write, generation] {
        if (generation != m_generation)
            return;
        if (write->isOk())
            finish(true, true, tr("Connected. The key can read and write (Bibs)."));
        else
            finish(true, false,
                   tr("Connected, read only: MigDesk can look items up but not fix them (%1).")
                       .arg(userMessage(write->error())));
    });
}

void ConnectionTester::finish(bool canRead, bool canWrite, const QString &summary)
{
    if (m_client) {
        m_client->deleteLater();
        m_client = nullptr;
    }
    Q_EMIT finished(canRead, canWrite, summary);
}

} // namespace migdesk
