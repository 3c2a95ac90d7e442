// Session reports: the CSV round-trips every field (commas, quotes, newlines, non-ASCII), the
// summary counts by legacy status and outcome, and the shelf-search list exports in shelf order.
#include "reports/SessionReport.h"
#include "reports/Csv.h"

#include "desk/ScanRecord.h"
#include "desk/ShelfList.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace migdesk;

namespace {

ScanRecord doneRecord()
{
    ScanRecord r;
    r.id = 1;
    r.at = QDateTime::fromString(QStringLiteral("2026-11-28T10:42:07.123Z"), Qt::ISODateWithMs);
    r.barcode = QStringLiteral("31297400000007");
    r.hasItem = true;
    r.item.title = QString::fromUtf8("Stra\xC3\x9F"
                                     "e, \"quoted\"\nand more");
    r.item.callNumber = QStringLiteral("QK475 .W64 2016");
    r.item.library = {QStringLiteral("MAIN"), QStringLiteral("Main Library")};
    r.item.location = {QStringLiteral("STACKS"), QStringLiteral("Stacks")};
    r.item.baseStatus = {QStringLiteral("0"), QStringLiteral("Item not in place")};
    r.item.processType = {QStringLiteral("TECHNICAL"), QStringLiteral("Technical - Migration")};
    r.item.barcode = r.barcode;
    r.reading.statuses.push_back({QStringLiteral("MISSING"), QStringLiteral("internal_note_1"),
                                  QStringLiteral("Missing"), 8, 7});
    r.reading.statuses.push_back({QStringLiteral("DAMAGED"), QStringLiteral("internal_note_1"),
                                  QStringLiteral("Damaged"), 20, 7});
    Step condition;
    condition.type = StepType::SetCondition;
    Step ret;
    ret.type = StepType::Return;
    r.plan.steps = {condition, ret};
    r.plan.statusIds = {QStringLiteral("MISSING"), QStringLiteral("DAMAGED")};
    r.hasResult = true;
    r.result.outcome = Outcome::Done;
    r.result.before = r.item;
    r.result.after = r.item;
    r.result.after.baseStatus = {QStringLiteral("1"), QStringLiteral("Item in place")};
    r.result.after.processType = {};
    r.result.after.physicalCondition = {QStringLiteral("DAMAGED"), QStringLiteral("Damaged")};
    r.result.hasAfter = true;
    r.result.almaSentence = QStringLiteral("Item's destination is: Reshelve to Stacks.");
    r.outcome = Outcome::Done;
    r.message = QStringLiteral("Returned, condition set to Damaged");
    return r;
}

ScanRecord notFoundRecord()
{
    ScanRecord r;
    r.id = 2;
    r.at = QDateTime::fromString(QStringLiteral("2026-11-28T10:43:00.000Z"), Qt::ISODateWithMs);
    r.barcode = QStringLiteral("39999999999999");
    r.outcome = Outcome::NotFound;
    r.message = QStringLiteral("No item with barcode 39999999999999 in Alma.");
    return r;
}

ScanRecord errorRecord()
{
    ScanRecord r = doneRecord();
    r.id = 3;
    r.reading.statuses.resize(1);
    r.hasResult = true;
    r.result.hasAfter = false;
    r.result.outcome = Outcome::Error;
    r.result.error = ApiError::make(ErrorKind::Stale, QStringLiteral("changed in Alma"));
    r.outcome = Outcome::Error;
    r.message = QStringLiteral("Not written: the item changed in Alma.");
    return r;
}

} // namespace

TEST(SessionReportTest, RowCarriesBeforeAndAfterState)
{
    const ReportRow row = reportRow(doneRecord());
    EXPECT_EQ(row.statusIds, (QStringList{QStringLiteral("MISSING"), QStringLiteral("DAMAGED")}));
    EXPECT_EQ(row.plannedSteps,
              (QStringList{QStringLiteral("SET_CONDITION"), QStringLiteral("RETURN")}));
    EXPECT_EQ(row.beforeProcessType, QStringLiteral("TECHNICAL"));
    EXPECT_EQ(row.beforeBaseStatus, QStringLiteral("0"));
    EXPECT_EQ(row.afterProcessType, QString());
    EXPECT_EQ(row.afterBaseStatus, QStringLiteral("1"));
    EXPECT_EQ(row.afterCondition, QStringLiteral("DAMAGED"));
    const ReportRow error = reportRow(errorRecord());
    EXPECT_EQ(error.errorCode, QStringLiteral("stale"));
    EXPECT_TRUE(error.afterProcessType.isEmpty());
}

