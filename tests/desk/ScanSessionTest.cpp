// ScanSession against the in-process sandbox: each desk scenario of issue 5, checked in the
// session's records and in the sandbox's own write log and item state.
#include "DeskFixture.h"

#include <QDir>
#include <QFileInfo>

#include <QSignalSpy>
#include <QTest>

using namespace migdesk;
using namespace migdesk::test;

namespace {

bool hasStepType(const Plan &plan, StepType type)
{
    for (const Step &step : plan.steps) {
        if (step.type == type)
            return true;
    }
    return false;
}

int writesOfMethod(const std::vector<sandbox::Operation> &ops, const char *method)
{
    int n = 0;
    for (const auto &op : ops)
        n += op.method == QLatin1String(method) ? 1 : 0;
    return n;
}

} // namespace

class ScanSessionTest : public DeskFixture {};

TEST_F(ScanSessionTest, FoundMissingItemIsReturnedWithThreeRequests)
{
    m_requests = 0;
    ASSERT_TRUE(m_session->submit(demo::missing + QStringLiteral("\r")));
    const qint64 id = lastId();
    ASSERT_TRUE(waitFor([&] { return record(id).stage == ScanStage::Finished; }));
    const ScanRecord &r = record(id);
    EXPECT_EQ(r.outcome, Outcome::Done) << r.message.toStdString();
    EXPECT_TRUE(r.plan.statusIds.contains(QStringLiteral("MISSING")));
    EXPECT_TRUE(r.hasResult);
    EXPECT_FALSE(r.result.almaSentence.isEmpty());
    EXPECT_GT(r.intentId, 0);
    // Alma's state, not ours: the item is in place with no process.
    EXPECT_EQ(processType(demo::missing), QString());
    const auto writes = writesFor(demo::missing);
    ASSERT_EQ(writes.size(), 1u);
    EXPECT_EQ(writes[0].method, QStringLiteral("POST"));
    EXPECT_EQ(writes[0].query.value(QStringLiteral("register_in_house_use")),
              QStringLiteral("false"));
    // QUALITY.md: lookup = 302 + item, Return = 1 more.
    EXPECT_EQ(m_requests, 3);
    // The journal has the intent with its outcome.
    const auto intent = m_journal->intent(r.intentId);
    ASSERT_TRUE(intent.has_value());
    EXPECT_EQ(intent->outcome, Outcome::Done);
}

TEST_F(ScanSessionTest, DamagedIsSetThenReturnedWithTwoWrites)
{
    m_requests = 0;
    ASSERT_TRUE(m_session->submit(demo::damaged));
    const qint64 id = lastId();
    ASSERT_TRUE(waitFor([&] { return record(id).stage == ScanStage::Finished; }));
    EXPECT_EQ(record(id).outcome, Outcome::Done) << record(id).message.toStdString();
    const auto writes = writesFor(demo::damaged);
    ASSERT_EQ(writes.size(), 2u);
    EXPECT_EQ(writes[0].method, QStringLiteral("PUT"));
    EXPECT_EQ(writes[1].method, QStringLiteral("POST"));
    EXPECT_EQ(m_requests, 4); // 302 + item + PUT + POST
    const auto json = m_server->itemJson(demo::damaged);
    EXPECT_EQ(json["item_data"]["physical_condition"]["value"], "DAMAGED");
    EXPECT_EQ(processType(demo::damaged), QString());
}

TEST_F(ScanSessionTest, WithdrawnWaitsForConfirmationAndIsNotDeletedWithoutIt)
{
    ASSERT_TRUE(m_session->submit(demo::withdrawn));
    const qint64 id = lastId();
    ASSERT_TRUE(waitSettled(id));
    EXPECT_EQ(record(id).stage, ScanStage::Planned);
    EXPECT_EQ(record(id).outcome, Outcome::NeedsStaff);
    EXPECT_TRUE((record(id).awaiting == Awaiting::WithdrawConfirmation));
    EXPECT_TRUE(hasStepType(record(id).plan, StepType::Withdraw));
    EXPECT_TRUE(record(id).message.contains(QStringLiteral("Old Almanac 1987")));

    // Enter (confirm) and a new scan must not answer the withdrawal; the new scan goes on
    // while the withdrawal keeps the card.
    m_session->confirm(id);
    ASSERT_TRUE(m_session->submit(demo::missing));
    const qint64 next = lastId();
    ASSERT_TRUE(waitFor([&] { return record(next).stage == ScanStage::Finished; }));
    EXPECT_EQ(record(next).outcome, Outcome::Done);
    EXPECT_EQ(record(id).stage, ScanStage::Planned);
    EXPECT_EQ(m_session->currentId(), id);
    EXPECT_TRUE(writesFor(demo::withdrawn).empty());

    // Esc: skipped, nothing deleted.
    m_session->skip(id);
    EXPECT_EQ(record(id).outcome, Outcome::Skipped);
    EXPECT_TRUE(writesFor(demo::withdrawn).empty());
    EXPECT_TRUE(m_server->itemJson(demo::withdrawn).contains("item_data"));
}

