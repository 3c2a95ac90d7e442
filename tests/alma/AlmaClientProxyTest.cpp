// The Alma client through an HTTP proxy: a tiny CONNECT proxy (TlsFixtures) in front of a TLS
// server in front of the sandbox. The proxy sees only "CONNECT alma.test:443" and encrypted
// bytes: never the key, the path or any header. The system configuration (https_proxy,
// no_proxy) is followed by default; "none" and a manual HOST:PORT are honoured.
#include "AlmaTestSupport.h"
#include "TlsFixtures.h"

#include <SandboxServer.h>

#include <QNetworkAccessManager>

#include <gtest/gtest.h>

using namespace migdesk;
using namespace migdesk::test;

namespace {

const QString kKey = QStringLiteral("l8xxPROXYKEYSENTINEL5521");

// Sets (or removes, for a null value) an environment variable for the life of the object.
class ScopedEnv {
public:
    ScopedEnv(const char *name, const QByteArray &value)
        : m_name(name)
        , m_had(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
        if (value.isNull())
            qunsetenv(name);
        else
            qputenv(name, value);
    }
    ~ScopedEnv()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }
    ScopedEnv(const ScopedEnv &) = delete;
    ScopedEnv &operator=(const ScopedEnv &) = delete;

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};

class AlmaClientProxyTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(certificates.ok()) << certificates.error().toStdString();
        sandbox::SandboxOptions options;
        options.apiKey = kKey;
        options.rateLimit = 0;
        options.linkScheme = QStringLiteral("https");
        server = std::make_unique<sandbox::SandboxServer>(options);
        ASSERT_TRUE(server->listen());
        front = std::make_unique<TlsFront>(certificates, TestCertificates::Kind::Trusted,
                                           server->baseUrl().port());
        ASSERT_TRUE(front->isListening());
        proxy = std::make_unique<ConnectProxy>(
            QMap<QByteArray, quint16>{{QByteArrayLiteral("alma.test:443"), front->port()}});
        ASSERT_TRUE(proxy->isListening());
    }

    // GET /almaws/v1/bibs/test on https://alma.test (a name only the proxy knows).
    CallOutcome call(const ProxyChoice &choice)
    {
        AlmaConfig config = loopbackConfig(QUrl(QStringLiteral("https://alma.test")), kKey);
        config.caFile = certificates.caFile();
        config.proxy = choice;
        AlmaClient client(&network, config);
        return waitFor(client.testKey(false));
    }

    QByteArray proxyUrl() const { return "http://127.0.0.1:" + QByteArray::number(proxy->port()); }

    // Through the proxy: it saw CONNECT and ciphertext only, the TLS server the request.
    void expectTunnelled(const CallOutcome &outcome) const
    {
        ASSERT_TRUE(outcome.ok) << outcome.error.message.toStdString();
        EXPECT_EQ(proxy->connectTargets(), QList<QByteArray>{"alma.test:443"});
        EXPECT_TRUE(proxy->received().startsWith("CONNECT alma.test:443 HTTP/1.1\r\n"));
        const QByteArray seen = proxy->received();
        for (const QByteArray &secret : {kKey.toUtf8(), QByteArray("apikey"),
                                         QByteArray("Authorization"), QByteArray("/almaws")})
            EXPECT_FALSE(seen.contains(secret)) << "the proxy saw " << secret.toStdString();
        EXPECT_GT(seen.size(), 200); // the TLS handshake and the encrypted request went through
        EXPECT_TRUE(front->decrypted().contains((QStringLiteral("apikey ") + kKey).toUtf8()));
    }

    TestCertificates certificates;
    std::unique_ptr<sandbox::SandboxServer> server;
    std::unique_ptr<TlsFront> front;
    std::unique_ptr<ConnectProxy> proxy;
    QNetworkAccessManager network;
};

TEST_F(AlmaClientProxyTest, ManualProxyTunnelsAndNeverSeesTheKey)
{
    const ScopedEnv noEnvProxy("https_proxy", QByteArray());
    const auto choice = ProxyChoice::fromText(QStringLiteral("127.0.0.1:%1").arg(proxy->port()));
    ASSERT_TRUE(choice.has_value());
    expectTunnelled(call(*choice));
}

TEST_F(AlmaClientProxyTest, SystemConfigurationFollowsHttpsProxy)
{
    const ScopedEnv https("https_proxy", proxyUrl());
    const ScopedEnv noProxy("no_proxy", QByteArray());
    expectTunnelled(call(ProxyChoice{}));
}

TEST_F(AlmaClientProxyTest, NoProxyAndNoneConnectDirectly)
{
    const ScopedEnv https("https_proxy", proxyUrl());
    {
        const ScopedEnv noProxy("no_proxy", "alma.test");
        const CallOutcome outcome = call(ProxyChoice{});
        EXPECT_FALSE(outcome.ok); // alma.test is known to the proxy only
    }
    ProxyChoice none;
    none.mode = ProxyChoice::Mode::None;
    EXPECT_FALSE(call(none).ok);
    EXPECT_TRUE(proxy->received().isEmpty()) << proxy->received().toStdString();
    EXPECT_TRUE(front->decrypted().isEmpty());
}

TEST(ProxyChoiceTest, ReadsSystemNoneAndHostPort)
{
    EXPECT_EQ(ProxyChoice::fromText(QString())->mode, ProxyChoice::Mode::System);
    EXPECT_EQ(ProxyChoice::fromText(QStringLiteral(" System "))->mode, ProxyChoice::Mode::System);
    EXPECT_EQ(ProxyChoice::fromText(QStringLiteral("none"))->mode, ProxyChoice::Mode::None);
    const auto manual = ProxyChoice::fromText(QStringLiteral("proxy.example.edu:3128"));
    ASSERT_TRUE(manual.has_value());
    EXPECT_EQ(manual->mode, ProxyChoice::Mode::Manual);
    EXPECT_EQ(manual->host, QStringLiteral("proxy.example.edu"));
    EXPECT_EQ(manual->port, 3128);
    EXPECT_EQ(manual->toText(), QStringLiteral("proxy.example.edu:3128"));
    const auto v6 = ProxyChoice::fromText(QStringLiteral("[::1]:8080"));
    ASSERT_TRUE(v6.has_value());
    EXPECT_EQ(v6->host, QStringLiteral("::1"));
    EXPECT_EQ(v6->toText(), QStringLiteral("[::1]:8080"));
    for (const char *bad :
         {"proxy.example.edu", "proxy:0", "proxy:70000", "http://proxy:3128", "a b:1"}) {
        QString problem;
        EXPECT_FALSE(ProxyChoice::fromText(QString::fromLatin1(bad), &problem).has_value()) << bad;
        EXPECT_TRUE(problem.contains(QStringLiteral("HOST:PORT"))) << problem.toStdString();
    }
}

} // namespace
