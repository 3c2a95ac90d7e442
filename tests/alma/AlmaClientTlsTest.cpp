// The Alma client over real TLS: a QSslServer with certificates made for the test (TlsFixtures)
// in front of the sandbox. A server signed by a trusted CA is accepted; a self-signed, an
// expired and a wrong-host server are each refused with a message naming the host and the
// reason, and the server decrypts not one byte: the request, and with it the key, never left.
#include "AlmaTestSupport.h"
#include "TlsFixtures.h"
#include "alma/ErrorMessages.h"

#include <SandboxServer.h>

#include <QNetworkAccessManager>

#include <gtest/gtest.h>

using namespace migdesk;
using namespace migdesk::test;

namespace {

const QString kKey = QStringLiteral("l8xxTLSKEYSENTINEL7731");

class AlmaClientTlsTest : public ::testing::Test {
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
    }

    // Calls GET /almaws/v1/bibs/test through a TLS front serving `kind`.
    CallOutcome call(TestCertificates::Kind kind, const QString &host, bool trustTestCa,
                     TlsFront **front = nullptr)
    {
        m_front = std::make_unique<TlsFront>(certificates, kind, server->baseUrl().port());
        EXPECT_TRUE(m_front->isListening());
        if (front)
            *front = m_front.get();
        AlmaConfig config = loopbackConfig(
            QUrl(QStringLiteral("https://%1:%2").arg(host).arg(m_front->port())), kKey);
        if (trustTestCa)
            config.caFile = certificates.caFile();
        AlmaClient client(&network, config);
        return waitFor(client.testKey(false));
    }

    TestCertificates certificates;
    std::unique_ptr<sandbox::SandboxServer> server;
    std::unique_ptr<TlsFront> m_front;
    QNetworkAccessManager network;
};

TEST_F(AlmaClientTlsTest, TrustedServerIsAccepted)
{
    TlsFront *front = nullptr;
    const CallOutcome outcome =
        call(TestCertificates::Kind::Trusted, QStringLiteral("localhost"), true, &front);
    ASSERT_TRUE(outcome.ok) << outcome.error.message.toStdString();
    EXPECT_EQ(front->encryptedConnections(), 1);
    // The request went over TLS with the key in its header, as over plain HTTP.
    EXPECT_TRUE(front->decrypted().startsWith("GET /almaws/v1/bibs/test"));
    EXPECT_TRUE(front->decrypted().contains((QStringLiteral("apikey ") + kKey).toUtf8()));
}

TEST_F(AlmaClientTlsTest, UnknownAuthorityIsRefusedWithoutTheExtraCa)
{
    TlsFront *front = nullptr;
    const CallOutcome outcome =
        call(TestCertificates::Kind::Trusted, QStringLiteral("localhost"), false, &front);
    ASSERT_EQ(outcome.finishedCount, 1);
    EXPECT_FALSE(outcome.ok);
    const QString message = userMessage(outcome.error);
    EXPECT_TRUE(message.contains(QStringLiteral("did not connect to localhost")))
        << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("MigDesk Test CA"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("Settings > Network"))) << message.toStdString();
    EXPECT_TRUE(front->decrypted().isEmpty());
}

struct RefusedCase {
    const char *label;
    TestCertificates::Kind kind;
    const char *host;
    const char *reason; // in the message staff read
};

void PrintTo(const RefusedCase &c, std::ostream *os)
{
    *os << c.label;
}

class AlmaClientTlsRefusedTest : public AlmaClientTlsTest,
                                 public ::testing::WithParamInterface<RefusedCase> {};

TEST_P(AlmaClientTlsRefusedTest, IsRefusedNamingHostAndReasonAndNothingIsSent)
{
    const RefusedCase &c = GetParam();
    TlsFront *front = nullptr;
    // The test CA is trusted: only the case's own fault can cause the refusal.
    const CallOutcome outcome = call(c.kind, QString::fromLatin1(c.host), true, &front);
    ASSERT_EQ(outcome.finishedCount, 1);
    EXPECT_FALSE(outcome.ok);
    EXPECT_EQ(outcome.error.kind, ErrorKind::Network);
    EXPECT_EQ(outcome.error.code, QStringLiteral("TLS"));
    EXPECT_EQ(outcome.httpStatus, 0);
    const QString message = userMessage(outcome.error);
    EXPECT_TRUE(
        message.contains(QStringLiteral("did not connect to %1").arg(QLatin1String(c.host))))
        << message.toStdString();
    EXPECT_TRUE(message.contains(QString::fromUtf8(c.reason))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("Nothing was sent"))) << message.toStdString();
    EXPECT_FALSE(message.contains(kKey));
    // The handshake was attempted and failed: the server decrypted nothing and never opened
    // a connection to the sandbox behind it.
    EXPECT_GE(front->handshakes(), 1);
    EXPECT_EQ(front->encryptedConnections(), 0);
    EXPECT_TRUE(front->decrypted().isEmpty()) << front->decrypted().toStdString();
}

INSTANTIATE_TEST_SUITE_P(
    Certificates, AlmaClientTlsRefusedTest,
    ::testing::Values(RefusedCase{"self_signed", TestCertificates::Kind::SelfSigned, "localhost",
                                  "self-signed"},
                      RefusedCase{"expired", TestCertificates::Kind::Expired, "localhost",
                                  "expired on 2021-01-01"},
                      RefusedCase{"host_mismatch", TestCertificates::Kind::WrongHost, "localhost",
                                  "is for alma.example.org, not localhost"}),
    [](const auto &info) { return std::string(info.param.label); });

TEST_F(AlmaClientTlsTest, AnUnusableCaFileFailsEveryCallNamingTheFile)
{
    AlmaConfig config = loopbackConfig(QUrl(QStringLiteral("https://localhost:1")), kKey);
    config.caFile = certificates.certFile(TestCertificates::Kind::Expired);
    AlmaClient client(&network, config);
    EXPECT_TRUE(client.trustProblem().isError());
    const CallOutcome outcome = waitFor(client.testKey(false));
    EXPECT_FALSE(outcome.ok);
    EXPECT_TRUE(outcome.error.message.contains(QStringLiteral("expired.pem")))
        << outcome.error.message.toStdString();
    EXPECT_TRUE(outcome.error.message.contains(QStringLiteral("expired on 2021-01-01")));

    config.caFile = certificates.keyFile(); // a key, not a certificate
    client.setConfig(config);
    EXPECT_TRUE(client.trustProblem().message.contains(QStringLiteral("no PEM certificate")));
    config.caFile = certificates.dir() + QStringLiteral("/missing.pem");
    client.setConfig(config);
    EXPECT_TRUE(client.trustProblem().message.contains(QStringLiteral("missing.pem")));
    config.caFile = certificates.caFile();
    client.setConfig(config);
    EXPECT_FALSE(client.trustProblem().isError());
}

} // namespace
