// Fidelity of scan-in (POST op=scan) against ALMA_API.md: in place, transit, hold shelf,
// work orders, done=true, the 40166415 error and in-house use counting.
#include "SandboxFixture.h"
#include "TestSupport.h"

#include <QRegularExpression>

using namespace migdesk;
using namespace migdesk::test;
using nlohmann::json;

namespace {

class SandboxScanInTest : public SandboxFixture {
protected:
    HttpResult scan(const QString &barcode, QUrlQuery query)
    {
        query.addQueryItem(QStringLiteral("op"), QStringLiteral("scan"));
        return client->post(itemPath(barcode), query);
    }
    QUrlQuery atMainDesk(bool inHouse = false) const
    {
        QUrlQuery q = makeQuery({{"library", QStringLiteral("MAIN")},
                                 {"circ_desk", QStringLiteral("DEFAULT_CIRC_DESK")}});
        if (!inHouse)
            q.addQueryItem(QStringLiteral("register_in_house_use"), QStringLiteral("false"));
        return q;
    }
    std::string inHouseUses()
    {
        const auto counters = client->get(QStringLiteral("/sandbox/counters"));
        return counters.json["in_house_uses"].dump();
    }
};

// "Item's destination is: X. Request/Process Type: Y. Requester: . Requester ID: . Place in Queue:
// N"
const QRegularExpression kInfoShape(QStringLiteral(
    "^Item's destination is: [^.]+\\. Request/Process Type: [^.]*\\. Requester: [^.]*\\. "
    "Requester ID: [^.]*\\. Place in Queue: \\d*$"));

TEST_F(SandboxScanInTest, TheFixtureSentenceHasTheShapeTheSandboxUses)
{
    const json fixture =
        json::parse(readFixture(QStringLiteral("alma/scanin_transit_response.json")).toStdString());
    EXPECT_TRUE(kInfoShape.match(QString::fromStdString(fixture["additional_info"])).hasMatch());
}

TEST_F(SandboxScanInTest, AtTheOwnLibraryTheItemIsInPlace)
{
    const QString barcode = barcodeFor("Voyager Missing, in hand");
    const auto result = scan(barcode, atMainDesk());
    ASSERT_EQ(result.status, 200) << result.body.toStdString();
    const auto &data = result.json["item_data"];
    EXPECT_EQ(data["process_type"]["value"], "");
    EXPECT_EQ(data["base_status"]["value"], "1");
    const QString info = QString::fromStdString(result.json["additional_info"]);
    EXPECT_TRUE(kInfoShape.match(info).hasMatch()) << info.toStdString();
    EXPECT_TRUE(info.startsWith(QLatin1String("Item's destination is: Reshelve to ")));
    EXPECT_EQ(inHouseUses(), "0");
}

TEST_F(SandboxScanInTest, AtAnotherLibraryTheItemGoesInTransitLikeTheFixture)
{
    const QString barcode = barcodeFor("belongs to the Science Library");
    const auto result = scan(barcode, atMainDesk());
    ASSERT_EQ(result.status, 200);
    const json fixture =
        json::parse(readFixture(QStringLiteral("alma/scanin_transit_response.json")).toStdString());
    EXPECT_EQ(result.json["item_data"]["process_type"]["value"],
              fixture["item_data"]["process_type"]["value"]);
    EXPECT_EQ(result.json["item_data"]["base_status"]["value"],
              fixture["item_data"]["base_status"]["value"]);
    EXPECT_EQ(result.json["additional_info"],
              "Item's destination is: Science Library. Request/Process Type: Transit for "
              "reshelving. Requester: . Requester ID: . Place in Queue: 1");
}

TEST_F(SandboxScanInTest, ARequestedItemGoesToTheHoldShelf)
{
    const QString barcode = barcodeFor("Voyager Missing with a patron request");
    const auto result = scan(barcode, atMainDesk());
    ASSERT_EQ(result.status, 200);
    EXPECT_EQ(result.json["item_data"]["process_type"]["value"], "HOLDSHELF");
    EXPECT_EQ(result.json["item_data"]["requested"], true);
    EXPECT_TRUE(QString::fromStdString(result.json["additional_info"])
                    .startsWith(QLatin1String("Item's destination is: Hold Shelf.")));
    const auto deleted = client->del(itemPath(barcode));
    EXPECT_EQ(deleted.firstErrorCode(), "401849"); // the request blocks a withdrawal
}

TEST_F(SandboxScanInTest, DepartmentWithWorkOrderTypeThenDone)
{
    const QString barcode = barcodeFor("Voyager Catalog Review");
    auto result = scan(barcode, makeQuery({{"library", QStringLiteral("MAIN")},
                                           {"department", QStringLiteral("CATALOGING")},
                                           {"work_order_type", QStringLiteral("CATREVIEW")},
                                           {"register_in_house_use", QStringLiteral("false")}}));
    ASSERT_EQ(result.status, 200) << result.body.toStdString();
    const auto &data = result.json["item_data"];
    EXPECT_EQ(data["process_type"]["value"], "WORK_ORDER_DEPARTMENT");
    EXPECT_EQ(data["work_order_type"]["value"], "CATREVIEW");
    EXPECT_EQ(data["work_order_at"]["value"], "CATALOGING");
    result = scan(barcode, makeQuery({{"library", QStringLiteral("MAIN")},
                                      {"department", QStringLiteral("CATALOGING")},
                                      {"done", QStringLiteral("true")},
                                      {"register_in_house_use", QStringLiteral("false")}}));
    ASSERT_EQ(result.status, 200);
    EXPECT_EQ(result.json["item_data"]["process_type"]["value"], "");
    EXPECT_FALSE(result.json["item_data"].contains("work_order_type"));
}

TEST_F(SandboxScanInTest, UnknownWorkOrderTypeOrDepartmentFails)
{
    const QString barcode = barcodeFor("Voyager Catalog Review");
    auto result = scan(barcode, makeQuery({{"library", QStringLiteral("MAIN")},
                                           {"department", QStringLiteral("CATALOGING")},
                                           {"work_order_type", QStringLiteral("NOPE")}}));
    EXPECT_EQ(result.firstErrorCode(), "402504");
    result = scan(barcode, makeQuery({{"library", QStringLiteral("MAIN")},
                                      {"circ_desk", QStringLiteral("NO_DESK")}}));
    EXPECT_EQ(result.firstErrorCode(), "402502");
    EXPECT_EQ(field(barcode, "process_type"), "TECHNICAL");
}

TEST_F(SandboxScanInTest, NeitherDeskNorDepartmentIs40166415)
{
    const QString barcode = barcodeFor("Voyager Missing, in hand");
    const auto result = scan(barcode, makeQuery({{"library", QStringLiteral("MAIN")}}));
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.firstErrorCode(), "40166415");
    EXPECT_EQ(field(barcode, "process_type"), "TECHNICAL");
}

