// Items collected for the bulk Missing job but never run are not lost when the window closes:
// the real MainWindow on the sandbox, restarted on the same journal, counts them again, shows
// them waiting in the history, and the job finishes them (one job, no per-item writes, journal
// intents done); a later start offers nothing. An item scanned again in between with another
// outcome (returned at the desk) is not carried over. Plus the journal query behind it.
#include "DeskFixture.h"
#include "MessageArea.h"

#include "BulkJobController.h"
#include "BulkJobDialog.h"
#include "bulk/BulkRunner.h"
#include "bulk/BulkState.h"
#include "journal/Journal.h"
#include "pipeline/Executor.h"

#include <QAction>
#include <QSignalSpy>
#include <QStatusBar>

namespace migdesk::test {

class BulkCarryOver : public DeskFixture {
protected:
    void configure(Settings &settings) override
    {
        settings.setWorkMode(WorkMode::Followup); // not in hand: Missing items go to the job
        settings.setStartInFollowUp(true);        // every window of the test starts so
        settings.setBulkVerify(QStringLiteral("all"));
    }
    void sandboxOptions(sandbox::SandboxOptions &options) override { options.jobSeconds = 1; }

    void SetUp() override
    {
        DeskFixture::SetUp();
        if (HasFatalFailure())
            return;
        restart();
    }

    // A new stack and window on the same sandbox and journal: MigDesk closed and started again.
    void restart()
    {
        m_journalPath = m_dir.filePath(QStringLiteral("carry-journal.db"));
        restartWindow();
        ASSERT_NE(journal(), nullptr) << m_stack->warning().toStdString();
        QTest::qWait(50); // the controller's start-up work runs from the event loop
    }

    BulkJobController *bulk() const { return m_window->bulkJobs(); }
    Journal *journal() const { return m_stack->executor()->journal(); }

    void scanForJob(const QString &barcode)
    {
        scan(barcode);
        ASSERT_TRUE(waitFor([&] { return finished(barcode); })) << barcode.toStdString();
        EXPECT_EQ(recordFor(barcode)->outcome, Outcome::NeedsStaff)
            << recordFor(barcode)->message.toStdString();
    }

    // Runs the Missing job through the confirmation; returns the run's summary.
    BulkSummary runMissingJob(int expectedItems)
    {
        bulk()->missingAction()->trigger();
        BulkJobDialog *dialog = nullptr;
        waitFor([&] {
            dialog = m_window->findChild<BulkJobDialog *>();
            return dialog && dialog->isVisible();
        });
        if (!dialog) {
            ADD_FAILURE() << "no confirmation";
            return {};
        }
        EXPECT_TRUE(dialog->text().contains(bulkItemCount(expectedItems)))
            << dialog->text().toStdString();
        QSignalSpy finished(bulk(), &BulkJobController::runFinished);
        QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
        if (!(finished.wait(30000) || !finished.isEmpty())) {
            ADD_FAILURE() << "the job did not finish";
            return {};
        }
        return finished.takeFirst().at(0).value<BulkSummary>();
    }

