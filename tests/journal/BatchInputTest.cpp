// The batch's barcode list reader, the RFC 4180 helpers and the report CSV.
#include "batch/BarcodeInput.h"
#include "batch/BatchReport.h"
#include "batch/ProgressLine.h"
#include "util/Csv.h"

#include <gtest/gtest.h>

using namespace migdesk;

TEST(BarcodeInputTest, PlainListWithBomBlankLinesCrlfAndDuplicates)
{
    const QByteArray data = "\xEF\xBB\xBF"
                            "39015110000000\r\n\r\n  39015110000018  \r\n39015110000000\n"
                            "39015110000000\n\n";
    auto input = parseBarcodeInput(data);
    ASSERT_TRUE(input.isOk());
    EXPECT_FALSE(input.value().fromCsv);
    EXPECT_EQ(input.value().barcodes,
              (QStringList{QStringLiteral("39015110000000"), QStringLiteral("39015110000018")}));
    EXPECT_EQ(input.value().duplicates, QStringList{QStringLiteral("39015110000000")});
    EXPECT_TRUE(input.value().rejected.empty());
}

TEST(BarcodeInputTest, AnalyticsCsvUsesTheBarcodeColumn)
{
    const QByteArray data = "Title,Barcode,Call Number\r\n"
                            "\"Moby-Dick, or, The whale\",39015110000091,PS2384\r\n"
                            "\"Quote \"\"here\"\"\",39015110000109,\"JK155\r\nline 2\"\r\n";
    auto input = parseBarcodeInput(data);
    ASSERT_TRUE(input.isOk());
    EXPECT_TRUE(input.value().fromCsv);
    EXPECT_EQ(input.value().barcodes,
              (QStringList{QStringLiteral("39015110000091"), QStringLiteral("39015110000109")}));
}

TEST(BarcodeInputTest, ACsvWithoutABarcodeColumnIsRefused)
{
    auto input = parseBarcodeInput("Title,Call Number\r\nA,B\r\n");
    ASSERT_FALSE(input.isOk());
    EXPECT_EQ(input.error().kind, ErrorKind::Validation);
}

TEST(BarcodeInputTest, JunkLinesAreRejectedWithTheirLineNumber)
{
    auto input = parseBarcodeInput("39015110000000\nbad barcode?x=1\n39015110000018\n");
    ASSERT_TRUE(input.isOk());
    EXPECT_EQ(input.value().barcodes.size(), 2);
    ASSERT_EQ(input.value().rejected.size(), 1u);
    EXPECT_EQ(input.value().rejected[0].line, 2);
    EXPECT_FALSE(input.value().rejected[0].reason.isEmpty());
}

TEST(BarcodeInputTest, TheDigestRecognisesTheSameList)
{
    const QStringList a{QStringLiteral("1"), QStringLiteral("2")};
    EXPECT_EQ(barcodeListDigest(a), barcodeListDigest(a));
    EXPECT_NE(barcodeListDigest(a), barcodeListDigest({QStringLiteral("12")}));
}

namespace {
// The batch report's CSV policy (util/Csv.h): defuse formulas, keep signed numbers.
QString field(const QString &value)
{
    return csv::escapeField(value, QLatin1Char(','), csv::Formulas::DefuseUnlessNumber);
}
QString record(const QStringList &fields)
{
    return csv::formatRow(fields, QLatin1Char(','), csv::Formulas::DefuseUnlessNumber);
}
} // namespace

TEST(CsvTest, FieldsAreQuotedOnlyWhenNeededAndFormulasAreDefused)
{
    EXPECT_EQ(field(QStringLiteral("plain")), QStringLiteral("plain"));
    EXPECT_EQ(field(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
    EXPECT_EQ(field(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
    EXPECT_EQ(field(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
    EXPECT_EQ(field(QStringLiteral("=HYPERLINK(1)")), QStringLiteral("'=HYPERLINK(1)"));
    EXPECT_EQ(field(QStringLiteral("-12.5")), QStringLiteral("-12.5"));
    EXPECT_EQ(record({QStringLiteral("a"), QString()}), QStringLiteral("a,\r\n"));
}

TEST(CsvTest, ParseRoundTripsWhatRecordWrites)
{
    const QStringList fields{QStringLiteral("x,y"), QStringLiteral("q\"q"),
                             QStringLiteral("l1\r\nl2"), QString(), QStringLiteral("ü")};
    const auto rows = csv::parse(record(fields) + record(fields)).rows;
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0], fields);
    EXPECT_EQ(rows[1], fields);
}

TEST(BatchReportTest, ReportHasBomHeaderAndOneCrlfRowPerItem)
{
    BatchRow row;
    row.barcode = QStringLiteral("39015110000042");
    row.title = QStringLiteral("Gray's anatomy, 41st ed.");
    row.statusIds = {QStringLiteral("DAMAGED")};
    row.plannedSteps = {QStringLiteral("SET_CONDITION"), QStringLiteral("RETURN")};
    row.outcome = Outcome::Done;
    row.almaSentence = QStringLiteral("Item's destination is: Reshelve to Stacks.");
    const QByteArray csv = batchReportCsv({row});
    ASSERT_TRUE(csv.startsWith("\xEF\xBB\xBF"));
    const auto rows = csv::parse(QString::fromUtf8(csv.mid(3))).rows;
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0], batchReportHeader());
    EXPECT_EQ(rows[1].at(1), row.title);
    EXPECT_EQ(rows[1].at(4), QStringLiteral("SET_CONDITION RETURN"));
    EXPECT_EQ(rows[1].at(5), QStringLiteral("done"));
    EXPECT_EQ(csv.count("\r\n"), 2);
}

TEST(BatchReportTest, RowsSurviveTheJournalAsJson)
{
    BatchRow row;
    row.barcode = QStringLiteral("B1");
    row.outcome = Outcome::TransitOrHold;
    row.errorCode = QStringLiteral("401689");
    row.statusIds = {QStringLiteral("MISSING"), QStringLiteral("DAMAGED")};
    row.calls = 4;
    const BatchRow back = batchRowFromJson(batchRowToJson(row));
    EXPECT_EQ(back.barcode, row.barcode);
    EXPECT_EQ(back.outcome, row.outcome);
    EXPECT_EQ(back.errorCode, row.errorCode);
    EXPECT_EQ(back.statusIds, row.statusIds);
    EXPECT_EQ(back.calls, 4);
    EXPECT_TRUE(back.isSuccess());
    row.outcome = Outcome::Pending;
    EXPECT_FALSE(row.isSuccess());
}

TEST(ProgressLineTest, ShowsCountRateAndEta)
{
    EXPECT_EQ(formatProgress(100, 500, 20.0), QStringLiteral("100/500 items  20.0/s  ETA 0:20"));
    EXPECT_EQ(formatProgress(0, 10, 0.0), QStringLiteral("0/10 items  0.0/s  ETA --:--"));
}
