// redactSecrets(): keys never survive into text meant for logs.
#include "alma/Redaction.h"

#include <gtest/gtest.h>

namespace migdesk {
namespace {

const QString kKey = QStringLiteral("l7xx0123456789abcdef");

TEST(RedactionTest, RemovesTheLiteralKeyAnywhere)
{
    const QString text = QStringLiteral("key is %1, again:%1.").arg(kKey);
    const QString redacted = redactSecrets(text, kKey);
    EXPECT_FALSE(redacted.contains(kKey));
    EXPECT_EQ(redacted, QStringLiteral("key is ***, again:***."));
}

TEST(RedactionTest, RemovesApikeyQueryValues)
{
    const QString url = QStringLiteral("https://api-eu.hosted.exlibrisgroup.com/almaws/v1/"
                                       "items?item_barcode=1&apikey=SECRETX&x=2");
    const QString redacted = redactSecrets(url);
    EXPECT_FALSE(redacted.contains(QStringLiteral("SECRETX")));
    EXPECT_TRUE(redacted.contains(QStringLiteral("apikey=***&x=2")));
    EXPECT_TRUE(redacted.contains(QStringLiteral("item_barcode=1")));
    EXPECT_FALSE(redactSecrets(QStringLiteral("?APIKEY=abc")).contains(QStringLiteral("abc")));
    EXPECT_FALSE(redactSecrets(QStringLiteral("api_key=abc#x")).contains(QStringLiteral("abc")));
}

TEST(RedactionTest, RemovesAuthorizationHeaderValues)
{
    const QString headers =
        QStringLiteral("Accept: application/json\r\nAuthorization: apikey SECRETY\r\nHost: x\r\n");
    const QString redacted = redactSecrets(headers);
    EXPECT_FALSE(redacted.contains(QStringLiteral("SECRETY")));
    EXPECT_TRUE(redacted.contains(QStringLiteral("Host: x")));
    EXPECT_TRUE(redacted.contains(QStringLiteral("Accept: application/json")));
    EXPECT_FALSE(redactSecrets(QStringLiteral("authorization=Bearer abc.def"))
                     .contains(QStringLiteral("abc.def")));
}

TEST(RedactionTest, RemovesApikeyCredentialsOutsideHeaders)
{
    const QString redacted =
        redactSecrets(QStringLiteral("(\"Authorization\", \"apikey SECRETZ\")"));
    EXPECT_FALSE(redacted.contains(QStringLiteral("SECRETZ")));
}

TEST(RedactionTest, RemovesThePercentEncodedKey)
{
    const QString key = QStringLiteral("a+b/c=d");
    const QString redacted = redactSecrets(QStringLiteral("x=a%2Bb%2Fc%3Dd&y=1"), key);
    EXPECT_FALSE(redacted.contains(QStringLiteral("a%2Bb%2Fc%3Dd")));
    EXPECT_TRUE(redacted.contains(QStringLiteral("y=1")));
}

TEST(RedactionTest, LeavesOrdinaryTextAlone)
{
    const QString text = QStringLiteral("GET /almaws/v1/bibs/1/holdings/2/items/3 -> 200");
    EXPECT_EQ(redactSecrets(text, kKey), text);
    EXPECT_EQ(redactSecrets(text), text);
}

} // namespace
} // namespace migdesk
