// InMemorySecretStore: asynchronous replies that finish exactly once, later, then go away.
#include "settings/SecretStore.h"

#include <QPointer>
#include <QSignalSpy>

#include <gtest/gtest.h>

using migdesk::InMemorySecretStore;
using migdesk::SecretReply;
using migdesk::SecretStore;

namespace {

// Waits for the reply and returns a copy of what it said.
struct Outcome {
    bool ok = false;
    bool notFound = false;
    QString value;
    QString error;
};

Outcome wait(SecretReply *reply)
{
    QPointer<SecretReply> guard(reply);
    EXPECT_FALSE(reply->isFinished()) << "a reply must not finish inside the call";
    Outcome outcome;
    int emitted = 0;
    QObject::connect(reply, &SecretReply::finished, reply, [&, reply] {
        ++emitted;
        outcome = {reply->isOk(), reply->isNotFound(), reply->value(), reply->error()};
    });
    QSignalSpy destroyed(reply, &QObject::destroyed);
    EXPECT_TRUE(destroyed.wait(2000));
    EXPECT_EQ(emitted, 1);
    EXPECT_TRUE(guard.isNull());
    return outcome;
}

} // namespace

TEST(SecretStoreTest, WriteReadDelete)
{
    InMemorySecretStore store;
    const QString name = SecretStore::apiKeyName(QStringLiteral("main"));
    EXPECT_EQ(name, QStringLiteral("alma-api-key/main"));

    EXPECT_TRUE(wait(store.readSecret(name)).notFound);
    EXPECT_TRUE(wait(store.writeSecret(name, QStringLiteral("l8xx-secret"))).ok);
    const Outcome read = wait(store.readSecret(name));
    EXPECT_TRUE(read.ok);
    EXPECT_EQ(read.value, QStringLiteral("l8xx-secret"));
    EXPECT_TRUE(wait(store.deleteSecret(name)).ok);
    EXPECT_FALSE(store.contains(name));
    EXPECT_TRUE(wait(store.deleteSecret(name)).notFound);
}

TEST(SecretStoreTest, FailuresAreReported)
{
    InMemorySecretStore store;
    store.setFailure(QStringLiteral("keychain locked"));
    const Outcome write = wait(store.writeSecret(QStringLiteral("k"), QStringLiteral("v")));
    EXPECT_FALSE(write.ok);
    EXPECT_EQ(write.error, QStringLiteral("keychain locked"));
    EXPECT_FALSE(store.contains(QStringLiteral("k")));
    store.setFailure({});
    EXPECT_TRUE(wait(store.writeSecret(QStringLiteral("k"), QStringLiteral("v"))).ok);
}

TEST(SecretStoreTest, EmptyProfileHasADefaultName)
{
    EXPECT_EQ(SecretStore::apiKeyName(QString()), QStringLiteral("alma-api-key/default"));
}
