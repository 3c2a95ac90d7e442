// The Alma client against the sandbox's injected faults and limits: at most one write per
// intent reaches the sandbox, GETs and 429s recover, deadlines hold, budgets stop calls.
#include "SandboxClientTest.h"

#include <QProcess>
#include <QRegularExpression>

namespace migdesk::test {
namespace {

using AlmaClientSandboxFaultTest = SandboxClientTest;

sandbox::Faults only(double sandbox::Faults::*field, double probability)
{
    sandbox::Faults faults;
    faults.*field = probability;
    return faults;
}

TEST_F(AlmaClientSandboxFaultTest, DroppedWritesReachTheSandboxOnceAndAreAmbiguous)
{
    Item item = lookup(QStringLiteral("PLAIN-1"));
    item.internalNote3 = QStringLiteral("dropped");
    ScanInParams params;
    params.library = QStringLiteral("MAIN");
    params.circDesk = QStringLiteral("DEFAULT_CIRC_DESK");

    server->setFaults(only(&sandbox::Faults::pDrop, 1.0));
    EXPECT_EQ(waitFor(client->updateItem(item)).error.kind, ErrorKind::Ambiguous);
    // The caller's re-read shows what happened: the sandbox applied the PUT once.
    server->setFaults({});
    EXPECT_EQ(lookup(QStringLiteral("PLAIN-1")).internalNote3, QStringLiteral("dropped"));

    server->setFaults(only(&sandbox::Faults::pDrop, 1.0));
    EXPECT_EQ(waitFor(client->scanIn(item, params)).error.kind, ErrorKind::Ambiguous);
    EXPECT_EQ(waitFor(client->deleteItem(item, {})).error.kind, ErrorKind::Ambiguous);
    QTest::qWait(300);
    ASSERT_EQ(writesReceived(), 3u) << "one write per intent, none resent";
    EXPECT_EQ(server->operations()[0].method, QStringLiteral("PUT"));
    EXPECT_EQ(server->operations()[1].method, QStringLiteral("POST"));
    EXPECT_EQ(server->operations()[2].method, QStringLiteral("DELETE"));
    server->setFaults({});
    EXPECT_EQ(waitFor(client->itemByBarcode(QStringLiteral("PLAIN-1"))).error.code,
              QStringLiteral("401689"))
        << "the dropped DELETE was applied";
}

TEST_F(AlmaClientSandboxFaultTest, DroppedGetsAreRetriedUntilTheCap)
{
    const Item item = lookup(QStringLiteral("PLAIN-2"));
    server->setFaults(only(&sandbox::Faults::pDrop, 1.0));
    const CallOutcome outcome = waitFor(client->getItem(item));
    EXPECT_EQ(outcome.error.kind, ErrorKind::Network);
    EXPECT_EQ(writesReceived(), 0u);
}

TEST_F(AlmaClientSandboxFaultTest, RateLimitStormOfThirtyPercentLosesNothing)
{
    const Item item = lookup(QStringLiteral("PLAIN-1"));
    configure([](AlmaConfig &config) {
        config.maxRetries = 8;
        config.deadlineMs = 30000;
    });
    server->setFaults(only(&sandbox::Faults::p429, 0.3));
    std::vector<ItemReply *> replies;
    for (int i = 0; i < 30; ++i)
        replies.push_back(client->getItem(item));
    int ok = 0;
    for (const CallOutcome &outcome : waitForAll(replies))
        ok += outcome.ok ? 1 : 0;
    EXPECT_EQ(ok, 30);
}

TEST_F(AlmaClientSandboxFaultTest, AllRequestsRefusedIsRateLimitedAndNothingWritten)
{
    Item item = lookup(QStringLiteral("PLAIN-1"));
    configure([](AlmaConfig &config) { config.maxRetries = 2; });
    server->setFaults(only(&sandbox::Faults::p429, 1.0));
    const CallOutcome outcome = waitFor(client->updateItem(item));
    EXPECT_EQ(outcome.error.kind, ErrorKind::RateLimited);
    EXPECT_EQ(outcome.error.code, QStringLiteral("PER_SECOND_THRESHOLD"));
}

TEST_F(AlmaClientSandboxFaultTest, XmlGatewayErrors)
{
    Item item = lookup(QStringLiteral("PLAIN-1"));
    configure([](AlmaConfig &config) { config.maxRetries = 1; });
    server->setFaults(only(&sandbox::Faults::p5xx, 1.0));
    const CallOutcome get = waitFor(client->getItem(item));
    EXPECT_EQ(get.error.kind, ErrorKind::Http);
    EXPECT_GE(get.error.httpStatus, 500);
    EXPECT_FALSE(get.error.code.isEmpty()) << "the XML body was read";
    const CallOutcome put = waitFor(client->updateItem(item));
    EXPECT_EQ(put.error.kind, ErrorKind::Ambiguous);
    EXPECT_LE(writesReceived(), 1u);
}

TEST_F(AlmaClientSandboxFaultTest, MalformedJsonIsAParseError)
{
    const Item item = lookup(QStringLiteral("PLAIN-1"));
    server->setFaults(only(&sandbox::Faults::pMalformed, 1.0));
    EXPECT_EQ(waitFor(client->getItem(item)).error.kind, ErrorKind::Parse);
    EXPECT_EQ(waitFor(client->itemLoans(item)).error.kind, ErrorKind::Parse);
}

TEST_F(AlmaClientSandboxFaultTest, HangsEndByTheDeadline)
{
    const Item item = lookup(QStringLiteral("PLAIN-1"));
    configure([](AlmaConfig &config) { config.deadlineMs = 1000; });
    server->setFaults(only(&sandbox::Faults::pHang, 1.0));
    const CallOutcome get = waitFor(client->getItem(item), 5000);
    ASSERT_EQ(get.finishedCount, 1);
    EXPECT_EQ(get.error.kind, ErrorKind::Timeout);
    const CallOutcome put = waitFor(client->updateItem(item), 5000);
    ASSERT_EQ(put.finishedCount, 1);
    EXPECT_EQ(put.error.kind, ErrorKind::Ambiguous);
}

class BudgetTest : public SandboxClientTest {
protected:
    sandbox::SandboxOptions options() const override
    {
        sandbox::SandboxOptions o = SandboxClientTest::options();
        o.dailyBudget = 6;
        return o;
    }
};

TEST_F(BudgetTest, FloorStopsCallsBeforeTheBudgetIsGone)
{
    configure([](AlmaConfig &config) { config.remainingFloor = 4; });
    lookup(QStringLiteral("PLAIN-1")); // 2 calls: 4 left
    const qint64 left = client->remainingCalls();
    EXPECT_EQ(left, 4);
    EXPECT_TRUE(waitFor(client->testKey(false)).ok); // at the floor: still allowed, 3 left
    const CallOutcome stopped = waitFor(client->testKey(false));
    EXPECT_EQ(stopped.error.kind, ErrorKind::DailyBudget);
    EXPECT_EQ(client->remainingCalls(), 3) << "the refused call was not made";
}

TEST_F(BudgetTest, ExhaustedBudgetIsDailyBudget)
{
    for (int i = 0; i < 6; ++i)
        EXPECT_TRUE(waitFor(client->testKey(false)).ok) << i;
    const CallOutcome outcome = waitFor(client->testKey(false));
    EXPECT_EQ(outcome.error.kind, ErrorKind::DailyBudget);
    EXPECT_EQ(client->remainingCalls(), 0);
}

class RateLimitTest : public SandboxClientTest {
protected:
    sandbox::SandboxOptions options() const override
    {
        sandbox::SandboxOptions o = SandboxClientTest::options();
        o.rateLimit = 25; // Alma's real limit
        return o;
    }
};

TEST_F(RateLimitTest, SharedLimiterKeepsTwoClientsUnderAlmasLimit)
{
    // Two clients in one process, no retries allowed: any 429 would fail a call.
    configure([](AlmaConfig &config) {
        config.rateLimitPerSecond = 20;
        config.maxRetries = 0;
        config.deadlineMs = 30000;
    });
    AlmaClient second(&network, client->config());
    std::vector<JsonReply *> replies;
    for (int i = 0; i < 30; ++i) {
        replies.push_back(client->testKey(false));
        replies.push_back(second.testKey(false));
    }
    int ok = 0;
    for (const CallOutcome &outcome : waitForAll(replies)) {
        ok += outcome.ok ? 1 : 0;
        EXPECT_NE(outcome.error.kind, ErrorKind::RateLimited);
    }
    EXPECT_EQ(ok, 60);
}

TEST(AlmaClientSandboxProcessTest, WorksAgainstTheSandboxAsASeparateProcess)
{
    QProcess process;
    process.start(cliPath(),
                  {QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0"),
                   QStringLiteral("--demo"), QStringLiteral("--items"), QStringLiteral("50"),
                   QStringLiteral("--api-key"), kSandboxKey, QStringLiteral("--fault-drop"),
                   QStringLiteral("0")});
    ASSERT_TRUE(process.waitForStarted());
    QByteArray line;
    while (!line.contains('\n') && process.waitForReadyRead(20000))
        line += process.readAllStandardOutput();
    const auto match = QRegularExpression(QStringLiteral("listening on (http://\\S+)"))
                           .match(QString::fromUtf8(line));
    ASSERT_TRUE(match.hasMatch()) << line.toStdString();
    QString example;
    {
        const QByteArray errors = process.readAllStandardError();
        const auto tryMatch =
            QRegularExpression(QStringLiteral("Try (\\S+):")).match(QString::fromUtf8(errors));
        example = tryMatch.captured(1);
    }

    QNetworkAccessManager network;
    AlmaClient client(&network, loopbackConfig(QUrl(match.captured(1)), kSandboxKey));
    EXPECT_TRUE(waitFor(client.testKey(false)).ok);
    if (!example.isEmpty()) {
        const CallOutcome found = waitFor(client.itemByBarcode(example));
        EXPECT_TRUE(found.ok) << found.error.message.toStdString();
        EXPECT_EQ(found.item.barcode, example);
    }
    EXPECT_EQ(waitFor(client.itemByBarcode(QStringLiteral("x&op=delete"))).error.code,
              QStringLiteral("401689"));

    process.terminate();
    EXPECT_TRUE(process.waitForFinished(10000));
}

} // namespace
} // namespace migdesk::test