TEST(SessionReportTest, CsvRoundTrip)
{
    const std::vector<ReportRow> rows{reportRow(doneRecord()), reportRow(notFoundRecord()),
                                      reportRow(errorRecord())};
    const QByteArray bytes = sessionCsv(rows);
    EXPECT_TRUE(bytes.startsWith(csv::utf8Bom()));
    EXPECT_TRUE(bytes.contains("\r\n"));
    const SessionCsvRead read = readSessionCsv(bytes);
    ASSERT_TRUE(read.error.isEmpty()) << read.error.toStdString();
    ASSERT_EQ(read.rows.size(), rows.size());
    for (size_t i = 0; i < rows.size(); ++i)
        EXPECT_EQ(read.rows[i], rows[i]) << "row " << i;
}

TEST(SessionReportTest, ForeignCsvIsRefused)
{
    EXPECT_FALSE(readSessionCsv("a,b\r\n1,2\r\n").error.isEmpty());
    QByteArray truncated = sessionCsv({reportRow(doneRecord())});
    truncated.chop(40);
    EXPECT_FALSE(readSessionCsv(truncated).error.isEmpty());
}

TEST(SessionReportTest, SummaryCountsByStatusAndOutcome)
{
    const std::vector<ReportRow> rows{reportRow(doneRecord()), reportRow(notFoundRecord()),
                                      reportRow(errorRecord())};
    const SessionSummary summary = summarize(rows);
    EXPECT_EQ(summary.scans, 3);
    EXPECT_EQ(summary.totals.at(Outcome::Done), 1);
    EXPECT_EQ(summary.totals.at(Outcome::NotFound), 1);
    EXPECT_EQ(summary.totals.at(Outcome::Error), 1);
    EXPECT_EQ(summary.byStatus.at(QStringLiteral("MISSING")).at(Outcome::Done), 1);
    EXPECT_EQ(summary.byStatus.at(QStringLiteral("MISSING")).at(Outcome::Error), 1);
    EXPECT_EQ(summary.byStatus.at(QStringLiteral("DAMAGED")).at(Outcome::Done), 1);
    EXPECT_EQ(summary.byStatus.at(QStringLiteral("DAMAGED")).count(Outcome::Error), 0u);
    EXPECT_EQ(summary.byStatus.at(QString()).at(Outcome::NotFound), 1);

    const auto parsed = csv::parse(summaryCsv(summary));
    ASSERT_TRUE(parsed.ok());
    ASSERT_EQ(parsed.rows.size(), 5u); // header, "", DAMAGED, MISSING, all
    const QStringList header = parsed.rows[0];
    const QStringList all = parsed.rows.back();
    EXPECT_EQ(all.first(), QStringLiteral("all"));
    EXPECT_EQ(all.last(), QStringLiteral("3"));
    EXPECT_EQ(all[header.indexOf(QStringLiteral("done"))], QStringLiteral("1"));
    const QStringList missing = parsed.rows[3];
    EXPECT_EQ(missing.first(), QStringLiteral("MISSING"));
    EXPECT_EQ(missing.last(), QStringLiteral("2"));
}

TEST(SessionReportTest, ShelfListCsvInShelfOrderAndFileWrite)
{
    ShelfList list;
    ShelfListEntry b;
    b.barcode = QStringLiteral("B");
    b.library = {QStringLiteral("MAIN"), QStringLiteral("Main Library")};
    b.location = {QStringLiteral("STACKS"), QStringLiteral("Stacks")};
    b.callNumber = QStringLiteral("QK10");
    b.title = QStringLiteral("Trees, and more");
    ShelfListEntry a = b;
    a.barcode = QStringLiteral("A");
    a.callNumber = QStringLiteral("QK9");
    list.add(b);
    list.add(a);
    list.markFound(QStringLiteral("B"), QDateTime::currentDateTime());
    const QByteArray bytes = shelfListCsv(list);
    const auto parsed = csv::parse(bytes);
    ASSERT_EQ(parsed.rows.size(), 3u);
    EXPECT_EQ(parsed.rows[1][4], QStringLiteral("A"));
    EXPECT_EQ(parsed.rows[2][4], QStringLiteral("B"));
    EXPECT_EQ(parsed.rows[2][3], QStringLiteral("Trees, and more"));
    EXPECT_EQ(parsed.rows[2][6], QStringLiteral("yes"));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shelf.csv"));
    QString error;
    ASSERT_TRUE(writeReportFile(path, bytes, &error)) << error.toStdString();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), bytes);
    EXPECT_FALSE(writeReportFile(dir.filePath(QStringLiteral("no/such/dir/x.csv")), bytes, &error));
    EXPECT_FALSE(error.isEmpty());
}
