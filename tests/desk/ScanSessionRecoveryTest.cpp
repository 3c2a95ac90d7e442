// ScanSession::resumeUnfinished against the in-process sandbox: writes the last session sent and
// never heard back from are settled from what Alma shows (journal and outcome), nothing is
// written twice, and what MigDesk cannot explain is shown to staff instead of guessed.
#include "DeskFixture.h"

#include <QTest>

using namespace migdesk;
using namespace migdesk::test;

namespace {

class ScanSessionRecoveryTest : public DeskFixture {
protected:
    // Reads the item as the last session did.
    Item read(const QString &barcode)
    {
        Item item;
        bool over = false;
        ItemReply *reply = m_client->itemByBarcode(barcode);
        QObject::connect(reply, &AlmaReply::finished, m_session.get(), [&] {
            item = reply->item();
            over = true;
        });
        EXPECT_TRUE(waitFor([&] { return over; }));
        return item;
    }

    // Waits for a write sent behind MigDesk's back (the last session's, or another user's).
    template <typename Reply>
    bool await(Reply *reply)
    {
        bool ok = false;
        bool over = false;
        QObject::connect(reply, &AlmaReply::finished, m_session.get(), [&] {
            ok = reply->isOk();
            over = true;
        });
        return waitFor([&] { return over; }) && ok;
    }

    qint64 intentWithLookup(const Item &item)
    {
        const qint64 intent =
            m_journal->recordIntent(item.barcode, QStringLiteral("desk"), QStringLiteral("desk"));
        m_journal->recordLookup(intent, item, {}, QStringLiteral("{}"));
        return intent;
    }

    // Resumes in a new session (the app restarted) and waits until every record settles.
    std::vector<qint64> restartAndResume(int expected)
    {
        makeSession(defaultSettings());
        EXPECT_EQ(m_session->unfinishedCount(), expected);
        EXPECT_EQ(m_session->resumeUnfinished(), expected);
        const std::vector<qint64> ids = m_session->recordIds();
        for (qint64 id : ids)
            EXPECT_TRUE(waitSettled(id)) << id;
        return ids;
    }
};

} // namespace

TEST_F(ScanSessionRecoveryTest, AConditionAlreadySetIsNotWrittenAgainOnlyTheReturn)
{
    // Damaged: the condition PUT reached Alma (journaled ok), then the app died before the return.
    Item before = read(demo::damaged);
    const qint64 intent = intentWithLookup(before);
    Item damaged = before;
    damaged.physicalCondition = {QStringLiteral("DAMAGED"), {}};
    const qint64 put =
        m_journal->beginWrite(intent, QStringLiteral("put"), before, QStringLiteral("condition"));
    ItemReply *reply = m_client->updateItem(damaged);
    ASSERT_TRUE(await(reply));
    m_journal->endWrite(put, QStringLiteral("ok"), QStringLiteral("200"));
    const size_t sentBefore = writesFor(demo::damaged).size();
    ASSERT_EQ(sentBefore, 1u);

    const std::vector<qint64> ids = restartAndResume(1);
    ASSERT_EQ(ids.size(), 1u);
    const ScanRecord &r = record(ids.front());
    EXPECT_TRUE(r.recovered);
    EXPECT_EQ(r.outcome, Outcome::Done) << r.message.toStdString();
    const auto writes = writesFor(demo::damaged);
    ASSERT_EQ(writes.size(), 2u); // the PUT before the restart, then only the scan-in
    EXPECT_EQ(writes[1].method, QStringLiteral("POST"));
    EXPECT_EQ(m_journal->intent(intent)->outcome, Outcome::Done);
}

TEST_F(ScanSessionRecoveryTest, AnUnexplainedChangeAfterAReturnIsShownToStaff)
{
    // A return was sent and never answered; meanwhile someone else edited the item, which still
    // shows Technical - Migration: MigDesk cannot tell what happened.
    const Item before = read(demo::missing);
    const qint64 intent = intentWithLookup(before);
    const qint64 write =
        m_journal->beginWrite(intent, QStringLiteral("scan_in"), before, QStringLiteral("scan"));
    ASSERT_TRUE(m_server->touchItem(demo::missing));

    const std::vector<qint64> ids = restartAndResume(1);
    ASSERT_EQ(ids.size(), 1u);
    const ScanRecord &r = record(ids.front());
    EXPECT_EQ(r.stage, ScanStage::Finished);
    EXPECT_EQ(r.outcome, Outcome::NeedsStaff) << r.message.toStdString();
    EXPECT_TRUE(r.hasItem); // staff see the item as Alma shows it
    EXPECT_TRUE(r.message.contains(QStringLiteral("look at it"))) << r.message.toStdString();
    EXPECT_TRUE(writesFor(demo::missing).empty());
    const auto journaled = m_journal->intent(intent);
    EXPECT_EQ(journaled->outcome, Outcome::NeedsStaff);
    ASSERT_EQ(journaled->writes.size(), 1u);
    EXPECT_EQ(journaled->writes[0].id, write);
    EXPECT_EQ(journaled->writes[0].status, QStringLiteral("verified_ok"));
    EXPECT_EQ(m_session->unfinishedCount(), 0);
}

TEST_F(ScanSessionRecoveryTest, AnUnansweredWriteAlmaNeverAppliedIsOfferedAgain)
{
    // The return was journaled as sent but never reached Alma: the item is unchanged.
    const Item before = read(demo::missing2);
    const qint64 intent = intentWithLookup(before);
    const qint64 write =
        m_journal->beginWrite(intent, QStringLiteral("scan_in"), before, QStringLiteral("scan"));

    const std::vector<qint64> ids = restartAndResume(1);
    const ScanRecord &r = record(ids.front());
    EXPECT_EQ(r.outcome, Outcome::Done) << r.message.toStdString();
    EXPECT_EQ(writesFor(demo::missing2).size(), 1u);
    const auto journaled = m_journal->intent(intent);
    ASSERT_GE(journaled->writes.size(), 2u);
    EXPECT_EQ(journaled->writes[0].id, write);
    EXPECT_EQ(journaled->writes[0].status, QStringLiteral("verified_not"));
}

TEST_F(ScanSessionRecoveryTest, AWithdrawalThatReachedAlmaIsDoneWithoutASecondDelete)
{
    const Item before = read(demo::withdrawn);
    const qint64 intent = intentWithLookup(before);
    m_journal->beginWrite(intent, QStringLiteral("delete"), before, QStringLiteral("delete"));
    ASSERT_TRUE(await(m_client->deleteItem(before, WithdrawParams{})));
    ASSERT_EQ(writesFor(demo::withdrawn).size(), 1u);

    const std::vector<qint64> ids = restartAndResume(1);
    const ScanRecord &r = record(ids.front());
    EXPECT_EQ(r.outcome, Outcome::Done) << r.message.toStdString();
    EXPECT_TRUE(r.message.contains(QStringLiteral("no longer"))) << r.message.toStdString();
    EXPECT_EQ(writesFor(demo::withdrawn).size(), 1u);
    EXPECT_EQ(m_journal->intent(intent)->outcome, Outcome::Done);
    EXPECT_EQ(m_journal->intent(intent)->writes[0].status, QStringLiteral("verified_ok"));
}
