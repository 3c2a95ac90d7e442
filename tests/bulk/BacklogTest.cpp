// Backlog: an Analytics export is read, planned and grouped by legacy status and planned step.
#include "bulk/Backlog.h"

#include <gtest/gtest.h>

#include <QTemporaryDir>

using namespace migdesk;

namespace {

const QByteArray kExport = QByteArray("\xEF\xBB\xBF") +
                           "Barcode,Title,Process Type,Internal Note 1,Internal Note 3\r\n"
                           "B1,\"Title, with comma\",Technical - Migration,Status: Missing,\r\n"
                           "B2,Second,Technical - Migration,,Missing\r\n"
                           "B3,Third,Technical - Migration,Status: Damaged,\r\n"
                           "B4,Fourth,Loan,Status: Missing,\r\n"
                           "B1,Dup,Technical - Migration,Status: Missing,\r\n"
                           ",No barcode,Technical - Migration,Status: Missing,\r\n"
                           "B6,Sixth,Technical - Migration,zq frobnicated by the wombat,\r\n"
                           "\r\n"
                           "B7,Seventh,Technical - Migration,Status: Missing,\r\n";

const BacklogGroup *groupWith(const Backlog &backlog, const QString &statusKey)
{
    for (const auto &group : backlog.groups) {
        if (group.statusKey() == statusKey)
            return &group;
    }
    return nullptr;
}

TEST(BacklogTest, FollowupGroupsByStatusAndStep)
{
    const Backlog backlog = BacklogReader().read(kExport, WorkMode::Followup);
    ASSERT_TRUE(backlog.ok()) << backlog.error.toStdString();
    EXPECT_EQ(backlog.rows, 8); // every non-blank data row, problems included
    EXPECT_EQ(backlog.migrationRows, 5);

    const BacklogGroup *missing = groupWith(backlog, QStringLiteral("MISSING"));
    ASSERT_NE(missing, nullptr);
    EXPECT_EQ(missing->barcodes,
              (QStringList{QStringLiteral("B1"), QStringLiteral("B2"), QStringLiteral("B7")}));
    EXPECT_TRUE(missing->steps.contains(stepTypeName(StepType::MarkMissing)));
    EXPECT_EQ(missing->route, BacklogRoute::Job); // the default Missing strategy is the job
    // The largest group comes first.
    EXPECT_EQ(&backlog.groups.front(), missing);

    const BacklogGroup *damaged = groupWith(backlog, QStringLiteral("DAMAGED"));
    ASSERT_NE(damaged, nullptr);
    EXPECT_EQ(damaged->barcodes, QStringList{QStringLiteral("B3")});
    EXPECT_TRUE(damaged->steps.contains(stepTypeName(StepType::SetCondition)));

    const BacklogGroup *unknown = groupWith(backlog, QStringLiteral("UNKNOWN"));
    ASSERT_NE(unknown, nullptr);
    EXPECT_EQ(unknown->barcodes, QStringList{QStringLiteral("B6")});
    EXPECT_EQ(unknown->route, BacklogRoute::Staff);

    const BacklogGroup *loan = groupWith(backlog, QStringLiteral("LOAN"));
    ASSERT_NE(loan, nullptr);
    EXPECT_EQ(loan->route, BacklogRoute::NotMigration);
    EXPECT_TRUE(loan->steps.isEmpty());

    ASSERT_EQ(backlog.problems.size(), 2u);
    EXPECT_EQ(backlog.problems[0].line, 6); // the duplicate B1
    EXPECT_EQ(backlog.problems[0].text, QStringLiteral("B1"));
    EXPECT_EQ(backlog.problems[1].line, 7); // the row without a barcode

    EXPECT_EQ(backlog.barcodesFor(BacklogRoute::Job), missing->barcodes);
    EXPECT_EQ(backlog.barcodesWithStep(stepTypeName(StepType::MarkMissing)), missing->barcodes);
}

TEST(BacklogTest, DeskModePlansMissingItemsAsFound)
{
    const Backlog backlog = BacklogReader().read(kExport, WorkMode::Desk);
    ASSERT_TRUE(backlog.ok());
    const BacklogGroup *missing = groupWith(backlog, QStringLiteral("MISSING"));
    ASSERT_NE(missing, nullptr);
    // In hand, a Missing item has been found: it is returned, not marked Missing.
    EXPECT_FALSE(missing->steps.contains(stepTypeName(StepType::MarkMissing)));
    EXPECT_TRUE(missing->steps.contains(stepTypeName(StepType::Return)));
    EXPECT_NE(missing->route, BacklogRoute::Job);
}

TEST(BacklogTest, JsonCarriesGroupsAndCounts)
{
    const Backlog backlog = BacklogReader().read(kExport, WorkMode::Followup);
    const nlohmann::json doc = backlog.toJson();
    EXPECT_EQ(doc["mode"], "followup");
    EXPECT_EQ(doc["rows"], 8);
    ASSERT_TRUE(doc["groups"].is_array());
    EXPECT_EQ(doc["groups"].size(), backlog.groups.size());
    EXPECT_EQ(doc["groups"][0]["statuses"][0], "MISSING");
    EXPECT_EQ(doc["groups"][0]["count"], 3);
    EXPECT_EQ(doc["groups"][0]["route"], "job");
    EXPECT_EQ(doc["problems"].size(), 2u);
}

TEST(BacklogTest, ProcessTypeLabelsBecomeCodes)
{
    EXPECT_EQ(BacklogReader::processTypeCode(QStringLiteral("Technical - Migration")),
              QStringLiteral("TECHNICAL"));
    EXPECT_EQ(BacklogReader::processTypeCode(QStringLiteral("TECHNICAL")),
              QStringLiteral("TECHNICAL"));
    EXPECT_EQ(BacklogReader::processTypeCode(QStringLiteral("Lost Loan")),
              QStringLiteral("LOST_LOAN"));
    EXPECT_EQ(BacklogReader::processTypeCode(QStringLiteral("  ")), QString());
    EXPECT_EQ(BacklogReader::processTypeCode(QStringLiteral("Lost ILL")),
              QStringLiteral("LOST_ILL"));
}

TEST(BacklogTest, MissingColumnsAreClearErrors)
{
    const Backlog noBarcode =
        BacklogReader().read("Title,Internal Note 1\r\nx,Status: Missing\r\n", WorkMode::Followup);
    EXPECT_FALSE(noBarcode.ok());
    EXPECT_TRUE(noBarcode.error.contains(QStringLiteral("Barcode")));

    const Backlog noNotes = BacklogReader().read("Barcode,Title\r\nB1,x\r\n", WorkMode::Followup);
    EXPECT_FALSE(noNotes.ok());
    EXPECT_TRUE(noNotes.error.contains(QStringLiteral("Internal Note")));

    const Backlog empty = BacklogReader().read("", WorkMode::Followup);
    EXPECT_FALSE(empty.ok());
}

TEST(BacklogTest, TabSeparatedWithoutProcessTypeWarns)
{
    const Backlog backlog = BacklogReader().read(
        "Barcode\tInternal Note 3\nV1\tMissing\nV2\tDamaged\n", WorkMode::Followup);
    ASSERT_TRUE(backlog.ok()) << backlog.error.toStdString();
    EXPECT_EQ(backlog.migrationRows, 2);
    EXPECT_FALSE(backlog.warnings.isEmpty());
    EXPECT_NE(groupWith(backlog, QStringLiteral("MISSING")), nullptr);
    EXPECT_NE(groupWith(backlog, QStringLiteral("DAMAGED")), nullptr);
}

TEST(BacklogTest, ReadFileReportsUnreadableFile)
{
    QTemporaryDir dir;
    const Backlog backlog =
        BacklogReader().readFile(dir.filePath(QStringLiteral("none.csv")), WorkMode::Followup);
    EXPECT_FALSE(backlog.ok());
    EXPECT_TRUE(backlog.error.contains(QStringLiteral("none.csv")));
}

} // namespace
