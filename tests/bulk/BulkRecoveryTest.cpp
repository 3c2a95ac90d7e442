// What a bulk run does with what the journal says after a crash, and the limit messages.
#include "BulkHarness.h"

#include "bulk/BulkMessages.h"
#include "bulk/BulkState.h"

#include <gtest/gtest.h>

using namespace migdesk;
using migdesk::test::barcodeRange;
using migdesk::test::BulkHarness;

namespace {

// A run that crashed between sending the job's run request and reading the answer.
BulkState crashedAfterRunSent(Journal &journal, const QString &jobId, const QStringList &barcodes)
{
    BulkState state;
    state.action = BulkAction::Missing;
    state.runId = journal.beginRun(QStringLiteral("test"), QStringLiteral("followup"), false);
    state.jobIntentId =
        journal.recordIntent(QString(), bulkJobSource(), QStringLiteral("followup"), state.runId);
    for (const QString &barcode : barcodes)
        state.items.push_back(
            {barcode, journal.recordIntent(barcode, bulkItemSource(), QStringLiteral("followup"),
                                           state.runId)});
    state.templateJson = QString::fromUtf8(JobTemplate::changePhysicalItems().toJson());
    state.statusCode = QStringLiteral("MISSING");
    state.conditionCode = QStringLiteral("DAMAGED");
    state.setName = QStringLiteral("MigDesk Missing 2026-11-28 Main desk");
    state.setId = QStringLiteral("90000000000013601");
    state.membersAdded = int(barcodes.size());
    state.jobId = jobId;
    journal.setIntentDetail(state.jobIntentId, state.toJson());
    journal.beginWrite(state.jobIntentId, QStringLiteral("job_run"), Item(),
                       QStringLiteral("run job"));
    return state;
}

TEST(BulkRecoveryTest, LostRunAnswerIsNeverResent)
{
    BulkHarness h(5, 1);
    ASSERT_TRUE(h.loaded && h.journal);
    crashedAfterRunSent(*h.journal, h.server->options().jobId, barcodeRange(5));
    const auto unfinished = findUnfinishedBulkRuns(*h.journal);
    ASSERT_EQ(unfinished.size(), 1u);
    EXPECT_EQ(unfinished[0].stage, QStringLiteral("job_unknown"));

    BulkRunner runner(h.client.get(), h.journal.get());
    QSignalSpy finished(&runner, &BulkRunner::finished);
    runner.resume(unfinished[0], BulkRequest());
    const BulkSummary summary = BulkHarness::wait(finished);
    EXPECT_EQ(summary.count(Outcome::NeedsStaff), 5);
    EXPECT_TRUE(summary.message.contains(QStringLiteral("Monitor Jobs")));
    EXPECT_TRUE(h.server->operations().empty()); // nothing sent: no second run, no new set
    EXPECT_TRUE(findUnfinishedBulkRuns(*h.journal).empty());
}

TEST(BulkRecoveryTest, StateRoundTripsThroughTheJournalDetail)
{
    BulkState state;
    state.action = BulkAction::Damaged;
    state.runId = 7;
    state.setId = QStringLiteral("123");
    state.setName = QStringLiteral("MigDesk Damaged 2026-11-28 Main desk");
    state.jobId = QStringLiteral("M18");
    state.instanceId = QStringLiteral("456");
    state.membersAdded = 2;
    state.items = {{QStringLiteral("A"), 1}, {QStringLiteral("B \"q\""), 2}};
    state.invalid = {QStringLiteral("B \"q\"")};
    state.unconfirmed = {QStringLiteral("A")};
    state.memberCount = 1;
    const auto back = BulkState::fromJson(state.toJson());
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->action, BulkAction::Damaged);
    EXPECT_EQ(back->runId, 7);
    EXPECT_EQ(back->instanceId, QStringLiteral("456"));
    EXPECT_EQ(back->membersAdded, 2);
    ASSERT_EQ(back->items.size(), 2u);
    EXPECT_EQ(back->items[1].barcode, QStringLiteral("B \"q\""));
    EXPECT_EQ(back->items[1].intentId, 2);
    EXPECT_EQ(back->invalid, state.invalid);
    EXPECT_EQ(back->unconfirmed, state.unconfirmed);
    EXPECT_EQ(back->memberCount, 1);
    EXPECT_FALSE(BulkState::fromJson(QStringLiteral("{\"kind\":\"other\"}")).has_value());
    EXPECT_FALSE(BulkState::fromJson(QStringLiteral("not json")).has_value());
}

TEST(BulkRecoveryTest, LimitMessagesSayWhatToDo)
{
    const QString set = QStringLiteral("MigDesk Missing 2026-11-28 Main desk");
    ApiError error =
        ApiError::make(ErrorKind::Alma, QStringLiteral("x"), 400, QStringLiteral("402222"));
    EXPECT_TRUE(isJobLimitError(error));
    EXPECT_TRUE(jobStartErrorMessage(error, QStringLiteral("M18"), set).contains(set));
    EXPECT_TRUE(jobStartErrorMessage(error, QStringLiteral("M18"), set)
                    .contains(QStringLiteral("Monitor Jobs")));
    error.code = QStringLiteral("402223");
    EXPECT_TRUE(jobStartErrorMessage(error, QStringLiteral("M18"), set)
                    .contains(QStringLiteral("in an hour")));
    error.code = QStringLiteral("60347");
    EXPECT_TRUE(isJobLimitError(error));
    EXPECT_TRUE(
        jobStartErrorMessage(error, QStringLiteral("M18"), set).contains(QStringLiteral("60347")));
    error.code = QStringLiteral("40166404");
    EXPECT_FALSE(isJobLimitError(error));
}

TEST(BulkRecoveryTest, VerifyPolicyText)
{
    EXPECT_EQ(VerifyPolicy::fromText(QStringLiteral("all"))->mode, VerifyPolicy::Mode::All);
    EXPECT_EQ(VerifyPolicy::fromText(QStringLiteral("sample:12"))->sampleSize, 12);
    EXPECT_FALSE(VerifyPolicy::fromText(QStringLiteral("sample:0")).has_value());
    EXPECT_FALSE(VerifyPolicy::fromText(QStringLiteral("some")).has_value());
    EXPECT_EQ(VerifyPolicy::fromText(QStringLiteral("sample:3"))->toText(),
              QStringLiteral("sample:3"));
}

} // namespace
