// The Alma client under faults: dropped replies, hangs, 429 storms, XML 5xx, malformed JSON.
// Writes are never resent; GETs and 429s are retried within the caps.
#include "FakeServerTest.h"

#include "alma/ErrorMessages.h"

#include <QPointer>

namespace migdesk::test {
namespace {

const QByteArray kRoutingErrorXml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><web_service_result "
    "xmlns=\"http://com/exlibris/urm/general/xmlbeans\"><errorsExist>true</errorsExist><errorList>"
    "<error><errorCode>ROUTING_ERROR</errorCode><errorMessage>No route to the institution"
    "</errorMessage><trackingId>E01-0101010101-ABCDE</trackingId></error></errorList>"
    "</web_service_result>";

using AlmaClientFaultTest = FakeServerTest;

ScanInParams deskScan()
{
    ScanInParams params;
    params.library = QStringLiteral("MAIN");
    params.circDesk = QStringLiteral("DEFAULT_CIRC_DESK");
    return params;
}

enum class Write { Put, ScanIn, Delete, TestKey, CreateSet, AddMembers, RunJob };

AlmaReply *startWrite(AlmaClient &client, Write write, const Item &item)
{
    switch (write) {
    case Write::Put:
        return client.updateItem(item);
    case Write::ScanIn:
        return client.scanIn(item, deskScan());
    case Write::Delete:
        return client.deleteItem(item, {});
    case Write::TestKey:
        return client.testKey(true);
    case Write::CreateSet:
        return client.createSet(QStringLiteral("MigDesk"), QStringLiteral("bulk"));
    case Write::AddMembers:
        return client.addSetMembers(QStringLiteral("1234"), {QStringLiteral("b1")});
    case Write::RunJob:
        return client.runJob(QStringLiteral("M18"), nlohmann::json::object());
    }
    return nullptr;
}

class DroppedWriteTest : public AlmaClientFaultTest, public ::testing::WithParamInterface<Write> {};

TEST_P(DroppedWriteTest, IsAmbiguousAndSentExactlyOnce)
{
    server.setHandler([](const FakeRequest &) { return FakeResponse::drop(); });
    const CallOutcome outcome = waitFor(startWrite(*client, GetParam(), fixtureItem()));
    ASSERT_EQ(outcome.finishedCount, 1);
    EXPECT_EQ(outcome.error.kind, ErrorKind::Ambiguous) << outcome.error.message.toStdString();
    settle(500);
    EXPECT_EQ(server.requests().size(), 1u) << "a write whose reply was lost must not be resent";
    EXPECT_TRUE(userMessage(outcome.error).contains(QStringLiteral("Reload")));
}

INSTANTIATE_TEST_SUITE_P(Writes, DroppedWriteTest,
                         ::testing::Values(Write::Put, Write::ScanIn, Write::Delete, Write::TestKey,
                                           Write::CreateSet, Write::AddMembers, Write::RunJob));

TEST_F(AlmaClientFaultTest, WriteOnAKeptAliveConnectionIsStillNotResent)
{
    // The first GET leaves a kept-alive connection; the write on it is then dropped.
    server.setHandler([](const FakeRequest &request) {
        if (request.method == "GET")
            return FakeResponse::json(200, itemBody());
        return FakeResponse::drop();
    });
    ASSERT_TRUE(waitFor(client->getItem(fixtureItem())).ok);
    const CallOutcome outcome = waitFor(client->updateItem(fixtureItem()));
    EXPECT_EQ(outcome.error.kind, ErrorKind::Ambiguous);
    settle(500);
    ASSERT_EQ(server.requests().size(), 2u);
    EXPECT_EQ(server.requests()[1].method, "PUT");
}

TEST_F(AlmaClientFaultTest, DroppedGetIsRetried)
{
    server.setHandler([this](const FakeRequest &) {
        return server.requests().size() == 1 ? FakeResponse::drop()
                                             : FakeResponse::json(200, itemBody());
    });
    const CallOutcome outcome = waitFor(client->getItem(fixtureItem()));
    ASSERT_TRUE(outcome.ok) << outcome.error.message.toStdString();
    EXPECT_GE(server.requests().size(), 2u);
}

TEST_F(AlmaClientFaultTest, HangingGetEndsByTheDeadline)
{
    configure([](AlmaConfig &config) {
        config.deadlineMs = 1000;
        config.transferTimeoutMs = 60000;
    });
    server.setHandler([](const FakeRequest &) { return FakeResponse::hang(); });
    const CallOutcome outcome = waitFor(client->getItem(fixtureItem()), 5000);
    ASSERT_EQ(outcome.finishedCount, 1) << "the deadline must end the call";
    EXPECT_EQ(outcome.error.kind, ErrorKind::Timeout);
}

TEST_F(AlmaClientFaultTest, HangingWriteIsAmbiguousAfterTheDeadline)
{
    configure([](AlmaConfig &config) {
        config.deadlineMs = 1000;
        config.transferTimeoutMs = 60000;
    });
    server.setHandler([](const FakeRequest &) { return FakeResponse::hang(); });
    const CallOutcome outcome = waitFor(client->updateItem(fixtureItem()), 5000);
    ASSERT_EQ(outcome.finishedCount, 1);
    EXPECT_EQ(outcome.error.kind, ErrorKind::Ambiguous);
    settle();
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(AlmaClientFaultTest, WaitingForTheRateLimiterDoesNotCountAgainstTheDeadline)
{
    // Six calls at 2 per second queue for up to 2.5 s; each is fast once sent.
    configure([](AlmaConfig &config) {
        config.rateLimitPerSecond = 2;
        config.deadlineMs = 1000;
    });
    server.setHandler([](const FakeRequest &) { return FakeResponse::json(200, itemBody()); });
    std::vector<ItemReply *> replies;
    for (int i = 0; i < 6; ++i)
        replies.push_back(client->getItem(fixtureItem()));
    for (const CallOutcome &outcome : waitForAll(replies, 10000))
        EXPECT_TRUE(outcome.ok) << outcome.error.message.toStdString();
    EXPECT_EQ(server.requests().size(), 6u);
}

TEST_F(AlmaClientFaultTest, TransferTimeoutEndsAHangingGetAfterRetries)
{
    configure([](AlmaConfig &config) {
        config.deadlineMs = 20000;
        config.transferTimeoutMs = 300;
        config.maxRetries = 1;
    });
    server.setHandler([](const FakeRequest &) { return FakeResponse::hang(); });
    const CallOutcome outcome = waitFor(client->itemLoans(fixtureItem()), 10000);
    ASSERT_EQ(outcome.finishedCount, 1);
    EXPECT_EQ(outcome.error.kind, ErrorKind::Timeout);
    EXPECT_EQ(server.requests().size(), 2u) << "one try and one retry";
}

TEST_F(AlmaClientFaultTest, TransferTimeoutOnAWriteIsAmbiguous)
{
    configure([](AlmaConfig &config) { config.transferTimeoutMs = 300; });
    server.setHandler([](const FakeRequest &) { return FakeResponse::hang(); });
    const CallOutcome outcome = waitFor(client->scanIn(fixtureItem(), deskScan()), 10000);
    EXPECT_EQ(outcome.error.kind, ErrorKind::Ambiguous);
    settle();
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(AlmaClientFaultTest, RateLimitStormIsRetriedThenReported)
{
    configure([](AlmaConfig &config) { config.maxRetries = 2; });
    server.setHandler([](const FakeRequest &) {
        return FakeResponse::json(
            429, readFixture(QStringLiteral("alma/per_second_threshold_error_response.json")));
    });
    const CallOutcome outcome = waitFor(client->getItem(fixtureItem()));
    EXPECT_EQ(outcome.error.kind, ErrorKind::RateLimited);
    EXPECT_EQ(outcome.error.code, QStringLiteral("PER_SECOND_THRESHOLD"));
    EXPECT_EQ(server.requests().size(), 3u);
}

TEST_F(AlmaClientFaultTest, RateLimitedWriteIsRetriedBecauseAlmaDidNotApplyIt)
{
    server.setHandler([this](const FakeRequest &) {
        if (server.requests().size() <= 2)
            return FakeResponse::json(
                429, readFixture(QStringLiteral("alma/per_second_threshold_error_response.json")));
        return FakeResponse::json(200, itemBody());
    });
    const CallOutcome outcome = waitFor(client->updateItem(fixtureItem()));
    ASSERT_TRUE(outcome.ok) << outcome.error.message.toStdString();
    ASSERT_EQ(server.requests().size(), 3u);
    for (const FakeRequest &request : server.requests())
        EXPECT_EQ(request.method, "PUT");
}

TEST_F(AlmaClientFaultTest, RetryAfterIsHonouredAndStillSucceeds)
{
    server.setHandler([this](const FakeRequest &) {
        if (server.requests().size() == 1)
            return FakeResponse::json(429, readFixture(QStringLiteral(
                                               "alma/per_second_threshold_error_response.json")))
                .withHeader("Retry-After", "1");
        return FakeResponse::json(200, itemBody());
    });
    const CallOutcome outcome = waitFor(client->getItem(fixtureItem()));
    EXPECT_TRUE(outcome.ok);
    EXPECT_EQ(server.requests().size(), 2u);
}

TEST_F(AlmaClientFaultTest, RetryAfterBeyondTheDeadlineFailsNow)
{
    configure([](AlmaConfig &config) { config.deadlineMs = 20000; });
    server.setHandler([](const FakeRequest &) {
        return FakeResponse::json(429, readFixture(QStringLiteral(
                                           "alma/per_second_threshold_error_response.json")))
            .withHeader("Retry-After", "3600");
    });
    const CallOutcome outcome = waitFor(client->getItem(fixtureItem()), 5000);
    ASSERT_EQ(outcome.finishedCount, 1);
    EXPECT_EQ(outcome.error.kind, ErrorKind::RateLimited);
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(AlmaClientFaultTest, DailyThresholdIsNotRetried)
{
    server.setHandler([](const FakeRequest &) {
        return FakeResponse::
            json(429,
                 R"({"errorsExist":true,"errorList":{"error":[{"errorCode":"DAILY_THRESHOLD","errorMessage":"Daily threshold exceeded"}]},"result":null})")
                .withHeader("X-Exl-Api-Remaining", "0");
    });
    const CallOutcome outcome = waitFor(client->getItem(fixtureItem()));
    EXPECT_EQ(outcome.error.kind, ErrorKind::DailyBudget);
    EXPECT_EQ(server.requests().size(), 1u);
    EXPECT_EQ(client->remainingCalls(), 0);
}

TEST_F(AlmaClientFaultTest, XmlGatewayErrorOnGetIsRetriedThenTyped)
{
    configure([](AlmaConfig &config) { config.maxRetries = 2; });
    server.setHandler([](const FakeRequest &) {
        FakeResponse response = FakeResponse::json(503, kRoutingErrorXml);
        response.headers = {{"Content-Type", "text/html"}};
        return response;
    });
    const CallOutcome outcome = waitFor(client->getItem(fixtureItem()));
    EXPECT_EQ(outcome.error.kind, ErrorKind::Http);
    EXPECT_EQ(outcome.error.httpStatus, 503);
    EXPECT_EQ(outcome.error.code, QStringLiteral("ROUTING_ERROR"));
    EXPECT_EQ(outcome.error.trackingId, QStringLiteral("E01-0101010101-ABCDE"));
    EXPECT_EQ(server.requests().size(), 3u);
}

TEST_F(AlmaClientFaultTest, GatewayErrorAfterAWriteIsAmbiguousAndNotResent)
{
    server.setHandler(
        [](const FakeRequest &) { return FakeResponse::json(503, kRoutingErrorXml); });
    const CallOutcome outcome = waitFor(client->updateItem(fixtureItem()));
    EXPECT_EQ(outcome.error.kind, ErrorKind::Ambiguous);
    EXPECT_EQ(outcome.error.httpStatus, 503);
    EXPECT_EQ(outcome.error.code, QStringLiteral("ROUTING_ERROR"));
    settle();
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(AlmaClientFaultTest, MalformedXmlErrorStillGivesATypedError)
{
    configure([](AlmaConfig &config) { config.maxRetries = 0; });
    server.setHandler([](const FakeRequest &) {
        return FakeResponse::json(
            502,
            "<web_service_result><errorList><error><errorCode>GENERAL_ERROR</errorCode><errorMess");
    });
    const CallOutcome outcome = waitFor(client->getItem(fixtureItem()));
    EXPECT_EQ(outcome.error.kind, ErrorKind::Http);
    EXPECT_EQ(outcome.error.httpStatus, 502);
    EXPECT_EQ(outcome.error.code, QStringLiteral("GENERAL_ERROR"));
}

TEST_F(AlmaClientFaultTest, MalformedJsonIsAParseErrorForEveryReplyType)
{
    server.setHandler([](const FakeRequest &) {
        return FakeResponse::json(200, R"({"item_data": {"pid": "1",)");
    });
    EXPECT_EQ(waitFor(client->getItem(fixtureItem())).error.kind, ErrorKind::Parse);
    EXPECT_EQ(waitFor(client->itemLoans(fixtureItem())).error.kind, ErrorKind::Parse);
    EXPECT_EQ(waitFor(client->jobInstance(QStringLiteral("M18"), QStringLiteral("42"))).error.kind,
              ErrorKind::Parse);
    EXPECT_EQ(server.requests().size(), 3u) << "a parse error is not retried";
}

TEST_F(AlmaClientFaultTest, WrongShapeIsAParseError)
{
    server.setHandler(
        [](const FakeRequest &) { return FakeResponse::json(200, R"(["not", "an", "item"])"); });
    const CallOutcome outcome = waitFor(client->getItem(fixtureItem()));
    EXPECT_EQ(outcome.error.kind, ErrorKind::Parse);
    EXPECT_EQ(outcome.httpStatus, 200);
}

TEST_F(AlmaClientFaultTest, RefusedKeyIsAnAuthError)
{
    server.setHandler([](const FakeRequest &) {
        return FakeResponse::json(
            401,
            R"({"errorsExist":true,"errorList":{"error":[{"errorCode":"UNAUTHORIZED","errorMessage":"API-key not defined or not configured to allow this API."}]},"result":null})");
    });
    const CallOutcome outcome = waitFor(client->testKey(false));
    EXPECT_EQ(outcome.error.kind, ErrorKind::Auth);
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(AlmaClientFaultTest, ConnectionRefusedIsANetworkError)
{
    // Port 1 on loopback: nothing listens there.
    configure([](AlmaConfig &config) {
        config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
        config.maxRetries = 1;
    });
    const CallOutcome outcome = waitFor(client->getItem(fixtureItem()));
    EXPECT_EQ(outcome.error.kind, ErrorKind::Network);
    EXPECT_FALSE(userMessage(outcome.error).isEmpty());
}

TEST_F(AlmaClientFaultTest, RefusedWriteConnectionIsANetworkErrorNotAmbiguous)
{
    configure([](AlmaConfig &config) {
        config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
        config.maxRetries = 0;
    });
    const CallOutcome outcome = waitFor(client->updateItem(fixtureItem()));
    EXPECT_EQ(outcome.error.kind, ErrorKind::Network);
}

TEST_F(AlmaClientFaultTest, RemainingCallsAreTrackedAndTheFloorStopsCalls)
{
    server.setHandler([](const FakeRequest &) {
        return FakeResponse::json(200, itemBody()).withHeader("X-Exl-Api-Remaining", "42");
    });
    QSignalSpy changed(client.get(), &AlmaClient::remainingCallsChanged);
    EXPECT_EQ(client->remainingCalls(), -1);
    ASSERT_TRUE(waitFor(client->getItem(fixtureItem())).ok);
    EXPECT_EQ(client->remainingCalls(), 42);
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.front().front().toLongLong(), 42);

    configure([](AlmaConfig &config) { config.remainingFloor = 50; });
    const CallOutcome refused = waitFor(client->getItem(fixtureItem()));
    EXPECT_EQ(refused.error.kind, ErrorKind::DailyBudget);
    EXPECT_EQ(server.requests().size(), 1u) << "below the floor no call is made";

    configure([](AlmaConfig &config) { config.remainingFloor = 42; });
    EXPECT_TRUE(waitFor(client->getItem(fixtureItem())).ok) << "at the floor calls still go";
}

TEST_F(AlmaClientFaultTest, FinishedIsEmittedOnceAndTheReplyIsDeletedAfterwards)
{
    server.setHandler([](const FakeRequest &) { return FakeResponse::json(200, itemBody()); });
    ItemReply *reply = client->getItem(fixtureItem());
    QPointer<ItemReply> guard(reply);
    EXPECT_FALSE(reply->isFinished());
    const CallOutcome outcome = waitFor(reply);
    EXPECT_EQ(outcome.finishedCount, 1);
    EXPECT_TRUE(QTest::qWaitFor([&guard] { return guard.isNull(); }, 2000));
    EXPECT_TRUE(guard.isNull());
}

TEST_F(AlmaClientFaultTest, DeletingAPendingReplyCancelsQuietly)
{
    server.setHandler([](const FakeRequest &) { return FakeResponse::hang(); });
    ItemReply *reply = client->getItem(fixtureItem());
    EXPECT_TRUE(QTest::qWaitFor([this] { return !server.requests().empty(); }, 3000));
    ASSERT_EQ(server.requests().size(), 1u);
    delete reply;
    settle();
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(AlmaClientFaultTest, PlainHttpToARemoteHostIsRefusedWithoutConnecting)
{
    for (const char *url : {"http://api-eu.hosted.exlibrisgroup.com", "http://10.1.2.3:8080",
                            "ftp://127.0.0.1", "http://user:pw@127.0.0.1:1"}) {
        configure([url](AlmaConfig &config) { config.baseUrl = QUrl(QString::fromLatin1(url)); });
        const CallOutcome outcome = waitFor(client->testKey(false));
        EXPECT_EQ(outcome.error.kind, ErrorKind::Unsafe) << url;
    }
}

} // namespace
} // namespace migdesk::test
