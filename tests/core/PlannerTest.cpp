// Planner with the shipped rules: every status of every ILS (DOMAIN.md's table), at the desk
// and in follow-up, with and without an active loan; then combinations and special cases.
#include "planning/Planner.h"
#include "legacy/NoteParser.h"

#include <gtest/gtest.h>

#include <ostream>

using namespace migdesk;

namespace {

// The typical note text per ILS, written as the source system did.
struct StatusText {
    const char *id;
    const char *voyager;
    const char *sierra;
    const char *koha;
    const char *symphony;
};

const StatusText kTexts[] = {
    {"MISSING", "Missing", "Status: Missing", "Status: Missing", "Status: Missing"},
    {"DAMAGED", "Damaged", "Status: Damaged", "Status: Damaged", nullptr},
    {"DAMAGED_BILLED", nullptr, nullptr, nullptr, "Status: Damaged Billed"},
    {"LOST_LIBRARY", "Lost--Library Applied", nullptr, nullptr, nullptr},
    {"LOST_SYSTEM", "Lost--System Applied", nullptr, nullptr, nullptr},
    {"LOST", nullptr, nullptr, "Status: Lost", nullptr},
    {"LONG_OVERDUE", nullptr, nullptr, "Status: Long Overdue (Lost)", nullptr},
    {"ASSUMED_LOST", nullptr, nullptr, nullptr, "Status: Assumed Lost"},
    {"LOST_CLAIM", nullptr, nullptr, nullptr, "Status: Lost Claim"},
    {"LOST_AND_PAID", nullptr, "Status: Lost and Paid", nullptr, nullptr},
    {"BILLED", nullptr, "Status: Billed", nullptr, nullptr},
    {"LONG_AGO_GONE", nullptr, "Status: Long Ago Gone", nullptr, nullptr},
    {"CLAIMS_RETURNED", "Claims Returned", "Status: Claims Returned", nullptr,
     "Status: Claims Returned"},
    {"IN_TRANSIT", "In Transit Discharged", "Status: In Transit", nullptr, "Status: In Transit"},
    {"MISSING_IN_TRANSIT", nullptr, nullptr, nullptr, "Status: Missing in Transit"},
    {"WITHDRAWN", nullptr, "Status: Withdrawn", "Status: Withdrawn", nullptr},
    {"DISCARD", nullptr, "Status: Discard", nullptr, "Status: Discard"},
    {"CATALOG_REVIEW", "Catalog Review", nullptr, nullptr, nullptr},
    {"CIRCULATION_REVIEW", "Circulation Review", nullptr, nullptr, nullptr},
    {"IN_PROCESS", "In Process", "Status: In Process", nullptr, "Status: In Process"},
    {"IN_TECHNICAL_SERVICES", nullptr, "Status: In Technical Services", nullptr, nullptr},
    {"IN_IT_DEPARTMENT", nullptr, "Status: In IT Department", nullptr, nullptr},
    {"AT_BINDERY", "At Bindery", nullptr, nullptr, nullptr},
    {"REPAIR", nullptr, "Status: In Repair", nullptr, "Status: Repair"},
    {"CHECKED_OUT", nullptr, nullptr, nullptr, "Status: Checked Out"},
    {"ON_HOLD", nullptr, nullptr, nullptr, "Status: On Hold"},
};

// DOMAIN.md's default rules, written out by hand (no work orders configured).
QStringList expectedSteps(const QString &id, WorkMode mode, bool loan)
{
    const bool desk = mode == WorkMode::Desk;
    auto is = [&id](std::initializer_list<const char *> list) {
        for (const char *candidate : list) {
            if (id == QLatin1String(candidate))
                return true;
        }
        return false;
    };
    const QStringList ret = {QStringLiteral("RETURN")};
    if (is({"MISSING"}))
        return desk ? ret : QStringList{QStringLiteral("MARK_MISSING")};
    if (is({"IN_TRANSIT", "MISSING_IN_TRANSIT"}))
        return desk ? ret : QStringList{QStringLiteral("ADD_TO_SHELF_LIST")};
    if (is({"DAMAGED", "DAMAGED_BILLED"}))
        return {QStringLiteral("SET_CONDITION"), QStringLiteral("RETURN")};
    if (is({"LOST_LIBRARY", "LOST_SYSTEM", "LOST", "LONG_OVERDUE", "ASSUMED_LOST", "LOST_CLAIM"}))
        return desk   ? ret
               : loan ? QStringList{QStringLiteral("GUIDE_LOST")}
                      : QStringList{QStringLiteral("DECIDE")};
    if (is({"CLAIMS_RETURNED"}))
        return desk   ? ret
               : loan ? QStringList{QStringLiteral("GUIDE_CLAIMED_RETURNED")}
                      : QStringList{QStringLiteral("DECIDE")};
    if (is({"BILLED", "LOST_AND_PAID"}))
        return {QStringLiteral("DECIDE")};
    if (is({"LONG_AGO_GONE"}))
        return desk ? ret : QStringList{QStringLiteral("WITHDRAW")};
    if (is({"WITHDRAWN", "DISCARD"}))
        return {QStringLiteral("WITHDRAW")};
    if (is({"CATALOG_REVIEW", "CIRCULATION_REVIEW", "IN_PROCESS", "IN_TECHNICAL_SERVICES",
            "IN_IT_DEPARTMENT"}))
        return desk ? QStringList{QStringLiteral("SET_FULFILLMENT_NOTE"), QStringLiteral("RETURN")}
                    : QStringList{QStringLiteral("DEFER")};
    if (is({"AT_BINDERY", "REPAIR"}))
        return {desk ? QStringLiteral("DECIDE") : QStringLiteral("DEFER")};
    if (is({"CHECKED_OUT"}))
        return desk   ? ret
               : loan ? QStringList{QStringLiteral("DEFER")}
                      : QStringList{QStringLiteral("NEEDS_REVIEW")};
    if (is({"ON_HOLD"}))
        return desk ? ret : QStringList{QStringLiteral("DEFER")};
    return {QStringLiteral("NEEDS_REVIEW")};
}

// The key of the default choice of a DECIDE, per DOMAIN.md.
QString expectedDefault(const QString &id, WorkMode mode)
{
    if (id == QLatin1String("BILLED") || id == QLatin1String("LOST_AND_PAID"))
        return mode == WorkMode::Desk ? QStringLiteral("return") : QStringLiteral("withdraw");
    if (id == QLatin1String("AT_BINDERY") || id == QLatin1String("REPAIR"))
        return QStringLiteral("return");
    return QStringLiteral("missing"); // loan statuses without a loan: Mark Missing or Withdraw
}

struct PlanCase {
    QString id;
    SourceIls source;
    QString text;
    WorkMode mode;
    bool loan;
};

void PrintTo(const PlanCase &c, std::ostream *os)
{
    *os << c.id.toStdString() << '/' << sourceIlsName(c.source).toStdString() << '/'
        << workModeName(c.mode).toStdString() << (c.loan ? "/loan" : "/noloan");
}

std::vector<PlanCase> allCases()
{
    std::vector<PlanCase> cases;
    for (const auto &row : kTexts) {
        const std::pair<SourceIls, const char *> perIls[] = {{SourceIls::Voyager, row.voyager},
                                                             {SourceIls::Sierra, row.sierra},
                                                             {SourceIls::Koha, row.koha},
                                                             {SourceIls::Symphony, row.symphony}};
        for (const auto &[source, text] : perIls) {
            if (!text)
                continue;
            for (WorkMode mode : {WorkMode::Desk, WorkMode::Followup}) {
                for (bool loan : {false, true})
                    cases.push_back({QString::fromLatin1(row.id), source, QString::fromLatin1(text),
                                     mode, loan});
            }
        }
    }
    return cases;
}

Item migrationItem()
{
    Item item;
    item.barcode = QStringLiteral("B0001");
    item.processType = {QStringLiteral("TECHNICAL"), QStringLiteral("Technical - Migration")};
    item.baseStatus = {QStringLiteral("0"), QStringLiteral("Item not in place")};
    return item;
}

Loan activeLoan()
{
    Loan loan;
    loan.loanId = QStringLiteral("L1");
    loan.loanStatus = QStringLiteral("ACTIVE");
    return loan;
}

class PlannerTableTest : public ::testing::TestWithParam<PlanCase> {};

TEST_P(PlannerTableTest, FollowsDefaultRules)
{
    const PlanCase &c = GetParam();
    Item item = migrationItem();
    (c.source == SourceIls::Voyager ? item.internalNote3 : item.internalNote1) = c.text;
    const NoteReading reading = NoteParser(c.source).parse(item);
    ASSERT_EQ(reading.ids(), QStringList{c.id});

    PlanContext context;
    context.mode = c.mode;
    if (c.loan)
        context.activeLoans.push_back(activeLoan());
    const Plan plan = Planner().plan(item, reading, context);
    EXPECT_EQ(plan.stepNames(), expectedSteps(c.id, c.mode, c.loan));
    EXPECT_EQ(plan.statusIds, QStringList{c.id});
    EXPECT_TRUE(plan.explanation.contains(legacyStatusLabel(c.id)))
        << plan.explanation.toStdString();
    EXPECT_TRUE(plan.explanation.contains(c.source == SourceIls::Voyager
                                              ? QStringLiteral("Internal Note 3")
                                              : QStringLiteral("Internal Note 1")));
    for (const auto &step : plan.steps) {
        EXPECT_FALSE(step.label.isEmpty());
        if (step.type == StepType::Return) {
            EXPECT_FALSE(step.registerInHouseUse);
        }
        if (step.type == StepType::SetCondition) {
            EXPECT_EQ(step.conditionCode, QStringLiteral("DAMAGED"));
        }
        if (step.type == StepType::Withdraw) {
            EXPECT_TRUE(step.needsConfirmation);
        }
        if (step.type == StepType::MarkMissing) {
            EXPECT_EQ(step.missingStrategy, QStringLiteral("job"));
        }
        if (step.type == StepType::Decide) {
            ASSERT_GE(step.choices.size(), 2u);
            EXPECT_EQ(step.choices.at(std::size_t(step.defaultChoice)).key,
                      expectedDefault(c.id, c.mode));
        }
    }
}

INSTANTIATE_TEST_SUITE_P(AllStatuses, PlannerTableTest, ::testing::ValuesIn(allCases()),
                         [](const auto &info) {
                             const PlanCase &c = info.param;
                             return (c.id + QLatin1Char('_') + sourceIlsName(c.source) +
                                     QLatin1Char('_') + workModeName(c.mode) +
                                     (c.loan ? QStringLiteral("_loan") : QStringLiteral("_noloan")))
                                 .toStdString();
                         });

Plan planFor(const QString &note1, WorkMode mode, bool loan = false,
             const Planner &planner = Planner())
{
    Item item = migrationItem();
    item.internalNote1 = note1;
    PlanContext context;
    context.mode = mode;
    if (loan)
        context.activeLoans.push_back(activeLoan());
    return planner.plan(item, NoteParser().parse(item), context);
}

} // namespace

