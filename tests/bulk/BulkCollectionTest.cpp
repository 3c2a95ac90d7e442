// BulkCollection: the desk/batch entry point of the "job" Missing strategy, and the run
// finishing the intents the desk already journaled.
#include "BulkHarness.h"

#include "bulk/BulkCollection.h"

#include <gtest/gtest.h>

using namespace migdesk;
using migdesk::test::barcodeRange;
using migdesk::test::BulkHarness;

namespace {

Plan planWith(StepType type, const QString &strategy = QStringLiteral("job"))
{
    Plan plan;
    Step step;
    step.type = type;
    step.missingStrategy = strategy;
    plan.steps.push_back(step);
    return plan;
}

TEST(BulkCollectionTest, CollectsJobMissingStepsOnce)
{
    BulkCollection collection;
    EXPECT_EQ(collection.addPlan(planWith(StepType::MarkMissing), QStringLiteral("A"), 11), 1);
    EXPECT_EQ(collection.addPlan(planWith(StepType::MarkMissing), QStringLiteral(" A "), 12), 0);
    EXPECT_EQ(collection.addPlan(planWith(StepType::MarkMissing, QStringLiteral("put")),
                                 QStringLiteral("B")),
              0);
    EXPECT_EQ(collection.addPlan(planWith(StepType::Return), QStringLiteral("C")), 0);
    ASSERT_EQ(collection.count(BulkAction::Missing), 1);
    EXPECT_EQ(collection.items(BulkAction::Missing)[0].intentId, 11); // the first intent kept
    EXPECT_TRUE(collection.shouldUseJob(BulkAction::Missing));

    EXPECT_TRUE(collection.remove(BulkAction::Missing, QStringLiteral("A")));
    EXPECT_FALSE(collection.remove(BulkAction::Missing, QStringLiteral("A")));
    EXPECT_EQ(collection.count(BulkAction::Missing), 0);
    EXPECT_FALSE(collection.shouldUseJob(BulkAction::Missing));
}

TEST(BulkCollectionTest, DamagedGoesToTheJobOnlyFromTheThreshold)
{
    BulkPolicy policy;
    policy.damagedJobThreshold = 3;
    BulkCollection collection(policy);
    collection.add(BulkAction::Damaged, QStringLiteral("D1"));
    collection.add(BulkAction::Damaged, QStringLiteral("D2"));
    EXPECT_FALSE(collection.shouldUseJob(BulkAction::Damaged));
    collection.add(BulkAction::Damaged, QStringLiteral("D3"));
    EXPECT_TRUE(collection.shouldUseJob(BulkAction::Damaged));
    EXPECT_EQ(collection.count(BulkAction::Missing), 0); // the actions are kept apart

    policy.missingStrategy = QStringLiteral("put");
    EXPECT_FALSE(policy.useJob(BulkAction::Missing, 500));
}

TEST(BulkCollectionTest, RunFinishesTheIntentsTheDeskRecorded)
{
    BulkHarness h(10, 1);
    ASSERT_TRUE(h.loaded && h.journal);
    BulkCollection collection;
    std::vector<qint64> intents;
    for (const QString &barcode : barcodeRange(10)) {
        const qint64 id =
            h.journal->recordIntent(barcode, QStringLiteral("desk"), QStringLiteral("followup"));
        intents.push_back(id);
        collection.addPlan(planWith(StepType::MarkMissing), barcode, id);
    }
    BulkRequest request = collection.request(
        BulkAction::Missing, JobTemplate::changePhysicalItems(), QStringLiteral("Main desk"));
    request.pollIntervalMs = 100;
    request.verify.mode = VerifyPolicy::Mode::All;
    BulkRunner runner(h.client.get(), h.journal.get());
    const BulkSummary summary = BulkHarness::run(runner, request);
    EXPECT_TRUE(summary.ok) << summary.message.toStdString();
    for (qint64 id : intents) {
        const auto intent = h.journal->intent(id);
        ASSERT_TRUE(intent.has_value());
        EXPECT_EQ(intent->outcome, Outcome::Done);
    }
    JournalQuery query;
    query.source = bulkItemSource();
    EXPECT_TRUE(h.journal->intents(query).empty()); // no second intent per item
}

} // namespace
