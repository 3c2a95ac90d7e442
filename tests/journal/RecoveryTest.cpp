// Recovery against the in-process sandbox: a write sent before a crash is settled from Alma's
// state; the item is marked done-verified, offered again, or shown to staff.
#include "TestSupport.h"

#include "ExecutorSupport.h"

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

class RecoveryTest : public test::SandboxExecutorFixture {
protected:
    void SetUp() override
    {
        SandboxExecutorFixture::SetUp();
        m_barcode = QStringLiteral("39015110000000"); // the demo's "Voyager Missing, in hand"
    }

    Item lookUp() { return test::lookUpItem(*m_client, m_barcode); }

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

    QString m_barcode;
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