TEST(Planner, EveryCatalogueStatusHasTableRows)
{
    QStringList covered;
    for (const auto &c : allCases())
        covered.append(c.id);
    for (const auto &id : allLegacyStatusIds()) {
        if (id != unknownStatusId()) {
            EXPECT_TRUE(covered.contains(id)) << id.toStdString();
        }
    }
}

TEST(Planner, DamagedAndMissingSetsConditionThenOneDisposition)
{
    const Plan desk = planFor(QStringLiteral("Status: Missing; Damaged"), WorkMode::Desk);
    EXPECT_EQ(desk.stepNames(),
              (QStringList{QStringLiteral("SET_CONDITION"), QStringLiteral("RETURN")}));
    EXPECT_TRUE(desk.isAutoSafe());
    const Plan followup = planFor(QStringLiteral("Status: Missing; Damaged"), WorkMode::Followup);
    EXPECT_EQ(followup.stepNames(),
              (QStringList{QStringLiteral("SET_CONDITION"), QStringLiteral("MARK_MISSING")}));
    EXPECT_TRUE(followup.needsStaff());
}

TEST(Planner, WithdrawWinsAndSkipsCondition)
{
    const Plan plan = planFor(QStringLiteral("Status: Damaged, Withdrawn"), WorkMode::Desk);
    EXPECT_EQ(plan.stepNames(), QStringList{QStringLiteral("WITHDRAW")});
    EXPECT_EQ(plan.statusIds,
              (QStringList{QStringLiteral("DAMAGED"), QStringLiteral("WITHDRAWN")}));
}

