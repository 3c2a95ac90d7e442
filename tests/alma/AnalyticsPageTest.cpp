// AnalyticsPageParser on hand-written Alma answers: the XML inside anies[0], Column0, headings
// from the first page's schema only, cells left out, a single-row page, and broken answers.
#include "analytics/AnalyticsPage.h"
#include "analytics/AnalyticsCalls.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <vector>

namespace migdesk::test {
namespace {

QByteArray schema(const QStringList &headings)
{
    QByteArray out = "<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
                     "xmlns:saw-sql=\"urn:saw-sql\"><xsd:complexType name=\"Row\"><xsd:sequence>"
                     "<xsd:element name=\"Column0\" saw-sql:columnHeading=\"0\"/>";
    for (int i = 0; i < headings.size(); ++i)
        out += QStringLiteral("<xsd:element name=\"Column%1\" type=\"xsd:string\" "
                              "saw-sql:columnHeading=\"%2\"/>")
                   .arg(i + 1)
                   .arg(headings.at(i))
                   .toUtf8();
    return out + "</xsd:sequence></xsd:complexType></xsd:schema>";
}

QByteArray page(const QByteArray &rows, bool finished, const QByteArray &head = {})
{
    const QByteArray xml = "<QueryResult xmlns=\"urn:schemas-microsoft-com:xml-analysis:rowset\">" +
                           head + "<IsFinished>" + (finished ? "true" : "false") +
                           "</IsFinished><ResultXml><rowset>" + rows +
                           "</rowset></ResultXml></QueryResult>";
    return QByteArray::fromStdString(
        nlohmann::json{{"anies", nlohmann::json::array({xml.toStdString()})}}.dump());
}

struct Collected {
    std::vector<QStringList> rows;
    AnalyticsPageParser::RowFunction fn()
    {
        return [this](const QStringList &cells) { rows.push_back(cells); };
    }
};

TEST(AnalyticsPageTest, ReadsHeadingsTokenAndRowsSkippingColumnZero)
{
    AnalyticsPageParser parser;
    Collected got;
    const QByteArray first =
        page("<Row><Column0>0</Column0><Column1>301</Column1><Column2>Technical - "
             "Migration</Column2><Column3>MISSING</Column3></Row>",
             false,
             "<ResumptionToken>TOKEN-1</ResumptionToken>" +
                 schema({QStringLiteral("Barcode"), QStringLiteral("Process Type"),
                         QStringLiteral("Internal Note 1")}));
    ASSERT_FALSE(parser.parse(first, got.fn()).isError());
    EXPECT_EQ(parser.headings(),
              (QStringList{QStringLiteral("Barcode"), QStringLiteral("Process Type"),
                           QStringLiteral("Internal Note 1")}));
    EXPECT_EQ(parser.resumptionToken(), QStringLiteral("TOKEN-1"));
    EXPECT_FALSE(parser.isFinished());
    ASSERT_EQ(got.rows.size(), 1u);
    EXPECT_EQ(got.rows[0],
              (QStringList{QStringLiteral("301"), QStringLiteral("Technical - Migration"),
                           QStringLiteral("MISSING")}));
}

TEST(AnalyticsPageTest, LeftOutCellsComeBackEmptyAndLaterSchemasAreIgnored)
{
    AnalyticsPageParser parser;
    Collected got;
    const QStringList headings = {QStringLiteral("Barcode"), QStringLiteral("Note"),
                                  QStringLiteral("Title")};
    ASSERT_FALSE(
        parser
            .parse(page("<Row><Column0>0</Column0><Column1>1</Column1><Column3>A &amp; B</Column3>"
                        "</Row><Row><Column0>0</Column0><Column2>only note</Column2></Row>",
                        false, "<ResumptionToken>T</ResumptionToken>" + schema(headings)),
                   got.fn())
            .isError());
    // A later page with a different (wrong) schema and no token: the first page's rule.
    ASSERT_FALSE(parser
                     .parse(page("<Row><Column0>0</Column0><Column1>3</Column1></Row>", true,
                                 schema({QStringLiteral("X"), QStringLiteral("Y")})),
                            got.fn())
                     .isError());
    EXPECT_EQ(parser.headings(), headings);
    EXPECT_EQ(parser.resumptionToken(), QStringLiteral("T"));
    EXPECT_TRUE(parser.isFinished());
    EXPECT_EQ(parser.rowsInLastPage(), 1);
    ASSERT_EQ(got.rows.size(), 3u);
    EXPECT_EQ(got.rows[0], (QStringList{QStringLiteral("1"), QString(), QStringLiteral("A & B")}));
    EXPECT_EQ(got.rows[1], (QStringList{QString(), QStringLiteral("only note"), QString()}));
    EXPECT_EQ(got.rows[2], (QStringList{QStringLiteral("3"), QString(), QString()}));
}

TEST(AnalyticsPageTest, AcceptsBareXmlAndAnAniesObject)
{
    AnalyticsPageParser parser;
    Collected got;
    const QByteArray xml = "<QueryResult><IsFinished>true</IsFinished><ResultXml><rowset>" +
                           schema({QStringLiteral("Barcode")}) +
                           "<Row><Column0>0</Column0><Column1>9</Column1></Row></rowset>"
                           "</ResultXml></QueryResult>";
    ASSERT_FALSE(parser.parse(xml, got.fn()).isError());
    const QByteArray single = QByteArray::fromStdString(
        nlohmann::json{{"anies", xml.toStdString()}}.dump()); // a string, not a list
    AnalyticsPageParser second;
    ASSERT_FALSE(second.parse(single, got.fn()).isError());
    ASSERT_EQ(got.rows.size(), 2u);
    EXPECT_EQ(got.rows[1], QStringList{QStringLiteral("9")});
}

TEST(AnalyticsPageTest, JsonEscapesAreUndoneAsByAFullJsonParser)
{
    // Escaped slashes, quotes, a BMP character and a surrogate pair, as Alma's JSON may write
    // them; the same answer with a space after the colon takes the general JSON parser.
    const QByteArray compact =
        R"({"anies":["<QueryResult><IsFinished>true<\/IsFinished><ResultXml><rowset>)"
        R"(<xsd:schema xmlns:xsd=\"x\" xmlns:saw-sql=\"s\"><xsd:element name=\"Column1\" )"
        R"(saw-sql:columnHeading=\"Title\"\/><\/xsd:schema><Row><Column0>0<\/Column0>)"
        R"(<Column1>caf\u00e9 \ud83d\ude00 \"q\" a\\b\tc<\/Column1><\/Row>)"
        R"(<\/rowset><\/ResultXml><\/QueryResult>"]})";
    QByteArray spaced = compact;
    spaced.replace("\"anies\":", "\"anies\": ");
    for (const QByteArray &body : {compact, spaced}) {
        AnalyticsPageParser parser;
        Collected got;
        ASSERT_FALSE(parser.parse(body, got.fn()).isError()) << body.constData();
        EXPECT_EQ(parser.headings(), QStringList{QStringLiteral("Title")});
        ASSERT_EQ(got.rows.size(), 1u);
        EXPECT_EQ(got.rows[0].front(), QString::fromUtf8("caf\u00e9 \U0001F600 \"q\" a\\b\tc"));
    }
    // A broken escape on the fast path falls back to the JSON parser, which refuses it.
    AnalyticsPageParser parser;
    Collected got;
    EXPECT_EQ(parser.parse(R"({"anies":["<a>\ud83d<\/a>"]})", got.fn()).kind, ErrorKind::Parse);
}

