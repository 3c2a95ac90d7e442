// Journal: durability of intents and writes, the single-instance lock, the offline queue order
// and the undo candidate.
#include "TestSupport.h"

#include "journal/Journal.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace migdesk;

namespace {

Item fixtureItem()
{
    auto item = parseItem(test::readFixture(QStringLiteral("alma/item_response.json")));
    EXPECT_TRUE(item.isOk());
    return item.value();
}

class JournalTest : public ::testing::Test {
protected:
    QString path() const { return m_dir.filePath(QStringLiteral("journal.sqlite")); }
    std::unique_ptr<Journal> openJournal()
    {
        auto opened = Journal::open(path());
        EXPECT_TRUE(opened.isOk()) << opened.error().message.toStdString();
        return opened.isOk() ? std::move(opened.value()) : nullptr;
    }
    QTemporaryDir m_dir;
};

} // namespace

TEST_F(JournalTest, SecondOpenOfTheSamePathFailsWithAValidationError)
{
    auto first = openJournal();
    ASSERT_TRUE(first);
    auto second = Journal::open(path());
    ASSERT_FALSE(second.isOk());
    EXPECT_EQ(second.error().kind, ErrorKind::Validation);
    EXPECT_TRUE(second.error().message.contains(QStringLiteral("in use")));
    first.reset();
    auto third = Journal::open(path());
    EXPECT_TRUE(third.isOk()) << "the lock is released when the first journal closes";
}

TEST_F(JournalTest, UsesWalAndFullSync)
{
    auto journal = openJournal();
    ASSERT_TRUE(journal);
    journal->recordIntent(QStringLiteral("B1"), QStringLiteral("desk"), QStringLiteral("desk"));
    EXPECT_TRUE(QFile::exists(path() + QStringLiteral("-wal")));
}

TEST_F(JournalTest, IntentsAndWritesSurviveReopening)
{
    const Item item = fixtureItem();
    qint64 intentId = 0;
    qint64 writeId = 0;
    {
        auto journal = openJournal();
        ASSERT_TRUE(journal);
        intentId =
            journal->recordIntent(item.barcode, QStringLiteral("batch"), QStringLiteral("desk"), 7);
        ASSERT_GT(intentId, 0);
        journal->recordLookup(intentId, item, {QStringLiteral("DAMAGED")},
                              QStringLiteral("{\"steps\":[]}"));
        writeId = journal->beginWrite(intentId, QStringLiteral("put"), item,
                                      QStringLiteral("physical_condition -> DAMAGED"));
        ASSERT_GT(writeId, 0);
        // The process "dies" here: the write is sent, no reply recorded.
    }
    auto journal = openJournal();
    ASSERT_TRUE(journal);
    auto unfinished = journal->unfinishedIntents();
    ASSERT_EQ(unfinished.size(), 1u);
    const JournalIntent &intent = unfinished.front();
    EXPECT_EQ(intent.id, intentId);
    EXPECT_EQ(intent.runId, 7);
    EXPECT_EQ(intent.barcode, item.barcode);
    EXPECT_EQ(intent.statusIds, QStringList{QStringLiteral("DAMAGED")});
    EXPECT_EQ(intent.itemPath, item.itemPath());
    EXPECT_FALSE(intent.outcome.has_value());
    ASSERT_EQ(intent.writes.size(), 1u);
    EXPECT_EQ(intent.writes.front().status, QStringLiteral("sent"));
    EXPECT_TRUE(intent.hasOpenWrite());
    auto before = parseItem(intent.writes.front().beforeJson);
    ASSERT_TRUE(before.isOk());
    EXPECT_EQ(before.value().modificationDate, item.modificationDate);

    journal->endWrite(writeId, QStringLiteral("verified_ok"), QStringLiteral("re-read"));
    journal->finishIntent(intentId, Outcome::Done, QStringLiteral("verified"));
    EXPECT_TRUE(journal->unfinishedIntents().empty());
    auto done = journal->intent(intentId);
    ASSERT_TRUE(done.has_value());
    EXPECT_EQ(done->outcome, Outcome::Done);
    EXPECT_FALSE(done->hasOpenWrite());
}

