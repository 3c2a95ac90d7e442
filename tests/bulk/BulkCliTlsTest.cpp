// `migdesk-cli bulk` end to end over TLS and a proxy, as at a library whose network has both:
// the sandbox behind a TLS front (a certificate from a test CA) reached through a CONNECT proxy.
// With --ca-file the run completes and the proxy never sees the key; without it the run is
// refused before anything is sent, and the summary names the host and the reason.
#include "BulkHarness.h"
#include "CliRun.h"
#include "TlsFixtures.h"

#include <gtest/gtest.h>

using namespace migdesk;
using namespace migdesk::test;

namespace {

class BulkCliTlsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(certificates.ok()) << certificates.error().toStdString();
        sandbox::SandboxOptions options;
        options.rateLimit = 0;
        options.jobSeconds = 1;
        options.linkScheme = QStringLiteral("https");
        server = std::make_unique<sandbox::SandboxServer>(options);
        QString error;
        ASSERT_TRUE(server->loadData(missingItemsData(10), &error)) << error.toStdString();
        ASSERT_TRUE(server->listen());
        front = std::make_unique<TlsFront>(certificates, TestCertificates::Kind::Trusted,
                                           server->baseUrl().port());
        proxy = std::make_unique<ConnectProxy>(
            QMap<QByteArray, quint16>{{QByteArrayLiteral("alma.test:443"), front->port()}});
        ASSERT_TRUE(front->isListening() && proxy->isListening());
        list = writeFile(dir, QStringLiteral("list.txt"),
                         barcodeRange(10).join(QLatin1Char('\n')).toUtf8());
    }

    CliRun bulk(const QStringList &extra)
    {
        return runCli(QStringList{QStringLiteral("bulk"), QStringLiteral("--status"),
                                  QStringLiteral("MISSING"), QStringLiteral("--alma-url"),
                                  QStringLiteral("https://alma.test"), QStringLiteral("--proxy"),
                                  QStringLiteral("127.0.0.1:%1").arg(proxy->port()),
                                  QStringLiteral("--journal"),
                                  dir.filePath(QStringLiteral("cli.db")),
                                  QStringLiteral("--poll-ms"), QStringLiteral("100")} +
                          extra + QStringList{list},
                      server->options().apiKey);
    }

    TestCertificates certificates;
    std::unique_ptr<sandbox::SandboxServer> server;
    std::unique_ptr<TlsFront> front;
    std::unique_ptr<ConnectProxy> proxy;
    QTemporaryDir dir;
    QString list;
};

TEST_F(BulkCliTlsTest, WithTheNetworksCaTheRunCompletesThroughTheProxy)
{
    const CliRun run = bulk({QStringLiteral("--ca-file"), certificates.caFile()});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString() << run.out.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("done 10"))) << run.out.toStdString();
    const QByteArray key = server->options().apiKey.toUtf8();
    EXPECT_TRUE(front->decrypted().contains("apikey " + key));
    EXPECT_TRUE(proxy->received().startsWith("CONNECT alma.test:443 "));
    EXPECT_FALSE(proxy->received().contains(key));
    EXPECT_FALSE(proxy->received().contains("/almaws/"));
}

TEST_F(BulkCliTlsTest, WithoutTheCaNothingIsSentAndTheHostAndReasonAreNamed)
{
    const CliRun run = bulk({});
    EXPECT_EQ(run.exitCode, 1) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("did not connect to alma.test")))
        << run.out.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("an authority this computer does not trust")))
        << run.out.toStdString();
    EXPECT_TRUE(front->decrypted().isEmpty());
    EXPECT_TRUE(server->operations().empty());
}

} // namespace
