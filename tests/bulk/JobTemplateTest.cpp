// JobTemplate: good templates parse and fill in; broken ones fail with a precise message.
#include "bulk/JobTemplate.h"

#include <gtest/gtest.h>

#include <QTemporaryDir>

#include <map>

using namespace migdesk;

namespace {

const char *const kAlmaLike = R"({
  "job_id": "M18",
  "name": "Change Physical items",
  "parameter": [
    {"name": {"value": "set_id"}, "value": "{set_id}"},
    {"name": {"value": "MISSING_STATUS_selected"}, "value": "{status}"},
    {"name": {"value": "PHYSICAL_CONDITION_selected"}, "value": "{condition}"},
    {"name": {"value": "job_name"}, "value": "MigDesk: {set_name}"}
  ]
})";

struct GoodCase {
    const char *label;
    const char *text;
    const char *jobId;
    QStringList placeholders;
};

void PrintTo(const GoodCase &c, std::ostream *os)
{
    *os << c.label;
}

class GoodTemplateTest : public ::testing::TestWithParam<GoodCase> {};

TEST_P(GoodTemplateTest, ParsesAndKeepsPlaceholders)
{
    const GoodCase &c = GetParam();
    const auto result = JobTemplate::parse(QByteArray(c.text));
    ASSERT_TRUE(result.isOk()) << result.error().message.toStdString();
    EXPECT_EQ(result.value().jobId(), QString::fromLatin1(c.jobId));
    EXPECT_EQ(result.value().placeholders(), c.placeholders);
}

INSTANTIATE_TEST_SUITE_P(
    Templates, GoodTemplateTest,
    ::testing::Values(GoodCase{"alma_like",
                               kAlmaLike,
                               "M18",
                               {QStringLiteral("condition"), QStringLiteral("set_id"),
                                QStringLiteral("set_name"), QStringLiteral("status")}},
                      GoodCase{"bare_string_names",
                               R"({"job_id":"S1","parameter":[{"name":"set_id","value":"{set_id}"},
                     {"name":"x","value":"MISSING"}]})",
                               "S1",
                               {QStringLiteral("set_id")}},
                      GoodCase{"job_id_from_url",
                               R"({"url":"/almaws/v1/conf/jobs/M26710?op=run",
                     "parameter":[{"name":{"value":"set_id"},"value":"{set_id}"},
                                  {"name":{"value":"what"},"value":"{action}"}]})",
                               "M26710",
                               {QStringLiteral("action"), QStringLiteral("set_id")}},
                      GoodCase{"placeholder_inside_text",
                               R"({"job_id":"M1","parameter":[{"name":{"value":"set_id"},
                     "value":"id={set_id};{status}"}]})",
                               "M1",
                               {QStringLiteral("set_id"), QStringLiteral("status")}}),
    [](const auto &info) { return std::string(info.param.label); });

struct BrokenCase {
    const char *label;
    const char *text;
    const char *expectedFragment; // a part of the message that pins the problem down
};

void PrintTo(const BrokenCase &c, std::ostream *os)
{
    *os << c.label;
}

class BrokenTemplateTest : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenTemplateTest, FailsWithPreciseMessage)
{
    const BrokenCase &c = GetParam();
    const auto result = JobTemplate::parse(QByteArray(c.text), QStringLiteral("job.json"));
    ASSERT_FALSE(result.isOk());
    EXPECT_EQ(result.error().kind, ErrorKind::Validation);
    const QString message = result.error().message;
    EXPECT_TRUE(message.startsWith(QStringLiteral("job.json: "))) << message.toStdString();
    EXPECT_TRUE(message.contains(QString::fromUtf8(c.expectedFragment)))
        << "message: " << message.toStdString();
}

