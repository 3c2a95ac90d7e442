// Sets and jobs in the sandbox: itemized sets, members by barcode (60115, 60116, 1,000 per
// call), the change-physical-items job, its instance states and Alma's run limits.
#include "SandboxFixture.h"

#include <QTest>

#include <set>

using namespace migdesk;
using namespace migdesk::test;
using nlohmann::json;

namespace {

class SandboxSetsJobsTest : public SandboxFixture {
protected:
    std::string createSet(const char *name = "MigDesk Missing 2026-11-28 Main desk")
    {
        const json body = {{"name", name},
                           {"description", "test"},
                           {"type", {{"value", "ITEMIZED"}}},
                           {"content", {{"value", "ITEM"}}},
                           {"private", {{"value", "false"}}}};
        const auto result = client->post(QStringLiteral("/almaws/v1/conf/sets"), {},
                                         QByteArray::fromStdString(body.dump()));
        EXPECT_EQ(result.status, 200) << result.body.toStdString();
        return result.json.value("id", std::string());
    }
    HttpResult addMembers(const std::string &setId, const std::vector<QString> &barcodes)
    {
        json members = json::array();
        for (const auto &barcode : barcodes)
            members.push_back({{"id", barcode.toStdString()}});
        const json body = {{"members", {{"member", members}}}};
        return client->post(
            QStringLiteral("/almaws/v1/conf/sets/%1").arg(QString::fromStdString(setId)),
            makeQuery(
                {{"op", QStringLiteral("add_members")}, {"id_type", QStringLiteral("BARCODE")}}),
            QByteArray::fromStdString(body.dump()));
    }
    HttpResult run(const std::string &setId, const char *processType, bool fail = false)
    {
        json parameters =
            json::array({{{"name", {{"value", "set_id"}}}, {"value", setId}},
                         {{"name", {{"value", "MISSING_STATUS_selected"}}}, {"value", "true"}},
                         {{"name", {{"value", "MISSING_STATUS_value"}}}, {"value", processType}},
                         {{"name", {{"value", "MISSING_STATUS_condition"}}}, {"value", "Null"}}});
        if (fail)
            parameters.push_back({{"name", {{"value", "force_failure"}}}, {"value", "true"}});
        return client->post(QStringLiteral("/almaws/v1/conf/jobs/M18"),
                            makeQuery({{"op", QStringLiteral("run")}}),
                            QByteArray::fromStdString(json{{"parameter", parameters}}.dump()));
    }
    // Polls the instance named by the run answer until it completes.
    json waitForInstance(const HttpResult &runResult)
    {
        const QString link = QString::fromStdString(runResult.json["additional_info"]["link"]);
        json instance;
        for (int i = 0; i < 300; ++i) {
            instance = client->get(QUrl(link).path()).json;
            if (instance["status"]["value"].get<std::string>().starts_with("COMPLETED"))
                break;
            QTest::qWait(20);
        }
        return instance;
    }
    // Demo barcodes of migrated Missing items with no loan (TECHNICAL process type).
    std::vector<QString> someMissingBarcodes(size_t count) const
    {
        std::vector<QString> barcodes;
        for (const auto &example : server->demoExamples()) {
            const QString &s = example.scenario;
            if (barcodes.size() < count && s.contains(QLatin1String("Missing")) &&
                !s.contains(QLatin1String("already")) && !s.contains(QLatin1String("loan")))
                barcodes.push_back(example.barcode);
        }
        return barcodes;
    }
};

TEST_F(SandboxSetsJobsTest, CreateSetHasAlmaShape)
{
    const std::string id = createSet();
    ASSERT_FALSE(id.empty());
    const auto set =
        client->get(QStringLiteral("/almaws/v1/conf/sets/%1").arg(QString::fromStdString(id)));
    EXPECT_EQ(set.status, 200);
    EXPECT_EQ(set.json["type"]["value"], "ITEMIZED");
    EXPECT_EQ(set.json["content"]["value"], "ITEM");
    EXPECT_EQ(set.json["number_of_members"]["value"], "0");
    const auto bad = client->post(QStringLiteral("/almaws/v1/conf/sets"), {},
                                  R"({"type":{"value":"ITEMIZED"},"content":{"value":"ITEM"}})");
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(bad.firstErrorCode(), "401664");
}

TEST_F(SandboxSetsJobsTest, MembersByBarcodeWithDuplicateAndInvalidErrors)
{
    const std::string id = createSet();
    const auto barcodes = someMissingBarcodes(4);
    ASSERT_EQ(barcodes.size(), 4u);
    auto result = addMembers(id, {barcodes[0], barcodes[1]});
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.json["number_of_members"]["value"], "2");
    result = addMembers(id, {barcodes[1], barcodes[2], QStringLiteral("no-such-item")});
    EXPECT_EQ(result.status, 400);
    std::set<std::string> codes;
    for (const auto &error : result.json["errorList"]["error"])
        codes.insert(error["errorCode"].get<std::string>());
    EXPECT_EQ(codes, (std::set<std::string>{"60115", "60116"}));
    const auto members = client->get(
        QStringLiteral("/almaws/v1/conf/sets/%1/members").arg(QString::fromStdString(id)),
        makeQuery({{"limit", QStringLiteral("100")}}));
    EXPECT_EQ(members.json["total_record_count"], 3); // the valid new member was added
    EXPECT_EQ(members.json["member"][0]["id"], server->itemJson(barcodes[0])["item_data"]["pid"]);
}

