// SET_TEMP_LOCATION and CLEAR_TEMP_LOCATION in planning: the rules file's step and its checks,
// the review handling chosen in Settings laid over the rules, the plan's JSON, an item back from
// its review shelf, and the whole-record PUT body and stale check of the temporary fields.
#include "legacy/NoteParser.h"
#include "model/ItemCompare.h"
#include "model/JsonUtil.h"
#include "planning/Planner.h"
#include "planning/Rules.h"
#include "planning/StepCatalogue.h"
#include "settings/Settings.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace migdesk;

namespace {

Item migrationItem(const QString &note3)
{
    Item item;
    item.barcode = QStringLiteral("B0001");
    item.processType = {QStringLiteral("TECHNICAL"), QStringLiteral("Technical - Migration")};
    item.baseStatus = {QStringLiteral("0"), QStringLiteral("Item not in place")};
    item.location = {QStringLiteral("STACKS"), QStringLiteral("Main Stacks")};
    item.internalNote3 = note3;
    return item;
}

Plan plan(const Rules &rules, const Item &item, WorkMode mode = WorkMode::Desk)
{
    PlanContext context;
    context.mode = mode;
    return Planner(rules).plan(item, NoteParser(SourceIls::Voyager).parse(item), context);
}

Rules rulesWith(const char *deskSteps)
{
    const QByteArray text = QByteArray(R"({"statuses": {"CATALOG_REVIEW": {"desk": )") + deskSteps +
                            R"(, "followup": [{"type": "DEFER"}]}}})";
    auto result = Rules::fromJson(text, QStringLiteral("test.json"));
    EXPECT_TRUE(result.isOk()) << result.error().message.toStdString();
    return result.isOk() ? result.value() : Rules::defaults();
}

QString ruleError(const char *deskSteps)
{
    const QByteArray text = QByteArray(R"({"statuses": {"CATALOG_REVIEW": {"desk": )") + deskSteps +
                            R"(, "followup": [{"type": "DEFER"}]}}})";
    auto result = Rules::fromJson(text, QStringLiteral("test.json"));
    return result.isOk() ? QString() : result.error().message;
}

} // namespace

TEST(TempLocationPlan, TheRulesFileParksACatalogReviewItemThenReturnsIt)
{
    const Rules rules = rulesWith(R"([{"type": "SET_TEMP_LOCATION",
        "temp_location": {"library": "MAIN", "location": "REVIEW", "policy": "NONCIRC"}},
        {"type": "RETURN"}])");
    const Plan p = plan(rules, migrationItem(QStringLiteral("Catalog Review")));
    ASSERT_EQ(p.stepNames(),
              (QStringList{QStringLiteral("SET_TEMP_LOCATION"), QStringLiteral("RETURN")}));
    const Step &park = p.steps.front();
    EXPECT_EQ(park.tempLocation,
              (TempLocationTarget{QStringLiteral("MAIN"), QStringLiteral("REVIEW"),
                                  QStringLiteral("NONCIRC")}));
    EXPECT_TRUE(p.isAutoSafe());
    EXPECT_TRUE(p.explanation.contains(QStringLiteral("MAIN › REVIEW")))
        << p.explanation.toStdString();
    EXPECT_TRUE(park.label.contains(QStringLiteral("REVIEW")));
    const nlohmann::json json = planToJson(p);
    EXPECT_EQ(json["steps"][0]["temp_library"], "MAIN");
    EXPECT_EQ(json["steps"][0]["temp_location"], "REVIEW");
    EXPECT_EQ(json["steps"][0]["temp_policy"], "NONCIRC");
}

TEST(TempLocationPlan, WithoutAReturnTheItemStaysInTechnicalMigration)
{
    const Rules rules = rulesWith(
        R"([{"type": "SET_TEMP_LOCATION", "temp_location": {"library": "MAIN", "location": "REVIEW"}}])");
    const Plan p = plan(rules, migrationItem(QStringLiteral("Catalog Review")));
    EXPECT_EQ(p.stepNames(), QStringList{QStringLiteral("SET_TEMP_LOCATION")});
    EXPECT_TRUE(p.explanation.contains(QStringLiteral("Technical - Migration")))
        << p.explanation.toStdString();
}