TEST_F(ScanSessionTest, WithdrawnIsDeletedAfterTheExplicitConfirmation)
{
    ASSERT_TRUE(m_session->submit(demo::withdrawn));
    const qint64 id = lastId();
    ASSERT_TRUE(waitSettled(id));
    ASSERT_TRUE((record(id).awaiting == Awaiting::WithdrawConfirmation));
    m_session->confirmWithdraw(id);
    ASSERT_TRUE(waitFor([&] { return record(id).stage == ScanStage::Finished; }));
    EXPECT_EQ(record(id).outcome, Outcome::Done) << record(id).message.toStdString();
    const auto writes = writesFor(demo::withdrawn);
    EXPECT_EQ(writesOfMethod(writes, "DELETE"), 1);
}

TEST_F(ScanSessionTest, LostOnLoanIsGuidedAndVerifiedInFollowUp)
{
    SessionSettings settings = defaultSettings();
    settings.mode = WorkMode::Followup;
    makeSession(settings);
    ASSERT_TRUE(m_session->submit(demo::lostOnLoan));
    const qint64 id = lastId();
    ASSERT_TRUE(waitSettled(id));
    const ScanRecord &r = record(id);
    EXPECT_EQ(r.outcome, Outcome::NeedsStaff) << r.message.toStdString();
    EXPECT_TRUE(hasStepType(r.plan, StepType::GuideLost));
    ASSERT_EQ(r.activeLoans.size(), 1u);
    EXPECT_EQ(r.activeLoans[0].userId, QStringLiteral("PATRON-0042"));

    // "Done in Alma" before staff did it: Alma does not show it, still staff's turn.
    m_session->verifyLoanAction(id);
    ASSERT_TRUE(waitSettled(id));
    QTest::qWait(50);
    ASSERT_TRUE(waitSettled(id));
    EXPECT_EQ(record(id).outcome, Outcome::NeedsStaff);

    ASSERT_TRUE(m_server->declareLoan(demo::lostOnLoan, QStringLiteral("lost")));
    m_session->verifyLoanAction(id);
    ASSERT_TRUE(waitFor([&] { return record(id).outcome == Outcome::Done; }));
    EXPECT_EQ(processType(demo::lostOnLoan), QStringLiteral("LOST_LOAN"));
    EXPECT_TRUE(writesFor(demo::lostOnLoan).empty()) << "MigDesk itself writes nothing here";
}

TEST_F(ScanSessionTest, UnknownNoteNeedsReview)
{
    ASSERT_TRUE(m_session->submit(demo::unknownNote));
    const qint64 id = lastId();
    ASSERT_TRUE(waitSettled(id));
    EXPECT_EQ(record(id).outcome, Outcome::NeedsStaff);
    EXPECT_TRUE(record(id).reading.isUnknown());
    EXPECT_TRUE(hasStepType(record(id).plan, StepType::NeedsReview));
    QTest::qWait(100);
    EXPECT_TRUE(writesFor(demo::unknownNote).empty());
}

TEST_F(ScanSessionTest, UnknownBarcodeIsNotFound)
{
    ASSERT_TRUE(m_session->submit(demo::notInAlma));
    const qint64 id = lastId();
    ASSERT_TRUE(waitFor([&] { return record(id).stage == ScanStage::Finished; }));
    EXPECT_EQ(record(id).outcome, Outcome::NotFound);
    EXPECT_FALSE(record(id).hasItem);
    EXPECT_TRUE(record(id).message.contains(demo::notInAlma));
    EXPECT_TRUE(m_server->operations().empty());
}