INSTANTIATE_TEST_SUITE_P(
    Templates, BrokenTemplateTest,
    ::testing::Values(
        BrokenCase{"empty", "  \n", "empty"},
        BrokenCase{"not_json", "{\"job_id\": \"M18\",\n  \"parameter\": [ }", "line 2, column"},
        BrokenCase{"not_object", "[1,2]", "JSON object"},
        BrokenCase{"no_job_id", R"({"parameter":[{"name":"set_id","value":"{set_id}"}]})",
                   "no \"job_id\""},
        BrokenCase{"camel_job_id",
                   R"({"jobId":"M1","parameter":[{"name":"set_id","value":"{set_id}"}]})",
                   "\"job_id\""},
        BrokenCase{"bad_job_id",
                   R"({"job_id":"{set_id}","parameter":[{"name":"set_id","value":"{set_id}"}]})",
                   "is not a job id"},
        BrokenCase{"plural_parameters",
                   R"({"job_id":"M1","parameters":[{"name":"set_id","value":"{set_id}"}]})",
                   "singular"},
        BrokenCase{"parameter_not_list", R"({"job_id":"M1","parameter":{"name":"set_id"}})",
                   "must be a list"},
        BrokenCase{"empty_list", R"({"job_id":"M1","parameter":[]})", "is empty"},
        BrokenCase{"no_name", R"({"job_id":"M1","parameter":[{"value":"{set_id}"}]})",
                   "parameter 1 has no name"},
        BrokenCase{"no_value",
                   R"({"job_id":"M1","parameter":[{"name":"set_id","value":"{set_id}"},
                       {"name":"other"}]})",
                   "parameter 2 (\"other\") has no \"value\""},
        BrokenCase{"number_value",
                   R"({"job_id":"M1","parameter":[{"name":"set_id","value":"{set_id}"},
                       {"name":"n","value":5}]})",
                   "parameter 2 (\"n\"): the value must be text"},
        BrokenCase{"duplicate_name",
                   R"({"job_id":"M1","parameter":[{"name":"set_id","value":"{set_id}"},
                       {"name":"set_id","value":"x"}]})",
                   "appears twice"},
        BrokenCase{"unknown_placeholder",
                   R"({"job_id":"M1","parameter":[{"name":"set_id","value":"{set_id}"},
                       {"name":"s","value":"{statuss}"}]})",
                   "unknown placeholder {statuss}"},
        BrokenCase{"unclosed_brace",
                   R"({"job_id":"M1","parameter":[{"name":"set_id","value":"{set_id"}]})",
                   "character 1 is never closed"},
        BrokenCase{"placeholder_in_name",
                   R"({"job_id":"M1","parameter":[{"name":"{set_id}","value":"{set_id}"}]})",
                   "placeholders go in values"},
        BrokenCase{"no_set_id",
                   R"({"job_id":"M1","parameter":[{"name":"status","value":"{status}"}]})",
                   "no parameter uses {set_id}"}),
    [](const auto &info) { return std::string(info.param.label); });

TEST(JobTemplateTest, RunBodyReplacesEveryPlaceholder)
{
    const auto result = JobTemplate::parse(QByteArray(kAlmaLike));
    ASSERT_TRUE(result.isOk());
    JobValues values;
    values.setId = QStringLiteral("9876543210");
    values.setName = QStringLiteral("MigDesk Missing 2026-11-28 Main desk");
    values.status = QStringLiteral("MISSING");
    values.action = QStringLiteral("MISSING");
    const nlohmann::json body = result.value().runBody(values);
    ASSERT_TRUE(body["parameter"].is_array());
    ASSERT_EQ(body["parameter"].size(), 4u);
    EXPECT_EQ(body["parameter"][0]["name"]["value"], "set_id");
    EXPECT_EQ(body["parameter"][0]["value"], "9876543210");
    EXPECT_EQ(body["parameter"][1]["value"], "MISSING");
    EXPECT_EQ(body["parameter"][2]["value"], "");
    EXPECT_EQ(body["parameter"][3]["value"], "MigDesk: MigDesk Missing 2026-11-28 Main desk");
    EXPECT_EQ(body.dump().find("{set_"), std::string::npos);
}

TEST(JobTemplateTest, ProblemsForActionNameWhatIsMissing)
{
    const auto onlySet =
        JobTemplate::parse(R"({"job_id":"M1","parameter":[{"name":"set_id","value":"{set_id}"}]})");
    ASSERT_TRUE(onlySet.isOk());
    EXPECT_EQ(onlySet.value().problemsFor(BulkAction::Missing, QStringLiteral("DAMAGED")).size(),
              1);
    EXPECT_EQ(onlySet.value().problemsFor(BulkAction::Damaged, QStringLiteral("DAMAGED")).size(),
              1);

    const auto literalDamaged = JobTemplate::parse(
        R"({"job_id":"M1","parameter":[{"name":"set_id","value":"{set_id}"},
            {"name":"cond","value":"DAMAGED"}]})");
    ASSERT_TRUE(literalDamaged.isOk());
    EXPECT_TRUE(literalDamaged.value()
                    .problemsFor(BulkAction::Damaged, QStringLiteral("DAMAGED"))
                    .isEmpty());
    EXPECT_FALSE(literalDamaged.value()
                     .problemsFor(BulkAction::Missing, QStringLiteral("DAMAGED"))
                     .isEmpty());

    const auto full = JobTemplate::parse(QByteArray(kAlmaLike));
    ASSERT_TRUE(full.isOk());
    EXPECT_TRUE(full.value().problemsFor(BulkAction::Missing, QStringLiteral("DAMAGED")).isEmpty());
    EXPECT_TRUE(full.value().problemsFor(BulkAction::Damaged, QStringLiteral("DAMAGED")).isEmpty());
}