TEST(TempLocationPlan, TheRulesFileSaysWhatIsWrongWithAStep)
{
    EXPECT_TRUE(
        ruleError(R"([{"type": "SET_TEMP_LOCATION"}])").contains(QStringLiteral("temp_location")));
    EXPECT_TRUE(ruleError(R"([{"type": "SET_TEMP_LOCATION", "temp_location": "MAIN/REVIEW"}])")
                    .contains(QStringLiteral("must be an object")));
    const QString noLocation =
        ruleError(R"([{"type": "SET_TEMP_LOCATION", "temp_location": {"library": "MAIN"}}])");
    EXPECT_TRUE(noLocation.contains(QStringLiteral("temp_location.location")))
        << noLocation.toStdString();
    EXPECT_TRUE(noLocation.contains(QStringLiteral("missing")));
    EXPECT_TRUE(ruleError(R"([{"type": "SET_TEMP_LOCATION",
        "temp_location": {"library": "MAIN", "location": "RE VIEW"}}])")
                    .contains(QStringLiteral("not a code")));
    EXPECT_TRUE(ruleError(R"([{"type": "SET_TEMP_LOCATION",
        "temp_location": {"library": "MAIN", "location": "REVIEW", "shelf": "3"}}])")
                    .contains(QStringLiteral("temp_location.shelf")));
    // The key belongs to this step kind only.
    EXPECT_TRUE(ruleError(R"([{"type": "RETURN", "temp_location": {}}])")
                    .contains(QStringLiteral("not allowed")));
}

TEST(TempLocationPlan, TheDefaultRulesStayAsTheyAre)
{
    const Plan p = plan(Rules::defaults(), migrationItem(QStringLiteral("Catalog Review")));
    EXPECT_EQ(p.stepNames(),
              (QStringList{QStringLiteral("SET_FULFILLMENT_NOTE"), QStringLiteral("RETURN")}));
    EXPECT_TRUE(Rules::defaults().reviewTempLocations().empty());
}

TEST(TempLocationPlan, SettingsChooseTheTemporaryLocationPerReviewStatus)
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    ReviewHandling shelf;
    shelf.method = ReviewMethod::TempLocation;
    shelf.tempLocation = {QStringLiteral("MAIN"), QStringLiteral("REVIEW"), {}};
    settings.setReviewHandling(QStringLiteral("CATALOG_REVIEW"), shelf);
    ReviewHandling note;
    note.method = ReviewMethod::FulfillmentNote;
    settings.setReviewHandling(QStringLiteral("IN_PROCESS"), note);
    ReviewHandling half; // a temporary location without its location code is not applied
    half.method = ReviewMethod::TempLocation;
    half.tempLocation.library = QStringLiteral("MAIN");
    settings.setReviewHandling(QStringLiteral("CIRCULATION_REVIEW"), half);
    EXPECT_FALSE(half.problem().isEmpty());

    const Rules rules = Rules::defaults().withOverrides(settings.ruleOverrides());
    EXPECT_EQ(plan(rules, migrationItem(QStringLiteral("Catalog Review"))).stepNames(),
              (QStringList{QStringLiteral("SET_TEMP_LOCATION"), QStringLiteral("RETURN")}));
    EXPECT_EQ(plan(rules, migrationItem(QStringLiteral("In Process"))).stepNames(),
              (QStringList{QStringLiteral("SET_FULFILLMENT_NOTE"), QStringLiteral("RETURN")}));
    EXPECT_EQ(plan(rules, migrationItem(QStringLiteral("Circulation Review"))).stepNames(),
              (QStringList{QStringLiteral("SET_FULFILLMENT_NOTE"), QStringLiteral("RETURN")}));
    // Follow-up keeps the rules' DEFER: nothing moves before the item is in hand.
    EXPECT_EQ(plan(rules, migrationItem(QStringLiteral("Catalog Review")), WorkMode::Followup)
                  .stepNames(),
              QStringList{QStringLiteral("DEFER")});
    ASSERT_EQ(rules.reviewTempLocations().size(), 1u);
    EXPECT_EQ(rules.reviewTempLocations().front().location, QStringLiteral("REVIEW"));
}

