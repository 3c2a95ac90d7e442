// The desk's bulk Missing job, driven through the real MainWindow on the sandbox: Missing items
// worked in follow-up mode go to the job; "Run the Missing job for this session's N items" asks
// first, then creates one set, adds the members, runs the job once (no per-item writes) and the
// history rows become Done. Cancelling writes nothing; a limit shows its message; a job still
// running when the window closes is followed again on the next start, never started twice.
#include "DeskFixture.h"

#include "BulkJobController.h"
#include "BulkJobDialog.h"
#include "alma/AlmaClient.h"
#include "bulk/BulkRunner.h"
#include "journal/Journal.h"
#include "pipeline/Executor.h"

#include <QDir>
#include <QMessageBox>
#include <QProgressBar>
#include <QSignalSpy>

namespace migdesk::test {

class BulkJobDesk : public DeskFixture {
protected:
    void configure(Settings &settings) override
    {
        settings.setWorkMode(WorkMode::Followup); // not in hand: Missing items are marked Missing
        settings.setStartInFollowUp(true);        // every window of the test starts so
        settings.setBulkVerify(QStringLiteral("all"));
    }
    void sandboxOptions(sandbox::SandboxOptions &options) override
    {
        options.jobSeconds = jobSeconds();
    }
    virtual int jobSeconds() const { return 1; }

    void SetUp() override
    {
        DeskFixture::SetUp();
        if (HasFatalFailure())
            return;
        restart();
    }

    // A new stack and window on the same sandbox and the same journal: MigDesk restarted.
    void restart()
    {
        m_journalPath = m_dir.filePath(QStringLiteral("bulk-journal.db"));
        restartWindow();
        ASSERT_NE(m_stack->executor()->journal(), nullptr) << m_stack->warning().toStdString();
    }

    BulkJobController *bulk() const { return m_window->bulkJobs(); }

    // Scans an item whose plan is (or, after answering "1", becomes) Mark Missing: it ends
    // waiting for the job, with nothing written to Alma.
    void scanForJob(const QString &barcode, bool answerDecision = false)
    {
        scan(barcode);
        if (answerDecision) {
            ASSERT_TRUE(waitFor([&] { return reachedStage(barcode, ScanStage::Planned); }))
                << barcode.toStdString();
            scan(QStringLiteral("1")); // the first choice: Mark Missing
        }
        ASSERT_TRUE(waitFor([&] {
            const ScanRecord *r = recordFor(barcode);
            return r && r->stage == ScanStage::Finished;
        }));
        EXPECT_EQ(recordFor(barcode)->outcome, Outcome::NeedsStaff)
            << recordFor(barcode)->message.toStdString();
    }

    BulkJobDialog *openConfirmation()
    {
        bulk()->missingAction()->trigger(); // the menu entry
        BulkJobDialog *dialog = nullptr;
        waitFor([&] {
            dialog = m_window->findChild<BulkJobDialog *>();
            return dialog && dialog->isVisible();
        });
        return dialog;
    }