TEST(Planner, LoanActionBeatsMissingInFollowup)
{
    const Plan plan =
        planFor(QStringLiteral("Status: Missing; Status: Lost"), WorkMode::Followup, true);
    EXPECT_EQ(plan.stepNames(), QStringList{QStringLiteral("GUIDE_LOST")});
}

TEST(Planner, WorkOrderBeatsReturn)
{
    const Plan plan = planFor(QStringLiteral("Status: Missing; In Process"), WorkMode::Desk);
    EXPECT_EQ(plan.stepNames(),
              (QStringList{QStringLiteral("SET_FULFILLMENT_NOTE"), QStringLiteral("RETURN")}));
    EXPECT_TRUE(plan.steps.front().fulfillmentNote.contains(QStringLiteral("In Process")));
}

TEST(Planner, ConfiguredWorkOrderIsUsed)
{
    QByteArray text = R"({"statuses": {
        "DAMAGED": {"desk": [{"type": "SET_CONDITION"},
                             {"type": "WORK_ORDER", "fallback": [{"type": "RETURN"}]}],
                    "followup": [{"type": "SET_CONDITION"}, {"type": "RETURN"}]}},
        "work_orders": {"DAMAGED": {"department": "REPAIR_DEPT", "type": "Repair"}},
        "physical_condition": "BROKEN", "missing_strategy": "put"})";
    const auto rules = Rules::fromJson(text, QStringLiteral("test.json"));
    ASSERT_TRUE(rules.isOk()) << rules.error().message.toStdString();
    const Plan plan =
        planFor(QStringLiteral("Status: Damaged"), WorkMode::Desk, false, Planner(rules.value()));
    ASSERT_EQ(plan.stepNames(),
              (QStringList{QStringLiteral("SET_CONDITION"), QStringLiteral("WORK_ORDER")}));
    EXPECT_EQ(plan.steps[0].conditionCode, QStringLiteral("BROKEN"));
    EXPECT_EQ(plan.steps[1].department, QStringLiteral("REPAIR_DEPT"));
    EXPECT_EQ(plan.steps[1].workOrderType, QStringLiteral("Repair"));
    // A status the file does not cover needs review rather than a guess.
    const Plan uncovered =
        planFor(QStringLiteral("Status: Missing"), WorkMode::Desk, false, Planner(rules.value()));
    EXPECT_EQ(uncovered.stepNames(), QStringList{QStringLiteral("NEEDS_REVIEW")});
}

