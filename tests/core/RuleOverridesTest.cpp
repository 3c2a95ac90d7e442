// Rules::withOverrides and Settings::ruleOverrides: the settings' work orders and condition code
// lay over the rules file, and the planner follows them; empty settings keep the file's values.
#include "legacy/NoteParser.h"
#include "planning/Planner.h"
#include "planning/Rules.h"
#include "settings/Settings.h"

#include <QDir>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace migdesk;

namespace {

const QString kCatalogReview = QStringLiteral("CATALOG_REVIEW");

// A Voyager item whose migrated note names `status` (Voyager writes it into Internal Note 3).
Plan deskPlan(const Rules &rules, const QString &status)
{
    Item item;
    item.barcode = QStringLiteral("B0001");
    item.processType = {QStringLiteral("TECHNICAL"), QStringLiteral("Technical - Migration")};
    item.baseStatus = {QStringLiteral("0"), QStringLiteral("Item not in place")};
    item.internalNote3 = status;
    PlanContext context;
    context.mode = WorkMode::Desk;
    return Planner(rules).plan(item, NoteParser(SourceIls::Voyager).parse(item), context);
}

} // namespace

TEST(RuleOverrides, WorkOrderOverrideTurnsCatalogReviewIntoWorkOrder)
{
    RuleOverrides overrides;
    overrides.workOrders.insert(kCatalogReview, {QStringLiteral("CATDEPT"), QStringLiteral("CR")});
    const Rules rules = Rules::defaults().withOverrides(overrides);
    const Plan plan = deskPlan(rules, QStringLiteral("Catalog Review"));
    ASSERT_EQ(plan.stepNames(), QStringList{QStringLiteral("WORK_ORDER")});
    EXPECT_EQ(plan.steps.front().department, QStringLiteral("CATDEPT"));
    EXPECT_EQ(plan.steps.front().workOrderType, QStringLiteral("CR"));
    // Other statuses keep the file's (unconfigured) work orders.
    EXPECT_FALSE(rules.workOrder(QStringLiteral("AT_BINDERY")).isConfigured());
}

TEST(RuleOverrides, WithoutOverrideCatalogReviewFallsBack)
{
    const Rules rules = Rules::defaults().withOverrides(RuleOverrides{});
    const Plan plan = deskPlan(rules, QStringLiteral("Catalog Review"));
    EXPECT_EQ(plan.stepNames(),
              (QStringList{QStringLiteral("SET_FULFILLMENT_NOTE"), QStringLiteral("RETURN")}));
    EXPECT_EQ(rules.conditionCode(), Rules::defaults().conditionCode());
}

TEST(RuleOverrides, EmptyOrHalfValuesKeepTheFile)
{
    const QByteArray text = R"({"statuses": {
        "DAMAGED": {"desk": [{"type": "SET_CONDITION"},
                             {"type": "WORK_ORDER", "fallback": [{"type": "RETURN"}]}],
                    "followup": [{"type": "RETURN"}]}},
        "work_orders": {"DAMAGED": {"department": "FILEDEPT", "type": "FileType"}},
        "physical_condition": "BROKEN"})";
    const auto file = Rules::fromJson(text, QStringLiteral("test.json"));
    ASSERT_TRUE(file.isOk()) << file.error().message.toStdString();

    RuleOverrides empty;
    empty.conditionCode = QStringLiteral("  ");
    empty.workOrders.insert(QStringLiteral("DAMAGED"), {QStringLiteral("ONLYDEPT"), QString()});
    const Plan kept = deskPlan(file.value().withOverrides(empty), QStringLiteral("Damaged"));
    ASSERT_EQ(kept.stepNames(),
              (QStringList{QStringLiteral("SET_CONDITION"), QStringLiteral("WORK_ORDER")}));
    EXPECT_EQ(kept.steps[0].conditionCode, QStringLiteral("BROKEN"));
    EXPECT_EQ(kept.steps[1].department, QStringLiteral("FILEDEPT"));

    RuleOverrides set;
    set.conditionCode = QStringLiteral(" TORN ");
    set.workOrders.insert(QStringLiteral("DAMAGED"),
                          {QStringLiteral("MENDING"), QStringLiteral("Mend")});
    const Plan changed = deskPlan(file.value().withOverrides(set), QStringLiteral("Damaged"));
    ASSERT_EQ(changed.stepNames(),
              (QStringList{QStringLiteral("SET_CONDITION"), QStringLiteral("WORK_ORDER")}));
    EXPECT_EQ(changed.steps[0].conditionCode, QStringLiteral("TORN"));
    EXPECT_EQ(changed.steps[1].department, QStringLiteral("MENDING"));
    EXPECT_EQ(changed.steps[1].workOrderType, QStringLiteral("Mend"));
    // The original rules are untouched.
    EXPECT_EQ(file.value().conditionCode(), QStringLiteral("BROKEN"));
}

