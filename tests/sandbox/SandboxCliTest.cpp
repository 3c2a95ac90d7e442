// `migdesk-cli sandbox --port 0` as a separate process: the ready line names a port that
// answers Alma calls with the demo data.
#include "SandboxHttpClient.h"
#include "TestSupport.h"

#include <QProcess>
#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace migdesk::test;

namespace {

TEST(SandboxCliTest, ServesTheDemoOnAnEphemeralPort)
{
    QProcess process;
    process.start(cliPath(),
                  {QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0"),
                   QStringLiteral("--demo"), QStringLiteral("--items"), QStringLiteral("60"),
                   QStringLiteral("--api-key"), QStringLiteral("cli-test-key")});
    ASSERT_TRUE(process.waitForStarted());
    QByteArray line;
    while (!line.contains('\n') && process.waitForReadyRead(20000))
        line += process.readAllStandardOutput();
    const auto match =
        QRegularExpression(
            QStringLiteral("^MigDesk sandbox listening on (http://127\\.0\\.0\\.1:(\\d+))\n"))
            .match(QString::fromUtf8(line));
    ASSERT_TRUE(match.hasMatch()) << line.toStdString();
    EXPECT_NE(match.captured(2).toInt(), 0);
    const QByteArray errors = process.readAllStandardError();
    EXPECT_EQ(errors.indexOf("cli-test-key"), -1); // a given key is never printed

    SandboxHttpClient client{QUrl(match.captured(1))};
    HttpCall call;
    call.pathOrUrl = QStringLiteral("/almaws/v1/bibs/test");
    call.apiKey = QStringLiteral("cli-test-key");
    EXPECT_EQ(client.send(call).status, 200);
    call.apiKey = QStringLiteral("sandbox-demo-key");
    EXPECT_EQ(client.send(call).status, 401);
    const auto examples = client.get(QStringLiteral("/sandbox/examples"));
    ASSERT_TRUE(examples.json["examples"].is_array());
    EXPECT_FALSE(examples.json["examples"].empty());

    process.terminate();
    EXPECT_TRUE(process.waitForFinished(10000));
}

TEST(SandboxCliTest, RefusesANonLoopbackHost)
{
    QProcess process;
    process.start(cliPath(),
                  {QStringLiteral("sandbox"), QStringLiteral("--host"), QStringLiteral("0.0.0.0"),
                   QStringLiteral("--port"), QStringLiteral("0")});
    ASSERT_TRUE(process.waitForFinished(20000));
    EXPECT_EQ(process.exitCode(), 2);
    EXPECT_TRUE(process.readAllStandardOutput().isEmpty());
}

} // namespace
