// The resolution stamp at the desk: a Damaged scan (condition, then Return) stamps the chosen
// note in the condition's own PUT, naming the operator; the legacy note stays as it was.
#include "DeskFixture.h"

#include "model/JsonUtil.h"

using namespace migdesk;
using namespace migdesk::test;

namespace {
class DeskStampTest : public DeskFixture {};
} // namespace

TEST_F(DeskStampTest, ADeskFixStampsTheNoteInItsOwnPut)
{
    ExecutorSettings settings = m_executor->settings();
    settings.stampField = QStringLiteral("internal_note_2");
    settings.operatorName = QStringLiteral("J. Smith");
    m_executor->setSettings(settings);
    const auto before = m_server->itemJson(demo::damaged)["item_data"];
    ASSERT_TRUE(m_session->submit(demo::damaged));
    const qint64 id = lastId();
    ASSERT_TRUE(waitFor([&] { return record(id).stage == ScanStage::Finished; }));
    EXPECT_EQ(record(id).outcome, Outcome::Done) << record(id).message.toStdString();
    int puts = 0;
    for (const auto &op : writesFor(demo::damaged))
        puts += op.method == QLatin1String("PUT") ? 1 : 0;
    EXPECT_EQ(puts, 1) << "the stamp rides in the condition's PUT";
    const auto after = m_server->itemJson(demo::damaged)["item_data"];
    const QString note2 = json::str(after, "internal_note_2");
    EXPECT_TRUE(note2.contains(QStringLiteral("MigDesk %1 J. Smith: Damaged")
                                   .arg(QDate::currentDate().toString(Qt::ISODate))))
        << note2.toStdString();
    EXPECT_EQ(json::str(after, "internal_note_1"), json::str(before, "internal_note_1"));
    // The stamped item, read again, shows the same legacy status and nothing new.
    NoteParser parser(SourceIls::Auto);
    auto item = itemFromJson(m_server->itemJson(demo::damaged));
    ASSERT_TRUE(item.isOk());
    const NoteReading reading = parser.parse(item.value());
    ASSERT_EQ(reading.statuses.size(), 1u);
    EXPECT_EQ(reading.statuses[0].id, QStringLiteral("DAMAGED"));
}
