// The desk when Alma's daily API budget is used up: like an unreachable Alma, scans keep being
// accepted, are journaled as pending and wait in order; when Alma answers again (the budget is
// reset) the queue is worked off, each item written once.
#include "DeskFixture.h"

#include <QSignalSpy>

namespace migdesk::test {

namespace {

class DailyBudgetDesk : public DeskFixture {
protected:
    // A sandbox on the same port whose daily budget is already spent.
    void startSpentSandbox()
    {
        stopSandbox();
        sandbox::SandboxOptions options;
        options.dailyBudget = 0;
        auto server = std::make_unique<sandbox::SandboxServer>(options);
        QString error;
        ASSERT_TRUE(server->loadData(deskTestData(), &error)) << error.toStdString();
        ASSERT_TRUE(server->listen(QHostAddress::LocalHost, m_port));
        m_server = std::move(server);
    }
};

} // namespace

TEST_F(DailyBudgetDesk, ScansWaitWhileTheBudgetIsSpentAndAreAppliedOnceAfter)
{
    startSpentSandbox();
    ASSERT_FALSE(HasFatalFailure());
    QSignalSpy offline(m_session.get(), &ScanSession::offlineChanged);
    ASSERT_TRUE(m_session->submit(demo::missing));
    const qint64 first = lastId();
    ASSERT_TRUE(m_session->submit(demo::missing2));
    const qint64 second = lastId();
    ASSERT_TRUE(waitFor(
        [&] { return m_session->isOffline() && record(second).stage == ScanStage::Queued; }));
    EXPECT_GE(m_session->queueLength(), 1);
    EXPECT_EQ(record(first).outcome, Outcome::Pending);
    EXPECT_EQ(record(second).outcome, Outcome::Pending);
    // It is the daily budget that stops it (not a network fault), and staff are told so.
    EXPECT_TRUE(record(second).message.contains(QStringLiteral("daily Alma API allowance")))
        << record(second).message.toStdString();
    EXPECT_EQ(m_journal->pendingCount(), 2);
    EXPECT_TRUE(writesFor(demo::missing).empty());
    EXPECT_TRUE(writesFor(demo::missing2).empty());

    // The next day: the budget is back.
    stopSandbox();
    startSandbox(m_port);
    ASSERT_TRUE(waitFor(
        [&] {
            return record(first).stage == ScanStage::Finished &&
                   record(second).stage == ScanStage::Finished;
        },
        30000));
    EXPECT_EQ(record(first).outcome, Outcome::Done) << record(first).message.toStdString();
    EXPECT_EQ(record(second).outcome, Outcome::Done) << record(second).message.toStdString();
    EXPECT_EQ(m_session->recordIds(), (std::vector<qint64>{first, second}));
    EXPECT_FALSE(m_session->isOffline());
    EXPECT_EQ(m_session->queueLength(), 0);
    EXPECT_EQ(writesFor(demo::missing).size(), 1u);
    EXPECT_EQ(writesFor(demo::missing2).size(), 1u);
    EXPECT_EQ(m_journal->pendingCount(), 0);
    ASSERT_GE(offline.count(), 2);
    EXPECT_TRUE(offline.first().at(0).toBool());
    EXPECT_FALSE(offline.last().at(0).toBool());
}

} // namespace migdesk::test
