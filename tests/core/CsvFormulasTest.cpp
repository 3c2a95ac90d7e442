// The one CSV writer (util/Csv.h) and its three formula policies: Keep (the session report,
// read back by MigDesk), DefuseUnlessNumber (the batch report) and DefuseAll (the desk exports).
// The last two differ on a signed number such as "-5": the batch report keeps it a number, the
// desk exports defuse it. Also pins the batch report's bytes.
#include "batch/BatchReport.h"
#include "util/Csv.h"

#include <gtest/gtest.h>

using namespace migdesk;

namespace {

QString field(const char *text, csv::Formulas formulas)
{
    return csv::escapeField(QString::fromUtf8(text), QLatin1Char(','), formulas);
}

} // namespace

TEST(CsvFormulas, KeepWritesFormulasAsTheyAre)
{
    EXPECT_EQ(field("=SUM(A1)", csv::Formulas::Keep), QStringLiteral("=SUM(A1)"));
    EXPECT_EQ(field("-5", csv::Formulas::Keep), QStringLiteral("-5"));
    EXPECT_EQ(csv::escapeField(QStringLiteral("=1")), QStringLiteral("=1")); // the default
    EXPECT_EQ(csv::formatRow({QStringLiteral("@a"), QStringLiteral("+b")}),
              QStringLiteral("@a,+b\r\n"));
}

TEST(CsvFormulas, DefuseUnlessNumberKeepsSignedNumbers)
{
    const auto policy = csv::Formulas::DefuseUnlessNumber;
    EXPECT_EQ(field("=HYPERLINK(1)", policy), QStringLiteral("'=HYPERLINK(1)"));
    EXPECT_EQ(field("+cmd", policy), QStringLiteral("'+cmd"));
    EXPECT_EQ(field("@SUM(1)", policy), QStringLiteral("'@SUM(1)"));
    EXPECT_EQ(field("-1+cmd|' /C calc'!A0", policy), QStringLiteral("'-1+cmd|' /C calc'!A0"));
    EXPECT_EQ(field("-12.5", policy), QStringLiteral("-12.5"));
    EXPECT_EQ(field("+3", policy), QStringLiteral("+3"));
    EXPECT_EQ(field("plain", policy), QStringLiteral("plain"));
    EXPECT_EQ(field("", policy), QString());
}

TEST(CsvFormulas, DefuseAllDefusesSignedNumbersToo)
{
    const auto policy = csv::Formulas::DefuseAll;
    EXPECT_EQ(field("=SUM(A1)", policy), QStringLiteral("'=SUM(A1)"));
    EXPECT_EQ(field("-5", policy), QStringLiteral("'-5"));
    EXPECT_EQ(field("+3", policy), QStringLiteral("'+3"));
    EXPECT_EQ(field("@x", policy), QStringLiteral("'@x"));
    EXPECT_EQ(field("a=b", policy), QStringLiteral("a=b"));
}

TEST(CsvFormulas, TheApostropheComesBeforeTheQuoting)
{
    for (auto policy : {csv::Formulas::DefuseUnlessNumber, csv::Formulas::DefuseAll}) {
        EXPECT_EQ(field("=A1,B1", policy), QStringLiteral("\"'=A1,B1\""));
        EXPECT_EQ(field("=\"x\"", policy), QStringLiteral("\"'=\"\"x\"\"\""));
        EXPECT_EQ(csv::formatRow({QStringLiteral("-x"), QString(), QStringLiteral("l1\nl2")},
                                 QLatin1Char(','), policy),
                  QStringLiteral("'-x,,\"l1\nl2\"\r\n"));
    }
}

TEST(CsvFormulas, ReadingBackGivesTheDefusedText)
{
    const QString row = csv::formatRow({QStringLiteral("=A1,B1"), QStringLiteral("-2")},
                                       QLatin1Char(','), csv::Formulas::DefuseUnlessNumber);
    const auto parsed = csv::parse(row);
    ASSERT_TRUE(parsed.ok());
    ASSERT_EQ(parsed.rows.size(), 1u);
    EXPECT_EQ(parsed.rows[0], (QStringList{QStringLiteral("'=A1,B1"), QStringLiteral("-2")}));
}

TEST(CsvFormulas, BatchReportBytesAreStable)
{
    BatchRow row;
    row.barcode = QStringLiteral("=1+1");
    row.title = QStringLiteral("Gray's anatomy, 41st ed.");
    row.callNumber = QStringLiteral("-12.5");
    row.statusIds = {QStringLiteral("DAMAGED")};
    row.plannedSteps = {QStringLiteral("SET_CONDITION"), QStringLiteral("RETURN")};
    row.outcome = Outcome::Done;
    row.message = QStringLiteral("say \"hi\"");
    const QByteArray bytes = batchReportCsv({row});
    QByteArray header = "\xEF\xBB\xBF";
    header += csv::formatRow(batchReportHeader()).toUtf8();
    ASSERT_TRUE(bytes.startsWith(header)) << bytes.toStdString();
    const QByteArray body = bytes.mid(header.size());
    EXPECT_TRUE(body.startsWith("'=1+1,\"Gray's anatomy, 41st ed.\",-12.5,")) << body.toStdString();
    EXPECT_TRUE(body.contains(",\"say \"\"hi\"\"\","));
    EXPECT_TRUE(body.endsWith("\r\n"));
    EXPECT_EQ(body.count("\r\n"), 1);
}
