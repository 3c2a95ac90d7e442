// ScanSession::setPlanner: rules with the settings' overrides take effect for the next lookup;
// what was already planned stays as it was.
#include "DeskFixture.h"

using namespace migdesk;
using namespace migdesk::test;

class SessionPlannerTest : public DeskFixture {};

TEST_F(SessionPlannerTest, AWorkOrderFromTheSettingsIsPlannedForTheNextScan)
{
    SessionSettings settings = defaultSettings();
    settings.dryRun = true;      // only the plans matter here; the item stays as it is
    settings.repeatWindowMs = 0; // the same barcode twice on purpose
    makeSession(settings);
    ASSERT_TRUE(m_session->submit(demo::damaged));
    const qint64 before = lastId();
    ASSERT_TRUE(waitFor([&] { return record(before).stage == ScanStage::Finished; }));
    EXPECT_EQ(record(before).plan.stepNames(),
              (QStringList{QStringLiteral("SET_CONDITION"), QStringLiteral("RETURN")}));

    RuleOverrides overrides;
    overrides.conditionCode = QStringLiteral("WORN");
    overrides.workOrders.insert(QStringLiteral("DAMAGED"),
                                {QStringLiteral("MENDING"), QStringLiteral("Mend")});
    m_session->setPlanner(Planner(Rules::defaults().withOverrides(overrides)));
    EXPECT_EQ(record(before).plan.stepNames().last(), QStringLiteral("RETURN"));

    ASSERT_TRUE(m_session->submit(demo::damaged));
    const qint64 after = lastId();
    ASSERT_NE(after, before);
    ASSERT_TRUE(waitFor([&] { return record(after).stage == ScanStage::Finished; }));
    const Plan &plan = record(after).plan;
    ASSERT_EQ(plan.stepNames(),
              (QStringList{QStringLiteral("SET_CONDITION"), QStringLiteral("WORK_ORDER")}));
    EXPECT_EQ(plan.steps[0].conditionCode, QStringLiteral("WORN"));
    EXPECT_EQ(plan.steps[1].department, QStringLiteral("MENDING"));
    EXPECT_EQ(plan.steps[1].workOrderType, QStringLiteral("Mend"));
    EXPECT_TRUE(m_server->operations().empty());
}