TEST_F(SandboxSetsJobsTest, MoreThanAThousandMembersPerCallIsRefused)
{
    const std::string id = createSet();
    std::vector<QString> many(1001, QStringLiteral("x"));
    const auto result = addMembers(id, many);
    EXPECT_EQ(result.status, 400);
    EXPECT_FALSE(result.firstErrorCode().empty());
}

TEST_F(SandboxSetsJobsTest, JobSetsMissingOnEveryMemberWithoutItemWrites)
{
    const std::string id = createSet();
    const auto barcodes = someMissingBarcodes(3);
    ASSERT_EQ(addMembers(id, barcodes).status, 200);
    const auto runResult = run(id, "MISSING");
    ASSERT_EQ(runResult.status, 200) << runResult.body.toStdString();
    const std::string link = runResult.json["additional_info"]["link"];
    const json instance = waitForInstance(runResult);
    EXPECT_TRUE(link.ends_with(instance["id"].get<std::string>()));
    EXPECT_EQ(instance["status"]["value"], "COMPLETED_SUCCESS");
    EXPECT_EQ(instance["progress"], 100);
    ASSERT_TRUE(instance["counter"].is_array());
    EXPECT_EQ(instance["counter"][1]["value"], "3");
    for (const auto &barcode : barcodes) {
        EXPECT_EQ(field(barcode, "process_type"), "MISSING");
        EXPECT_EQ(field(barcode, "base_status"), "0");
    }
    for (const auto &op : server->operations())
        EXPECT_TRUE(op.itemPid.isEmpty()) << op.path.toStdString();
}

TEST_F(SandboxSetsJobsTest, ForcedFailureChangesNothing)
{
    const std::string id = createSet();
    const auto barcodes = someMissingBarcodes(2);
    ASSERT_EQ(addMembers(id, barcodes).status, 200);
    const json instance = waitForInstance(run(id, "MISSING", true));
    EXPECT_EQ(instance["status"]["value"], "COMPLETED_FAILED");
    EXPECT_EQ(field(barcodes[0], "process_type"), "TECHNICAL");
}

TEST_F(SandboxSetsJobsTest, FiveRunsPerHour)
{
    const std::string id = createSet();
    ASSERT_EQ(addMembers(id, someMissingBarcodes(1)).status, 200);
    for (int i = 0; i < 5; ++i) {
        const auto result = run(id, "MISSING");
        ASSERT_EQ(result.status, 200);
        waitForInstance(result);
    }
    const auto sixth = run(id, "MISSING");
    EXPECT_EQ(sixth.status, 400);
    EXPECT_EQ(sixth.firstErrorCode(), "402223");
}

class SandboxSlowJobTest : public SandboxSetsJobsTest {
protected:
    sandbox::SandboxOptions options() const override
    {
        auto o = SandboxSetsJobsTest::options();
        o.jobSeconds = 600;
        return o;
    }
};

TEST_F(SandboxSlowJobTest, AtMostThreeRunningJobsAndQueuedOrRunningStates)
{
    const std::string id = createSet();
    ASSERT_EQ(addMembers(id, someMissingBarcodes(2)).status, 200);
    std::vector<HttpResult> runs;
    for (int i = 0; i < 3; ++i) {
        runs.push_back(run(id, "MISSING"));
        ASSERT_EQ(runs.back().status, 200);
    }
    const auto fourth = run(id, "MISSING");
    EXPECT_EQ(fourth.status, 400);
    EXPECT_EQ(fourth.firstErrorCode(), "402222");
    const QString link = QString::fromStdString(runs[0].json["additional_info"]["link"]);
    const auto instance = client->get(QUrl(link).path());
    const std::string status = instance.json["status"]["value"];
    EXPECT_TRUE(status == "QUEUED" || status == "RUNNING") << status;
    EXPECT_LT(instance.json["progress"].get<int>(), 100);
    server->reset(); // ends the runs; the limit no longer applies
    const std::string again = createSet();
    ASSERT_EQ(addMembers(again, someMissingBarcodes(1)).status, 200);
    EXPECT_EQ(run(again, "MISSING").status, 200);
}

TEST_F(SandboxSetsJobsTest, UnknownJobOrSetIsAnError)
{
    const auto unknownJob = client->post(QStringLiteral("/almaws/v1/conf/jobs/M_OTHER"),
                                         makeQuery({{"op", QStringLiteral("run")}}), "{}");
    EXPECT_EQ(unknownJob.status, 400);
    EXPECT_EQ(unknownJob.firstErrorCode(), "402216");
    const auto noSet = run("123", "MISSING");
    EXPECT_EQ(noSet.status, 400);
}

} // namespace
