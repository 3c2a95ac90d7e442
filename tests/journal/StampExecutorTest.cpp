// The resolution stamp against the in-process sandbox: it rides in the fix's own PUT (no extra
// call), costs one PUT after a scan-in that was the only write, lands in the chosen note with the
// operator, leaves the legacy note untouched, and is not written when nothing was.
#include "TestSupport.h"

#include "ExecutorSupport.h"
#include "model/JsonUtil.h"

#include <SandboxServer.h>

#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace migdesk;
using migdesk::sandbox::SandboxOptions;
using migdesk::sandbox::SandboxServer;

namespace {

class StampExecutorTest : public test::SandboxExecutorFixture {
protected:
    void SetUp() override { startSandbox({}, /*withJournal=*/false); }

    void stampInto(const QString &field)
    {
        ExecutorSettings settings = m_executor->settings();
        settings.stampField = field;
        settings.operatorName = QStringLiteral("J. Smith");
        m_executor->setSettings(settings);
    }

    ExecutionResult run(const QString &barcode, const std::vector<Step> &steps)
    {
        const Item shown = test::lookUpItem(*m_client, barcode);
        return test::waitForJob(
            m_executor->execute(1, shown, steps, QDateTime::currentDateTimeUtc()), m_client.get());
    }

    QString data(const QString &barcode, const char *field) const
    {
        return json::str(m_server->itemJson(barcode)["item_data"], field);
    }

    static Step make(StepType type)
    {
        Step step;
        step.type = type;
        step.statusId =
            type == StepType::SetCondition ? QStringLiteral("DAMAGED") : QStringLiteral("MISSING");
        if (type == StepType::SetCondition)
            step.conditionCode = QStringLiteral("DAMAGED");
        return step;
    }
};

const QString kPrefix =
    QStringLiteral("MigDesk %1 J. Smith: ").arg(QDate::currentDate().toString(Qt::ISODate));

} // namespace

TEST_F(StampExecutorTest, TheStampRidesInTheConditionPutAtNoExtraCall)
{
    stampInto(QStringLiteral("internal_note_2"));
    const QString barcode =
        test::demoExample(*m_server, QStringLiteral("Voyager Damaged: condition"));
    const QString legacyNote = data(barcode, "internal_note_3");
    const ExecutionResult result =
        run(barcode, {make(StepType::SetCondition), make(StepType::Return)});
    EXPECT_EQ(result.outcome, Outcome::Done) << result.message.toStdString();
    EXPECT_EQ(writesTo(barcode, QStringLiteral("PUT")), 1) << "condition and stamp in one PUT";
    EXPECT_FALSE(result.almaSentence.contains(QStringLiteral("stamp")))
        << "staff still read Alma's own sentence: " << result.almaSentence.toStdString();
    EXPECT_TRUE(data(barcode, "internal_note_2").contains(kPrefix + QStringLiteral("Damaged")))
        << data(barcode, "internal_note_2").toStdString();
    EXPECT_EQ(data(barcode, "internal_note_3"), legacyNote) << "the legacy note is untouched";
}

TEST_F(StampExecutorTest, AScanInAloneCostsOnePutAfterIt)
{
    stampInto(QStringLiteral("statistics_note_1"));
    const QString barcode =
        test::demoExample(*m_server, QStringLiteral("Sierra Missing, in hand: returned"));
    const QString legacyNote = data(barcode, "internal_note_1");
    const ExecutionResult result = run(barcode, {make(StepType::Return)});
    EXPECT_EQ(result.outcome, Outcome::Done) << result.message.toStdString();
    EXPECT_EQ(writesTo(barcode, QStringLiteral("PUT")), 1);
    EXPECT_TRUE(data(barcode, "statistics_note_1").startsWith(kPrefix + QStringLiteral("Missing")))
        << data(barcode, "statistics_note_1").toStdString();
    EXPECT_EQ(data(barcode, "internal_note_1"), legacyNote);
}

TEST_F(StampExecutorTest, NoStampWhenOffOrWhenNothingWasWritten)
{
    const QString barcode =
        test::demoExample(*m_server, QStringLiteral("Sierra Missing, in hand: returned"));
    ASSERT_EQ(run(barcode, {make(StepType::Return)}).outcome, Outcome::Done);
    EXPECT_EQ(writesTo(barcode, QStringLiteral("PUT")), 0) << "off by default";
    stampInto(QStringLiteral("internal_note_2"));
    // Already in place: the Return writes nothing, so there is nothing to stamp.
    ASSERT_EQ(run(barcode, {make(StepType::Return)}).outcome, Outcome::Done);
    EXPECT_EQ(writesTo(barcode, QStringLiteral("PUT")), 0);
    EXPECT_FALSE(data(barcode, "internal_note_2").contains(QStringLiteral("MigDesk")));
}

TEST_F(StampExecutorTest, UndoTakesTheStampBackWithTheCondition)
{
    QTemporaryDir dir;
    auto opened = Journal::open(dir.filePath(QStringLiteral("journal.sqlite")));
    ASSERT_TRUE(opened.isOk());
    Journal &journal = *opened.value();
    m_executor = test::makeDeskExecutor(m_client.get(), &journal);
    stampInto(QStringLiteral("statistics_note_1"));
    const QString barcode =
        test::demoExample(*m_server, QStringLiteral("Voyager Damaged: condition"));
    const QString noteBefore = data(barcode, "statistics_note_1");
    const Item shown = test::lookUpItem(*m_client, barcode);
    const qint64 intent =
        journal.recordIntent(barcode, QStringLiteral("desk"), QStringLiteral("desk"));
    const ExecutionResult done = test::waitForJob(
        m_executor->execute(intent, shown, {make(StepType::SetCondition), make(StepType::Return)},
                            QDateTime::currentDateTimeUtc()),
        m_client.get());
    ASSERT_EQ(done.outcome, Outcome::Done) << done.message.toStdString();
    ASSERT_TRUE(data(barcode, "statistics_note_1").contains(kPrefix));

    const auto change = journal.lastFieldChange(barcode);
    ASSERT_TRUE(change.has_value());
    const ExecutionResult undone =
        test::waitForJob(m_executor->undo(intent, *change), m_client.get());
    EXPECT_EQ(undone.outcome, Outcome::Done) << undone.message.toStdString();
    EXPECT_EQ(data(barcode, "statistics_note_1"), noteBefore);
    EXPECT_EQ(json::code(m_server->itemJson(barcode)["item_data"], "physical_condition").value,
              shown.physicalCondition.value);
}
