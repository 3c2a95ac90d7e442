// RFC 4180 writer and reader: quoting, CRLF, UTF-8, and a round-trip of awkward fields.
#include "util/Csv.h"

#include <gtest/gtest.h>

namespace csv = migdesk::csv;

TEST(CsvTest, QuotesOnlyWhenNeeded)
{
    EXPECT_EQ(csv::escapeField(QStringLiteral("plain")), QStringLiteral("plain"));
    EXPECT_EQ(csv::escapeField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
    EXPECT_EQ(csv::escapeField(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
    EXPECT_EQ(csv::escapeField(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
    EXPECT_EQ(csv::formatRow({QStringLiteral("a"), QString(), QStringLiteral("c")}),
              QStringLiteral("a,,c\r\n"));
}

TEST(CsvTest, RoundTripsAwkwardFields)
{
    const std::vector<QStringList> rows{
        {QStringLiteral("barcode"), QStringLiteral("title"), QStringLiteral("note")},
        {QStringLiteral("A1"), QStringLiteral("Middlemarch, a study"),
         QStringLiteral("\"quoted\"")},
        {QStringLiteral("B2"),
         QString::fromUtf8("Stra\xC3\x9F"
                           "e \xE6\x97\xA5\xE6\x9C\xAC"),
         QStringLiteral("line one\r\nline two")},
        {QString(), QString(), QString()},
        {QStringLiteral(" leading and trailing "), QStringLiteral(","), QStringLiteral("\"")},
    };
    QString text;
    for (const auto &row : rows)
        text += csv::formatRow(row);
    const auto parsed = csv::parse(csv::utf8Bom() + text.toUtf8());
    ASSERT_TRUE(parsed.ok()) << parsed.error.toStdString();
    ASSERT_EQ(parsed.rows.size(), rows.size());
    for (size_t i = 0; i < rows.size(); ++i)
        EXPECT_EQ(parsed.rows[i], rows[i]) << "row " << i;
}

TEST(CsvTest, ReaderAcceptsLfEndingsAndNoFinalNewline)
{
    const auto parsed = csv::parse(QByteArray("a,b\nc,d"));
    ASSERT_EQ(parsed.rows.size(), 2u);
    EXPECT_EQ(parsed.rows[1], (QStringList{QStringLiteral("c"), QStringLiteral("d")}));
}

TEST(CsvTest, UnclosedQuoteIsReported)
{
    const auto parsed = csv::parse(QByteArray("a,\"b\nc"));
    EXPECT_FALSE(parsed.ok());
}
