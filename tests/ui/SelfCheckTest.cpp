// SelfCheck: each check and its words (what failed, how to fix it), against the embedded
// sandbox, an unreachable port, a keychain that fails or never answers, and a TLS refusal.
#include "SelfCheck.h"
#include "SelfCheckItems.h"

#include "alma/AlmaClient.h"
#include "settings/SecretStore.h"

#include <SandboxServer.h>

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>

#include <gtest/gtest.h>

namespace migdesk::test {

namespace {

// A keychain that never answers (a locked one waiting for a prompt no one sees).
class SilentSecretStore : public SecretStore {
public:
    SecretReply *readSecret(const QString &) override { return new SecretReply(&m_parent); }
    SecretReply *writeSecret(const QString &, const QString &) override
    {
        return new SecretReply(&m_parent);
    }
    SecretReply *deleteSecret(const QString &) override { return new SecretReply(&m_parent); }

private:
    QObject m_parent;
};

const CheckResult &resultFor(const std::vector<CheckResult> &results, const char *id)
{
    for (const CheckResult &result : results) {
        if (result.id == QLatin1String(id))
            return result;
    }
    static const CheckResult none;
    ADD_FAILURE() << "no result " << id;
    return none;
}

std::vector<CheckResult> runChecks(SecretStore *secrets, const SelfCheckAlma &alma,
                                   int timeoutMs = 20000)
{
    SelfCheck check(secrets, alma);
    check.setTimeoutMs(timeoutMs);
    QSignalSpy finished(&check, &SelfCheck::finished);
    check.start();
    EXPECT_TRUE(finished.wait(timeoutMs + 5000));
    EXPECT_EQ(finished.count(), 1);
    EXPECT_EQ(check.results().size(), 6u);
    return check.results();
}

AlmaConfig configFor(const QUrl &url, const QString &key)
{
    AlmaConfig config;
    config.baseUrl = url;
    config.apiKey = key;
    config.maxRetries = 0;
    config.deadlineMs = 5000;
    config.transferTimeoutMs = 5000;
    return config;
}

} // namespace

TEST(SelfCheckTest, IconsRenderAndSqliteLoadsOnTheBuildMachine)
{
    const CheckResult icons = SelfCheck::checkIcons();
    EXPECT_EQ(icons.status, CheckStatus::Ok) << icons.detail.toStdString();
    EXPECT_TRUE(icons.detail.contains(QStringLiteral("all 9")));
    const CheckResult sqlite = SelfCheck::checkSqlite();
    EXPECT_EQ(sqlite.status, CheckStatus::Ok) << sqlite.detail.toStdString();
    // Audio is a warning at most: the desk works without sound.
    EXPECT_NE(SelfCheck::checkAudio().status, CheckStatus::Failed);
}

TEST(SelfCheckTest, AFailingKeychainIsNamedWithThePackageToInstall)
{
    InMemorySecretStore store;
    store.setFailure(QStringLiteral("The name org.freedesktop.secrets was not provided"));
    SelfCheckAlma alma;
    SelfCheck check(&store, alma);
    QSignalSpy finished(&check, &SelfCheck::finished);
    check.start();
    EXPECT_EQ(finished.count(), 0); // never from inside start()
    ASSERT_TRUE(finished.wait(5000));
    EXPECT_FALSE(check.passed());
    const CheckResult &keychain = resultFor(check.results(), "keychain");
    EXPECT_EQ(keychain.status, CheckStatus::Failed);
    EXPECT_TRUE(keychain.detail.contains(QStringLiteral("org.freedesktop.secrets")));
    EXPECT_TRUE(keychain.fix.contains(QStringLiteral("sudo apt install gnome-keyring")));
    const QString line = SelfCheck::line(keychain);
    EXPECT_TRUE(line.startsWith(QStringLiteral("FAILED   Keychain: "))) << line.toStdString();
    EXPECT_TRUE(line.contains(QStringLiteral("Fix: Install a keychain service")));
}

TEST(SelfCheckTest, AKeychainThatNeverAnswersFailsAtTheTimeout)
{
    SilentSecretStore store;
    const auto results = runChecks(&store, {}, 1000);
    const CheckResult &keychain = resultFor(results, "keychain");
    EXPECT_EQ(keychain.status, CheckStatus::Failed);
    EXPECT_TRUE(keychain.detail.contains(QStringLiteral("no answer within 1 s")));
}

TEST(SelfCheckTest, NoAlmaConfiguredIsNoFailureAndAMissingKeyIs)
{
    InMemorySecretStore store; // answers: nothing stored
    auto results = runChecks(&store, {});
    EXPECT_EQ(resultFor(results, "keychain").status, CheckStatus::Ok);
    EXPECT_EQ(resultFor(results, "alma").status, CheckStatus::Ok);
    EXPECT_TRUE(resultFor(results, "alma").detail.contains(QStringLiteral("demo")));

    QNetworkAccessManager network;
    AlmaClient client(&network, configFor(QUrl(QStringLiteral("https://alma.example.edu")), {}));
    SelfCheckAlma alma;
    alma.client = &client;
    alma.keyProblem = QStringLiteral("no API key is stored for the profile \"default\".");
    results = runChecks(&store, alma);
    const CheckResult &almaResult = resultFor(results, "alma");
    EXPECT_EQ(almaResult.status, CheckStatus::Failed);
    EXPECT_TRUE(almaResult.detail.contains(alma.keyProblem));
    EXPECT_TRUE(almaResult.fix.contains(QStringLiteral("Settings")));
    EXPECT_EQ(resultFor(results, "tls").status, CheckStatus::Warning);
}

TEST(SelfCheckTest, TheAlmaAnswersWithTheRightKeyAndRefusesAWrongOne)
{
    sandbox::SandboxServer sandbox;
    ASSERT_TRUE(sandbox.listen(QHostAddress::LocalHost, 0));
    sandbox.loadDemo();
    InMemorySecretStore store;
    QNetworkAccessManager network;

    AlmaClient good(&network, configFor(sandbox.baseUrl(), sandbox.options().apiKey));
    SelfCheckAlma alma;
    alma.client = &good;
    auto results = runChecks(&store, alma);
    EXPECT_EQ(resultFor(results, "alma").status, CheckStatus::Ok)
        << resultFor(results, "alma").detail.toStdString();
    EXPECT_TRUE(resultFor(results, "alma").detail.contains(QStringLiteral("GET /bibs/test")));
    EXPECT_EQ(resultFor(results, "tls").status, CheckStatus::Ok);
    EXPECT_TRUE(resultFor(results, "tls").detail.contains(QStringLiteral("plain HTTP")));

    AlmaClient wrong(&network, configFor(sandbox.baseUrl(), QStringLiteral("not-the-key")));
    alma.client = &wrong;
    results = runChecks(&store, alma);
    const CheckResult &refused = resultFor(results, "alma");
    EXPECT_EQ(refused.status, CheckStatus::Failed);
    EXPECT_TRUE(refused.fix.contains(QStringLiteral("API key"))) << refused.fix.toStdString();
}

TEST(SelfCheckTest, AnUnreachableAlmaFailsAndPointsAtTheNetwork)
{
    QTcpServer closed;
    ASSERT_TRUE(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close(); // nothing listens there now
    InMemorySecretStore store;
    QNetworkAccessManager network;
    AlmaClient client(&network, configFor(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)),
                                          QStringLiteral("key")));
    SelfCheckAlma alma;
    alma.client = &client;
    const auto results = runChecks(&store, alma);
    const CheckResult &unreachable = resultFor(results, "alma");
    EXPECT_EQ(unreachable.status, CheckStatus::Failed);
    EXPECT_TRUE(unreachable.fix.contains(QStringLiteral("network connection")));
}

