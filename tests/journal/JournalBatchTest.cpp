// Journal::Batch: many records in one commit, all or nothing, nested batches, and the crash
// rule (a batch's records are on disk only once it commits; beginWrite() commits first).
// "On disk" is checked through a second SQLite connection to the same file, which sees only
// committed transactions, as a process started after a crash would.
#include "TestSupport.h"

#include "journal/Journal.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace migdesk;

namespace {

class JournalBatchTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto opened = Journal::open(path());
        ASSERT_TRUE(opened.isOk()) << opened.error().message.toStdString();
        m_journal = std::move(opened.value());
    }

    QString path() const { return m_dir.filePath(QStringLiteral("journal.sqlite")); }

    // Rows of `table` another connection (a process reading after a crash) would see.
    int onDisk(const char *table) const
    {
        static int counter = 0;
        const QString name = QStringLiteral("batch-test-peek-%1").arg(++counter);
        int rows = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path());
            if (db.open()) {
                QSqlQuery query(db);
                if (query.exec(QStringLiteral("SELECT COUNT(*) FROM %1")
                                   .arg(QString::fromLatin1(table))) &&
                    query.next())
                    rows = query.value(0).toInt();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return rows;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Journal> m_journal;
};

} // namespace

TEST_F(JournalBatchTest, ABatchCommitsItsRecordsAtOnce)
{
    Journal::Batch batch(*m_journal);
    EXPECT_TRUE(batch.isOpen());
    EXPECT_TRUE(m_journal->inBatch());
    std::vector<qint64> ids;
    for (int i = 0; i < 50; ++i)
        ids.push_back(m_journal->recordIntent(QStringLiteral("B%1").arg(i), QStringLiteral("batch"),
                                              QStringLiteral("desk")));
    m_journal->finishIntent(ids.front(), Outcome::Done, QStringLiteral("done"));
    // The journal itself sees its own uncommitted records (same connection)...
    EXPECT_EQ(m_journal->intents().size(), 50u);
    EXPECT_EQ(m_journal->pendingCount(), 49);
    // ...but none of them is on disk yet: a crash now would lose all 50, none half.
    EXPECT_EQ(onDisk("intents"), 0);
    EXPECT_TRUE(batch.commit());
    EXPECT_FALSE(batch.isOpen());
    EXPECT_FALSE(m_journal->inBatch());
    EXPECT_EQ(onDisk("intents"), 50);
    EXPECT_FALSE(batch.commit()) << "a batch commits once";

    // And they survive closing and reopening the journal.
    m_journal.reset();
    auto reopened = Journal::open(path());
    ASSERT_TRUE(reopened.isOk());
    EXPECT_EQ(reopened.value()->intents().size(), 50u);
    EXPECT_EQ(reopened.value()->intent(ids.front())->outcome, Outcome::Done);
}

TEST_F(JournalBatchTest, RollbackDropsEverythingNotYetCommitted)
{
    m_journal->recordIntent(QStringLiteral("KEPT"), QStringLiteral("desk"), QStringLiteral("desk"));
    {
        Journal::Batch batch(*m_journal);
        m_journal->recordIntent(QStringLiteral("DROPPED1"), QStringLiteral("desk"),
                                QStringLiteral("desk"));
        m_journal->recordIntent(QStringLiteral("DROPPED2"), QStringLiteral("desk"),
                                QStringLiteral("desk"));
        batch.rollback();
        EXPECT_FALSE(batch.isOpen());
    } // the destructor does not commit a rolled-back batch
    const auto intents = m_journal->intents();
    ASSERT_EQ(intents.size(), 1u);
    EXPECT_EQ(intents[0].barcode, QStringLiteral("KEPT"));
    EXPECT_EQ(onDisk("intents"), 1);
}

TEST_F(JournalBatchTest, AFailedRecordRollsTheWholeBatchBackAndCommitSaysSo)
{
    Journal::Batch batch(*m_journal);
    const qint64 intent = m_journal->recordIntent(QStringLiteral("A"), QStringLiteral("desk"),
                                                  QStringLiteral("desk"));
    ASSERT_GT(intent, 0);
    // A write for an intent that does not exist breaks the foreign key: the statement fails,
    // the write is not on disk, so its caller gets 0 (and must not send it).
    EXPECT_EQ(
        m_journal->beginWrite(intent + 1000, QStringLiteral("put"), Item(), QStringLiteral("PUT")),
        0);
    EXPECT_FALSE(m_journal->lastError().isEmpty());
    m_journal->recordIntent(QStringLiteral("B"), QStringLiteral("desk"), QStringLiteral("desk"));
    EXPECT_FALSE(batch.commit());
    EXPECT_TRUE(m_journal->intents().empty()) << "all or nothing";
    EXPECT_EQ(onDisk("intents"), 0);
    EXPECT_EQ(onDisk("writes"), 0);

    // The journal works normally afterwards.
    Journal::Batch next(*m_journal);
    m_journal->recordIntent(QStringLiteral("C"), QStringLiteral("desk"), QStringLiteral("desk"));
    EXPECT_TRUE(next.commit());
    EXPECT_EQ(onDisk("intents"), 1);
}

