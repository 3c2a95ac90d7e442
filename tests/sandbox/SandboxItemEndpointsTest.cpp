// Fidelity of the item endpoints against ALMA_API.md: the barcode redirect, GET, the
// whole-record PUT, loans, DELETE and the key check endpoint.
#include "SandboxFixture.h"
#include "TestSupport.h"

#include <QRegularExpression>

using namespace migdesk;
using namespace migdesk::test;
using nlohmann::json;

namespace {

class SandboxItemEndpointsTest : public SandboxFixture {};

TEST_F(SandboxItemEndpointsTest, BarcodeRedirectsToTheItemOnTheSameHostAndPort)
{
    const QString barcode = barcodeFor("Voyager Missing, in hand");
    const auto result =
        client->get(QStringLiteral("/almaws/v1/items"), makeQuery({{"item_barcode", barcode}}));
    EXPECT_EQ(result.status, 302);
    const QUrl location(QString::fromUtf8(result.header("location")));
    EXPECT_EQ(location.host(), QStringLiteral("127.0.0.1"));
    EXPECT_EQ(location.port(), server->port());
    EXPECT_EQ(location.path(), itemPath(barcode));
    EXPECT_TRUE(
        QRegularExpression(QStringLiteral("^/almaws/v1/bibs/\\d+/holdings/\\d+/items/\\d+$"))
            .match(location.path())
            .hasMatch());
    EXPECT_FALSE(result.header("x-exl-api-remaining").isEmpty());
}

TEST_F(SandboxItemEndpointsTest, UnknownBarcodeIs400With401689LikeTheFixture)
{
    const auto result = client->get(QStringLiteral("/almaws/v1/items"),
                                    makeQuery({{"item_barcode", QStringLiteral("123")}}));
    EXPECT_EQ(result.status, 400);
    const json fixture = json::parse(
        readFixture(QStringLiteral("alma/item_barcode_error_response.json")).toStdString());
    ASSERT_TRUE(result.json.is_object());
    EXPECT_EQ(result.json["errorsExist"], true);
    EXPECT_TRUE(result.json["result"].is_null());
    const auto &error = result.json["errorList"]["error"][0];
    EXPECT_EQ(error["errorCode"], fixture["errorList"]["error"][0]["errorCode"]);
    EXPECT_EQ(error["errorMessage"], fixture["errorList"]["error"][0]["errorMessage"]);
    EXPECT_FALSE(error.value("trackingId", std::string()).empty());
}

TEST_F(SandboxItemEndpointsTest, BarcodeMatchesExactlyAndHostileTextStaysOneParameter)
{
    const QString barcode = barcodeFor("Voyager Missing, in hand");
    const auto spaced = client->get(QStringLiteral("/almaws/v1/items"),
                                    makeQuery({{"item_barcode", barcode + QLatin1Char(' ')}}));
    EXPECT_EQ(spaced.status, 400);
    EXPECT_EQ(spaced.firstErrorCode(), "401689");
    const auto hostile =
        client->get(QStringLiteral("/almaws/v1/items"),
                    makeQuery({{"item_barcode", QStringLiteral("a+b&op=delete/../%00 \u00e9")}}));
    EXPECT_EQ(hostile.status, 400);
    EXPECT_EQ(hostile.json["errorList"]["error"][0]["errorMessage"],
              "No items found for barcode a+b&op=delete/../%00 \u00e9.");
}

TEST_F(SandboxItemEndpointsTest, ItemGetHasEveryFieldOfTheRealItemFixture)
{
    const QString barcode = barcodeFor("Sierra Missing, in hand");
    const auto result = client->get(itemPath(barcode));
    ASSERT_EQ(result.status, 200);
    const json fixture =
        json::parse(readFixture(QStringLiteral("alma/item_response.json")).toStdString());
    for (const char *section : {"bib_data", "holding_data", "item_data"}) {
        for (const auto &[key, value] : fixture[section].items())
            EXPECT_TRUE(result.json[section].contains(key)) << section << "." << key;
    }
    const auto &data = result.json["item_data"];
    EXPECT_EQ(data["barcode"], barcode.toStdString());
    EXPECT_EQ(data["process_type"]["value"], "TECHNICAL");
    EXPECT_EQ(data["base_status"]["value"], "0");
    EXPECT_TRUE(data["internal_note_1"].get<std::string>().find("Missing") != std::string::npos);
    EXPECT_TRUE(result.json["link"].get<std::string>().ends_with(data["pid"].get<std::string>()));
    EXPECT_TRUE(QString::fromStdString(data["modification_date"].get<std::string>())
                    .contains(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dZ$"))));
}

TEST_F(SandboxItemEndpointsTest, ItemPathWithWrongHoldingIsAnError)
{
    const QString path = itemPath(barcodeFor("Sierra Missing, in hand"));
    QString wrong = path;
    wrong.replace(QRegularExpression(QStringLiteral("/holdings/\\d+/")),
                  QStringLiteral("/holdings/1/"));
    const auto result = client->get(wrong);
    EXPECT_EQ(result.status, 400);
    EXPECT_TRUE(result.json["errorsExist"].get<bool>());
}

TEST_F(SandboxItemEndpointsTest, PutReplacesTheWholeRecordAndResetsOmittedFields)
{
    const QString barcode = barcodeFor("Sierra Damaged");
    auto item = server->itemJson(barcode);
    auto &data = item["item_data"];
    ASSERT_FALSE(data["internal_note_1"].get<std::string>().empty());
    data.erase("internal_note_1");
    data["physical_condition"] = {{"value", "DAMAGED"}};
    data["fulfillment_note"] = "Damaged on return";
    data["process_type"] = {{"value", "MISSING"}};
    data["modification_date"] = "1999-01-01Z";
    const auto result = client->put(itemPath(barcode), QByteArray::fromStdString(item.dump()));
    ASSERT_EQ(result.status, 200) << result.body.toStdString();
    const auto &answered = result.json["item_data"];
    EXPECT_EQ(answered["internal_note_1"], "");
    EXPECT_EQ(answered["physical_condition"]["value"], "DAMAGED");
    EXPECT_EQ(answered["physical_condition"]["desc"], "Damaged");
    EXPECT_EQ(answered["fulfillment_note"], "Damaged on return");
    EXPECT_EQ(answered["process_type"]["value"], "TECHNICAL"); // read-only by default
    EXPECT_NE(answered["modification_date"], "1999-01-01Z");
    EXPECT_EQ(field(barcode, "internal_note_1"), "");
    EXPECT_EQ(field(barcode, "fulfillment_note"), "Damaged on return");
}

TEST_F(SandboxItemEndpointsTest, PutErrorsName401664And40166404)
{
    const QString barcode = barcodeFor("Sierra Damaged");
    auto item = server->itemJson(barcode);
    item["item_data"].erase("library");
    auto result = client->put(itemPath(barcode), QByteArray::fromStdString(item.dump()));
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.firstErrorCode(), "401664");
    item = server->itemJson(barcode);
    item["item_data"]["physical_condition"] = {{"value", "SOGGY"}};
    result = client->put(itemPath(barcode), QByteArray::fromStdString(item.dump()));
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.firstErrorCode(), "40166404");
    result = client->put(itemPath(barcode), QByteArrayLiteral("{\"not\":\"an item\"}"));
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.firstErrorCode(), "401652");
    EXPECT_EQ(field(barcode, "physical_condition"), "");
}

