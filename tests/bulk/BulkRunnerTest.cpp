// BulkRunner against the in-process sandbox: the set, chunked member adds, the job, polling,
// verification, the journal, Alma's job limits, job failure and resuming a running job.
#include "BulkHarness.h"

#include "bulk/BulkState.h"

#include <gtest/gtest.h>

#include <QSignalSpy>

using namespace migdesk;
using migdesk::test::barcodeRange;
using migdesk::test::BulkHarness;

namespace {

std::vector<JournalIntent> itemIntents(const Journal &journal)
{
    JournalQuery query;
    query.source = bulkItemSource();
    return journal.intents(query);
}

TEST(BulkRunnerTest, FiveThousandMissingItemsGoThroughSetJobAndVerification)
{
    BulkHarness h(5000, 1);
    ASSERT_TRUE(h.loaded && h.journal);
    BulkRunner runner(h.client.get(), h.journal.get());
    QSignalSpy progress(&runner, &BulkRunner::progress);
    const BulkSummary summary = BulkHarness::run(runner, h.request(barcodeRange(5000)), 110000);

    EXPECT_TRUE(summary.ok) << summary.message.toStdString();
    EXPECT_EQ(summary.setName, QStringLiteral("MigDesk Missing 2026-11-28 Main desk"));
    EXPECT_FALSE(summary.setId.isEmpty());
    EXPECT_FALSE(summary.instanceId.isEmpty());
    EXPECT_EQ(summary.jobStatus, QStringLiteral("COMPLETED_SUCCESS"));
    ASSERT_EQ(summary.items.size(), 5000u);
    EXPECT_EQ(summary.count(Outcome::Done), 5000);
    int verified = 0;
    for (const auto &item : summary.items)
        verified += item.verified ? 1 : 0;
    EXPECT_EQ(verified, 5000); // --verify all re-read every item

    // Alma's job did the work: one set, five adds of 1,000, one run; no per-item write.
    EXPECT_EQ(h.countOps(QStringLiteral("POST"), QStringLiteral("/conf/sets")), 6);
    EXPECT_EQ(h.countOps(QStringLiteral("POST"), QStringLiteral("/conf/sets/"),
                         QStringLiteral("add_members")),
              5);
    EXPECT_EQ(
        h.countOps(QStringLiteral("POST"), QStringLiteral("/conf/jobs/"), QStringLiteral("run")),
        1);
    EXPECT_EQ(h.countOps(QStringLiteral("PUT"), QStringLiteral("/items/")), 0);
    EXPECT_EQ(h.countOps(QStringLiteral("POST"), QStringLiteral("/items/")), 0);

    for (const QString &barcode : barcodeRange(5000))
        ASSERT_EQ(h.processType(barcode), QStringLiteral("MISSING")) << barcode.toStdString();

    // The journal has every item's outcome and nothing left to resume.
    const auto intents = itemIntents(*h.journal);
    ASSERT_EQ(intents.size(), 5000u);
    for (const auto &intent : intents)
        ASSERT_EQ(intent.outcome, Outcome::Done) << intent.barcode.toStdString();
    EXPECT_TRUE(findUnfinishedBulkRuns(*h.journal).empty());

    // Progress went through every phase in order.
    std::vector<BulkPhase> phases;
    for (const auto &args : progress) {
        const auto phase = args.at(0).value<BulkProgress>().phase;
        if (phases.empty() || phases.back() != phase)
            phases.push_back(phase);
    }
    const std::vector<BulkPhase> expected = {BulkPhase::CreatingSet, BulkPhase::AddingMembers,
                                             BulkPhase::StartingJob, BulkPhase::Running,
                                             BulkPhase::Verifying,   BulkPhase::Finished};
    EXPECT_EQ(phases, expected);
}

TEST(BulkRunnerTest, InvalidBarcodesAreReportedPerBarcodeAndDuplicatesHandedOnce)
{
    BulkHarness h(60, 1);
    ASSERT_TRUE(h.loaded && h.journal);
    QStringList barcodes = barcodeRange(60);
    barcodes.insert(7, QStringLiteral("NOPE-1"));
    barcodes.insert(31, QStringLiteral("NOPE-2"));
    barcodes << QStringLiteral("BK00003"); // a duplicate
    BulkRequest request = h.request(barcodes);
    request.chunkSize = 25;
    BulkRunner runner(h.client.get(), h.journal.get());
    const BulkSummary summary = BulkHarness::run(runner, request);

    ASSERT_EQ(summary.items.size(), 62u);
    EXPECT_FALSE(summary.ok);
    EXPECT_EQ(summary.count(Outcome::Done), 60);
    EXPECT_EQ(summary.count(Outcome::NotFound), 2);
    for (const auto &item : summary.items) {
        if (item.barcode.startsWith(QStringLiteral("NOPE"))) {
            EXPECT_EQ(item.outcome, Outcome::NotFound);
            // Added with fail_on_invalid_id=false: Alma skipped it, the re-read found no item.
            EXPECT_EQ(item.errorCode, QStringLiteral("401689"));
            EXPECT_TRUE(item.message.contains(QStringLiteral("did not add this barcode")))
                << item.message.toStdString();
        }
    }
    for (const QString &barcode : barcodeRange(60))
        EXPECT_EQ(h.processType(barcode), QStringLiteral("MISSING"));
    EXPECT_EQ(
        h.countOps(QStringLiteral("POST"), QStringLiteral("/conf/jobs/"), QStringLiteral("run")),
        1);
    // Every add_members call asked Alma to skip invalid ids instead of failing the call.
    for (const auto &operation : h.server->operations()) {
        if (operation.query.value(QStringLiteral("op")) == QLatin1String("add_members")) {
            EXPECT_EQ(operation.query.value(QStringLiteral("fail_on_invalid_id")),
                      QStringLiteral("false"));
        }
    }
}

// Only the member count says Alma skipped something: the barcodes of that call are re-read even
// when only a sample is verified, so each invalid one still gets its own row.
TEST(BulkRunnerTest, SkippedBarcodesAreReReadEvenWithASample)
{
    BulkHarness h(200, 1);
    ASSERT_TRUE(h.loaded && h.journal);
    QStringList barcodes = barcodeRange(200);
    barcodes.insert(150, QStringLiteral("NOPE-3"));
    BulkRequest request = h.request(barcodes);
    request.chunkSize = 50;
    request.verify = VerifyPolicy::fromText(QStringLiteral("sample:5")).value();
    BulkRunner runner(h.client.get(), h.journal.get());
    const BulkSummary summary = BulkHarness::run(runner, request);

    ASSERT_EQ(summary.items.size(), 201u);
    EXPECT_EQ(summary.count(Outcome::NotFound), 1);
    EXPECT_EQ(summary.count(Outcome::Done), 200);
    for (const auto &item : summary.items) {
        if (item.barcode == QLatin1String("NOPE-3")) {
            EXPECT_EQ(item.outcome, Outcome::NotFound);
        }
    }
    // The sample (5) plus the 51 barcodes of the one short call, not all 201, were re-read.
    int reads = 0;
    for (const auto &item : summary.items)
        reads += item.verified || item.outcome == Outcome::NotFound ? 1 : 0;
    EXPECT_LE(reads, 5 + 51);
    EXPECT_GE(reads, 51);
}

TEST(BulkRunnerTest, JobFailureLeavesItemsInErrorAndSaysWhereToLook)
{
    BulkHarness h(30, 1);
    ASSERT_TRUE(h.loaded && h.journal);
    BulkRequest request = h.request(barcodeRange(30));
    auto failing =
        JobTemplate::parse(QByteArray(R"({"job_id":")") + h.server->options().jobId.toUtf8() +
                           R"(","parameter":[{"name":"set_id","value":"{set_id}"},
            {"name":"MISSING_STATUS_selected","value":"{missing_selected}"},
            {"name":"MISSING_STATUS_value","value":"MISSING"},
            {"name":"MISSING_STATUS_condition","value":"Null"},
            {"name":"force_failure","value":"true"}]})");
    ASSERT_TRUE(failing.isOk()) << failing.error().message.toStdString();
    request.jobTemplate = failing.value();
    BulkRunner runner(h.client.get(), h.journal.get());
    const BulkSummary summary = BulkHarness::run(runner, request);

