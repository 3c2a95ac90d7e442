// The step catalogue: every StepType has exactly one entry, in order, with a unique name; what a
// plan waits for follows the gates; field-change kinds carry an edit that the Executor can run.
#include "planning/StepCatalogue.h"
#include "model/Item.h"
#include "planning/Plan.h"

#include <gtest/gtest.h>

#include <set>

namespace migdesk {
namespace {

Step step(StepType type)
{
    Step s;
    s.type = type;
    return s;
}

TEST(StepCatalogue, EveryTypeHasOneEntryInOrderWithAUniqueName)
{
    const auto &catalogue = stepCatalogue();
    ASSERT_EQ(catalogue.size(), static_cast<size_t>(StepType::ClearTempLocation) + 1);
    std::set<std::string> names;
    for (size_t i = 0; i < catalogue.size(); ++i) {
        const StepKind &kind = catalogue[i];
        EXPECT_EQ(static_cast<size_t>(kind.type), i);
        EXPECT_TRUE(names.insert(kind.name).second) << kind.name;
        EXPECT_EQ(stepTypeFromName(QLatin1String(kind.name)), kind.type);
        EXPECT_FALSE(stepTypeLabel(kind.type).isEmpty());
        // A kind that waits for staff beyond Enter always says what to do.
        if (kind.gate > Awaiting::Enter) {
            EXPECT_STRNE(kind.waitText, "") << kind.name;
        }
        // Only something the executor runs can be safe to apply without a question.
        if (kind.autoSafe) {
            EXPECT_TRUE(kind.executable) << kind.name;
        }
        if (kind.edit) {
            EXPECT_EQ(kind.write, WriteKind::Put) << kind.name;
        }
    }
}

TEST(StepCatalogue, WhatAScanWaitsForFollowsTheStrongestGate)
{
    using A = Awaiting;
    EXPECT_EQ(awaitingFor({step(StepType::Return)}, true, false), A::Nothing);
    EXPECT_EQ(awaitingFor({step(StepType::Return)}, false, false), A::Enter);
    EXPECT_EQ(awaitingFor({step(StepType::Return)}, false, true), A::Nothing);
    EXPECT_EQ(awaitingFor({step(StepType::MarkMissing)}, true, false), A::Enter);
    EXPECT_EQ(awaitingFor({step(StepType::MarkMissing)}, true, true), A::Nothing);
    EXPECT_EQ(awaitingFor({step(StepType::SetCondition), step(StepType::Withdraw)}, true, true),
              A::WithdrawConfirmation);
    EXPECT_EQ(awaitingFor({step(StepType::Withdraw), step(StepType::Decide)}, true, false),
              A::Choice);
    EXPECT_EQ(awaitingFor({step(StepType::NeedsReview)}, true, false), A::Review);
    EXPECT_EQ(awaitingFor({step(StepType::GuideLost)}, true, true), A::LoanActionInAlma);
    EXPECT_EQ(awaitingFor({step(StepType::Nothing), step(StepType::Defer)}, false, false),
              A::Nothing);
    const std::vector<Step> steps{step(StepType::Return), step(StepType::GuideClaimedReturned)};
    ASSERT_NE(gatingStep(steps), nullptr);
    EXPECT_EQ(gatingStep(steps)->type, StepType::GuideClaimedReturned);
}

TEST(StepCatalogue, StaffPickTheFourReviewActions)
{
    EXPECT_EQ(staffPickableSteps(),
              (std::vector<StepType>{StepType::Return, StepType::MarkMissing,
                                     StepType::SetCondition, StepType::Withdraw}));
}

TEST(StepCatalogue, AFieldEditChangesOnlyItsFieldAndKnowsWhenItIsDone)
{
    Item item;
    item.fulfillmentNote = QStringLiteral("keep");
    Step condition = step(StepType::SetCondition);
    condition.conditionCode = QStringLiteral("DAMAGED");
    const FieldEdit *edit = stepKind(StepType::SetCondition).edit;
    ASSERT_NE(edit, nullptr);
    EXPECT_FALSE(edit->isApplied(item, condition));
    edit->apply(item, condition);
    EXPECT_TRUE(edit->isApplied(item, condition));
    EXPECT_EQ(item.physicalCondition.value, QStringLiteral("DAMAGED"));
    EXPECT_EQ(item.fulfillmentNote, QStringLiteral("keep"));
    EXPECT_TRUE(edit->summary(Item{}, condition).contains(QStringLiteral("DAMAGED")));
    EXPECT_EQ(stepKind(StepType::Return).edit, nullptr) << "a scan-in is not a field edit";
}

} // namespace
} // namespace migdesk