TEST_F(SandboxScanInTest, InHouseUseIsRegisteredByDefaultAndAgainOnASecondScan)
{
    const QString barcode = barcodeFor("Voyager Missing, in hand");
    ASSERT_EQ(scan(barcode, atMainDesk(true)).status, 200);
    EXPECT_EQ(inHouseUses(), "1");
    ASSERT_EQ(scan(barcode, atMainDesk(true)).status, 200);
    EXPECT_EQ(inHouseUses(), "2");
    ASSERT_EQ(scan(barcode, atMainDesk(false)).status, 200);
    EXPECT_EQ(inHouseUses(), "2");
}

TEST_F(SandboxScanInTest, ReturningALoanedItemClosesTheLoan)
{
    const QString barcode = barcodeFor("Symphony Checked Out");
    ASSERT_EQ(scan(barcode, atMainDesk()).status, 200);
    const auto loans = client->get(itemPath(barcode) + QStringLiteral("/loans"));
    EXPECT_EQ(loans.json["total_record_count"], 0);
    const auto complete = client->get(itemPath(barcode) + QStringLiteral("/loans"),
                                      makeQuery({{"loan_status", QStringLiteral("Complete")}}));
    EXPECT_EQ(complete.json["total_record_count"], 1);
    EXPECT_EQ(field(barcode, "process_type"), "");
}

} // namespace
