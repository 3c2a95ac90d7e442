// ListImport: plain lists and Analytics-style CSV, with BOMs, blank lines, duplicates and junk.
#include "desk/ListImport.h"

#include <QStringEncoder>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using migdesk::ListImport;
using migdesk::ListImportResult;

TEST(ListImportTest, PlainLinesWithBomBlankLinesAndCrlf)
{
    const QByteArray data = "\xEF\xBB\xBF"
                            "31297400000007\r\n"
                            "\r\n"
                            "  31297400000014  \r\n"
                            "\r\n"
                            "31297400000021";
    const ListImportResult result = ListImport().parse(data);
    ASSERT_TRUE(result.ok()) << result.error.toStdString();
    EXPECT_EQ(result.format, ListImportResult::Format::Lines);
    EXPECT_EQ(result.barcodes,
              (QStringList{QStringLiteral("31297400000007"), QStringLiteral("31297400000014"),
                           QStringLiteral("31297400000021")}));
    EXPECT_TRUE(result.duplicates.empty());
    EXPECT_TRUE(result.rejected.empty());
}

TEST(ListImportTest, DuplicatesAreKeptOnceAndReportedOnce)
{
    const QByteArray data = "A1\nB2\nA1\nC3\nA1\nB2\n";
    const ListImportResult result = ListImport().parse(data);
    EXPECT_EQ(result.barcodes,
              (QStringList{QStringLiteral("A1"), QStringLiteral("B2"), QStringLiteral("C3")}));
    ASSERT_EQ(result.duplicates.size(), 2u);
    EXPECT_EQ(result.duplicates[0].barcode, QStringLiteral("A1"));
    EXPECT_EQ(result.duplicates[0].firstLine, 1);
    EXPECT_EQ(result.duplicates[0].count, 3);
    EXPECT_EQ(result.duplicates[1].barcode, QStringLiteral("B2"));
    EXPECT_EQ(result.duplicates[1].count, 2);
    EXPECT_TRUE(result.summary().contains(QStringLiteral("2 duplicate")));
}

TEST(ListImportTest, AnalyticsCsvUsesTheBarcodeColumn)
{
    const QByteArray data =
        "\xEF\xBB\xBF"
        "Title,Barcode,Permanent Call Number,Internal Note 1\r\n"
        "\"Middlemarch, a study\",31297400000014,PR4662 .A1,\"Status: Missing\"\r\n"
        "\"He said \"\"hi\"\"\",31297400000021,QA76,\"multi\nline note\"\r\n"
        "\r\n"
        "Another,31297400000014,X,\r\n";
    const ListImportResult result = ListImport().parse(data);
    ASSERT_TRUE(result.ok()) << result.error.toStdString();
    EXPECT_EQ(result.format, ListImportResult::Format::Csv);
    EXPECT_EQ(result.column, QStringLiteral("Barcode"));
    EXPECT_EQ(result.barcodes,
              (QStringList{QStringLiteral("31297400000014"), QStringLiteral("31297400000021")}));
    ASSERT_EQ(result.duplicates.size(), 1u);
    EXPECT_EQ(result.duplicates[0].barcode, QStringLiteral("31297400000014"));
}

TEST(ListImportTest, SemicolonCsvAndCaseInsensitiveHeader)
{
    const QByteArray data = "title;BARCODE\nOne;A1\nTwo;B2\n";
    const ListImportResult result = ListImport().parse(data);
    EXPECT_EQ(result.format, ListImportResult::Format::Csv);
    EXPECT_EQ(result.barcodes, (QStringList{QStringLiteral("A1"), QStringLiteral("B2")}));
}

TEST(ListImportTest, Utf16WithBomIsRead)
{
    QStringEncoder encoder(QStringConverter::Utf16LE);
    const QByteArray data =
        QByteArray("\xFF\xFE", 2) + QByteArray(encoder(QStringLiteral("Barcode\r\nA1\r\nB2\r\n")));
    const ListImportResult result = ListImport().parse(data);
    EXPECT_EQ(result.format, ListImportResult::Format::Csv);
    EXPECT_EQ(result.barcodes, (QStringList{QStringLiteral("A1"), QStringLiteral("B2")}));
}

TEST(ListImportTest, JunkLinesAreRejectedWithLineAndReason)
{
    const QByteArray data = "A1\nnot a barcode\nB2\n" + QByteArray(2000, 'x') + "\nC/3\n";
    const ListImportResult result = ListImport().parse(data);
    EXPECT_EQ(result.barcodes, (QStringList{QStringLiteral("A1"), QStringLiteral("B2")}));
    ASSERT_EQ(result.rejected.size(), 3u);
    EXPECT_EQ(result.rejected[0].line, 2);
    EXPECT_EQ(result.rejected[1].line, 4);
    EXPECT_LE(result.rejected[1].text.size(), 200) << "a huge line is not copied whole";
    EXPECT_EQ(result.rejected[2].line, 5);
    for (const auto &problem : result.rejected)
        EXPECT_FALSE(problem.reason.isEmpty());
}

TEST(ListImportTest, BrokenCsvIsAnError)
{
    const QByteArray data = "Barcode,Title\nA1,\"never closed\n";
    const ListImportResult result = ListImport().parse(data);
    EXPECT_FALSE(result.ok());
}

TEST(ListImportTest, ReadsAFileAndReportsAMissingOne)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("list.txt"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("A1\nB2\n");
    file.close();
    EXPECT_EQ(ListImport().readFile(path).barcodes.size(), 2);
    const auto missing = ListImport().readFile(dir.filePath(QStringLiteral("nope.txt")));
    EXPECT_FALSE(missing.ok());
}
