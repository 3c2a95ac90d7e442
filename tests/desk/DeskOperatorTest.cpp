// The operator at the desk: every scan's journal intent and every write it made carry the name
// staff gave, the session record too, and a change of operator applies from the next scan on.
#include "DeskFixture.h"

using namespace migdesk;
using namespace migdesk::test;

namespace {
class DeskOperatorTest : public DeskFixture {};
} // namespace

TEST_F(DeskOperatorTest, EveryJournalRowOfTheDeskCarriesTheOperator)
{
    m_journal->setOperator(QStringLiteral("J. Smith"));
    SessionSettings settings = defaultSettings();
    settings.operatorName = QStringLiteral("J. Smith");
    makeSession(settings);
    ASSERT_TRUE(m_session->submit(demo::damaged));
    const qint64 first = lastId();
    ASSERT_TRUE(waitFor([&] { return record(first).stage == ScanStage::Finished; }));
    EXPECT_EQ(record(first).outcome, Outcome::Done) << record(first).message.toStdString();
    EXPECT_EQ(record(first).operatorName, QStringLiteral("J. Smith"));

    m_journal->setOperator(QStringLiteral("KL"));
    ASSERT_TRUE(m_session->submit(demo::missing));
    const qint64 second = lastId();
    ASSERT_TRUE(waitFor([&] { return record(second).stage == ScanStage::Finished; }));

    const auto intents = m_journal->intents();
    ASSERT_EQ(intents.size(), 2u);
    int writes = 0;
    for (const JournalIntent &intent : intents) {
        const QString expected =
            intent.barcode == demo::damaged ? QStringLiteral("J. Smith") : QStringLiteral("KL");
        EXPECT_EQ(intent.operatorName, expected) << intent.barcode.toStdString();
        for (const JournalWrite &write : intent.writes) {
            EXPECT_EQ(write.operatorName, expected) << write.kind.toStdString();
            ++writes;
        }
    }
    EXPECT_GE(writes, 3) << "the condition PUT and two scan-ins at least";
}
