// A sentinel key never appears in any log line, error message or signal, whatever happens:
// success, Alma errors echoing the key, cross-origin redirects carrying it, retries, faults.
#include "FakeServerTest.h"

namespace migdesk::test {
namespace {

using AlmaClientLogTest = FakeServerTest;

TEST_F(AlmaClientLogTest, SentinelKeyNeverReachesTheLogOrTheCaller)
{
    LogCapture capture;
    FakeAlmaServer other;
    ASSERT_TRUE(other.listen());
    const QByteArray key = kSentinelKey.toUtf8();
    const QByteArray otherBase = other.baseUrl().toEncoded();
    server.setHandler([key, otherBase](const FakeRequest &request) {
        const QByteArray barcode = request.query();
        if (barcode.contains("cross"))
            return FakeResponse::json(302, {}).withHeader("Location",
                                                          otherBase + kItemPath + "?apikey=" + key);
        if (barcode.contains("echo"))
            return FakeResponse::json(
                401,
                R"({"errorsExist":true,"errorList":{"error":[{"errorCode":"UNAUTHORIZED","errorMessage":"API-key )" +
                    key + R"( is not valid"}]}})");
        if (barcode.contains("busy"))
            return FakeResponse::json(
                429, readFixture(QStringLiteral("alma/per_second_threshold_error_response.json")));
        if (barcode.contains("gone"))
            return FakeResponse::drop();
        if (request.path() == "/almaws/v1/items")
            return FakeResponse::json(302, {}).withHeader("Location", kItemPath);
        return FakeResponse::json(200, itemBody()).withHeader("X-Exl-Api-Remaining", "77");
    });
    QStringList signalTexts;
    QObject context;
    QObject::connect(client.get(), &AlmaClient::requestFinished, &context,
                     [&signalTexts](const QString &method, const QString &url, int) {
                         signalTexts << method + QLatin1Char(' ') + url;
                     });
    configure([](AlmaConfig &config) { config.maxRetries = 1; });

    std::vector<CallOutcome> outcomes;
    for (const char *barcode : {"ok", "cross", "echo", "busy", "gone"})
        outcomes.push_back(waitFor(client->itemByBarcode(QString::fromLatin1(barcode))));
    outcomes.push_back(waitFor(client->updateItem(fixtureItem())));
    server.setHandler([](const FakeRequest &) { return FakeResponse::drop(); });
    outcomes.push_back(waitFor(client->updateItem(fixtureItem())));

    EXPECT_TRUE(outcomes[0].ok);
    EXPECT_EQ(outcomes[1].error.kind, ErrorKind::Unsafe);
    EXPECT_EQ(outcomes[2].error.kind, ErrorKind::Auth);
    EXPECT_EQ(outcomes[3].error.kind, ErrorKind::RateLimited);
    EXPECT_EQ(outcomes[4].error.kind, ErrorKind::Network);
    EXPECT_EQ(outcomes[6].error.kind, ErrorKind::Ambiguous);

    const QStringList lines = capture.lines();
    ASSERT_GT(lines.size(), 10) << "the client logs its traffic (debug enabled)";
    for (const QString &line : lines)
        EXPECT_FALSE(line.contains(kSentinelKey)) << line.toStdString();
    for (const CallOutcome &outcome : outcomes)
        EXPECT_FALSE(outcome.error.message.contains(kSentinelKey))
            << outcome.error.message.toStdString();
    ASSERT_FALSE(signalTexts.isEmpty());
    for (const QString &text : signalTexts)
        EXPECT_FALSE(text.contains(kSentinelKey)) << text.toStdString();
    // The key did travel, but only in the header to the configured server.
    for (const FakeRequest &request : server.requests()) {
        EXPECT_EQ(request.header("authorization"), "apikey " + key);
        EXPECT_FALSE(request.target.contains(key));
    }
    EXPECT_EQ(other.connections(), 0);
}

} // namespace
} // namespace migdesk::test
