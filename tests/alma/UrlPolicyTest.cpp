// Region presets and the URL rules: HTTPS except loopback, same-origin checks, encoding.
#include "alma/UrlPolicy.h"
#include "alma/Region.h"

#include <gtest/gtest.h>

namespace migdesk {
namespace {

TEST(RegionTest, EveryRegionHasAnHttpsGatewayAndARoundTripName)
{
    for (Region region :
         {Region::NA, Region::EU, Region::AP, Region::APS, Region::CA, Region::CN}) {
        const QUrl url = regionBaseUrl(region);
        EXPECT_EQ(url.scheme(), QStringLiteral("https"));
        EXPECT_TRUE(
            url.host().startsWith(QStringLiteral("api-") + regionName(region) + QLatin1Char('.')));
        EXPECT_EQ(regionFromName(regionName(region)), region);
        EXPECT_FALSE(checkBaseUrl(url).isError());
    }
    EXPECT_EQ(regionBaseUrl(Region::CN).host(),
              QStringLiteral("api-cn.hosted.exlibrisgroup.com.cn"));
    EXPECT_EQ(regionFromName(QStringLiteral(" EU ")), Region::EU);
    EXPECT_FALSE(regionFromName(QStringLiteral("us")).has_value());
    EXPECT_FALSE(regionFromName(QString()).has_value());
}

TEST(UrlPolicyTest, LoopbackHosts)
{
    for (const char *host : {"localhost", "LOCALHOST", "127.0.0.1", "127.5.6.7", "::1", "[::1]",
                             "::ffff:127.0.0.1", "localhost."})
        EXPECT_TRUE(isLoopbackHost(QString::fromLatin1(host))) << host;
    for (const char *host : {"10.0.0.1", "128.0.0.1", "localhost.example.org", "example.com", "",
                             "0.0.0.0", "::", "127.0.0.1.nip.io"})
        EXPECT_FALSE(isLoopbackHost(QString::fromLatin1(host))) << host;
}

TEST(UrlPolicyTest, HttpsAnywhereHttpOnlyOnLoopback)
{
    EXPECT_EQ(checkBaseUrl(QUrl(QStringLiteral("https://alma.example.org"))).kind, ErrorKind::None);
    EXPECT_EQ(checkBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:8080"))).kind, ErrorKind::None);
    EXPECT_EQ(checkBaseUrl(QUrl(QStringLiteral("http://[::1]:8080"))).kind, ErrorKind::None);
    EXPECT_EQ(checkBaseUrl(QUrl(QStringLiteral("http://alma.example.org"))).kind,
              ErrorKind::Unsafe);
    EXPECT_EQ(checkBaseUrl(QUrl(QStringLiteral("ftp://127.0.0.1"))).kind, ErrorKind::Unsafe);
    EXPECT_EQ(checkBaseUrl(QUrl(QStringLiteral("https://u:p@alma.example.org"))).kind,
              ErrorKind::Unsafe);
    EXPECT_EQ(checkBaseUrl(QUrl()).kind, ErrorKind::Validation);
    EXPECT_EQ(checkBaseUrl(QUrl(QStringLiteral("not a url"))).kind, ErrorKind::Validation);
}

TEST(UrlPolicyTest, SameOriginComparesSchemeHostAndPort)
{
    const QUrl base(QStringLiteral("https://api-eu.hosted.exlibrisgroup.com/almaws/v1/items"));
    EXPECT_TRUE(
        isSameOrigin(base, QUrl(QStringLiteral("https://API-EU.hosted.exlibrisgroup.com:443/x"))));
    EXPECT_FALSE(
        isSameOrigin(base, QUrl(QStringLiteral("http://api-eu.hosted.exlibrisgroup.com/x"))));
    EXPECT_FALSE(
        isSameOrigin(base, QUrl(QStringLiteral("https://api-eu.hosted.exlibrisgroup.com:8443/x"))));
    EXPECT_FALSE(isSameOrigin(base, QUrl(QStringLiteral("https://evil.example/x"))));
}

TEST(UrlPolicyTest, DigitsOnly)
{
    EXPECT_TRUE(isDigits(QStringLiteral("990006312214702204")));
    for (const char *text : {"", "12a", "1/2", "..", " 1", "１２", "-1"})
        EXPECT_FALSE(isDigits(QString::fromUtf8(text))) << text;
}

TEST(UrlPolicyTest, BuildUrlKeepsValuesInsideTheirParameter)
{
    const QUrl url =
        buildUrl(QUrl(QStringLiteral("http://127.0.0.1:9/")), QStringLiteral("/almaws/v1/items"),
                 {{QStringLiteral("item_barcode"), QStringLiteral("a+b&c=d #%/?")}});
    EXPECT_EQ(
        url.toEncoded(),
        QByteArray("http://127.0.0.1:9/almaws/v1/items?item_barcode=a%2Bb%26c%3Dd%20%23%25%2F%3F"));
    EXPECT_EQ(url.path(), QStringLiteral("/almaws/v1/items"));
}

TEST(UrlPolicyTest, BuildUrlKeepsABasePathPrefix)
{
    const QUrl url = buildUrl(QUrl(QStringLiteral("https://proxy.example.org/alma/")),
                              QStringLiteral("/almaws/v1/bibs/test"), {});
    EXPECT_EQ(url.toEncoded(), QByteArray("https://proxy.example.org/alma/almaws/v1/bibs/test"));
}

} // namespace
} // namespace migdesk
