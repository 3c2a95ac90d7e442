// Recovery against the in-process sandbox: a write sent before a crash is settled from Alma's
// state; the item is marked done-verified, offered again, or shown to staff.
#include "TestSupport.h"

#include "alma/AlmaClient.h"
#include "journal/Journal.h"
#include "pipeline/Recovery.h"

#include <SandboxServer.h>

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace migdesk;
using Decision = RecoveryItem::Decision;

namespace {

class RecoveryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        sandbox::SandboxOptions options;
        options.rateLimit = 0;
        m_server = std::make_unique<sandbox::SandboxServer>(options);
        m_server->loadDemo(120, 1);
        ASSERT_TRUE(m_server->listen());
        AlmaConfig config;
        config.baseUrl = m_server->baseUrl();
        config.apiKey = QStringLiteral("sandbox-demo-key");
        config.rateLimitPerSecond = 500;
        config.deadlineMs = 2000;
        config.transferTimeoutMs = 2000;
        m_client = std::make_unique<AlmaClient>(&m_network, config);
        QObject::connect(m_client.get(), &AlmaClient::requestFinished, m_client.get(),
                         [this] { ++m_requests; });
        auto journal = Journal::open(m_dir.filePath(QStringLiteral("journal.sqlite")));
        ASSERT_TRUE(journal.isOk());
        m_journal = std::move(journal.value());
        m_barcode = QStringLiteral("39015110000000"); // the demo's "Voyager Missing, in hand"
    }

    Item lookUp()
    {
        ItemReply *reply = m_client->itemByBarcode(m_barcode);
        bool done = false;
        Item item;
        QObject::connect(reply, &AlmaReply::finished, reply, [&] {
            EXPECT_TRUE(reply->isOk());
            item = reply->item();
            done = true;
        });
        EXPECT_TRUE(QTest::qWaitFor([&] { return done; }, 10000));
        return item;
    }

    void scanIn(const Item &item)
    {
        ScanInParams params;
        params.library = QStringLiteral("MAIN");
        params.circDesk = QStringLiteral("DEFAULT_CIRC_DESK");
        ItemReply *reply = m_client->scanIn(item, params);
        bool done = false;
        QObject::connect(reply, &AlmaReply::finished, reply, [&] { done = true; });
        EXPECT_TRUE(QTest::qWaitFor([&] { return done; }, 10000));
    }

    std::vector<RecoveryItem> recover()
    {
        Recovery recovery(m_client.get(), m_journal.get());
        bool done = false;
        QObject::connect(&recovery, &Recovery::finished, &recovery, [&] { done = true; });
        recovery.start();
        EXPECT_TRUE(QTest::qWaitFor([&] { return done; }, 20000));
        return recovery.items();
    }

    qint64 intentWithLookup(const Item &item)
    {
        const qint64 id =
            m_journal->recordIntent(m_barcode, QStringLiteral("desk"), QStringLiteral("desk"));
        m_journal->recordLookup(id, item, {QStringLiteral("MISSING")}, QStringLiteral("{}"));
        return id;
    }

    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    std::unique_ptr<sandbox::SandboxServer> m_server;
    std::unique_ptr<AlmaClient> m_client;
    std::unique_ptr<Journal> m_journal;
    QString m_barcode;
    int m_requests = 0;
};

} // namespace

TEST_F(RecoveryTest, AScanInSentBeforeTheCrashIsVerifiedFromAlmasState)
{
    const Item item = lookUp();
    const qint64 intent = intentWithLookup(item);
    const qint64 write = m_journal->beginWrite(intent, QStringLiteral("scan_in"), item,
                                               QStringLiteral("POST op=scan"));
    scanIn(item); // reached Alma; the process "died" before recording the reply
    const auto items = recover();
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].decision, Decision::DoneVerified) << items[0].message.toStdString();
    EXPECT_EQ(items[0].outcome, Outcome::Done);
    const auto journaled = m_journal->intent(intent);
    EXPECT_EQ(journaled->outcome, Outcome::Done);
    ASSERT_EQ(journaled->writes.size(), 1u);
    EXPECT_EQ(journaled->writes[0].id, write);
    EXPECT_EQ(journaled->writes[0].status, QStringLiteral("verified_ok"));
    EXPECT_TRUE(m_journal->unfinishedIntents().empty());
    EXPECT_EQ(m_server->operations().size(), 1u) << "recovery only reads";
}

TEST_F(RecoveryTest, AWriteThatNeverLeftIsOfferedAgain)
{
    const Item item = lookUp();
    const qint64 intent = intentWithLookup(item);
    m_journal->beginWrite(intent, QStringLiteral("scan_in"), item, QStringLiteral("POST op=scan"));
    const auto items = recover();
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].decision, Decision::OfferAgain);
    EXPECT_TRUE(items[0].hasItem);
    EXPECT_EQ(m_journal->intent(intent)->writes[0].status, QStringLiteral("verified_not"));
    EXPECT_EQ(m_journal->unfinishedIntents().size(), 1u) << "still in the queue";
    EXPECT_TRUE(m_server->operations().empty());
}

TEST_F(RecoveryTest, AScanQueuedOfflineIsOfferedAgainWithoutACall)
{
    m_journal->recordIntent(m_barcode, QStringLiteral("desk"), QStringLiteral("desk"));
    const int before = m_requests;
    const auto items = recover();
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].decision, Decision::OfferAgain);
    EXPECT_EQ(m_requests, before);
}

TEST_F(RecoveryTest, AnUnexplainedChangeIsShownToStaffNotGuessed)
{
    const Item item = lookUp();
    const qint64 intent = intentWithLookup(item);
    m_journal->beginWrite(intent, QStringLiteral("scan_in"), item, QStringLiteral("POST op=scan"));
    ASSERT_TRUE(m_server->touchItem(m_barcode)); // changed, but not by a scan-in
    const auto items = recover();
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].decision, Decision::ShowStaff) << items[0].message.toStdString();
    EXPECT_EQ(m_journal->intent(intent)->outcome, Outcome::NeedsStaff);
    EXPECT_TRUE(m_server->operations().empty());
}