TEST_F(ScanSessionTest, RejectedInputMakesNoCallAndNoRecord)
{
    QSignalSpy rejected(m_session.get(), &ScanSession::scanRejected);
    m_requests = 0;
    EXPECT_FALSE(m_session->submit(QStringLiteral("3000 0000")));
    EXPECT_FALSE(m_session->submit(QStringLiteral("../items?op=scan")));
    EXPECT_FALSE(m_session->submit(QString(10 * 1024, QLatin1Char('x'))));
    EXPECT_EQ(rejected.count(), 3);
    EXPECT_FALSE(rejected.at(0).at(1).toString().isEmpty());
    EXPECT_TRUE(m_session->recordIds().empty());
    QTest::qWait(100);
    EXPECT_EQ(m_requests, 0);
}

TEST_F(ScanSessionTest, AlmaUnreachableScansAreKeptAndAppliedLater)
{
    QSignalSpy offline(m_session.get(), &ScanSession::offlineChanged);
    stopSandbox();
    ASSERT_TRUE(m_session->submit(demo::missing));
    const qint64 first = lastId();
    ASSERT_TRUE(m_session->submit(demo::missing2));
    const qint64 second = lastId();
    // While Alma is away one scan probes it and the rest wait in the queue.
    ASSERT_TRUE(waitFor(
        [&] { return m_session->isOffline() && record(second).stage == ScanStage::Queued; }));
    EXPECT_GE(m_session->queueLength(), 1);
    EXPECT_LE(m_session->inFlightCount(), 1);
    EXPECT_EQ(record(first).outcome, Outcome::Pending);
    EXPECT_EQ(record(second).outcome, Outcome::Pending);
    EXPECT_EQ(m_journal->pendingCount(), 2) << "journaled before any call";

    startSandbox(m_port);
    ASSERT_TRUE(waitFor(
        [&] {
            return record(first).stage == ScanStage::Finished &&
                   record(second).stage == ScanStage::Finished;
        },
        30000));
    EXPECT_EQ(record(first).outcome, Outcome::Done) << record(first).message.toStdString();
    EXPECT_EQ(record(second).outcome, Outcome::Done) << record(second).message.toStdString();
    EXPECT_FALSE(m_session->isOffline());
    EXPECT_EQ(m_session->queueLength(), 0);
    EXPECT_EQ(m_session->recordIds(), (std::vector<qint64>{first, second}));
    ASSERT_GE(offline.count(), 2);
    EXPECT_TRUE(offline.first().at(0).toBool());
    EXPECT_FALSE(offline.last().at(0).toBool());
    EXPECT_EQ(writesFor(demo::missing).size(), 1u);
    EXPECT_EQ(writesFor(demo::missing2).size(), 1u);
    EXPECT_EQ(m_journal->pendingCount(), 0);
}

TEST_F(ScanSessionTest, StormOf429sEndsWithEveryScanDone)
{
    sandbox::Faults faults;
    faults.p429 = 0.5;
    m_server->setFaults(faults);
    const QStringList barcodes{demo::burst(1), demo::burst(2), demo::burst(3), demo::burst(4),
                               demo::burst(5)};
    for (const QString &barcode : barcodes)
        ASSERT_TRUE(m_session->submit(barcode));
    for (qint64 id : m_session->recordIds())
        ASSERT_TRUE(waitFor([&] { return record(id).stage == ScanStage::Finished; }, 60000));
    for (qint64 id : m_session->recordIds())
        EXPECT_EQ(record(id).outcome, Outcome::Done) << record(id).message.toStdString();
    for (const QString &barcode : barcodes) {
        int applied = 0;
        for (const auto &op : writesFor(barcode))
            applied += op.status == 200 ? 1 : 0;
        EXPECT_EQ(applied, 1) << barcode.toStdString();
    }
}

