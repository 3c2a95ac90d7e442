// The sandbox's gateway behaviour: the key, JSON only, the per-second limit, the daily budget
// and X-Exl-Api-Remaining, and every injected fault.
#include "SandboxFixture.h"
#include "TestSupport.h"

#include <QTest>
#include <QXmlStreamReader>

using namespace migdesk;
using namespace migdesk::test;
using nlohmann::json;

namespace {

class SandboxGatewayTest : public SandboxFixture {};

TEST_F(SandboxGatewayTest, MissingOrWrongKeyIsUnauthorized)
{
    HttpCall call;
    call.pathOrUrl = QStringLiteral("/almaws/v1/bibs/test");
    call.apiKey.clear();
    auto result = client->send(call);
    EXPECT_EQ(result.status, 401);
    EXPECT_EQ(result.firstErrorCode(), "UNAUTHORIZED");
    EXPECT_EQ(result.json["errorsExist"], true);
    call.apiKey = QStringLiteral("wrong-key");
    EXPECT_EQ(client->send(call).status, 401);
    call.apiKey.clear();
    call.query = makeQuery({{"apikey", QStringLiteral("sandbox-demo-key")}});
    EXPECT_EQ(client->send(call).status, 200);
}

TEST_F(SandboxGatewayTest, TheApiKeyIsNeverRecordedInTheWriteLog)
{
    HttpCall call;
    call.method = "POST";
    call.pathOrUrl = QStringLiteral("/almaws/v1/bibs/test");
    call.apiKey.clear();
    call.query = makeQuery({{"apikey", QStringLiteral("sandbox-demo-key")}});
    ASSERT_EQ(client->send(call).status, 200);
    const auto log = client->get(QStringLiteral("/sandbox/operations"));
    ASSERT_EQ(log.json["operations"].size(), 1u);
    EXPECT_EQ(log.body.indexOf("sandbox-demo-key"), -1);
}

TEST_F(SandboxGatewayTest, JsonOnly)
{
    HttpCall call;
    call.pathOrUrl = QStringLiteral("/almaws/v1/bibs/test");
    call.accept = "application/xml";
    auto result = client->send(call);
    EXPECT_EQ(result.status, 406);
    EXPECT_EQ(result.firstErrorCode(), "INVALID_REQUEST");
    call.query = makeQuery({{"format", QStringLiteral("json")}});
    EXPECT_EQ(client->send(call).status, 200);
    HttpCall xmlBody;
    xmlBody.method = "POST";
    xmlBody.pathOrUrl = QStringLiteral("/almaws/v1/conf/sets");
    xmlBody.body = "<set/>";
    xmlBody.contentType = "application/xml";
    EXPECT_EQ(client->send(xmlBody).status, 415);
}

class SandboxRateLimitTest : public SandboxFixture {
protected:
    sandbox::SandboxOptions options() const override
    {
        auto o = SandboxFixture::options();
        o.rateLimit = 3;
        o.dailyBudget = 5;
        return o;
    }
};

TEST_F(SandboxRateLimitTest, PerSecondThresholdThenDailyBudget)
{
    std::vector<QNetworkReply *> replies;
    HttpCall call;
    call.pathOrUrl = QStringLiteral("/almaws/v1/bibs/test");
    for (int i = 0; i < 8; ++i)
        replies.push_back(client->start(call));
    int ok = 0;
    int limited = 0;
    for (auto *reply : replies) {
        const auto result = SandboxHttpClient::finish(reply);
        EXPECT_FALSE(result.header("x-exl-api-remaining").isEmpty());
        if (result.status == 200) {
            ++ok;
        } else {
            EXPECT_EQ(result.status, 429);
            ++limited;
        }
    }
    // All eight arrive within one second on loopback only if the machine is not stalled; the
    // limit bounds the successes either way.
    EXPECT_LE(ok, 5);
    EXPECT_GE(limited, 3);
    const json fixture = json::parse(
        readFixture(QStringLiteral("alma/per_second_threshold_error_response.json")).toStdString());
    const auto counters = client->get(QStringLiteral("/sandbox/counters"));
    EXPECT_EQ(counters.json["sent_429"].get<int>(), limited);

    // Use up the budget whatever the window allows, then the daily threshold answers.
    HttpResult last;
    for (int i = 0; i < 40 && last.firstErrorCode() != "DAILY_THRESHOLD"; ++i) {
        last = client->send(call);
        if (last.firstErrorCode() == "PER_SECOND_THRESHOLD") {
            EXPECT_EQ(last.json["errorList"], fixture["errorList"]);
        }
        QTest::qWait(120);
    }
    EXPECT_EQ(last.status, 429);
    EXPECT_EQ(last.firstErrorCode(), "DAILY_THRESHOLD");
    EXPECT_EQ(last.header("x-exl-api-remaining"), "0");
}

TEST_F(SandboxGatewayTest, RemainingCountsDown)
{
    const auto first = client->get(QStringLiteral("/almaws/v1/bibs/test"));
    const auto second = client->get(QStringLiteral("/almaws/v1/bibs/test"));
    EXPECT_EQ(first.header("x-exl-api-remaining").toLongLong() - 1,
              second.header("x-exl-api-remaining").toLongLong());
}

TEST_F(SandboxGatewayTest, GatewayFaultIsXmlAndNotApplied)
{
    sandbox::Faults faults;
    faults.p5xx = 1.0;
    server->setFaults(faults);
    const QString barcode = barcodeFor("Voyager Missing, in hand");
    const auto result = client->post(
        itemPath(barcode), makeQuery({{"op", QStringLiteral("scan")},
                                      {"library", QStringLiteral("MAIN")},
                                      {"circ_desk", QStringLiteral("DEFAULT_CIRC_DESK")}}));
    EXPECT_EQ(result.status, 503);
    QXmlStreamReader xml(result.body);
    ASSERT_TRUE(xml.readNextStartElement());
    EXPECT_EQ(xml.name(), QLatin1String("web_service_result"));
    QString code;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement &&
            xml.name() == QLatin1String("errorCode"))
            code = xml.readElementText();
    }
    EXPECT_FALSE(xml.hasError());
    EXPECT_EQ(code, QStringLiteral("ROUTING_ERROR"));
    EXPECT_EQ(field(barcode, "process_type"), "TECHNICAL");
    const auto ops = server->operations();
    ASSERT_EQ(ops.size(), 1u);
    EXPECT_EQ(ops[0].status, 503);
}