    QStringList missingBarcodes() const
    {
        return {demoBarcode(QStringLiteral("Sierra Missing, in hand")),
                demoBarcode(QStringLiteral("Koha Missing")),
                demoBarcode(QStringLiteral("Voyager Missing, in hand"))};
    }
    // Not in hand and no loan: staff decide, Mark Missing is the first choice.
    QString lostBarcode() const { return demoBarcode(QStringLiteral("Koha Lost, no loan")); }
};

TEST_F(BulkJobDesk, RunsTheMissingJobFromTheMenuAndRecordsDone)
{
    const QStringList barcodes = missingBarcodes() << lostBarcode();
    QPushButton *button = bulk()->missingButton();
    EXPECT_FALSE(button->isEnabled()); // nothing collected yet
    for (const QString &barcode : missingBarcodes())
        ASSERT_NO_FATAL_FAILURE(scanForJob(barcode));
    ASSERT_NO_FATAL_FAILURE(scanForJob(lostBarcode(), true));
    EXPECT_EQ(bulk()->count(BulkAction::Missing), 4);
    EXPECT_TRUE(button->isEnabled());
    EXPECT_EQ(button->text(), QStringLiteral("Run the Missing job for this session's 4 items"));
    EXPECT_EQ(bulk()->missingAction()->text(), button->text());
    const size_t before = m_sandbox->operations().size();

    BulkJobDialog *dialog = openConfirmation();
    ASSERT_NE(dialog, nullptr);
    const QString setName = QStringLiteral("MigDesk Missing %1 MAIN DEFAULT_CIRC_DESK")
                                .arg(QDate::currentDate().toString(Qt::ISODate));
    EXPECT_TRUE(dialog->text().contains(QStringLiteral("4 items"))) << dialog->text().toStdString();
    EXPECT_TRUE(dialog->text().contains(m_sandbox->options().jobId));
    EXPECT_TRUE(dialog->text().contains(setName)) << dialog->text().toStdString();
    EXPECT_EQ(m_sandbox->operations().size(), before); // nothing sent while asking
    QSignalSpy finished(bulk(), &BulkJobController::runFinished);
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);

    // Non-modal: the progress bar shows and scanning goes on while Alma's job runs.
    ASSERT_TRUE(waitFor([&] { return bulk()->progressBar()->isVisible(); }, 5000));
    EXPECT_FALSE(button->isEnabled());
    EXPECT_TRUE(
        waitFor([&] { return QApplication::focusWidget() == m_window->scanField(); }, 3000));
    const QString during = demoBarcode(QStringLiteral("Symphony Missing among price"));
    ASSERT_NO_FATAL_FAILURE(scanForJob(during));

    ASSERT_TRUE(finished.wait(30000) || !finished.isEmpty());
    const BulkSummary summary = finished.takeFirst().at(0).value<BulkSummary>();
    EXPECT_TRUE(summary.ok) << summary.message.toStdString();
    EXPECT_EQ(summary.setName, setName);
    EXPECT_FALSE(bulk()->progressBar()->isVisible());

    Journal *journal = m_stack->executor()->journal();
    for (const QString &barcode : barcodes) {
        const ScanRecord *record = recordFor(barcode);
        ASSERT_NE(record, nullptr);
        EXPECT_EQ(record->outcome, Outcome::Done) << record->message.toStdString();
        EXPECT_EQ(historyRows(barcode, Outcome::Done), 1);
        EXPECT_EQ(processType(barcode), QStringLiteral("MISSING"));
        const auto intent = journal->intent(record->intentId);
        ASSERT_TRUE(intent.has_value());
        ASSERT_TRUE(intent->outcome.has_value());
        EXPECT_EQ(*intent->outcome, Outcome::Done) << intent->message.toStdString();
    }
    // One set, its members, one job run, and not a single item write.
    EXPECT_EQ(countOps(QStringLiteral("POST"), QStringLiteral("/conf/jobs/"), before), 1);
    EXPECT_GE(countOps(QStringLiteral("POST"), QStringLiteral("/conf/sets"), before), 2);
    EXPECT_EQ(countOps(QStringLiteral("PUT"), QStringLiteral("/items"), before), 0);
    EXPECT_EQ(countOps(QStringLiteral("POST"), QStringLiteral("/items"), before), 0);

    // The item scanned during the run waits for the next job.
    EXPECT_EQ(recordFor(during)->outcome, Outcome::NeedsStaff);
    EXPECT_EQ(button->text(), QStringLiteral("Run the Missing job for this session's 1 item"));
    EXPECT_TRUE(button->isEnabled());
}