TEST(JobTemplateTest, NormalisedJsonRoundTrips)
{
    const auto first = JobTemplate::parse(
        R"({"job_id":"M7","name":"Job","parameter":[{"name":"set_id","value":"{set_id}"}]})");
    ASSERT_TRUE(first.isOk());
    const auto second = JobTemplate::parse(first.value().toJson());
    ASSERT_TRUE(second.isOk()) << second.error().message.toStdString();
    EXPECT_EQ(second.value().jobId(), QStringLiteral("M7"));
    EXPECT_EQ(second.value().displayName(), QStringLiteral("Job"));
    EXPECT_EQ(second.value().parameterNames(), QStringList{QStringLiteral("set_id")});
}

TEST(JobTemplateTest, LoadFileNamesTheFileAndReportsUnreadable)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const auto missing = JobTemplate::loadFile(dir.filePath(QStringLiteral("nope.json")));
    ASSERT_FALSE(missing.isOk());
    EXPECT_TRUE(missing.error().message.contains(QStringLiteral("nope.json")));

    QFile file(dir.filePath(QStringLiteral("broken.json")));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"job_id":"M1","parameter":[{"name":"a","value":"x"}]})");
    file.close();
    const auto broken = JobTemplate::loadFile(file.fileName());
    ASSERT_FALSE(broken.isOk());
    EXPECT_TRUE(broken.error().message.startsWith(QStringLiteral("broken.json: ")));
}

TEST(JobTemplateTest, ShippedDefaultIsM18ForBothActions)
{
    const JobTemplate m18 = JobTemplate::changePhysicalItems();
    EXPECT_EQ(m18.jobId(), QStringLiteral("M18"));
    EXPECT_TRUE(m18.problemsFor(BulkAction::Missing, QStringLiteral("DAMAGED")).isEmpty());
    EXPECT_TRUE(m18.problemsFor(BulkAction::Damaged, QStringLiteral("DAMAGED")).isEmpty());
    // It round-trips through the settings text, so staff can edit it.
    const auto reparsed = JobTemplate::parse(JobTemplate::changePhysicalItemsText().toUtf8());
    ASSERT_TRUE(reparsed.isOk()) << reparsed.error().message.toStdString();
    EXPECT_EQ(reparsed.value().parameterNames(), m18.parameterNames());
}

// The run bodies Alma's M18 expects: the triple of the field to change selected, the other not.
TEST(JobTemplateTest, ShippedDefaultFillsTheM18Triples)
{
    auto parameters = [](const QString &action) {
        JobValues values;
        values.setId = QStringLiteral("9900001");
        values.setName = QStringLiteral("MigDesk Missing 2026-11-28 {desk}");
        values.action = action;
        values.status = action == QLatin1String("MISSING") ? action : QString();
        values.condition = action == QLatin1String("DAMAGED") ? QStringLiteral("DMG") : QString();
        values.conditionCode = QStringLiteral("DMG");
        std::map<std::string, std::string> out;
        const nlohmann::json body = JobTemplate::changePhysicalItems().runBody(values);
        for (const auto &p : body["parameter"])
            out[p["name"]["value"].get<std::string>()] = p["value"].get<std::string>();
        return out;
    };
    const auto missing = parameters(QStringLiteral("MISSING"));
    EXPECT_EQ(missing.at("MISSING_STATUS_selected"), "true");
    EXPECT_EQ(missing.at("MISSING_STATUS_value"), "MISSING");
    EXPECT_EQ(missing.at("MISSING_STATUS_condition"), "Null");
    EXPECT_EQ(missing.at("PHYSICAL_CONDITION_selected"), "false");
    EXPECT_EQ(missing.at("set_id"), "9900001");
    // A session name with braces is copied as it is, never filled in again.
    EXPECT_EQ(missing.at("job_name"), "Change Physical items: MigDesk Missing 2026-11-28 {desk}");
    const auto damaged = parameters(QStringLiteral("DAMAGED"));
    EXPECT_EQ(damaged.at("MISSING_STATUS_selected"), "false");
    EXPECT_EQ(damaged.at("PHYSICAL_CONDITION_selected"), "true");
    EXPECT_EQ(damaged.at("PHYSICAL_CONDITION_value"), "DMG");
    EXPECT_EQ(damaged.at("PHYSICAL_CONDITION_condition"), "Null");
}

