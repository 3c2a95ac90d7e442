// The sandbox's Change Physical items job speaks Alma's M18 vocabulary and refuses what Alma
// refuses: the old invented parameters, an unknown parameter, no field selected, an unknown set,
// a selected field without a value. Missing is set and removed, the condition set and cleared,
// a note set (replacing what it held, as Alma's job does) and cleared.
#include "SandboxFixture.h"

#include <QTest>

using namespace migdesk;
using namespace migdesk::test;
using nlohmann::json;

namespace {

class SandboxM18Test : public SandboxFixture {
protected:
    void SetUp() override
    {
        SandboxFixture::SetUp();
        json create = {{"name", "M18 test"},
                       {"type", {{"value", "ITEMIZED"}}},
                       {"content", {{"value", "ITEM"}}}};
        const auto set = client->post(QStringLiteral("/almaws/v1/conf/sets"), {},
                                      QByteArray::fromStdString(create.dump()));
        ASSERT_EQ(set.status, 200) << set.body.toStdString();
        setId = set.json.value("id", std::string());
        for (const auto &example : server->demoExamples()) {
            if (barcode.isEmpty() && example.scenario.contains(QLatin1String("Missing")) &&
                !example.scenario.contains(QLatin1String("already")) &&
                !example.scenario.contains(QLatin1String("loan")))
                barcode = example.barcode;
        }
        const json members = {{"members", {{"member", {{{"id", barcode.toStdString()}}}}}}};
        const auto added = client->post(
            QStringLiteral("/almaws/v1/conf/sets/%1").arg(QString::fromStdString(setId)),
            makeQuery(
                {{"op", QStringLiteral("add_members")}, {"id_type", QStringLiteral("BARCODE")}}),
            QByteArray::fromStdString(members.dump()));
        ASSERT_EQ(added.status, 200) << added.body.toStdString();
    }

    HttpResult run(const std::vector<std::pair<std::string, std::string>> &parameters)
    {
        json list = json::array();
        for (const auto &[name, value] : parameters)
            list.push_back({{"name", {{"value", name}}}, {"value", value}});
        return client->post(QStringLiteral("/almaws/v1/conf/jobs/M18"),
                            makeQuery({{"op", QStringLiteral("run")}}),
                            QByteArray::fromStdString(json{{"parameter", list}}.dump()));
    }

    // Runs the job and waits until it completed.
    void runToEnd(const std::vector<std::pair<std::string, std::string>> &parameters)
    {
        const HttpResult started = run(parameters);
        ASSERT_EQ(started.status, 200) << started.body.toStdString();
        const QString link = QString::fromStdString(started.json["additional_info"]["link"]);
        for (int i = 0; i < 300; ++i) {
            const json instance = client->get(QUrl(link).path()).json;
            if (instance["status"]["value"] == "COMPLETED_SUCCESS")
                return;
            QTest::qWait(20);
        }
        FAIL() << "the job did not complete";
    }

    std::vector<std::pair<std::string, std::string>> missing(const char *selected = "true") const
    {
        return {{"MISSING_STATUS_selected", selected},
                {"MISSING_STATUS_value", "MISSING"},
                {"MISSING_STATUS_condition", "Null"},
                {"set_id", setId},
                {"job_name", "MigDesk test"}};
    }

