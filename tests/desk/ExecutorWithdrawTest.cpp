// Executor's withdraw (DELETE with the holdings/bib policy) and loan-guide re-read paths against
// the in-process sandbox: success, Alma's 4xx, a lost reply settled by a re-read (never a
// second DELETE), a stale item refused, and the Lost / Claimed Returned verification.
#include "ExecutorSupport.h"
#include "alma/AlmaClient.h"
#include "journal/Journal.h"
#include "pipeline/Executor.h"

#include <SandboxServer.h>

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

using namespace migdesk;
using migdesk::sandbox::SandboxServer;

namespace {

class ExecutorWithdrawTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        sandbox::SandboxOptions options;
        options.rateLimit = 0;
        m_server = std::make_unique<SandboxServer>(options);
        m_server->loadDemo(120, 1);
        ASSERT_TRUE(m_server->listen());
        AlmaConfig config;
        config.baseUrl = m_server->baseUrl();
        config.apiKey = options.apiKey;
        config.rateLimitPerSecond = 500;
        config.deadlineMs = 3000;
        config.transferTimeoutMs = 3000;
        m_client = std::make_unique<AlmaClient>(&m_network, config);
        QObject::connect(m_client.get(), &AlmaClient::requestFinished, m_client.get(),
                         [this](const QString &method) { m_methods << method; });
        auto journal = Journal::open(m_dir.filePath(QStringLiteral("journal.sqlite")));
        ASSERT_TRUE(journal.isOk());
        m_journal = std::move(journal.value());
        m_executor = test::makeDeskExecutor(m_client.get(), m_journal.get());
    }

    QString example(const QString &scenarioPart) const
    {
        return test::demoExample(*m_server, scenarioPart);
    }

    Item lookUp(const QString &barcode) { return test::lookUpItem(*m_client, barcode); }

    ExecutionResult wait(ExecutionJob *job) { return test::waitForJob(job, m_client.get()); }

    std::vector<sandbox::Operation> deletesOf(const QString &barcode) const
    {
        std::vector<sandbox::Operation> deletes;
        for (const auto &op : m_server->operations()) {
            if (op.barcode == barcode && op.method == QLatin1String("DELETE"))
                deletes.push_back(op);
        }
        return deletes;
    }

    // Whether Alma still finds the item by its barcode (a deleted one is "not found").
    bool isGone(const QString &barcode)
    {
        ItemReply *reply = m_client->itemByBarcode(barcode);
        bool done = false;
        bool gone = false;
        QObject::connect(reply, &AlmaReply::finished, reply, [&] {
            gone = !reply->isOk() && reply->error().httpStatus == 400;
            done = true;
        });
        EXPECT_TRUE(QTest::qWaitFor([&] { return done; }, 10000));
        return gone;
    }

    qint64 intentFor(const QString &barcode)
    {
        return m_journal->recordIntent(barcode, QStringLiteral("desk"), QStringLiteral("desk"));
    }

    static Step withdraw(const QString &holdings = {}, const QString &bib = {})
    {
        Step step;
        step.type = StepType::Withdraw;
        step.holdingsPolicy = holdings;
        step.bibPolicy = bib;
        step.needsConfirmation = true;
        return step;
    }

    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<AlmaClient> m_client;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<Executor> m_executor;
    QStringList m_methods;
};

TEST_F(ExecutorWithdrawTest, WithdrawDeletesTheItemWithTheStepsPolicyAndJournalsIt)
{
    const QString barcode = example(QStringLiteral("Sierra Withdrawn"));
    const Item shown = lookUp(barcode);
    const qint64 intent = intentFor(barcode);
    m_methods.clear();
    const ExecutionResult result = wait(m_executor->execute(
        intent, shown, {withdraw(QStringLiteral("delete"), QStringLiteral("suppress"))}));
    EXPECT_EQ(result.outcome, Outcome::Done) << result.message.toStdString();
    EXPECT_FALSE(result.hasAfter) << "a deleted item has no after-image";
    // No read time was given: the item was re-read (stale check) before the one DELETE.
    EXPECT_EQ(m_methods, (QStringList{QStringLiteral("GET"), QStringLiteral("DELETE")}));
    const auto deletes = deletesOf(barcode);
    ASSERT_EQ(deletes.size(), 1u);
    EXPECT_EQ(deletes[0].status, 204);
    EXPECT_EQ(deletes[0].query.value(QStringLiteral("holdings")), QStringLiteral("delete"));
    EXPECT_EQ(deletes[0].query.value(QStringLiteral("bib")), QStringLiteral("suppress"));
    EXPECT_TRUE(isGone(barcode));
    const auto writes = m_journal->intent(intent)->writes;
    ASSERT_EQ(writes.size(), 1u);
    EXPECT_EQ(writes[0].kind, QStringLiteral("delete"));
    EXPECT_EQ(writes[0].status, QStringLiteral("ok"));
    EXPECT_TRUE(writes[0].requestSummary.contains(QStringLiteral("holdings=delete")));
    auto before = parseItem(writes[0].beforeJson);
    ASSERT_TRUE(before.isOk()) << "the before-image keeps what was deleted";
    EXPECT_EQ(before.value().barcode, barcode);
}