    QStringList missingBarcodes() const
    {
        return {demoBarcode(QStringLiteral("Sierra Missing, in hand")),
                demoBarcode(QStringLiteral("Koha Missing"))};
    }
};

TEST_F(BulkCarryOver, ItemsCollectedBeforeARestartAreRunByTheNextSessionsJob)
{
    const QStringList barcodes = missingBarcodes();
    std::vector<qint64> intents;
    for (const QString &barcode : barcodes) {
        ASSERT_NO_FATAL_FAILURE(scanForJob(barcode));
        intents.push_back(recordFor(barcode)->intentId);
    }
    EXPECT_EQ(bulk()->count(BulkAction::Missing), 2);
    const size_t before = m_sandbox->operations().size();

    // Closed without running the job; the next start offers both again.
    ASSERT_NO_FATAL_FAILURE(restart());
    ASSERT_TRUE(waitFor([&] { return bulk()->count(BulkAction::Missing) == 2; }, 3000))
        << bulk()->count(BulkAction::Missing);
    EXPECT_TRUE(bulk()->missingButton()->isEnabled());
    EXPECT_EQ(bulk()->missingButton()->text(),
              QStringLiteral("Run the Missing job for this session's 2 items"));
    EXPECT_TRUE(
        m_window->messageArea()->text().contains(QStringLiteral("2 items from an earlier session")))
        << m_window->messageArea()->text().toStdString();
    for (size_t i = 0; i < 2; ++i) {
        const ScanRecord *record = recordFor(barcodes[i]);
        ASSERT_NE(record, nullptr);
        EXPECT_EQ(record->intentId, intents[i]); // the same journal intent, not a new scan
        EXPECT_TRUE(record->recovered);
        EXPECT_EQ(historyRows(barcodes[i], Outcome::NeedsStaff), 1);
        EXPECT_TRUE(record->message.contains(QStringLiteral("earlier session")));
    }
    EXPECT_EQ(m_sandbox->operations().size(), before); // restoring sent nothing to Alma

    const BulkSummary summary = runMissingJob(2);
    EXPECT_TRUE(summary.ok) << summary.message.toStdString();
    EXPECT_EQ(summary.items.size(), 2u);
    for (size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(processType(barcodes[i]), QStringLiteral("MISSING"));
        EXPECT_EQ(historyRows(barcodes[i], Outcome::Done), 1) << barcodes[i].toStdString();
        EXPECT_EQ(historyRows(barcodes[i], Outcome::NeedsStaff), 0);
        const auto intent = journal()->intent(intents[i]);
        ASSERT_TRUE(intent.has_value());
        ASSERT_TRUE(intent->outcome.has_value());
        EXPECT_EQ(*intent->outcome, Outcome::Done) << intent->message.toStdString();
    }
    // One set, one job run, not a single item write.
    EXPECT_EQ(countOps(QStringLiteral("POST"), QStringLiteral("/conf/jobs/"), before), 1);
    EXPECT_EQ(countOps(QStringLiteral("PUT"), QStringLiteral("/items"), before), 0);
    EXPECT_EQ(countOps(QStringLiteral("POST"), QStringLiteral("/items"), before), 0);
    EXPECT_EQ(bulk()->count(BulkAction::Missing), 0);

    // A third start offers nothing.
    ASSERT_NO_FATAL_FAILURE(restart());
    QTest::qWait(200);
    EXPECT_EQ(bulk()->count(BulkAction::Missing), 0);
    EXPECT_FALSE(bulk()->missingButton()->isEnabled());
    EXPECT_TRUE(m_window->historyModel()->rows().empty());
    EXPECT_TRUE(journal()
                    ->bulkJobWaitingIntents({QStringLiteral("desk"), QStringLiteral("followup")})
                    .empty());
}

TEST_F(BulkCarryOver, AnItemReturnedInBetweenIsNotCarriedOver)
{
    const QStringList barcodes = missingBarcodes();
    const QString returned = barcodes[0];
    const QString waiting = barcodes[1];
    for (const QString &barcode : barcodes)
        ASSERT_NO_FATAL_FAILURE(scanForJob(barcode));
    ASSERT_NO_FATAL_FAILURE(restart());
    ASSERT_TRUE(waitFor([&] { return bulk()->count(BulkAction::Missing) == 2; }, 3000));

    // The item turns up at the desk: scanned in hand, it is returned, and leaves the job.
    m_settings->setWorkMode(WorkMode::Desk);
    const qint64 carried = recordFor(returned)->id;
    scan(returned);
    ASSERT_TRUE(waitFor([&] {
        const ScanRecord *r = recordFor(returned);
        return r && r->id != carried && r->stage == ScanStage::Finished;
    }));
    EXPECT_EQ(recordFor(returned)->outcome, Outcome::Done)
        << recordFor(returned)->message.toStdString();
    EXPECT_EQ(bulk()->count(BulkAction::Missing), 1);

    // The next start carries over only the item still waiting.
    m_settings->setWorkMode(WorkMode::Followup);
    ASSERT_NO_FATAL_FAILURE(restart());
    ASSERT_TRUE(waitFor([&] { return bulk()->count(BulkAction::Missing) == 1; }, 3000));
    QTest::qWait(100);
    EXPECT_EQ(bulk()->count(BulkAction::Missing), 1);
    EXPECT_EQ(recordFor(returned), nullptr);
    ASSERT_NE(recordFor(waiting), nullptr);
    EXPECT_TRUE(
        m_window->messageArea()->text().contains(QStringLiteral("1 item from an earlier session")));

    const size_t before = m_sandbox->operations().size();
    const BulkSummary summary = runMissingJob(1);
    EXPECT_TRUE(summary.ok) << summary.message.toStdString();
    ASSERT_EQ(summary.items.size(), 1u);
    EXPECT_EQ(summary.items.front().barcode, waiting);
    EXPECT_EQ(processType(waiting), QStringLiteral("MISSING"));
    EXPECT_NE(processType(returned), QStringLiteral("MISSING"));
    EXPECT_EQ(countOps(QStringLiteral("PUT"), QStringLiteral("/items"), before), 0);
}

class BulkCarryOverRunning : public BulkCarryOver {
protected:
    void sandboxOptions(sandbox::SandboxOptions &options) override { options.jobSeconds = 4; }
};

TEST_F(BulkCarryOverRunning, ItemsOfARunStillGoingAreTheRunsNotCarriedOver)
{
    const QString barcode = missingBarcodes().first();
    ASSERT_NO_FATAL_FAILURE(scanForJob(barcode));
    bulk()->missingAction()->trigger();
    BulkJobDialog *dialog = nullptr;
    ASSERT_TRUE(waitFor([&] {
        dialog = m_window->findChild<BulkJobDialog *>();
        return dialog && dialog->isVisible();
    }));
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return bulk()->runner()->phase() == BulkPhase::Running; }, 10000));

    // Closed while Alma's job runs: the run is followed again; its item is not offered again.
    ASSERT_NO_FATAL_FAILURE(restart());
    ASSERT_TRUE(waitFor([&] { return bulk()->isRunning(); }, 3000));
    EXPECT_EQ(bulk()->count(BulkAction::Missing), 0);
    EXPECT_EQ(recordFor(barcode), nullptr);
    QSignalSpy finished(bulk(), &BulkJobController::runFinished);
    ASSERT_TRUE(finished.wait(30000) || !finished.isEmpty());
    EXPECT_EQ(historyRows(barcode, Outcome::Done), 1);
    EXPECT_EQ(historyRows(barcode, Outcome::NeedsStaff), 0);
    EXPECT_EQ(countOps(QStringLiteral("POST"), QStringLiteral("/conf/jobs/")), 1);
    EXPECT_EQ(bulk()->count(BulkAction::Missing), 0);
}

