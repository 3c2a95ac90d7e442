// What each AlmaClient call puts on the wire (method, path, query, headers, body) and how its
// success answer is typed; inputs that would be unsafe never reach the network.
#include "FakeServerTest.h"

#include <QUrlQuery>

namespace migdesk::test {
namespace {

using AlmaClientRequestTest = FakeServerTest;

QUrlQuery queryOf(const FakeRequest &request)
{
    return QUrlQuery(QString::fromLatin1(request.query()));
}

nlohmann::json bodyOf(const FakeRequest &request)
{
    return nlohmann::json::parse(request.body.constBegin(), request.body.constEnd(), nullptr,
                                 false);
}

TEST_F(AlmaClientRequestTest, GetItemByIds)
{
    server.setHandler([](const FakeRequest &) { return FakeResponse::json(200, itemBody()); });
    const CallOutcome outcome = waitFor(client->getItem(QStringLiteral("990006312214702204"),
                                                        QStringLiteral("22163771200002204"),
                                                        QStringLiteral("23163771190002204")));
    ASSERT_TRUE(outcome.ok);
    EXPECT_EQ(outcome.httpStatus, 200);
    EXPECT_EQ(outcome.item.barcode, QStringLiteral("303011kj0"));
    ASSERT_EQ(server.requests().size(), 1u);
    const FakeRequest &request = server.requests().front();
    EXPECT_EQ(request.method, "GET");
    EXPECT_EQ(request.target, kItemPath);
    EXPECT_EQ(request.header("authorization"), "apikey " + kSentinelKey.toUtf8());
    EXPECT_EQ(request.header("accept"), "application/json");
    EXPECT_FALSE(request.target.contains("apikey"));
}

TEST_F(AlmaClientRequestTest, UpdateItemPutsTheWholeRecordBack)
{
    server.setHandler(
        [](const FakeRequest &request) { return FakeResponse::json(200, request.body); });
    Item item = fixtureItem();
    item.internalNote3 = QStringLiteral("MigDesk: fixed");
    const CallOutcome outcome = waitFor(client->updateItem(item));
    ASSERT_TRUE(outcome.ok) << outcome.error.message.toStdString();
    EXPECT_EQ(outcome.item.internalNote3, QStringLiteral("MigDesk: fixed"));
    const FakeRequest &request = server.requests().front();
    EXPECT_EQ(request.method, "PUT");
    EXPECT_EQ(request.target, kItemPath);
    EXPECT_EQ(request.header("content-type"), "application/json");
    const nlohmann::json body = bodyOf(request);
    ASSERT_TRUE(body.is_object());
    // Fields MigDesk does not edit go back untouched (PUT replaces the record).
    EXPECT_EQ(body["bib_data"]["title"], fixtureItem().raw["bib_data"]["title"]);
    EXPECT_EQ(body["holding_data"], fixtureItem().raw["holding_data"]);
    EXPECT_EQ(body["item_data"]["internal_note_3"], "MigDesk: fixed");
}

TEST_F(AlmaClientRequestTest, ScanInAtADeskNeverRegistersInHouseUse)
{
    server.setHandler([](const FakeRequest &) {
        return FakeResponse::json(200,
                                  readFixture(QStringLiteral("alma/scanin_transit_response.json")));
    });
    ScanInParams params;
    params.library = QStringLiteral("MAIN");
    params.circDesk = QStringLiteral("DEFAULT_CIRC_DESK");
    const CallOutcome outcome = waitFor(client->scanIn(fixtureItem(), params));
    ASSERT_TRUE(outcome.ok) << outcome.error.message.toStdString();
    EXPECT_EQ(outcome.item.processType.value, QStringLiteral("TRANSIT"));
    EXPECT_FALSE(outcome.item.additionalInfo.isEmpty());
    const FakeRequest &request = server.requests().front();
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.path(), kItemPath);
    EXPECT_TRUE(request.query().startsWith("op=scan&"));
    const QUrlQuery query = queryOf(request);
    EXPECT_EQ(query.queryItemValue(QStringLiteral("library")), QStringLiteral("MAIN"));
    EXPECT_EQ(query.queryItemValue(QStringLiteral("circ_desk")),
              QStringLiteral("DEFAULT_CIRC_DESK"));
    EXPECT_EQ(query.queryItemValue(QStringLiteral("register_in_house_use")),
              QStringLiteral("false"));
    EXPECT_FALSE(query.hasQueryItem(QStringLiteral("department")));
    EXPECT_FALSE(query.hasQueryItem(QStringLiteral("done")));
    EXPECT_TRUE(request.body.isEmpty());
}

TEST_F(AlmaClientRequestTest, ScanInToADepartmentSendsWorkOrderAndDone)
{
    server.setHandler([](const FakeRequest &) { return FakeResponse::json(200, itemBody()); });
    ScanInParams params;
    params.library = QStringLiteral("MAIN");
    params.department = QStringLiteral("CONSERVATION");
    params.workOrderType = QStringLiteral("Repair");
    params.status = QStringLiteral("Damaged");
    params.done = true;
    ASSERT_TRUE(waitFor(client->scanIn(fixtureItem(), params)).ok);
    const QUrlQuery query = queryOf(server.requests().front());
    EXPECT_EQ(query.queryItemValue(QStringLiteral("department")), QStringLiteral("CONSERVATION"));
    EXPECT_EQ(query.queryItemValue(QStringLiteral("work_order_type")), QStringLiteral("Repair"));
    EXPECT_EQ(query.queryItemValue(QStringLiteral("status")), QStringLiteral("Damaged"));
    EXPECT_EQ(query.queryItemValue(QStringLiteral("done")), QStringLiteral("true"));
    EXPECT_EQ(query.queryItemValue(QStringLiteral("register_in_house_use")),
              QStringLiteral("false"));
    EXPECT_FALSE(query.hasQueryItem(QStringLiteral("circ_desk")));
}

TEST_F(AlmaClientRequestTest, ScanInWithDeskAndDepartmentIsRefusedLocally)
{
    ScanInParams params;
    params.circDesk = QStringLiteral("DESK");
    params.department = QStringLiteral("DEPT");
    EXPECT_EQ(waitFor(client->scanIn(fixtureItem(), params)).error.kind, ErrorKind::Validation);
    EXPECT_EQ(server.connections(), 0);
}

TEST_F(AlmaClientRequestTest, ItemLoansAreTyped)
{
    server.setHandler([](const FakeRequest &) {
        return FakeResponse::json(200, readFixture(QStringLiteral("alma/item_loan_response.json")));
    });
    const CallOutcome outcome = waitFor(client->itemLoans(fixtureItem()));
    ASSERT_TRUE(outcome.ok) << outcome.error.message.toStdString();
    ASSERT_FALSE(outcome.loans.empty());
    EXPECT_FALSE(outcome.loans.front().loanId.isEmpty());
    EXPECT_EQ(server.requests().front().target, kItemPath + "/loans");
}

TEST_F(AlmaClientRequestTest, DeleteItemSendsTheWithdrawOptions)
{
    server.setHandler([](const FakeRequest &) {
        FakeResponse response;
        response.status = 204;
        return response;
    });
    const CallOutcome retained = waitFor(client->deleteItem(fixtureItem(), {}));
    ASSERT_TRUE(retained.ok) << retained.error.message.toStdString();
    EXPECT_EQ(retained.httpStatus, 204);
    EXPECT_EQ(server.requests()[0].method, "DELETE");
    EXPECT_EQ(server.requests()[0].target, kItemPath + "?override=false&holdings=retain");

    WithdrawParams params;
    params.override = true;
    params.holdings = QStringLiteral("delete");
    params.bib = QStringLiteral("suppress");
    ASSERT_TRUE(waitFor(client->deleteItem(fixtureItem(), params)).ok);
    EXPECT_EQ(server.requests()[1].target,
              kItemPath + "?override=true&holdings=delete&bib=suppress");

    params.holdings = QStringLiteral("drop table");
    EXPECT_EQ(waitFor(client->deleteItem(fixtureItem(), params)).error.kind, ErrorKind::Validation);
    EXPECT_EQ(server.requests().size(), 2u);
}

TEST_F(AlmaClientRequestTest, DeleteRefusedByAlmaIsAnAlmaError)
{
    server.setHandler([](const FakeRequest &) {
        return FakeResponse::json(
            400,
            R"({"errorsExist":true,"errorList":{"error":{"errorCode":"401849","errorMessage":"Item delete errors: The item has an active loan.","trackingId":"E01-X"}},"result":null})");
    });
    const CallOutcome outcome = waitFor(client->deleteItem(fixtureItem(), {}));
    EXPECT_EQ(outcome.error.kind, ErrorKind::Alma);
    EXPECT_EQ(outcome.error.code, QStringLiteral("401849"));
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(AlmaClientRequestTest, TestKeyReadAndWrite)
{
    server.setHandler([](const FakeRequest &request) {
        return FakeResponse::json(200, request.method == "GET" ? R"({"result":"GET"})"
                                                               : R"({"result":"POST"})");
    });
    const CallOutcome read = waitFor(client->testKey(false));
    const CallOutcome write = waitFor(client->testKey(true));
    ASSERT_TRUE(read.ok);
    ASSERT_TRUE(write.ok);
    EXPECT_EQ(read.json.value("result", ""), "GET");
    EXPECT_EQ(write.json.value("result", ""), "POST");
    EXPECT_EQ(server.requests()[0].target, "/almaws/v1/bibs/test");
    EXPECT_EQ(server.requests()[1].method, "POST");
    EXPECT_EQ(server.requests()[1].target, "/almaws/v1/bibs/test");
}

TEST_F(AlmaClientRequestTest, CreateSetSendsAnItemizedItemSet)
{
    server.setHandler(
        [](const FakeRequest &) { return FakeResponse::json(200, R"({"id":"9911","name":"n"})"); });
    const CallOutcome outcome =
        waitFor(client->createSet(QStringLiteral("Missing ü"), QStringLiteral("desc")));
    ASSERT_TRUE(outcome.ok);
    EXPECT_EQ(outcome.json.value("id", ""), "9911");
    const FakeRequest &request = server.requests().front();
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.target, "/almaws/v1/conf/sets");
    const nlohmann::json body = bodyOf(request);
    EXPECT_EQ(body["name"], "Missing ü");
    EXPECT_EQ(body["type"]["value"], "ITEMIZED");
    EXPECT_EQ(body["content"]["value"], "ITEM");
    EXPECT_EQ(body["private"]["value"], "false");
}

TEST_F(AlmaClientRequestTest, AddSetMembersByBarcodeUpToOneThousand)
{
    server.setHandler(
        [](const FakeRequest &) { return FakeResponse::json(200, R"({"id":"9911"})"); });
    const QStringList barcodes = {QStringLiteral("b1"), QStringLiteral("a+b&c")};
    ASSERT_TRUE(waitFor(client->addSetMembers(QStringLiteral("9911"), barcodes)).ok);
    const FakeRequest &request = server.requests().front();
    EXPECT_EQ(request.target,
              "/almaws/v1/conf/sets/9911?op=add_members&id_type=BARCODE&fail_on_invalid_id=false");
    const nlohmann::json body = bodyOf(request);
    ASSERT_EQ(body["members"]["member"].size(), 2u);
    EXPECT_EQ(body["members"]["member"][1]["id"], "a+b&c");

    QStringList tooMany;
    for (int i = 0; i < 1001; ++i)
        tooMany.append(QString::number(i));
    EXPECT_EQ(waitFor(client->addSetMembers(QStringLiteral("9911"), tooMany)).error.kind,
              ErrorKind::Validation);
    EXPECT_EQ(waitFor(client->addSetMembers(QStringLiteral("../1"), barcodes)).error.kind,
              ErrorKind::Validation);
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(AlmaClientRequestTest, SetMembersPaginates)
{
    server.setHandler([](const FakeRequest &) {
        return FakeResponse::json(200, R"({"member":[],"total_record_count":0})");
    });
    const CallOutcome outcome = waitFor(client->setMembers(QStringLiteral("9911"), 200, 100));
    ASSERT_TRUE(outcome.ok);
    EXPECT_EQ(outcome.json.value("total_record_count", -1), 0);
    EXPECT_EQ(server.requests().front().target,
              "/almaws/v1/conf/sets/9911/members?limit=100&offset=200");
}

TEST_F(AlmaClientRequestTest, RunJobAndPollTheInstance)
{
    server.setHandler([](const FakeRequest &request) {
        if (request.method == "POST")
            return FakeResponse::json(
                200,
                R"({"additional_info":{"value":"Job was submitted","link":"/almaws/v1/conf/jobs/M18/instances/5544"}})");
        return FakeResponse::json(
            200, R"({"id":"5544","status":{"value":"COMPLETED_SUCCESS"},"progress":100})");
    });
    const nlohmann::json parameters = {
        {"parameter", {{{"name", {{"value", "set_id"}}}, {"value", "9911"}}}}};
    const CallOutcome run = waitFor(client->runJob(QStringLiteral("M18"), parameters));
    ASSERT_TRUE(run.ok);
    EXPECT_EQ(server.requests()[0].target, "/almaws/v1/conf/jobs/M18?op=run");
    EXPECT_EQ(bodyOf(server.requests()[0]), parameters);
    const CallOutcome poll =
        waitFor(client->jobInstance(QStringLiteral("M18"), QStringLiteral("5544")));
    ASSERT_TRUE(poll.ok);
    EXPECT_EQ(poll.json["status"]["value"], "COMPLETED_SUCCESS");
    EXPECT_EQ(server.requests()[1].target, "/almaws/v1/conf/jobs/M18/instances/5544");
    EXPECT_EQ(
        waitFor(client->jobInstance(QStringLiteral("M18"), QStringLiteral("1/../2"))).error.kind,
        ErrorKind::Validation);
}

TEST_F(AlmaClientRequestTest, ItemsWithoutNumericIdsAreRefusedBeforeAnyCall)
{
    Item item = fixtureItem();
    item.pid = QStringLiteral("123/../../conf/jobs");
    EXPECT_EQ(waitFor(client->getItem(item)).error.kind, ErrorKind::Validation);
    EXPECT_EQ(waitFor(client->updateItem(item)).error.kind, ErrorKind::Validation);
    EXPECT_EQ(waitFor(client->itemLoans(item)).error.kind, ErrorKind::Validation);
    EXPECT_EQ(waitFor(client->deleteItem(item, {})).error.kind, ErrorKind::Validation);
    EXPECT_EQ(waitFor(client->getItem(Item())).error.kind, ErrorKind::Validation);
    EXPECT_EQ(server.connections(), 0);
}

TEST_F(AlmaClientRequestTest, RequestFinishedReportsEveryExchange)
{
    server.setHandler([](const FakeRequest &) { return FakeResponse::json(200, itemBody()); });
    QSignalSpy spy(client.get(), &AlmaClient::requestFinished);
    ASSERT_TRUE(waitFor(client->getItem(fixtureItem())).ok);
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy[0][0].toString(), QStringLiteral("GET"));
    EXPECT_TRUE(spy[0][1].toString().endsWith(QString::fromLatin1(kItemPath)));
    EXPECT_EQ(spy[0][2].toInt(), 200);
}

} // namespace
} // namespace migdesk::test
