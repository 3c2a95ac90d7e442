// The two status-keyed sections of a rules file, "work_orders" and "statuses", share one walk:
// comment keys are skipped, the section and each entry must be objects, each key a legacy
// status. Pins the exact field path and message of each of those errors in both sections.
#include "planning/Rules.h"

#include <gtest/gtest.h>

using namespace migdesk;

namespace {

// "<field path>: <message>" of the error the rules text gives (empty when it loads).
QString errorOf(const char *json)
{
    const auto result = Rules::fromJson(QByteArray(json), QStringLiteral("r.json"));
    if (result.isOk())
        return {};
    const QString message = result.error().message;
    // "r.json:<line>: <path>: <message>": drop the file and line.
    const qsizetype afterLine = message.indexOf(QStringLiteral(": "));
    return afterLine < 0 ? message : message.mid(afterLine + 2);
}

const char kStatuses[] =
    R"("statuses": {"MISSING": {"desk": [{"type": "RETURN"}], "followup": [{"type": "DEFER"}]}})";

QByteArray withWorkOrders(const char *workOrders)
{
    return QByteArray("{") + kStatuses + ", \"work_orders\": " + workOrders + "}";
}

} // namespace

TEST(RulesSections, WorkOrdersMustBeAnObjectOfStatusEntries)
{
    EXPECT_EQ(errorOf(withWorkOrders("[]")),
              QStringLiteral("work_orders: must be an object of status: {department, type}"));
    EXPECT_EQ(errorOf(withWorkOrders(R"({"MISING": {}})")),
              QStringLiteral("work_orders.MISING: unknown legacy status \"MISING\""));
    EXPECT_EQ(errorOf(withWorkOrders(R"({"DAMAGED": "D/T"})")),
              QStringLiteral("work_orders.DAMAGED: must be an object with department and type"));
    EXPECT_EQ(errorOf(withWorkOrders(R"({"DAMAGED": {"department": "D"}})")),
              QStringLiteral("work_orders.DAMAGED: give both department and type, or neither"));
    EXPECT_EQ(errorOf(withWorkOrders(R"({"DAMAGED": {"type": 3}})")),
              QStringLiteral("work_orders.DAMAGED.type: must be a text value"));
}

TEST(RulesSections, WorkOrdersSkipCommentsAndKeepEveryEntry)
{
    const auto result = Rules::fromJson(
        withWorkOrders(R"({"_why": "not a status", "DAMAGED": {"department": "D", "type": "T"},
                           "_note": 3, "MISSING": {}})"),
        QStringLiteral("r.json"));
    ASSERT_TRUE(result.isOk()) << result.error().message.toStdString();
    EXPECT_EQ(result.value().workOrder(QStringLiteral("DAMAGED")).department, QStringLiteral("D"));
    EXPECT_EQ(result.value().workOrder(QStringLiteral("DAMAGED")).type, QStringLiteral("T"));
    EXPECT_FALSE(result.value().workOrder(QStringLiteral("MISSING")).isConfigured());
}

TEST(RulesSections, StatusesMustBeAnObjectOfStatusEntries)
{
    EXPECT_EQ(errorOf(R"({"statuses": 3})"),
              QStringLiteral("statuses: must be an object of status: {desk, followup}"));
    EXPECT_EQ(errorOf(R"({"statuses": {"MISING": {}}})"),
              QStringLiteral("statuses.MISING: unknown legacy status \"MISING\""));
    EXPECT_EQ(errorOf(R"({"statuses": {"MISSING": []}})"),
              QStringLiteral("statuses.MISSING: must be an object with desk and followup"));
    EXPECT_EQ(errorOf(R"({"statuses": {"MISSING": {"shelf": []}}})"),
              QStringLiteral("statuses.MISSING.shelf: unknown context (use desk or followup)"));
    EXPECT_EQ(errorOf(R"({"statuses": {"MISSING": {"desk": [{"type": "RETURN"}]}}})"),
              QStringLiteral("statuses.MISSING.followup: missing"));
}

TEST(RulesSections, StatusesSkipCommentsAndReadBothContexts)
{
    const auto result =
        Rules::fromJson(QByteArray(R"({"statuses": {"_about": "ignored", "MISSING": {"_c": 1,
                       "desk": [{"type": "RETURN"}], "followup": [{"type": "DEFER"}]}}})"),
                        QStringLiteral("r.json"));
    ASSERT_TRUE(result.isOk()) << result.error().message.toStdString();
    const RuleCase *desk = result.value().ruleFor(QStringLiteral("MISSING"), WorkMode::Desk);
    const RuleCase *followup =
        result.value().ruleFor(QStringLiteral("MISSING"), WorkMode::Followup);
    ASSERT_NE(desk, nullptr);
    ASSERT_NE(followup, nullptr);
    ASSERT_EQ(desk->withoutLoan.size(), 1u);
    EXPECT_EQ(desk->withoutLoan.front().type, StepType::Return);
    ASSERT_EQ(followup->withLoan.size(), 1u);
    EXPECT_EQ(followup->withLoan.front().type, StepType::Defer);
    EXPECT_EQ(result.value().ruleFor(QStringLiteral("DAMAGED"), WorkMode::Desk), nullptr);
}