TEST_F(SandboxGatewayTest, GatewayFaultsVaryContentTypeAndGetTruncated)
{
    sandbox::Faults faults;
    faults.p5xx = 1.0;
    server->setFaults(faults);
    std::vector<HttpResult> results;
    for (int i = 0; i < 3; ++i)
        results.push_back(client->get(QStringLiteral("/almaws/v1/bibs/test")));
    for (const auto &result : results) {
        EXPECT_EQ(result.status, 503);
        EXPECT_TRUE(result.body.startsWith("<?xml"));
        EXPECT_TRUE(result.json.is_discarded());
    }
    EXPECT_TRUE(results[0].header("content-type").contains("xml"));
    EXPECT_TRUE(results[1].header("content-type").contains("json"));
    QXmlStreamReader xml(results[2].body);
    while (!xml.atEnd())
        xml.readNext();
    EXPECT_TRUE(xml.hasError()); // cut short
}

class SandboxSingleErrorObjectTest : public SandboxFixture {
protected:
    sandbox::SandboxOptions options() const override
    {
        auto o = SandboxFixture::options();
        o.singleErrorObject = true;
        return o;
    }
};

TEST_F(SandboxSingleErrorObjectTest, ALoneErrorIsAnObject)
{
    const auto result = client->get(QStringLiteral("/almaws/v1/items"),
                                    makeQuery({{"item_barcode", QStringLiteral("nope")}}));
    EXPECT_EQ(result.status, 400);
    ASSERT_TRUE(result.json["errorList"]["error"].is_object());
    EXPECT_EQ(result.json["errorList"]["error"]["errorCode"], "401689");
}