class SandboxWritableProcessTypeTest : public SandboxFixture {
protected:
    sandbox::SandboxOptions options() const override
    {
        auto o = SandboxFixture::options();
        o.processTypeWritable = true;
        return o;
    }
};

TEST_F(SandboxWritableProcessTypeTest, PutSetsMissingWhenTheSwitchIsOn)
{
    const QString barcode = barcodeFor("Sierra Missing, in hand");
    auto item = server->itemJson(barcode);
    item["item_data"]["process_type"] = {{"value", "MISSING"}};
    const auto result = client->put(itemPath(barcode), QByteArray::fromStdString(item.dump()));
    ASSERT_EQ(result.status, 200);
    EXPECT_EQ(result.json["item_data"]["process_type"]["value"], "MISSING");
    EXPECT_EQ(result.json["item_data"]["process_type"]["desc"], "Missing");
    EXPECT_EQ(field(barcode, "base_status"), "0");
}

TEST_F(SandboxItemEndpointsTest, LoansHaveTheFixtureShape)
{
    const QString barcode = barcodeFor("Voyager Lost--Library Applied");
    const auto result = client->get(itemPath(barcode) + QStringLiteral("/loans"));
    ASSERT_EQ(result.status, 200);
    EXPECT_EQ(result.json["total_record_count"], 1);
    const json fixture =
        json::parse(readFixture(QStringLiteral("alma/item_loan_response.json")).toStdString());
    const auto &loan = result.json["item_loan"][0];
    for (const auto &[key, value] : fixture["item_loan"][0].items())
        EXPECT_TRUE(loan.contains(key)) << key;
    EXPECT_EQ(loan["loan_status"], "ACTIVE");
    EXPECT_EQ(loan["process_status"], "NORMAL");
    EXPECT_EQ(loan["item_barcode"], barcode.toStdString());

    const auto none =
        client->get(itemPath(barcodeFor("Voyager Missing, in hand")) + QStringLiteral("/loans"));
    ASSERT_EQ(none.status, 200);
    EXPECT_EQ(none.json["total_record_count"], 0);
}