TEST(SelfCheckTest, ATlsRefusalNamesTheHostTheReasonAndTheFix)
{
    QNetworkAccessManager network;
    AlmaClient client(&network, configFor(QUrl(QStringLiteral("https://alma.example.edu")),
                                          QStringLiteral("key")));
    SelfCheckAlma alma;
    alma.client = &client;
    const ApiError error =
        ApiError::make(ErrorKind::Network, QStringLiteral("SSL handshake failed"));
    const auto [almaResult, tls] = selfcheck::almaAnswer(
        alma, false, error, {QStringLiteral("The certificate is self-signed, and untrusted")});
    EXPECT_EQ(almaResult.status, CheckStatus::Failed);
    EXPECT_EQ(tls.status, CheckStatus::Failed);
    EXPECT_TRUE(tls.detail.contains(QStringLiteral("alma.example.edu")));
    EXPECT_TRUE(tls.detail.contains(QStringLiteral("self-signed")));
    EXPECT_TRUE(tls.fix.contains(QStringLiteral("CA certificate")));

    // An answer over https: the handshake held, whatever Alma said.
    const auto [authResult, held] = selfcheck::almaAnswer(
        alma, false, ApiError::make(ErrorKind::Auth, QStringLiteral("refused"), 401), {});
    EXPECT_EQ(authResult.status, CheckStatus::Failed);
    EXPECT_EQ(held.status, CheckStatus::Ok);
    EXPECT_TRUE(held.detail.contains(QStringLiteral("trusted")));
}

} // namespace migdesk::test
