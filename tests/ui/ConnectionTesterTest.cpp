// ConnectionTester: "Test connection" against the sandbox reports read and write rights, and a
// refused key as such.
#include "ConnectionTester.h"

#include <SandboxServer.h>

#include <QSignalSpy>

#include <gtest/gtest.h>

namespace migdesk::test {

TEST(ConnectionTesterTest, ReportsReadAndWriteRightsOfAGoodKey)
{
    sandbox::SandboxServer server;
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0));
    ConnectionTester tester;
    QSignalSpy finished(&tester, &ConnectionTester::finished);
    tester.test(server.baseUrl(), server.options().apiKey);
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_TRUE(finished.at(0).at(0).toBool());
    EXPECT_TRUE(finished.at(0).at(1).toBool());
    EXPECT_TRUE(finished.at(0).at(2).toString().contains(QStringLiteral("write")));
}

TEST(ConnectionTesterTest, AWrongKeyCannotRead)
{
    sandbox::SandboxServer server;
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0));
    ConnectionTester tester;
    QSignalSpy finished(&tester, &ConnectionTester::finished);
    tester.test(server.baseUrl(), QStringLiteral("not-the-key"));
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_FALSE(finished.at(0).at(0).toBool());
    EXPECT_FALSE(finished.at(0).at(1).toBool());
    EXPECT_FALSE(finished.at(0).at(2).toString().contains(QStringLiteral("not-the-key")));
}

} // namespace migdesk::test