TEST_F(SandboxGatewayTest, DropAppliesTheWriteAndClosesWithoutAnswer)
{
    const QString barcode = barcodeFor("Voyager Missing, in hand");
    const QString path = itemPath(barcode);
    sandbox::Faults faults;
    faults.pDrop = 1.0;
    server->setFaults(faults);
    const auto result =
        client->post(path, makeQuery({{"op", QStringLiteral("scan")},
                                      {"library", QStringLiteral("MAIN")},
                                      {"circ_desk", QStringLiteral("DEFAULT_CIRC_DESK")},
                                      {"register_in_house_use", QStringLiteral("false")}}));
    EXPECT_EQ(result.status, 0);
    EXPECT_NE(result.error, QNetworkReply::NoError);
    EXPECT_EQ(field(barcode, "process_type"), "");
    const auto ops = server->operations();
    ASSERT_GE(ops.size(), 1u);
    EXPECT_EQ(ops[0].barcode, barcode);
    EXPECT_EQ(ops[0].status, 200);
}

TEST_F(SandboxGatewayTest, MalformedAnswerIsNotJson)
{
    sandbox::Faults faults;
    faults.pMalformed = 1.0;
    server->setFaults(faults);
    const auto result = client->get(itemPath(barcodeFor("Voyager Missing, in hand")));
    EXPECT_EQ(result.status, 200);
    EXPECT_FALSE(result.body.isEmpty());
    EXPECT_TRUE(result.json.is_discarded());
}

TEST_F(SandboxGatewayTest, HangNeverAnswersAndIsNotApplied)
{
    const QString barcode = barcodeFor("Voyager Missing, in hand");
    const QString path = itemPath(barcode);
    sandbox::Faults faults;
    faults.pHang = 1.0;
    server->setFaults(faults);
    QNetworkReply *hung =
        client->start(makeCall("POST", path,
                               makeQuery({{"op", QStringLiteral("scan")},
                                          {"library", QStringLiteral("MAIN")},
                                          {"circ_desk", QStringLiteral("DEFAULT_CIRC_DESK")}})));
    for (int i = 0; i < 500 && server->operations().empty(); ++i)
        QTest::qWait(10); // until the hung write has reached the server
    server->setFaults({});
    // A later request is answered while the first still waits.
    const auto other = client->get(QStringLiteral("/almaws/v1/bibs/test"));
    EXPECT_EQ(other.status, 200);
    const auto result = SandboxHttpClient::finish(hung, 500);
    EXPECT_FALSE(result.finished);
    EXPECT_EQ(field(barcode, "process_type"), "TECHNICAL");
}

TEST_F(SandboxGatewayTest, LatencyDoesNotBlockOtherRequests)
{
    sandbox::Faults slow;
    slow.latencyMs = 1500;
    server->setFaults(slow);
    QNetworkReply *first = client->start(makeCall("POST", QStringLiteral("/almaws/v1/bibs/test")));
    for (int i = 0; i < 500 && server->operations().empty(); ++i)
        QTest::qWait(10); // until the first (a logged write) has reached the server
    server->setFaults({});
    QNetworkReply *second = client->start(makeCall("GET", QStringLiteral("/almaws/v1/bibs/test")));
    std::vector<QNetworkReply *> order;
    QObject::connect(first, &QNetworkReply::finished, first, [&] { order.push_back(first); });
    QObject::connect(second, &QNetworkReply::finished, second, [&] { order.push_back(second); });
    const auto secondResult = SandboxHttpClient::finish(second);
    EXPECT_EQ(secondResult.status, 200);
    const auto firstResult = SandboxHttpClient::finish(first);
    EXPECT_EQ(firstResult.status, 200);
    ASSERT_EQ(order.size(), 2u);
    EXPECT_EQ(order[0], second);
}

TEST_F(SandboxGatewayTest, InjectedTooManyRequestsUsesTheFixtureBody)
{
    ASSERT_EQ(client->put(QStringLiteral("/sandbox/faults"), R"({"p429": 1.0})").status, 200);
    EXPECT_EQ(server->faults().p429, 1.0);
    const auto result = client->get(QStringLiteral("/almaws/v1/bibs/test"));
    EXPECT_EQ(result.status, 429);
    EXPECT_EQ(result.firstErrorCode(), "PER_SECOND_THRESHOLD");
    const auto counters = client->get(QStringLiteral("/sandbox/counters"));
    EXPECT_EQ(counters.json["faults"]["429"], 1);
}

} // namespace