TEST_F(ExecutorWithdrawTest, WithoutAStepPolicyTheSettingsPolicyIsSent)
{
    const QString barcode = example(QStringLiteral("Sierra Withdrawn"));
    const Item shown = lookUp(barcode);
    ExecutorSettings settings = m_executor->settings();
    settings.withdrawHoldings = QStringLiteral("suppress");
    m_executor->setSettings(settings);
    const ExecutionResult result = wait(m_executor->execute(intentFor(barcode), shown, {withdraw()},
                                                            QDateTime::currentDateTimeUtc()));
    EXPECT_EQ(result.outcome, Outcome::Done) << result.message.toStdString();
    const auto deletes = deletesOf(barcode);
    ASSERT_EQ(deletes.size(), 1u);
    EXPECT_EQ(deletes[0].query.value(QStringLiteral("holdings")), QStringLiteral("suppress"));
    // Alma reads `bib` only with holdings=delete: it is not sent otherwise.
    EXPECT_FALSE(deletes[0].query.contains(QStringLiteral("bib")));
    EXPECT_EQ(deletes[0].query.value(QStringLiteral("override")), QStringLiteral("false"));
}

TEST_F(ExecutorWithdrawTest, AlmasRefusalIsAnErrorWithItsCodeAndTheItemStays)
{
    // An item on loan: Alma refuses the DELETE (401849) unless overridden, which MigDesk never
    // asks for.
    const QString barcode = example(QStringLiteral("Voyager Claims Returned with an active loan"));
    const Item shown = lookUp(barcode);
    const qint64 intent = intentFor(barcode);
    const ExecutionResult result =
        wait(m_executor->execute(intent, shown, {withdraw()}, QDateTime::currentDateTimeUtc()));
    EXPECT_EQ(result.outcome, Outcome::Error);
    EXPECT_EQ(result.error.code, QStringLiteral("401849")) << result.error.message.toStdString();
    EXPECT_EQ(result.error.httpStatus, 400);
    const auto deletes = deletesOf(barcode);
    ASSERT_EQ(deletes.size(), 1u) << "a refusal is not retried";
    EXPECT_NE(deletes[0].query.value(QStringLiteral("override")), QStringLiteral("true"));
    EXPECT_FALSE(isGone(barcode));
    const auto writes = m_journal->intent(intent)->writes;
    ASSERT_EQ(writes.size(), 1u);
    EXPECT_EQ(writes[0].status, QStringLiteral("failed"));
}

TEST_F(ExecutorWithdrawTest, ALostDeleteReplyIsSettledByAReReadAndNeverSentTwice)
{
    const QString barcode = example(QStringLiteral("Sierra Withdrawn"));
    const Item shown = lookUp(barcode);
    const qint64 intent = intentFor(barcode);
    sandbox::Faults drop;
    drop.pDrop = 1.0;
    m_server->setFaults(drop);
    // Once the DELETE has been applied (and its answer dropped), the sandbox behaves again.
    QTimer heal;
    QObject::connect(&heal, &QTimer::timeout, &heal, [&] {
        if (!m_server->operations().empty())
            m_server->setFaults({});
    });
    heal.start(1);
    m_methods.clear();
    const ExecutionResult result =
        wait(m_executor->execute(intent, shown, {withdraw()}, QDateTime::currentDateTimeUtc()));
    EXPECT_EQ(result.outcome, Outcome::Done) << result.message.toStdString();
    EXPECT_EQ(deletesOf(barcode).size(), 1u) << "the DELETE is never resent";
    EXPECT_EQ(m_methods.count(QStringLiteral("DELETE")), 1);
    EXPECT_GE(m_methods.count(QStringLiteral("GET")), 1) << "settled by a re-read";
    EXPECT_EQ(m_methods.indexOf(QStringLiteral("DELETE")), 0) << "nothing before the DELETE";
    EXPECT_TRUE(isGone(barcode));
    const auto writes = m_journal->intent(intent)->writes;
    ASSERT_EQ(writes.size(), 1u);
    EXPECT_EQ(writes[0].status, QStringLiteral("verified_ok"));
}

