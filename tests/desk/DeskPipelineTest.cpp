// The pipelined desk: lookups of queued scans run ahead, writes of different items overlap, an
// item that needs staff holds the card but not the cart, a second scan of an item in flight never
// writes twice, and under random latency, jitter and 429 storms (and an abandoned session taken
// up again from the journal) no item is written twice and none is dropped.
#include "DeskFixture.h"

#include <QRandomGenerator>
#include <QTest>

#include <map>

namespace migdesk::test {
namespace {

class DeskPipelineTest : public DeskFixture {
protected:
    // Scans accepted by Alma (2xx) per barcode, from the sandbox's write log.
    std::map<QString, int> appliedWrites() const
    {
        std::map<QString, int> out;
        for (const auto &op : m_server->operations()) {
            if (op.status >= 200 && op.status < 300)
                ++out[op.barcode.isEmpty() ? op.itemPid.mid(2) : op.barcode];
        }
        return out;
    }
    bool allFinished() const
    {
        for (qint64 id : m_session->recordIds()) {
            if (record(id).stage != ScanStage::Finished)
                return false;
        }
        return true;
    }
    // A session that dies with calls in flight: the session, executor and client go away
    // without finishing anything, as after kill -9 (the journal is written synchronously, so it
    // holds what a killed process would have left). A fresh set takes over the same journal.
    void abandonAndRestart()
    {
        m_session.reset();
        m_executor.reset();
        m_client.reset();
        makeClient();
        makeExecutor();
        makeSession(defaultSettings());
    }
};

TEST_F(DeskPipelineTest, AnItemWaitingForStaffHoldsTheCardNotTheCart)
{
    ASSERT_TRUE(m_session->submit(demo::withdrawn)); // waits for its confirmation
    const qint64 waiting = lastId();
    std::vector<qint64> later;
    for (const QString &barcode : {demo::missing, demo::damaged, demo::missing2}) {
        ASSERT_TRUE(m_session->submit(barcode));
        later.push_back(lastId());
    }
    for (qint64 id : later) {
        ASSERT_TRUE(waitFor([&] { return record(id).stage == ScanStage::Finished; }));
        EXPECT_EQ(record(id).outcome, Outcome::Done) << record(id).message.toStdString();
    }
    EXPECT_EQ(record(waiting).stage, ScanStage::Planned);
    EXPECT_EQ(record(waiting).awaiting, Awaiting::WithdrawConfirmation);
    EXPECT_EQ(m_session->currentId(), waiting) << "the waiting item stays on the card";
    EXPECT_EQ(m_session->waitingForStaffCount(), 1);
    EXPECT_TRUE(writesFor(demo::withdrawn).empty());
    // History keeps scan order.
    std::vector<qint64> expected{waiting};
    expected.insert(expected.end(), later.begin(), later.end());
    EXPECT_EQ(m_session->recordIds(), expected);
    // Once answered, the card moves on to the newest finished item.
    m_session->skip(waiting);
    EXPECT_EQ(record(waiting).outcome, Outcome::Skipped);
    EXPECT_EQ(m_session->waitingForStaffCount(), 0);
    EXPECT_NE(m_session->currentId(), waiting);
}

TEST_F(DeskPipelineTest, TwoItemsWaitingShowTheOldestAndCountTheOther)
{
    ASSERT_TRUE(m_session->submit(demo::withdrawn));
    const qint64 first = lastId();
    ASSERT_TRUE(m_session->submit(demo::unknownNote)); // needs review
    const qint64 second = lastId();
    ASSERT_TRUE(m_session->submit(demo::missing));
    const qint64 third = lastId();
    ASSERT_TRUE(waitFor([&] { return record(third).stage == ScanStage::Finished; }));
    ASSERT_TRUE(waitFor([&] { return record(second).stage == ScanStage::Planned; }));
    EXPECT_EQ(record(second).awaiting, Awaiting::Review);
    EXPECT_EQ(m_session->currentId(), first);
    EXPECT_EQ(m_session->waitingForStaffCount(), 2);
    m_session->skip(first);
    EXPECT_EQ(m_session->currentId(), second) << "the next waiting item comes to the card";
}

TEST_F(DeskPipelineTest, LookupsRunAheadAndWritesOverlap)
{
    sandbox::Faults faults;
    faults.latencyMs = 150;
    m_server->setFaults(faults);
    int maxInFlight = 0;
    QObject::connect(m_session.get(), &ScanSession::recordChanged, m_session.get(),
                     [&] { maxInFlight = std::max(maxInFlight, m_session->inFlightCount()); });
    std::vector<qint64> ids;
    for (int i = 1; i <= 10; ++i) {
        ASSERT_TRUE(m_session->submit(demo::burst(i)));
        ids.push_back(lastId());
    }
    ASSERT_TRUE(waitFor([&] { return allFinished(); }, 60000));
    EXPECT_GT(maxInFlight, 1) << "lookups run ahead of earlier items";
    EXPECT_LE(maxInFlight, defaultSettings().maxInFlight);
    EXPECT_EQ(m_session->recordIds(), ids) << "the history keeps scan order";
    const auto applied = appliedWrites();
    for (int i = 1; i <= 10; ++i) {
        EXPECT_EQ(record(ids[static_cast<size_t>(i - 1)]).outcome, Outcome::Done);
        EXPECT_EQ(applied.count(demo::burst(i)) ? applied.at(demo::burst(i)) : 0, 1)
            << demo::burst(i).toStdString();
    }
}

TEST_F(DeskPipelineTest, OneAtATimeHoldsTheQueueWhileStaffAnswer)
{
    SessionSettings settings = defaultSettings();
    settings.oneAtATime = true;
    makeSession(settings);
    ASSERT_TRUE(m_session->submit(demo::withdrawn));
    const qint64 waiting = lastId();
    ASSERT_TRUE(m_session->submit(demo::missing));
    const qint64 next = lastId();
    ASSERT_TRUE(waitFor([&] { return record(waiting).stage == ScanStage::Planned; }));
    QTest::qWait(300);
    EXPECT_EQ(record(next).stage, ScanStage::Queued) << "one at a time: the cart waits";
    m_session->skip(waiting);
    ASSERT_TRUE(waitFor([&] { return record(next).stage == ScanStage::Finished; }));
    EXPECT_EQ(record(next).outcome, Outcome::Done);
}

TEST_F(DeskPipelineTest, ASecondScanOfAnItemInFlightNeverWritesTwice)
{
    SessionSettings settings = defaultSettings();
    settings.repeatWindowMs = 0; // not the scanner's double trigger: a real second scan
    makeSession(settings);
    sandbox::Faults faults;
    faults.latencyMs = 200;
    m_server->setFaults(faults);
    ASSERT_TRUE(m_session->submit(demo::damaged));
    const qint64 first = lastId();
    QTest::qWait(50);
    ASSERT_TRUE(m_session->submit(demo::damaged));
    const qint64 second = lastId();
    EXPECT_EQ(record(second).stage, ScanStage::Finished);
    EXPECT_EQ(record(second).outcome, Outcome::Skipped);
    EXPECT_TRUE(record(second).repeatFlagged);
    ASSERT_TRUE(waitFor([&] { return record(first).stage == ScanStage::Finished; }));
    EXPECT_EQ(record(first).outcome, Outcome::Done);
    const auto applied = appliedWrites();
    EXPECT_EQ(applied.at(demo::damaged), 2) << "one PUT and one scan-in, once";
    // Finished: a later scan of the same item is looked up again and writes nothing new.
    ASSERT_TRUE(m_session->submit(demo::damaged));
    const qint64 third = lastId();
    ASSERT_TRUE(waitFor([&] { return record(third).stage == ScanStage::Finished; }));
    EXPECT_EQ(appliedWrites().at(demo::damaged), 2);
}

class DeskPipelineStormTest : public DeskPipelineTest,
                              public ::testing::WithParamInterface<quint32> {};

TEST_P(DeskPipelineStormTest, JitterAnd429sNeitherDropNorRepeatAWrite)
{
    QRandomGenerator random(GetParam());
    sandbox::Faults faults;
    faults.latencyMs = 20;
    faults.jitterMs = 250;
    faults.p429 = 0.3;
    m_server->setFaults(faults);
    std::vector<qint64> ids;
    QStringList barcodes;
    for (int i = 1; i <= 14; ++i)
        barcodes.append(demo::burst(i));
    barcodes.append({demo::damaged, demo::missing, demo::missing2});
    for (const QString &barcode : barcodes) {
        ASSERT_TRUE(m_session->submit(barcode));
        ids.push_back(lastId());
        QTest::qWait(static_cast<int>(random.bounded(120)));
    }
    ASSERT_TRUE(waitFor([&] { return allFinished(); }, 120000));
    EXPECT_EQ(m_session->recordIds(), ids);
    const auto applied = appliedWrites();
    for (int i = 0; i < barcodes.size(); ++i) {
        const QString &barcode = barcodes.at(i);
        EXPECT_EQ(record(ids[static_cast<size_t>(i)]).outcome, Outcome::Done)
            << barcode.toStdString() << ": "
            << record(ids[static_cast<size_t>(i)]).message.toStdString();
        const int expected = barcode == demo::damaged ? 2 : 1;
        EXPECT_EQ(applied.count(barcode) ? applied.at(barcode) : 0, expected)
            << barcode.toStdString();
    }
    EXPECT_EQ(m_journal->pendingCount(), 0);
}

TEST_P(DeskPipelineStormTest, AnAbandonedCartIsTakenUpFromTheJournalOnce)
{
    QRandomGenerator random(GetParam());
    sandbox::Faults faults;
    faults.latencyMs = 60;
    faults.jitterMs = 120;
    m_server->setFaults(faults);
    QStringList barcodes;
    for (int i = 1; i <= 12; ++i)
        barcodes.append(demo::burst(i));
    for (const QString &barcode : barcodes)
        ASSERT_TRUE(m_session->submit(barcode));
    // Die at a random moment in the middle of the cart.
    QTest::qWait(100 + static_cast<int>(random.bounded(700)));
    abandonAndRestart();
    const int offered = m_session->unfinishedCount();
    EXPECT_GT(offered, 0) << "died in the middle: something was unfinished";
    EXPECT_EQ(m_session->resumeUnfinished(), offered);
    ASSERT_TRUE(waitFor([&] { return allFinished(); }, 60000));
    for (qint64 id : m_session->recordIds())
        EXPECT_EQ(record(id).outcome, Outcome::Done) << record(id).message.toStdString();
    const auto applied = appliedWrites();
    for (const QString &barcode : barcodes) {
        EXPECT_EQ(applied.count(barcode) ? applied.at(barcode) : 0, 1)
            << barcode.toStdString() << " is returned exactly once";
        EXPECT_EQ(processType(barcode), QString()) << barcode.toStdString();
    }
    EXPECT_EQ(m_journal->pendingCount(), 0);
}

INSTANTIATE_TEST_SUITE_P(Seeds, DeskPipelineStormTest, ::testing::Values(1u, 7u, 42u));

} // namespace
} // namespace migdesk::test