TEST(AnalyticsPageTest, BrokenAnswersAreParseErrors)
{
    Collected got;
    for (const QByteArray &body :
         {QByteArray("{\"anies\":[]}"), QByteArray("{\"other\":1}"), QByteArray("not json"),
          QByteArray("{\"anies\":[\"<QueryResult><IsFinished>true</IsFinished><Row>\"]}"),
          QByteArray("{\"anies\":[\"<Other/>\"]}"), QByteArray("{\"anies\":[42]}")}) {
        AnalyticsPageParser parser;
        const ApiError error = parser.parse(body, got.fn());
        EXPECT_EQ(error.kind, ErrorKind::Parse) << body.constData();
        EXPECT_FALSE(error.message.isEmpty());
    }
}

TEST(AnalyticsPageTest, LimitsAreMultiplesOfTwentyFiveWithinRange)
{
    EXPECT_EQ(analyticsLimit(0), 25);
    EXPECT_EQ(analyticsLimit(30), 25);
    EXPECT_EQ(analyticsLimit(40), 50);
    EXPECT_EQ(analyticsLimit(1000), 1000);
    EXPECT_EQ(analyticsLimit(5000), 1000);
    EXPECT_TRUE(checkAnalyticsPath(QStringLiteral("/shared/X/Reports/R")).isEmpty());
    EXPECT_FALSE(checkAnalyticsPath(QStringLiteral("shared/X")).isEmpty());
    EXPECT_FALSE(checkAnalyticsPath(QString()).isEmpty());
    EXPECT_TRUE(checkAnalyticsPath(QString(), true).isEmpty());
    EXPECT_FALSE(checkAnalyticsPath(QStringLiteral("/a\nb")).isEmpty());
}

} // namespace
} // namespace migdesk::test