TEST_F(JournalBatchTest, BeginWriteCommitsTheBatchBeforeTheWriteIsSent)
{
    Journal::Batch batch(*m_journal);
    const qint64 first = m_journal->recordIntent(QStringLiteral("A"), QStringLiteral("desk"),
                                                 QStringLiteral("desk"));
    m_journal->recordIntent(QStringLiteral("B"), QStringLiteral("desk"), QStringLiteral("desk"));
    EXPECT_EQ(onDisk("intents"), 0);
    // The caller sends the write right after beginWrite(): the write and everything recorded
    // before it are on disk when it returns, so a crash while it is in flight loses nothing
    // that was sent.
    const qint64 write =
        m_journal->beginWrite(first, QStringLiteral("put"), Item(), QStringLiteral("PUT"));
    ASSERT_GT(write, 0);
    EXPECT_EQ(onDisk("intents"), 2);
    EXPECT_EQ(onDisk("writes"), 1);
    EXPECT_TRUE(m_journal->inBatch()) << "the batch goes on";
    // Outcomes after the barrier are batched again: a crash before the commit leaves the write
    // "sent", which recovery settles by re-reading the item.
    m_journal->endWrite(write, QStringLiteral("ok"), QStringLiteral("HTTP 200"));
    m_journal->finishIntent(first, Outcome::Done, QStringLiteral("done"));
    EXPECT_EQ(m_journal->intent(first)->writes.at(0).status, QStringLiteral("ok"));
    EXPECT_TRUE(batch.commit());
    m_journal.reset();
    auto reopened = Journal::open(path());
    ASSERT_TRUE(reopened.isOk());
    EXPECT_EQ(reopened.value()->intent(first)->writes.at(0).status, QStringLiteral("ok"));
    EXPECT_EQ(reopened.value()->pendingCount(), 1);
}

TEST_F(JournalBatchTest, AnInnerBatchJoinsTheOuterOneWhichAloneCommits)
{
    Journal::Batch outer(*m_journal);
    {
        Journal::Batch inner(*m_journal);
        m_journal->recordIntent(QStringLiteral("A"), QStringLiteral("desk"),
                                QStringLiteral("desk"));
        EXPECT_TRUE(inner.commit());
        EXPECT_EQ(onDisk("intents"), 0) << "the outer batch is still open";
        EXPECT_TRUE(m_journal->inBatch());
    }
    {
        Journal::Batch inner(*m_journal);
        m_journal->recordIntent(QStringLiteral("B"), QStringLiteral("desk"),
                                QStringLiteral("desk"));
        inner.rollback(); // an inner rollback dooms the outer batch
    }
    EXPECT_FALSE(outer.commit());
    EXPECT_TRUE(m_journal->intents().empty());
    EXPECT_FALSE(m_journal->inBatch());
}

TEST_F(JournalBatchTest, ABatchLeftOpenIsCommittedWhenItGoesOutOfScope)
{
    {
        Journal::Batch batch(*m_journal);
        m_journal->recordIntent(QStringLiteral("A"), QStringLiteral("desk"),
                                QStringLiteral("desk"));
    }
    EXPECT_FALSE(m_journal->inBatch());
    EXPECT_EQ(onDisk("intents"), 1) << "records are facts: a forgotten commit keeps them";
}

TEST_F(JournalBatchTest, WithoutABatchEveryRecordIsOnDiskAtOnce)
{
    EXPECT_FALSE(m_journal->inBatch());
    const qint64 intent = m_journal->recordIntent(QStringLiteral("A"), QStringLiteral("desk"),
                                                  QStringLiteral("desk"));
    EXPECT_EQ(onDisk("intents"), 1);
    m_journal->finishIntent(intent, Outcome::Done, QString());
    EXPECT_EQ(m_journal->pendingCount(), 0);
}