TEST(JobTemplateTest, TheStampTripleIsAddedOrFilledIn)
{
    auto get = [](const std::map<std::string, std::string> &map, const std::string &key) {
        const auto it = map.find(key);
        return it == map.end() ? std::string("<absent>") : it->second;
    };
    auto parameters = [](const JobTemplate &jobTemplate) {
        JobValues values;
        values.setId = QStringLiteral("9900001");
        values.action = QStringLiteral("MISSING");
        values.status = QStringLiteral("MISSING");
        values.stampField = QStringLiteral("statistics_note_3");
        values.stampText = QStringLiteral("MigDesk 2026-12-03 AB: Missing → Mark Missing");
        std::map<std::string, std::string> out;
        int count = 0;
        const nlohmann::json body = jobTemplate.runBody(values);
        for (const auto &p : body["parameter"]) {
            out[p["name"]["value"].get<std::string>()] = p["value"].get<std::string>();
            ++count;
        }
        EXPECT_EQ(size_t(count), out.size()) << "a parameter was given twice";
        return out;
    };
    const auto shipped = parameters(JobTemplate::changePhysicalItems());
    EXPECT_EQ(get(shipped, "STATISTICS_NOTE_3_selected"), "true");
    EXPECT_EQ(get(shipped, "STATISTICS_NOTE_3_value"),
              "MigDesk 2026-12-03 AB: Missing \xe2\x86\x92 Mark Missing");
    EXPECT_EQ(get(shipped, "STATISTICS_NOTE_3_condition"), "Null");
    EXPECT_EQ(get(shipped, "MISSING_STATUS_selected"), "true");
    // A template that names the field itself (as "false") gets the values, not a second copy.
    const auto own = JobTemplate::parse(R"({"job_id":"M18","parameter":[
        {"name":"set_id","value":"{set_id}"},
        {"name":"MISSING_STATUS_selected","value":"{missing_selected}"},
        {"name":"MISSING_STATUS_value","value":"MISSING"},
        {"name":"STATISTICS_NOTE_3_selected","value":"false"},
        {"name":"STATISTICS_NOTE_3_value","value":""}]})");
    ASSERT_TRUE(own.isOk()) << own.error().message.toStdString();
    const auto filled = parameters(own.value());
    EXPECT_EQ(get(filled, "STATISTICS_NOTE_3_selected"), "true");
    EXPECT_EQ(get(filled, "STATISTICS_NOTE_3_value"),
              "MigDesk 2026-12-03 AB: Missing \xe2\x86\x92 Mark Missing");
    EXPECT_EQ(get(filled, "STATISTICS_NOTE_3_condition"), "Null");
    EXPECT_EQ(get(filled, "set_id"), "9900001");
    // Without a stamp nothing is added.
    JobValues plain;
    plain.setId = QStringLiteral("1");
    plain.action = QStringLiteral("MISSING");
    const auto body = JobTemplate::changePhysicalItems().runBody(plain);
    EXPECT_EQ(body.dump().find("STATISTICS_NOTE"), std::string::npos);
}

TEST(JobTemplateTest, ActionNames)
{
    EXPECT_EQ(bulkActionFromName(QStringLiteral(" missing ")), BulkAction::Missing);
    EXPECT_EQ(bulkActionFromName(QStringLiteral("Damaged")), BulkAction::Damaged);
    EXPECT_FALSE(bulkActionFromName(QStringLiteral("LOST")).has_value());
    EXPECT_EQ(bulkActionName(BulkAction::Damaged), QStringLiteral("DAMAGED"));
}

} // namespace

TEST(JobTemplateTest, NumberBeyondDoubleIsAnErrorNotACrash)
{
    const auto result = JobTemplate::parse(QByteArrayLiteral(R"({"job_id": "1", "x": 1e99999})"),
                                           QStringLiteral("huge.json"));
    EXPECT_FALSE(result.isOk());
}
