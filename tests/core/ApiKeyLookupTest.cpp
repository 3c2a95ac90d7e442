// lookUpApiKey(): the API key of a headless run comes from MIGDESK_API_KEY when it is set (the
// keychain is then not even asked), else from the entry the settings dialog stored for the
// profile; without either, one message names both places. The keychain is an InMemorySecretStore
// here: a test has no Secret Service (migdesk-cli's own keychain path is tested in
// tests/e2e/CliOptionsTest, where it is unreachable).
#include "settings/ApiKeyLookup.h"

#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace migdesk;

namespace {

// Records every read, so a test can tell whether the keychain was asked at all.
class CountingStore : public InMemorySecretStore {
public:
    SecretReply *readSecret(const QString &name) override
    {
        m_reads << name;
        return InMemorySecretStore::readSecret(name);
    }
    QStringList m_reads;
};

void store(SecretStore &secrets, const QString &name, const QString &value)
{
    SecretReply *reply = secrets.writeSecret(name, value);
    QSignalSpy finished(reply, &SecretReply::finished);
    ASSERT_TRUE(finished.wait(2000));
}

// Runs a lookup and waits for its one answer; checks that it never answers inside the call.
ApiKeyLookupResult lookUp(const QString &environment, const QString &profile, SecretStore *store)
{
    QObject context;
    int calls = 0;
    ApiKeyLookupResult result;
    lookUpApiKey(environment, profile, store, &context, [&](const ApiKeyLookupResult &found) {
        ++calls;
        result = found;
    });
    EXPECT_EQ(calls, 0) << "answered inside the call";
    const bool answered = QTest::qWaitFor([&] { return calls > 0; }, 2000);
    EXPECT_TRUE(answered);
    QTest::qWait(20);
    EXPECT_EQ(calls, 1);
    return result;
}

} // namespace

TEST(ApiKeyLookup, TheEnvironmentWinsAndTheKeychainIsNotAsked)
{
    CountingStore secrets;
    store(secrets, SecretStore::apiKeyName(QStringLiteral("main")), QStringLiteral("stored-key"));
    const auto result = lookUp(QStringLiteral("env-key"), QStringLiteral("main"), &secrets);
    EXPECT_TRUE(result.isOk());
    EXPECT_EQ(result.source, ApiKeyLookupResult::Source::Environment);
    EXPECT_EQ(result.key, QStringLiteral("env-key"));
    EXPECT_TRUE(secrets.m_reads.isEmpty());
    // Even a failing keychain does not matter then.
    secrets.setFailure(QStringLiteral("locked"));
    EXPECT_EQ(lookUp(QStringLiteral("env-key"), QStringLiteral("main"), &secrets).key,
              QStringLiteral("env-key"));
}

TEST(ApiKeyLookup, WithoutTheEnvironmentTheProfilesEntryIsRead)
{
    CountingStore secrets;
    store(secrets, SecretStore::apiKeyName(QStringLiteral("main")), QStringLiteral("main-key"));
    store(secrets, SecretStore::apiKeyName(QStringLiteral("default")), QStringLiteral("def-key"));
    auto result = lookUp(QString(), QStringLiteral("main"), &secrets);
    EXPECT_EQ(result.source, ApiKeyLookupResult::Source::Keychain);
    EXPECT_EQ(result.key, QStringLiteral("main-key"));
    EXPECT_EQ(secrets.m_reads, QStringList{QStringLiteral("alma-api-key/main")});
    // A blank variable is no variable; a blank profile is the GUI's "default".
    result = lookUp(QStringLiteral("  "), QString(), &secrets);
    EXPECT_EQ(result.key, QStringLiteral("def-key"));
    EXPECT_EQ(secrets.m_reads.last(), QStringLiteral("alma-api-key/default"));
}

TEST(ApiKeyLookup, NoKeyAnywhereNamesTheVariableAndTheProfile)
{
    InMemorySecretStore secrets;
    const auto result = lookUp(QString(), QStringLiteral("Branch 7"), &secrets);
    EXPECT_FALSE(result.isOk());
    EXPECT_TRUE(result.key.isEmpty());
    EXPECT_EQ(result.error, QStringLiteral("no key: set MIGDESK_API_KEY or store one with the "
                                           "MigDesk settings dialog for profile \"Branch 7\"."));
    // An entry stored empty is no key either.
    store(secrets, SecretStore::apiKeyName(QStringLiteral("Branch 7")), QString());
    EXPECT_FALSE(lookUp(QString(), QStringLiteral("Branch 7"), &secrets).isOk());
}

TEST(ApiKeyLookup, AKeychainFailureIsNamedWithoutAnyKey)
{
    InMemorySecretStore secrets;
    store(secrets, SecretStore::apiKeyName(QStringLiteral("default")), QStringLiteral("secret-1"));
    secrets.setFailure(QStringLiteral("No keychain service available"));
    const auto result = lookUp(QString(), QStringLiteral("default"), &secrets);
    EXPECT_FALSE(result.isOk());
    EXPECT_TRUE(result.error.startsWith(noApiKeyMessage(QStringLiteral("default"))));
    EXPECT_TRUE(result.error.contains(QStringLiteral("No keychain service available")));
    EXPECT_FALSE(result.error.contains(QStringLiteral("secret-1")));
    // A build without a keychain says so too.
    const auto none = lookUp(QString(), QStringLiteral("default"), nullptr);
    EXPECT_FALSE(none.isOk());
    EXPECT_TRUE(none.error.startsWith(noApiKeyMessage(QStringLiteral("default"))));
}

TEST(ApiKeyLookup, NoAnswerOnceTheContextIsGone)
{
    InMemorySecretStore secrets;
    int calls = 0;
    {
        QObject context;
        lookUpApiKey(QString(), QStringLiteral("default"), &secrets, &context,
                     [&calls](const ApiKeyLookupResult &) { ++calls; });
        lookUpApiKey(QStringLiteral("k"), QStringLiteral("default"), &secrets, &context,
                     [&calls](const ApiKeyLookupResult &) { ++calls; });
    }
    QTest::qWait(50);
    EXPECT_EQ(calls, 0);
}
