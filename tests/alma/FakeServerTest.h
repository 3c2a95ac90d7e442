// GoogleTest fixture: an AlmaClient talking to a FakeAlmaServer over loopback.
#pragma once

#include "AlmaTestSupport.h"
#include "FakeAlmaServer.h"
#include "TestSupport.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

namespace migdesk::test {

inline const QString kSentinelKey = QStringLiteral("l8xxSENTINELc0ffee5ecret");
inline const QByteArray kItemPath =
    "/almaws/v1/bibs/990006312214702204/holdings/22163771200002204/items/23163771190002204";

class FakeServerTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(server.listen());
        client =
            std::make_unique<AlmaClient>(&network, loopbackConfig(server.baseUrl(), kSentinelKey));
    }

    void configure(const std::function<void(AlmaConfig &)> &change)
    {
        AlmaConfig config = client->config();
        change(config);
        client->setConfig(config);
    }

    static Item fixtureItem()
    {
        return parseItem(readFixture(QStringLiteral("alma/item_response.json"))).value();
    }
    static QByteArray itemBody() { return readFixture(QStringLiteral("alma/item_response.json")); }

    // Lets queued work (late finished() signals, Qt's silent resends) happen before counting.
    static void settle(int ms = 300) { QTest::qWait(ms); }

    FakeAlmaServer server;
    QNetworkAccessManager network;
    std::unique_ptr<AlmaClient> client;
};

} // namespace migdesk::test