TEST_F(BulkJobDesk, CancelInTheConfirmationWritesNothing)
{
    const QStringList barcodes = missingBarcodes().mid(0, 2);
    for (const QString &barcode : barcodes)
        ASSERT_NO_FATAL_FAILURE(scanForJob(barcode));
    const size_t before = m_sandbox->operations().size();
    BulkJobDialog *dialog = openConfirmation();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->text().contains(QStringLiteral("2 items")));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("bulkJobCancelPushButton")),
                      Qt::LeftButton);
    QTest::qWait(300);
    EXPECT_EQ(m_sandbox->operations().size(), before);
    EXPECT_FALSE(bulk()->isRunning());
    for (const QString &barcode : barcodes)
        EXPECT_EQ(recordFor(barcode)->outcome, Outcome::NeedsStaff);
    EXPECT_EQ(bulk()->count(BulkAction::Missing), 2);
    EXPECT_TRUE(bulk()->missingButton()->isEnabled());
}

// Settings > Rules names a stamp field: the desk's bulk job stamps through the same job (the
// demo items' statistics_note_3 is empty), naming the operator; still no item write.
class BulkJobStamped : public BulkJobDesk {
protected:
    void configure(Settings &settings) override
    {
        BulkJobDesk::configure(settings);
        settings.setStampNote(QStringLiteral("statistics_note_3"));
        settings.setOperatorName(QStringLiteral("J. Smith"));
    }
};

TEST_F(BulkJobStamped, TheMissingJobStampsTheItemsInTheSameJob)
{
    const QStringList barcodes = missingBarcodes().mid(0, 2);
    for (const QString &barcode : barcodes)
        ASSERT_NO_FATAL_FAILURE(scanForJob(barcode));
    const size_t before = m_sandbox->operations().size();
    BulkJobDialog *dialog = openConfirmation();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->text().contains(QStringLiteral("It stamps statistics_note_3")))
        << dialog->text().toStdString();
    if (const QString out = qEnvironmentVariable("MIGDESK_SCREENSHOT_DIR"); !out.isEmpty()) {
        QTest::qWait(50);
        QDir().mkpath(out);
        EXPECT_TRUE(dialog->grab().save(
            QDir(out).filePath(QStringLiteral("43-bulk-stamp-confirmation.png"))));
    }
    QSignalSpy finished(bulk(), &BulkJobController::runFinished);
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    ASSERT_TRUE(finished.wait(30000) || !finished.isEmpty());
    const BulkSummary summary = finished.takeFirst().at(0).value<BulkSummary>();
    EXPECT_TRUE(summary.ok) << summary.message.toStdString();
    for (const QString &barcode : barcodes) {
        EXPECT_EQ(recordFor(barcode)->outcome, Outcome::Done);
        EXPECT_EQ(processType(barcode), QStringLiteral("MISSING"));
        const auto item = m_sandbox->itemJson(barcode);
        const std::string stamp = item["item_data"].value("statistics_note_3", std::string());
        EXPECT_EQ(stamp.rfind("MigDesk " +
                                  QDate::currentDate().toString(Qt::ISODate).toStdString() +
                                  " J. Smith: ",
                              0),
                  0u)
            << stamp;
        EXPECT_NE(stamp.find("(Alma job M18)"), std::string::npos) << stamp;
    }
    EXPECT_EQ(countOps(QStringLiteral("POST"), QStringLiteral("/conf/jobs/"), before), 1);
    EXPECT_EQ(countOps(QStringLiteral("PUT"), QStringLiteral("/items"), before), 0);
}

class BulkJobLimit : public BulkJobDesk {
protected:
    int jobSeconds() const override { return 60; } // the other jobs outlast the test
};