TEST(Planner, NotMigrationItemGetsNothing)
{
    Item item = migrationItem();
    item.processType = {QStringLiteral("LOAN"), QStringLiteral("Loan")};
    item.internalNote1 = QStringLiteral("Status: Missing");
    const Plan plan = Planner().plan(item, NoteParser().parse(item), {});
    EXPECT_EQ(plan.stepNames(), QStringList{QStringLiteral("NOTHING")});
    EXPECT_TRUE(plan.explanation.contains(QStringLiteral("Loan")));
    EXPECT_FALSE(plan.needsStaff());
}

TEST(Planner, UnknownAndEmptyNeedReview)
{
    const Plan unknown = planFor(QStringLiteral("Status: kat - kat"), WorkMode::Desk);
    EXPECT_EQ(unknown.stepNames(), QStringList{QStringLiteral("NEEDS_REVIEW")});
    EXPECT_TRUE(unknown.explanation.contains(QStringLiteral("Status: kat - kat")));
    const Plan empty = planFor({}, WorkMode::Desk);
    EXPECT_EQ(empty.stepNames(), QStringList{QStringLiteral("NEEDS_REVIEW")});
    EXPECT_TRUE(empty.needsStaff());
}

TEST(Planner, ExplanationCitesNoteAndOutcome)
{
    const Plan plan = planFor(QStringLiteral("Status: Missing"), WorkMode::Desk);
    EXPECT_TRUE(plan.explanation.contains(QStringLiteral("\"Status: Missing\"")));
    EXPECT_TRUE(plan.explanation.contains(QStringLiteral("in place")));
}

TEST(Planner, PlanJsonShape)
{
    const Plan plan = planFor(QStringLiteral("Status: Billed"), WorkMode::Desk);
    const nlohmann::json json = planToJson(plan);
    ASSERT_EQ(json["steps"].size(), 1u);
    EXPECT_EQ(json["steps"][0]["type"], "DECIDE");
    EXPECT_EQ(json["steps"][0]["choices"][0]["key"], "return");
    EXPECT_EQ(json["steps"][0]["choices"][1]["steps"][0]["type"], "WITHDRAW");
    EXPECT_EQ(json["steps"][0]["default_choice"], 0);
    EXPECT_FALSE(json["explanation"].get<std::string>().empty());
}

TEST(Plan, StepVocabulary)
{
    for (StepType type :
         {StepType::SetCondition, StepType::Return, StepType::WorkOrder,
          StepType::SetFulfillmentNote, StepType::MarkMissing, StepType::AddToShelfList,
          StepType::GuideLost, StepType::GuideClaimedReturned, StepType::Withdraw, StepType::Decide,
          StepType::NeedsReview, StepType::Defer, StepType::Nothing}) {
        EXPECT_EQ(stepTypeFromName(stepTypeName(type)), type);
        EXPECT_FALSE(stepTypeLabel(type).isEmpty());
    }
    EXPECT_EQ(stepTypeName(StepType::GuideClaimedReturned),
              QStringLiteral("GUIDE_CLAIMED_RETURNED"));
    EXPECT_TRUE(isAutoSafe(StepType::AddToShelfList));
    EXPECT_FALSE(isAutoSafe(StepType::MarkMissing));
    EXPECT_FALSE(stepTypeFromName(QStringLiteral("RETRUN")).has_value());
}