TEST_F(ScanSessionTest, DryRunLooksUpAndPlansButWritesNothing)
{
    SessionSettings settings = defaultSettings();
    settings.dryRun = true;
    makeSession(settings);
    for (const QString &barcode : {demo::missing, demo::damaged, demo::withdrawn})
        ASSERT_TRUE(m_session->submit(barcode));
    const qint64 last = lastId();
    ASSERT_TRUE(waitFor([&] { return record(last).stage == ScanStage::Finished; }));
    for (qint64 id : m_session->recordIds()) {
        EXPECT_EQ(record(id).outcome, Outcome::DryRun);
        EXPECT_TRUE(record(id).dryRun);
        EXPECT_TRUE(record(id).hasItem);
        EXPECT_FALSE(record(id).plan.steps.empty());
    }
    EXPECT_TRUE(m_server->operations().empty());
    EXPECT_EQ(processType(demo::missing), QStringLiteral("TECHNICAL"));
}

// One at a time (a setting): strict order end to end. The pipelined burst is DeskPipelineTest.
TEST_F(ScanSessionTest, BurstOfTwentyOneAtATimeKeepsOrderAndLosesNone)
{
    SessionSettings settings = defaultSettings();
    settings.oneAtATime = true;
    makeSession(settings);
    QSignalSpy accepted(m_session.get(), &ScanSession::scanAccepted);
    std::vector<qint64> ids;
    for (int i = 1; i <= 20; ++i) {
        ASSERT_TRUE(m_session->submit(demo::burst(i) + QStringLiteral("\r")));
        ids.push_back(lastId());
    }
    EXPECT_EQ(accepted.count(), 20);
    EXPECT_GE(m_session->queueLength(), 19) << "type-ahead: accepted while the first is in flight";
    ASSERT_TRUE(waitFor([&] { return record(ids.back()).stage == ScanStage::Finished; }, 60000));
    EXPECT_EQ(m_outcomeOrder, ids);
    for (qint64 id : ids)
        EXPECT_EQ(record(id).outcome, Outcome::Done) << record(id).message.toStdString();
    // The sandbox saw one scan-in per item, in scan order.
    QStringList order;
    for (const auto &op : m_server->operations())
        order.append(op.barcode.isEmpty() ? op.itemPid.mid(2) : op.barcode);
    QStringList expected;
    for (int i = 1; i <= 20; ++i)
        expected.append(demo::burst(i));
    EXPECT_EQ(order, expected);
}

TEST_F(ScanSessionTest, RepeatWithinTheWindowIsFlaggedNotApplied)
{
    ASSERT_TRUE(m_session->submit(demo::missing));
    const qint64 first = lastId();
    ASSERT_TRUE(m_session->submit(demo::missing));
    const qint64 repeat = lastId();
    EXPECT_NE(first, repeat);
    EXPECT_TRUE(record(repeat).repeatFlagged);
    EXPECT_EQ(record(repeat).outcome, Outcome::Skipped);
    ASSERT_TRUE(waitFor([&] { return record(first).stage == ScanStage::Finished; }));
    EXPECT_EQ(record(first).outcome, Outcome::Done);
    EXPECT_EQ(writesFor(demo::missing).size(), 1u);
}

TEST_F(ScanSessionTest, AutoApplyOffWaitsForOneKeystroke)
{
    SessionSettings settings = defaultSettings();
    settings.autoApply = false;
    makeSession(settings);
    ASSERT_TRUE(m_session->submit(demo::missing));
    const qint64 id = lastId();
    ASSERT_TRUE(waitSettled(id));
    EXPECT_EQ(record(id).stage, ScanStage::Planned);
    EXPECT_EQ(record(id).outcome, Outcome::NeedsStaff);
    QTest::qWait(100);
    EXPECT_TRUE(writesFor(demo::missing).empty());
    m_session->confirm(id);
    ASSERT_TRUE(waitFor([&] { return record(id).stage == ScanStage::Finished; }));
    EXPECT_EQ(record(id).outcome, Outcome::Done) << record(id).message.toStdString();
    EXPECT_EQ(writesFor(demo::missing).size(), 1u);
}

