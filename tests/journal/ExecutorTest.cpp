// Executor against the in-process sandbox: call budget, stale writes, lost replies, dry run,
// Mark Missing read-back, loan verification and undo, with the journal recording each write.
#include "TestSupport.h"

#include "ExecutorSupport.h"
#include "alma/AlmaClient.h"
#include "journal/Journal.h"
#include "model/JsonUtil.h"
#include "pipeline/Executor.h"

#include <SandboxServer.h>

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

using namespace migdesk;
using migdesk::sandbox::SandboxOptions;
using migdesk::sandbox::SandboxServer;

namespace {

class ExecutorTest : public test::SandboxExecutorFixture {
protected:
    void start(SandboxOptions options) { startSandbox(options); }

    QString exampleBarcode(const QString &scenarioPart) const
    {
        return test::demoExample(*m_server, scenarioPart);
    }

    Item lookUp(const QString &barcode) { return test::lookUpItem(*m_client, barcode); }

    ExecutionResult wait(ExecutionJob *job) { return test::waitForJob(job, m_client.get()); }

    static std::vector<Step> damagedThenReturn()
    {
        Step condition;
        condition.type = StepType::SetCondition;
        condition.conditionCode = QStringLiteral("DAMAGED");
        Step ret;
        ret.type = StepType::Return;
        return {condition, ret};
    }
};

} // namespace

TEST_F(ExecutorTest, DamagedThenReturnCostsExactlyTwoCallsAfterAFreshLookup)
{
    const QString barcode = exampleBarcode(QStringLiteral("Voyager Damaged: condition"));
    const Item shown = lookUp(barcode);
    const qint64 intent =
        m_journal->recordIntent(barcode, QStringLiteral("desk"), QStringLiteral("desk"));
    const int before = m_requests;
    const ExecutionResult result = wait(
        m_executor->execute(intent, shown, damagedThenReturn(), QDateTime::currentDateTimeUtc()));
    EXPECT_EQ(result.outcome, Outcome::Done) << result.message.toStdString();
    EXPECT_EQ(m_requests - before, 2) << "PUT + POST, no re-read for a lookup just made";
    EXPECT_EQ(result.calls, 2);
    ASSERT_TRUE(result.hasAfter);
    EXPECT_EQ(result.after.physicalCondition.value, QStringLiteral("DAMAGED"));
    EXPECT_TRUE(result.after.processType.isEmpty());
    EXPECT_FALSE(result.almaSentence.isEmpty());
    EXPECT_EQ(writesTo(barcode, QStringLiteral("PUT")), 1);
    EXPECT_EQ(writesTo(barcode, QStringLiteral("POST")), 1);
    auto journaled = m_journal->intent(intent);
    ASSERT_TRUE(journaled.has_value());
    ASSERT_EQ(journaled->writes.size(), 2u);
    EXPECT_EQ(journaled->writes[0].kind, QStringLiteral("put"));
    EXPECT_EQ(journaled->writes[0].status, QStringLiteral("ok"));
    EXPECT_EQ(journaled->writes[1].kind, QStringLiteral("scan_in"));
    EXPECT_EQ(journaled->writes[1].status, QStringLiteral("ok"));
}

TEST_F(ExecutorTest, AnItemChangedSinceItWasShownIsNotOverwritten)
{
    const QString barcode = exampleBarcode(QStringLiteral("Voyager Damaged: condition"));
    const Item shown = lookUp(barcode);
    ASSERT_TRUE(m_server->touchItem(barcode)); // another Alma user edits it meanwhile
    const qint64 intent =
        m_journal->recordIntent(barcode, QStringLiteral("desk"), QStringLiteral("desk"));
    // No read time: staff looked at it for a while, so the Executor re-reads first.
    const ExecutionResult result = wait(m_executor->execute(intent, shown, damagedThenReturn()));
    EXPECT_EQ(result.outcome, Outcome::Error);
    EXPECT_EQ(result.error.kind, ErrorKind::Stale);
    EXPECT_FALSE(result.message.isEmpty());
    EXPECT_EQ(writesTo(barcode, QStringLiteral("PUT")), 0);
    EXPECT_EQ(writesTo(barcode, QStringLiteral("POST")), 0);
    EXPECT_TRUE(m_journal->intent(intent)->writes.empty());
}