TEST(RuleOverrides, SettingsGiveOnlyStoredValues)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    Settings settings(QDir(dir.path()).filePath(QStringLiteral("settings.ini")));
    // Nothing stored: the condition code shown as "DAMAGED" is a display default, not an override.
    RuleOverrides none = settings.ruleOverrides();
    EXPECT_TRUE(none.conditionCode.isEmpty());
    EXPECT_TRUE(none.workOrders.isEmpty());

    settings.setConditionCode(QStringLiteral("WORN"));
    settings.setWorkOrder(kCatalogReview, {QStringLiteral("CATDEPT"), QStringLiteral("CR")});
    settings.setWorkOrder(QStringLiteral("AT_BINDERY"), {QStringLiteral("BINDERY"), QString()});
    const RuleOverrides overrides = settings.ruleOverrides();
    EXPECT_EQ(overrides.conditionCode, QStringLiteral("WORN"));
    ASSERT_EQ(overrides.workOrders.size(), 1);
    EXPECT_EQ(overrides.workOrders.value(kCatalogReview).department, QStringLiteral("CATDEPT"));

    const Rules rules = Rules::defaults().withOverrides(overrides);
    const Plan plan = deskPlan(rules, QStringLiteral("Catalog Review"));
    ASSERT_EQ(plan.stepNames(), QStringList{QStringLiteral("WORK_ORDER")});
    EXPECT_EQ(plan.steps.front().workOrderType, QStringLiteral("CR"));
    EXPECT_EQ(rules.conditionCode(), QStringLiteral("WORN"));
}

TEST(RuleOverrides, SavedMissingStrategyAndWithdrawPolicyReachThePlan)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    Settings settings(QDir(dir.path()).filePath(QStringLiteral("settings.ini")));
    // Nothing saved: the rules file's choices stand.
    const RuleOverrides none = settings.ruleOverrides();
    EXPECT_TRUE(none.missingStrategy.isEmpty());
    EXPECT_TRUE(none.withdrawHoldings.isEmpty());
    EXPECT_TRUE(none.withdrawBib.isEmpty());
    const Rules shipped = Rules::defaults().withOverrides(none);
    EXPECT_EQ(shipped.missingStrategy(), Rules::defaults().missingStrategy());

    settings.setMissingStrategy(QStringLiteral("put"));
    settings.setWithdrawHoldings(QStringLiteral("delete"));
    settings.setWithdrawBib(QStringLiteral("suppress"));
    const Rules rules = Rules::defaults().withOverrides(settings.ruleOverrides());
    EXPECT_EQ(rules.missingStrategy(), QStringLiteral("put"));
    EXPECT_EQ(rules.withdrawHoldings(), QStringLiteral("delete"));
    EXPECT_EQ(rules.withdrawBib(), QStringLiteral("suppress"));

    // The planner writes them into its steps: a follow-up Missing item is PUT, not sent to a job.
    Item item;
    item.barcode = QStringLiteral("B0002");
    item.processType = {QStringLiteral("TECHNICAL"), QStringLiteral("Technical - Migration")};
    item.baseStatus = {QStringLiteral("0"), QStringLiteral("Item not in place")};
    item.internalNote1 = QStringLiteral("Missing");
    PlanContext context;
    context.mode = WorkMode::Followup;
    const Plan plan = Planner(rules).plan(item, NoteParser(SourceIls::Sierra).parse(item), context);
    ASSERT_EQ(plan.stepNames(), QStringList{QStringLiteral("MARK_MISSING")});
    EXPECT_EQ(plan.steps.front().missingStrategy, QStringLiteral("put"));
}