TEST_F(ScanSessionTest, DecisionIsAnsweredByChoosing)
{
    ASSERT_TRUE(m_session->submit(demo::billed));
    const qint64 id = lastId();
    ASSERT_TRUE(waitSettled(id));
    ASSERT_EQ(record(id).outcome, Outcome::NeedsStaff) << record(id).message.toStdString();
    const Step *decide = nullptr;
    for (const Step &step : record(id).plan.steps) {
        if (step.type == StepType::Decide)
            decide = &step;
    }
    ASSERT_NE(decide, nullptr);
    int returnChoice = -1;
    for (size_t i = 0; i < decide->choices.size(); ++i) {
        if (decide->choices[i].key == QLatin1String("return"))
            returnChoice = static_cast<int>(i);
    }
    ASSERT_GE(returnChoice, 0);
    m_session->choose(id, returnChoice);
    ASSERT_TRUE(waitFor([&] { return record(id).stage == ScanStage::Finished; }));
    EXPECT_EQ(record(id).outcome, Outcome::Done) << record(id).message.toStdString();
    EXPECT_EQ(writesFor(demo::billed).size(), 1u);
}

TEST_F(ScanSessionTest, ShelfListInFollowUpThenFoundAtTheDesk)
{
    SessionSettings settings = defaultSettings();
    settings.mode = WorkMode::Followup;
    makeSession(settings);
    ASSERT_TRUE(m_session->submit(demo::transit));
    qint64 id = lastId();
    ASSERT_TRUE(waitSettled(id));
    EXPECT_EQ(record(id).stage, ScanStage::Finished);
    EXPECT_TRUE(m_session->shelfList().isOpen(demo::transit));
    EXPECT_TRUE(writesFor(demo::transit).empty());

    settings.mode = WorkMode::Desk;
    m_session->setSettings(settings);
    QSignalSpy shelf(m_session.get(), &ScanSession::shelfListChanged);
    // Past the repeat window: set it to zero for this check.
    settings.repeatWindowMs = 0;
    m_session->setSettings(settings);
    ASSERT_TRUE(m_session->submit(demo::transit));
    id = lastId();
    ASSERT_TRUE(waitFor([&] { return record(id).stage == ScanStage::Finished; }));
    EXPECT_EQ(record(id).outcome, Outcome::Done) << record(id).message.toStdString();
    EXPECT_TRUE(record(id).fromShelfList);
    EXPECT_FALSE(m_session->shelfList().isOpen(demo::transit));
    EXPECT_GE(shelf.count(), 1);
    EXPECT_EQ(writesFor(demo::transit).size(), 1u);
}

TEST_F(ScanSessionTest, UnfinishedIntentsAreOfferedAfterARestart)
{
    stopSandbox();
    ASSERT_TRUE(m_session->submit(demo::missing));
    ASSERT_TRUE(waitFor([&] { return m_session->isOffline(); }));
    // The app goes away with the scan still queued.
    makeSession(defaultSettings());
    EXPECT_EQ(m_session->unfinishedCount(), 1);
    startSandbox(m_port);
    EXPECT_EQ(m_session->resumeUnfinished(), 1);
    const qint64 id = lastId();
    EXPECT_TRUE(record(id).recovered);
    ASSERT_TRUE(waitFor([&] { return record(id).stage == ScanStage::Finished; }));
    EXPECT_EQ(record(id).outcome, Outcome::Done) << record(id).message.toStdString();
    EXPECT_EQ(m_session->unfinishedCount(), 0);
    EXPECT_EQ(writesFor(demo::missing).size(), 1u);
}