TEST_F(ExecutorTest, AnOldReadIsCheckedAgainBeforeThePut)
{
    const QString barcode = exampleBarcode(QStringLiteral("Voyager Damaged: condition"));
    const Item shown = lookUp(barcode);
    ASSERT_TRUE(m_server->touchItem(barcode));
    const ExecutionResult result = wait(m_executor->execute(
        1, shown, damagedThenReturn(), QDateTime::currentDateTimeUtc().addSecs(-60)));
    EXPECT_EQ(result.error.kind, ErrorKind::Stale);
    EXPECT_EQ(writesTo(barcode, QStringLiteral("PUT")), 0);
}

TEST_F(ExecutorTest, DryRunWritesNothing)
{
    const QString barcode = exampleBarcode(QStringLiteral("Voyager Damaged: condition"));
    const Item shown = lookUp(barcode);
    ExecutorSettings settings = m_executor->settings();
    settings.dryRun = true;
    m_executor->setSettings(settings);
    const int before = m_requests;
    const ExecutionResult result = wait(m_executor->execute(1, shown, damagedThenReturn()));
    EXPECT_EQ(result.outcome, Outcome::DryRun);
    EXPECT_EQ(m_requests, before);
    EXPECT_TRUE(m_server->operations().empty());
}

TEST_F(ExecutorTest, ALostScanInReplyIsVerifiedByARereadAndNeverResent)
{
    const QString barcode = exampleBarcode(QStringLiteral("Voyager Missing, in hand"));
    const Item shown = lookUp(barcode);
    const qint64 intent =
        m_journal->recordIntent(barcode, QStringLiteral("desk"), QStringLiteral("desk"));
    sandbox::Faults drop;
    drop.pDrop = 1.0;
    m_server->setFaults(drop);
    // Once the scan-in has been applied (and its answer dropped), the sandbox behaves again.
    QTimer heal;
    QObject::connect(&heal, &QTimer::timeout, &heal, [&] {
        if (!m_server->operations().empty())
            m_server->setFaults({});
    });
    heal.start(1);
    Step ret;
    ret.type = StepType::Return;
    const ExecutionResult result =
        wait(m_executor->execute(intent, shown, {ret}, QDateTime::currentDateTimeUtc()));
    EXPECT_EQ(result.outcome, Outcome::Done) << result.message.toStdString();
    EXPECT_EQ(writesTo(barcode, QStringLiteral("POST")), 1) << "the scan-in is never resent";
    const auto writes = m_journal->intent(intent)->writes;
    ASSERT_EQ(writes.size(), 1u);
    EXPECT_EQ(writes[0].status, QStringLiteral("verified_ok"));
}

TEST_F(ExecutorTest, AnUnreachableAlmaLeavesTheItemPending)
{
    const QString barcode = exampleBarcode(QStringLiteral("Voyager Missing, in hand"));
    const Item shown = lookUp(barcode);
    m_server.reset(); // Alma goes away
    Step ret;
    ret.type = StepType::Return;
    const ExecutionResult result =
        wait(m_executor->execute(1, shown, {ret}, QDateTime::currentDateTimeUtc()));
    EXPECT_EQ(result.outcome, Outcome::Pending) << result.message.toStdString();
}

TEST_F(ExecutorTest, MarkMissingByPutNeedsStaffWhenAlmaIgnoresIt)
{
    const QString barcode = exampleBarcode(QStringLiteral("Voyager Missing, in hand"));
    const Item shown = lookUp(barcode);
    Step missing;
    missing.type = StepType::MarkMissing;
    missing.missingStrategy = QStringLiteral("put");
    const ExecutionResult result = wait(m_executor->execute(1, shown, {missing}));
    EXPECT_EQ(result.outcome, Outcome::NeedsStaff);
    EXPECT_TRUE(result.message.contains(QStringLiteral("job strategy")))
        << result.message.toStdString();
}

