// Alma's JSON quirks, one row each: nulls, missing objects, numbers for strings, loans as a
// single object, errors as an object or array. Each must read or fail as a typed error.
#include "model/ApiError.h"
#include "model/Item.h"
#include "model/Loan.h"

#include <gtest/gtest.h>

using namespace migdesk;

TEST(ModelQuirks, NullCodeValuesAndRequested)
{
    const auto result = parseItem(R"({"item_data": {"barcode": "B1",
        "process_type": {"value": null}, "physical_condition": {"value": null, "desc": null},
        "requested": null, "base_status": {"value": "0"}}})");
    ASSERT_TRUE(result.isOk()) << result.error().message.toStdString();
    EXPECT_TRUE(result.value().processType.isEmpty());
    EXPECT_TRUE(result.value().physicalCondition.isEmpty());
    EXPECT_FALSE(result.value().requested);
    EXPECT_FALSE(result.value().isMigrationItem());
}

TEST(ModelQuirks, MissingObjectsAndNumbers)
{
    const auto result = parseItem(R"({"item_data": {"barcode": 1234567, "pid": 23001,
        "process_type": "TECHNICAL", "internal_note_1": 42}})");
    ASSERT_TRUE(result.isOk()) << result.error().message.toStdString();
    const Item &item = result.value();
    EXPECT_EQ(item.barcode, QStringLiteral("1234567"));
    EXPECT_EQ(item.pid, QStringLiteral("23001"));
    EXPECT_TRUE(item.isMigrationItem());
    EXPECT_EQ(item.internalNote1, QStringLiteral("42"));
    EXPECT_TRUE(item.mmsId.isEmpty());
    EXPECT_TRUE(item.holdingId.isEmpty());
}

TEST(ModelQuirks, UnknownFieldsSurviveSerialize)
{
    const auto result = parseItem(R"({"item_data": {"barcode": "B1", "x_new_field": {"a": [1]},
        "internal_note_1": "Status: Missing"}, "future_block": true})");
    ASSERT_TRUE(result.isOk());
    Item item = result.value();
    item.internalNote1 = QStringLiteral("resolved");
    const nlohmann::json written = nlohmann::json::parse(serializeItem(item).toStdString());
    EXPECT_EQ(written["item_data"]["x_new_field"]["a"][0], 1);
    EXPECT_EQ(written["future_block"], true);
    EXPECT_EQ(written["item_data"]["internal_note_1"], "resolved");
}

TEST(ModelQuirks, LoansAsSingleObjectOrNull)
{
    const auto single = parseLoans(R"({"item_loan": {"loan_id": "L1", "loan_status": "ACTIVE"},
        "total_record_count": 1})");
    ASSERT_TRUE(single.isOk());
    ASSERT_EQ(single.value().size(), 1u);
    EXPECT_EQ(single.value()[0].loanId, QStringLiteral("L1"));
    const auto none = parseLoans(R"({"item_loan": null, "total_record_count": 0})");
    ASSERT_TRUE(none.isOk());
    EXPECT_TRUE(none.value().empty());
    const auto complete = parseLoans(R"({"item_loan": [{"loan_status": "COMPLETE"}]})");
    ASSERT_TRUE(complete.isOk());
    EXPECT_FALSE(complete.value()[0].isActive());
}

TEST(ModelQuirks, ErrorListArrayAndWrongShapes)
{
    const auto array = parseAlmaError(
        R"({"errorsExist": true, "errorList": {"error": [{"errorCode": "401689",
            "errorMessage": "No items found", "trackingId": "E01-1"}]}})",
        400);
    EXPECT_EQ(array.kind, ErrorKind::Alma);
    EXPECT_EQ(array.code, QStringLiteral("401689"));
    EXPECT_EQ(array.trackingId, QStringLiteral("E01-1"));
    const auto wrongShape = parseAlmaError(R"({"errorList": {"error": "boom"}})", 500);
    EXPECT_NE(wrongShape.kind, ErrorKind::None);
    EXPECT_EQ(wrongShape.httpStatus, 500);
    const auto truncatedXml = parseAlmaError("<web_service_result><errorsExist>true", 400);
    EXPECT_NE(truncatedXml.kind, ErrorKind::None);
}

TEST(ModelQuirks, WrongTypesAreParseErrors)
{
    for (const char *body : {"{\"item_data\": \"text\"}", "\"just a string\"", "12",
                             "{\"item_data\": {\"barcode\": {\"nested\": 1}}}", "\xff\xfe"}) {
        const auto result = parseItem(QByteArray(body));
        if (!result.isOk()) {
            EXPECT_EQ(result.error().kind, ErrorKind::Parse) << body;
        }
    }
    EXPECT_FALSE(parseItem("\"just a string\"").isOk());
    EXPECT_FALSE(parseItem("\xff\xfe").isOk());
}
