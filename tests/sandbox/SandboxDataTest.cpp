// The sandbox's data: the deterministic demo (every ILS, loans, requests, other libraries,
// non-migration items, 10,000 items), the --data file format and reset().
#include "SandboxFixture.h"

#include <QRegularExpression>
#include <QTemporaryDir>

#include <set>

using namespace migdesk;
using namespace migdesk::test;
using nlohmann::json;

namespace {

TEST(SandboxDemoDataTest, SameSeedSameItemsOtherSeedOtherItems)
{
    sandbox::SandboxServer a;
    sandbox::SandboxServer b;
    sandbox::SandboxServer c;
    a.loadDemo(300, 5);
    b.loadDemo(300, 5);
    c.loadDemo(300, 6);
    const auto ea = a.demoExamples();
    const auto eb = b.demoExamples();
    const auto ec = c.demoExamples();
    ASSERT_EQ(ea.size(), eb.size());
    ASSERT_FALSE(ea.empty());
    for (size_t i = 0; i < ea.size(); ++i) {
        EXPECT_EQ(ea[i].barcode, eb[i].barcode);
        EXPECT_EQ(a.itemJson(ea[i].barcode), b.itemJson(eb[i].barcode));
    }
    EXPECT_NE(ea[0].barcode, ec[0].barcode);
}

TEST(SandboxDemoDataTest, TenThousandItemsCoverEveryKindOfItem)
{
    sandbox::SandboxServer server;
    server.loadDemo(10000, 1);
    const auto examples = server.demoExamples();
    std::set<QString> scenarios;
    const QRegularExpression barcodeShape(QStringLiteral("^3\\d{13}$"));
    for (const auto &example : examples) {
        scenarios.insert(example.scenario);
        EXPECT_TRUE(barcodeShape.match(example.barcode).hasMatch())
            << example.barcode.toStdString();
        EXPECT_TRUE(server.itemJson(example.barcode).is_object());
    }
    for (const char *ils :
         {"Voyager", "Sierra", "Koha", "Symphony", "Not a migration item", "Unknown", "active loan",
          "request", "Science Library", "two statuses"}) {
        bool found = false;
        for (const auto &scenario : scenarios)
            found = found || scenario.contains(QLatin1String(ils));
        EXPECT_TRUE(found) << ils;
    }
    // Voyager keeps its status in Internal Note 3, the others in Internal Note 1.
    const auto voyager = server.itemJson(examples[0].barcode);
    EXPECT_FALSE(voyager["item_data"]["internal_note_3"].get<std::string>().empty());
    std::set<std::string> libraries;
    std::set<std::string> processTypes;
    std::set<std::string> titles;
    for (const auto &example : examples) {
        const auto item = server.itemJson(example.barcode);
        libraries.insert(item["item_data"]["library"]["value"].get<std::string>());
        processTypes.insert(item["item_data"]["process_type"]["value"].get<std::string>());
        titles.insert(item["bib_data"]["title"].get<std::string>());
        EXPECT_FALSE(item["holding_data"]["call_number"].get<std::string>().empty());
    }
    EXPECT_GE(libraries.size(), 3u);
    EXPECT_TRUE(processTypes.count("TECHNICAL"));
    EXPECT_TRUE(processTypes.count(""));
    EXPECT_GE(titles.size(), 10u);
}

TEST(SandboxDataFileTest, LoadsItemsLoansAndRequestsLinkedByIdOrBarcode)
{
    const json data = {{"items", json::array({{{"bib_data", {{"mms_id", "991"}, {"title", "A"}}},
                                               {"holding_data", {{"holding_id", "221"}}},
                                               {"item_data",
                                                {{"pid", "231"},
                                                 {"barcode", "B1"},
                                                 {"library", {{"value", "MAIN"}}},
                                                 {"location", {{"value", "STACKS"}}},
                                                 {"process_type", {{"value", "TECHNICAL"}}},
                                                 {"internal_note_1", "Status: Missing"}}}},
                                              {{"item_data", {{"pid", 232}, {"barcode", "B2"}}}}})},
                       {"loans", json::array({{{"item_barcode", "B1"}, {"loan_id", "7001"}}})},
                       {"requests", json::array({{{"item_id", "232"}, {"request_id", "3601"}}})}};
    sandbox::SandboxServer server;
    QString error;
    ASSERT_TRUE(server.loadData(QByteArray::fromStdString(data.dump()), &error))
        << error.toStdString();
    const auto first = server.itemJson(QStringLiteral("B1"));
    EXPECT_EQ(first["item_data"]["internal_note_1"], "Status: Missing");
    EXPECT_TRUE(first["item_data"].contains("statistics_note_3")); // filled with defaults
    const auto second = server.itemJson(QStringLiteral("B2"));
    EXPECT_EQ(second["item_data"]["pid"], "232");
    EXPECT_EQ(second["item_data"]["requested"], true);
    EXPECT_TRUE(server.declareLoan(QStringLiteral("B1"), QStringLiteral("lost")));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("data.json"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(data.dump()));
    file.close();
    sandbox::SandboxServer fromFile;
    EXPECT_TRUE(fromFile.loadDataFile(path, &error));
    EXPECT_TRUE(fromFile.itemJson(QStringLiteral("B2")).is_object());
}

TEST(SandboxDataFileTest, BadDataIsRefusedWithAReason)
{
    sandbox::SandboxServer server;
    QString error;
    EXPECT_FALSE(server.loadData("not json", &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(server.loadData(R"({"items":[{"item_data":{"pid":"1"}}]})", &error));
    EXPECT_TRUE(error.contains(QLatin1String("barcode")));
    EXPECT_FALSE(server.loadData(
        R"({"items":[{"item_data":{"pid":"1","barcode":"A"}}],"loans":[{"item_barcode":"Z"}]})",
        &error));
    EXPECT_FALSE(server.loadDataFile(QStringLiteral("/nonexistent/data.json"), &error));
}

class SandboxResetTest : public SandboxFixture {};

TEST_F(SandboxResetTest, ResetRestoresTheDataAndClearsTheLog)
{
    const QString barcode = barcodeFor("Voyager Missing, in hand");
    const auto before = server->itemJson(barcode);
    const auto scanned = client->post(
        itemPath(barcode), makeQuery({{"op", QStringLiteral("scan")},
                                      {"library", QStringLiteral("MAIN")},
                                      {"circ_desk", QStringLiteral("DEFAULT_CIRC_DESK")}}));
    ASSERT_EQ(scanned.status, 200);
    ASSERT_EQ(server->operations().size(), 1u);
    const auto ops = client->get(QStringLiteral("/sandbox/operations"));
    const auto &op = ops.json["operations"][0];
    for (const char *key : {"method", "path", "query", "barcode", "item_pid", "status", "at"})
        EXPECT_TRUE(op.contains(key)) << key;
    EXPECT_EQ(op["query"]["library"], "MAIN");
    EXPECT_EQ(op["barcode"], barcode.toStdString());
    const auto counters = client->get(QStringLiteral("/sandbox/counters"));
    EXPECT_EQ(counters.json["requests"]["item_scan_in"], 1);
    EXPECT_EQ(counters.json["in_house_uses"], 1);
    ASSERT_EQ(client->post(QStringLiteral("/sandbox/reset")).status, 200);
    EXPECT_TRUE(server->operations().empty());
    EXPECT_EQ(server->itemJson(barcode)["item_data"], before["item_data"]);
}

} // namespace