TEST_F(ScanSessionTest, ChangedInAlmaWhileStaffDecidedIsNotOverwrittenAndRetryWorks)
{
    SessionSettings settings = defaultSettings();
    settings.autoApply = false;
    makeSession(settings);
    ASSERT_TRUE(m_session->submit(demo::damaged));
    const qint64 id = lastId();
    ASSERT_TRUE(waitSettled(id));
    ASSERT_EQ(record(id).stage, ScanStage::Planned);
    // Another staff member edits the item in Alma while this one looks at the card.
    ASSERT_TRUE(m_server->touchItem(demo::damaged));
    m_session->confirm(id);
    ASSERT_TRUE(waitFor([&] { return record(id).stage == ScanStage::Finished; }));
    EXPECT_EQ(record(id).outcome, Outcome::Error);
    EXPECT_EQ(record(id).result.error.kind, ErrorKind::Stale) << record(id).message.toStdString();
    for (const auto &op : writesFor(demo::damaged))
        EXPECT_NE(op.method, QStringLiteral("PUT")) << "a stale item is never overwritten";
    const auto touched = m_server->itemJson(demo::damaged);
    EXPECT_TRUE(QString::fromStdString(touched["item_data"]["internal_note_2"].get<std::string>())
                    .startsWith(QStringLiteral("Checked by another staff member")));
    // The journal keeps it pending (offered again after a restart).
    EXPECT_EQ(m_journal->intent(record(id).intentId)->outcome, Outcome::Pending);

    // One action retries it: read again, planned again, confirmed, applied once.
    m_session->retry(id);
    ASSERT_TRUE(waitSettled(id));
    ASSERT_EQ(record(id).stage, ScanStage::Planned);
    m_session->confirm(id);
    ASSERT_TRUE(waitFor([&] { return record(id).stage == ScanStage::Finished; }));
    EXPECT_EQ(record(id).outcome, Outcome::Done) << record(id).message.toStdString();
    EXPECT_EQ(writesOfMethod(writesFor(demo::damaged), "PUT"), 1);
    EXPECT_EQ(writesOfMethod(writesFor(demo::damaged), "POST"), 1);
    // The other staff member's note survived the PUT.
    const auto after = m_server->itemJson(demo::damaged);
    EXPECT_EQ(after["item_data"]["internal_note_2"], touched["item_data"]["internal_note_2"]);
    // Done is done: a retry does nothing.
    m_session->retry(id);
    EXPECT_EQ(record(id).outcome, Outcome::Done);
}

TEST_F(ScanSessionTest, SkipWhileQueuedAndOfflineQueueLengthSignals)
{
    QSignalSpy lengths(m_session.get(), &ScanSession::queueLengthChanged);
    stopSandbox();
    ASSERT_TRUE(m_session->submit(demo::missing));
    const qint64 first = lastId();
    ASSERT_TRUE(m_session->submit(demo::missing2));
    const qint64 second = lastId();
    ASSERT_TRUE(waitFor(
        [&] { return m_session->isOffline() && record(second).stage == ScanStage::Queued; }));
    const int before = m_session->queueLength();
    m_session->skip(second);
    EXPECT_EQ(record(second).outcome, Outcome::Skipped);
    EXPECT_EQ(m_session->queueLength(), before - 1);
    ASSERT_FALSE(lengths.isEmpty());
    EXPECT_EQ(lengths.last().at(0).toInt(), before - 1);
    startSandbox(m_port);
    ASSERT_TRUE(waitFor([&] { return record(first).stage == ScanStage::Finished; }, 30000));
    EXPECT_EQ(record(first).outcome, Outcome::Done);
    EXPECT_TRUE(writesFor(demo::missing2).empty());
    EXPECT_EQ(m_session->count(Outcome::Done), 1);
    EXPECT_EQ(m_session->count(Outcome::Skipped), 1);
}

TEST_F(ScanSessionTest, OldHistoryKeepsTypedFieldsButDropsRawJson)
{
    m_session->setHistoryDetailLimit(1);
    ASSERT_TRUE(m_session->submit(demo::missing));
    const qint64 first = lastId();
    ASSERT_TRUE(waitFor([&] { return record(first).stage == ScanStage::Finished; }));
    EXPECT_FALSE(record(first).item.raw.empty()) << "the newest record keeps everything";
    ASSERT_TRUE(m_session->submit(demo::damaged));
    const qint64 second = lastId();
    ASSERT_TRUE(waitFor([&] { return record(second).stage == ScanStage::Finished; }));
    EXPECT_TRUE(record(first).item.raw.empty());
    EXPECT_TRUE(record(first).result.after.raw.empty());
    EXPECT_EQ(record(first).item.title, QStringLiteral("The Hidden Life of Trees"));
    EXPECT_EQ(record(first).outcome, Outcome::Done);
    EXPECT_FALSE(record(second).item.raw.empty());
}

