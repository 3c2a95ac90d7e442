// Rules: the shipped defaults load; a broken file says where (line and field) and falls back.
#include "TestSupport.h"

#include "legacy/LegacyStatus.h"
#include "planning/Rules.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace migdesk;

TEST(Rules, ShippedDefaultsLoad)
{
    QFile file(QStringLiteral(":/rules/default.json"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const auto result = Rules::fromJson(file.readAll(), QStringLiteral("default.json"));
    ASSERT_TRUE(result.isOk()) << result.error().message.toStdString();
    const Rules &rules = result.value();
    EXPECT_EQ(rules.conditionCode(), QStringLiteral("DAMAGED"));
    EXPECT_EQ(rules.missingStrategy(), QStringLiteral("job"));
    EXPECT_EQ(rules.withdrawHoldings(), QStringLiteral("retain"));
    for (const auto &id : allLegacyStatusIds()) {
        EXPECT_NE(rules.ruleFor(id, WorkMode::Desk), nullptr) << id.toStdString();
        EXPECT_NE(rules.ruleFor(id, WorkMode::Followup), nullptr) << id.toStdString();
    }
    EXPECT_FALSE(rules.workOrder(QStringLiteral("CATALOG_REVIEW")).isConfigured());
    EXPECT_NE(Rules::defaults().ruleFor(QStringLiteral("MISSING"), WorkMode::Desk), nullptr);
}

TEST(Rules, SyntaxErrorGivesLineAndColumn)
{
    const QByteArray text = "{\n  \"statuses\": {\n    \"MISSING\": {\"desk\": [}\n  }\n}\n";
    const auto result = Rules::fromJson(text, QStringLiteral("mine.json"));
    ASSERT_FALSE(result.isOk());
    EXPECT_EQ(result.error().kind, ErrorKind::Validation);
    EXPECT_TRUE(result.error().message.startsWith(QStringLiteral("mine.json:3:")))
        << result.error().message.toStdString();
}

TEST(Rules, FieldErrorNamesLineAndPath)
{
    const QByteArray text = "{\n"
                            "  \"statuses\": {\n"
                            "    \"MISSING\": {\n"
                            "      \"desk\": [{\"type\": \"RETURN\"}],\n"
                            "      \"followup\": [\n"
                            "        {\"type\": \"RETRUN\"}\n"
                            "      ]\n"
                            "    }\n"
                            "  }\n"
                            "}\n";
    const auto result = Rules::fromJson(text, QStringLiteral("mine.json"));
    ASSERT_FALSE(result.isOk());
    const QString message = result.error().message;
    EXPECT_TRUE(
        message.startsWith(QStringLiteral("mine.json:6: statuses.MISSING.followup[0].type")))
        << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("RETRUN")));
}

struct BadRules {
    const char *name;
    const char *json;
    const char *path; // expected field path in the message
};

class RulesRejectTest : public ::testing::TestWithParam<BadRules> {};

TEST_P(RulesRejectTest, Rejects)
{
    const auto result = Rules::fromJson(GetParam().json, QStringLiteral("r.json"));
    ASSERT_FALSE(result.isOk());
    EXPECT_TRUE(result.error().message.contains(QString::fromLatin1(GetParam().path)))
        << result.error().message.toStdString();
}

const BadRules kBadRules[] = {
    {"NotObject", "[]", "r.json:1"},
    {"NoStatuses", "{}", "statuses"},
    {"UnknownSetting", R"({"statuses": {}, "colour": 1})", "colour"},
    {"UnknownStatus", R"({"statuses": {"MISING": {}}})", "statuses.MISING"},
    {"BadStrategy", R"({"statuses": {}, "missing_strategy": "jobs"})", "missing_strategy"},
    {"BadPolicy", R"({"statuses": {}, "withdraw": {"bib": "burn"}})", "withdraw.bib"},
    {"MissingContext", R"({"statuses": {"MISSING": {"desk": [{"type": "RETURN"}]}}})",
     "statuses.MISSING.followup"},
    {"EmptySteps", R"({"statuses": {"MISSING": {"desk": [], "followup": []}}})",
     "statuses.MISSING.desk"},
    {"FallbackOnReturn",
     R"({"statuses": {"MISSING": {"desk": [{"type": "RETURN", "fallback": []}], "followup": [{"type": "RETURN"}]}}})",
     "statuses.MISSING.desk[0].fallback"},
    {"DecideDefaultUnknown",
     R"({"statuses": {"BILLED": {"desk": [{"type": "DECIDE", "default": "x", "choices": [{"key": "a", "steps": [{"type": "RETURN"}]}, {"key": "b", "steps": [{"type": "WITHDRAW"}]}]}], "followup": [{"type": "DEFER"}]}}})",
     "statuses.BILLED.desk[0].default"},
    {"LoanSplitMissing",
     R"({"statuses": {"LOST": {"desk": [{"type": "RETURN"}], "followup": {"with_loan": [{"type": "GUIDE_LOST"}]}}}})",
     "statuses.LOST.followup.without_loan"},
    {"HalfWorkOrder", R"({"statuses": {}, "work_orders": {"DAMAGED": {"department": "D"}}})",
     "work_orders.DAMAGED"},
};

INSTANTIATE_TEST_SUITE_P(Bad, RulesRejectTest, ::testing::ValuesIn(kBadRules),
                         [](const auto &info) { return std::string(info.param.name); });

TEST(Rules, BrokenFileFallsBackWithMessage)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("rules.json"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("{\"statuses\": {\"MISSING\": 3}}");
    file.close();
    const RulesLoad load = loadRulesOrDefaults(path);
    EXPECT_TRUE(load.warning.contains(QStringLiteral("statuses.MISSING")))
        << load.warning.toStdString();
    EXPECT_TRUE(load.warning.contains(path));
    EXPECT_NE(load.rules.ruleFor(QStringLiteral("MISSING"), WorkMode::Desk), nullptr);

    const RulesLoad missing = loadRulesOrDefaults(dir.filePath(QStringLiteral("none.json")));
    EXPECT_FALSE(missing.warning.isEmpty());
    EXPECT_TRUE(loadRulesOrDefaults({}).warning.isEmpty());
}

TEST(Rules, NumberBeyondDoubleIsAnErrorNotACrash)
{
    // Found by the rules fuzzer: valid JSON syntax whose number nlohmann cannot hold.
    const auto result = Rules::fromJson(
        QByteArrayLiteral(R"({"format": "migdesk-rules", "version": 7777.7e93782})"),
        QStringLiteral("huge.json"));
    ASSERT_FALSE(result.isOk());
    EXPECT_EQ(result.error().kind, ErrorKind::Validation);
    EXPECT_TRUE(result.error().message.startsWith(QStringLiteral("huge.json")));
}