TEST_F(SandboxItemEndpointsTest, DeclaredLostShowsOnTheItemAndTheLoan)
{
    const QString barcode = barcodeFor("Voyager Claims Returned");
    EXPECT_FALSE(
        server->declareLoan(barcodeFor("Voyager Missing, in hand"), QStringLiteral("lost")));
    ASSERT_TRUE(server->declareLoan(barcode, QStringLiteral("claimed_returned")));
    EXPECT_EQ(field(barcode, "process_type"), "CLAIM_RETURNED_LOAN");
    const auto loans = client->get(itemPath(barcode) + QStringLiteral("/loans"));
    EXPECT_EQ(loans.json["item_loan"][0]["process_status"], "CLAIMED_RETURN");
    const QString lost = barcodeFor("Voyager Lost--Library Applied");
    const auto declared = client->post(QStringLiteral("/sandbox/items/%1/declare").arg(lost),
                                       makeQuery({{"action", QStringLiteral("lost")}}));
    ASSERT_EQ(declared.status, 200);
    EXPECT_EQ(declared.json["item_data"]["process_type"]["value"], "LOST_LOAN");
}

TEST_F(SandboxItemEndpointsTest, DeleteRefusesAnActiveLoanUnlessOverridden)
{
    const QString loaned = barcodeFor("Voyager Lost--Library Applied");
    auto result = client->del(itemPath(loaned));
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.firstErrorCode(), "401849");
    EXPECT_TRUE(result.json["errorList"]["error"][0]["errorMessage"].get<std::string>().starts_with(
        "Item delete errors:"));
    const QString path = itemPath(loaned);
    result = client->del(path, makeQuery({{"override", QStringLiteral("true")},
                                          {"holdings", QStringLiteral("retain")}}));
    EXPECT_EQ(result.status, 204);
    EXPECT_TRUE(result.body.isEmpty());
    EXPECT_TRUE(server->itemJson(loaned).is_null());
    EXPECT_EQ(client->get(path).status, 400);
    const auto gone =
        client->get(QStringLiteral("/almaws/v1/items"), makeQuery({{"item_barcode", loaned}}));
    EXPECT_EQ(gone.firstErrorCode(), "401689");
}

TEST_F(SandboxItemEndpointsTest, BibsTestAnswersGetAndPost)
{
    const auto get = client->get(QStringLiteral("/almaws/v1/bibs/test"));
    EXPECT_EQ(get.status, 200);
    EXPECT_TRUE(get.json.is_object());
    const auto post = client->post(QStringLiteral("/almaws/v1/bibs/test"));
    EXPECT_EQ(post.status, 200);
    EXPECT_NE(get.body, post.body);
}

TEST_F(SandboxItemEndpointsTest, TouchChangesTheNoteAndTheModificationDate)
{
    const QString barcode = barcodeFor("Voyager Missing, in hand");
    const auto before = server->itemJson(barcode);
    ASSERT_TRUE(server->touchItem(barcode));
    const auto after = server->itemJson(barcode);
    EXPECT_NE(before["item_data"]["internal_note_2"], after["item_data"]["internal_note_2"]);
    EXPECT_NE(before["item_data"]["modification_date"], after["item_data"]["modification_date"]);
    EXPECT_FALSE(server->touchItem(QStringLiteral("no-such-barcode")));
}

} // namespace