// The journal side: only marked desk and follow-up intents that ended needing staff, and only
// the newest intent per barcode; a repeat scan does not replace a waiting one, a later scan does.
TEST(BulkCarryOverJournal, OffersOnlyTheNewestMarkedIntentOfEachBarcode)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    auto opened = Journal::open(dir.filePath(QStringLiteral("j.db")));
    ASSERT_TRUE(opened.isOk());
    Journal &journal = *opened.value();
    const QStringList sources{QStringLiteral("desk"), QStringLiteral("followup")};
    auto waitingFor = [&](const QString &barcode, const QString &source) {
        const qint64 id = journal.recordIntent(barcode, source, QStringLiteral("followup"));
        journal.markBulkJobWaiting(id);
        journal.finishIntent(id, Outcome::NeedsStaff, QStringLiteral("collected"));
        return id;
    };
    const qint64 a = waitingFor(QStringLiteral("A1"), QStringLiteral("followup"));
    const qint64 b = waitingFor(QStringLiteral("B1"), QStringLiteral("desk"));
    waitingFor(QStringLiteral("C1"), QStringLiteral("batch")); // the batch lists its own
    const qint64 plain =
        journal.recordIntent(QStringLiteral("D1"), QStringLiteral("desk"), QStringLiteral("desk"));
    journal.finishIntent(plain, Outcome::NeedsStaff, QStringLiteral("a decision"));

    auto ids = [&] {
        std::vector<qint64> found;
        for (const JournalIntent &intent : journal.bulkJobWaitingIntents(sources))
            found.push_back(intent.id);
        return found;
    };
    EXPECT_EQ(ids(), (std::vector<qint64>{a, b}));

    // A repeat of A1, flagged and skipped without a lookup, leaves A1 waiting.
    const qint64 repeat = journal.recordIntent(QStringLiteral("A1"), QStringLiteral("followup"),
                                               QStringLiteral("followup"));
    journal.finishIntent(repeat, Outcome::Skipped, QStringLiteral("repeat"));
    EXPECT_EQ(ids(), (std::vector<qint64>{a, b}));
    // B1 scanned again and still being looked up: the newer scan decides, B1 leaves.
    journal.recordIntent(QStringLiteral("B1"), QStringLiteral("desk"), QStringLiteral("desk"));
    EXPECT_EQ(ids(), (std::vector<qint64>{a}));
    // A1 looked up again and skipped (nothing to change now): it leaves too.
    const qint64 again =
        journal.recordIntent(QStringLiteral("A1"), QStringLiteral("desk"), QStringLiteral("desk"));
    Item item;
    item.barcode = QStringLiteral("A1");
    journal.recordLookup(again, item, {}, QStringLiteral("{}"));
    journal.finishIntent(again, Outcome::Skipped, QStringLiteral("nothing to change"));
    EXPECT_TRUE(ids().empty());
}

} // namespace migdesk::test
