// ScanSession::chooseAction against the in-process sandbox: staff pick one action for an item
// that needs review; it goes through the executor (journal, stale check) and is written once.
#include "DeskFixture.h"

#include <QTest>

using namespace migdesk;
using namespace migdesk::test;

namespace {

int writesOfMethod(const std::vector<sandbox::Operation> &ops, const char *method)
{
    int n = 0;
    for (const auto &op : ops)
        n += op.method == QLatin1String(method) ? 1 : 0;
    return n;
}

} // namespace

class ChooseActionTest : public DeskFixture {
protected:
    // Scans the unknown-note item and waits until it needs review.
    qint64 scanUnknown()
    {
        EXPECT_TRUE(m_session->submit(demo::unknownNote));
        const qint64 id = lastId();
        EXPECT_TRUE(waitSettled(id));
        EXPECT_EQ(record(id).outcome, Outcome::NeedsStaff);
        return id;
    }
};

TEST_F(ChooseActionTest, ReturnPickedForAnUnknownNoteScansInOnce)
{
    const qint64 id = scanUnknown();
    ASSERT_EQ(record(id).plan.stepNames(), QStringList{QStringLiteral("NEEDS_REVIEW")});
    m_session->chooseAction(id, StepType::Return);
    ASSERT_TRUE(waitFor([&] { return record(id).stage == ScanStage::Finished; }));
    EXPECT_EQ(record(id).outcome, Outcome::Done) << record(id).message.toStdString();
    EXPECT_EQ(record(id).plan.stepNames(), QStringList{QStringLiteral("RETURN")});
    const auto writes = writesFor(demo::unknownNote);
    ASSERT_EQ(writes.size(), 1u);
    EXPECT_EQ(writes[0].method, QStringLiteral("POST"));
    EXPECT_EQ(writes[0].query.value(QStringLiteral("op")), QStringLiteral("scan"));
    EXPECT_EQ(m_journal->intent(record(id).intentId)->outcome, Outcome::Done);

    // Done is done: a second pick or another action writes nothing more.
    m_session->chooseAction(id, StepType::Return);
    m_session->chooseAction(id, StepType::SetCondition);
    QTest::qWait(200);
    EXPECT_EQ(writesFor(demo::unknownNote).size(), 1u);
}

TEST_F(ChooseActionTest, SetConditionPickedWritesTheConfiguredCode)
{
    const qint64 id = scanUnknown();
    m_session->chooseAction(id, StepType::SetCondition);
    ASSERT_TRUE(waitFor([&] { return record(id).stage == ScanStage::Finished; }));
    // Set, but still in Technical - Migration: its own outcome, never Done.
    EXPECT_EQ(record(id).outcome, Outcome::StillMigration) << record(id).message.toStdString();
    const auto writes = writesFor(demo::unknownNote);
    EXPECT_EQ(writesOfMethod(writes, "PUT"), 1);
    EXPECT_EQ(writesOfMethod(writes, "POST"), 0);
    const auto item = m_server->itemJson(demo::unknownNote);
    EXPECT_EQ(item["item_data"]["physical_condition"]["value"], "DAMAGED");
}

TEST_F(ChooseActionTest, AStaleItemIsNotWritten)
{
    const qint64 id = scanUnknown();
    ASSERT_TRUE(m_server->touchItem(demo::unknownNote));
    m_session->chooseAction(id, StepType::SetCondition);
    ASSERT_TRUE(waitFor([&] { return record(id).stage == ScanStage::Finished; }));
    EXPECT_EQ(record(id).outcome, Outcome::Error);
    EXPECT_EQ(record(id).result.error.kind, ErrorKind::Stale) << record(id).message.toStdString();
    EXPECT_EQ(writesOfMethod(writesFor(demo::unknownNote), "PUT"), 0);
}

TEST_F(ChooseActionTest, WithdrawPickedStillNeedsTheConfirmation)
{
    const qint64 id = scanUnknown();
    m_session->chooseAction(id, StepType::Withdraw);
    QTest::qWait(200);
    EXPECT_EQ(record(id).stage, ScanStage::Planned);
    EXPECT_EQ(record(id).outcome, Outcome::NeedsStaff);
    EXPECT_TRUE((record(id).awaiting == Awaiting::WithdrawConfirmation));
    EXPECT_TRUE(writesFor(demo::unknownNote).empty());
    // Enter does not answer it.
    m_session->confirm(id);
    QTest::qWait(200);
    EXPECT_TRUE(writesFor(demo::unknownNote).empty());

    m_session->confirmWithdraw(id);
    ASSERT_TRUE(waitFor([&] { return record(id).stage == ScanStage::Finished; }));
    EXPECT_EQ(record(id).outcome, Outcome::Done) << record(id).message.toStdString();
    EXPECT_EQ(writesOfMethod(writesFor(demo::unknownNote), "DELETE"), 1);
}

TEST_F(ChooseActionTest, OnlyForReviewAndOnlyTheOfferedActions)
{
    const qint64 id = scanUnknown();
    // Not an action staff may pick here.
    m_session->chooseAction(id, StepType::WorkOrder);
    m_session->chooseAction(id, StepType::Decide);
    QTest::qWait(200);
    EXPECT_EQ(record(id).outcome, Outcome::NeedsStaff);
    EXPECT_EQ(record(id).plan.stepNames(), QStringList{QStringLiteral("NEEDS_REVIEW")});
    m_session->skip(id);

    // A planned item (Withdrawn waits for its confirmation) is not a review: nothing changes.
    ASSERT_TRUE(m_session->submit(demo::withdrawn));
    const qint64 withdrawn = lastId();
    ASSERT_TRUE(waitSettled(withdrawn));
    m_session->chooseAction(withdrawn, StepType::Return);
    QTest::qWait(200);
    EXPECT_EQ(record(withdrawn).plan.stepNames(), QStringList{QStringLiteral("WITHDRAW")});
    EXPECT_TRUE(writesFor(demo::withdrawn).empty());
}

TEST_F(ChooseActionTest, DryRunWritesNothing)
{
    SessionSettings settings = defaultSettings();
    settings.dryRun = true;
    makeSession(settings);
    // In a dry run the review is only shown as planned; a pick afterwards writes nothing.
    ASSERT_TRUE(m_session->submit(demo::unknownNote));
    const qint64 id = lastId();
    ASSERT_TRUE(waitFor([&] { return record(id).stage == ScanStage::Finished; }));
    EXPECT_EQ(record(id).outcome, Outcome::DryRun);
    m_session->chooseAction(id, StepType::Return);
    QTest::qWait(200);
    EXPECT_EQ(record(id).outcome, Outcome::DryRun);
    EXPECT_TRUE(m_server->operations().empty());
}
