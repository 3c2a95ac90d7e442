// SET_TEMP_LOCATION and CLEAR_TEMP_LOCATION against the in-process sandbox: the temporary
// location rides in the whole-record PUT, the journal keeps the before and after of the temp
// fields, the stale-write guard sees a temporary location changed by someone else, undo puts the
// item back, and a scan-in leaves an item in its temporary location there.
#include "TestSupport.h"

#include "ExecutorSupport.h"
#include "alma/AlmaClient.h"
#include "journal/Journal.h"
#include "model/JsonUtil.h"
#include "pipeline/Executor.h"

#include <SandboxServer.h>

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace migdesk;
using migdesk::sandbox::SandboxOptions;
using migdesk::sandbox::SandboxServer;

namespace {

Step parkStep(const QString &library = QStringLiteral("MAIN"),
              const QString &location = QStringLiteral("REVIEW"))
{
    Step step;
    step.type = StepType::SetTempLocation;
    step.tempLocation = {library, location, {}};
    return step;
}

Step returnStep()
{
    Step step;
    step.type = StepType::Return;
    return step;
}

class TempLocationExecutorTest : public test::SandboxExecutorFixture {
protected:
    void SetUp() override
    {
        SandboxExecutorFixture::SetUp();
        m_barcode = test::demoExample(*m_server, QStringLiteral("Catalog Review"));
        ASSERT_FALSE(m_barcode.isEmpty());
    }

    ExecutionResult run(const Item &shown, const std::vector<Step> &steps,
                        qint64 *intentOut = nullptr)
    {
        const qint64 intent =
            m_journal->recordIntent(m_barcode, QStringLiteral("desk"), QStringLiteral("desk"));
        if (intentOut)
            *intentOut = intent;
        return test::waitForJob(
            m_executor->execute(intent, shown, steps, QDateTime::currentDateTimeUtc()),
            m_client.get());
    }

    nlohmann::json holding() const { return m_server->itemJson(m_barcode)["holding_data"]; }

    QString m_barcode;
};

} // namespace

TEST_F(TempLocationExecutorTest, ParksTheItemInOnePutThenScansItInWhereItStays)
{
    const Item shown = test::lookUpItem(*m_client, m_barcode);
    ASSERT_FALSE(shown.inTempLocation);
    const int before = m_requests;
    qint64 intent = 0;
    const ExecutionResult result = run(shown, {parkStep(), returnStep()}, &intent);
    ASSERT_EQ(result.outcome, Outcome::Done) << result.message.toStdString();
    EXPECT_EQ(m_requests - before, 2) << "one PUT for the location, one scan-in";

    const nlohmann::json now = holding();
    EXPECT_TRUE(now["in_temp_location"].get<bool>());
    EXPECT_EQ(json::code(now, "temp_library").value, QStringLiteral("MAIN"));
    EXPECT_EQ(json::code(now, "temp_location").value, QStringLiteral("REVIEW"));
    EXPECT_EQ(json::code(now, "temp_location").desc, QStringLiteral("Review Shelf"));
    // Scanned in at its desk it is in place, on the review shelf, out of Technical - Migration.
    const nlohmann::json data = m_server->itemJson(m_barcode)["item_data"];
    EXPECT_EQ(json::code(data, "base_status").value, QStringLiteral("1"));
    EXPECT_TRUE(json::code(data, "process_type").value.isEmpty());
    EXPECT_TRUE(result.after.inTempLocation);
    EXPECT_TRUE(result.almaSentence.contains(QStringLiteral("Review Shelf")))
        << result.almaSentence.toStdString();
    // The legacy note is left as it was.
    EXPECT_EQ(json::str(data, "internal_note_3"), shown.internalNote3);

    // The journal keeps the before and after of the temporary location.
    const auto change = m_journal->lastFieldChange();
    ASSERT_TRUE(change.has_value());
    EXPECT_EQ(change->intentId, intent);
    EXPECT_FALSE(change->before.inTempLocation);
    EXPECT_TRUE(change->after.inTempLocation);
    EXPECT_EQ(change->after.tempLocation.value, QStringLiteral("REVIEW"));
    EXPECT_TRUE(change->requestSummary.contains(QStringLiteral("MAIN/REVIEW")))
        << change->requestSummary.toStdString();
}