    EXPECT_FALSE(summary.ok);
    EXPECT_EQ(summary.jobStatus, QStringLiteral("COMPLETED_FAILED"));
    EXPECT_EQ(summary.count(Outcome::Error), 30);
    EXPECT_TRUE(summary.message.contains(QStringLiteral("COMPLETED_FAILED")));
    EXPECT_TRUE(summary.message.contains(QStringLiteral("Monitor Jobs")));
    EXPECT_EQ(h.processType(QStringLiteral("BK00000")), QStringLiteral("TECHNICAL"));
    for (const auto &intent : itemIntents(*h.journal))
        EXPECT_EQ(intent.outcome, Outcome::Error);
    EXPECT_TRUE(findUnfinishedBulkRuns(*h.journal).empty());
}

TEST(BulkRunnerTest, PerHourLimitIsAClearMessageAndTheRunStaysResumable)
{
    BulkHarness h(12, 0);
    ASSERT_TRUE(h.loaded && h.journal);
    for (int run = 0; run < 5; ++run) {
        BulkRunner runner(h.client.get(), h.journal.get());
        const BulkSummary summary = BulkHarness::run(runner, h.request(barcodeRange(2, run * 2)));
        ASSERT_TRUE(summary.ok) << "run " << run << ": " << summary.message.toStdString();
    }
    BulkRunner sixth(h.client.get(), h.journal.get());
    const BulkSummary summary = BulkHarness::run(sixth, h.request(barcodeRange(2, 10)));

    EXPECT_FALSE(summary.ok);
    EXPECT_EQ(summary.error.code, QStringLiteral("402223"));
    EXPECT_TRUE(summary.message.contains(QStringLiteral("5 times")))
        << summary.message.toStdString();
    EXPECT_TRUE(summary.message.contains(summary.setName));
    EXPECT_EQ(summary.count(Outcome::Pending), 2);
    EXPECT_EQ(h.processType(QStringLiteral("BK00010")), QStringLiteral("TECHNICAL"));

    // The set is kept: resuming later needs no second set, only the job.
    const auto unfinished = findUnfinishedBulkRuns(*h.journal);
    ASSERT_EQ(unfinished.size(), 1u);
    EXPECT_EQ(unfinished[0].stage, QStringLiteral("members"));
    EXPECT_EQ(unfinished[0].state.setId, summary.setId);
    EXPECT_EQ(unfinished[0].state.membersAdded, 2);
}

