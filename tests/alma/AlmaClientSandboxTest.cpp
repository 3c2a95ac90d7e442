// Every AlmaClient call against the in-process sandbox: success and Alma's error paths.
#include "SandboxClientTest.h"

namespace migdesk::test {
namespace {

using AlmaClientSandboxTest = SandboxClientTest;

TEST_F(AlmaClientSandboxTest, LooksUpByBarcodeThroughTheRedirect)
{
    QSignalSpy remaining(client.get(), &AlmaClient::remainingCallsChanged);
    const Item item = lookup(QStringLiteral("PLAIN-1"));
    EXPECT_EQ(item.barcode, QStringLiteral("PLAIN-1"));
    EXPECT_EQ(item.library.value, QStringLiteral("MAIN"));
    EXPECT_TRUE(isDigitsOnly(item.pid));
    EXPECT_GE(client->remainingCalls(), 0);
    EXPECT_GE(remaining.count(), 1);
}

TEST_F(AlmaClientSandboxTest, HostileBarcodesFindExactlyTheirOwnItem)
{
    for (const QString &barcode : barcodes) {
        const Item item = lookup(barcode);
        EXPECT_EQ(item.barcode, barcode) << barcode.toStdString();
    }
    EXPECT_EQ(writesReceived(), 0u) << "x&op=delete must not become an operation";
}

TEST_F(AlmaClientSandboxTest, UnknownOrAlmostMatchingBarcodesAreNotFound)
{
    for (const char *barcode : {"NOPE", "PLAIN-1 ", "a%2Bb", "a", "padded", "."}) {
        const CallOutcome outcome = waitFor(client->itemByBarcode(QString::fromLatin1(barcode)));
        EXPECT_EQ(outcome.error.kind, ErrorKind::Alma) << barcode;
        EXPECT_EQ(outcome.error.code, QStringLiteral("401689")) << barcode;
    }
}

TEST_F(AlmaClientSandboxTest, GetItemByIdsMatchesTheLookup)
{
    const Item found = lookup(QStringLiteral("PLAIN-2"));
    const CallOutcome outcome = waitFor(client->getItem(found.mmsId, found.holdingId, found.pid));
    ASSERT_TRUE(outcome.ok);
    EXPECT_EQ(outcome.item.barcode, QStringLiteral("PLAIN-2"));
    EXPECT_EQ(waitFor(client->getItem(found.mmsId, found.holdingId, QStringLiteral("999")))
                  .error.httpStatus,
              400);
}

TEST_F(AlmaClientSandboxTest, UpdateItemPersistsAndSendsOneWrite)
{
    Item item = lookup(QStringLiteral("PLAIN-1"));
    item.internalNote3 = QStringLiteral("Checked by MigDesk");
    item.physicalCondition = {QStringLiteral("DAMAGED"), QString()};
    const CallOutcome put = waitFor(client->updateItem(item));
    ASSERT_TRUE(put.ok) << put.error.message.toStdString();
    EXPECT_EQ(put.item.internalNote3, QStringLiteral("Checked by MigDesk"));
    const Item reread = waitFor(client->getItem(item)).item;
    EXPECT_EQ(reread.internalNote3, QStringLiteral("Checked by MigDesk"));
    EXPECT_EQ(reread.physicalCondition.value, QStringLiteral("DAMAGED"));
    EXPECT_EQ(reread.title, item.title) << "the whole record went back";
    ASSERT_EQ(writesReceived(), 1u);
    EXPECT_EQ(server->operations().front().method, QStringLiteral("PUT"));
}

TEST_F(AlmaClientSandboxTest, ScanInAtHomeIsInPlaceWithoutInHouseUse)
{
    const Item item = lookup(QStringLiteral("PLAIN-1"));
    ScanInParams params;
    params.library = QStringLiteral("MAIN");
    params.circDesk = QStringLiteral("DEFAULT_CIRC_DESK");
    const CallOutcome outcome = waitFor(client->scanIn(item, params));
    ASSERT_TRUE(outcome.ok) << outcome.error.message.toStdString();
    EXPECT_TRUE(outcome.item.isInPlace());
    EXPECT_FALSE(outcome.item.additionalInfo.isEmpty());
    ASSERT_EQ(writesReceived(), 1u);
    const sandbox::Operation operation = server->operations().front();
    EXPECT_EQ(operation.query.value(QStringLiteral("op")), QStringLiteral("scan"));
    EXPECT_EQ(operation.query.value(QStringLiteral("register_in_house_use")),
              QStringLiteral("false"));
}

TEST_F(AlmaClientSandboxTest, ScanInAtAnotherLibraryPutsItInTransit)
{
    const Item item = lookup(QStringLiteral("ELSEWHERE-1"));
    ScanInParams params;
    params.library = QStringLiteral("MAIN");
    params.circDesk = QStringLiteral("DEFAULT_CIRC_DESK");
    const CallOutcome outcome = waitFor(client->scanIn(item, params));
    ASSERT_TRUE(outcome.ok) << outcome.error.message.toStdString();
    EXPECT_EQ(outcome.item.processType.value, QStringLiteral("TRANSIT"));
}

TEST_F(AlmaClientSandboxTest, ScanInToADepartmentOpensAWorkOrder)
{
    const Item item = lookup(QStringLiteral("PLAIN-2"));
    ScanInParams params;
    params.library = QStringLiteral("MAIN");
    params.department = QStringLiteral("CATALOGING");
    params.workOrderType = QStringLiteral("REPAIR");
    const CallOutcome outcome = waitFor(client->scanIn(item, params));
    ASSERT_TRUE(outcome.ok) << outcome.error.message.toStdString();
    EXPECT_EQ(outcome.item.processType.value, QStringLiteral("WORK_ORDER_DEPARTMENT"));
}

TEST_F(AlmaClientSandboxTest, ScanInWithoutDeskOrDepartmentIsAlmasError)
{
    const Item item = lookup(QStringLiteral("PLAIN-2"));
    ScanInParams params;
    params.library = QStringLiteral("MAIN");
    const CallOutcome outcome = waitFor(client->scanIn(item, params));
    EXPECT_EQ(outcome.error.kind, ErrorKind::Alma);
    EXPECT_EQ(outcome.error.code, QStringLiteral("40166415"));
}

TEST_F(AlmaClientSandboxTest, LoansOfAnItemOnLoanAndOfOneOnTheShelf)
{
    const CallOutcome onLoan = waitFor(client->itemLoans(lookup(QStringLiteral("ONLOAN-1"))));
    ASSERT_TRUE(onLoan.ok) << onLoan.error.message.toStdString();
    ASSERT_EQ(onLoan.loans.size(), 1u);
    EXPECT_EQ(onLoan.loans.front().userId, QStringLiteral("u1"));
    EXPECT_TRUE(onLoan.loans.front().isActive());
    const CallOutcome none = waitFor(client->itemLoans(lookup(QStringLiteral("PLAIN-1"))));
    ASSERT_TRUE(none.ok);
    EXPECT_TRUE(none.loans.empty());
}

TEST_F(AlmaClientSandboxTest, WithdrawRefusedWithALoanUnlessOverridden)
{
    const Item item = lookup(QStringLiteral("ONLOAN-1"));
    const CallOutcome refused = waitFor(client->deleteItem(item, {}));
    EXPECT_EQ(refused.error.kind, ErrorKind::Alma);
    EXPECT_EQ(refused.error.code, QStringLiteral("401849"));
    WithdrawParams params;
    params.override = true;
    const CallOutcome deleted = waitFor(client->deleteItem(item, params));
    ASSERT_TRUE(deleted.ok) << deleted.error.message.toStdString();
    EXPECT_EQ(deleted.httpStatus, 204);
    EXPECT_EQ(waitFor(client->itemByBarcode(QStringLiteral("ONLOAN-1"))).error.code,
              QStringLiteral("401689"));
}

TEST_F(AlmaClientSandboxTest, KeyCheckReadWriteAndWrongKey)
{
    EXPECT_TRUE(waitFor(client->testKey(false)).ok);
    EXPECT_TRUE(waitFor(client->testKey(true)).ok);
    configure([](AlmaConfig &config) { config.apiKey = QStringLiteral("wrong"); });
    const CallOutcome refused = waitFor(client->testKey(false));
    EXPECT_EQ(refused.error.kind, ErrorKind::Auth);
    EXPECT_FALSE(refused.error.message.isEmpty());
}

TEST_F(AlmaClientSandboxTest, SetsAndJobsForABulkRun)
{
    const CallOutcome set =
        waitFor(client->createSet(QStringLiteral("MigDesk Missing"), QStringLiteral("test")));
    ASSERT_TRUE(set.ok) << set.error.message.toStdString();
    const QString setId = QString::fromStdString(set.json.value("id", std::string()));
    ASSERT_FALSE(setId.isEmpty());

    const CallOutcome added =
        waitFor(client->addSetMembers(setId, {QStringLiteral("PLAIN-1"), QStringLiteral("a+b")}));
    ASSERT_TRUE(added.ok) << added.error.message.toStdString();
    const CallOutcome members = waitFor(client->setMembers(setId, 0, 100));
    ASSERT_TRUE(members.ok);
    EXPECT_EQ(members.json.value("total_record_count", 0), 2);

    // fail_on_invalid_id=false: an unknown barcode is skipped, not an error; the count says so.
    const CallOutcome bad = waitFor(client->addSetMembers(setId, {QStringLiteral("NOPE")}));
    ASSERT_TRUE(bad.ok) << bad.error.message.toStdString();
    EXPECT_EQ(bad.json["number_of_members"].value("value", std::string()), "2");

    const nlohmann::json parameters = {
        {"parameter",
         {{{"name", {{"value", "set_id"}}}, {"value", setId.toStdString()}},
          {{"name", {{"value", "PHYSICAL_CONDITION_selected"}}}, {"value", "true"}},
          {{"name", {{"value", "PHYSICAL_CONDITION_value"}}}, {"value", "DAMAGED"}},
          {{"name", {{"value", "PHYSICAL_CONDITION_condition"}}}, {"value", "Null"}}}}};
    const QString jobId = server->options().jobId;
    const CallOutcome run = waitFor(client->runJob(jobId, parameters));
    ASSERT_TRUE(run.ok) << run.error.message.toStdString();
    const std::string link = run.json["additional_info"].value("link", std::string());
    const QString instanceId = QString::fromStdString(link).section(QLatin1Char('/'), -1);
    ASSERT_TRUE(isDigitsOnly(instanceId)) << link;
    const CallOutcome poll = waitFor(client->jobInstance(jobId, instanceId));
    ASSERT_TRUE(poll.ok) << poll.error.message.toStdString();
    EXPECT_TRUE(poll.json.contains("status"));
}

} // namespace
} // namespace migdesk::test