TEST_F(ExecutorWithdrawTest, ALostDeleteThatAlmaNeverAppliedStaysPendingAndIsNotResent)
{
    const QString barcode = example(QStringLiteral("Sierra Withdrawn"));
    const Item shown = lookUp(barcode);
    const qint64 intent = intentFor(barcode);
    // The DELETE hangs (never applied, never answered) until its deadline.
    sandbox::Faults hang;
    hang.pHang = 1.0;
    m_server->setFaults(hang);
    QTimer heal;
    QObject::connect(&heal, &QTimer::timeout, &heal, [&] {
        if (!m_server->operations().empty())
            m_server->setFaults({});
    });
    heal.start(1);
    const ExecutionResult result =
        wait(m_executor->execute(intent, shown, {withdraw()}, QDateTime::currentDateTimeUtc()));
    EXPECT_EQ(result.outcome, Outcome::Pending) << result.message.toStdString();
    EXPECT_EQ(result.error.kind, ErrorKind::Ambiguous);
    EXPECT_EQ(deletesOf(barcode).size(), 1u) << "the DELETE is never resent";
    EXPECT_FALSE(isGone(barcode));
    const auto writes = m_journal->intent(intent)->writes;
    ASSERT_EQ(writes.size(), 1u);
    EXPECT_EQ(writes[0].status, QStringLiteral("verified_not"));
}

TEST_F(ExecutorWithdrawTest, AnItemChangedSinceItWasShownIsNotDeleted)
{
    const QString barcode = example(QStringLiteral("Sierra Withdrawn"));
    const Item shown = lookUp(barcode);
    ASSERT_TRUE(m_server->touchItem(barcode)); // another Alma user edits it meanwhile
    const qint64 intent = intentFor(barcode);
    const ExecutionResult result = wait(m_executor->execute(intent, shown, {withdraw()}));
    EXPECT_EQ(result.outcome, Outcome::Error);
    EXPECT_EQ(result.error.kind, ErrorKind::Stale);
    EXPECT_TRUE(deletesOf(barcode).empty());
    EXPECT_FALSE(isGone(barcode));
    EXPECT_TRUE(m_journal->intent(intent)->writes.empty()) << "nothing was sent, nothing journaled";
}

TEST_F(ExecutorWithdrawTest, DryRunDeletesNothing)
{
    const QString barcode = example(QStringLiteral("Sierra Withdrawn"));
    const Item shown = lookUp(barcode);
    ExecutorSettings settings = m_executor->settings();
    settings.dryRun = true;
    m_executor->setSettings(settings);
    m_methods.clear();
    const ExecutionResult result = wait(m_executor->execute(intentFor(barcode), shown, {withdraw()},
                                                            QDateTime::currentDateTimeUtc()));
    EXPECT_EQ(result.outcome, Outcome::DryRun);
    EXPECT_TRUE(m_methods.isEmpty());
    EXPECT_TRUE(deletesOf(barcode).empty());
}

TEST_F(ExecutorWithdrawTest, ClaimedReturnedIsDoneOnlyOnceAlmaShowsItAndWritesNothing)
{
    const QString barcode = example(QStringLiteral("Voyager Claims Returned with an active loan"));
    const Item shown = lookUp(barcode);
    const qint64 intent = intentFor(barcode);
    ExecutionResult result =
        wait(m_executor->verifyLoanAction(intent, shown, StepType::GuideClaimedReturned));
    EXPECT_EQ(result.outcome, Outcome::NeedsStaff) << "staff have not done it in Alma yet";
    EXPECT_FALSE(result.message.isEmpty());
    ASSERT_TRUE(m_server->declareLoan(barcode, QStringLiteral("claimed_returned")));
    result = wait(m_executor->verifyLoanAction(intent, shown, StepType::GuideClaimedReturned));
    EXPECT_EQ(result.outcome, Outcome::Done) << result.message.toStdString();
    // Declared Lost is not Claimed Returned.
    const QString lost = example(QStringLiteral("Voyager Lost--Library Applied"));
    ASSERT_TRUE(m_server->declareLoan(lost, QStringLiteral("lost")));
    result = wait(m_executor->verifyLoanAction(intentFor(lost), lookUp(lost),
                                               StepType::GuideClaimedReturned));
    EXPECT_EQ(result.outcome, Outcome::NeedsStaff);
    result = wait(m_executor->verifyLoanAction(intentFor(lost), lookUp(lost), StepType::GuideLost));
    EXPECT_EQ(result.outcome, Outcome::Done);
    EXPECT_TRUE(m_server->operations().empty()) << "the guides only read";
}

TEST_F(ExecutorWithdrawTest, ALoanCheckThatCannotReachAlmaStaysPending)
{
    const QString barcode = example(QStringLiteral("Voyager Lost--Library Applied"));
    const Item shown = lookUp(barcode);
    m_server.reset(); // Alma goes away
    const ExecutionResult result =
        wait(m_executor->verifyLoanAction(intentFor(barcode), shown, StepType::GuideLost));
    EXPECT_EQ(result.outcome, Outcome::Pending) << result.message.toStdString();
    EXPECT_TRUE(result.error.isError());
}

} // namespace