TEST(BulkRunnerTest, ThreeRunningJobsLimitIsAClearMessage)
{
    BulkHarness h(8, 60);
    ASSERT_TRUE(h.loaded && h.journal);
    std::vector<std::unique_ptr<BulkRunner>> running;
    for (int i = 0; i < 3; ++i) {
        running.push_back(std::make_unique<BulkRunner>(h.client.get(), h.journal.get()));
        QSignalSpy progress(running.back().get(), &BulkRunner::progress);
        running.back()->start(h.request(barcodeRange(2, i * 2)));
        while (running.back()->phase() != BulkPhase::Running)
            ASSERT_TRUE(progress.wait(10000)) << "job " << i << " never started";
    }
    BulkRunner fourth(h.client.get(), h.journal.get());
    const BulkSummary summary = BulkHarness::run(fourth, h.request(barcodeRange(2, 6)));
    EXPECT_EQ(summary.error.code, QStringLiteral("402222"));
    EXPECT_TRUE(summary.message.contains(QStringLiteral("3 jobs")))
        << summary.message.toStdString();
    EXPECT_EQ(summary.count(Outcome::Pending), 2);
    for (auto &runner : running)
        runner->cancel();
}

TEST(BulkRunnerTest, RunningJobResumesFromTheJournalWithoutASecondRun)
{
    BulkHarness h(200, 3);
    ASSERT_TRUE(h.loaded && h.journal);
    BulkRequest request = h.request(barcodeRange(200));
    {
        BulkRunner first(h.client.get(), h.journal.get());
        QSignalSpy progress(&first, &BulkRunner::progress);
        QSignalSpy finished(&first, &BulkRunner::finished);
        first.start(request);
        while (first.phase() != BulkPhase::Running)
            ASSERT_TRUE(progress.wait(10000));
        EXPECT_TRUE(finished.isEmpty());
        // MigDesk is closed while Alma's job runs: the runner goes away mid-poll.
    }
    const auto unfinished = findUnfinishedBulkRuns(*h.journal);
    ASSERT_EQ(unfinished.size(), 1u);
    EXPECT_EQ(unfinished[0].stage, QStringLiteral("job"));
    EXPECT_FALSE(unfinished[0].state.instanceId.isEmpty());
    EXPECT_EQ(unfinished[0].state.items.size(), 200u);
    EXPECT_FALSE(unfinished[0].describe().isEmpty());

    BulkRunner second(h.client.get(), h.journal.get());
    BulkRequest settings;
    settings.verify.mode = VerifyPolicy::Mode::All;
    settings.pollIntervalMs = 100;
    QSignalSpy finished(&second, &BulkRunner::finished);
    second.resume(unfinished[0], settings);
    const BulkSummary summary = BulkHarness::wait(finished);
    EXPECT_TRUE(summary.ok) << summary.message.toStdString();
    EXPECT_EQ(summary.instanceId, unfinished[0].state.instanceId);
    EXPECT_EQ(summary.count(Outcome::Done), 200);
    EXPECT_EQ(
        h.countOps(QStringLiteral("POST"), QStringLiteral("/conf/jobs/"), QStringLiteral("run")),
        1);
    EXPECT_EQ(h.countOps(QStringLiteral("POST"), QStringLiteral("/conf/sets"), {}), 2);
    for (const auto &intent : itemIntents(*h.journal))
        EXPECT_EQ(intent.outcome, Outcome::Done);
    EXPECT_TRUE(findUnfinishedBulkRuns(*h.journal).empty());
}

