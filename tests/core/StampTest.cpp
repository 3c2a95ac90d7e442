// The resolution stamp: its line (prefix, date, operator, template), when a plan gets one, how it
// is appended to a note field (never replacing), and the note parser never reading a stamp as a
// legacy status.
#include "TestSupport.h"

#include "legacy/NoteParser.h"
#include "planning/Stamp.h"
#include "planning/StepCatalogue.h"

#include <gtest/gtest.h>

using namespace migdesk;

namespace {

Step step(StepType type, const QString &status = {})
{
    Step s;
    s.type = type;
    s.statusId = status;
    if (type == StepType::SetCondition)
        s.conditionCode = QStringLiteral("DAMAGED");
    return s;
}

const QDate kDay(2026, 12, 3);

} // namespace

TEST(StampTest, TheLineNamesTheDateTheOperatorAndWhatWasDone)
{
    const QString line =
        stampLine(QStringLiteral("{status} → {actions}"), kDay, QStringLiteral("J. Smith"),
                  QStringLiteral("Damaged"), QStringLiteral("condition Damaged, returned"));
    EXPECT_EQ(line, QStringLiteral("MigDesk 2026-12-03 J. Smith: Damaged → condition Damaged, "
                                   "returned"));
    EXPECT_TRUE(isMigDeskStamp(line));
    // A template cannot drop the prefix the parser knows stamps by.
    const QString custom = stampLine(QStringLiteral("cleared ({status}) on {date}"), kDay,
                                     QString(), QStringLiteral("Missing"), QString());
    EXPECT_TRUE(custom.startsWith(QStringLiteral("MigDesk 2026-12-03 ")));
    EXPECT_TRUE(custom.endsWith(QStringLiteral("cleared (Missing) on 2026-12-03")));
    // No legacy status known (a bulk job over items whose notes name none): no dangling arrow.
    EXPECT_EQ(stampLine(QString(), kDay, QStringLiteral("AB"), QString(),
                        QStringLiteral("Mark Missing (Alma job M18)")),
              QStringLiteral("MigDesk 2026-12-03 AB: Mark Missing (Alma job M18)"));
}

TEST(StampTest, APlanThatWritesGetsOneStampAndOneThatDoesNotGetsNone)
{
    const StampSettings settings{QStringLiteral("internal_note_2"), {}, QStringLiteral("AB")};
    const auto stamp = stampStep({step(StepType::SetCondition, QStringLiteral("DAMAGED")),
                                  step(StepType::Return, QStringLiteral("DAMAGED"))},
                                 settings, kDay);
    ASSERT_TRUE(stamp.has_value());
    EXPECT_EQ(stamp->type, StepType::StampNote);
    EXPECT_EQ(stamp->noteField, QStringLiteral("internal_note_2"));
    EXPECT_TRUE(stamp->noteText.startsWith(QStringLiteral("MigDesk 2026-12-03 AB: Damaged → ")))
        << stamp->noteText.toStdString();
    EXPECT_TRUE(stamp->noteText.contains(QStringLiteral("DAMAGED")));
    EXPECT_FALSE(stampStep({step(StepType::NeedsReview)}, settings, kDay).has_value());
    EXPECT_FALSE(stampStep({step(StepType::Return)}, {}, kDay).has_value()) << "off by default";
    StampSettings legacyNote;
    legacyNote.field = QStringLiteral("internal_note_1");
    EXPECT_FALSE(stampStep({step(StepType::Return)}, legacyNote, kDay).has_value())
        << "the legacy note is never a stamp field";
}

TEST(StampTest, TheStampIsAppendedAndNeverReplacesTheNote)
{
    Item item;
    item.internalNote2 = QStringLiteral("Gift of the Friends");
    Step stamp;
    stamp.type = StepType::StampNote;
    stamp.noteField = QStringLiteral("internal_note_2");
    stamp.noteText = QStringLiteral("MigDesk 2026-12-03 AB: Missing → Return");
    const FieldEdit *edit = stepKind(StepType::StampNote).edit;
    ASSERT_NE(edit, nullptr);
    EXPECT_FALSE(edit->isApplied(item, stamp));
    edit->apply(item, stamp);
    EXPECT_EQ(item.internalNote2, QStringLiteral("Gift of the Friends\nMigDesk 2026-12-03 AB: "
                                                 "Missing → Return"));
    EXPECT_TRUE(edit->isApplied(item, stamp));

    stamp.noteField = QStringLiteral("statistics_note_2");
    edit->apply(item, stamp);
    EXPECT_EQ(noteField(item, QStringLiteral("statistics_note_2")), stamp.noteText);
    EXPECT_TRUE(edit->isApplied(item, stamp));
}

TEST(StampTest, TheNoteParserNeverReadsAStampAsALegacyStatus)
{
    const NoteParser parser(SourceIls::Auto);
    Item item;
    item.processType = {QStringLiteral("TECHNICAL"), QStringLiteral("Technical - Migration")};
    item.internalNote1 = QStringLiteral("Status: Missing\nMigDesk 2026-12-03 AB: Damaged → "
                                        "Set condition DAMAGED, Return");
    NoteReading reading = parser.parse(item);
    ASSERT_EQ(reading.statuses.size(), 1u);
    EXPECT_EQ(reading.statuses[0].id, QStringLiteral("MISSING"));

    // A stamp alone (in note 2, as MigDesk writes it) is no status at all, not an unknown one.
    Item stamped;
    stamped.internalNote2 = QStringLiteral("MigDesk 2026-12-03 AB: Damaged → Return");
    EXPECT_TRUE(parser.parse(stamped).statuses.empty());
    EXPECT_TRUE(parser.parseNote(stamped.internalNote2, QStringLiteral("internal_note_2"))
                    .statuses.empty());
    // Words like "MigDesk" elsewhere in a line are not a stamp.
    EXPECT_FALSE(isMigDeskStamp(QStringLiteral("Sent to MigDesk 2026-12-03 for review")));
}
