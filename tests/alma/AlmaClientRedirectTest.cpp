// Item-by-barcode: the same-origin 302 is followed, anything else fails closed; hostile
// barcodes reach Alma intact as one query value.
#include "FakeServerTest.h"

#include "alma/UrlPolicy.h"

namespace migdesk::test {
namespace {

class AlmaClientRedirectTest : public FakeServerTest {
protected:
    // Answers the barcode lookup with a 302 to `location`, and the item URL with the fixture.
    void redirectTo(const QByteArray &location)
    {
        server.setHandler([location](const FakeRequest &request) {
            if (request.path() == "/almaws/v1/items")
                return FakeResponse::json(302, {}).withHeader("Location", location);
            if (request.path() == kItemPath)
                return FakeResponse::json(200, itemBody());
            return FakeResponse::json(404, {});
        });
    }
};

TEST_F(AlmaClientRedirectTest, FollowsAbsoluteSameOriginRedirect)
{
    redirectTo(server.baseUrl().toEncoded() + kItemPath);
    const CallOutcome outcome = waitFor(client->itemByBarcode(QStringLiteral("303011kj0")));
    ASSERT_EQ(outcome.finishedCount, 1);
    ASSERT_TRUE(outcome.ok) << outcome.error.message.toStdString();
    EXPECT_EQ(outcome.item.pid, QStringLiteral("23163771190002204"));
    EXPECT_EQ(outcome.item.barcode, QStringLiteral("303011kj0"));
    ASSERT_EQ(server.requests().size(), 2u);
    EXPECT_EQ(server.requests()[0].method, "GET");
    EXPECT_EQ(server.requests()[0].target, "/almaws/v1/items?item_barcode=303011kj0");
    EXPECT_EQ(server.requests()[1].target, kItemPath);
    for (const FakeRequest &request : server.requests()) {
        EXPECT_EQ(request.header("authorization"), "apikey " + kSentinelKey.toUtf8());
        EXPECT_EQ(request.header("accept"), "application/json");
    }
}

TEST_F(AlmaClientRedirectTest, FollowsRelativeRedirect)
{
    redirectTo(kItemPath);
    const CallOutcome outcome = waitFor(client->itemByBarcode(QStringLiteral("303011kj0")));
    ASSERT_TRUE(outcome.ok) << outcome.error.message.toStdString();
    EXPECT_EQ(outcome.item.mmsId, QStringLiteral("990006312214702204"));
    EXPECT_EQ(server.requests().size(), 2u);
}

TEST_F(AlmaClientRedirectTest, CrossOriginRedirectFailsClosedWithoutSendingTheKey)
{
    FakeAlmaServer other;
    ASSERT_TRUE(other.listen());
    other.setHandler([](const FakeRequest &) { return FakeResponse::json(200, itemBody()); });
    redirectTo(other.baseUrl().toEncoded() + kItemPath + "?apikey=" + kSentinelKey.toUtf8());

    const CallOutcome outcome = waitFor(client->itemByBarcode(QStringLiteral("303011kj0")));
    ASSERT_EQ(outcome.finishedCount, 1);
    EXPECT_EQ(outcome.error.kind, ErrorKind::Unsafe);
    EXPECT_FALSE(outcome.error.message.contains(kSentinelKey));
    settle();
    EXPECT_EQ(other.connections(), 0);
    EXPECT_TRUE(other.requests().empty());
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(AlmaClientRedirectTest, RedirectToAnotherSchemeOnTheSameHostIsRefused)
{
    redirectTo("https://127.0.0.1:" + QByteArray::number(server.port()) + kItemPath);
    const CallOutcome outcome = waitFor(client->itemByBarcode(QStringLiteral("303011kj0")));
    EXPECT_EQ(outcome.error.kind, ErrorKind::Unsafe);
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(AlmaClientRedirectTest, RedirectToAnotherHostNameIsRefused)
{
    // "localhost" and 127.0.0.1 are the same machine but not the same origin.
    redirectTo("http://localhost:" + QByteArray::number(server.port()) + kItemPath);
    const CallOutcome outcome = waitFor(client->itemByBarcode(QStringLiteral("303011kj0")));
    EXPECT_EQ(outcome.error.kind, ErrorKind::Unsafe);
    EXPECT_EQ(server.requests().size(), 1u);
}

class RedirectLocationTest : public AlmaClientRedirectTest,
                             public ::testing::WithParamInterface<const char *> {};

TEST_P(RedirectLocationTest, LocationThatIsNotADigitItemPathIsAParseError)
{
    redirectTo(GetParam());
    const CallOutcome outcome = waitFor(client->itemByBarcode(QStringLiteral("303011kj0")));
    ASSERT_EQ(outcome.finishedCount, 1);
    EXPECT_EQ(outcome.error.kind, ErrorKind::Parse);
    EXPECT_EQ(server.requests().size(), 1u) << "the Location must not be fetched";
}

INSTANTIATE_TEST_SUITE_P(Locations, RedirectLocationTest,
                         ::testing::Values("/almaws/v1/bibs/99x/holdings/1/items/2",
                                           "/almaws/v1/bibs/1/holdings/2/items/3%2F..%2F4",
                                           "/almaws/v1/bibs/1/holdings/2/items/",
                                           "/almaws/v1/bibs/1/holdings/2/items/3/loans",
                                           "/almaws/v1/users/12345", ""));

TEST_F(AlmaClientRedirectTest, SecondRedirectIsNotFollowed)
{
    server.setHandler([](const FakeRequest &request) {
        return FakeResponse::json(302, {}).withHeader(
            "Location", request.path() == "/almaws/v1/items" ? kItemPath : "/almaws/v1/items");
    });
    const CallOutcome outcome = waitFor(client->itemByBarcode(QStringLiteral("303011kj0")));
    EXPECT_EQ(outcome.error.kind, ErrorKind::Http);
    EXPECT_EQ(outcome.error.httpStatus, 302);
    EXPECT_EQ(server.requests().size(), 2u);
}

TEST_F(AlmaClientRedirectTest, UnknownBarcodeIsAnAlmaError)
{
    server.setHandler([](const FakeRequest &) {
        return FakeResponse::json(
            400, readFixture(QStringLiteral("alma/item_barcode_error_response.json")));
    });
    const CallOutcome outcome = waitFor(client->itemByBarcode(QStringLiteral("123")));
    EXPECT_EQ(outcome.error.kind, ErrorKind::Alma);
    EXPECT_EQ(outcome.error.code, QStringLiteral("401689"));
    EXPECT_EQ(outcome.error.httpStatus, 400);
    EXPECT_FALSE(outcome.error.trackingId.isEmpty());
    EXPECT_EQ(server.requests().size(), 1u) << "a business error is not retried";
}

class HostileBarcodeTest : public AlmaClientRedirectTest,
                           public ::testing::WithParamInterface<QString> {};

TEST_P(HostileBarcodeTest, ArrivesIntactAsTheOnlyParameter)
{
    server.setHandler([](const FakeRequest &) {
        return FakeResponse::json(
            400, readFixture(QStringLiteral("alma/item_barcode_error_response.json")));
    });
    const QString barcode = GetParam();
    const CallOutcome outcome = waitFor(client->itemByBarcode(barcode));
    ASSERT_EQ(outcome.finishedCount, 1);
    EXPECT_EQ(outcome.error.code, QStringLiteral("401689"));
    ASSERT_EQ(server.requests().size(), 1u);
    const FakeRequest &request = server.requests().front();
    EXPECT_EQ(request.method, "GET");
    EXPECT_EQ(request.path(), "/almaws/v1/items") << "no extra path segment";
    const QList<QByteArray> parameters = request.query().split('&');
    ASSERT_EQ(parameters.size(), 1) << "no extra parameter: " << request.target.toStdString();
    ASSERT_TRUE(parameters[0].startsWith("item_barcode="));
    const QByteArray value = parameters[0].mid(int(sizeof("item_barcode=")) - 1);
    EXPECT_FALSE(value.contains('+')) << "'+' must be sent as %2B";
    EXPECT_FALSE(value.contains(' ')) << "no raw space on the request line";
    EXPECT_FALSE(value.contains('#'));
    EXPECT_EQ(QString::fromUtf8(QByteArray::fromPercentEncoding(value)), barcode);
}

INSTANTIATE_TEST_SUITE_P(
    Barcodes, HostileBarcodeTest,
    ::testing::Values(QStringLiteral("a+b"), QStringLiteral("x&op=delete"), QStringLiteral("../"),
                      QStringLiteral("../../almaws/v1/bibs/test"), QStringLiteral("%00"),
                      QStringLiteral("%2e%2e%2f"), QStringLiteral("with space"),
                      QStringLiteral(" 303011kj0 "), QString::fromUtf8("Bücher-條碼-✓"),
                      QStringLiteral("a#fragment"), QStringLiteral("a?b=c"),
                      QStringLiteral("a;b=c"), QStringLiteral("a/b\\c"),
                      QStringLiteral("apikey=x&item_barcode=y")),
    [](const ::testing::TestParamInfo<QString> &info) {
        return "barcode" + std::to_string(info.index);
    });

TEST_F(AlmaClientRedirectTest, ControlCharactersAndEmptyBarcodesAreRejectedBeforeAnyCall)
{
    for (const QString &barcode :
         {QString(), QStringLiteral("a\nb"), QString(QChar(0)) + QStringLiteral("x"),
          QString(300, QLatin1Char('1'))}) {
        const CallOutcome outcome = waitFor(client->itemByBarcode(barcode));
        ASSERT_EQ(outcome.finishedCount, 1);
        EXPECT_EQ(outcome.error.kind, ErrorKind::Validation);
    }
    settle(100);
    EXPECT_EQ(server.connections(), 0);
}

} // namespace
} // namespace migdesk::test