TEST_F(BulkJobLimit, AlmasJobLimitShowsItsMessageAndKeepsTheItems)
{
    // Three API-started jobs already running in Alma (long ones), Alma's limit.
    AlmaClient *client = m_stack->client();
    const QString jobId = m_sandbox->options().jobId;
    for (int i = 0; i < 3; ++i) {
        JsonReply *set = client->createSet(QStringLiteral("Other %1").arg(i), QString());
        QSignalSpy setDone(set, &AlmaReply::finished);
        ASSERT_TRUE(set->isFinished() || setDone.wait(5000));
        ASSERT_TRUE(set->isOk());
        const QString setId = QString::fromStdString(set->json().value("id", std::string()));
        const nlohmann::json body = JobTemplate::changePhysicalItems().runBody(
            {setId, QString(), QStringLiteral("MISSING"), QString(), QStringLiteral("MISSING"),
             QStringLiteral("DAMAGED"), QString(), QString()});
        JsonReply *run = client->runJob(jobId, body);
        QSignalSpy runDone(run, &AlmaReply::finished);
        ASSERT_TRUE(run->isFinished() || runDone.wait(5000));
        ASSERT_TRUE(run->isOk()) << run->error().message.toStdString();
    }
    const QString barcode = missingBarcodes().first();
    ASSERT_NO_FATAL_FAILURE(scanForJob(barcode));
    BulkJobDialog *dialog = openConfirmation();
    ASSERT_NE(dialog, nullptr);
    QSignalSpy finished(bulk(), &BulkJobController::runFinished);
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    ASSERT_TRUE(finished.wait(30000) || !finished.isEmpty());

    QMessageBox *box = nullptr;
    ASSERT_TRUE(waitFor(
        [&] {
            box = m_window->findChild<QMessageBox *>(QStringLiteral("bulkJobErrorBox"));
            return box != nullptr;
        },
        3000));
    EXPECT_TRUE(box->text().contains(QStringLiteral("3 jobs"))) << box->text().toStdString();
    EXPECT_TRUE(box->text().contains(QStringLiteral("Monitor Jobs")));
    // The item stays pending with the same words; the run can be resumed, not restarted.
    EXPECT_EQ(recordFor(barcode)->outcome, Outcome::Pending);
    EXPECT_TRUE(recordFor(barcode)->message.contains(QStringLiteral("3 jobs")));
    EXPECT_TRUE(bulk()->resumeAction()->isEnabled());
    EXPECT_NE(processType(barcode), QStringLiteral("MISSING"));
    box->close();
}

class BulkJobRestart : public BulkJobDesk {
protected:
    int jobSeconds() const override { return 4; }
};

TEST_F(BulkJobRestart, AJobStillRunningAtCloseIsFollowedAfterTheRestartNotStartedAgain)
{
    const QStringList barcodes = missingBarcodes().mid(0, 2);
    for (const QString &barcode : barcodes)
        ASSERT_NO_FATAL_FAILURE(scanForJob(barcode));
    BulkJobDialog *dialog = openConfirmation();
    ASSERT_NE(dialog, nullptr);
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return bulk()->runner()->phase() == BulkPhase::Running; }, 10000));
    EXPECT_EQ(countOps(QStringLiteral("POST"), QStringLiteral("/conf/jobs/")), 1);

    // Closed while Alma's job runs; MigDesk starts again on the same journal.
    restart();
    ASSERT_TRUE(waitFor([&] { return bulk()->isRunning(); }, 3000));
    QSignalSpy finished(bulk(), &BulkJobController::runFinished);
    ASSERT_TRUE(finished.wait(30000) || !finished.isEmpty());
    const BulkSummary summary = finished.takeFirst().at(0).value<BulkSummary>();
    EXPECT_TRUE(summary.ok) << summary.message.toStdString();

    EXPECT_EQ(countOps(QStringLiteral("POST"), QStringLiteral("/conf/jobs/")), 1); // not twice
    EXPECT_EQ(countOps(QStringLiteral("PUT"), QStringLiteral("/items")), 0);
    for (const QString &barcode : barcodes) {
        EXPECT_EQ(processType(barcode), QStringLiteral("MISSING"));
        EXPECT_EQ(historyRows(barcode, Outcome::Done), 1) << barcode.toStdString();
    }
    EXPECT_TRUE(findUnfinishedBulkRuns(*m_stack->executor()->journal()).empty());
}

} // namespace migdesk::test