TEST_F(ExecutorTest, MarkMissingByPutIsDoneWhenAlmaKeepsIt)
{
    SandboxOptions options;
    options.processTypeWritable = true;
    start(options);
    const QString barcode = exampleBarcode(QStringLiteral("Voyager Missing, in hand"));
    const Item shown = lookUp(barcode);
    Step missing;
    missing.type = StepType::MarkMissing;
    missing.missingStrategy = QStringLiteral("put");
    const ExecutionResult result = wait(m_executor->execute(1, shown, {missing}));
    EXPECT_EQ(result.outcome, Outcome::Done) << result.message.toStdString();
    EXPECT_EQ(result.after.processType.value, QStringLiteral("MISSING"));
}

TEST_F(ExecutorTest, LoanActionIsDoneOnlyWhenAlmaShowsIt)
{
    const QString barcode = exampleBarcode(QStringLiteral("with an active loan: declare Lost"));
    const Item shown = lookUp(barcode);
    ExecutionResult result = wait(m_executor->verifyLoanAction(1, shown, StepType::GuideLost));
    EXPECT_EQ(result.outcome, Outcome::NeedsStaff);
    EXPECT_FALSE(result.message.isEmpty());
    ASSERT_TRUE(m_server->declareLoan(barcode, QStringLiteral("lost")));
    result = wait(m_executor->verifyLoanAction(1, shown, StepType::GuideLost));
    EXPECT_EQ(result.outcome, Outcome::Done) << result.message.toStdString();
    EXPECT_TRUE(m_server->operations().empty()) << "verification only reads";
}

TEST_F(ExecutorTest, UndoRestoresTheLastFieldChangeAndRefusesWhenStale)
{
    const QString barcode = exampleBarcode(QStringLiteral("Voyager Damaged: condition"));
    const Item shown = lookUp(barcode);
    const qint64 intent =
        m_journal->recordIntent(barcode, QStringLiteral("desk"), QStringLiteral("desk"));
    Step condition;
    condition.type = StepType::SetCondition;
    condition.conditionCode = QStringLiteral("DAMAGED");
    // The condition is set; Alma still shows Technical - Migration (no scan-in).
    ASSERT_EQ(wait(m_executor->execute(intent, shown, {condition}, QDateTime::currentDateTimeUtc()))
                  .outcome,
              Outcome::StillMigration);
    auto change = m_journal->lastFieldChange();
    ASSERT_TRUE(change.has_value());
    EXPECT_EQ(change->barcode, barcode);

    // Someone edits the item: undo must not overwrite their change.
    ASSERT_TRUE(m_server->touchItem(barcode));
    ExecutionResult stale = wait(m_executor->undo(intent, *change));
    EXPECT_EQ(stale.error.kind, ErrorKind::Stale);
    EXPECT_EQ(writesTo(barcode, QStringLiteral("PUT")), 1);
}

TEST_F(ExecutorTest, UndoPutsTheBeforeImageBack)
{
    const QString barcode = exampleBarcode(QStringLiteral("Voyager Damaged: condition"));
    const Item shown = lookUp(barcode);
    const qint64 intent =
        m_journal->recordIntent(barcode, QStringLiteral("desk"), QStringLiteral("desk"));
    Step condition;
    condition.type = StepType::SetCondition;
    condition.conditionCode = QStringLiteral("DAMAGED");
    // The condition is set; Alma still shows Technical - Migration (no scan-in).
    ASSERT_EQ(wait(m_executor->execute(intent, shown, {condition}, QDateTime::currentDateTimeUtc()))
                  .outcome,
              Outcome::StillMigration);
    auto change = m_journal->lastFieldChange();
    ASSERT_TRUE(change.has_value());
    const ExecutionResult undone = wait(m_executor->undo(intent, *change));
    EXPECT_EQ(undone.outcome, Outcome::Done) << undone.message.toStdString();
    const auto now = m_server->itemJson(barcode);
    EXPECT_EQ(json::code(now["item_data"], "physical_condition").value,
              shown.physicalCondition.value);
    EXPECT_FALSE(m_journal->lastFieldChange().has_value());
}