TEST_F(JournalTest, PendingIntentsFormTheQueueInOrder)
{
    auto journal = openJournal();
    ASSERT_TRUE(journal);
    const qint64 a =
        journal->recordIntent(QStringLiteral("A"), QStringLiteral("desk"), QStringLiteral("desk"));
    const qint64 b =
        journal->recordIntent(QStringLiteral("B"), QStringLiteral("desk"), QStringLiteral("desk"));
    const qint64 c =
        journal->recordIntent(QStringLiteral("C"), QStringLiteral("desk"), QStringLiteral("desk"));
    journal->finishIntent(a, Outcome::Pending, QStringLiteral("Alma unreachable"));
    journal->finishIntent(b, Outcome::Done, QStringLiteral("returned"));
    journal->finishIntent(c, Outcome::Pending, QStringLiteral("Alma unreachable"));
    const qint64 d =
        journal->recordIntent(QStringLiteral("D"), QStringLiteral("desk"), QStringLiteral("desk"));
    auto queue = journal->unfinishedIntents();
    ASSERT_EQ(queue.size(), 3u);
    EXPECT_EQ(queue[0].id, a);
    EXPECT_EQ(queue[1].id, c);
    EXPECT_EQ(queue[2].id, d);
    EXPECT_EQ(journal->pendingCount(), 3);
    EXPECT_EQ(queue[0].outcome, Outcome::Pending);
}

TEST_F(JournalTest, LastFieldChangeSkipsUndoneAndFailedWrites)
{
    auto journal = openJournal();
    ASSERT_TRUE(journal);
    Item before = fixtureItem();
    Item after = before;
    after.physicalCondition = {QStringLiteral("DAMAGED"), QStringLiteral("Damaged")};
    const qint64 intentId =
        journal->recordIntent(before.barcode, QStringLiteral("desk"), QStringLiteral("desk"));
    EXPECT_FALSE(journal->lastFieldChange().has_value());

    const qint64 first =
        journal->beginWrite(intentId, QStringLiteral("put"), before, QStringLiteral("condition"));
    journal->endWrite(first, QStringLiteral("ok"), QStringLiteral("200"), after);
    const qint64 failed =
        journal->beginWrite(intentId, QStringLiteral("put"), after, QStringLiteral("note"));
    journal->endWrite(failed, QStringLiteral("failed"), QStringLiteral("400"));
    const qint64 scan =
        journal->beginWrite(intentId, QStringLiteral("scan_in"), after, QStringLiteral("scan in"));
    journal->endWrite(scan, QStringLiteral("ok"), QStringLiteral("200"));

    auto change = journal->lastFieldChange();
    ASSERT_TRUE(change.has_value());
    EXPECT_EQ(change->writeId, first);
    EXPECT_EQ(change->barcode, before.barcode);
    EXPECT_TRUE(change->hasAfter);
    EXPECT_EQ(change->after.physicalCondition.value, QStringLiteral("DAMAGED"));
    EXPECT_EQ(change->before.physicalCondition, before.physicalCondition);

    const qint64 undo =
        journal->beginWrite(intentId, QStringLiteral("put"), after, QStringLiteral("undo"), first);
    journal->endWrite(undo, QStringLiteral("ok"), QStringLiteral("200"), before);
    EXPECT_FALSE(journal->lastFieldChange().has_value())
        << "an undone change and the undo itself are not offered again";
}

TEST_F(JournalTest, RunsAreNumberedAndFinishable)
{
    auto journal = openJournal();
    ASSERT_TRUE(journal);
    EXPECT_FALSE(journal->latestRun().has_value());
    const qint64 first = journal->beginRun(QStringLiteral("abc"), QStringLiteral("desk"), false);
    journal->finishRun(first);
    const qint64 second =
        journal->beginRun(QStringLiteral("def"), QStringLiteral("followup"), true);
    auto latest = journal->latestRun();
    ASSERT_TRUE(latest.has_value());
    EXPECT_EQ(latest->id, second);
    EXPECT_EQ(latest->inputDigest, QStringLiteral("def"));
    EXPECT_TRUE(latest->dryRun);
    EXPECT_FALSE(latest->finished);
    JournalQuery query;
    query.runId = second;
    EXPECT_TRUE(journal->intents(query).empty());
}

TEST_F(JournalTest, AGarbageFileIsRefusedWithAClearError)
{
    QFile file(path());
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    auto opened = Journal::open(path());
    ASSERT_FALSE(opened.isOk());
    EXPECT_EQ(opened.error().kind, ErrorKind::Validation);
}