TEST(BulkRunnerTest, SampleVerificationReadsOnlyTheSample)
{
    BulkHarness h(120, 1);
    ASSERT_TRUE(h.loaded && h.journal);
    BulkRequest request = h.request(barcodeRange(120));
    request.verify = VerifyPolicy::fromText(QStringLiteral("sample:7")).value();
    BulkRunner runner(h.client.get(), h.journal.get());
    const BulkSummary summary = BulkHarness::run(runner, request);
    EXPECT_TRUE(summary.ok) << summary.message.toStdString();
    int verified = 0;
    for (const auto &item : summary.items)
        verified += item.verified ? 1 : 0;
    EXPECT_EQ(verified, 7);
    EXPECT_EQ(summary.count(Outcome::Done), 120);
    EXPECT_TRUE(summary.items.front().verified); // the sample includes the first and the last
    EXPECT_TRUE(summary.items.back().verified);
}

TEST(BulkRunnerTest, DamagedRunSetsThePhysicalCondition)
{
    BulkHarness h(40, 1);
    ASSERT_TRUE(h.loaded && h.journal);
    BulkRunner runner(h.client.get(), h.journal.get());
    const BulkSummary summary =
        BulkHarness::run(runner, h.request(barcodeRange(40), BulkAction::Damaged));
    EXPECT_TRUE(summary.ok) << summary.message.toStdString();
    EXPECT_EQ(summary.setName, QStringLiteral("MigDesk Damaged 2026-11-28 Main desk"));
    const auto item = h.server->itemJson(QStringLiteral("BK00039"));
    EXPECT_EQ(item["item_data"]["physical_condition"].value("value", std::string()), "DAMAGED");
    EXPECT_EQ(h.processType(QStringLiteral("BK00039")), QStringLiteral("TECHNICAL"));
}

TEST(BulkRunnerTest, ItemsTheJobSkippedAreReportedUnchanged)
{
    BulkHarness h(20, 1, 5); // every fifth item is on loan: Alma's job does not mark it Missing
    ASSERT_TRUE(h.loaded && h.journal);
    BulkRunner runner(h.client.get(), h.journal.get());
    const BulkSummary summary = BulkHarness::run(runner, h.request(barcodeRange(20)));
    EXPECT_FALSE(summary.ok);
    EXPECT_EQ(summary.jobStatus, QStringLiteral("COMPLETED_SUCCESS"));
    EXPECT_EQ(summary.count(Outcome::Done), 16);
    EXPECT_EQ(summary.count(Outcome::Error), 4);
    for (const auto &item : summary.items) {
        const bool loaned =
            item.barcode.endsWith(QLatin1Char('4')) || item.barcode.endsWith(QLatin1Char('9'));
        EXPECT_EQ(item.outcome, loaned ? Outcome::Error : Outcome::Done)
            << item.barcode.toStdString();
        if (loaned) {
            EXPECT_TRUE(item.message.contains(QStringLiteral("still shows")))
                << item.message.toStdString();
            EXPECT_EQ(item.processTypeAfter, QStringLiteral("TECHNICAL"));
        }
    }
}

TEST(BulkRunnerTest, ConfirmationNamesCountJobAndSet)
{
    BulkRequest request;
    request.action = BulkAction::Missing;
    request.items = {{QStringLiteral("A"), 0}, {QStringLiteral("B"), 0}, {QStringLiteral("A"), 0}};
    request.jobTemplate = JobTemplate::changePhysicalItems();
    request.sessionName = QStringLiteral("Main desk");
    request.date = QDate(2026, 11, 28);
    const BulkConfirmation confirmation = BulkRunner::confirmation(request);
    EXPECT_EQ(confirmation.itemCount, 2);
    EXPECT_TRUE(confirmation.problems.isEmpty());
    EXPECT_EQ(confirmation.setName, QStringLiteral("MigDesk Missing 2026-11-28 Main desk"));
    EXPECT_TRUE(confirmation.text().contains(QStringLiteral("M18")));
    EXPECT_TRUE(confirmation.text().contains(confirmation.setName));
    EXPECT_TRUE(confirmation.title().contains(QStringLiteral("2 items")));

    request.jobTemplate = JobTemplate();
    EXPECT_FALSE(BulkRunner::confirmation(request).problems.isEmpty());
}

TEST(BulkRunnerTest, RunThatCannotStartSendsNothing)
{
    BulkHarness h(5, 1);
    ASSERT_TRUE(h.loaded && h.journal);
    BulkRequest request = h.request(barcodeRange(5));
    request.jobTemplate = JobTemplate();
    BulkRunner runner(h.client.get(), h.journal.get());
    const BulkSummary summary = BulkHarness::run(runner, request);
    EXPECT_FALSE(summary.ok);
    EXPECT_EQ(summary.error.kind, ErrorKind::Validation);
    EXPECT_TRUE(h.server->operations().empty());
}

} // namespace