TEST_F(ScanSessionTest, FollowUpListIsWorkedThroughItemByItem)
{
    SessionSettings settings = defaultSettings();
    settings.mode = WorkMode::Followup;
    makeSession(settings);
    QSignalSpy rejected(m_session.get(), &ScanSession::scanRejected);
    const int accepted = m_session->submitList(
        {demo::transit, QStringLiteral("not a barcode"), demo::billed, demo::transit});
    EXPECT_EQ(accepted, 3);
    EXPECT_EQ(rejected.count(), 1);
    const auto ids = m_session->recordIds();
    ASSERT_EQ(ids.size(), 3u);
    for (qint64 id : ids)
        EXPECT_FALSE(record(id).repeatFlagged) << "a list is not a double scan";
    // The transit item goes on the shelf list; the billed one waits for a decision while the
    // rest of the list goes on; the list's second line for the transit item waits for the first
    // to finish and then finds it already listed.
    ASSERT_TRUE(waitSettled(ids[1]));
    ASSERT_TRUE(waitSettled(ids[2]));
    // Listed for the shelf search: Alma still shows Technical - Migration.
    EXPECT_EQ(record(ids[0]).outcome, Outcome::StillMigration);
    EXPECT_EQ(record(ids[1]).outcome, Outcome::NeedsStaff);
    EXPECT_EQ(m_session->queueLength(), 0);
    m_session->skip(ids[1]);
    EXPECT_EQ(m_session->shelfList().size(), 1);
    EXPECT_TRUE(m_server->operations().empty());
    const auto intent = m_journal->intent(record(ids[0]).intentId);
    ASSERT_TRUE(intent.has_value());
    EXPECT_EQ(intent->source, QStringLiteral("followup"));
}

TEST_F(ScanSessionTest, AWithdrawChoiceStillNeedsItsConfirmation)
{
    ASSERT_TRUE(m_session->submit(demo::billed));
    const qint64 id = lastId();
    ASSERT_TRUE(waitSettled(id));
    int withdrawChoice = -1;
    int returnChoice = -1;
    for (const Step &step : record(id).plan.steps) {
        for (size_t i = 0; step.type == StepType::Decide && i < step.choices.size(); ++i) {
            if (step.choices[i].key == QLatin1String("withdraw"))
                withdrawChoice = static_cast<int>(i);
            if (step.choices[i].key == QLatin1String("return"))
                returnChoice = static_cast<int>(i);
        }
    }
    ASSERT_GE(withdrawChoice, 0);
    ASSERT_GE(returnChoice, 0);
    m_session->choose(id, withdrawChoice);
    EXPECT_TRUE((record(id).awaiting == Awaiting::WithdrawConfirmation));
    EXPECT_EQ(record(id).stage, ScanStage::Planned);
    m_session->confirm(id); // Enter is not a withdrawal confirmation
    QTest::qWait(200);
    EXPECT_TRUE(writesFor(demo::billed).empty());
    // Staff change their mind: back to the collection.
    m_session->choose(id, returnChoice);
    ASSERT_TRUE(waitFor([&] { return record(id).stage == ScanStage::Finished; }));
    EXPECT_EQ(record(id).outcome, Outcome::Done) << record(id).message.toStdString();
    const auto writes = writesFor(demo::billed);
    EXPECT_EQ(writesOfMethod(writes, "DELETE"), 0);
    EXPECT_EQ(writesOfMethod(writes, "POST"), 1);
}

TEST_F(ScanSessionTest, TheApiKeyIsNeverInTheJournal)
{
    const QByteArray key = m_server->options().apiKey.toUtf8();
    ASSERT_FALSE(key.isEmpty());
    for (const QString &barcode : {demo::missing, demo::notInAlma, demo::withdrawn})
        ASSERT_TRUE(m_session->submit(barcode));
    for (qint64 id : m_session->recordIds())
        ASSERT_TRUE(waitSettled(id));
    const std::vector<qint64> ids = m_session->recordIds();
    ASSERT_EQ(ids.size(), 3u);
    EXPECT_EQ(record(ids[0]).outcome, Outcome::Done);
    EXPECT_EQ(record(ids[1]).outcome, Outcome::NotFound);
    const QString journalPath = m_journal->path();
    // Close the journal, then read every file SQLite left (the WAL included).
    m_session.reset();
    m_executor.reset();
    m_journal.reset();
    QDir dir(QFileInfo(journalPath).absolutePath());
    int files = 0;
    for (const QFileInfo &info : dir.entryInfoList(QDir::Files)) {
        QFile file(info.absoluteFilePath());
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        EXPECT_FALSE(file.readAll().contains(key)) << info.fileName().toStdString();
        ++files;
    }
    EXPECT_GE(files, 1);
}
