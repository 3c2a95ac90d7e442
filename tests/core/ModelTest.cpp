// Item, Loan and ApiError against real Alma responses (tests/fixtures/alma).
#include "TestSupport.h"

#include "model/ApiError.h"
#include "model/Item.h"
#include "model/Loan.h"

#include <gtest/gtest.h>

using namespace migdesk;

TEST(ModelTest, ReadsRealItem)
{
    const auto result = parseItem(test::readFixture(QStringLiteral("alma/item_response.json")));
    ASSERT_TRUE(result.isOk()) << result.error().message.toStdString();
    const Item &item = result.value();
    EXPECT_EQ(item.barcode, QStringLiteral("303011kj0"));
    EXPECT_EQ(item.mmsId, QStringLiteral("990006312214702204"));
    EXPECT_EQ(item.holdingId, QStringLiteral("22163771200002204"));
    EXPECT_EQ(item.title, QStringLiteral("Bananboken"));
    EXPECT_EQ(item.internalNote1, QStringLiteral("Status: kat - kat"));
    EXPECT_TRUE(item.isInPlace());
    EXPECT_FALSE(item.tempLibrary.value.size());
}

TEST(ModelTest, RoundTripKeepsUnknownFields)
{
    const QByteArray body = test::readFixture(QStringLiteral("alma/item_response.json"));
    const auto result = parseItem(body);
    ASSERT_TRUE(result.isOk());
    const nlohmann::json original = nlohmann::json::parse(body.toStdString());
    const nlohmann::json written =
        nlohmann::json::parse(serializeItem(result.value()).toStdString());
    EXPECT_EQ(written["bib_data"], original["bib_data"]);
    EXPECT_EQ(written["holding_data"], original["holding_data"]);
    EXPECT_EQ(written["item_data"]["edition"], original["item_data"]["edition"]);
    EXPECT_EQ(written["item_data"]["enumeration_a"], original["item_data"]["enumeration_a"]);
}

TEST(ModelTest, ReadsTransitScanIn)
{
    const auto result =
        parseItem(test::readFixture(QStringLiteral("alma/scanin_transit_response.json")));
    ASSERT_TRUE(result.isOk());
    EXPECT_EQ(result.value().processType.value, QStringLiteral("TRANSIT"));
    EXPECT_FALSE(result.value().requested);
    EXPECT_TRUE(result.value().additionalInfo.startsWith(QStringLiteral("Item's destination is:")));
}

TEST(ModelTest, ReadsLoans)
{
    const auto result =
        parseLoans(test::readFixture(QStringLiteral("alma/item_loan_response.json")));
    ASSERT_TRUE(result.isOk());
    ASSERT_EQ(result.value().size(), 1u);
    EXPECT_EQ(result.value()[0].loanId, QStringLiteral("7378239410002204"));
    EXPECT_EQ(result.value()[0].circDesk.value, QStringLiteral("DEFAULT_CIRC_DESK"));
    EXPECT_TRUE(result.value()[0].isActive());
}

TEST(ModelTest, ErrorBodies)
{
    const auto notFound = parseAlmaError(
        test::readFixture(QStringLiteral("alma/item_barcode_error_response.json")), 400);
    EXPECT_EQ(notFound.kind, ErrorKind::Alma);
    EXPECT_EQ(notFound.code, QStringLiteral("401689"));
    EXPECT_FALSE(notFound.trackingId.isEmpty());

    const auto limited = parseAlmaError(
        test::readFixture(QStringLiteral("alma/per_second_threshold_error_response.json")), 429);
    EXPECT_EQ(limited.kind, ErrorKind::RateLimited);

    const auto xml =
        parseAlmaError(test::readFixture(QStringLiteral("alma/error_response.xml")), 400);
    EXPECT_EQ(xml.code, QStringLiteral("401664"));
    EXPECT_EQ(xml.message, QStringLiteral("Mandatory field is missing: library"));

    const auto single = parseAlmaError(
        R"({"errorsExist":true,"errorList":{"error":{"errorCode":"401652","errorMessage":"General"}}})",
        400);
    EXPECT_EQ(single.code, QStringLiteral("401652"));

    const auto garbage = parseAlmaError("<html>gateway", 503);
    EXPECT_EQ(garbage.kind, ErrorKind::Http);
    EXPECT_EQ(garbage.httpStatus, 503);
}

TEST(ModelTest, BadInputIsTypedParseError)
{
    for (const char *body :
         {"", "{", "[]", "null", "{\"item_data\": 5}", "{\"item_data\": {\"barcode\": [1]}}"}) {
        const auto result = parseItem(QByteArray(body));
        if (!result.isOk()) {
            EXPECT_EQ(result.error().kind, ErrorKind::Parse) << body;
        }
    }
    EXPECT_FALSE(parseItem("{").isOk());
    EXPECT_FALSE(parseLoans("[1,2]").isOk());
}