TEST_F(TempLocationExecutorTest, AnUnknownLocationIsAnAlmaErrorAndNothingIsScannedIn)
{
    const Item shown = test::lookUpItem(*m_client, m_barcode);
    const ExecutionResult result =
        run(shown, {parkStep(QStringLiteral("MAIN"), QStringLiteral("NOWHERE")), returnStep()});
    EXPECT_EQ(result.outcome, Outcome::Error);
    EXPECT_TRUE(result.message.contains(QStringLiteral("NOWHERE"))) << result.message.toStdString();
    EXPECT_FALSE(holding()["in_temp_location"].get<bool>());
    const nlohmann::json data = m_server->itemJson(m_barcode)["item_data"];
    EXPECT_EQ(json::code(data, "process_type").value, QStringLiteral("TECHNICAL"));
}

TEST_F(TempLocationExecutorTest, ATemporaryLocationChangedBySomeoneElseIsNotOverwritten)
{
    auto put = [this](const Item &item) {
        bool done = false;
        ItemReply *reply = m_client->updateItem(item);
        QObject::connect(reply, &AlmaReply::finished, reply, [&] { done = reply->isOk(); });
        return QTest::qWaitFor([&] { return done; }, 10000);
    };
    // Edited earlier today, so a second edit today leaves modification_date (a date in Alma) as
    // it is: only the temporary fields can tell the two reads apart.
    ASSERT_TRUE(put(test::lookUpItem(*m_client, m_barcode)));
    const Item shown = test::lookUpItem(*m_client, m_barcode);
    // Another Alma user parks it elsewhere meanwhile.
    Item other = shown;
    other.inTempLocation = true;
    other.tempLibrary = {QStringLiteral("SCI"), {}};
    other.tempLocation = {QStringLiteral("REF"), {}};
    ASSERT_TRUE(put(other));
    ASSERT_EQ(m_server->itemJson(m_barcode)["item_data"]["modification_date"],
              nlohmann::json(shown.modificationDate.toStdString()));

    const qint64 intent =
        m_journal->recordIntent(m_barcode, QStringLiteral("desk"), QStringLiteral("desk"));
    // No read time: the Executor re-reads and compares with what staff saw.
    const ExecutionResult result = test::waitForJob(
        m_executor->execute(intent, shown, {parkStep(), returnStep()}), m_client.get());
    EXPECT_EQ(result.error.kind, ErrorKind::Stale) << result.message.toStdString();
    EXPECT_EQ(json::code(holding(), "temp_library").value, QStringLiteral("SCI"));
}

TEST_F(TempLocationExecutorTest, UndoTakesTheItemOffTheReviewShelf)
{
    const Item shown = test::lookUpItem(*m_client, m_barcode);
    qint64 intent = 0;
    // Parked without a return, Alma still shows Technical - Migration: not a green Done.
    ASSERT_EQ(run(shown, {parkStep()}, &intent).outcome, Outcome::StillMigration);
    const auto change = m_journal->lastFieldChange();
    ASSERT_TRUE(change.has_value());
    const ExecutionResult undone =
        test::waitForJob(m_executor->undo(intent, *change), m_client.get());
    EXPECT_EQ(undone.outcome, Outcome::Done) << undone.message.toStdString();
    EXPECT_FALSE(holding()["in_temp_location"].get<bool>());
    EXPECT_TRUE(json::code(holding(), "temp_location").value.isEmpty());
}

TEST_F(TempLocationExecutorTest, ClearingPutsTheItemBackInItsPermanentLocation)
{
    const Item shown = test::lookUpItem(*m_client, m_barcode);
    ASSERT_EQ(run(shown, {parkStep(), returnStep()}).outcome, Outcome::Done);
    const Item parked = test::lookUpItem(*m_client, m_barcode);
    ASSERT_TRUE(parked.inTempLocation);
    Step clear;
    clear.type = StepType::ClearTempLocation;
    const ExecutionResult result = run(parked, {clear});
    ASSERT_EQ(result.outcome, Outcome::Done) << result.message.toStdString();
    EXPECT_FALSE(holding()["in_temp_location"].get<bool>());
    EXPECT_TRUE(json::code(holding(), "temp_library").value.isEmpty());
    const auto change = m_journal->lastFieldChange();
    ASSERT_TRUE(change.has_value());
    EXPECT_TRUE(change->before.inTempLocation);
    EXPECT_FALSE(change->after.inTempLocation);
}