TEST(TempLocationPlan, AnItemBackFromTheReviewShelfIsOfferedTheClearing)
{
    const Rules rules = rulesWith(R"([{"type": "SET_TEMP_LOCATION",
        "temp_location": {"library": "MAIN", "location": "REVIEW"}}, {"type": "RETURN"}])");
    Item item = migrationItem(QString());
    item.processType = {};
    item.baseStatus = {QStringLiteral("1"), QStringLiteral("Item in place")};
    item.inTempLocation = true;
    item.tempLibrary = {QStringLiteral("MAIN"), QStringLiteral("Main Library")};
    item.tempLocation = {QStringLiteral("REVIEW"), QStringLiteral("Review Shelf")};
    const Plan back = plan(rules, item);
    ASSERT_EQ(back.stepNames(), QStringList{QStringLiteral("CLEAR_TEMP_LOCATION")});
    EXPECT_FALSE(back.isAutoSafe()) << "staff confirm that the review is over";
    EXPECT_EQ(awaitingFor(back.steps, true, false), Awaiting::Enter);
    EXPECT_TRUE(back.explanation.contains(QStringLiteral("Main Stacks")))
        << back.explanation.toStdString();
    // Another temporary location (a course reserve, say) is not MigDesk's to clear.
    item.tempLocation = {QStringLiteral("RESERVE"), {}};
    EXPECT_EQ(plan(rules, item).stepNames(), QStringList{QStringLiteral("NOTHING")});
    // Nor in follow-up, where the item is not in hand.
    item.tempLocation = {QStringLiteral("REVIEW"), {}};
    EXPECT_EQ(plan(rules, item, WorkMode::Followup).stepNames(),
              QStringList{QStringLiteral("NOTHING")});
}

TEST(TempLocationPlan, ThePutBodyCarriesTheTemporaryFieldsOnlyWhenTheyChange)
{
    const nlohmann::json raw = {
        {"holding_data",
         {{"holding_id", "22"},
          {"in_temp_location", false},
          {"temp_location", {{"value", nullptr}}}}},
        {"item_data", {{"pid", "23"}, {"barcode", "B1"}, {"internal_note_3", "Catalog Review"}}}};
    auto parsed = itemFromJson(raw);
    ASSERT_TRUE(parsed.isOk());
    Item item = parsed.value();
    nlohmann::json unchanged;
    to_json(unchanged, item);
    EXPECT_EQ(unchanged["holding_data"], raw["holding_data"]) << "nothing changed, nothing written";

    const Step park = [] {
        Step step;
        step.type = StepType::SetTempLocation;
        step.tempLocation = {QStringLiteral("MAIN"), QStringLiteral("REVIEW"), {}};
        return step;
    }();
    const FieldEdit *edit = stepKind(StepType::SetTempLocation).edit;
    ASSERT_NE(edit, nullptr);
    EXPECT_FALSE(edit->isApplied(item, park));
    const Item before = item;
    edit->apply(item, park);
    EXPECT_TRUE(edit->isApplied(item, park));
    nlohmann::json body;
    to_json(body, item);
    EXPECT_EQ(body["holding_data"]["in_temp_location"], true);
    EXPECT_EQ(body["holding_data"]["temp_library"]["value"], "MAIN");
    EXPECT_EQ(body["holding_data"]["temp_location"]["value"], "REVIEW");
    EXPECT_EQ(body["holding_data"]["holding_id"], "22");
    EXPECT_EQ(body["item_data"]["internal_note_3"], "Catalog Review");
    // The stale check sees a temporary location changed elsewhere.
    EXPECT_EQ(firstShownDifference(before, item), QStringLiteral("in_temp_location"));
    Item moved = item;
    moved.tempLocation = {QStringLiteral("REF"), {}};
    EXPECT_EQ(firstShownDifference(item, moved), QStringLiteral("temp_location"));
    // Undo's field copy includes them.
    Item restored = item;
    copyEditableFields(restored, before);
    EXPECT_TRUE(sameEditableFields(restored, before));
    EXPECT_FALSE(restored.inTempLocation);
}
