// ConnectionTester: a throw-away AlmaClient per test, so the desk's client and its rate limiter
// are never touched by a key that is still being tried.
#include "ConnectionTester.h"

#include "alma/AlmaClient.h"
#include "alma/ErrorMessages.h"

#include <QNetworkAccessManager>

#include <functional>
#include <memory>

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
            readCodes(true, tr("Connected. The key can read and write (Bibs)."));
        else
            readCodes(false,
                      tr("Connected, read only: MigDesk can look items up but not fix them (%1).")
                          .arg(userMessage(write->error())));
    });
}

void ConnectionTester::readCodes(bool canWrite, const QString &summary)
{
    struct Read {
        QString path;
        std::function<void(AlmaCodes &, const nlohmann::json &)> keep;
        QString what;
    };
    auto reads = std::make_shared<std::vector<Read>>(std::vector<Read>{
        {QStringLiteral("libraries"),
         [](AlmaCodes &c, const nlohmann::json &j) {
             c.libraries = AlmaCodes::fromList(j, "library");
         },
         tr("libraries")},
        {QStringLiteral("departments"),
         [](AlmaCodes &c, const nlohmann::json &j) {
             c.departments = AlmaCodes::fromList(j, "department");
         },
         tr("departments")},
        {QStringLiteral("code-tables/WorkOrderTypes"),
         [](AlmaCodes &c,
            const nlohmann::json &j) { c.workOrderTypes = AlmaCodes::fromCodeTable(j); },
         tr("work order types")},
        {QStringLiteral("code-tables/PhysicalItemCondition"),
         [](AlmaCodes &c, const nlohmann::json &j) { c.conditions = AlmaCodes::fromCodeTable(j); },
         tr("physical conditions")},
    });
    if (!m_library.isEmpty())
        reads->push_back({QStringLiteral("libraries/%1/circ-desks").arg(m_library),
                          [library = m_library](AlmaCodes &c, const nlohmann::json &j) {
                              c.circDesks = AlmaCodes::fromList(j, "circ_desk");
                              c.circDesksOf = library;
                          },
                          tr("circulation desks of %1").arg(m_library)});
    if (!m_library.isEmpty())
        reads->push_back({QStringLiteral("libraries/%1/locations").arg(m_library),
                          [](AlmaCodes &c, const nlohmann::json &j) {
                              c.locations = AlmaCodes::fromList(j, "location");
                          },
                          tr("locations of %1").arg(m_library)});
    m_codes = AlmaCodes{};
    const int generation = m_generation;
    auto next = std::make_shared<std::function<void(size_t)>>();
    std::weak_ptr<std::function<void(size_t)>> weak = next; // the replies keep it alive
    *next = [this, reads, weak, generation, canWrite, summary](size_t index) {
        if (index >= reads->size()) {
            QString text = summary;
            if (!m_codes.problems.isEmpty())
                text += QLatin1Char('\n') + m_codes.problems.join(QLatin1Char('\n'));
            finish(true, canWrite, text);
            return;
        }
        JsonReply *reply = m_client->conf(reads->at(index).path);
        connect(reply, &AlmaReply::finished, this,
                [this, reply, reads, next = weak.lock(), generation, index] {
                    if (generation != m_generation)
                        return;
                    if (reply->isOk())
                        reads->at(index).keep(m_codes, reply->json());
                    else
                        m_codes.problems << tr("The %1 could not be read from Alma (%2).")
                                                .arg(reads->at(index).what,
                                                     withoutFinalStop(userMessage(reply->error())));
                    (*next)(index + 1);
                });
    };
    (*next)(0);
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