    std::string setId;
    QString barcode;
};

TEST_F(SandboxM18Test, RefusesTheOldInventedJobAndParameters)
{
    const auto oldJob = client->post(
        QStringLiteral("/almaws/v1/conf/jobs/M_MIGDESK_CHANGE_PHYSICAL_ITEMS"),
        makeQuery({{"op", QStringLiteral("run")}}),
        QByteArray::fromStdString(
            json{{"parameter", {{{"name", {{"value", "set_id"}}}, {"value", setId}}}}}.dump()));
    EXPECT_EQ(oldJob.status, 400);
    for (const char *name : {"process_type", "physical_condition"}) {
        const auto result = run({{"set_id", setId}, {name, "MISSING"}});
        EXPECT_EQ(result.status, 400) << name;
        EXPECT_TRUE(result.body.contains("is not a parameter of job M18")) << result.body.data();
    }
    auto unknown = missing();
    unknown.emplace_back("MISSING_STATUS_colour", "red");
    EXPECT_EQ(run(unknown).status, 400);
    EXPECT_EQ(field(barcode, "process_type"), "TECHNICAL");
}

TEST_F(SandboxM18Test, RefusesNoFieldSelectedUnknownSetAndBadValues)
{
    const auto none = run(missing("false"));
    EXPECT_EQ(none.status, 400);
    EXPECT_TRUE(none.body.contains("No field is selected")) << none.body.data();

    auto noSet = missing();
    noSet[3].second = "424242";
    const auto unknownSet = run(noSet);
    EXPECT_EQ(unknownSet.status, 400);
    EXPECT_TRUE(unknownSet.body.contains("Set with ID 424242 does not exist"))
        << unknownSet.body.data();

    auto notBoolean = missing("MISSING"); // the old docs' mistake: a status where true belongs
    EXPECT_EQ(run(notBoolean).status, 400);
    auto badCondition = missing();
    badCondition.emplace_back("PHYSICAL_CONDITION_selected", "true");
    badCondition.emplace_back("PHYSICAL_CONDITION_value", "NO_SUCH_CODE");
    EXPECT_EQ(run(badCondition).status, 400);
    auto noValue = missing();
    noValue.erase(noValue.begin() + 1);
    EXPECT_EQ(run(noValue).status, 400);
    EXPECT_EQ(field(barcode, "process_type"), "TECHNICAL");
}

TEST_F(SandboxM18Test, SetsAndRemovesMissingAndTheCondition)
{
    runToEnd(missing());
    EXPECT_EQ(field(barcode, "process_type"), "MISSING");
    runToEnd({{"MISSING_STATUS_selected", "true"},
              {"MISSING_STATUS_value", "Null"},
              {"MISSING_STATUS_condition", "Null"},
              {"PHYSICAL_CONDITION_selected", "true"},
              {"PHYSICAL_CONDITION_value", "DAMAGED"},
              {"PHYSICAL_CONDITION_condition", "Null"},
              {"set_id", setId}});
    EXPECT_EQ(field(barcode, "process_type"), "");
    EXPECT_EQ(field(barcode, "physical_condition"), "DAMAGED");
    runToEnd({{"PHYSICAL_CONDITION_selected", "true"},
              {"PHYSICAL_CONDITION_value", "Null"},
              {"PHYSICAL_CONDITION_condition", "Null"},
              {"set_id", setId}});
    EXPECT_EQ(field(barcode, "physical_condition"), "");
}

TEST_F(SandboxM18Test, SetsANoteReplacingItsTextAndClearsIt)
{
    auto note = [this](const char *name) {
        const json item = server->itemJson(barcode);
        return item["item_data"].value(name, std::string());
    };
    const std::string legacy = note("internal_note_1");
    runToEnd({{"STATISTICS_NOTE_3_selected", "true"},
              {"STATISTICS_NOTE_3_value", "Shelf check 2025"},
              {"STATISTICS_NOTE_3_condition", "Null"},
              {"set_id", setId}});
    EXPECT_EQ(note("statistics_note_3"), "Shelf check 2025");
    runToEnd({{"STATISTICS_NOTE_3_selected", "true"},
              {"STATISTICS_NOTE_3_value", "MigDesk 2026-12-03 AB: Missing"},
              {"STATISTICS_NOTE_3_condition", "Null"},
              {"MISSING_STATUS_selected", "true"},
              {"MISSING_STATUS_value", "MISSING"},
              {"MISSING_STATUS_condition", "Null"},
              {"set_id", setId}});
    // The job's value replaces the note: MigDesk never hands it an item whose note holds text.
    EXPECT_EQ(note("statistics_note_3"), "MigDesk 2026-12-03 AB: Missing");
    EXPECT_EQ(field(barcode, "process_type"), "MISSING");
    EXPECT_EQ(note("internal_note_1"), legacy);
    runToEnd({{"STATISTICS_NOTE_3_selected", "true"},
              {"STATISTICS_NOTE_3_value", "Null"},
              {"STATISTICS_NOTE_3_condition", "Null"},
              {"set_id", setId}});
    EXPECT_EQ(note("statistics_note_3"), "");
    // Fields other than the status, the condition and the notes stay refused.
    const auto policy = run({{"ITEM_POLICY_selected", "true"},
                             {"ITEM_POLICY_value", "BOOK"},
                             {"ITEM_POLICY_condition", "Null"},
                             {"set_id", setId}});
    EXPECT_EQ(policy.status, 400);
    EXPECT_TRUE(policy.body.contains("not ITEM_POLICY")) << policy.body.data();
}

} // namespace
