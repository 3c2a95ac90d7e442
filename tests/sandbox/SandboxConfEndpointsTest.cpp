// The conf API endpoints other people's Alma clients call: the job and its instances (402216 for
// an unknown job), libraries with their circulation desks and locations, departments, the code
// tables of physical conditions and work order types; and demo data with consistent dates.
#include "SandboxDemoData.h"
#include "SandboxFixture.h"
#include "SandboxState.h"

#include <QDate>
#include <QTest>

#include <set>

using namespace migdesk;
using namespace migdesk::test;
using nlohmann::json;

namespace {

const QString kJob = QStringLiteral("/almaws/v1/conf/jobs/M18");

std::set<std::string> codesOf(const json &list, const char *key = "code")
{
    std::set<std::string> codes;
    for (const auto &entry : list)
        codes.insert(entry[key].is_object() ? entry[key]["value"].get<std::string>()
                                            : entry[key].get<std::string>());
    return codes;
}

using SandboxConfEndpointsTest = SandboxFixture;

TEST_F(SandboxConfEndpointsTest, JobAndItsInstances)
{
    const auto job = client->get(kJob);
    ASSERT_EQ(job.status, 200) << job.body.toStdString();
    EXPECT_EQ(job.json["id"], "M18");
    EXPECT_EQ(job.json["type"]["value"], "MANUAL");
    EXPECT_TRUE(job.json["parameter"].is_array());
    auto instances = client->get(kJob + QStringLiteral("/instances"));
    ASSERT_EQ(instances.status, 200);
    EXPECT_EQ(instances.json["total_record_count"], 0);
    EXPECT_FALSE(instances.json.contains("job_instance"));

    const json set = {
        {"name", "Instances"}, {"type", {{"value", "ITEMIZED"}}}, {"content", {{"value", "ITEM"}}}};
    const std::string setId = client
                                  ->post(QStringLiteral("/almaws/v1/conf/sets"), {},
                                         QByteArray::fromStdString(set.dump()))
                                  .json["id"];
    const json parameters = {
        {"parameter",
         {{{"name", {{"value", "set_id"}}}, {"value", setId}},
          {{"name", {{"value", "PHYSICAL_CONDITION_selected"}}}, {"value", "true"}},
          {{"name", {{"value", "PHYSICAL_CONDITION_value"}}}, {"value", "DAMAGED"}},
          {{"name", {{"value", "PHYSICAL_CONDITION_condition"}}}, {"value", "Null"}}}}};
    for (int i = 0; i < 2; ++i) {
        ASSERT_EQ(client
                      ->post(kJob, makeQuery({{"op", QStringLiteral("run")}}),
                             QByteArray::fromStdString(parameters.dump()))
                      .status,
                  200);
    }
    instances = client->get(kJob + QStringLiteral("/instances"),
                            makeQuery({{"limit", QStringLiteral("1")}}));
    EXPECT_EQ(instances.json["total_record_count"], 2);
    ASSERT_EQ(instances.json["job_instance"].size(), 1u);
    const json &newest = instances.json["job_instance"][0];
    EXPECT_EQ(newest["job_info"]["id"], "M18");
    EXPECT_EQ(client->get(QUrl(QString::fromStdString(newest["link"])).path()).json["id"],
              newest["id"]);
}

TEST_F(SandboxConfEndpointsTest, UnknownJobIs402216)
{
    for (const QString &path : {QStringLiteral("/almaws/v1/conf/jobs/M99"),
                                QStringLiteral("/almaws/v1/conf/jobs/M99/instances"),
                                QStringLiteral("/almaws/v1/conf/jobs/M99/instances/123")}) {
        const auto answer = client->get(path);
        EXPECT_EQ(answer.status, 400) << path.toStdString();
        EXPECT_EQ(answer.firstErrorCode(), "402216") << path.toStdString();
    }
    EXPECT_EQ(client->get(kJob + QStringLiteral("/instances/123")).firstErrorCode(), "402216");
}

TEST_F(SandboxConfEndpointsTest, LibrariesDesksAndLocations)
{
    const auto libraries = client->get(QStringLiteral("/almaws/v1/conf/libraries"));
    ASSERT_EQ(libraries.status, 200);
    EXPECT_EQ(codesOf(libraries.json["library"]),
              (std::set<std::string>{"MAIN", "SCI", "LAW", "MUSIC"}));
    EXPECT_EQ(libraries.json["total_record_count"], 4);
    const auto main = client->get(QStringLiteral("/almaws/v1/conf/libraries/MAIN"));
    EXPECT_EQ(main.json["name"], "Main Library");
    const auto desks = client->get(QStringLiteral("/almaws/v1/conf/libraries/MAIN/circ-desks"));
    ASSERT_EQ(desks.status, 200);
    EXPECT_EQ(codesOf(desks.json["circ_desk"]),
              (std::set<std::string>{"DEFAULT_CIRC_DESK", "RESERVES_DESK"}));
    const auto locations = client->get(QStringLiteral("/almaws/v1/conf/libraries/MUSIC/locations"));
    EXPECT_EQ(codesOf(locations.json["location"]), (std::set<std::string>{"STACKS", "SCORES"}));
    const auto unknown = client->get(QStringLiteral("/almaws/v1/conf/libraries/NOPE/circ-desks"));
    EXPECT_EQ(unknown.status, 400);
    const auto write = client->post(QStringLiteral("/almaws/v1/conf/libraries"), {}, "{}");
    EXPECT_EQ(write.status, 405);
}

TEST_F(SandboxConfEndpointsTest, DepartmentsAndCodeTables)
{
    const auto departments = client->get(QStringLiteral("/almaws/v1/conf/departments"));
    ASSERT_EQ(departments.status, 200);
    EXPECT_EQ(codesOf(departments.json["department"]),
              (std::set<std::string>{"CATALOGING", "TECH_SERVICES"}));
    EXPECT_EQ(
        codesOf(departments.json["department"][0]["work_order_type"], "value").count("REPAIR"), 1u);
    const auto conditions =
        client->get(QStringLiteral("/almaws/v1/conf/code-tables/PhysicalItemCondition"));
    ASSERT_EQ(conditions.status, 200);
    EXPECT_EQ(codesOf(conditions.json["row"]).count("DAMAGED"), 1u);
    EXPECT_EQ(conditions.json["row"][0]["enabled"], true);
    const auto types = client->get(QStringLiteral("/almaws/v1/conf/code-tables/WorkOrderTypes"));
    ASSERT_EQ(types.status, 200);
    EXPECT_EQ(codesOf(types.json["row"]).count("TECHSERV"), 1u);
    const auto unknown = client->get(QStringLiteral("/almaws/v1/conf/code-tables/NoSuchTable"));
    EXPECT_EQ(unknown.status, 400);
}

TEST(SandboxDemoDates, NoItemIsModifiedBeforeItWasCreated)
{
    auto date = [](const json &value) {
        return QDate::fromString(QString::fromStdString(value.get<std::string>()).chopped(1),
                                 Qt::ISODate);
    };
    for (quint32 seed : {1u, 2u, 7u, 42u}) {
        const auto demo = sandbox::generateDemoData(400, seed);
        ASSERT_EQ(demo.records.size(), 400u);
        for (const auto &record : demo.records) {
            const json &data = record.item["item_data"];
            const QDate created = date(data["creation_date"]);
            const QDate modified = date(data["modification_date"]);
            ASSERT_TRUE(created.isValid() && modified.isValid()) << data.dump();
            EXPECT_LE(created, modified) << "seed " << seed << ": " << data["barcode"];
        }
    }
}

} // namespace
